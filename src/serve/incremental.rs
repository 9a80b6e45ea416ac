//! The rebuild `briefing serve` runs: the first build is a full one whose
//! site model and compiled templates are kept; after that, a change to
//! content files re-parses just those files and re-renders only the pages
//! that show them ([`crate::build::affected`], by what each page's kind
//! declares it reads), a template change re-renders the pages whose
//! template uses it (extends, includes or imports it, at any depth)
//! without reading content again, and a static file is copied. Pages whose
//! kind can wait ([`render::PageKind::can_wait`]) are left for
//! [`Rebuild::finish`].
//! Seeds, `briefing.yaml`, anything unexpected and anything that fails
//! fall back to the full build. Files are replaced in place, each
//! atomically, before the rebuild returns (and the server tells pages to
//! reload); the result is byte for byte what a full build writes.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use super::{BuildOutcome, Changes, Rebuild};
use crate::build::affected::{affected, Snapshot};
use crate::build::redirects::Addresses;
use crate::build::{self, manifest, BuildLock, BuildOptions, Built};
use crate::error::Result;
use crate::render::{self, Renderer, ASSETS_DIR, SOURCES_DIR};
use crate::search::SearchIndex;
use crate::site::{Site, Update, CONTENT_DIR};
use crate::util::{remove_file_if_present, write_if_changed};

/// The incremental rebuild of the project at `root` into `output`.
pub struct Incremental {
    root: PathBuf,
    options: BuildOptions,
    /// The model and templates the files in `output` were made from; `None`
    /// until a full build succeeds, and after any failure.
    loaded: Option<Loaded>,
    /// Pages left stale for [`Rebuild::finish`], by output path.
    deferred: BTreeSet<String>,
    /// Documents (by slug) changed since the search index was last written.
    search_changed: BTreeSet<String>,
    _lock: BuildLock,
}

struct Loaded {
    site: Site,
    renderer: Renderer,
    /// The plan of `site`, and what its pages were judged by.
    pages: Vec<render::Page>,
    snapshot: Snapshot,
    /// Each document's search terms: an edit re-reads only the changed
    /// ones. `None` when the build took the search scripts from the
    /// previous site; the first edit then makes it.
    search: Option<SearchIndex>,
    /// Each document's page and the old addresses that lead to it.
    addresses: Addresses,
}

/// A change sorted by what it takes to apply.
#[derive(Default)]
struct Plan {
    /// Content files, as absolute paths.
    content: Vec<PathBuf>,
    /// Names of changed templates (inside `templates/`).
    templates: Vec<String>,
    /// Files under `static/`, by name inside it.
    statics: Vec<String>,
}

impl Incremental {
    /// Takes the output folder's build lock and keeps it: no `build` or
    /// other `serve` writes the folder while this one may.
    pub fn new(root: &Path, output: &Path) -> Result<Incremental> {
        let options = BuildOptions {
            output: Some(output.to_path_buf()),
            ..BuildOptions::default()
        };
        Incremental::with_options(root, options)
    }

    /// [`Incremental::new`] building with `options` (drafts, another
    /// `base_url`) into `options.output`, the project's `public/` if unset.
    pub fn with_options(root: &Path, mut options: BuildOptions) -> Result<Incremental> {
        let output = (options.output)
            .get_or_insert_with(|| root.join(build::DEFAULT_OUTPUT))
            .clone();
        let lock = BuildLock::acquire(&output)?;
        options.lock_held = true;
        Ok(Incremental {
            root: root.to_path_buf(),
            options,
            _lock: lock,
            loaded: None,
            deferred: BTreeSet::new(),
            search_changed: BTreeSet::new(),
        })
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
            pages,
            snapshot,
            addresses,
        } = build::build_loaded(&self.root, &self.options)?;
        self.loaded = Some(Loaded {
            site,
            renderer,
            pages,
            snapshot,
            search,
            addresses,
        });
        self.deferred.clear();
        self.search_changed.clear();
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
                "templates" if direct => plan.templates.push(name),
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
            Ok(Some(Applied {
                mut outcome,
                later,
                changed,
            })) => {
                self.search_changed.extend(changed);
                self.deferred.extend(later);
                let search = search_files();
                let planned = |path: &String| search.contains(path) || loaded.snapshot.plans(path);
                self.deferred.retain(planned);
                outcome.deferred = self.deferred.iter().cloned().collect();
                self.loaded = Some(loaded);
                Ok(outcome)
            }
            Ok(None) => self.full(),
            Err(err) => Err(err),
        }
    }

    /// Renders the deferred pages a few at a time (as many as there are
    /// threads), checking `stop` between rounds.
    fn finish(&mut self, stop: &AtomicBool) -> Result<Vec<String>> {
        let Some(loaded) = &mut self.loaded else {
            self.deferred.clear();
            return Ok(Vec::new());
        };
        let pages: Vec<&render::Page> = loaded
            .pages
            .iter()
            .filter(|p| self.deferred.contains(&p.path))
            .collect();
        let out = self.options.output.as_deref().unwrap_or(Path::new("."));
        for round in pages.chunks(rayon::current_num_threads().max(1)) {
            if stop.load(Ordering::SeqCst) {
                return Ok(self.deferred.iter().cloned().collect());
            }
            render::render_pages(&loaded.site, &loaded.renderer, round, out)?;
            for page in round {
                self.deferred.remove(&page.path);
            }
        }
        let search = search_files();
        if !stop.load(Ordering::SeqCst) && self.deferred.contains(&search[0]) {
            write_search_files(loaded, &self.search_changed, out)?;
            self.search_changed.clear();
            for file in &search {
                self.deferred.remove(file);
            }
        }
        Ok(self.deferred.iter().cloned().collect())
    }
}

