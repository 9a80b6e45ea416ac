//! What templates see: small serialisable structs that borrow from the site
//! model. All the computing (links, labels, ordering) happens here, so
//! templates only lay things out.

use serde::Serialize;

use super::plan::{list_page_path, Page};
use crate::content::PartialDate;
use crate::site::{display_date, DocId, Document, Site};

/// The frame every page shares.
#[derive(Serialize)]
pub struct Layout<'a> {
    /// Prefix that leads from this page back to the site root (`""` or `"../"`).
    pub root: &'static str,
    pub site_title: &'a str,
    pub site_description: &'a str,
    pub language: &'a str,
    pub page_title: String,
    /// Absolute URL of the page (canonical link); built from `base_url`.
    pub canonical: String,
    pub nav: Vec<NavItem>,
    /// From the home page down to the parent of this page.
    pub breadcrumbs: Vec<Link<'a>>,
    /// Whether the page embeds highlighted code (it then links the highlight stylesheet).
    pub has_code: bool,
    /// Atom feeds the page advertises.
    pub feeds: Vec<Link<'a>>,
    /// The page's Content-Security-Policy (`briefing.yaml`: `content_security_policy`).
    pub content_security_policy: &'a str,
    /// The briefing pack that prints this page's documents (theme, dialogue and year pages).
    pub print_pack: Option<String>,
}

#[derive(Serialize)]
pub struct NavItem {
    pub label: &'static str,
    pub href: String,
    pub current: bool,
}

#[derive(Serialize, Clone)]
pub struct Link<'a> {
    pub href: String,
    pub label: &'a str,
}

/// A document as index pages list it.
#[derive(Serialize)]
pub struct DocCard<'a> {
    pub href: String,
    pub slug: &'a str,
    pub title: &'a str,
    /// For `<time datetime>`.
    pub iso_date: Option<String>,
    pub date: Option<String>,
    pub kind: &'a str,
    pub summary: &'a str,
    pub dialogues: Vec<Link<'a>>,
    /// Every theme, on the document's own page ([`doc_card_with_themes`]);
    /// a card in a list has none. Lists are most of the cards a build
    /// makes, and at seventeen links a card these were a tenth of a theme
    /// page's render.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Link<'a>>,
    /// The strongest few themes, for cards: a card listing all seventeen says nothing.
    pub top_themes: Vec<Link<'a>>,
}

/// How many theme chips a document card shows.
pub const CARD_THEMES: usize = 4;

/// The site's sections, in the order the navigation shows them; later
/// features (search, print) add theirs here.
const NAV: [(&str, &str); 6] = [
    ("Home", "index.html"),
    ("Themes", "themes.html"),
    ("Dialogues", "dialogues.html"),
    ("Years", "years.html"),
    ("Glossary", "glossary.html"),
    ("Briefing book", super::print::BOOK_PATH),
];

