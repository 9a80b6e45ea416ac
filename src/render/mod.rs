//! Stage 3, site model → files: plans every page, renders them in parallel
//! with one Tera instance (templates compiled once), and writes them with
//! the static files, the highlight stylesheet and the source documents.
//! Templates never compute: each page kind has a view struct (`views`,
//! `pages`, `document`, `theme`, `feeds`) that borrows from the model.

pub mod assets;
mod document;
mod feeds;
mod pages;
pub mod plan;
pub mod print;
pub mod search;
mod theme;
mod uses;
mod views;

use std::error::Error as _;
use std::path::Path;

use rayon::prelude::*;
use tera::Tera;

use crate::error::{Error, Result};
use crate::site::Site;
pub use plan::{plan, Page, PageKind};

/// Where static files go in the built site.
pub const ASSETS_DIR: &str = "assets";
/// Where source documents are copied in the built site.
pub const SOURCES_DIR: &str = "sources";

pub struct Renderer {
    tera: Tera,
    uses: uses::TemplateUses,
}

/// What a render wrote.
#[derive(Debug, Default)]
pub struct Output {
    pub pages: usize,
    /// Every file written, pages included.
    pub files: usize,
    /// The search index and passage scripts.
    pub search: search::IndexFiles,
    /// The index they were written from, for `serve` to update.
    pub search_index: crate::search::SearchIndex,
}

impl Renderer {
    /// Compiles the default templates with the project's overrides.
    pub fn new(root: &Path) -> Result<Renderer> {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape);
        let templates = assets::templates(root)?;
        let uses = uses::TemplateUses::of(&templates);
        tera.add_raw_templates(templates)
            .map_err(|e| template_error(None, &e))?;
        Ok(Renderer { tera, uses })
    }

    /// Whether rendering `template` reads the template named `changed`
    /// (itself, or one it extends, includes or imports at any depth).
    pub fn reads_template(&self, template: &str, changed: &str) -> bool {
        self.uses.reads(template, changed)
    }

    pub fn render_page(&self, site: &Site, page: &Page) -> Result<Vec<u8>> {
        let context = pages::context(site, page).ok_or_else(|| Error::Template {
            name: page.template.to_string(),
            message: format!("could not build the view of {}", page.path),
        })?;
        self.tera
            .render(page.template, &context)
            .map(String::into_bytes)
            .map_err(|e| template_error(Some(page.template), &e))
    }
}

/// Renders every planned page and copies the assets into `out`.
/// `tick` is called once per page written (for a progress bar).
pub fn render_site(
    site: &Site,
    renderer: &Renderer,
    out: &Path,
    tick: &(dyn Fn() + Sync),
) -> Result<Output> {
    render_site_with(site, renderer, out, tick, true)
}

/// [`render_site`]; `updatable` keeps in the search index what `serve`
/// needs to update it after an edit (each document's terms), which a
/// one-off build does without.
pub fn render_site_with(
    site: &Site,
    renderer: &Renderer,
    out: &Path,
    tick: &(dyn Fn() + Sync),
    updatable: bool,
) -> Result<Output> {
    let pages = plan(site);
    create_folders(out, &pages)?;
    pages.par_iter().try_for_each(|page| {
        let bytes = renderer.render_page(site, page)?;
        write_file(&out.join(page.output()), &bytes)?;
        tick();
        Ok::<(), Error>(())
    })?;
    crate::util::trace_memory("rendering the pages");
    // After the pages, not beside them: both are parallel inside, and one at a
    // time keeps the peak memory that of the larger.
    let (search, search_index) = search::write_index(site, out, updatable)?;
    let mut files = pages.len() + search.files;
    for (name, bytes) in assets::static_files(&site.root)? {
        write(&out.join(ASSETS_DIR).join(&name), &bytes)?;
        files += 1;
    }
    if site.has_code() {
        let css = crate::site::highlight_stylesheet();
        write(&out.join(ASSETS_DIR).join("highlight.css"), css.as_bytes())?;
        files += 1;
    }
    for source in site.documents.iter().filter_map(|d| d.source.as_ref()) {
        let to = out.join(SOURCES_DIR).join(&source.file_name);
        let bytes = std::fs::read(&source.path).map_err(|e| Error::io(&source.path, e))?;
        write(&to, &bytes)?;
        files += 1;
    }
    Ok(Output {
        pages: pages.len(),
        files,
        search,
        search_index,
    })
}

/// Renders `pages` into an existing site at `out`, each file replaced
/// atomically and only when its bytes changed (so a page that did not
/// change keeps its mtime). Returns how many files were written.
pub fn render_pages(
    site: &Site,
    renderer: &Renderer,
    pages: &[&Page],
    out: &Path,
) -> Result<usize> {
    let written: Vec<bool> = pages
        .par_iter()
        .map(|page| {
            let bytes = renderer.render_page(site, page)?;
            crate::util::write_if_changed(&out.join(page.output()), &bytes)
        })
        .collect::<Result<_>>()?;
    Ok(written.into_iter().filter(|&w| w).count())
}

/// Escapes what HTML and XML need escaped; unlike Tera's default it leaves
/// `/` alone, so links read as written.
fn escape(text: &str) -> String {
    crate::site::escape_html(text)
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    write_file(path, bytes)
}

/// Writes into a folder that exists. No fsync: the site is written into a
/// fresh temporary folder that replaces `public/` by a rename only once every
/// file is written, so a killed build never leaves a half-written site.
fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
}

/// Every folder the pages go into, made once rather than once per page.
fn create_folders(out: &Path, pages: &[Page]) -> Result<()> {
    let folders: std::collections::BTreeSet<std::path::PathBuf> = pages
        .iter()
        .filter_map(|p| out.join(p.output()).parent().map(Path::to_path_buf))
        .collect();
    for dir in folders {
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    }
    Ok(())
}

/// Tera's error with its whole cause chain (which holds the line for syntax
/// errors), named after the template it is about.
fn template_error(template: Option<&str>, err: &tera::Error) -> Error {
    let mut message = err.to_string();
    let mut cause = err.source();
    while let Some(c) = cause {
        message.push_str("\n  ");
        message.push_str(&c.to_string().replace('\n', "\n  "));
        cause = c.source();
    }
    let name = template
        .map(str::to_string)
        .or_else(|| quoted_name(&message))
        .unwrap_or_else(|| "(unknown)".to_string());
    Error::Template { name, message }
}

/// The first `'name'` or `"name"` in a Tera message: the template it is about.
fn quoted_name(message: &str) -> Option<String> {
    let start = message.find(['\'', '"'])?;
    let quote = message[start..].chars().next()?;
    let rest = &message[start + 1..];
    rest.find(quote).map(|end| rest[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_syntax_errors_name_template_and_line() {
        let mut tera = Tera::default();
        let err = tera
            .add_raw_templates(vec![("page.html", "<p>\n{{ broken }\n</p>")])
            .unwrap_err();
        let msg = template_error(None, &err).to_string();
        assert!(msg.starts_with("template page.html:"), "{msg}");
        assert!(msg.contains("2:"), "{msg}");
    }
}
