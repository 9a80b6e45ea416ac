//! `slug:` fixes a page's address; a page that moves anyway leaves a
//! redirect at its old address, build after build.

use std::path::Path;

use crate::support::{content, fails, ok, read, starter};

const SEED: &str = "Harbour Dredging Plan\n\nThe harbour authority will dredge the northern channel next spring.\n";

/// The redirect page at `old` in the site, checked to lead to `new` (a
/// file in `documents/`) by a refresh, a canonical link and a plain link.
fn assert_redirects(site: &Path, old: &str, new: &str) {
    let page = read(site.join("documents").join(old));
    assert!(
        page.contains(&format!(
            r#"<meta http-equiv="refresh" content="0; url={new}">"#
        )),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            r#"<link rel="canonical" href="https://example.org/documents/{new}">"#
        )),
        "{page}"
    );
    assert!(page.contains(&format!(r#"<a href="{new}">"#)), "{page}");
    assert!(site.join("documents").join(new).is_file());
}

#[test]
fn a_slug_names_the_page_whatever_the_title() {
    let (_dir, project) = starter();
    content(
        &project,
        "notes",
        "title: Notes for March\nslug: march",
        "Text.",
    );
    ok(&project, &["build"]);
    assert!(project.join("public/documents/march.html").is_file());
    assert!(!project.join("public/documents/notes.html").exists());
}

#[test]
fn a_slug_that_is_no_page_name_is_an_error_at_its_line() {
    let (_dir, project) = starter();
    content(
        &project,
        "notes",
        "title: Notes\nslug: March Notes",
        "Text.",
    );
    let err = fails(&project, &["build"]);
    assert!(err.contains("notes.md:3:"), "{err}");
    assert!(err.contains("\"march-notes\""), "{err}");
}

#[test]
fn a_retitled_document_leaves_a_redirect_at_its_old_address() {
    let (_dir, project) = starter();
    std::fs::write(project.join("seeds/plan.txt"), SEED).unwrap();
    ok(&project, &["build"]);
    let site = project.join("public");
    assert!(site.join("documents/harbour-dredging-plan.html").is_file());

    std::fs::write(
        project.join("seeds/plan.yaml"),
        "title: Northern Channel Plan\n",
    )
    .unwrap();
    let out = ok(&project, &["build"]);
    assert!(
        out.contains("1 old address of a document that moved"),
        "{out}"
    );
    assert_redirects(
        &site,
        "harbour-dredging-plan.html",
        "northern-channel-plan.html",
    );
    let checked = ok(&project, &["check"]);
    assert!(checked.contains(": 0 problems"), "{checked}");

    // Moved again: both old addresses lead to the newest page.
    std::fs::write(
        project.join("seeds/plan.yaml"),
        "title: Northern Channel Plan\nslug: channel\n",
    )
    .unwrap();
    ok(&project, &["build"]);
    assert_redirects(&site, "harbour-dredging-plan.html", "channel.html");
    assert_redirects(&site, "northern-channel-plan.html", "channel.html");
    let sitemap = read(site.join("sitemap.xml"));
    assert!(!sitemap.contains("harbour-dredging-plan"), "{sitemap}");

    // A document that takes an old address gets it: no redirect over it.
    content(
        &project,
        "other",
        "title: Other\nslug: harbour-dredging-plan",
        "Text.",
    );
    ok(&project, &["build"]);
    let page = read(site.join("documents/harbour-dredging-plan.html"));
    assert!(!page.contains("http-equiv=\"refresh\""), "{page}");
}

#[test]
fn base_url_is_for_one_build_only() {
    let (_dir, project) = starter();
    let preview = "https://preview-7.example.net/b/";
    ok(&project, &["build", "--base-url", preview]);
    let site = project.join("public");
    let canonical = r#"<link rel="canonical" href="https://preview-7.example.net/b/index.html">"#;
    assert!(read(site.join("index.html")).contains(canonical));
    assert!(read(site.join("sitemap.xml")).contains(preview));
    assert!(read(site.join("feed.xml")).contains(preview));

    ok(&project, &["build"]);
    assert!(!read(site.join("index.html")).contains("preview-7"));
    assert!(!read(site.join("sitemap.xml")).contains("preview-7"));

    let err = fails(&project, &["build", "--base-url", "preview.example.net"]);
    assert!(err.contains("not an absolute address"), "{err}");
}
