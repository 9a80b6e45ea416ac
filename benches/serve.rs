//! Live-reload latency: the time from saving a source file to the reload
//! event reaching a connected client (server-sent events), median and p95.
//!
//!     cargo bench --bench serve
//!     BRIEFING_BENCH_DOCS=1000 BRIEFING_BENCH_EDITS=20 cargo bench --bench serve
//!
//! On a generated corpus (`/work/shared/bench/gen_corpus.py --layout raw`),
//! first the server's own floor (a builder that does nothing: watcher,
//! debounce and event delivery), then the real build for a content edit,
//! template edits (`404.html`, which one page uses, and `base.html`, which
//! every page extends) and a stylesheet edit (templates and stylesheets are
//! the repository's defaults, copied into the project).

#[path = "../tests/serve/client.rs"]
#[allow(dead_code)]
mod client;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use briefing::serve::{self, BuildOutcome, Changes, Rebuild, ServeOptions, Server};
use client::Events;

/// As the `briefing` binary allocates (`src/main.rs`), so that the figures,
/// and instruction counts under `valgrind --tool=callgrind`, are the build's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let docs = env_number("BRIEFING_BENCH_DOCS", 1000);
    let edits = env_number("BRIEFING_BENCH_EDITS", 20);
    let project = tempfile::tempdir().expect("a temporary folder");
    let root = project.path();
    generate(root, docs);
    println!("corpus: {docs} raw documents in {}", root.display());

    let floor = |_: &Changes| Ok(BuildOutcome::default());
    let (server, mut events) = start(root, floor);
    let seed = first_file(&root.join("seeds"), "txt").expect("a generated seed");
    report(
        "server floor (no-op build)",
        &measure(&seed, edits, &mut events),
    );
    drop(server);

    let started = Instant::now();
    let (server, mut events) = start(
        root,
        serve::site_rebuild(root, &root.join("public")).expect("the output lock"),
    );
    if let Some(error) = events.next().field("error") {
        println!("real build: first build failed, nothing more to measure:\n{error}");
        return;
    }
    println!(
        "first build (ingest + render): {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let content = first_file(&root.join("content"), "md").expect("ingest wrote content");
    report(
        "content edit → reload",
        &measure(&content, edits, &mut events),
    );
    // A template one page uses, and the one every page extends.
    for (template, what) in [("404.html", "one page"), ("base.html", "every page")] {
        let path = root.join("templates").join(template);
        if !path.is_file() {
            println!("template edit: skipped, no templates/{template} in the repository");
            continue;
        }
        report(
            &format!("template edit ({template}: {what}) → reload"),
            &measure(&path, edits, &mut events),
        );
    }
    match first_file(&root.join("static"), "css") {
        Some(sheet) => report(
            "stylesheet edit → css",
            &measure(&sheet, edits, &mut events),
        ),
        None => println!("stylesheet edit: skipped, no static/*.css in the repository"),
    }
    drop(server);
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Seeds from the corpus generator; briefing.yaml, templates/ and static/
/// from the repository.
fn generate(root: &Path, docs: usize) {
    let status = Command::new("python3")
        .arg("/work/shared/bench/gen_corpus.py")
        .args(["--count", &docs.to_string(), "--layout", "raw", "--out"])
        .arg(root)
        .status()
        .expect("python3 runs the corpus generator");
    assert!(status.success(), "gen_corpus.py failed");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("briefing.yaml"), root.join("briefing.yaml")).unwrap();
    for dir in ["templates", "static"] {
        copy_dir(&repo.join(dir), &root.join(dir));
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn start(root: &Path, rebuild: impl Rebuild) -> (Server, Events) {
    let mut options = ServeOptions::new(root);
    options.port = 0;
    options.quiet = true;
    let server = Server::start(options, rebuild).expect("the server starts");
    let events = Events::connect(server.address());
    (server, events)
}

fn first_file(dir: &Path, extension: &str) -> Option<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files.into_iter().next()
}

/// Appends a harmless line to `file` `edits` times; each time, the wait from
/// the save to the next reload (or css) event.
fn measure(file: &Path, edits: usize, events: &mut Events) -> Vec<Duration> {
    // Drain the hello (and anything pending) first.
    while events.next_within(Duration::from_millis(300)).is_some() {}
    let original = std::fs::read_to_string(file).unwrap();
    let comment = match file.extension().and_then(|e| e.to_str()) {
        Some("css") => |i| format!("\n/* edit {i} */\n"),
        Some("html") => |i| format!("\n{{# edit {i} #}}\n"),
        _ => |i| format!("\n\nEdit number {i}.\n"),
    };
    let mut times = Vec::with_capacity(edits);
    for i in 0..edits {
        let saved = Instant::now();
        std::fs::write(file, format!("{original}{}", comment(i))).unwrap();
        let event = events.next();
        assert!(
            event.name == "reload" || event.name == "css",
            "edit {i} of {}: {} {}",
            file.display(),
            event.name,
            event.data
        );
        times.push(saved.elapsed());
    }
    std::fs::write(file, original).unwrap();
    let _ = events.next();
    times
}

fn report(what: &str, times: &[Duration]) {
    let mut sorted = times.to_vec();
    sorted.sort();
    let at = |q: f64| sorted[((sorted.len() as f64 - 1.0) * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what}: median {:.0} ms, p95 {:.0} ms, min {:.0} ms, max {:.0} ms ({} edits)",
        ms(at(0.5)),
        ms(at(0.95)),
        ms(sorted[0]),
        ms(sorted[sorted.len() - 1]),
        sorted.len()
    );
}
