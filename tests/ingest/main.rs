//! Ingest end to end: the bundled seeds against golden files, documents in
//! other layouts, edit safety, idempotence and bad input.

use std::path::{Path, PathBuf};
use std::process::Command;

use briefing::content::{ContentFile, FrontMatter};
use briefing::ingest::{ingest_project, Force, IngestOptions, IngestReport, Outcome};
use briefing::Config;
use common_seeds::project_from;

mod bad_input;
#[path = "../common/seeds.rs"]
mod common_seeds;
mod edits;
mod layouts;
mod page_markup;
mod pages;
mod pdf;
mod seeds;
mod sources;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn ingest(root: &Path, force: bool) -> IngestReport {
    let config = Config::load(root).unwrap();
    ingest_project(
        root,
        &config,
        &IngestOptions {
            force: match force {
                true => Force::All,
                false => Force::None,
            },
            ..IngestOptions::default()
        },
    )
    .unwrap()
}

/// Runs `briefing --root ROOT COMMAND`, as a user would.
fn briefing(root: &Path, command: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["--root", root.to_str().unwrap(), command])
        .output()
        .unwrap()
}

fn content_files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("content"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn parse(path: &Path) -> ContentFile {
    ContentFile::parse(path, &std::fs::read_to_string(path).unwrap()).unwrap()
}

fn by_seed(root: &Path, seed: &str) -> ContentFile {
    content_files(root)
        .iter()
        .map(|p| parse(p))
        .find(|f| {
            f.front_matter
                .source
                .as_ref()
                .is_some_and(|s| s.file.ends_with(seed))
        })
        .unwrap_or_else(|| panic!("no content file for {seed}"))
}

fn themes(fm: &FrontMatter) -> Vec<&str> {
    fm.themes.iter().map(|t| t.slug.as_str()).collect()
}

fn by_seed_path(root: &Path, seed: &str) -> PathBuf {
    content_files(root)
        .into_iter()
        .find(|p| {
            parse(p)
                .front_matter
                .source
                .is_some_and(|s| s.file.ends_with(seed))
        })
        .unwrap()
}
