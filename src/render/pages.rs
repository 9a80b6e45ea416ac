//! One view per HTML page kind: the struct its template is rendered with.

use serde::Serialize;

use super::plan::{page_count, page_slice, theme_page_path, Page, PageKind};
use super::print::Bodies;
use super::views::*;
use crate::site::{kind_label, Site};

#[derive(Serialize)]
pub struct View<'a, T: Serialize> {
    pub layout: Layout<'a>,
    pub page: T,
}

/// The template context for an HTML page; `bodies` are the documents'
/// bodies the render's print pages share.
pub fn context(site: &Site, page: &Page, bodies: &Bodies) -> Option<tera::Context> {
    let ctx = match &page.kind {
        PageKind::Index => tera::Context::from_serialize(&home(site, page)),
        PageKind::Document(id) => {
            tera::Context::from_serialize(&super::document::view(site, page, *id))
        }
        PageKind::Theme { theme, number } => {
            tera::Context::from_serialize(&super::theme::view(site, page, *theme, *number))
        }
        PageKind::Dialogue { dialogue, number } => {
            tera::Context::from_serialize(&self::dialogue(site, page, *dialogue, *number))
        }
        PageKind::Year { year, number } => {
            tera::Context::from_serialize(&self::year(site, page, *year, *number))
        }
        PageKind::Themes => tera::Context::from_serialize(&themes(site, page)),
        PageKind::Dialogues => tera::Context::from_serialize(&dialogues(site, page)),
        PageKind::Years => tera::Context::from_serialize(&years(site, page)),
        PageKind::Glossary => tera::Context::from_serialize(&glossary(site, page)),
        PageKind::Search => tera::Context::from_serialize(&super::search::view(site, page)),
        PageKind::NotFound => tera::Context::from_serialize(&View {
            layout: Layout::new(site, page, "Page not found".into(), ""),
            page: (),
        }),
        PageKind::Feed | PageKind::ThemeFeed(_) | PageKind::Sitemap => {
            return Some(super::feeds::context(site, page))
        }
        PageKind::Print
        | PageKind::PrintTheme(_)
        | PageKind::PrintDialogue(_)
        | PageKind::PrintYear(_) => {
            let pack = super::print::Pack::of(&page.kind)?;
            tera::Context::from_serialize(&super::print::view(site, page, pack, bodies))
        }
    };
    ctx.ok()
}

#[derive(Serialize)]
struct Home<'a> {
    document_count: usize,
    theme_count: usize,
    year_span: String,
    latest: Vec<DocCard<'a>>,
    matrix: Matrix<'a>,
    dialogues: Vec<DialogueSummary<'a>>,
}

#[derive(Serialize)]
struct Matrix<'a> {
    years: Vec<Link<'a>>,
    rows: Vec<MatrixRow<'a>>,
    undated: usize,
}

#[derive(Serialize)]
struct MatrixRow<'a> {
    theme: Link<'a>,
    cells: Vec<MatrixCell>,
}

#[derive(Serialize)]
struct MatrixCell {
    count: usize,
    level: u8,
    /// The theme page (the page of it that holds the year) at the year's heading.
    href: Option<String>,
    year: i32,
}

#[derive(Serialize)]
struct DialogueSummary<'a> {
    link: Link<'a>,
    description: &'a str,
    documents: usize,
    span: String,
}

pub(super) const LATEST: usize = 6;

fn home<'a>(site: &'a Site, page: &Page) -> View<'a, Home<'a>> {
    let root = page.root();
    let all: Vec<usize> = (0..site.documents.len()).collect();
    let latest: Vec<usize> = all.iter().copied().take(LATEST).collect();
    View {
        layout: Layout::new(site, page, site.config.title.clone(), "index.html"),
        page: Home {
            document_count: site.documents.len(),
            theme_count: site
                .themes
                .iter()
                .filter(|t| !t.documents.is_empty())
                .count(),
            year_span: year_span(site, &all),
            latest: doc_cards(site, root, &latest),
            matrix: matrix(site, root),
            dialogues: dialogue_summaries(site, root),
        },
    }
}

