//! Build stages timed one by one on a generated corpus: `cargo bench --bench stages`.
//!
//! Uses the corpus at `BRIEFING_BENCH_CORPUS` (a folder holding `seeds/` and
//! `briefing.yaml`; see ../shared/bench/gen_corpus.py), else generates
//! `BRIEFING_BENCH_COUNT` (default 1,000) documents. Ingests once (cold),
//! then times, each the best of `BRIEFING_BENCH_RUNS` (default 3): the
//! no-op ingest, the site load, the render of each page kind (into memory)
//! and the search index (whole, and updated after one document changed),
//! and a whole warm build. `BRIEFING_BENCH_ONLY=search` times only the
//! stages whose name holds that text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use briefing::build::{build, BuildOptions};
use briefing::ingest::{ingest_project, IngestOptions};
use briefing::render::print::Bodies;
use briefing::render::search::{update_index_with, write_index_with};
use briefing::render::{plan, PageKind, Renderer};
use briefing::serve::{site_rebuild, Changes, Rebuild};
use briefing::site::Site;
use briefing::Config;

/// As the `briefing` binary allocates (`src/main.rs`), so that the figures,
/// and instruction counts under `valgrind --tool=callgrind`, are the build's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// Whether to time `stage`: all of them unless `BRIEFING_BENCH_ONLY` names
/// part of the stage's name (`search`, `theme pages` …).
fn wanted(stage: &str) -> bool {
    std::env::var("BRIEFING_BENCH_ONLY").map_or(true, |only| stage.contains(&only))
}

/// Writes through the build's writer: every file, whatever was there.
fn write(path: &Path, bytes: &[u8]) -> briefing::Result<()> {
    std::fs::write(path, bytes).map_err(|e| briefing::Error::io(path, e))
}

fn main() {
    let (root, _guard) = corpus();
    let runs = env_number("BRIEFING_BENCH_RUNS", 3);
    let config = Config::load(&root).expect("briefing.yaml");
    let options = IngestOptions::default();
    ingest_project(&root, &config, &options).expect("ingest");
    if wanted("ingest (no change)") {
        let took = best(runs, || ingest_project(&root, &config, &options));
        report("ingest (no change)", took, None);
    }
    if wanted("site load") {
        report("site load", best(runs, || Site::load(&root, &config)), None);
    }
    let site = Site::load(&root, &config).expect("site");
    println!("({} documents)", site.documents.len());
    let renderer = Renderer::new(&root).expect("templates");
    let mut by_kind: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for page in plan(&site)
        .into_iter()
        .filter(|p| wanted(kind_name(&p.kind)))
    {
        by_kind.entry(kind_name(&page.kind)).or_default().push(page);
    }
    for (kind, pages) in &by_kind {
        let mut bytes = 0;
        let took = best(runs, || {
            // As a build renders them: print pages share the bodies they print.
            let bodies = Bodies::for_pages(&pages.iter().collect::<Vec<_>>());
            bytes = pages
                .iter()
                .map(|p| renderer.render_page_with(&site, p, &bodies))
                .map(|bytes| bytes.expect("render").len())
                .sum();
        });
        report(&format!("{kind} ({})", pages.len()), took, Some(bytes));
    }
    search_stages(&site, runs);
    if wanted("whole build (warm)") {
        let warm = BuildOptions::default();
        report(
            "whole build (warm)",
            best(runs, || build(&root, &warm)),
            None,
        );
    }
    if wanted("content edit (serve)") {
        let out = tempfile::tempdir().expect("temporary folder");
        let took = content_edit(&root, out.path(), runs);
        report("content edit (serve)", took, None);
    }
    println!("({} rayon threads)", rayon::current_num_threads());
}

/// The whole index, then its update after one document (in the middle of
/// the site's order) changed, as `serve` runs it.
fn search_stages(site: &Site, runs: usize) {
    let out = tempfile::tempdir().expect("temporary folder");
    if wanted("search index") {
        let took = best(runs, || write_index_with(site, out.path(), false, &write));
        report("search index", took, None);
    }
    let Some(doc) = site.documents.get(site.documents.len() / 2) else {
        return;
    };
    if wanted("search update (1 doc edit)") {
        let (_, mut index) =
            write_index_with(site, out.path(), true, &write).expect("search index");
        let changed = BTreeSet::from([doc.slug.clone()]);
        let took = best(runs, || {
            update_index_with(&mut index, site, &changed, out.path(), &write)
                .expect("search index update")
        });
        report("search update (1 doc edit)", took, None);
    }
}

/// The best time `serve` takes to bring the site up to date after one
/// content file is saved (the file is restored afterwards).
fn content_edit(root: &Path, out: &Path, runs: usize) -> Duration {
    let mut rebuild = site_rebuild(root, out).expect("the output lock");
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
