//! Where a link inside a document goes once the document is part of a print
//! page: to an anchor in the same page when its target is in the book (a
//! document, a section, a footnote, a part, a glossary entry), else to the
//! page on the published site (`base_url`), else nowhere (plain text).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::site::escape_html;

/// Ids longer than this are shortened: a PDF names each link target after
/// its id, and PDF names may not exceed 127 bytes.
const MAX_ID: usize = 96;
/// How much of a document's slug prefixes its ids.
const MAX_KEY: usize = 40;
/// Hex digits of the hash that keeps shortened ids apart.
const HASH_DIGITS: usize = 8;

/// The id a document's element `id` gets in the print page: the document's
/// slug (shortened if long), `--`, the id.
pub fn scoped_id(slug: &str, id: &str) -> String {
    shorten([&doc_key(slug), "--", id].concat())
}

/// The id of the start of a document in the print page.
pub fn doc_anchor(slug: &str) -> String {
    format!("doc-{}", doc_key(slug))
}

/// The slug, or for a long slug its start and a hash of the whole. Every id
/// of a document in every book that prints it starts with this key, so the
/// hashed keys are kept (per thread) rather than hashed again each time.
fn doc_key(slug: &str) -> String {
    if slug.len() <= MAX_KEY {
        return slug.to_string();
    }
    thread_local! {
        static KEYS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
            Default::default();
    }
    KEYS.with(|keys| {
        if let Some(key) = keys.borrow().get(slug) {
            return key.clone();
        }
        let key = shorten_to(slug.to_string(), MAX_KEY);
        keys.borrow_mut().insert(slug.to_string(), key.clone());
        key
    })
}

fn shorten(id: String) -> String {
    shorten_to(id, MAX_ID)
}

/// `id` if it fits in `max` bytes, else its start and a hash of the whole,
/// so two long ids that share a start stay apart.
fn shorten_to(id: String, max: usize) -> String {
    if id.len() <= max {
        return id;
    }
    let cut = crate::text::floor_char_boundary(&id, max - HASH_DIGITS - 1);
    let hash = crate::util::sha256_hex(id.as_bytes());
    format!(
        "{}-{}",
        id[..cut].trim_end_matches('-'),
        &hash[..HASH_DIGITS]
    )
}

/// What a link becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `#anchor` in the print page, with the title to print after the link
    /// text ("see §Title") when the anchor is a titled place.
    Anchor { anchor: String, see: Option<String> },
    /// A URL outside the book (escaped, ready for an attribute).
    Url(String),
    /// Nowhere: the link text stays, the link goes.
    None,
}

/// Everything the print page holds that links may point at.
#[derive(Debug, Default)]
pub struct Targets {
    /// The published site, ending in `/`; empty when the site has no address.
    pub base_url: String,
    /// Per document slug in the book, the ids its body has.
    pub documents: BTreeMap<String, Arc<BTreeSet<String>>>,
    /// Site pages shown as a part of the book (`themes/ai.html`) → anchor.
    pub pages: BTreeMap<String, String>,
    /// Glossary anchors (`g-DFFT`) the book's glossary appendix holds.
    pub glossary: BTreeSet<String>,
    /// Anchor → how a reader on paper finds it: `§Findings`, `“Beta Letter”`.
    pub titles: BTreeMap<String, String>,
}

/// How a link to a section or part reads on paper.
pub fn section_see(title: &str) -> String {
    format!("§{title}")
}

/// How a link to a document reads on paper.
pub fn document_see(title: &str) -> String {
    format!("“{title}”")
}

impl Targets {
    /// Where `href`, written in the body of document `slug` (a page in
    /// `documents/`), leads in the print page: [`Targets::resolve_href`]
    /// of an `href` read now (bodies read theirs once, when prepared).
    #[cfg(test)]
    pub fn resolve(&self, slug: &str, href: &str) -> Target {
        self.resolve_href(slug, href, &Href::of(href))
    }

    /// [`Targets::resolve`] of `written`, read already as `href`.
    pub fn resolve_href(&self, slug: &str, written: &str, href: &Href) -> Target {
        match href {
            Href::Outside => Target::Url(written.to_string()),
            Href::Own(fragment) => self.in_document(slug, slug, fragment),
            Href::Page { path, fragment } => self.on_site(slug, path, fragment),
            Href::Nowhere => Target::None,
        }
    }