fn matrix<'a>(site: &'a Site, root: &str) -> Matrix<'a> {
    let years = site
        .years
        .iter()
        .map(|y| Link {
            href: year_href(root, y.year),
            label: year_label(site, y.year),
        })
        .collect();
    let rows = site
        .matrix
        .iter()
        .zip(&site.themes)
        .filter(|(_, theme)| !theme.documents.is_empty())
        .map(|(row, theme)| MatrixRow {
            theme: theme_link(site, root, &row.theme),
            cells: row
                .cells
                .iter()
                .map(|c| MatrixCell {
                    count: c.count,
                    level: c.level,
                    href: (c.count > 0).then(|| theme_year_href(site, root, theme, c.year)),
                    year: c.year,
                })
                .collect(),
        })
        .collect();
    Matrix {
        years,
        rows,
        undated: site.undated.len(),
    }
}

/// The year as a label borrowed from the model (the year index keeps its text).
fn year_label(site: &Site, year: i32) -> &str {
    site.years
        .iter()
        .find(|y| y.year == year)
        .map_or("", |y| y.label.as_str())
}

fn theme_year_href(site: &Site, root: &str, theme: &crate::site::ThemeIndex, year: i32) -> String {
    let position = theme
        .documents
        .iter()
        .position(|&d| site.documents[d].front.date.is_some_and(|x| x.year == year))
        .unwrap_or(0);
    let number = position
        .checked_div(site.config.paginate_by)
        .map_or(1, |n| n + 1);
    format!("{root}{}#y{year}", theme_page_path(&theme.slug, number))
}

fn dialogue_summaries<'a>(site: &'a Site, root: &str) -> Vec<DialogueSummary<'a>> {
    site.dialogues
        .iter()
        .zip(&site.config.dialogues)
        .map(|(d, def)| DialogueSummary {
            link: dialogue_link(site, root, &d.slug),
            description: &def.description,
            documents: d.chronology.len(),
            span: year_span(site, &d.chronology),
        })
        .collect()
}

#[derive(Serialize)]
struct DialoguePage<'a> {
    name: &'a str,
    description: &'a str,
    aliases: &'a [String],
    document_count: usize,
    /// This page's part of the chronology.
    chronology: Vec<DocCard<'a>>,
    pagination: Pagination,
    /// Only on the first page.
    shift: Vec<ShiftYear<'a>>,
}

#[derive(Serialize)]
struct ShiftYear<'a> {
    year: Link<'a>,
    themes: Vec<ThemeTally<'a>>,
}

#[derive(Serialize)]
struct ThemeTally<'a> {
    link: Link<'a>,
    documents: usize,
    new: bool,
}

fn tallies<'a>(
    site: &'a Site,
    root: &str,
    counts: &'a [crate::site::ThemeCount],
) -> Vec<ThemeTally<'a>> {
    counts
        .iter()
        .map(|c| ThemeTally {
            link: theme_link(site, root, &c.slug),
            documents: c.documents,
            new: c.new,
        })
        .collect()
}

fn dialogue<'a>(
    site: &'a Site,
    page: &Page,
    i: usize,
    number: usize,
) -> View<'a, DialoguePage<'a>> {
    let root = page.root();
    let index = &site.dialogues[i];
    let def = &site.config.dialogues[i];
    let per_page = site.config.paginate_by;
    let count = page_count(index.chronology.len(), per_page);
    let shift = if number == 1 {
        &index.theme_shift[..]
    } else {
        &[]
    };
    View {
        layout: Layout::new(site, page, numbered(&def.name, number), "dialogues.html")
            .crumbs(&[("Dialogues", "dialogues.html")]),
        page: DialoguePage {
            name: &def.name,
            description: &def.description,
            aliases: &def.aliases,
            document_count: index.chronology.len(),
            chronology: doc_cards(site, root, page_slice(&index.chronology, per_page, number)),
            pagination: pagination(root, ("dialogues", &def.slug), number, count),
            shift: shift
                .iter()
                .map(|y| ShiftYear {
                    year: Link {
                        href: year_href(root, y.year),
                        label: year_label(site, y.year),
                    },
                    themes: tallies(site, root, &y.themes),
                })
                .collect(),
        },
    }
}

#[derive(Serialize)]
struct YearPage<'a> {
    year: i32,
    document_count: usize,
    /// This page's part of the year's documents.
    documents: Vec<DocCard<'a>>,
    pagination: Pagination,
    themes: Vec<ThemeTally<'a>>,
    prev: Option<Link<'a>>,
    next: Option<Link<'a>>,
}