/// The search index and the folders of term scripts and passages, as
/// deferred output paths (a path ending in `/` stands for everything under it).
fn search_files() -> [String; 4] {
    [
        render::search::INDEX_FILE.to_string(),
        format!("{}/", render::search::TERMS_DIR),
        format!("{}/", render::search::DOCS_DIR),
        format!("{}/", render::search::TEXT_DIR),
    ]
}

/// What [`apply`] did.
struct Applied {
    outcome: BuildOutcome,
    /// Output paths left for [`Rebuild::finish`].
    later: Vec<String>,
    /// The documents changed, by slug (old and new).
    changed: BTreeSet<String>,
}

/// Applies `plan` to the model and the site on disk, but for the pages
/// it returns to be written later; `None` when the change turned out to
/// need a full build.
fn apply(loaded: &mut Loaded, plan: &Plan, root: &Path, out: &Path) -> Result<Option<Applied>> {
    let started = Instant::now();
    let mut changed = BTreeSet::new();
    let mut reindexed = false;
    for path in &plan.content {
        changed.extend(slug_of(&loaded.site, path));
        match loaded.site.update_document(path)? {
            Update::NeedsFullLoad => return Ok(None),
            Update::Applied => reindexed = true,
            Update::Replaced => {}
        }
        changed.extend(slug_of(&loaded.site, path));
    }
    let old_renderer = match plan.templates.is_empty() {
        true => None,
        false => Some(std::mem::replace(
            &mut loaded.renderer,
            Renderer::new(root)?,
        )),
    };
    let mut vanished = Vec::new();
    let before = if reindexed {
        let pages = render::plan(&loaded.site);
        let after = Snapshot::of(&loaded.site, &pages);
        if loaded.snapshot.has_code != after.has_code {
            return Ok(None);
        }
        vanished.extend(loaded.snapshot.vanished(&after).map(str::to_string));
        loaded.pages = pages;
        Some(std::mem::replace(&mut loaded.snapshot, after))
    } else {
        None
    };
    let after = &loaded.snapshot;
    let showing: HashSet<&str> = affected(&loaded.pages, before.as_ref(), after, &changed)
        .into_iter()
        .map(|p| p.path.as_str())
        .collect();
    let renderers = [old_renderer.as_ref(), Some(&loaded.renderer)];
    let reads_changed_template = |page: &render::Page| {
        let reads = |r: &Renderer| {
            plan.templates
                .iter()
                .any(|t| r.reads_template(page.template, t))
        };
        old_renderer.is_some() && renderers.iter().flatten().any(|r| reads(r))
    };
    let selected: Vec<&render::Page> = loaded
        .pages
        .iter()
        .filter(|p| showing.contains(p.path.as_str()) || reads_changed_template(p))
        .collect();
    let (later, now): (Vec<&render::Page>, Vec<&render::Page>) =
        selected.iter().partition(|p| p.kind.can_wait());
    render::render_pages(&loaded.site, &loaded.renderer, &now, out)?;
    for path in vanished {
        remove_file_if_present(&out.join(path))?;
    }
    if !plan.content.is_empty() {
        copy_sources(&loaded.site, &changed, out)?;
    }
    copy_static(root, out, &plan.statics)?;
    let mut later: Vec<String> = later.iter().map(|p| p.path.clone()).collect();
    let rendered = now.len();
    if !plan.content.is_empty() {
        later.extend(search_files());
        move_addresses(loaded, out)?;
    }
    let outcome = BuildOutcome {
        pages: rendered,
        elapsed: started.elapsed(),
        warnings: loaded.site.warnings.clone(),
        ..BuildOutcome::default()
    };
    Ok(Some(Applied {
        outcome,
        later,
        changed,
    }))
}

