//! The briefing book: the whole briefing (`print.html`) or a pack of it (one
//! theme, dialogue or year: `print/themes/<slug>.html` …) as one page that a
//! browser prints to a good PDF. It is built from the documents' rendered
//! HTML, like mdBook's print page, avoiding the known failures of
//! concatenated pages: every id is scoped to its document, every link is
//! resolved to an anchor inside the page (or the published site), and
//! relative assets resolve from the print page's folder.

mod appendix;
mod bodies;
mod html;
mod links;
mod parts;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use serde::Serialize;

use super::pages::View;
use super::plan::{Page, PageKind};
use super::views::{year_span, Layout};
use crate::config::PrintGrouping;
use crate::site::{display_date, DocId, GlossaryEntry, Site};
use appendix::Appendices;
use bodies::PrintBody;
use links::{doc_anchor, document_see, section_see, Targets};
use parts::Part;

pub use bodies::Bodies;
pub use links::{doc_anchor as document_id, scoped_id as document_element_id};

/// The template every print page is rendered with.
pub const TEMPLATE: &str = "print.html";
/// The whole book's path in the site.
pub const BOOK_PATH: &str = "print.html";
/// The id of the book's cover.
const COVER_ID: &str = "cover";

/// Which documents a print page holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pack {
    Whole,
    Theme(usize),
    Dialogue(usize),
    Year(usize),
}

impl Pack {
    pub fn of(kind: &PageKind) -> Option<Pack> {
        match *kind {
            PageKind::Print => Some(Pack::Whole),
            PageKind::PrintTheme(i) => Some(Pack::Theme(i)),
            PageKind::PrintDialogue(i) => Some(Pack::Dialogue(i)),
            PageKind::PrintYear(i) => Some(Pack::Year(i)),
            _ => None,
        }
    }

    fn kind(self) -> PageKind {
        match self {
            Pack::Whole => PageKind::Print,
            Pack::Theme(i) => PageKind::PrintTheme(i),
            Pack::Dialogue(i) => PageKind::PrintDialogue(i),
            Pack::Year(i) => PageKind::PrintYear(i),
        }
    }

    /// The print page's path in the site.
    pub fn path(self, site: &Site) -> String {
        match self {
            Pack::Whole => BOOK_PATH.to_string(),
            Pack::Theme(i) => format!("print/themes/{}.html", site.themes[i].slug),
            Pack::Dialogue(i) => format!("print/dialogues/{}.html", site.dialogues[i].slug),
            Pack::Year(i) => format!("print/years/{}.html", site.years[i].year),
        }
    }

    /// The site page the pack prints.
    fn home(self, site: &Site) -> String {
        match self {
            Pack::Whole => "index.html".to_string(),
            Pack::Theme(i) => format!("themes/{}.html", site.themes[i].slug),
            Pack::Dialogue(i) => format!("dialogues/{}.html", site.dialogues[i].slug),
            Pack::Year(i) => format!("years/{}.html", site.years[i].year),
        }
    }

    /// Its documents, in site order (newest first), at most
    /// `print.max_documents` of them.
    pub fn documents(self, site: &Site) -> Vec<DocId> {
        let mut docs = self.all_documents(site);
        if site.config.print.max_documents > 0 {
            docs.truncate(site.config.print.max_documents);
        }
        docs
    }

    /// Every document of its theme, dialogue or year, in site order.
    fn all_documents(self, site: &Site) -> Vec<DocId> {
        let mut docs = match self {
            Pack::Whole => (0..site.documents.len()).collect(),
            Pack::Theme(i) => site.themes[i].documents.clone(),
            Pack::Dialogue(i) => site.dialogues[i].chronology.clone(),
            Pack::Year(i) => site.years[i].documents.clone(),
        };
        docs.sort_unstable();
        docs
    }

    fn title(self, site: &Site) -> String {
        match self {
            Pack::Whole => site.config.title.clone(),
            Pack::Theme(i) => site.config.themes[i].name.clone(),
            Pack::Dialogue(i) => site.config.dialogues[i].name.clone(),
            Pack::Year(i) => site.years[i].label.clone(),
        }
    }

