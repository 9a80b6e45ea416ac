//! The incremental rebuild over the `site-basic` fixture: after each kind of
//! change, the site on disk is byte for byte what a full build from scratch
//! writes, and pages (and buckets of passages) that do not show the changed
//! document are left alone.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, SystemTime};

use briefing::build::{self, BuildOptions};
use briefing::search::passages::bucket_of;
use briefing::search::script::text_script_name;
use briefing::serve::incremental::Incremental;
use briefing::serve::{Changes, Rebuild};

use crate::real_build::fixture_project;

/// A document that shares no theme, dialogue neighbour or year with `networks-2021`.
const UNRELATED: &str = "---
title: A Note on Quantum Research Links
date: 2020-05
date_source: stated
dialogues: [eu-japan]
kind: other
themes: [{slug: ai, weight: 1.0}]
summary: A note on joint AI research.
---

## Research links {#links .ai}

Both sides will fund joint AI research.
";

struct Fixture {
    dir: tempfile::TempDir,
    rebuild: Incremental,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = fixture_project();
        std::fs::write(dir.path().join("content/quantum-note.md"), UNRELATED).unwrap();
        let output = dir.path().join("public");
        let mut rebuild = Incremental::new(dir.path(), &output).unwrap();
        rebuild
            .rebuild(&Changes::everything())
            .expect("first build");
        Fixture { dir, rebuild }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Applies `change` to the file and rebuilds; returns whether that
    /// rebuild was in place (a full build swaps in a new output folder).
    fn edit(&mut self, relative: &str, change: impl FnOnce(String) -> String) -> bool {
        let public = self.root().join("public");
        let folder = || {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(&public).unwrap().ino()
        };
        let before = folder();
        let path = self.root().join(relative);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let changed = change(text);
        if changed.is_empty() {
            std::fs::remove_file(&path).unwrap();
        } else {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, changed).unwrap();
        }
        let changes = Changes {
            paths: vec![PathBuf::from(relative)],
        };
        let outcome = self.rebuild.rebuild(&changes).expect("rebuild");
        for path in &outcome.deferred {
            let heavy = path.starts_with("print") || path.starts_with("search");
            assert!(heavy, "{path} deferred after {relative}");
        }
        let left = self
            .rebuild
            .finish(&AtomicBool::new(false))
            .expect("finish");
        assert!(left.is_empty(), "{left:?} still to write after finish");
        folder() == before
    }

    /// Asserts that `public/` is what a full build of the project writes.
    fn assert_matches_full_build(&self, after: &str) {
        let full = self.root().join("full");
        let options = BuildOptions {
            output: Some(full.clone()),
            progress: false,
            force: true,
            ..Default::default()
        };
        build::build(self.root(), &options).expect("full build");
        let (expected, actual) = (snapshot(&full), snapshot(&self.root().join("public")));
        let listed = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(listed(&actual), listed(&expected), "files after {after}");
        for (path, bytes) in &expected {
            assert!(actual[path] == *bytes, "{path} differs after {after}");
        }
    }

    /// The number of passage buckets, as the manifest tells `search.js`.
    fn text_buckets(&self) -> usize {
        let manifest = self.root().join("public/search-index.js");
        let manifest = std::fs::read_to_string(manifest).unwrap();
        let after = manifest
            .split("\"textBuckets\":")
            .nth(1)
            .expect("textBuckets");
        let digits = after.split(|c: char| !c.is_ascii_digit()).next();
        digits.unwrap().parse().unwrap()
    }

    fn mtime(&self, page: &str) -> SystemTime {
        let path = self.root().join("public").join(page);
        std::fs::metadata(path).unwrap().modified().unwrap()
    }
}

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap();
            let name = relative.to_string_lossy().replace('\\', "/");
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

const NETWORKS: &str = "content/networks-2021.md";

fn new_body_and_themes(text: String) -> String {
    text.replace(
        "themes: [{slug: telecom, weight: 0.6}, {slug: privacy, weight: 0.4}]",
        "themes: [{slug: telecom, weight: 0.5}, {slug: data-flows, weight: 0.5}]",
    )
    .replace(
        "The participants welcomed",
        "The participants warmly welcomed",
    )
}