/// The redirects after documents changed: a page that moved leaves one at
/// its old address, as a full build would, and the manifest keeps it for
/// the next build.
fn move_addresses(loaded: &mut Loaded, out: &Path) -> Result<()> {
    let addresses = loaded.addresses.update(&loaded.site, out)?;
    if addresses != loaded.addresses {
        manifest::record_addresses(out, &addresses)?;
        loaded.addresses = addresses;
    }
    Ok(())
}

fn slug_of(site: &Site, path: &Path) -> Option<String> {
    site.documents
        .iter()
        .find(|d| d.is_from(path))
        .map(|d| d.slug.clone())
}

/// The search scripts, after the documents `changed` (by slug) changed:
/// only their terms are read again; files are rewritten where they differ,
/// removed where their document is gone.
fn write_search_files(loaded: &mut Loaded, changed: &BTreeSet<String>, out: &Path) -> Result<()> {
    let site = &loaded.site;
    let write = |path: &Path, bytes: &[u8]| write_if_changed(path, bytes).map(drop);
    let files = match &mut loaded.search {
        Some(index) => render::search::update_index_with(index, site, changed, out, &write)?,
        None => {
            let (files, index) = render::search::write_index_with(site, out, true, &write)?;
            loaded.search = Some(index);
            files
        }
    };
    let scripts = render::search::script_files(out, &files);
    remove_others(&out.join(render::search::TERMS_DIR), &scripts)?;
    remove_others(&out.join(render::search::DOCS_DIR), &scripts)?;
    remove_others(
        &out.join(render::search::TEXT_DIR),
        &render::search::passage_files(site, out),
    )
}

/// The copied sources, after documents changed.
fn copy_sources(site: &Site, changed: &BTreeSet<String>, out: &Path) -> Result<()> {
    let mut sources = BTreeSet::new();
    for doc in &site.documents {
        let Some(source) = &doc.source else { continue };
        let to = out.join(SOURCES_DIR).join(&source.file_name);
        if changed.contains(&doc.slug) {
            let bytes = crate::site::saved_page::published_bytes(&source.path)?;
            write_if_changed(&to, &bytes)?;
        }
        sources.insert(to);
    }
    remove_others(&out.join(SOURCES_DIR), &sources)
}

/// Removes the files directly in `dir` that are not in `keep` (which may
/// name files of other folders too). By file name and the folder entry's
/// type: a stat and a whole-path lookup per file made this a tenth of a
/// content edit.
fn remove_others(dir: &Path, keep: &BTreeSet<PathBuf>) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let names: HashSet<&std::ffi::OsStr> = keep
        .iter()
        .filter(|p| p.parent() == Some(dir))
        .filter_map(|p| p.file_name())
        .collect();
    for entry in entries.flatten() {
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && !names.contains(entry.file_name().as_os_str()) {
            remove_file_if_present(&entry.path())?;
        }
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remove_others_keeps_only_what_is_named_in_that_folder() {
        let root = tempfile::tempdir().unwrap();
        let (terms, docs) = (root.path().join("terms"), root.path().join("docs"));
        for dir in [&terms, &docs] {
            std::fs::create_dir(dir).unwrap();
            for name in ["0.js", "1.js"] {
                std::fs::write(dir.join(name), "x").unwrap();
            }
        }
        // One set for both folders, as the search scripts are named.
        let keep = BTreeSet::from([terms.join("0.js"), docs.join("0.js"), docs.join("1.js")]);
        remove_others(&terms, &keep).unwrap();
        remove_others(&docs, &keep).unwrap();
        assert!(terms.join("0.js").exists());
        assert!(
            !terms.join("1.js").exists(),
            "a name kept in another folder"
        );
        assert!(docs.join("0.js").exists() && docs.join("1.js").exists());
    }
}
