//! Live preview: serve the output folder, watch the sources, rebuild on
//! change and tell open pages to reload once the new files are in place.
//!
//! The rebuild is a parameter ([`Rebuild`]), so the server knows nothing of
//! how a site is made: `briefing serve` passes the real build
//! ([`site_rebuild`]), tests pass a fake. A rebuild is told what changed, so
//! an incremental builder can plug in behind the same trait.
//!
//! - [`http`]: routes, the site's files served safely, the script injected;
//! - [`reload`]: build status, server-sent events, the reload script;
//! - [`watch`]: the debounced, filtered source watcher;
//! - [`server`]: the pieces started together and stopped cleanly.

pub mod http;
pub mod paths;
pub mod reload;
mod server;
pub mod watch;

use std::path::{Path, PathBuf};
use std::time::Duration;

pub use server::{ServeOptions, Server};

use crate::build::{BuildOptions, BuildReport};
use crate::error::Result;
use crate::ingest::Outcome;

/// What changed since the last build, as paths relative to the project root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Sorted; empty means "everything" (the first build).
    pub paths: Vec<PathBuf>,
}

impl Changes {
    pub fn everything() -> Changes {
        Changes::default()
    }

    /// Only stylesheets under `static/` changed: pages can keep their DOM
    /// and swap the CSS.
    pub fn css_only(&self) -> bool {
        !self.paths.is_empty()
            && self.paths.iter().all(|p| {
                p.starts_with("static")
                    && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("css"))
            })
    }

    /// One line for the terminal: which file(s) started the build.
    pub fn describe(&self) -> String {
        match self.paths.as_slice() {
            [] => "start".to_string(),
            [one] => one.display().to_string(),
            [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
        }
    }
}

/// What a successful build reports back to the server.
#[derive(Debug, Clone, Default)]
pub struct BuildOutcome {
    pub pages: usize,
    pub elapsed: Duration,
    pub warnings: Vec<String>,
    /// Problems that did not stop the build (a seed that failed to ingest):
    /// shown in the terminal and over the page, with the new site beneath.
    pub errors: Vec<String>,
    /// Source files the build itself wrote (re-ingested content), relative to
    /// the root: the watcher ignores their echo.
    pub written_sources: Vec<PathBuf>,
}

/// Makes the site again after `changes`. It must be atomic: when it returns,
/// the new files are in place (pages are told to reload only then); when it
/// fails, the previous output is whole.
pub trait Rebuild: Send + 'static {
    fn rebuild(&mut self, changes: &Changes) -> Result<BuildOutcome>;
}

impl<F> Rebuild for F
where
    F: FnMut(&Changes) -> Result<BuildOutcome> + Send + 'static,
{
    fn rebuild(&mut self, changes: &Changes) -> Result<BuildOutcome> {
        self(changes)
    }
}

/// The real build ([`crate::build::build`]) of the project at `root` into
/// `output`. A change to stylesheets only, after a good build, copies them
/// into the site's assets (the build copies them verbatim too) instead of
/// rebuilding every page; anything else rebuilds in full.
pub fn site_rebuild(root: &Path, output: &Path) -> impl Rebuild {
    let root = root.to_path_buf();
    let options = BuildOptions {
        output: Some(output.to_path_buf()),
        progress: false,
    };
    let mut last_build_ok = false;
    move |changes: &Changes| {
        let output = options.output.as_deref().unwrap_or(Path::new("public"));
        if last_build_ok && changes.css_only() {
            if let Some(outcome) = copy_stylesheets(&root, output, changes) {
                return outcome;
            }
        }
        let report = crate::build::build(&root, &options);
        last_build_ok = report.is_ok();
        Ok(BuildOutcome::from_report(&root, report?))
    }
}

/// Writes the changed stylesheets into `output/assets/`; `None` when that
/// cannot stand in for a build (a stylesheet was deleted, the site is gone).
fn copy_stylesheets(root: &Path, output: &Path, changes: &Changes) -> Option<Result<BuildOutcome>> {
    let started = std::time::Instant::now();
    let assets = output.join(crate::render::ASSETS_DIR);
    if !assets.is_dir() || changes.paths.iter().any(|p| !root.join(p).is_file()) {
        return None;
    }
    let files = match crate::render::assets::static_files(root) {
        Ok(files) => files,
        Err(err) => return Some(Err(err)),
    };
    for changed in &changes.paths {
        let name = changed.strip_prefix("static").ok()?;
        let name = name.to_str()?.replace('\\', "/");
        let (_, bytes) = files.iter().find(|(n, _)| *n == name)?;
        if let Err(err) = crate::util::write_atomic(&assets.join(&name), bytes) {
            return Some(Err(err));
        }
    }
    Some(Ok(BuildOutcome {
        elapsed: started.elapsed(),
        ..BuildOutcome::default()
    }))
}

impl BuildOutcome {
    pub fn from_report(root: &Path, report: BuildReport) -> BuildOutcome {
        let mut outcome = BuildOutcome {
            pages: report.pages,
            elapsed: report.elapsed,
            warnings: report.warnings,
            ..BuildOutcome::default()
        };
        if let Some(ingest) = report.ingest {
            outcome.warnings.extend(ingest.warnings);
            outcome.errors = ingest.errors.iter().map(|e| e.to_string()).collect();
            outcome.written_sources = ingest
                .documents
                .iter()
                .filter(|d| d.outcome == Outcome::Written)
                .map(|d| {
                    d.content
                        .strip_prefix(root)
                        .unwrap_or(&d.content)
                        .to_path_buf()
                })
                .collect();
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(paths: &[&str]) -> Changes {
        Changes {
            paths: paths.iter().map(PathBuf::from).collect(),
        }
    }

    #[test]
    fn only_stylesheets_under_static_swap_in_place() {
        assert!(changes(&["static/site.css", "static/print.CSS"]).css_only());
        assert!(!changes(&["static/site.css", "content/a.md"]).css_only());
        assert!(!changes(&["templates/inline.css"]).css_only());
        assert!(!Changes::everything().css_only());
    }

    #[test]
    fn describe_names_the_files() {
        assert_eq!(Changes::everything().describe(), "start");
        assert_eq!(changes(&["content/a.md"]).describe(), "content/a.md");
        assert_eq!(
            changes(&["content/a.md", "content/b.md", "static/s.css"]).describe(),
            "content/a.md and 2 more"
        );
    }
}
