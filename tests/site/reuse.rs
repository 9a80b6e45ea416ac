//! A build after a build takes the previous site's unchanged files as they
//! are (hard links, nothing rendered or copied) and renders the rest:
//! whatever changed in between, the site is byte for byte what a forced
//! full build writes.

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use briefing::build::{build, BuildOptions, BuildReport};

use crate::support::{project, snapshot};

fn build_into(root: &Path, output: &str, force: bool) -> BuildReport {
    let options = BuildOptions {
        output: Some(root.join(output)),
        progress: false,
        force,
        ..Default::default()
    };
    build(root, &options).unwrap_or_else(|e| panic!("build failed: {e}"))
}

fn inode(path: &Path) -> u64 {
    std::fs::metadata(path).unwrap().ino()
}

/// Builds `public/` as a user would, then asserts it is what `--force`
/// writes from scratch; returns how many files the build took as they were.
fn build_and_compare(root: &Path, after: &str) -> usize {
    let report = build_into(root, "public", false);
    let _ = std::fs::remove_dir_all(root.join("full"));
    let forced = build_into(root, "full", true);
    assert_eq!(forced.reused, 0, "a forced build takes nothing");
    let (expected, actual) = (snapshot(&root.join("full")), snapshot(&root.join("public")));
    let names = |m: &std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>| {
        m.keys().cloned().collect::<Vec<_>>()
    };
    assert_eq!(names(&actual), names(&expected), "files after {after}");
    for (path, bytes) in &expected {
        assert!(
            actual[path] == *bytes,
            "{} differs after {after}",
            path.display()
        );
    }
    report.reused
}

fn edit(root: &Path, relative: &str, change: impl FnOnce(String) -> String) {
    let path = root.join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let changed = change(text);
    assert!(!changed.is_empty());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, changed).unwrap();
}

#[test]
fn a_build_with_nothing_changed_takes_every_page_from_the_last() {
    let dir = project();
    let root = dir.path();
    let first = build_into(root, "public", false);
    assert_eq!(first.reused, 0, "nothing to take on the first build");
    let page = root.join("public/documents/networks-2021.html");
    let before = inode(&page);
    let second = build_into(root, "public", false);
    assert!(
        second.reused >= second.pages,
        "{} of {} files taken, {} pages",
        second.reused,
        second.files,
        second.pages
    );
    assert_eq!(inode(&page), before, "the page was written again");
    assert_eq!(second.search_index_bytes, first.search_index_bytes);
    let forced = build_into(root, "public", true);
    assert_eq!(forced.reused, 0);
    assert_ne!(inode(&page), before, "--force renders every page");
}

#[test]
fn every_kind_of_change_ends_as_a_forced_build_would() {
    let dir = project();
    let root = dir.path();
    build_and_compare(root, "the first build");
    let networks = "content/networks-2021.md";
    let taken = build_and_compare(root, "no change");
    assert!(taken > 0);

    edit(root, networks, |t| {
        t.replace(
            "title: Joint Statement on Secure",
            "title: Joint Statement on Safe",
        )
    });
    let taken = build_and_compare(root, "a title edit");
    assert!(taken > 0, "an edit to one document rendered every page");

    edit(root, networks, |t| {
        t.replace(
            "{slug: privacy, weight: 0.4}",
            "{slug: data-flows, weight: 0.4}",
        )
    });
    build_and_compare(root, "a theme change");

    edit(root, networks, |t| {
        t.replace("date: 2021-11", "date: 2025-01")
    });
    build_and_compare(root, "a date that moves the document to a new year");

    edit(root, networks, |t| t.replace("date: 2025-01\n", ""));
    build_and_compare(root, "a document left without a date");

    // First by file name, its expansion is the one every other document's
    // RAN shows, though it shares no theme, dialogue or year with them.
    edit(root, "content/a-glossary-note.md", |_| {
        "---\ntitle: A Glossary Note\ndate: 2015-01\ndate_source: stated\n\
         dialogues: []\nkind: other\nthemes: []\nsummary: Terms.\n\
         glossary: {RAN: Remote Access Node}\n---\n\nTerms only.\n"
            .to_string()
    });
    build_and_compare(root, "a glossary expansion other documents use");

    edit(root, "content/quantum-note.md", |_| {
        "---\ntitle: A Note on Quantum Links\ndate: 2019-05\ndate_source: stated\n\
         dialogues: [eu-japan]\nkind: other\nthemes: [{slug: ai, weight: 1.0}]\n\
         summary: A note.\n---\n\n## Links {#links .ai}\n\nJoint AI research.\n"
            .to_string()
    });
    build_and_compare(root, "a new document in a new year");

    std::fs::remove_file(root.join("content/quantum-note.md")).unwrap();
    build_and_compare(root, "a document removed");

    edit(root, "sources/tenth-dialogue.txt", |t| {
        t + "\nA line added.\n"
    });
    build_and_compare(root, "an edit to a copied source");

    edit(root, "templates/404.html", |_| {
        "{% extends \"base.html\" %}{% block content %}<p>Gone.</p>{% endblock %}".to_string()
    });
    build_and_compare(root, "a template added");

    edit(root, "briefing.yaml", |t| {
        t.replace("title:", "title: Edited")
    });
    build_and_compare(root, "briefing.yaml edited");

    edit(root, "public/themes.html", |t| t + "<!-- by hand -->");
    build_and_compare(root, "a page of the site edited by hand");
}

#[test]
fn a_missing_or_broken_manifest_means_a_full_render() {
    let dir = project();
    let root = dir.path();
    build_into(root, "public", false);
    let manifest = root.join(".public.build.json");
    assert!(
        manifest.is_file(),
        "the build leaves its manifest beside the site"
    );
    std::fs::write(&manifest, "{ not json").unwrap();
    assert_eq!(build_into(root, "public", false).reused, 0);
    std::fs::remove_file(&manifest).unwrap();
    assert_eq!(build_into(root, "public", false).reused, 0);
    assert!(build_into(root, "public", false).reused > 0);
}

/// A cold build parses the content ingest has just written without reading
/// it back: the site must be what a build reading `content/` writes.
#[test]
fn a_cold_build_equals_one_that_reads_its_content_back() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    crate::support::copy_dir(&repo.join("seeds"), &root.join("seeds"));
    std::fs::copy(repo.join("briefing.yaml"), root.join("briefing.yaml")).unwrap();
    let cold = build_into(root, "public", false);
    let ingested = cold.ingest.as_ref().expect("the seeds were ingested");
    assert_eq!(ingested.documents.len(), 5);
    assert!(ingested.texts.is_empty(), "the build took the texts");
    build_and_compare(root, "a cold build");
}
