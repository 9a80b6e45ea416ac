//! Serving: pages with the script injected (never on disk), safe paths,
//! content types, the site's 404, HEAD and conditional GET.

use crate::client::{get, request};
use crate::fixture::Project;

const SCRIPT_TAG: &str = "<script src=\"/__briefing/reload.js\"";

#[test]
fn pages_carry_the_reload_script_but_files_on_disk_do_not() {
    let project = Project::new();
    let running = project.serve();
    let home = get(running.addr(), "/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(home.text().contains("Alpha title"), "{}", home.text());
    assert!(home.text().contains(SCRIPT_TAG), "{}", home.text());

    for name in ["index.html", "alpha.html", "404.html"] {
        let on_disk = std::fs::read_to_string(project.path("public").join(name)).unwrap();
        assert!(!on_disk.contains("__briefing"), "{name} on disk: {on_disk}");
    }
    let css = get(running.addr(), "/site.css");
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(
        !css.text().contains("__briefing"),
        "only pages get the script"
    );

    let script = get(running.addr(), "/__briefing/reload.js");
    assert_eq!(script.status, 200);
    assert_eq!(
        script.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(script
        .text()
        .contains("EventSource(\"/__briefing/events\")"));
}

#[test]
fn folders_serve_their_index_and_get_their_slash() {
    let project = Project::new();
    let running = project.serve();
    let folder = get(running.addr(), "/docs/");
    assert_eq!(folder.status, 200);
    assert!(folder.text().contains("docs folder"));
    let bare = get(running.addr(), "/docs?x=1");
    assert_eq!(bare.status, 301);
    assert_eq!(bare.header("location"), Some("/docs/?x=1"));
}

#[test]
fn no_path_leads_out_of_the_site() {
    let project = Project::new();
    project.write("secret.txt", "TOP SECRET");
    let running = project.serve();
    #[cfg(unix)]
    std::os::unix::fs::symlink(project.path("secret.txt"), project.path("public/leak.txt"))
        .unwrap();
    for target in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%5csecret.txt",
        "/docs/../../secret.txt",
        "/..\\secret.txt",
        "/secret.txt%00.html",
        "//etc/passwd",
        "/etc/passwd",
        "/leak.txt",
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/..%2fCargo.toml",
        "/%2e%2e%5cCargo.toml",
    ] {
        let response = get(running.addr(), target);
        assert!(
            response.status == 400 || response.status == 404,
            "{target} → {}",
            response.status
        );
        assert!(!response.text().contains("TOP SECRET"), "{target} leaked");
        assert!(!response.text().contains("[package]"), "{target} leaked");
    }
}

#[test]
fn a_missing_page_is_the_sites_404_with_status_404() {
    let project = Project::new();
    let running = project.serve();
    let missing = get(running.addr(), "/no/such/page.html");
    assert_eq!(missing.status, 404);
    assert!(
        missing.text().contains("This page is lost."),
        "{}",
        missing.text()
    );
    assert!(
        missing.text().contains(SCRIPT_TAG),
        "the 404 page reloads too"
    );
}

#[test]
fn head_and_conditional_get() {
    let project = Project::new();
    let running = project.serve();
    let full = get(running.addr(), "/alpha.html");
    let head = request(running.addr(), "HEAD", "/alpha.html", &[]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty(), "HEAD has no body");
    assert_eq!(
        head.header("content-length"),
        Some(full.body.len().to_string().as_str())
    );
    assert_eq!(head.header("etag"), full.header("etag"));

    let etag = full.header("etag").expect("an ETag");
    let again = request(
        running.addr(),
        "GET",
        "/alpha.html",
        &[("If-None-Match", etag)],
    );
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());

    let modified = full.header("last-modified").expect("a Last-Modified");
    let css = get(running.addr(), "/site.css");
    let since = request(
        running.addr(),
        "GET",
        "/site.css",
        &[("If-Modified-Since", css.header("last-modified").unwrap())],
    );
    assert_eq!(since.status, 304, "Last-Modified {modified}");
    let stale = request(
        running.addr(),
        "GET",
        "/alpha.html",
        &[("If-None-Match", "\"other\"")],
    );
    assert_eq!(stale.status, 200);
}

#[test]
fn only_get_and_head_are_allowed() {
    let project = Project::new();
    let running = project.serve();
    let post = request(
        running.addr(),
        "POST",
        "/alpha.html",
        &[("Content-Length", "0")],
    );
    assert_eq!(post.status, 405);
    assert_eq!(post.header("allow"), Some("GET, HEAD"));
}
