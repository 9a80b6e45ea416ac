//! Ingest throughput on a generated corpus: `cargo bench --bench ingest`.
//!
//! Generates 1,000 raw documents with `../shared/bench/gen_corpus.py` (or
//! uses the corpus at `BRIEFING_BENCH_CORPUS`, a folder holding `seeds/`),
//! ingests them cold into an empty `content/`, and prints MB/s and docs/s.
//! `BRIEFING_BENCH_COUNT` sets the number of documents generated.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use briefing::ingest::{ingest_project, IngestOptions};
use briefing::Config;

fn generate(count: usize) -> tempfile::TempDir {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let script = manifest.join("../shared/bench/gen_corpus.py");
    let dir = tempfile::tempdir().expect("temporary folder");
    let status = Command::new("python3")
        .arg(&script)
        .args(["--count", &count.to_string(), "--layout", "raw", "--out"])
        .arg(dir.path())
        .status()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    assert!(status.success(), "{} failed", script.display());
    dir
}

fn seed_bytes(root: &Path) -> u64 {
    std::fs::read_dir(root.join("seeds"))
        .expect("seeds/ in the corpus")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn main() {
    let count: usize = std::env::var("BRIEFING_BENCH_COUNT")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1000);
    let generated;
    let corpus = match std::env::var_os("BRIEFING_BENCH_CORPUS") {
        Some(path) => PathBuf::from(path),
        None => {
            generated = generate(count);
            generated.path().to_path_buf()
        }
    };
    let config = Config::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("briefing.yaml");
    let bytes = seed_bytes(&corpus);
    let mut best = f64::MAX;
    for run in 1..=3 {
        let _ = std::fs::remove_dir_all(corpus.join("content"));
        let start = Instant::now();
        let report = ingest_project(&corpus, &config, &IngestOptions::default()).expect("ingest");
        let seconds = start.elapsed().as_secs_f64();
        best = best.min(seconds);
        let docs = report.documents.len();
        println!(
            "run {run}: {docs} documents, {:.1} MB in {seconds:.3} s: {:.1} MB/s, {:.0} docs/s ({} errors)",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / seconds,
            docs as f64 / seconds,
            report.errors.len()
        );
    }
    println!(
        "best: {:.1} MB/s on {} threads",
        bytes as f64 / 1e6 / best,
        rayon::current_num_threads()
    );
}