#[test]
fn every_kind_of_change_ends_as_a_full_build_would() {
    let mut site = Fixture::new();
    site.assert_matches_full_build("the first build");
    assert!(site.edit(NETWORKS, |t| {
        t.replace(
            "Secure Networks and Privacy",
            "Secure Networks, Privacy and Trust",
        )
        .replace("backed Open RAN", "backed Open RAN trials")
        .replace("## Privacy {", "## Privacy and trust {")
        .replace("April 2022", "May 2022")
    }));
    site.assert_matches_full_build("a title, summary, heading and body edit");
    assert!(site.edit(NETWORKS, new_body_and_themes));
    site.assert_matches_full_build("a body and themes edit");
    assert!(site.edit(NETWORKS, |t| t.replace("date: 2021-11", "date: 2025-01")));
    site.assert_matches_full_build("a date that moves the document to a new year");
    assert!(site.edit(NETWORKS, |t| {
        t.replace(
            "promote the Global CBPR Forum.\"",
            "promote the Global CBPR Forum widely.\"",
        )
    }));
    site.assert_matches_full_build("a recommendation reworded");
    let in_place = site.edit(NETWORKS, |t| {
        t.replace(
            "RAN: Radio Access Network}",
            "RAN: Radio Access Network, DSA: Digital Services Act}",
        )
    });
    assert!(
        !in_place,
        "a new glossary entry can change every page: a full build"
    );
    site.assert_matches_full_build("a new glossary entry");
    let new_note = |_| UNRELATED.replace("Quantum", "Fusion");
    assert!(site.edit("content/new-note.md", new_note));
    site.assert_matches_full_build("a new document");
    assert!(site.edit("content/open-ran-note.md", |_| String::new()));
    site.assert_matches_full_build("a removed document");
    assert!(site.edit("templates/theme.html", |_| {
        let default = std::fs::read_to_string("templates/theme.html").unwrap();
        default.replacen(
            "{% block content %}",
            "{% block content %}<p>Edited theme template.</p>",
            1,
        )
    }));
    site.assert_matches_full_build("a template edit");
    assert!(site.edit("templates/components.html", |_| {
        let default = std::fs::read_to_string("templates/components.html").unwrap();
        default.replacen("<ul class=\"chips\"", "<ul class=\"chips edited\"", 1)
    }));
    site.assert_matches_full_build("an edit to the components other templates call");
}

#[test]
fn a_template_edit_rewrites_only_the_pages_whose_template_uses_it() {
    let mut site = Fixture::new();
    let document = "documents/quantum-note.html";
    let before = site.mtime(document);
    std::thread::sleep(Duration::from_millis(20));
    site.edit("templates/404.html", |_| {
        let default = std::fs::read_to_string("templates/404.html").unwrap();
        default.replacen("{% block content %}", "{% block content %}<p>Lost?</p>", 1)
    });
    let not_found = std::fs::read_to_string(site.root().join("public/404.html")).unwrap();
    assert!(not_found.contains("<p>Lost?</p>"));
    assert_eq!(
        site.mtime(document),
        before,
        "a page whose template does not use 404.html keeps its file"
    );
    site.assert_matches_full_build("an edit to the 404 template");
}

#[test]
fn a_document_edit_rewrites_its_theme_page_and_leaves_unrelated_pages_alone() {
    let mut site = Fixture::new();
    let unrelated = "documents/quantum-note.html";
    let theme = "themes/telecom.html";
    let (unrelated_before, theme_before) = (site.mtime(unrelated), site.mtime(theme));
    std::thread::sleep(Duration::from_millis(20));
    site.edit(NETWORKS, new_body_and_themes);
    assert_eq!(
        site.mtime(unrelated),
        unrelated_before,
        "a page that does not show the document keeps its file"
    );
    assert_ne!(
        site.mtime(theme),
        theme_before,
        "the theme page is rewritten"
    );
    let page = std::fs::read_to_string(site.root().join("public/documents/networks-2021.html"));
    assert!(page.unwrap().contains("warmly welcomed"));
}

#[test]
fn a_word_added_to_a_document_is_searchable_and_only_its_passages_are_rewritten() {
    let mut site = Fixture::new();
    let buckets = site.text_buckets();
    let ours = text_script_name(bucket_of("networks-2021", buckets));
    let public = site.root().join("public");
    let other = (0..buckets)
        .map(text_script_name)
        .find(|name| *name != ours && public.join(name).exists())
        .expect("another bucket of passages");
    let (ours_before, other_before) = (site.mtime(&ours), site.mtime(&other));
    std::thread::sleep(Duration::from_millis(20));
    assert!(site.edit(NETWORKS, |t| {
        t.replace(
            "The participants welcomed",
            "The participants welcomed zeppelins and",
        )
    }));
    let terms: String = std::fs::read_dir(public.join("search-terms"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(terms.contains("[\"zeppelin\",["), "the new term is indexed");
    let passages = std::fs::read_to_string(public.join(&ours)).unwrap();
    assert!(passages.contains("welcomed zeppelins and"));
    assert_ne!(site.mtime(&ours), ours_before, "its bucket is rewritten");
    assert_eq!(
        site.mtime(&other),
        other_before,
        "a bucket of other documents' passages is left alone"
    );
    site.assert_matches_full_build("a word added to a document");
}

#[test]
fn documents_crossing_a_power_of_two_move_every_passage_to_its_new_bucket() {
    let mut site = Fixture::new();
    assert_eq!(site.text_buckets(), 2, "7 documents, 2 buckets");
    for n in 1..=2 {
        let note = |_| UNRELATED.replace("Quantum", &format!("Extra {n}"));
        assert!(site.edit(&format!("content/extra-note-{n}.md"), note));
    }
    assert_eq!(site.text_buckets(), 4, "9 documents, 4 buckets");
    site.assert_matches_full_build("two documents added, two buckets to four");
    assert!(site.edit("content/extra-note-2.md", |_| String::new()));
    assert_eq!(site.text_buckets(), 2, "8 documents, 2 buckets");
    site.assert_matches_full_build("a document removed, four buckets back to two");
}
