//! Helpers shared by the integration-test binaries (each includes this file
//! with `#[path]`): copying fixture projects and building them.

use std::path::Path;

use briefing::build::{build, BuildOptions, BuildReport};

/// Copies a fixture project, leaving out its `expected/` golden files.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(from).unwrap();
        if relative.starts_with("expected") {
            continue;
        }
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn build_ok(root: &Path) -> BuildReport {
    build(root, &BuildOptions::default()).unwrap_or_else(|e| panic!("build failed: {e}"))
}
