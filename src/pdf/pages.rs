//! Page numbers for the book's contents. Chromium has no `target-counter()`,
//! so the book is printed, the page each document starts on is read back
//! from that PDF, the numbers are written into the contents, and it is
//! printed again.
//!
//! The PDF is read by hand, not with a PDF crate: only the catalog's
//! `/Dests` dictionary (where each anchor of the page landed) and the page
//! tree are needed, and Chromium (Skia) writes both as plain objects, never
//! compressed into object streams. A PDF this reader cannot follow yields
//! `None`, and the book goes without page numbers.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::bytes::Regex;

/// The slot in the contents that takes a document's page number (empty in
/// the site's `print.html`): `data-for` names the anchor it starts at.
const SLOT: &str = r#"<span class="contents__page" data-for="([^"]*)"></span>"#;

/// The deepest page tree followed (Chromium's is two levels).
const MAX_DEPTH: usize = 16;

// Compiled once: a PDF has thousands of objects.
static OBJECT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^(\d+) 0 obj\b").unwrap());
static CATALOG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/Type\s*/Catalog\b").unwrap());
static PAGES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/Type\s*/Pages\b").unwrap());
static KIDS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/Kids\s*\[([^\]]*)\]").unwrap());
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d+)\s+0\s+R").unwrap());
static DEST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/([^\s\[\]/<>()]+)\s*\[\s*(\d+)\s+0\s+R").unwrap());

/// Whether the page has slots for page numbers (a template may drop them).
pub fn has_slots(html: &str) -> bool {
    slot_pattern().is_match(html)
}

fn slot_pattern() -> regex::Regex {
    regex::Regex::new(SLOT).expect("a valid pattern")
}

/// `html` with each slot filled with its anchor's page; with no pages yet,
/// a hidden stand-in as wide as a number, so the contents take the room
/// they will take with the numbers.
pub fn fill(html: &str, pages: Option<&HashMap<String, usize>>) -> String {
    slot_pattern()
        .replace_all(html, |c: &regex::Captures| {
            let id = &c[1];
            match pages {
                None => format!(
                    r#"<span class="contents__page contents__page--pending" data-for="{id}">000</span>"#
                ),
                Some(pages) => {
                    let page = pages.get(id).map_or(String::new(), |p| p.to_string());
                    format!(r#"<span class="contents__page" data-for="{id}">{page}</span>"#)
                }
            }
        })
        .into_owned()
}

/// Each named destination of `pdf` (an anchor of the printed page) and the
/// page it is on, counting from 1.
pub fn anchor_pages(pdf: &[u8]) -> Option<HashMap<String, usize>> {
    let objects = objects(pdf);
    let catalog = objects.values().find(|body| CATALOG.is_match(body))?;
    let pages = page_order(&objects, reference(catalog, "Pages")?, 0)?;
    let number: HashMap<u32, usize> = (pages.iter().enumerate())
        .map(|(i, &object)| (object, i + 1))
        .collect();
    let dests = objects.get(&reference(catalog, "Dests")?)?;
    let found = DEST.captures_iter(dests).filter_map(|c| {
        let page = *number.get(&std::str::from_utf8(&c[2]).ok()?.parse().ok()?)?;
        Some((decode_name(&c[1])?, page))
    });
    Some(found.collect())
}

/// Each object's body (between `N 0 obj` and `endobj`), by number.
fn objects(pdf: &[u8]) -> HashMap<u32, &[u8]> {
    let mut objects = HashMap::new();
    for c in OBJECT.captures_iter(pdf) {
        let whole = c.get(0).expect("a match");
        let rest = &pdf[whole.end()..];
        let end = memchr::memmem::find(rest, b"endobj").unwrap_or(rest.len());
        let number = std::str::from_utf8(&c[1]).ok().and_then(|n| n.parse().ok());
        if let Some(number) = number {
            objects.entry(number).or_insert(&rest[..end]);
        }
    }
    objects
}

/// The object `/key N 0 R` in `body` refers to.
fn reference(body: &[u8], key: &str) -> Option<u32> {
    let at = memchr::memmem::find(body, format!("/{key} ").as_bytes())?;
    let c = REFERENCE.captures(&body[at..])?;
    std::str::from_utf8(&c[1]).ok()?.parse().ok()
}

/// The page objects under the page tree node `node`, in order.
fn page_order(objects: &HashMap<u32, &[u8]>, node: u32, depth: usize) -> Option<Vec<u32>> {
    let body = objects.get(&node)?;
    if !PAGES.is_match(body) {
        return Some(vec![node]);
    }
    if depth > MAX_DEPTH {
        return None;
    }
    let list = KIDS.captures(body)?;
    let mut pages = Vec::new();
    for c in REFERENCE.captures_iter(&list[1]) {
        let kid = std::str::from_utf8(&c[1]).ok()?.parse().ok()?;
        pages.extend(page_order(objects, kid, depth + 1)?);
    }
    Some(pages)
}

/// A PDF name's text, its `#xx` escapes decoded.
fn decode_name(raw: &[u8]) -> Option<String> {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#' && i + 2 < raw.len() {
            let hex = std::str::from_utf8(&raw[i + 1..i + 3]).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            bytes.push(raw[i]);
            i += 1;
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF as Chromium lays it out: a two-level page tree and `/Dests`.
    const PDF: &[u8] = b"%PDF-1.4\n\
        1 0 obj\n<</Type /Page\n/Parent 5 0 R>>\nendobj\n\
        2 0 obj\n<</Type /Page\n/Parent 5 0 R>>\nendobj\n\
        3 0 obj\n<</Type /Page\n/Parent 6 0 R>>\nendobj\n\
        5 0 obj\n<</Type /Pages\n/Count 2\n/Kids [1 0 R 2 0 R]>>\nendobj\n\
        6 0 obj\n<</Type /Pages\n/Count 1\n/Kids [3 0 R]>>\nendobj\n\
        7 0 obj\n<</Type /Pages\n/Count 3\n/Kids [5 0 R 6 0 R]>>\nendobj\n\
        8 0 obj\n<</doc-b [3 0 R /XYZ 0 708.4 0]\n/doc-a [2 0 R /XYZ 0 800 0]\n/caf#C3#A9 [1 0 R /XYZ 0 1 0]>>\nendobj\n\
        9 0 obj\n<</Type /Catalog\n/Pages 7 0 R\n/Dests 8 0 R>>\nendobj\n";

    #[test]
    fn destinations_are_read_with_their_page_numbers() {
        let pages = anchor_pages(PDF).unwrap();
        assert_eq!(pages["doc-a"], 2);
        assert_eq!(pages["doc-b"], 3);
        assert_eq!(pages["café"], 1);
        assert_eq!(anchor_pages(b"%PDF-1.4\nnot a book"), None);
    }

    #[test]
    fn slots_take_a_stand_in_then_the_numbers() {
        let html = r##"<li><span class="contents__page" data-for="doc-a"></span><a href="#doc-a">A</a></li>"##;
        assert!(has_slots(html));
        let pending = fill(html, None);
        assert!(pending.contains(r#"contents__page--pending" data-for="doc-a">000</span>"#));
        let pages = HashMap::from([("doc-a".to_string(), 7)]);
        let filled = fill(html, Some(&pages));
        assert!(filled.contains(r#"<span class="contents__page" data-for="doc-a">7</span>"#));
    }
}
