//! The view of a theme page: its documents through time with their tagged
//! passages, the pledges made on it (recurring ones once, with every place),
//! and the themes that co-occur with it.

use serde::Serialize;

use super::pages::{pledge_kind, theme_pages, View};
use super::plan::{theme_page_path, Page};
use super::views::*;
use crate::site::{display_date, Passages, Site};

#[derive(Serialize)]
pub struct ThemePage<'a> {
    slug: &'a str,
    name: &'a str,
    description: &'a str,
    document_count: usize,
    span: String,
    /// This page's documents grouped by year, newest first.
    years: Vec<YearGroup<'a>>,
    pagination: Pagination,
    /// Only on the first page.
    pledges: Vec<PledgeView<'a>>,
    repeated_pledges: usize,
    cooccurring: Vec<Shared<'a>>,
    feed: String,
}

#[derive(Serialize)]
struct YearGroup<'a> {
    /// `y2019`, or `undated`.
    id: String,
    label: String,
    entries: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    card: DocCard<'a>,
    passages: Vec<PassageView<'a>>,
}

#[derive(Serialize)]
struct PassageView<'a> {
    title: &'a str,
    excerpt: &'a str,
    href: String,
}

#[derive(Serialize, Default)]
struct Pagination {
    number: usize,
    count: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    href: String,
    current: bool,
}

#[derive(Serialize)]
struct PledgeView<'a> {
    kind: &'static str,
    text: &'a str,
    repeated: bool,
    places: Vec<Place<'a>>,
}

#[derive(Serialize)]
struct Place<'a> {
    href: String,
    title: &'a str,
    date: Option<String>,
    by: String,
    /// This occurrence's wording, when it differs from the pledge's.
    wording: Option<&'a str>,
}

#[derive(Serialize)]
struct Shared<'a> {
    link: Link<'a>,
    documents: usize,
}

pub fn view<'a>(
    site: &'a Site,
    page: &Page,
    theme: usize,
    number: usize,
) -> View<'a, ThemePage<'a>> {
    let root = page.root();
    let index = &site.themes[theme];
    let def = &site.config.themes[theme];
    let per_page = site.config.paginate_by;
    let on_page: Vec<&Passages> = match per_page {
        0 => index.passages.iter().collect(),
        n => index
            .passages
            .iter()
            .skip((number - 1) * n)
            .take(n)
            .collect(),
    };
    let title = match number {
        1 => def.name.clone(),
        n => format!("{} (page {n})", def.name),
    };
    let mut layout =
        Layout::new(site, page, title, "themes.html").crumbs(&[("Themes", "themes.html")]);
    layout.feeds.push(Link {
        href: format!("{root}themes/{}.xml", def.slug),
        label: &def.name,
    });
    let pledges: Vec<PledgeView> = if number == 1 {
        index
            .pledges
            .iter()
            .map(|p| pledge_view(site, root, p))
            .collect()
    } else {
        Vec::new()
    };
    View {
        layout,
        page: ThemePage {
            slug: &def.slug,
            name: &def.name,
            description: &def.description,
            document_count: index.documents.len(),
            span: year_span(site, &index.documents),
            years: year_groups(site, root, &on_page),
            pagination: pagination(root, &def.slug, number, theme_pages(site, theme)),
            repeated_pledges: pledges.iter().filter(|p| p.repeated).count(),
            pledges,
            cooccurring: index
                .cooccurring
                .iter()
                .map(|(slug, n)| Shared {
                    link: theme_link(site, root, slug),
                    documents: *n,
                })
                .collect(),
            feed: format!("{root}themes/{}.xml", def.slug),
        },
    }
}

fn year_groups<'a>(site: &'a Site, root: &str, passages: &[&Passages]) -> Vec<YearGroup<'a>> {
    let mut groups: Vec<YearGroup> = Vec::new();
    for p in passages {
        let doc = &site.documents[p.doc];
        let (id, label) = match doc.front.date {
            Some(d) => (format!("y{}", d.year), d.year.to_string()),
            None => ("undated".to_string(), "Undated".to_string()),
        };
        let entry = Entry {
            card: doc_card(site, root, p.doc),
            passages: p
                .sections
                .iter()
                .map(|&s| {
                    let section = &doc.sections[s];
                    PassageView {
                        title: &section.title,
                        excerpt: &section.excerpt,
                        href: format!("{}#{}", doc_href(root, doc), section.id),
                    }
                })
                .collect(),
        };
        match groups.last_mut() {
            Some(group) if group.id == id => group.entries.push(entry),
            _ => groups.push(YearGroup {
                id,
                label,
                entries: vec![entry],
            }),
        }
    }
    groups
}

fn pagination(root: &str, slug: &str, number: usize, count: usize) -> Pagination {
    if count <= 1 {
        return Pagination::default();
    }
    let href = |n: usize| format!("{root}{}", theme_page_path(slug, n));
    Pagination {
        number,
        count,
        prev: (number > 1).then(|| href(number - 1)),
        next: (number < count).then(|| href(number + 1)),
        pages: (1..=count)
            .map(|n| PageLink {
                number: n,
                href: href(n),
                current: n == number,
            })
            .collect(),
    }
}

fn pledge_view<'a>(site: &'a Site, root: &str, pledge: &'a crate::site::Pledge) -> PledgeView<'a> {
    let places = pledge
        .occurrences
        .iter()
        .map(|o| {
            let doc = &site.documents[o.doc];
            let mut by: Vec<&str> = doc.front.organisations.iter().map(String::as_str).collect();
            if by.is_empty() {
                by = doc
                    .front
                    .dialogues
                    .iter()
                    .map(|d| site.dialogue_name(d))
                    .collect();
            }
            let anchor = if doc.sections.iter().any(|s| s.id == o.section) {
                format!("#{}", o.section)
            } else {
                String::new()
            };
            Place {
                href: format!("{}{anchor}", doc_href(root, doc)),
                title: &doc.front.title,
                date: doc.front.date.as_ref().map(display_date),
                by: by.join(", "),
                wording: (o.text != pledge.text).then_some(o.text.as_str()),
            }
        })
        .collect();
    PledgeView {
        kind: pledge_kind(pledge.kind),
        text: &pledge.text,
        repeated: pledge.occurrences.len() > 1,
        places,
    }
}
