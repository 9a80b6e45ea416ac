//! The default theme, embedded in the binary: templates and static files.
//! A file of the same name in `<root>/templates/` or `<root>/static/` wins;
//! extra files there are added. `briefing init --templates` writes the
//! defaults out for editing.

use std::path::Path;

use crate::error::{Error, Result};

pub const TEMPLATE_DIR: &str = "templates";
pub const STATIC_DIR: &str = "static";

macro_rules! embed_str {
    ($($name:literal),* $(,)?) => { &[$(($name, include_str!(concat!("../../templates/", $name)))),*] };
}
macro_rules! embed_bytes {
    ($($name:literal),* $(,)?) => { &[$(($name, include_bytes!(concat!("../../static/", $name)))),*] };
}

/// The default templates, by name.
pub const TEMPLATES: &[(&str, &str)] = embed_str![
    "base.html",
    "components.html",
    "index.html",
    "document.html",
    "theme.html",
    "dialogue.html",
    "year.html",
    "themes.html",
    "dialogues.html",
    "years.html",
    "glossary.html",
    "search.html",
    "404.html",
    "atom.xml",
    "sitemap.xml",
    "print.html",
];

/// The default static files, copied to `assets/` in the site.
pub const STATIC_FILES: &[(&str, &[u8])] =
    embed_bytes!["style.css", "print.css", "favicon.svg", "search.js"];

/// The templates to compile: defaults, then the project's files over them.
pub fn templates(root: &Path) -> Result<Vec<(String, String)>> {
    let mut all: Vec<(String, String)> = TEMPLATES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    for (name, bytes) in project_files(&root.join(TEMPLATE_DIR))? {
        let path = root.join(TEMPLATE_DIR).join(&name);
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::input(&path, "a template must be UTF-8 text"))?;
        overlay(&mut all, name, text);
    }
    Ok(all)
}

/// The static files to copy: defaults, then the project's files over them.
pub fn static_files(root: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut all: Vec<(String, Vec<u8>)> = STATIC_FILES
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect();
    for (name, bytes) in project_files(&root.join(STATIC_DIR))? {
        overlay(&mut all, name, bytes);
    }
    Ok(all)
}

fn overlay<T>(all: &mut Vec<(String, T)>, name: String, value: T) {
    match all.iter_mut().find(|(n, _)| *n == name) {
        Some(entry) => entry.1 = value,
        None => all.push((name, value)),
    }
}

/// Every file under `dir` (recursively), as (`/`-separated relative name, bytes), sorted.
fn project_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::io(dir, e.into()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if name.starts_with('.') {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        files.push((name, bytes));
    }
    Ok(files)
}
