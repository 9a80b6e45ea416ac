//! The page's title among the markup's candidates: `og:title`, JSON-LD's
//! `headline` and `<title>`, each without the site's name, and the `<h1>`.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::{ld_text, own_address, plain, selector, Tags, H1, HEADINGS, TITLE, TITLE_SEPARATORS};

static LINKS: LazyLock<Selector> = LazyLock::new(|| selector("a[href]"));
static IMAGES: LazyLock<Selector> = LazyLock::new(|| selector("img"));

/// Titles that name no page: what a site calls its home page.
const HOME_TITLES: &[&str] = &[
    "home",
    "homepage",
    "home page",
    "start",
    "startseite",
    "accueil",
    "inicio",
    "index",
    "トップ",
    "トップページ",
    "ホーム",
    "首页",
];
/// The most links to the home page whose texts are read as the site's names.
const HOME_LINKS: usize = 8;

/// Title candidates, most trusted first: the `<h1>` when the markup's
/// titles agree with it, then `og:title`, JSON-LD's `headline`, `<title>`,
/// each without the site's name (a title that is only the site's name or
/// "Home" names no page); the `<h1>` only when the markup names no title
/// (an `<h1>` the others disagree with is often the site's name).
pub(super) fn titles(page: &Html, tags: &Tags, ld: &[Value], site: Option<&str>) -> Vec<String> {
    let site_names = site_names(page, tags, site);
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
    .map(|t| (site_names.iter()).fold(t, |t, name| without_site_name(&t, Some(name))))
    .filter(|t| !t.is_empty() && !names_the_site(t, &site_names))
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

/// The site's names: its publisher's, and those of the links to its home
/// page (their text, or their logo's `title` and `alt`): "Anwalt Niemeyer"
/// on a logo that links to `index.html`.
fn site_names(page: &Html, tags: &Tags, site: Option<&str>) -> Vec<String> {
    let host = own_address(page, tags)
        .and_then(|u| url::Url::parse(u).ok()?.host_str().map(str::to_string));
    let home_links = (page.select(&LINKS))
        .filter(|a| {
            a.value()
                .attr("href")
                .is_some_and(|h| is_home(h, host.as_deref()))
        })
        .take(HOME_LINKS);
    let mut names: Vec<String> = site.into_iter().map(str::to_string).collect();
    for link in home_links {
        for name in link_names(link) {
            let words = name.split_whitespace().count();
            if (1..=8).contains(&words) && !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// A link's text, and the `title` and `alt` of its images.
fn link_names(link: ElementRef<'_>) -> Vec<String> {
    let images = link.select(&IMAGES);
    let image_names = images.flat_map(|i| [i.value().attr("title"), i.value().attr("alt")]);
    std::iter::once(plain(&link.text().collect::<String>()))
        .chain(image_names.flatten().map(plain))
        .filter(|n| !n.is_empty())
        .collect()
}

/// Whether a link goes to the site's home page: its root, by a relative
/// address or on the page's own host.
fn is_home(href: &str, host: Option<&str>) -> bool {
    let href = href.trim();
    let relative = ["/", "./", "index.html", "index.htm", "index.php"];
    let relative = relative.contains(&href) || relative.contains(&href.trim_start_matches('/'));
    let on_host = || {
        let url = url::Url::parse(href).ok()?;
        let root = matches!(url.path(), "" | "/") && url.query().is_none();
        Some(root && host.is_some() && url.host_str() == host)
    };
    relative || on_host().unwrap_or(false)
}

/// Whether a title is only the site's name, or what a site calls its home.
fn names_the_site(title: &str, site_names: &[String]) -> bool {
    let lower = title.trim_end_matches(['!', '.']).to_lowercase();
    HOME_TITLES.contains(&lower.as_str())
        || site_names.iter().any(|n| n.eq_ignore_ascii_case(title))
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
