//! Stage 1, seeds → content: clean captured text, recover its structure,
//! annotate it from `briefing.yaml`, and write `content/<slug>.md`.
//! (Interface fixed; implementation: issue #2.)

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Overwrite content files even when they were edited by hand.
    pub force: bool,
}

/// What one ingest run did, for the command's table and for `build`.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub documents: Vec<IngestedDocument>,
    /// Problems that did not stop a document (unknown date, hand-edited file skipped …).
    pub warnings: Vec<String>,
    /// Seeds that could not be ingested; the others still were.
    pub errors: Vec<Error>,
}

#[derive(Debug, Clone)]
pub struct IngestedDocument {
    pub seed: PathBuf,
    pub content: PathBuf,
    pub title: String,
    pub date: String,
    pub date_source: String,
    pub dialogues: Vec<String>,
    pub top_themes: Vec<String>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Written,
    Unchanged,
    SkippedHandEdited,
}

impl IngestReport {
    pub fn failed(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// Ingests every `seeds/*.txt` under `root` into `root/content/`.
pub fn ingest_project(
    _root: &Path,
    _config: &Config,
    _options: &IngestOptions,
) -> Result<IngestReport> {
    Err(Error::Other("ingest is not built yet (issue #2)".into()))
}
