//! Build stages timed one by one on a generated corpus: `cargo bench --bench stages`.
//!
//! Uses the corpus at `BRIEFING_BENCH_CORPUS` (a folder holding `seeds/` and
//! `briefing.yaml`; see ../shared/bench/gen_corpus.py), else generates
//! `BRIEFING_BENCH_COUNT` (default 1,000) documents. Ingests once (cold),
//! then times, each the best of `BRIEFING_BENCH_RUNS` (default 3): the
//! no-op ingest, the site load, the render of each page kind (into memory)
//! and the search index, and a whole warm build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use briefing::build::{build, BuildOptions};
use briefing::ingest::{ingest_project, IngestOptions};
use briefing::render::{plan, PageKind, Renderer};
use briefing::serve::{site_rebuild, Changes, Rebuild};
use briefing::site::Site;
use briefing::Config;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default)
}

fn corpus() -> (PathBuf, Option<tempfile::TempDir>) {
    if let Some(path) = std::env::var_os("BRIEFING_BENCH_CORPUS") {
        return (PathBuf::from(path), None);
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let script = manifest.join("../shared/bench/gen_corpus.py");
    let dir = tempfile::tempdir().expect("temporary folder");
    let count = env_number("BRIEFING_BENCH_COUNT", 1000).to_string();
    let status = Command::new("python3")
        .arg(&script)
        .args(["--count", &count, "--layout", "raw", "--out"])
        .arg(dir.path())
        .status()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    assert!(status.success(), "{} failed", script.display());
    std::fs::copy(
        manifest.join("briefing.yaml"),
        dir.path().join("briefing.yaml"),
    )
    .expect("briefing.yaml");
    (dir.path().to_path_buf(), Some(dir))
}

/// The best time of `runs` calls of `f`.
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn kind_name(kind: &PageKind) -> &'static str {
    match kind {
        PageKind::Document(_) => "document pages",
        PageKind::Theme { .. } => "theme pages",
        PageKind::Dialogue { .. } => "dialogue pages",
        PageKind::Year { .. } => "year pages",
        PageKind::Print => "print book",
        PageKind::PrintTheme(_) | PageKind::PrintDialogue(_) | PageKind::PrintYear(_) => {
            "print packs"
        }
        PageKind::Feed | PageKind::ThemeFeed(_) | PageKind::Sitemap => "feeds, sitemap",
        _ => "index pages",
    }
}

fn report(stage: &str, took: Duration, bytes: Option<usize>) {
    let size = bytes.map_or(String::new(), |b| format!("  {:>8.1} MB", b as f64 / 1e6));
    println!("{stage:<24} {:>9.1} ms{size}", took.as_secs_f64() * 1e3);
}

fn main() {
    let (root, _guard) = corpus();
    let runs = env_number("BRIEFING_BENCH_RUNS", 3);
    let config = Config::load(&root).expect("briefing.yaml");
    let options = IngestOptions::default();
    ingest_project(&root, &config, &options).expect("ingest");
    report(
        "ingest (no change)",
        best(runs, || ingest_project(&root, &config, &options)),
        None,
    );
    report("site load", best(runs, || Site::load(&root, &config)), None);
    let site = Site::load(&root, &config).expect("site");
    println!("({} documents)", site.documents.len());
    let renderer = Renderer::new(&root).expect("templates");
    let mut by_kind: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for page in plan(&site) {
        by_kind.entry(kind_name(&page.kind)).or_default().push(page);
    }
    for (kind, pages) in &by_kind {
        let mut bytes = 0;
        let took = best(runs, || {
            bytes = pages
                .iter()
                .map(|p| renderer.render_page(&site, p).expect("render").len())
                .sum();
        });
        report(&format!("{kind} ({})", pages.len()), took, Some(bytes));
    }
    let out = tempfile::tempdir().expect("temporary folder");
    report(
        "search index",
        best(runs, || {
            briefing::render::search::write_index(&site, out.path()).expect("search index")
        }),
        None,
    );
    let warm = BuildOptions::default();
    report(
        "whole build (warm)",
        best(runs, || build(&root, &warm)),
        None,
    );
    report(
        "content edit (serve)",
        content_edit(&root, out.path(), runs),
        None,
    );
    println!("({} rayon threads)", rayon::current_num_threads());
}

/// The best time `serve` takes to bring the site up to date after one
/// content file is saved (the file is restored afterwards).
fn content_edit(root: &Path, out: &Path, runs: usize) -> Duration {
    let mut rebuild = site_rebuild(root, out);
    rebuild
        .rebuild(&Changes::everything())
        .expect("first build");
    let name = std::fs::read_dir(root.join("content"))
        .expect("content/")
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().ends_with(".md"))
        .min()
        .expect("a content file");
    let file = root.join("content").join(&name);
    let original = std::fs::read_to_string(&file).expect("content file");
    let changes = Changes {
        paths: vec![PathBuf::from("content").join(&name)],
    };
    let mut edit = 0;
    let took = best(runs, || {
        edit += 1;
        std::fs::write(&file, format!("{original}\n\nEdit number {edit}.\n")).expect("edit");
        rebuild.rebuild(&changes).expect("rebuild")
    });
    std::fs::write(&file, original).expect("restore");
    took
}
