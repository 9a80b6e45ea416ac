//! Where a saved page's links lead: each `href` made absolute against the
//! page's own address (its `<base href>`, else its canonical link, else
//! `og:url`), and only when a reader of the site could follow it. A link
//! that runs script, a link within the page and one whose address cannot
//! be made absolute (a saved page without its address) keep their words
//! only.

use std::sync::LazyLock;

use scraper::{Html, Selector};
use url::Url;

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

static BASE: LazyLock<Selector> = LazyLock::new(|| selector("base[href]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel=canonical][href]"));
static OG_URL: LazyLock<Selector> =
    LazyLock::new(|| selector("meta[property=\"og:url\"][content]"));

/// Schemes a link of the site may lead to.
const SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// The page's own address, which its relative links are relative to.
pub fn base(page: &Html) -> Option<Url> {
    let absolute = |href: &str| Url::parse(href.trim()).ok().filter(|u| u.has_host());
    let own = page
        .select(&CANONICAL)
        .find_map(|l| l.value().attr("href").and_then(absolute))
        .or_else(|| {
            page.select(&OG_URL)
                .find_map(|m| m.value().attr("content").and_then(absolute))
        });
    let base = page.select(&BASE).find_map(|b| b.value().attr("href"));
    match (base, own) {
        (Some(href), Some(own)) => own.join(href.trim()).ok(),
        (Some(href), None) => absolute(href),
        (None, own) => own,
    }
}

/// The absolute address `href` leads to, when a reader could follow it.
pub fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let url = match Url::parse(href) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href).ok()?,
        Err(_) => return None,
    };
    let same_page =
        url.fragment().is_some() && base.is_some_and(|b| unfragmented(b) == unfragmented(&url));
    (SCHEMES.contains(&url.scheme()) && !same_page).then(|| url.to_string())
}

/// The address without its `#fragment`.
fn unfragmented(url: &Url) -> &str {
    &url[..url::Position::AfterQuery]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str) -> Html {
        Html::parse_document(&format!("<html><head>{head}</head><body></body></html>"))
    }

    #[test]
    fn relative_links_are_made_absolute_against_the_page_address() {
        let canonical =
            page(r#"<link rel="canonical" href="https://example.org/news/talks.html">"#);
        let base = base(&canonical);
        let resolved = |href| resolve(base.as_ref(), href);
        assert_eq!(
            resolved("../docs/report.pdf").as_deref(),
            Some("https://example.org/docs/report.pdf")
        );
        assert_eq!(
            resolved("/about").as_deref(),
            Some("https://example.org/about")
        );
        assert_eq!(resolved("#section-2"), None);
        assert_eq!(resolved("talks.html#section-2"), None);
        assert_eq!(resolved("javascript:alert(1)"), None);
        assert_eq!(
            resolved("mailto:press@example.org").as_deref(),
            Some("mailto:press@example.org")
        );
    }

    #[test]
    fn a_base_element_wins_and_no_address_leaves_relative_links_out() {
        let with_base = page(
            r#"<base href="/en/"><meta property="og:url" content="https://example.org/x/page">"#,
        );
        let base = base(&with_base);
        assert_eq!(
            resolve(base.as_ref(), "statement").as_deref(),
            Some("https://example.org/en/statement")
        );
        assert_eq!(resolve(None, "statement"), None);
        assert_eq!(
            resolve(None, "https://example.org/a").as_deref(),
            Some("https://example.org/a")
        );
    }
}