impl<'a> Layout<'a> {
    /// `section` is the nav entry (its file) the page belongs to.
    pub fn new(site: &'a Site, page: &Page, title: String, section: &str) -> Layout<'a> {
        let root = page.root();
        Layout {
            root,
            site_title: &site.config.title,
            site_description: &site.config.description,
            language: &site.config.language,
            page_title: title,
            canonical: absolute_url(site, &page.path),
            nav: NAV
                .iter()
                .map(|(label, file)| NavItem {
                    label,
                    href: format!("{root}{file}"),
                    current: *file == section,
                })
                .collect(),
            breadcrumbs: Vec::new(),
            has_code: false,
            feeds: vec![Link {
                href: format!("{root}feed.xml"),
                label: &site.config.title,
            }],
            content_security_policy: &site.config.content_security_policy,
            print_pack: super::print::pack_href(site, page),
        }
    }

    /// Adds Home → `trail` as breadcrumbs (each `(label, path from the site root)`).
    pub fn crumbs<S: AsRef<str>>(mut self, trail: &[(&'a str, S)]) -> Layout<'a> {
        let root = self.root;
        self.breadcrumbs = vec![Link {
            href: format!("{root}index.html"),
            label: "Home",
        }];
        for (label, path) in trail {
            self.breadcrumbs.push(Link {
                href: format!("{root}{}", path.as_ref()),
                label,
            });
        }
        self
    }
}

pub fn absolute_url(site: &Site, path: &str) -> String {
    let base = site.config.base_url.trim_end_matches('/');
    format!("{base}/{path}")
}

/// The card of a document in a list: its strongest themes only.
pub fn doc_card<'a>(site: &'a Site, root: &str, id: DocId) -> DocCard<'a> {
    let doc = &site.documents[id];
    DocCard {
        href: doc_href(root, doc),
        slug: &doc.slug,
        title: &doc.front.title,
        iso_date: doc.front.date.map(|d| iso_date(&d)),
        date: doc.front.date.as_ref().map(display_date),
        kind: site.kind_name(&doc.front.kind),
        summary: &doc.front.summary,
        dialogues: doc
            .front
            .dialogues
            .iter()
            .map(|d| dialogue_link(site, root, d))
            .collect(),
        themes: Vec::new(),
        top_themes: doc
            .themes
            .iter()
            .take(CARD_THEMES)
            .map(|t| theme_link(site, root, t))
            .collect(),
    }
}

/// The card of a document on its own page: every theme it carries.
pub fn doc_card_with_themes<'a>(site: &'a Site, root: &str, id: DocId) -> DocCard<'a> {
    let themes = site.documents[id].themes.iter();
    DocCard {
        themes: themes.map(|t| theme_link(site, root, t)).collect(),
        ..doc_card(site, root, id)
    }
}

pub fn doc_cards<'a>(site: &'a Site, root: &str, ids: &[DocId]) -> Vec<DocCard<'a>> {
    ids.iter().map(|&id| doc_card(site, root, id)).collect()
}

/// Joined with `concat` rather than `format!`, like the other hrefs of
/// cards: every listing and print page makes thousands of them.
pub fn doc_href(root: &str, doc: &Document) -> String {
    [root, "documents/", &doc.slug, ".html"].concat()
}

pub fn doc_link<'a>(site: &'a Site, root: &str, id: DocId) -> Link<'a> {
    let doc = &site.documents[id];
    Link {
        href: doc_href(root, doc),
        label: &doc.front.title,
    }
}

pub fn theme_link<'a>(site: &'a Site, root: &str, slug: &'a str) -> Link<'a> {
    Link {
        href: [root, "themes/", slug, ".html"].concat(),
        label: site.theme_name(slug),
    }
}

pub fn dialogue_link<'a>(site: &'a Site, root: &str, slug: &'a str) -> Link<'a> {
    Link {
        href: [root, "dialogues/", slug, ".html"].concat(),
        label: site.dialogue_name(slug),
    }
}

pub fn year_href(root: &str, year: i32) -> String {
    format!("{root}years/{year}.html")
}

/// `YYYY-MM-DD` for `<time datetime>`, as precise as the date is.
pub fn iso_date(date: &PartialDate) -> String {
    date.to_string()
}

/// RFC 3339 for Atom; a partial date counts from its first day.
pub fn atom_date(date: &PartialDate) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        date.year,
        date.month.unwrap_or(1),
        date.day.unwrap_or(1)
    )
}

/// "2019–2024", "2022" or "" for a set of documents.
pub fn year_span(site: &Site, ids: &[DocId]) -> String {
    let years = ids
        .iter()
        .filter_map(|&id| site.documents[id].front.date.map(|d| d.year));
    let (min, max) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    match (min, max) {
        (i32::MAX, _) => String::new(),
        (lo, hi) if lo == hi => lo.to_string(),
        (lo, hi) => format!("{lo}–{hi}"),
    }
}

/// Links between the pages of a paginated list (theme, dialogue, year).
#[derive(Serialize, Default)]
pub struct Pagination {
    pub number: usize,
    pub count: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Serialize)]
pub struct PageLink {
    pub number: usize,
    pub href: String,
    pub current: bool,
}

/// The pagination of page `number` of `count` of the list `(folder, name)`;
/// empty when the list fits one page.
pub fn pagination(root: &str, list: (&str, &str), number: usize, count: usize) -> Pagination {
    if count <= 1 {
        return Pagination::default();
    }
    let href = |n: usize| format!("{root}{}", list_page_path(list.0, list.1, n));
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