    fn kicker(self) -> &'static str {
        match self {
            Pack::Whole => "Briefing book",
            Pack::Theme(_) => "Briefing pack · Theme",
            Pack::Dialogue(_) => "Briefing pack · Dialogue",
            Pack::Year(_) => "Briefing pack · Year",
        }
    }

    /// The configured grouping, unless it would put the whole pack in one part.
    fn grouping(self, site: &Site) -> PrintGrouping {
        let wanted = site.config.print.group_by;
        match (self, wanted) {
            (Pack::Theme(_), PrintGrouping::Theme) => PrintGrouping::Date,
            (Pack::Dialogue(_), PrintGrouping::Dialogue) => PrintGrouping::Date,
            (Pack::Year(_), PrintGrouping::Date) => PrintGrouping::Dialogue,
            _ => wanted,
        }
    }

    /// The themes whose recommendations the appendix lists.
    fn themes(self, site: &Site) -> Vec<usize> {
        match self {
            Pack::Theme(i) => vec![i],
            _ => (0..site.themes.len()).collect(),
        }
    }
}

/// The print pages of the site: the whole book and a pack for every theme,
/// dialogue and year that has documents.
pub fn pages(site: &Site) -> Vec<Page> {
    let packs = std::iter::once(Pack::Whole)
        .chain((0..site.themes.len()).map(Pack::Theme))
        .chain((0..site.dialogues.len()).map(Pack::Dialogue))
        .chain((0..site.years.len()).map(Pack::Year));
    packs
        .filter_map(|pack| {
            let reads = pack.documents(site);
            (pack == Pack::Whole || !reads.is_empty()).then(|| Page {
                path: pack.path(site),
                kind: pack.kind(),
                template: pack.kind().template(),
                reads,
            })
        })
        .collect()
}

/// The link from a theme, dialogue or year page to its pack, when it has one.
pub fn pack_href(site: &Site, page: &Page) -> Option<String> {
    let pack = match page.kind {
        PageKind::Theme { theme, .. } => Pack::Theme(theme),
        PageKind::Dialogue { dialogue, .. } => Pack::Dialogue(dialogue),
        PageKind::Year { year, .. } => Pack::Year(year),
        _ => return None,
    };
    let has_documents = !pack.documents(site).is_empty();
    has_documents.then(|| format!("{}{}", page.root(), pack.path(site)))
}

#[derive(Serialize)]
pub struct Book<'a> {
    pub kicker: &'static str,
    pub title: String,
    /// The site's title under a pack's, its description under the whole book's.
    pub subtitle: &'a str,
    /// "6 documents", "2 dialogues", "2019–2024".
    pub scope: Vec<String>,
    pub compiled: String,
    /// The footer of every page, as the body of a CSS string (escaped).
    pub running: String,
    /// The CSS `@page` size.
    pub page_size: &'static str,
    /// The site page the book prints, for readers on screen.
    pub site_href: String,
    pub parts: Vec<Part<'a>>,
    pub appendices: Appendices<'a>,
    /// When `print.max_documents` left documents out: which and how to print them.
    pub omitted: Option<String>,
}

/// The view of a print page; `bodies` holds the documents' bodies other
/// print pages of the same render have prepared.
pub fn view<'a>(site: &'a Site, page: &Page, pack: Pack, bodies: &Bodies) -> View<'a, Book<'a>> {
    let root = page.root();
    let docs = pack.documents(site);
    let groups = parts::group(site, &docs, pack.grouping(site));
    let prepared: HashMap<DocId, Arc<PrintBody>> = docs
        .iter()
        .map(|&d| (d, bodies.get(d, || PrintBody::of(&site.documents[d]))))
        .collect();
    bodies.done(&docs);
    let in_book = InBook::new(site, &docs);
    let glossary: Vec<&GlossaryEntry> = (site.glossary.iter())
        .filter(|g| g.documents.iter().any(|&d| in_book.contains(d)))
        .collect();
    let targets = targets(site, pack, &groups, &prepared, &glossary);
    let title = pack.title(site);
    let mut layout = Layout::new(site, page, title.clone(), BOOK_PATH);
    layout.has_code = docs.iter().any(|&d| site.documents[d].has_code);
    View {
        layout,
        page: Book {
            kicker: pack.kicker(),
            title: title.clone(),
            subtitle: match pack {
                Pack::Whole => &site.config.description,
                _ => &site.config.title,
            },
            scope: scope(site, &docs),
            compiled: compiled(site, &docs, std::env::var("SOURCE_DATE_EPOCH").ok()),
            running: parts::css_string(&format!("{} · {title}", pack.kicker())),
            page_size: match site.config.print.page_size.as_str() {
                "Letter" => "letter",
                _ => "A4",
            },
            site_href: format!("{root}{}", pack.home(site)),
            parts: parts::parts(site, groups, &prepared, &targets, root),
            appendices: appendix::appendices(site, &docs, &in_book, glossary, &pack.themes(site)),
            omitted: omitted(docs.len(), pack.all_documents(site).len()),
        },
    }
}

