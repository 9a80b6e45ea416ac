//! The view of a document page.

use serde::Serialize;

use super::pages::{pledge_kind, View};
use super::plan::Page;
use super::views::*;
use crate::content::{DateSource, TitleSource};
use crate::site::{DocId, Site};

#[derive(Serialize)]
pub struct DocumentPage<'a> {
    card: DocCard<'a>,
    html: &'a str,
    /// Where the title came from, when readers should know (made up).
    title_note: Option<&'static str>,
    /// Where the date came from, when readers should know (inferred, unknown).
    date_note: Option<&'static str>,
    organisations: &'a [String],
    year: Option<Link<'a>>,
    toc: Vec<TocEntry<'a>>,
    source: Option<Source<'a>>,
    neighbours: Vec<Neighbour<'a>>,
    related: Vec<DocCard<'a>>,
    pledges: Vec<PledgeRef<'a>>,
    glossary: Vec<Term<'a>>,
}

#[derive(Serialize)]
struct TocEntry<'a> {
    id: &'a str,
    title: &'a str,
    level: u8,
}

#[derive(Serialize)]
struct Source<'a> {
    href: String,
    file_name: &'a str,
    /// What the link opens, for the link's `type`.
    media_type: &'static str,
}

#[derive(Serialize)]
struct Neighbour<'a> {
    dialogue: Link<'a>,
    prev: Option<Link<'a>>,
    next: Option<Link<'a>>,
}

#[derive(Serialize)]
struct PledgeRef<'a> {
    kind: &'static str,
    text: &'a str,
    href: String,
}

#[derive(Serialize)]
struct Term<'a> {
    abbr: &'a str,
    expansion: &'a str,
    href: String,
}

pub fn view<'a>(site: &'a Site, page: &Page, id: DocId) -> View<'a, DocumentPage<'a>> {
    let root = page.root();
    let doc = &site.documents[id];
    let mut layout = Layout::new(site, page, doc.front.title.clone(), "").crumbs(&crumbs(site, id));
    layout.has_code = doc.has_code;
    let date_note = match doc.front.date_source {
        DateSource::Inferred => Some("date inferred from the text"),
        DateSource::Unknown => Some("date unknown"),
        DateSource::Stated | DateSource::Override => None,
    };
    View {
        layout,
        page: DocumentPage {
            card: doc_card_with_themes(site, root, id),
            html: &doc.html,
            title_note: (doc.front.title_source == TitleSource::MadeUp)
                .then_some("title made from the opening of the document"),
            date_note,
            organisations: &doc.front.organisations,
            year: doc.front.date.map(|d| Link {
                href: year_href(root, d.year),
                label: site
                    .years
                    .iter()
                    .find(|y| y.year == d.year)
                    .map_or("", |y| y.label.as_str()),
            }),
            toc: doc
                .sections
                .iter()
                .map(|s| TocEntry {
                    id: &s.id,
                    title: &s.title,
                    level: s.level,
                })
                .collect(),
            source: doc.source.as_ref().map(|s| Source {
                href: format!("{root}sources/{}", s.file_name),
                file_name: &s.file_name,
                media_type: media_type(&s.file_name),
            }),
            neighbours: doc
                .neighbours
                .iter()
                .map(|n| Neighbour {
                    dialogue: dialogue_link(site, root, &n.dialogue),
                    prev: n.prev.map(|p| doc_link(site, root, p)),
                    next: n.next.map(|p| doc_link(site, root, p)),
                })
                .collect(),
            related: doc_cards(site, root, &doc.related),
            pledges: doc
                .front
                .recommendations
                .iter()
                .map(|r| PledgeRef {
                    kind: pledge_kind(r.kind),
                    text: &r.text,
                    href: pledge_anchor(doc, &r.section),
                })
                .collect(),
            glossary: site
                .glossary
                .iter()
                .filter(|g| g.documents.binary_search(&id).is_ok())
                .map(|g| Term {
                    abbr: &g.abbr,
                    expansion: &g.expansion,
                    href: format!("{root}glossary.html#{}", g.anchor),
                })
                .collect(),
        },
    }
}

/// Home → its first dialogue (or Documents by year) → the page.
fn crumbs(site: &Site, id: DocId) -> Vec<(&str, String)> {
    let doc = &site.documents[id];
    match doc.front.dialogues.first() {
        Some(d) => vec![
            ("Dialogues", "dialogues.html".to_string()),
            (site.dialogue_name(d), format!("dialogues/{d}.html")),
        ],
        None => vec![("Years", "years.html".to_string())],
    }
}

/// A pledge links to its section; one made before the first heading (or in a
/// section that no longer exists) links to the top of the document.
fn pledge_anchor(doc: &crate::site::Document, section: &str) -> String {
    if doc.sections.iter().any(|s| s.id == section) {
        format!("#{section}")
    } else {
        "#page-title".to_string()
    }
}

/// The media type of a published source, by its name: a saved page is a
/// page, a PDF a PDF, markdown is markdown, anything else is text.
fn media_type(file_name: &str) -> &'static str {
    let path = std::path::Path::new(file_name);
    if crate::site::saved_page::is_saved_page(path) {
        return "text/html";
    }
    let extension = path.extension().and_then(|x| x.to_str()).unwrap_or("");
    match extension.to_ascii_lowercase().as_str() {
        "md" => "text/markdown",
        "pdf" => "application/pdf",
        _ => "text/plain",
    }
}
