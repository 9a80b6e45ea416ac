//! `build`: the pipeline end to end — ingest what changed, load the site
//! model, render into a fresh folder and swap it in for `public/`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub mod affected;
mod clean;
mod lock;
pub mod manifest;
pub mod output;
pub mod redirects;
mod swap;

pub use clean::{clean, Cleaned};
pub use lock::{lock_path, BuildLock};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::ingest::{IngestOptions, IngestReport};
use crate::render::{self, Renderer};
use crate::search::SearchIndex;
use crate::site::{Drafts, Site};
use affected::Snapshot;
use manifest::Manifest;
use redirects::Addresses;

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Output folder; default `<root>/public`.
    pub output: Option<PathBuf>,
    /// Show a progress bar (only on a terminal).
    pub progress: bool,
    /// Render every page, taking nothing from the previous site.
    pub force: bool,
    /// Replace the output folder even when it holds files that are not a
    /// site briefing wrote (never the project's own folders).
    pub force_output: bool,
    /// The caller holds the output folder's [`BuildLock`] already (`serve`
    /// holds it for as long as it runs).
    pub lock_held: bool,
    /// Whether the documents marked `draft: true` are published too.
    pub drafts: Drafts,
    /// The `base_url` of this build instead of `briefing.yaml`'s (a deploy
    /// preview lives at another address than the site).
    pub base_url: Option<String>,
}

impl BuildOptions {
    /// `briefing.yaml` as this build reads it: with the address the
    /// command line asked for.
    pub fn config(&self, root: &Path) -> Result<Config> {
        let mut config = Config::load(root)?;
        if let Some(url) = &self.base_url {
            config.base_url = url.clone();
        }
        Ok(config)
    }
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub ingest: Option<IngestReport>,
    pub pages: usize,
    pub files: usize,
    /// Of `files`, those taken from the previous site as they were.
    pub reused: usize,
    /// Documents in the site.
    pub documents: usize,
    /// Bytes of `search-index.js`, the manifest the search page loads whole.
    pub search_index_bytes: u64,
    /// The term scripts: how many, their total and the largest one's bytes.
    pub search_shards: usize,
    pub search_terms_bytes: u64,
    pub search_largest_shard_bytes: u64,
    /// Bytes of the passage scripts (a bucket of documents each), loaded
    /// only for shown results.
    pub search_text_bytes: u64,
    pub elapsed: Duration,
    pub warnings: Vec<String>,
    /// Old addresses of documents that moved, each now a redirect page.
    pub redirects: usize,
}

/// The folder a build writes when no output is given.
pub const DEFAULT_OUTPUT: &str = "public";
/// Builds with more pages than this show a progress bar on a terminal.
const PROGRESS_MIN_PAGES: usize = 200;

pub fn build(root: &Path, options: &BuildOptions) -> Result<BuildReport> {
    build_keeping(root, options, false).map(|built| built.report)
}

/// [`build`] for a process that ends right after: the model, the templates
/// and the page plan are left for the exit to reclaim, as freeing them one
/// allocation at a time only delays it (half a second at 10,000 documents).
pub fn build_then_exit(root: &Path, options: &BuildOptions) -> Result<BuildReport> {
    let mut built = build_keeping(root, options, false)?;
    let report = std::mem::take(&mut built.report);
    std::mem::forget(built);
    Ok(report)
}

/// A build's report with the model and the compiled templates it rendered
/// with: `serve` keeps them to re-render only what a later change affects.
pub struct Built {
    pub report: BuildReport,
    pub site: Site,
    pub renderer: Renderer,
    /// The search index the site's scripts were written from; `None` when
    /// they were taken from the previous site.
    pub search: Option<SearchIndex>,
    /// The page plan, and what `serve` judges which pages a change
    /// affects by.
    pub pages: Vec<render::Page>,
    pub snapshot: Snapshot,
    /// Each document's page and the old addresses that lead to it.
    pub addresses: Addresses,
}

/// [`build`], keeping the site model and the templates.
pub fn build_loaded(root: &Path, options: &BuildOptions) -> Result<Built> {
    build_keeping(root, options, true)
}

