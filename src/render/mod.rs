//! Stage 3, site model → files: plans every page, renders them in parallel
//! with one Tera instance (templates compiled once), and writes them with
//! the static files, the highlight stylesheet and the source documents.
//! Templates never compute: each page kind has a view struct (`views`,
//! `pages`, `document`, `theme`, `feeds`) that borrows from the model, and
//! declares what of the model its pages show (`kind`).

pub mod assets;
mod document;
mod feeds;
mod kind;
mod pages;
pub mod plan;
pub mod print;
pub mod search;
mod theme;
mod uses;
mod views;

use std::collections::HashSet;
use std::error::Error as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use tera::Tera;

use crate::error::{Error, Result};
use crate::site::Site;
pub use plan::{plan, List, Page, PageKind, Pledges, Reads};
pub use views::absolute_url;

/// Where static files go in the built site.
pub const ASSETS_DIR: &str = "assets";
/// Where source documents are copied in the built site.
pub const SOURCES_DIR: &str = "sources";

/// What a page's output buffer starts at: most pages fit.
const PAGE_CAPACITY: usize = 64 * 1024;

thread_local! {
    /// The buffer a render thread renders its pages into, one after another.
    static PAGE_BUFFER: std::cell::RefCell<Vec<u8>> =
        std::cell::RefCell::new(Vec::with_capacity(PAGE_CAPACITY));
}

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
    /// Of `files`, those taken from the previous site.
    pub reused: usize,
    /// The search index and passage scripts.
    pub search: search::IndexFiles,
    /// The index they were written from, for `serve` to update; `None`
    /// when they were taken from the previous site.
    pub search_index: Option<crate::search::SearchIndex>,
}

/// A previous render of the same site, and which of its files are what
/// this render would write: those are hard-linked, not rendered again.
#[derive(Debug, Default)]
pub struct Previous {
    /// The previous site's folder.
    pub dir: PathBuf,
    /// Paths inside it (with `/` separators) of the files to take.
    pub keep: HashSet<String>,
    /// The search scripts, when none would change, with their figures.
    pub search: Option<(Vec<String>, search::IndexFiles)>,
}

impl Previous {
    /// Links the previous site's file at `path` into `out`; `false` when
    /// it is not to be taken, or cannot be linked (then it is written).
    fn take(previous: Option<&Previous>, path: &str, out: &Path) -> bool {
        previous
            .filter(|p| p.keep.contains(path))
            .is_some_and(|p| link(&p.dir, path, out))
    }

    /// Links every search script, or none: the links made are removed
    /// again when one fails, so that writing the scripts afresh never
    /// writes through a link into the previous site.
    fn take_search(previous: Option<&Previous>, out: &Path) -> Option<search::IndexFiles> {
        let previous = previous?;
        let (files, figures) = previous.search.as_ref()?;
        if files.iter().all(|f| link(&previous.dir, f, out)) {
            return Some(*figures);
        }
        for file in files {
            let _ = std::fs::remove_file(out.join(file));
        }
        None
    }
}

impl Renderer {
    /// Compiles the default templates with the project's overrides.
    pub fn new(root: &Path) -> Result<Renderer> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        tera.register_filter("safe", safe);
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
        self.render_page_with(site, page, &print::Bodies::default())
    }

    /// [`Renderer::render_page`] as one of a render's pages, whose print
    /// pages share the documents' `bodies`.
    pub fn render_page_with(
        &self,
        site: &Site,
        page: &Page,
        bodies: &print::Bodies,
    ) -> Result<Vec<u8>> {
        let mut bytes = Vec::with_capacity(PAGE_CAPACITY);
        self.render_page_into(site, page, bodies, &mut bytes)?;
        Ok(bytes)
    }

    /// [`Renderer::render_page_with`] appended to `out`: a build renders
    /// every page of a thread into one buffer, whose pages the kernel has
    /// given already (growing a fresh buffer to a print page's megabytes
    /// was a fifth of Tera's time, most of it the kernel zeroing pages).
    pub fn render_page_into(
        &self,
        site: &Site,
        page: &Page,
        bodies: &print::Bodies,
        out: &mut Vec<u8>,
    ) -> Result<()> {
        let context = pages::context(site, page, bodies).ok_or_else(|| Error::Template {
            name: page.template.to_string(),
            message: format!("could not build the view of {}", page.path),
        })?;
        // Into bytes directly: `Tera::render` starts from 2 KB and checks the
        // whole output is UTF-8 again, which it is by construction.
        self.tera
            .render_to(page.template, &context, out)
            .map_err(|e| template_error(Some(page.template), &e))
    }
}

