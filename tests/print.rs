//! The briefing book: the print page and packs built from the fixture sites,
//! and `briefing pdf` where Chromium and poppler are installed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use briefing::build::{build, BuildOptions};
use briefing::render::print::{document_element_id, document_id};
use briefing::site::{escape_html, Site};
use briefing::Config;
use regex::Regex;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Builds the fixture into a temporary folder; returns it with the site model.
fn built(name: &str) -> (tempfile::TempDir, Site) {
    let root = fixture(name);
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        output: Some(out.path().join("public")),
        progress: false,
    };
    build(&root, &options).unwrap();
    let site = Site::load(&root, &Config::load(&root).unwrap()).unwrap();
    (out, site)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The print pages of a built site: the book and every pack.
fn print_pages(public: &Path) -> Vec<PathBuf> {
    let mut pages = vec![public.join("print.html")];
    for entry in walkdir::WalkDir::new(public.join("print")).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|x| x == "html") {
            pages.push(entry.path().to_path_buf());
        }
    }
    pages
}

fn ids(html: &str) -> Vec<String> {
    let re = Regex::new(r#"\sid="([^"]*)""#).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

/// The `href`s of the links in `<main>` (the book; the screen-only bar is outside it).
fn book_links(html: &str) -> Vec<String> {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    let re = Regex::new(r#"<a\s[^>]*href="([^"]*)""#).unwrap();
    re.captures_iter(&html[start..end])
        .map(|c| c[1].to_string())
        .collect()
}

#[test]
fn the_book_holds_every_document_section_and_glossary_entry() {
    let (out, site) = built("site-basic");
    let html = read(&out.path().join("public/print.html"));
    assert!(!site.documents.is_empty() && !site.glossary.is_empty());
    for doc in &site.documents {
        let title = escape_html(&doc.front.title);
        let id = document_id(&doc.slug);
        assert!(html.contains(&format!("id=\"{id}\">{title}<")), "{title}");
        for s in &doc.sections {
            let id = document_element_id(&doc.slug, &s.id);
            let heading = format!("id=\"{id}\">{}<", escape_html(&s.title));
            assert!(html.contains(&heading), "section {heading}");
        }
    }
    for g in &site.glossary {
        let entry = format!(
            "<div id=\"{}\"><dt>{}</dt><dd>{}</dd></div>",
            g.anchor,
            escape_html(&g.abbr),
            escape_html(&g.expansion)
        );
        assert!(html.contains(&entry), "glossary {entry}");
    }
    for appendix in ["appendix-matrix", "appendix-recommendations"] {
        assert!(html.contains(&format!("id=\"{appendix}\"")), "{appendix}");
    }
}

#[test]
fn ids_are_unique_and_every_link_stays_in_the_book_or_leaves_the_site() {
    for name in ["site-basic", "print-links"] {
        let (out, _) = built(name);
        for page in print_pages(&out.path().join("public")) {
            let html = read(&page);
            let ids = ids(&html);
            let unique: BTreeSet<&String> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "{}: duplicate ids", page.display());
            for href in book_links(&html) {
                match href.strip_prefix('#') {
                    Some(anchor) => assert!(
                        unique.contains(&anchor.to_string()),
                        "{}: #{anchor} leads nowhere",
                        page.display()
                    ),
                    None => assert!(
                        href.starts_with("https://") || href.starts_with("mailto:"),
                        "{}: {href} is neither in the book nor a URL",
                        page.display()
                    ),
                }
            }
        }
    }
}

#[test]
fn links_between_documents_become_anchors_with_section_names() {
    let (out, _) = built("print-links");
    let html = read(&out.path().join("public/print.html"));
    for expected in [
        // The same heading id and footnote label in two documents stay apart.
        r#"<h3 id="alpha--findings">"#,
        r#"<h3 id="beta--findings">"#,
        r##"<a href="#alpha--1">1</a>"##,
        r##"<a href="#beta--1">1</a>"##,
        r##"<a href="#beta--findings" data-see="“Beta Letter on Privacy”, §Findings">"##,
        r##"<a href="#alpha--notes" data-see="§Notes">"##,
        r##"<a href="#part-theme-ai" data-see="§Artificial intelligence">AI theme</a>"##,
        r##"<a href="#doc-beta" data-see="“Beta Letter on Privacy”">a missing section</a>"##,
        r##"<a href="#g-AI">an entry on AI</a>"##,
        r#"<a href="https://example.org/links/years/2021.html">"#,
        r#"<a href="https://www.meti.go.jp/english/">METI</a>"#,
    ] {
        assert!(html.contains(expected), "missing {expected}");
    }
}

#[test]
fn images_resolve_from_each_print_page_folder() {
    let (out, _) = built("print-links");
    let public = out.path().join("public");
    let re = Regex::new(r#"<img [^>]*src="([^"]*)""#).unwrap();
    let mut seen = 0;
    for page in print_pages(&public) {
        let html = read(&page);
        for src in re.captures_iter(&html) {
            let target = page.parent().unwrap().join(&src[1]);
            assert!(
                target.is_file(),
                "{}: {} is missing",
                page.display(),
                &src[1]
            );
            seen += 1;
        }
    }
    assert!(seen >= 2, "the image is in the book and the AI pack");
}

#[test]
fn packs_exist_and_their_pages_link_to_them() {
    let (out, site) = built("site-basic");
    let public = out.path().join("public");
    let kinds = [
        (
            "themes",
            site.themes
                .iter()
                .filter(|t| !t.documents.is_empty())
                .map(|t| t.slug.clone())
                .collect::<Vec<_>>(),
        ),
        (
            "dialogues",
            site.dialogues
                .iter()
                .filter(|d| !d.chronology.is_empty())
                .map(|d| d.slug.clone())
                .collect(),
        ),
        (
            "years",
            site.years.iter().map(|y| y.label.clone()).collect(),
        ),
    ];
    for (folder, slugs) in kinds {
        assert!(!slugs.is_empty(), "{folder}");
        for slug in slugs {
            let pack = public.join(format!("print/{folder}/{slug}.html"));
            assert!(pack.is_file(), "{} missing", pack.display());
            // Tera escapes `/` in attributes as `&#x2F;`; browsers read both alike.
            let page = read(&public.join(format!("{folder}/{slug}.html"))).replace("&#x2F;", "/");
            let link = format!("<a href=\"../print/{folder}/{slug}.html\">Print this pack</a>");
            assert!(page.contains(&link), "{folder}/{slug}.html lacks {link}");
        }
    }
    let index = read(&public.join("index.html")).replace("&#x2F;", "/");
    assert!(index.contains("<a href=\"print.html\">Briefing book</a>"));
}

#[test]
fn a_pack_holds_only_its_documents() {
    let (out, site) = built("site-basic");
    let theme = site.themes.iter().find(|t| t.slug == "telecom").unwrap();
    let html = read(&out.path().join("public/print/themes/telecom.html"));
    for (id, doc) in site.documents.iter().enumerate() {
        let present = html.contains(&format!("id=\"{}\"", document_id(&doc.slug)));
        assert_eq!(present, theme.documents.contains(&id), "{}", doc.slug);
    }
}

#[test]
fn two_builds_give_the_same_book() {
    let (a, _) = built("site-basic");
    let (b, _) = built("site-basic");
    for page in print_pages(&a.path().join("public")) {
        let relative = page.strip_prefix(a.path()).unwrap();
        assert_eq!(
            read(&page),
            read(&b.path().join(relative)),
            "{}",
            relative.display()
        );
    }
}

// ---- briefing pdf ----

fn briefing(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap()
}

/// A writable copy of a fixture project.
fn project(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = fixture(name);
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

fn tools_present() -> bool {
    let path = std::env::var_os("PATH");
    let browser = briefing::pdf::find_browser(None, path.as_deref()).is_ok();
    let poppler = ["pdfinfo", "pdftotext"]
        .iter()
        .all(|t| Command::new(t).arg("-v").output().is_ok());
    if !browser || !poppler {
        println!("skipped: no chromium (or no pdfinfo/pdftotext)");
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

#[test]
fn pdf_of_the_fixture_book_has_its_pages_size_text_and_outline() {
    if !tools_present() {
        return;
    }
    let dir = project("site-basic");
    let out = briefing(dir.path(), &["pdf"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = dir.path().join("briefing.pdf");
    let pages = assert_size(&pdf, (595.28, 841.89));
    // Cover, contents, six documents each on a new page, three appendices.
    assert!((11..=16).contains(&pages), "{pages} pages");
    let text = pdf_text(&pdf);
    let site = Site::load(dir.path(), &Config::load(dir.path()).unwrap()).unwrap();
    for doc in &site.documents {
        assert!(
            text.contains(&doc.front.title),
            "{} not in the PDF",
            doc.front.title
        );
    }
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
    let out = briefing(dir.path(), &["pdf"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
