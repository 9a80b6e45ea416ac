//! A temporary project made from a fixture's `briefing.yaml` and `seeds/`,
//! for the test binaries that ingest (each includes this file with
//! `#[path]`).

use std::path::Path;

/// A temporary project holding `briefing.yaml` and the seeds of `from`.
pub fn project_from(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(from.join("briefing.yaml"), dir.path().join("briefing.yaml")).unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    for entry in std::fs::read_dir(from.join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            dir.path().join("seeds").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    dir
}
