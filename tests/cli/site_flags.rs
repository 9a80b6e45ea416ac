//! `--drafts` and `--base-url` on every command that builds the site
//! (`build`, `serve`, `pdf`), with the same meaning in each.

use std::process::Command;

use crate::support::{content, fails, ok, read, starter};

#[path = "../common/skip.rs"]
mod skip;

const BUILDERS: &[&str] = &["build", "serve", "pdf"];
const PREVIEW: &str = "https://preview-9.example.net/b/";

/// The line of `help` that describes `flag`, and the lines after it up
/// to the next flag: the flag's whole description, one space a gap.
fn described(help: &str, flag: &str) -> String {
    let mut lines = help
        .lines()
        .skip_while(|l| !l.trim_start().starts_with(flag));
    let first = lines.next().unwrap_or_default();
    let rest = lines.take_while(|l| !l.trim_start().starts_with('-'));
    let text: Vec<&str> = std::iter::once(first).chain(rest).collect();
    text.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_command_that_builds_takes_the_same_site_flags() {
    let dir = tempfile::tempdir().unwrap();
    for flag in ["--drafts", "--base-url <URL>"] {
        let texts: Vec<String> = BUILDERS
            .iter()
            .map(|command| described(&ok(dir.path(), &[command, "--help"]), flag))
            .collect();
        for (command, text) in BUILDERS.iter().zip(&texts) {
            assert!(text.len() > flag.len() + 10, "{command} lacks {flag}");
            assert_eq!(text, &texts[0], "{command} describes {flag} otherwise");
        }
    }
}

#[test]
fn pdf_prints_what_it_builds_and_refuses_the_flags_without_a_build() {
    let (_dir, project) = starter();
    let front = "title: Zeppelin Hangar Plans\ndate: 2025-03-01\ndraft: true";
    content(
        &project,
        "zeppelin",
        front,
        "Quokkaberry airships are coming.",
    );
    let err = fails(&project, &["pdf", "--no-build", "--drafts"]);
    assert!(err.contains("--drafts"), "{err}");

    let tools = ["pdftotext", "-v"];
    let browser = briefing::pdf::find_browser(None, std::env::var_os("PATH").as_deref());
    if browser.is_err() || Command::new(tools[0]).arg(tools[1]).output().is_err() {
        skip::skip(
            "pdf --drafts --base-url",
            "no chromium or no pdftotext (apt-get install chromium poppler-utils)",
        );
        return;
    }
    let args = ["pdf", "--drafts", "--base-url", PREVIEW, "-o", "book.pdf"];
    ok(&project, &args);
    let site = project.join("public");
    assert!(site.join("documents/zeppelin.html").is_file());
    assert!(read(site.join("sitemap.xml")).contains(PREVIEW));
    let text = Command::new("pdftotext")
        .args([project.join("book.pdf").as_os_str(), "-".as_ref()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Zeppelin Hangar Plans"), "{text}");

    // Without the flags, the next print is of the site as published.
    ok(&project, &["pdf", "-o", "book.pdf"]);
    assert!(!site.join("documents/zeppelin.html").exists());
    assert!(!read(site.join("sitemap.xml")).contains(PREVIEW));
}
