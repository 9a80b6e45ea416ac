//! `build`: the pipeline end to end — ingest what changed, load the site
//! model, render into a fresh folder and swap it in for `public/`.
//! (Interface fixed; implementation: issue #3.)

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::{Error, Result};
use crate::ingest::IngestReport;

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Output folder; default `<root>/public`.
    pub output: Option<PathBuf>,
    /// Show a progress bar (only on a terminal).
    pub progress: bool,
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub ingest: Option<IngestReport>,
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
    pub warnings: Vec<String>,
}

pub fn build(_root: &Path, _options: &BuildOptions) -> Result<BuildReport> {
    Err(Error::Other("build is not built yet (issue #3)".into()))
}