/// A build; `updatable` keeps in the search index what updating it after
/// an edit needs.
fn build_keeping(root: &Path, options: &BuildOptions, updatable: bool) -> Result<Built> {
    let started = Instant::now();
    let config = options.config(root)?;
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| root.join(DEFAULT_OUTPUT));
    output::check(root, &output, options.force_output)?;
    let parent = output_parent(&output);
    std::fs::create_dir_all(&parent).map_err(|e| swap::output_error(&parent, e))?;
    let _lock = match options.lock_held {
        true => None,
        false => Some(BuildLock::acquire(&output)?),
    };
    crate::util::remove_temp_files(&root.join(crate::site::CONTENT_DIR))?;
    let mut ingest = ingest_if_seeded(root, &config)?;
    crate::util::trace_stage("ingest");
    let fresh = ingest
        .as_mut()
        .map(|r| std::mem::take(&mut r.texts))
        .unwrap_or_default();
    let site = Site::load_with(root, &config, fresh, options.drafts)?;
    crate::util::trace_stage("loading the site");
    let renderer = Renderer::new(root)?;
    let pages = render::plan(&site);
    let snapshot = Snapshot::of(&site, &pages);
    let inputs = manifest::inputs(&site)?;
    let last = manifest::read(&output);
    let addresses = Addresses::of(&site, last.as_ref().map(Manifest::addresses));
    let previous = match options.force {
        true => None,
        false => last.and_then(|m| m.reusable(&site, &pages, &snapshot, &inputs, &output)),
    };
    let bar = progress_bar(pages.len(), options.progress);
    let tick = || {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    };
    let how = render::SiteRender {
        pages: &pages,
        previous: previous.as_ref(),
        tick: &tick,
        updatable,
    };
    let written = render_atomically(&output, |fresh| {
        let mut written = render::render_site_with(&site, &renderer, fresh, &how)?;
        written.files += addresses.write(&site, fresh)?;
        Ok(written)
    })?;
    crate::util::trace_stage("the swap");
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut warnings = ingest.as_ref().map(ingest_warnings).unwrap_or_default();
    warnings.extend(site.warnings.iter().cloned());
    let manifest = Manifest::of(inputs, snapshot, written.search, addresses, &output);
    if let Err(err) = manifest.write(&output) {
        warnings.push(format!("{err}; the next build renders every page again"));
    }
    let addresses = manifest.addresses().clone();
    let redirects = addresses.redirects().count();
    let snapshot = manifest.into_snapshot();
    let report = BuildReport {
        ingest,
        pages: written.pages,
        files: written.files,
        reused: written.reused,
        documents: site.documents.len(),
        search_index_bytes: written.search.index_bytes,
        search_shards: written.search.shards,
        search_terms_bytes: written.search.terms_bytes,
        search_largest_shard_bytes: written.search.largest_shard_bytes,
        search_text_bytes: written.search.text_bytes,
        elapsed: started.elapsed(),
        warnings,
        redirects,
    };
    Ok(Built {
        report,
        site,
        renderer,
        search: written.search_index,
        pages,
        snapshot,
        addresses,
    })
}

/// Runs ingest only when there are seeds: a project of hand-written content
/// needs none, though it hears of the files in `seeds/` ingest would not
/// read. A seed that fails stops only itself: the report names it, and the
/// site is built from every other document.
fn ingest_if_seeded(root: &Path, config: &Config) -> Result<Option<IngestReport>> {
    if !crate::ingest::has_sources(root) {
        let skipped = crate::ingest::skipped_seeds(root);
        let report = IngestReport {
            skipped,
            ..IngestReport::default()
        };
        return Ok((!report.skipped.is_empty()).then_some(report));
    }
    let options = IngestOptions {
        keep_texts: true,
        ..IngestOptions::default()
    };
    crate::ingest::ingest_project(root, config, &options).map(Some)
}

/// The ingest run's warnings, and the files in `seeds/` it left out.
fn ingest_warnings(report: &IngestReport) -> Vec<String> {
    let skipped = report.skipped.iter().map(|s| format!("skipped {s}"));
    skipped.chain(report.warnings.iter().cloned()).collect()
}

fn render_atomically(
    output: &Path,
    render: impl FnOnce(&Path) -> Result<render::Output>,
) -> Result<render::Output> {
    let parent = output_parent(output);
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| DEFAULT_OUTPUT.to_string());
    swap::clean_leftovers(&parent, &name, output)?;
    let fresh = tempfile::Builder::new()
        .prefix(&swap::fresh_prefix(&name))
        .tempdir_in(&parent)
        .map_err(|e| swap::output_error(&parent, e))?;
    let written = render(fresh.path()).map_err(|e| swap::explain_write_error(output, e))?;
    let marker = fresh.path().join(output::MARKER);
    std::fs::write(&marker, output::MARKER_TEXT)
        .map_err(|e| swap::explain_write_error(output, Error::io(&marker, e)))?;
    manifest::remove(output)?;
    swap::swap_in(fresh, output, &parent, &name)?;
    Ok(written)
}

/// The folder the output folder is in (`.` for a bare name).
fn output_parent(output: &Path) -> PathBuf {
    match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn progress_bar(pages: usize, wanted: bool) -> Option<indicatif::ProgressBar> {
    if !wanted || pages < PROGRESS_MIN_PAGES || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(pages as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pages") {
        bar.set_style(style);
    }
    Some(bar)
}