/// Every place in the book a link may lead to, with the titles of those that have one.
fn targets(
    site: &Site,
    pack: Pack,
    groups: &[parts::Group],
    bodies: &HashMap<DocId, Arc<PrintBody>>,
    glossary: &[&GlossaryEntry],
) -> Targets {
    let mut t = Targets {
        base_url: site.config.base_url.trim_end_matches('/').to_string() + "/",
        ..Targets::default()
    };
    if site.config.base_url.trim_matches('/').is_empty() {
        t.base_url.clear();
    }
    for group in groups {
        t.titles.insert(group.id.clone(), section_see(group.title));
        for path in &group.site_pages {
            t.pages.insert(path.clone(), group.id.clone());
        }
        for &d in &group.documents {
            let doc = &site.documents[d];
            t.titles
                .insert(doc_anchor(&doc.slug), document_see(&doc.front.title));
            t.titles.extend(bodies[&d].sections.iter().cloned());
            t.documents.insert(doc.slug.clone(), bodies[&d].ids.clone());
        }
    }
    for (path, anchor) in [
        (pack.home(site), COVER_ID),
        (BOOK_PATH.to_string(), COVER_ID),
        ("glossary.html".to_string(), appendix::GLOSSARY_ID),
    ] {
        t.pages.entry(path).or_insert_with(|| anchor.to_string());
    }
    for (id, title) in appendix::TITLES {
        t.titles.insert(id.to_string(), section_see(title));
    }
    t.glossary = glossary.iter().map(|g| g.anchor.clone()).collect();
    t
}

/// Which of the site's documents a book holds. The appendices ask it of
/// every document of every glossary entry and pledge of the site, tens of
/// thousands a book: one load each, where a search of the book's list
/// took several.
pub struct InBook(Vec<bool>);

impl InBook {
    fn new(site: &Site, docs: &[DocId]) -> InBook {
        let mut in_book = vec![false; site.documents.len()];
        docs.iter().for_each(|&d| in_book[d] = true);
        InBook(in_book)
    }

    pub fn contains(&self, doc: DocId) -> bool {
        self.0.get(doc).copied().unwrap_or(false)
    }
}

fn omitted(printed: usize, all: usize) -> Option<String> {
    (printed < all).then(|| {
        format!(
            "The {printed} newest of {all} documents; the others are on the site. \
             Raise print.max_documents in briefing.yaml (0: no limit) to print more."
        )
    })
}

fn scope(site: &Site, docs: &[DocId]) -> Vec<String> {
    let plural = |n: usize, one: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {one}s"),
    };
    let dialogues: BTreeSet<&String> = docs
        .iter()
        .flat_map(|&d| &site.documents[d].front.dialogues)
        .collect();
    let mut scope = vec![plural(docs.len(), "document")];
    if !dialogues.is_empty() {
        scope.push(plural(dialogues.len(), "dialogue"));
    }
    let span = year_span(site, docs);
    if !span.is_empty() {
        scope.push(span);
    }
    scope
}

/// When the book was compiled, said without reading the clock so that two
/// builds give the same bytes: `SOURCE_DATE_EPOCH` (the reproducible-builds
/// convention) when set, else the newest document's date.
fn compiled(site: &Site, docs: &[DocId], source_date_epoch: Option<String>) -> String {
    let stamp = source_date_epoch
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0));
    if let Some(stamp) = stamp {
        return format!("Compiled {}", stamp.format("%-d %B %Y"));
    }
    let newest = docs
        .iter()
        .filter_map(|&d| site.documents[d].front.date)
        .max();
    match newest {
        Some(date) => format!("Compiled from documents up to {}", display_date(&date)),
        None => "Compiled from undated documents".to_string(),
    }
}
