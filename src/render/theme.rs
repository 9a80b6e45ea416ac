//! The view of a theme page: its documents through time with their tagged
//! passages, the pledges made on it (recurring ones once, with every place),
//! and the themes that co-occur with it.

use serde::Serialize;

use super::pages::{pledge_kind, theme_pages, View};
use super::plan::{page_slice, Page};
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
    /// Only on the first page, the newest `paginate_by` of them.
    pledges: Vec<PledgeView<'a>>,
    /// All the pledges on the theme, and how many of them recur.
    pledge_count: usize,
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

#[derive(Serialize)]
struct PledgeView<'a> {
    kind: &'static str,
    text: &'a str,
    repeated: bool,
    /// How many times it was made.
    times: usize,
    /// The newest [`PLACES_SHOWN`] places, and how many older ones are left out.
    places: Vec<Place<'a>>,
    more_places: usize,
}

/// A pledge repeated in hundreds of documents lists its newest places only,
/// so no theme page grows with the size of the corpus.
pub(super) const PLACES_SHOWN: usize = 10;

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
    let on_page: Vec<&Passages> = page_slice(&index.passages, per_page, number)
        .iter()
        .collect();
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
    let shown = match (number, per_page) {
        (1, 0) => index.pledges.len(),
        (1, n) => n,
        _ => 0,
    };
    let pledges: Vec<PledgeView> = index
        .pledges
        .iter()
        .take(shown)
        .map(|p| pledge_view(site, root, p))
        .collect();
    View {
        layout,
        page: ThemePage {
            slug: &def.slug,
            name: &def.name,
            description: &def.description,
            document_count: index.documents.len(),
            span: year_span(site, &index.documents),
            years: year_groups(site, root, &on_page),
            pagination: pagination(
                root,
                ("themes", &def.slug),
                number,
                theme_pages(site, theme),
            ),
            pledge_count: index.pledges.len(),
            repeated_pledges: index
                .pledges
                .iter()
                .filter(|p| p.occurrences.len() > 1)
                .count(),
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

fn pledge_view<'a>(site: &'a Site, root: &str, pledge: &'a crate::site::Pledge) -> PledgeView<'a> {
    let text = pledge.text(&site.documents);
    let places = pledge
        .occurrences
        .iter()
        .take(PLACES_SHOWN)
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
            let section = o.section(&site.documents);
            let anchor = if doc.sections.iter().any(|s| s.id == section) {
                format!("#{section}")
            } else {
                String::new()
            };
            Place {
                href: format!("{}{anchor}", doc_href(root, doc)),
                title: &doc.front.title,
                date: doc.front.date.as_ref().map(display_date),
                by: by.join(", "),
                wording: Some(o.text(&site.documents)).filter(|&t| t != text),
            }
        })
        .collect();
    PledgeView {
        kind: pledge_kind(pledge.kind),
        text,
        repeated: pledge.occurrences.len() > 1,
        times: pledge.occurrences.len(),
        more_places: pledge.occurrences.len().saturating_sub(PLACES_SHOWN),
        places,
    }
}
