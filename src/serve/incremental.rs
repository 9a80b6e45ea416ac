//! The rebuild `briefing serve` runs: the first build is a full one whose
//! site model and compiled templates are kept; after that, a change to
//! content files re-parses just those files and re-renders only the pages
//! that show them ([`super::affected`]), a template change re-renders
//! every page without reading content again, and a static file is copied.
//! Seeds, `briefing.yaml`, anything unexpected and anything that fails
//! fall back to the full build. Files are replaced in place, each
//! atomically, before the rebuild returns (and the server tells pages to
//! reload); the result is byte for byte what a full build writes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::affected::{affected, Snapshot};
use super::{BuildOutcome, Changes, Rebuild};
use crate::build::{self, BuildOptions, Built};
use crate::error::{Error, Result};
use crate::render::{self, Renderer, ASSETS_DIR, SOURCES_DIR};
use crate::search::SearchIndex;
use crate::site::{Site, Update, CONTENT_DIR};
use crate::util::write_if_changed;

/// The incremental rebuild of the project at `root` into `output`.
pub struct Incremental {
    root: PathBuf,
    options: BuildOptions,
    /// The model and templates the files in `output` were made from; `None`
    /// until a full build succeeds, and after any failure.
    loaded: Option<Loaded>,
}

struct Loaded {
    site: Site,
    renderer: Renderer,
    /// Each document's search terms: an edit re-reads only the changed ones.
    search: SearchIndex,
}

/// A change sorted by what it takes to apply.
#[derive(Default)]
struct Plan {
    /// Content files, as absolute paths.
    content: Vec<PathBuf>,
    templates: bool,
    /// Files under `static/`, by name inside it.
    statics: Vec<String>,
}

impl Incremental {
    pub fn new(root: &Path, output: &Path) -> Incremental {
        Incremental {
            root: root.to_path_buf(),
            options: BuildOptions {
                output: Some(output.to_path_buf()),
                progress: false,
            },
            loaded: None,
        }
    }

    fn output(&self) -> &Path {
        self.options.output.as_deref().unwrap_or(Path::new("."))
    }

    fn full(&mut self) -> Result<BuildOutcome> {
        let Built {
            report,
            site,
            renderer,
            search,
        } = build::build_loaded(&self.root, &self.options)?;
        self.loaded = Some(Loaded {
            site,
            renderer,
            search,
        });
        Ok(BuildOutcome::from_report(&self.root, report))
    }

    /// The change as steps, or `None` when only a full build will do.
    fn classify(&self, changes: &Changes) -> Option<Plan> {
        if changes.paths.is_empty() {
            return None;
        }
        let mut plan = Plan::default();
        for path in &changes.paths {
            let full = self.root.join(path);
            let top = path.components().next()?.as_os_str().to_str()?;
            let inside = path.components().skip(1).map(|c| c.as_os_str().to_str());
            let name = inside.collect::<Option<Vec<_>>>()?.join("/");
            let direct = !name.is_empty() && !name.contains('/');
            match top {
                CONTENT_DIR if direct && name.ends_with(".md") => plan.content.push(full),
                "templates" if direct => plan.templates = true,
                "static" if full.is_file() => plan.statics.push(name),
                _ => return None,
            }
        }
        Some(plan)
    }
}

impl Rebuild for Incremental {
    fn rebuild(&mut self, changes: &Changes) -> Result<BuildOutcome> {
        let (Some(mut loaded), Some(plan)) = (self.loaded.take(), self.classify(changes)) else {
            return self.full();
        };
        match apply(&mut loaded, &plan, &self.root, self.output()) {
            Ok(Some(outcome)) => {
                self.loaded = Some(loaded);
                Ok(outcome)
            }
            Ok(None) => self.full(),
            Err(err) => Err(err),
        }
    }
}

/// Applies `plan` to the model and the site on disk; `None` when the change
/// turned out to need a full build.
fn apply(
    loaded: &mut Loaded,
    plan: &Plan,
    root: &Path,
    out: &Path,
) -> Result<Option<BuildOutcome>> {
    let started = Instant::now();
    let before_plan = render::plan(&loaded.site);
    let before = Snapshot::of(&loaded.site, &before_plan);
    drop(before_plan);
    let mut changed = BTreeSet::new();
    for path in &plan.content {
        changed.extend(slug_of(&loaded.site, path));
        if loaded.site.update_document(path)? == Update::NeedsFullLoad {
            return Ok(None);
        }
        changed.extend(slug_of(&loaded.site, path));
    }
    if plan.templates {
        loaded.renderer = Renderer::new(root)?;
    }
    let pages = render::plan(&loaded.site);
    let after = Snapshot::of(&loaded.site, &pages);
    if before.has_code != after.has_code {
        return Ok(None);
    }
    let selected: Vec<&render::Page> = if plan.templates {
        pages.iter().collect()
    } else {
        affected(&pages, &before, &after, &changed)
    };
    render::render_pages(&loaded.site, &loaded.renderer, &selected, out)?;
    for path in before.vanished(&after) {
        remove(&out.join(path))?;
    }
    if !plan.content.is_empty() {
        write_documents_files(loaded, &changed, out)?;
    }
    copy_static(root, out, &plan.statics)?;
    Ok(Some(BuildOutcome {
        pages: selected.len(),
        elapsed: started.elapsed(),
        warnings: loaded.site.warnings.clone(),
        ..BuildOutcome::default()
    }))
}

fn slug_of(site: &Site, path: &Path) -> Option<String> {
    site.documents
        .iter()
        .find(|d| d.path == path)
        .map(|d| d.slug.clone())
}

/// The search scripts and the copied sources, after documents changed:
/// rewritten where they differ, removed where their document is gone.
fn write_documents_files(
    loaded: &mut Loaded,
    changed: &BTreeSet<String>,
    out: &Path,
) -> Result<()> {
    let site = &loaded.site;
    let write = |path: &Path, bytes: &[u8]| write_if_changed(path, bytes).map(drop);
    render::search::update_index_with(&mut loaded.search, site, changed, out, &write)?;
    remove_others(
        &out.join(render::search::TEXT_DIR),
        &render::search::passage_files(site, out),
    )?;
    let mut sources = BTreeSet::new();
    for doc in &site.documents {
        let Some(source) = &doc.source else { continue };
        let to = out.join(SOURCES_DIR).join(&source.file_name);
        if changed.contains(&doc.slug) {
            let bytes = std::fs::read(&source.path).map_err(|e| Error::io(&source.path, e))?;
            write_if_changed(&to, &bytes)?;
        }
        sources.insert(to);
    }
    remove_others(&out.join(SOURCES_DIR), &sources)
}

/// Removes the files directly in `dir` that are not in `keep`.
fn remove_others(dir: &Path, keep: &BTreeSet<PathBuf>) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() && !keep.contains(&path) {
            remove(&path)?;
        }
    }
    Ok(())
}

fn remove(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

/// Copies the named files of `static/` into the site's assets, as the
/// build does (verbatim).
pub fn copy_static(root: &Path, out: &Path, names: &[String]) -> Result<()> {
    if names.is_empty() {
        return Ok(());
    }
    let files = render::assets::static_files(root)?;
    for name in names {
        let Some((_, bytes)) = files.iter().find(|(n, _)| n == name) else {
            continue;
        };
        write_if_changed(&out.join(ASSETS_DIR).join(name), bytes)?;
    }
    Ok(())
}
