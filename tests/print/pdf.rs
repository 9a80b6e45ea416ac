//! `briefing pdf`, where Chromium and poppler (pdfinfo, pdftotext) are
//! installed; without them these tests say "SKIPPED" and pass, except
//! under `CI=true`, where they fail.

use std::path::Path;
use std::process::Command;

use briefing::site::Site;
use briefing::Config;

use crate::support::*;

#[path = "../common/skip.rs"]
mod skip;
use skip::skip;

fn tools_present() -> bool {
    let path = std::env::var_os("PATH");
    let browser = briefing::pdf::find_browser(None, path.as_deref()).is_ok();
    let poppler = ["pdfinfo", "pdftotext"]
        .iter()
        .all(|t| Command::new(t).arg("-v").output().is_ok());
    if !browser || !poppler {
        skip(
            "the PDF tests",
            "no chromium, or no pdfinfo/pdftotext (apt-get install chromium poppler-utils)",
        );
    }
    browser && poppler
}

fn pdf_info(pdf: &Path) -> (usize, f64, f64) {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("no {name} in {text}"))
            .to_string()
    };
    let pages = field("Pages:").parse().unwrap();
    let size = field("Page size:");
    let numbers: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (pages, numbers[0], numbers[1])
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_size(pdf: &Path, (width, height): (f64, f64)) -> usize {
    let (pages, w, h) = pdf_info(pdf);
    assert!(
        (w - width).abs() < 1.5 && (h - height).abs() < 1.5,
        "{w} x {h}"
    );
    pages
}

/// `briefing pdf` in `root`, which must succeed.
fn print_ok(root: &Path) {
    let out = briefing(root, &["pdf"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn assert_every_title(text: &str, site: &Site) {
    for doc in &site.documents {
        assert!(
            text.contains(&doc.front.title),
            "{} not in the PDF",
            doc.front.title
        );
    }
}

#[test]
fn pdf_of_the_fixture_book_has_its_pages_size_text_and_outline() {
    if !tools_present() {
        return;
    }
    let dir = project("site-basic");
    print_ok(dir.path());
    let pdf = dir.path().join("briefing.pdf");
    let pages = assert_size(&pdf, (595.28, 841.89));
    // Cover, contents, six documents each on a new page, three appendices.
    assert!((11..=16).contains(&pages), "{pages} pages");
    let text = pdf_text(&pdf);
    let site = Site::load(dir.path(), &Config::load(dir.path()).unwrap()).unwrap();
    assert_every_title(&text, &site);
    assert!(
        text.contains(&format!("1 / {pages}")),
        "page numbers in the margin"
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let outline = bytes.windows(b"/Outlines".len()).any(|w| w == b"/Outlines");
    assert!(outline, "the PDF has bookmarks");
}

#[test]
fn pdf_honours_letter_size_and_the_configured_output() {
    if !tools_present() {
        return;
    }
    let dir = project("print-links");
    print_ok(dir.path());
    let pdf = dir.path().join("out/links.pdf");
    let pages = assert_size(&pdf, (612.0, 792.0));
    assert!(pages >= 5, "{pages} pages");
    let text = pdf_text(&pdf);
    assert!(
        text.contains("(https://www.meti.go.jp/english/)"),
        "URLs printed"
    );
    assert!(
        text.contains("(see §Notes)"),
        "internal links name their section"
    );
}

#[test]
fn pdf_without_a_browser_names_the_package_to_install() {
    let dir = project("site-basic");
    let out = briefing(dir.path(), &["pdf", "--browser", "/nonexistent/chromium"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/chromium"), "{err}");
    assert!(err.contains("apt-get install chromium"), "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .env("PATH", "")
        .arg("--root")
        .arg(dir.path())
        .arg("pdf")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    if !cfg!(target_os = "macos") {
        assert!(err.contains("apt-get install chromium"), "{err}");
    }
    assert!(
        !dir.path().join("public").exists(),
        "nothing built without a browser"
    );
}

#[test]
fn pdf_no_build_needs_a_built_site() {
    if !tools_present() {
        return;
    }
    let dir = project("site-basic");
    let out = briefing(dir.path(), &["pdf", "--no-build"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("run `briefing build` first"), "{err}");
}

#[test]
fn pdf_of_the_seed_book_has_every_title_and_a4_pages() {
    if !tools_present() {
        return;
    }
    let Some((out, site)) = seed_site() else {
        return;
    };
    let path = std::env::var_os("PATH");
    let browser = briefing::pdf::find_browser(None, path.as_deref()).unwrap();
    let pdf = out.path().join("seed.pdf");
    let page = out.path().join("public/print.html");
    briefing::pdf::print_to_pdf(&browser, &page, &pdf, briefing::pdf::DEFAULT_TIMEOUT).unwrap();
    let pages = assert_size(&pdf, (595.28, 841.89));
    assert!(pages >= site.documents.len() + 3, "{pages} pages");
    let text = pdf_text(&pdf);
    assert_every_title(&text, &site);
}

/// The text of page `page` of `pdf`, as laid out.
fn page_text(pdf: &Path, page: usize) -> String {
    let n = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[test]
fn pdf_contents_give_the_page_each_document_starts_on() {
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let init = briefing(dir.path(), &["init", "--example"]);
    assert!(init.status.success());
    print_ok(dir.path());
    let pdf = dir.path().join("briefing.pdf");
    let contents = page_text(&pdf, 2) + &page_text(&pdf, 3);
    let site = Site::load(dir.path(), &Config::load(dir.path()).unwrap()).unwrap();
    let mut starts = Vec::new();
    for doc in &site.documents {
        let opening: String = doc.front.title.chars().take(28).collect();
        let line = contents
            .lines()
            .find(|l| l.contains(&opening))
            .unwrap_or_else(|| panic!("{opening:?} not in the contents:\n{contents}"));
        let page: usize = line
            .split_whitespace()
            .last()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no page number in {line:?}"));
        // Each page's running header is the title of the document on it.
        let header = |page| {
            let text = page_text(&pdf, page);
            let first = text.lines().find(|l| !l.trim().is_empty());
            first.unwrap_or_default().to_string()
        };
        assert!(
            header(page).contains(&opening),
            "{opening:?} not on page {page}"
        );
        assert!(
            !header(page - 1).contains(&opening),
            "{opening:?} starts before page {page}"
        );
        starts.push(page);
    }
    starts.sort_unstable();
    starts.dedup();
    assert_eq!(starts.len(), site.documents.len(), "{starts:?}");
    assert!(starts[0] >= 3 && *starts.last().unwrap() > 10, "{starts:?}");
}