/// Hard-links `from/path` to `out/path`.
fn link(from: &Path, path: &str, out: &Path) -> bool {
    let to = out.join(path);
    to.parent()
        .is_some_and(|dir| std::fs::create_dir_all(dir).is_ok())
        && std::fs::hard_link(from.join(path), to).is_ok()
}

/// Renders every planned page and copies the assets into `out`. `tick` is
/// called once per page written (for a progress bar).
pub fn render_site(
    site: &Site,
    renderer: &Renderer,
    out: &Path,
    tick: &(dyn Fn() + Sync),
) -> Result<Output> {
    let pages = plan(site);
    let how = SiteRender {
        pages: &pages,
        previous: None,
        tick,
        updatable: true,
    };
    render_site_with(site, renderer, out, &how)
}

/// What [`render_site_with`] renders, and how.
pub struct SiteRender<'a> {
    /// The site's plan.
    pub pages: &'a [Page],
    /// A previous render to take what it holds unchanged from.
    pub previous: Option<&'a Previous>,
    /// Called once per page written (for a progress bar).
    pub tick: &'a (dyn Fn() + Sync),
    /// Keep in the search index what `serve` needs to update it after an
    /// edit (each document's terms), which a one-off build does without.
    pub updatable: bool,
}

/// [`render_site`] of a plan made already, the way `how` says.
pub fn render_site_with(
    site: &Site,
    renderer: &Renderer,
    out: &Path,
    how: &SiteRender,
) -> Result<Output> {
    let SiteRender {
        pages,
        previous,
        tick,
        updatable,
    } = *how;
    create_folders(out, pages)?;
    let reused = AtomicUsize::new(0);
    let rendered: Vec<&Page> = pages
        .iter()
        .filter(|p| previous.is_none_or(|prev| !prev.keep.contains(&p.path)))
        .collect();
    let bodies = print::Bodies::for_pages(&rendered);
    // Every page a task of its own: rayon otherwise hands a thread a run of
    // pages it cannot steal from, and when the index is done the other
    // thread sat idle while one rendered the last run, the print packs
    // (a fifth of a cold build of 1,000 documents on one core).
    let render_pages = || {
        pages.par_iter().with_max_len(1).try_for_each(|page| {
            if Previous::take(previous, &page.path, out) {
                reused.fetch_add(1, Ordering::Relaxed);
            } else {
                PAGE_BUFFER.with_borrow_mut(|bytes| {
                    bytes.clear();
                    renderer.render_page_into(site, page, &bodies, bytes)?;
                    write_file(&out.join(page.output()), bytes)
                })?;
            }
            tick();
            Ok::<(), Error>(())
        })
    };
    let write_search = || match Previous::take_search(previous, out) {
        Some(figures) => {
            reused.fetch_add(figures.files, Ordering::Relaxed);
            Ok((figures, None))
        }
        None => {
            search::write_index(site, out, updatable).map(|(files, index)| (files, Some(index)))
        }
    };
    // Side by side: each has parts on one thread (the index is merged in
    // order) that the other's work fills, and the copies of the sources,
    // mostly the kernel's time, fill it too. The search index is small
    // beside the model, so the peak memory hardly moves.
    let copy = || copy_sources(site, out, previous, &reused);
    let (rendered, (searched, copied)) =
        rayon::join(render_pages, || rayon::join(write_search, copy));
    rendered?;
    let (search, search_index) = searched?;
    let sources = copied?;
    crate::util::trace_stage("rendering the pages and the search index, copying the sources");
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
    files += sources;
    Ok(Output {
        pages: pages.len(),
        files,
        reused: reused.into_inner(),
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
    let bodies = print::Bodies::for_pages(pages);
    let written: Vec<bool> = pages
        .par_iter()
        .map(|page| {
            let bytes = renderer.render_page_with(site, page, &bodies)?;
            crate::util::write_if_changed(&out.join(page.output()), &bytes)
        })
        .collect::<Result<_>>()?;
    Ok(written.into_iter().filter(|&w| w).count())
}

/// Copies every document's source into `dir`, in parallel: each copy is a
/// new file, and making files is most of a cold build's system time. A
/// saved web page is published without what can run
/// ([`crate::site::saved_page`]).
/// Returns how many it copied.
fn copy_sources(
    site: &Site,
    out: &Path,
    previous: Option<&Previous>,
    reused: &AtomicUsize,
) -> Result<usize> {
    let sources: Vec<_> = site
        .documents
        .iter()
        .filter_map(|d| d.source.as_ref())
        .collect();
    if !sources.is_empty() {
        let dir = out.join(SOURCES_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    }
    sources.par_iter().try_for_each(|source| {
        let path = format!("{SOURCES_DIR}/{}", source.file_name);
        if Previous::take(previous, &path, out) {
            reused.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
        match crate::site::saved_page::is_saved_page(&source.path) {
            true => {
                let bytes = crate::site::saved_page::published_bytes(&source.path)?;
                write_file(&out.join(path), &bytes)
            }
            false => copy_file(&source.path, &out.join(path)),
        }
    })?;
    Ok(sources.len())
}

/// Copies a file's bytes into a new file (made as `std::fs::write` makes
/// one, not with the source's permissions). `std::io::copy` between files
/// copies inside the kernel on Linux (`copy_file_range`), without reading
/// the bytes into the process and writing them back.
fn copy_file(from: &Path, to: &Path) -> Result<()> {
    let mut source = std::fs::File::open(from).map_err(|e| Error::io(from, e))?;
    let mut copy = std::fs::File::create(to).map_err(|e| Error::io(to, e))?;
    std::io::copy(&mut source, &mut copy).map_err(|e| Error::io(to, e))?;
    Ok(())
}

/// Tera's `safe`, without its copy of the string: a document's body is
/// marked safe where it stands. The print packs' bodies made that copy
/// 0.5 % of a cold build's instructions.
fn safe(value: tera::Value, _: tera::Kwargs, _: &tera::State) -> tera::Value {
    if value.is_string() {
        value.mark_safe()
    } else {
        tera::Value::safe_string(&value.to_string())
    }
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

/// Tera's error with its whole cause chain, named after the template it
/// is about. A syntax or render error names the template that holds the
/// fault (which may be one the rendered page extends or includes), and
/// its report shows the line, the column and the source there.
fn template_error(template: Option<&str>, err: &tera::Error) -> Error {
    // A report starts `error: `, which the command line says already.
    let report = err.to_string();
    let mut message = report
        .strip_prefix("error: ")
        .unwrap_or(&report)
        .to_string();
    let mut cause = err.source();
    while let Some(c) = cause {
        message.push_str("\n  ");
        message.push_str(&c.to_string().replace('\n', "\n  "));
        cause = c.source();
    }
    let name = match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            Some(report.filename().to_string())
        }
        _ => None,
    }
    .filter(|name| !name.is_empty())
    .or_else(|| reported_name(&message))
    .or_else(|| template.map(str::to_string))
    .or_else(|| quoted_name(&message))
    .unwrap_or_else(|| "(unknown)".to_string());
    Error::Template { name, message }
}

/// The template of the first report in a Tera message, `--> name:line:column`:
/// the checks made once every template is read (an unknown component,
/// filter or template) report in a plain message.
fn reported_name(message: &str) -> Option<String> {
    let start = message.find("--> ")? + "--> ".len();
    let line = message[start..].lines().next()?;
    let mut parts = line.rsplitn(3, ':');
    let (_column, _line, name) = (parts.next()?, parts.next()?, parts.next()?);
    Some(name.to_string())
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
        let mut tera = Tera::new();
        let err = tera
            .add_raw_templates(vec![("page.html", "<p>\n{{ broken }\n</p>")])
            .unwrap_err();
        let msg = template_error(None, &err).to_string();
        assert!(msg.starts_with("template page.html:"), "{msg}");
        assert!(msg.contains("2:"), "{msg}");
    }

    #[test]
    fn safe_leaves_strings_as_they_are_and_autoescape_matches_the_site() {
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        tera.register_filter("safe", safe);
        tera.add_raw_template("t.html", "{{ a | safe }} {{ n | safe }} {{ a }}")
            .unwrap();
        let mut context = tera::Context::new();
        let text = "<a href=\"/x\">R&D's</a>";
        context.insert("a", text);
        context.insert("n", &[1, 2]);
        let out = tera.render("t.html", &context).unwrap();
        let escaped = crate::site::escape_html(text);
        assert_eq!(out, format!("{text} [1, 2] {escaped}"));
        assert!(escaped.contains("href=&quot;/x&quot;") && escaped.contains("&#39;"));
    }

    #[test]
    fn an_unknown_component_names_the_template_calling_it() {
        let mut tera = Tera::new();
        let err = tera
            .add_raw_templates(vec![("page.html", "<p>\n{{ <nowhere /> }}</p>")])
            .unwrap_err();
        let msg = template_error(None, &err).to_string();
        assert!(msg.starts_with("template page.html:"), "{msg}");
        assert!(msg.contains("--> page.html:2:4"), "{msg}");
    }
}
