//! Shared helpers: copy a fixture into a temporary project, build it, read pages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[path = "../common/mod.rs"]
mod common;
pub use common::{build_ok, copy_dir};

pub const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/site-basic");

/// A copy of the fixture project in a temporary folder (builds never write into the repo).
pub fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(FIXTURE), dir.path());
    dir
}

/// Every file of a built site, by relative path.
pub fn snapshot(site: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(site).unwrap().to_path_buf();
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

pub fn read(site: &Path, page: &str) -> String {
    std::fs::read_to_string(site.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

/// The hrefs of a page, character references decoded.
pub fn hrefs(html: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"href="([^"]*)""#).unwrap();
    re.captures_iter(html)
        .map(|c| c[1].replace("&#x2F;", "/").replace("&amp;", "&"))
        .collect()
}

/// Site-relative paths of the HTML pages `page` links to.
/// Where a page's forms go (the search box leads to `search.html`).
fn form_actions(html: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"<form[^>]* action="([^"]*)""#).unwrap();
    re.captures_iter(html)
        .map(|c| c[1].replace("&#x2F;", "/"))
        .collect()
}

pub fn linked_pages(site: &Path, page: &str) -> Vec<String> {
    let base = Path::new(page).parent().unwrap_or(Path::new(""));
    let html = read(site, page);
    hrefs(&html)
        .into_iter()
        .chain(form_actions(&html))
        .filter(|h| !h.contains(':'))
        .filter_map(|h| {
            let path = h.split('#').next().unwrap().to_string();
            path.ends_with(".html").then(|| normalise(&base.join(path)))
        })
        .collect()
}

fn normalise(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(p) => parts.push(p.to_string_lossy().into()),
            _ => {}
        }
    }
    parts.join("/")
}

/// The content between the first `start` and the next `end` in `html`.
pub fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start:?}"));
    let to = html[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?}"))
        + from;
    &html[from..to + end.len()]
}

/// Compares with a golden file; `BRIEFING_BLESS=1` rewrites it.
pub fn assert_golden(name: &str, actual: &str) {
    let path = Path::new(FIXTURE).join("expected").join(name);
    if std::env::var_os("BRIEFING_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{}: missing; run with BRIEFING_BLESS=1", path.display()));
    assert_eq!(
        actual, expected,
        "{name} differs from its golden file; review, then BRIEFING_BLESS=1"
    );
}