fn year<'a>(site: &'a Site, page: &Page, i: usize, number: usize) -> View<'a, YearPage<'a>> {
    let root = page.root();
    let index = &site.years[i];
    let per_page = site.config.paginate_by;
    let count = page_count(index.documents.len(), per_page);
    let link = |y: Option<i32>| {
        y.map(|y| Link {
            href: year_href(root, y),
            label: year_label(site, y),
        })
    };
    View {
        layout: Layout::new(site, page, numbered(&index.label, number), "years.html")
            .crumbs(&[("Years", "years.html")]),
        page: YearPage {
            year: index.year,
            document_count: index.documents.len(),
            documents: doc_cards(site, root, page_slice(&index.documents, per_page, number)),
            pagination: pagination(root, ("years", &index.label), number, count),
            themes: tallies(site, root, &index.themes),
            prev: link(index.prev),
            next: link(index.next),
        },
    }
}

#[derive(Serialize)]
struct IndexEntry<'a> {
    link: Link<'a>,
    description: &'a str,
    documents: usize,
    span: String,
}

fn themes<'a>(site: &'a Site, page: &Page) -> View<'a, Vec<IndexEntry<'a>>> {
    let root = page.root();
    let entries = site
        .themes
        .iter()
        .zip(&site.config.themes)
        .map(|(t, def)| IndexEntry {
            link: theme_link(site, root, &t.slug),
            description: &def.description,
            documents: t.documents.len(),
            span: year_span(site, &t.documents),
        })
        .collect();
    View {
        layout: Layout::new(site, page, "Themes".into(), "themes.html"),
        page: entries,
    }
}

fn dialogues<'a>(site: &'a Site, page: &Page) -> View<'a, Vec<DialogueSummary<'a>>> {
    View {
        layout: Layout::new(site, page, "Dialogues".into(), "dialogues.html"),
        page: dialogue_summaries(site, page.root()),
    }
}

#[derive(Serialize)]
struct YearsPage<'a> {
    years: Vec<YearEntry<'a>>,
    undated: Vec<DocCard<'a>>,
}

#[derive(Serialize)]
struct YearEntry<'a> {
    link: Link<'a>,
    documents: usize,
    themes: Vec<ThemeTally<'a>>,
}

fn years<'a>(site: &'a Site, page: &Page) -> View<'a, YearsPage<'a>> {
    let root = page.root();
    let years = site
        .years
        .iter()
        .rev()
        .map(|y| YearEntry {
            link: Link {
                href: year_href(root, y.year),
                label: &y.label,
            },
            documents: y.documents.len(),
            themes: tallies(site, root, &y.themes),
        })
        .collect();
    View {
        layout: Layout::new(site, page, "Years".into(), "years.html"),
        page: YearsPage {
            years,
            undated: doc_cards(site, root, &site.undated),
        },
    }
}

#[derive(Serialize)]
struct GlossaryRow<'a> {
    abbr: &'a str,
    anchor: &'a str,
    expansion: &'a str,
    /// The newest [`GLOSSARY_DOCUMENTS`] documents using it, and how many more do.
    documents: Vec<Link<'a>>,
    more: usize,
}

/// An acronym used by thousands of documents lists the newest few, so the
/// glossary grows with the acronyms, not with the corpus.
const GLOSSARY_DOCUMENTS: usize = 12;

fn glossary<'a>(site: &'a Site, page: &Page) -> View<'a, Vec<GlossaryRow<'a>>> {
    let root = page.root();
    let rows = site
        .glossary
        .iter()
        .map(|g| GlossaryRow {
            abbr: &g.abbr,
            anchor: &g.anchor,
            expansion: &g.expansion,
            documents: g
                .documents
                .iter()
                .take(GLOSSARY_DOCUMENTS)
                .map(|&d| doc_link(site, root, d))
                .collect(),
            more: g.documents.len().saturating_sub(GLOSSARY_DOCUMENTS),
        })
        .collect();
    View {
        layout: Layout::new(site, page, "Glossary".into(), "glossary.html"),
        page: rows,
    }
}

/// Labels for recommendation kinds, shared by the document and theme views.
pub fn pledge_kind(kind: crate::content::RecommendationKind) -> &'static str {
    kind_label(kind)
}

/// How many pages a theme's list takes (for its pagination links).
pub fn theme_pages(site: &Site, theme: usize) -> usize {
    page_count(site.themes[theme].documents.len(), site.config.paginate_by)
}

/// A list page's title: the name, with the page number after the first.
fn numbered(name: &str, number: usize) -> String {
    match number {
        1 => name.to_string(),
        n => format!("{name} (page {n})"),
    }
}
