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
//! - [`server`]: the pieces started together and stopped cleanly;
//! - `connections`: the HTTP/1 connections, each with a deadline for its
//!   request headers;
//! - [`incremental`]: the real rebuild, re-rendering only what a change affects.

mod connections;
pub mod http;
pub mod incremental;
pub mod paths;
pub mod pending;
pub mod reload;
mod server;
pub mod watch;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
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
    /// Output files (relative, `/`-separated) left stale for
    /// [`Rebuild::finish`]: requests for them wait until it has run.
    pub deferred: Vec<String>,
}

/// Makes the site again after `changes`. It must be atomic: when it returns,
/// the new files are in place (pages are told to reload only then); when it
/// fails, the previous output is whole.
pub trait Rebuild: Send + 'static {
    fn rebuild(&mut self, changes: &Changes) -> Result<BuildOutcome>;

    /// Writes what the last rebuilds deferred ([`BuildOutcome::deferred`]),
    /// stopping early once `stop` is set (a new edit came in). Returns the
    /// files still to write.
    fn finish(&mut self, _stop: &AtomicBool) -> Result<Vec<String>> {
        Ok(Vec::new())
    }
}

impl<F> Rebuild for F
where
    F: FnMut(&Changes) -> Result<BuildOutcome> + Send + 'static,
{
    fn rebuild(&mut self, changes: &Changes) -> Result<BuildOutcome> {
        self(changes)
    }
}

/// The rebuild `briefing serve` uses: a full build first, then only what
/// each change affects ([`incremental`]). It holds the output folder's
/// build lock until it is dropped.
pub fn site_rebuild(root: &Path, output: &Path) -> Result<impl Rebuild> {
    incremental::Incremental::new(root, output)
}

/// [`site_rebuild`] with the build options the command line set (drafts,
/// another `base_url`), into `options.output`.
pub fn site_rebuild_with(root: &Path, options: BuildOptions) -> Result<impl Rebuild> {
    incremental::Incremental::with_options(root, options)
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
            outcome.errors = ingest.errors.iter().map(|e| e.to_string()).collect();
            outcome.written_sources = ingest
                .documents
                .iter()
                .filter(|d| matches!(d.outcome, Outcome::Written | Outcome::ReplacedHandEdit))
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