    /// Where a relative `src` in document `slug` points, from the print page
    /// (`root` leads from it to the site root): what a book writes for an
    /// [`asset_path`] read when the body was prepared.
    #[cfg(test)]
    pub fn asset(&self, root: &str, src: &str) -> String {
        match asset_path(src) {
            Some(path) => format!("{root}{path}"),
            None => src.to_string(),
        }
    }

    /// A place in document `slug`, linked from document `from`: a section of
    /// another document reads with that document's title.
    fn in_document(&self, from: &str, slug: &str, fragment: &str) -> Target {
        let Some(ids) = self.documents.get(slug) else {
            return Target::None;
        };
        if !ids.contains(fragment) {
            return self.anchor(doc_anchor(slug));
        }
        let anchor = scoped_id(slug, fragment);
        let see = match (self.titles.get(&anchor), from == slug) {
            (Some(section), false) => self
                .titles
                .get(&doc_anchor(slug))
                .map(|doc| format!("{doc}, {section}")),
            (section, _) => section.cloned(),
        };
        Target::Anchor { anchor, see }
    }

    fn on_site(&self, from: &str, path: &str, fragment: &str) -> Target {
        if let Some(slug) = path
            .strip_prefix("documents/")
            .and_then(|p| p.strip_suffix(".html"))
        {
            if self.documents.contains_key(slug) {
                return self.in_document(from, slug, fragment);
            }
        }
        if self.glossary.contains(fragment) && path == "glossary.html" {
            return Target::Anchor {
                anchor: fragment.to_string(),
                see: None,
            };
        }
        if let Some(anchor) = self.pages.get(path) {
            return self.anchor(anchor.clone());
        }
        if self.base_url.is_empty() {
            return Target::None;
        }
        let fragment = match fragment {
            "" => String::new(),
            f => format!("#{f}"),
        };
        Target::Url(format!("{}{path}{fragment}", escape_html(&self.base_url)))
    }

    fn anchor(&self, anchor: String) -> Target {
        let see = self.titles.get(&anchor).cloned();
        Target::Anchor { anchor, see }
    }
}

/// A link of a document's body as far as it leads to the same place in
/// every book: read once per document, resolved per book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Href {
    /// Empty, or leaving the site: kept as written.
    Outside,
    /// A place in the linking document itself: `#fragment`.
    Own(String),
    /// A page of the site (its path from the site root) and a fragment.
    Page { path: String, fragment: String },
    /// Above the site root: the link goes.
    Nowhere,
}

impl Href {
    /// `href` as written in a page in `documents/`.
    pub fn of(href: &str) -> Href {
        if href.is_empty() || is_external(href) {
            return Href::Outside;
        }
        let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
        if path.is_empty() {
            return Href::Own(fragment.to_string());
        }
        let path = path.split('?').next().unwrap_or(path);
        match site_path("documents/", path) {
            Some(path) => Href::Page {
                path,
                fragment: fragment.to_string(),
            },
            None => Href::Nowhere,
        }
    }

    /// Whether it leads to the same place in every book: it stays in its
    /// document, or leaves the book altogether.
    pub fn is_fixed(&self) -> bool {
        !matches!(self, Href::Page { .. })
    }
}

/// The path from the site root of an asset that a page in `documents/`
/// names `src`; `None` when the address is kept as written (empty,
/// outside the site, or above its root).
pub fn asset_path(src: &str) -> Option<String> {
    if src.is_empty() || is_external(src) {
        return None;
    }
    site_path("documents/", src)
}

/// `https:`, `mailto:`, `//host` …: links that leave the site.
fn is_external(href: &str) -> bool {
    if href.starts_with("//") {
        return true;
    }
    match href.find(':') {
        Some(colon) => {
            let scheme = &href[..colon];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        }
        None => false,
    }
}

/// `href` relative to the folder `base` (`"documents/"`, ending in `/`) as a
/// path from the site root; `None` when it climbs above the root. Written
/// segment by segment into the result: every link of every printed body
/// passes here, and a list of segments joined was most of their resolving.
fn site_path(base: &str, href: &str) -> Option<String> {
    let (base, href) = match href.strip_prefix('/') {
        Some(absolute) => ("", absolute),
        None => (base, href),
    };
    let mut path = String::with_capacity(base.len() + href.len());
    for part in segments(base).chain(segments(href)) {
        match part {
            "" | "." => {}
            ".." => {
                if path.is_empty() {
                    return None;
                }
                path.truncate(path.rfind('/').unwrap_or(0));
            }
            p => {
                if !path.is_empty() {
                    path.push('/');
                }
                path.push_str(p);
            }
        }
    }
    Some(path)
}

