//! A saved web page published as a document's source: the page's markup
//! without anything that can run. A seed saved from the web holds the
//! site's scripts, event handlers, forms and frames; served from the
//! briefing's origin they would run as the briefing's own, and no static
//! host lets a file say "download me" instead. So `ammonia` keeps the
//! page's text, structure, links and images and drops the rest, and the
//! published page carries a Content-Security-Policy that runs no script
//! at all, should anything slip through.

use std::borrow::Cow;
use std::path::Path;

use crate::error::{Error, Result};

/// What the published page may load: images and inline styles; never a
/// script, a frame, a form's target or a plugin.
const POLICY: &str = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; \
                      form-action 'none'; frame-ancestors 'self'; base-uri 'none'";

/// Elements dropped with all they hold (text included).
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "title", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "textarea", "select", "svg", "math",
];

/// Whether a source is published as a saved page (by its extension).
pub fn is_saved_page(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| x.eq_ignore_ascii_case("html") || x.eq_ignore_ascii_case("htm"))
}

/// The bytes a source is published as: a saved page made safe, any other
/// source as it is.
pub fn published_bytes(path: &Path) -> Result<Vec<u8>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(match is_saved_page(path) {
        true => sanitise(&bytes).into_bytes(),
        false => bytes,
    })
}

/// A saved page's bytes as a page with nothing that runs.
pub fn sanitise(bytes: &[u8]) -> String {
    let page = crate::web_page::decode(bytes).text;
    let title = title_of(&page);
    let clean = ammonia::Builder::default()
        .add_clean_content_tags(DROPPED_WITH_CONTENT)
        .clean(&page)
        .to_string();
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<title>{}</title></head>\n<body>\n{clean}\n</body></html>\n",
        ammonia::Builder::empty().clean(&title)
    )
}

/// The text of the page's `<title>`, as written.
fn title_of(page: &str) -> Cow<'_, str> {
    let lower = page
        .get(..page.len().min(65_536))
        .unwrap_or(page)
        .to_ascii_lowercase();
    let Some(open) = lower.find("<title") else {
        return Cow::Borrowed("");
    };
    let Some(start) = lower[open..].find('>').map(|i| open + i + 1) else {
        return Cow::Borrowed("");
    };
    let end = lower[start..].find("</title").map_or(start, |i| start + i);
    Cow::Borrowed(page[start..end].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_that_runs_is_left() {
        let page = br#"<html><head><title>Talks &amp; Data</title><script>alert(1)</script>
            <meta http-equiv="refresh" content="0;url=javascript:alert(2)"></head>
            <body onload="alert(3)"><h1 onclick="alert(4)">Talks</h1>
            <p>Text <a href="javascript:alert(5)">bad</a> <a href="https://ok.example/">good</a></p>
            <iframe src="https://x.example/"></iframe><form action="/x"><input name=q><button>Go</button></form>
            <object data="x.swf"></object><img src="https://img.example/a.png" onerror="alert(6)">
            <svg><script>alert(7)</script></svg><style>body{}</style></body></html>"#;
        let out = sanitise(page);
        for bad in [
            "<script",
            "onload",
            "onclick",
            "onerror",
            "javascript:",
            "<iframe",
            "<form",
            "<object",
            "<input",
            "<svg",
            "http-equiv=\"refresh\"",
            "alert(",
        ] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
        for kept in [
            "<h1>Talks</h1>",
            "https://ok.example/",
            "https://img.example/a.png",
            "<title>Talks &amp; Data</title>",
            "Content-Security-Policy",
        ] {
            assert!(out.contains(kept), "{kept} not in {out}");
        }
    }
}
