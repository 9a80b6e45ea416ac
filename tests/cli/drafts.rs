//! `draft: true` keeps a document off everything the site publishes, until
//! `--drafts`.

use std::path::Path;

use crate::support::{content, ok, read};

/// Every file of the site that names `needle` (in any case), by path.
fn files_naming(site: &Path, needle: &str) -> Vec<String> {
    let needle = needle.to_lowercase();
    walkdir::WalkDir::new(site)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            std::fs::read(e.path())
                .is_ok_and(|b| String::from_utf8_lossy(&b).to_lowercase().contains(&needle))
        })
        .map(|e| e.path().strip_prefix(site).unwrap().display().to_string())
        .collect()
}

#[test]
fn a_draft_is_nowhere_in_the_site_until_drafts_is_asked_for() {
    let (_dir, project) = crate::support::starter();
    let front = "title: Zeppelin Plans\ndate: 2025-03-01\ndraft: true";
    content(
        &project,
        "zeppelin",
        front,
        "Quokkaberry airships are coming.",
    );
    ok(&project, &["build"]);
    let site = project.join("public");
    assert!(!site.join("documents/zeppelin.html").exists());
    assert_eq!(files_naming(&site, "Zeppelin"), Vec::<String>::new());
    assert_eq!(files_naming(&site, "quokkaberry"), Vec::<String>::new());

    ok(&project, &["build", "--drafts"]);
    assert!(site.join("documents/zeppelin.html").is_file());
    let naming = files_naming(&site, "Zeppelin");
    for file in ["index.html", "feed.xml", "sitemap.xml", "print.html"] {
        assert!(naming.iter().any(|f| f == file), "{file} not in {naming:?}");
    }
    assert!(!files_naming(&site.join("search"), "Quokkaberry").is_empty());

    ok(&project, &["build"]);
    assert!(!site.join("documents/zeppelin.html").exists());
}

#[test]
fn an_override_makes_a_seed_a_draft() {
    let (_dir, project) = crate::support::starter();
    let seeds = project.join("seeds");
    std::fs::write(
        seeds.join("memo.txt"),
        "Memo on Harbour Dredging\n\nThe harbour authority will dredge the northern channel next spring.\n",
    )
    .unwrap();
    std::fs::write(seeds.join("memo.yaml"), "draft: true\n").unwrap();
    ok(&project, &["build"]);
    let written = read(project.join("content/memo-on-harbour-dredging.md"));
    assert!(written.contains("\ndraft: true\n"), "{written}");
    assert!(!project
        .join("public/documents/memo-on-harbour-dredging.html")
        .exists());
    ok(&project, &["build", "--drafts"]);
    assert!(project
        .join("public/documents/memo-on-harbour-dredging.html")
        .is_file());
}