/// `s.split('/')` for the short strings of links, byte by byte.
fn segments(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.bytes().position(|b| b == b'/') {
            Some(slash) => {
                rest = Some(&current[slash + 1..]);
                Some(&current[..slash])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> Targets {
        let mut t = Targets {
            base_url: "https://example.org/b/".into(),
            ..Targets::default()
        };
        let ids = BTreeSet::from(["summary", "1"].map(String::from));
        t.documents.insert("a".into(), Arc::new(ids));
        t.documents.insert("b".into(), Arc::default());
        t.pages
            .insert("themes/ai.html".into(), "part-theme-ai".into());
        t.glossary.insert("g-DFFT".into());
        t.titles.insert("a--summary".into(), "§Summary".into());
        t.titles.insert("doc-a".into(), "“A”".into());
        t
    }

    fn anchor(anchor: &str, see: Option<&str>) -> Target {
        Target::Anchor {
            anchor: anchor.into(),
            see: see.map(String::from),
        }
    }

    #[test]
    fn site_paths_resolve_dots_and_stop_at_the_root() {
        let cases = [
            ("a.html", Some("documents/a.html")),
            ("../glossary.html", Some("glossary.html")),
            ("./x/../y/./z.png", Some("documents/y/z.png")),
            ("/themes//ai.html", Some("themes/ai.html")),
            ("../../up.html", None),
            ("..", Some("")),
            ("", Some("documents")),
        ];
        for (href, path) in cases {
            assert_eq!(site_path("documents/", href).as_deref(), path, "{href}");
        }
    }

    #[test]
    fn links_into_the_book_become_anchors() {
        let t = targets();
        assert_eq!(
            t.resolve("a", "#summary"),
            anchor("a--summary", Some("§Summary"))
        );
        assert_eq!(t.resolve("a", "#1"), anchor("a--1", None));
        assert_eq!(
            t.resolve("b", "a.html#summary"),
            anchor("a--summary", Some("“A”, §Summary"))
        );
        assert_eq!(
            t.resolve("b", "../documents/a.html"),
            anchor("doc-a", Some("“A”"))
        );
        assert_eq!(t.resolve("a", "b.html#gone"), anchor("doc-b", None));
        assert_eq!(
            t.resolve("a", "../themes/ai.html"),
            anchor("part-theme-ai", None)
        );
        assert_eq!(
            t.resolve("a", "../glossary.html#g-DFFT"),
            anchor("g-DFFT", None)
        );
    }

    #[test]
    fn links_out_of_the_book_go_to_the_site_or_nowhere() {
        let mut t = targets();
        assert_eq!(
            t.resolve("a", "../themes/privacy.html#y2020"),
            Target::Url("https://example.org/b/themes/privacy.html#y2020".into())
        );
        assert_eq!(
            t.resolve("a", "c.html"),
            Target::Url("https://example.org/b/documents/c.html".into())
        );
        assert_eq!(t.resolve("a", "../../outside.html"), Target::None);
        t.base_url.clear();
        assert_eq!(t.resolve("a", "../years/2020.html"), Target::None);
    }

    #[test]
    fn long_ids_are_shortened_apart() {
        assert_eq!(scoped_id("a", "b"), "a--b");
        let slug = "joint-policy-recommendations-on-the-digital-economy-by-the-japan";
        let one = scoped_id(
            slug,
            "1-promoting-trusted-and-secure-ai-and-digital-infrastructure-one",
        );
        let two = scoped_id(
            slug,
            "1-promoting-trusted-and-secure-ai-and-digital-infrastructure-two",
        );
        assert!(one.len() <= MAX_ID && two.len() <= MAX_ID, "{one}");
        assert_ne!(one, two);
        assert!(one.starts_with("joint-policy-recommendations-on-"), "{one}");
        assert!(doc_anchor(slug).len() <= MAX_KEY + 4);
    }

    #[test]
    fn external_links_and_assets() {
        let t = targets();
        let url = "https://www.meti.go.jp/press/a.html";
        assert_eq!(t.resolve("a", url), Target::Url(url.into()));
        assert_eq!(
            t.resolve("a", "mailto:x@y.z"),
            Target::Url("mailto:x@y.z".into())
        );
        assert_eq!(
            t.asset("../../", "../images/map.png"),
            "../../images/map.png"
        );
        assert_eq!(t.asset("", "map.png"), "documents/map.png");
        assert_eq!(
            t.asset("", "data:image/png;base64,AA"),
            "data:image/png;base64,AA"
        );
    }
}
