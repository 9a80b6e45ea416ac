//! The page's title among the markup's candidates: `og:title`, JSON-LD's
//! `headline` and `<title>`, each without the site's name, and the `<h1>`.

use scraper::Html;
use serde_json::Value;

use super::{ld_text, plain, Tags, H1, HEADINGS, TITLE, TITLE_SEPARATORS};

/// Title candidates, most trusted first: the `<h1>` when the markup's
/// titles agree with it, then `og:title`, JSON-LD's `headline`, `<title>`,
/// each without the site's name; the `<h1>` only when the markup names no
/// title (an `<h1>` the others disagree with is often the site's name).
pub(super) fn titles(page: &Html, tags: &Tags, ld: &[Value], site: Option<&str>) -> Vec<String> {
    let title_tag = page
        .select(&TITLE)
        .next()
        .map(|t| plain(&t.text().collect::<String>()));
    let stated: Vec<String> = [
        tags.get("og:title").map(plain),
        tags.get("twitter:title").map(plain),
        ld.iter().find_map(|o| ld_text(o, "headline")),
        title_tag,
    ]
    .into_iter()
    .flatten()
    .map(|t| without_site_name(&t, site))
    .filter(|t| !t.is_empty())
    .collect();
    let h1s: Vec<String> = page
        .select(&H1)
        .map(|h| plain(&h.text().collect::<String>()))
        .filter(|t| !t.is_empty())
        .take(3)
        .collect();
    let headings: Vec<String> = page
        .select(&HEADINGS)
        .map(|h| plain(&h.text().collect::<String>()))
        .take(12)
        .collect();
    let stated: Vec<String> = stated.iter().map(|t| the_page_part(t, &headings)).collect();
    let agreed = h1s.iter().find(|h| stated.iter().any(|t| agree(h, t)));
    let mut titles: Vec<String> = Vec::new();
    let h1 = h1s.first().filter(|_| stated.is_empty());
    for title in agreed.into_iter().chain(&stated).chain(h1) {
        if !titles.contains(title) {
            titles.push(title.clone());
        }
    }
    titles
}

/// A part of a title that is a web address (`example.de`,
/// `http://www.example.com`): the site's, never the page's.
fn is_address(part: &str) -> bool {
    let part = part.trim();
    !part.contains(char::is_whitespace)
        && (part.contains("://")
            || part.rsplit_once('.').is_some_and(|(name, tld)| {
                !name.is_empty()
                    && (2..=6).contains(&tld.len())
                    && tld.chars().all(char::is_alphabetic)
            }))
}

/// The part of a title that names the page, not the site: the part a
/// heading of the page repeats, else the title without a short tail after
/// a separator that starts like a name ("… | Bibliothek 2.0 und mehr",
/// "… » ProNATs e.V."); a tail in lower case goes on with the title.
fn the_page_part(title: &str, headings: &[String]) -> String {
    for separator in TITLE_SEPARATORS {
        if !title.contains(separator) {
            continue;
        }
        let parts: Vec<&str> = title.split(separator).map(str::trim).collect();
        // A site's address opens the title: the page's part is the last.
        if parts.len() > 1 && is_address(parts[0]) {
            return the_page_part(parts[parts.len() - 1], headings);
        }
        if let Some(head) = title
            .rsplit_once(separator)
            .filter(|(_, tail)| is_address(tail))
        {
            return the_page_part(head.0.trim(), headings);
        }
        let part = parts
            .into_iter()
            .find(|p| headings.iter().any(|h| h.eq_ignore_ascii_case(p)));
        if let Some(part) = part {
            return part.to_string();
        }
    }
    let cut = TITLE_SEPARATORS
        .iter()
        .filter_map(|s| title.rfind(s).map(|at| (at, s.len())))
        .max();
    if let Some((at, len)) = cut {
        let (head, tail) = (title[..at].trim(), title[at + len..].trim());
        let name_like = tail.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let words = tail.split_whitespace().count();
        if name_like && words <= 6 && head.split_whitespace().count() >= 2 {
            return head.to_string();
        }
    }
    title.to_string()
}

/// Two titles that are one, up to case and a site's name around it.
fn agree(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a == b || (a.len() >= 12 && b.contains(&a)) || (b.len() >= 12 && a.contains(&b))
}

/// A title without the site's name before or after it ("Talks Held |
/// Ministry of Foreign Affairs", "MOFA: Talks Held").
pub(super) fn without_site_name(title: &str, site: Option<&str>) -> String {
    let mut title = title.trim();
    if let Some(site) = site.filter(|s| s.len() < title.len()) {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", ": "] {
            let suffix = format!("{separator}{site}");
            let prefix = format!("{site}{separator}");
            if let Some(head) = strip_suffix_ignore_case(title, &suffix) {
                title = head.trim();
            } else if let Some(tail) = strip_prefix_ignore_case(title, &prefix) {
                title = tail.trim();
            }
        }
    }
    crate::ingest::head::without_site_suffix(title).to_string()
}

fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let at = text.len().checked_sub(suffix.len())?;
    let tail = text.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..at])
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}
