//! What a captured document may put into a link or image address. Markdown
//! from anywhere can hold `[x](javascript:alert(1))`; the URL is neutralised
//! to `#` unless its scheme is one a reader can safely follow.

use pulldown_cmark::{CowStr, Tag};

/// A link or image tag with its address made safe; other tags unchanged.
pub fn tag(tag: Tag<'_>) -> Tag<'_> {
    match tag {
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Link {
            link_type,
            dest_url: link_url(dest_url),
            title,
            id,
        },
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Image {
            link_type,
            dest_url: image_url(dest_url),
            title,
            id,
        },
        other => other,
    }
}

/// Schemes a link may use; anything else (javascript:, vbscript:, data:, file: …) becomes `#`.
const LINK_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];
/// Schemes an image may use; `data:` only for images, which cannot run script.
const IMAGE_SCHEMES: [&str; 2] = ["http", "https"];

/// The link target, or `#` when its scheme is not safe to follow.
pub fn link_url(url: CowStr<'_>) -> CowStr<'_> {
    match scheme(&url) {
        Some(s) if !LINK_SCHEMES.contains(&s.as_str()) => CowStr::Borrowed("#"),
        _ => url,
    }
}

/// The image source, or `#` when its scheme is not safe to load.
pub fn image_url(url: CowStr<'_>) -> CowStr<'_> {
    match scheme(&url) {
        None => url,
        Some(s) if IMAGE_SCHEMES.contains(&s.as_str()) => url,
        Some(s) if s == "data" && is_data_image(&url) => url,
        Some(_) => CowStr::Borrowed("#"),
    }
}

/// The URL's scheme, lower-cased, read as a browser does: leading spaces and
/// control characters skipped, tabs and newlines inside ignored.
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take_while(|c| !matches!(c, '/' | '?' | '#'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let plain = scheme
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // Not a scheme (e.g. "a b:c") means a relative path; anything odd is refused.
    Some(if plain {
        scheme.to_ascii_lowercase()
    } else {
        String::from("invalid")
    })
}

fn is_data_image(url: &str) -> bool {
    let rest = url.trim_start_matches(|c: char| c <= ' ');
    rest.get(..11)
        .is_some_and(|p| p.eq_ignore_ascii_case("data:image/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(url: &str) -> String {
        link_url(CowStr::Borrowed(url)).to_string()
    }

    fn image(url: &str) -> String {
        image_url(CowStr::Borrowed(url)).to_string()
    }

    #[test]
    fn script_schemes_are_neutralised_in_every_spelling() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "jav\nascript:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "java%73cript:x",
        ] {
            assert_eq!(link(url), "#", "{url:?}");
        }
    }

    #[test]
    fn ordinary_links_pass() {
        for url in [
            "https://example.org/a?b#c",
            "http://x",
            "mailto:a@b.c",
            "tel:+1",
            "../themes/ai.html",
            "#summary",
            "page.html?x=a:b",
            "/abs/path:with-colon",
        ] {
            assert_eq!(link(url), url, "{url:?}");
        }
    }

    #[test]
    fn images_may_be_data_images_but_not_scripts() {
        assert_eq!(
            image("data:image/png;base64,AAAA"),
            "data:image/png;base64,AAAA"
        );
        assert_eq!(image("img/a.png"), "img/a.png");
        assert_eq!(image("javascript:alert(1)"), "#");
        assert_eq!(image("data:text/html,x"), "#");
    }
}
