//! Shared helpers: temporary projects from fixtures, builds, site scans.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use briefing::build::{build, BuildOptions};

#[path = "../common/mod.rs"]
mod common;
pub use common::{build_ok, copy_dir};

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// A copy of `tests/fixtures/<name>` in a temporary folder.
pub fn project(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(FIXTURES).join(name), dir.path());
    dir
}

/// A project with only `briefing.yaml` (two themes) and an empty `content/`.
pub fn empty_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("briefing.yaml"),
        "title: T\nthemes:\n  - {slug: ai, name: AI, keywords: [AI]}\n  - {slug: data, name: Data, keywords: [data]}\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    dir
}

/// The build's error, or the errors of the seeds it could not ingest (the
/// build itself goes on without them).
pub fn build_err(root: &Path) -> String {
    match build(root, &BuildOptions::default()) {
        Ok(report) => seed_errors(&report).expect("build should fail"),
        Err(e) => e.to_string(),
    }
}

/// The messages of the seeds a build could not ingest, if any.
pub fn seed_errors(report: &briefing::build::BuildReport) -> Option<String> {
    let errors = &report.ingest.as_ref()?.errors;
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    (!messages.is_empty()).then(|| messages.join("\n\n"))
}

/// Writes `content/<name>` in `root`.
pub fn content(root: &Path, name: &str, text: &str) {
    std::fs::write(root.join("content").join(name), text).unwrap();
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The HTML pages of a built site, by relative path.
pub fn html_pages(site: &Path) -> BTreeMap<PathBuf, String> {
    snapshot(site)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|x| x == "html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

/// Names of folders beside the output that a build left behind.
pub fn leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("public."))
        .collect()
}
