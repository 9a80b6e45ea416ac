//! Ingest throughput on a generated corpus: `cargo bench --bench ingest`.
//!
//! Generates 1,000 raw documents with `../shared/bench/gen_corpus.py` (or
//! uses the corpus at `BRIEFING_BENCH_CORPUS`, a folder holding `seeds/`),
//! ingests them cold into an empty `content/`, and prints MB/s and docs/s,
//! and MB per user CPU second (what the machine's other load changes least).
//! `BRIEFING_BENCH_COUNT` sets the number of documents generated.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use briefing::ingest::{ingest_project, IngestOptions};
use briefing::Config;

/// As the `briefing` binary allocates (`src/main.rs`), so that the figures,
/// and instruction counts under `valgrind --tool=callgrind`, are the build's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// CPU seconds (user, system) this process has used so far, all threads.
/// System time is mostly the file system making inodes for new files.
#[cfg(target_os = "linux")]
fn cpu_seconds() -> (f64, f64) {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (seconds(usage.ru_utime), seconds(usage.ru_stime))
}

#[cfg(not(target_os = "linux"))]
fn cpu_seconds() -> (f64, f64) {
    (f64::NAN, f64::NAN)
}

/// A fresh project root whose `seeds` is the corpus's: each run writes a new
/// `content/` rather than one just deleted (on ext4 without a journal, making
/// files where a thousand were just deleted costs more than the ingest).
fn fresh_root(corpus: &Path) -> tempfile::TempDir {
    let root = tempfile::tempdir().expect("temporary folder");
    let seeds = corpus
        .join("seeds")
        .canonicalize()
        .expect("seeds/ in the corpus");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&seeds, root.path().join("seeds")).expect("link to seeds/");
    #[cfg(not(unix))]
    panic!("the ingest bench links the corpus's seeds/ and needs a Unix system");
    root
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
    let mb = bytes as f64 / 1e6;
    let mut best = f64::MAX;
    let mut best_user = f64::MAX;
    let mut roots = Vec::new();
    for run in 1..=3 {
        let root = fresh_root(&corpus);
        let (start, (user0, sys0)) = (Instant::now(), cpu_seconds());
        let report =
            ingest_project(root.path(), &config, &IngestOptions::default()).expect("ingest");
        let seconds = start.elapsed().as_secs_f64();
        let (user1, sys1) = cpu_seconds();
        let (user, sys) = (user1 - user0, sys1 - sys0);
        best = best.min(seconds);
        best_user = best_user.min(user);
        let docs = report.documents.len();
        println!(
            "run {run}: {docs} documents, {mb:.1} MB in {seconds:.3} s ({user:.3} s user, {sys:.3} s system CPU): {:.1} MB/s, {:.0} docs/s ({} errors)",
            mb / seconds,
            docs as f64 / seconds,
            report.errors.len()
        );
        roots.push(root);
    }
    println!(
        "best: {:.1} MB/s on {} threads; {:.1} MB per user CPU second",
        mb / best,
        rayon::current_num_threads(),
        mb / best_user
    );
}
