//! Shared helpers: build a fixture (or the project's own content) into a
//! temporary folder, list and read the print pages, run the binary.

use std::path::{Path, PathBuf};
use std::process::Command;

use briefing::build::{build, BuildOptions};
use briefing::render::{render_site, Renderer};
use briefing::site::Site;
use briefing::Config;
use regex::Regex;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Builds the fixture into a temporary folder; returns it with the site model.
pub fn built(name: &str) -> (tempfile::TempDir, Site) {
    built_at(&fixture(name))
}

/// Builds the project at `root` into a temporary folder; returns it with the site model.
pub fn built_at(root: &Path) -> (tempfile::TempDir, Site) {
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        output: Some(out.path().join("public")),
        progress: false,
        force: false,
        ..Default::default()
    };
    build(root, &options).unwrap();
    let site = Site::load(root, &Config::load(root).unwrap()).unwrap();
    (out, site)
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The print pages of a built site: the book and every pack.
pub fn print_pages(public: &Path) -> Vec<PathBuf> {
    let mut pages = vec![public.join("print.html")];
    for entry in walkdir::WalkDir::new(public.join("print")).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|x| x == "html") {
            pages.push(entry.path().to_path_buf());
        }
    }
    pages
}

pub fn ids(html: &str) -> Vec<String> {
    let re = Regex::new(r#"\sid="([^"]*)""#).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

/// The `href`s of the links in `<main>` (the book; the screen-only bar is outside it).
pub fn book_links(html: &str) -> Vec<String> {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    let re = Regex::new(r#"<a\s[^>]*href="([^"]*)""#).unwrap();
    re.captures_iter(&html[start..end])
        .map(|c| c[1].to_string())
        .collect()
}

/// The project's own content (the seed briefing) rendered into a temporary
/// folder without running ingest; `None` (and a note) until it has content.
pub fn seed_site() -> Option<(tempfile::TempDir, Site)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let has_content = std::fs::read_dir(root.join("content")).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "md"))
    });
    if !has_content {
        println!("skipped: the project has no content/ yet");
        return None;
    }
    let site = Site::load(root, &Config::load(root).unwrap()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let renderer = Renderer::new(root).unwrap();
    render_site(&site, &renderer, &out.path().join("public"), &|| {}).unwrap();
    Some((out, site))
}

pub fn briefing(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap()
}

/// A writable copy of a fixture project.
pub fn project(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = fixture(name);
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}
