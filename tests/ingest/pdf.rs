//! PDF seeds end to end: one document per PDF, its furniture dropped, its
//! title and date found, bad PDFs named while the rest still build, and
//! the PDF itself linked from its page.

use std::path::Path;

use super::{briefing, by_seed, content_files, ingest, repo};
use briefing::content::{DateSource, TitleSource};
use briefing::ingest::Outcome;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("tests/fixtures/pdf").join(name)).unwrap()
}

/// A project with the bundled `briefing.yaml` and the named PDF fixtures
/// as its seeds.
fn project_with(pdfs: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("briefing.yaml"),
        dir.path().join("briefing.yaml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    for name in pdfs {
        std::fs::write(dir.path().join("seeds").join(name), fixture(name)).unwrap();
    }
    dir
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_letter_becomes_one_document_without_its_page_furniture() {
    let project = project_with(&["letter.pdf"]);
    let report = ingest(project.path(), false);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(content_files(project.path()).len(), 1);
    let file = by_seed(project.path(), "letter.pdf");
    let fm = &file.front_matter;
    // The metadata's title is the word processor's file name: not taken.
    assert_eq!(fm.title, "Joint Letter on Data Free Flow with Trust");
    assert_eq!(fm.title_source, TitleSource::Stated);
    // The dateline, not the day the file was made (2024-03-06).
    assert_eq!(fm.date.unwrap().to_string(), "2024-03-05");
    assert_eq!(fm.date_source, DateSource::Stated);
    let body = &file.body;
    for furniture in ["Ministry of Digital Affairs", "Page 1", "Page 2", "of 2"] {
        assert!(!body.contains(furniture), "{furniture}: {body}");
    }
    for kept in [
        "## Our shared commitments",
        "## Next steps",
        "- Promote interoperability between data protection regimes through practical \
         cooperation between regulators.",
        "- Strengthen supply chains for semiconductors and critical technologies.",
        "Officials will meet in the coming months",
        "contributed to its preparation over the past year.",
    ] {
        assert!(body.contains(kept), "{kept}: {body}");
    }
}

#[test]
fn a_pdf_is_ingested_again_only_when_it_or_its_override_changes() {
    let project = project_with(&["letter.pdf"]);
    ingest(project.path(), false);
    let again = ingest(project.path(), false);
    assert_eq!(again.documents[0].outcome, Outcome::Unchanged);
    let seeds = project.path().join("seeds");
    std::fs::write(
        seeds.join("letter.yaml"),
        "title: Letter on DFFT\ndate: 2024-03\n",
    )
    .unwrap();
    let report = ingest(project.path(), false);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let fm = by_seed(project.path(), "letter.pdf").front_matter;
    assert_eq!(fm.title, "Letter on DFFT");
    assert_eq!(fm.date.unwrap().to_string(), "2024-03");
    assert_eq!(content_files(project.path()).len(), 1);
}

#[test]
fn bad_pdfs_are_named_with_what_to_do_and_the_others_still_build() {
    let project = project_with(&[
        "letter.pdf",
        "owner-only.pdf",
        "encrypted.pdf",
        "scanned.pdf",
        "truncated.pdf",
    ]);
    let out = briefing(project.path(), "build");
    let stderr = stderr(&out);
    assert!(!out.status.success(), "{stderr}");
    for message in [
        "encrypted.pdf: is encrypted with a password",
        "scanned.pdf: has no text layer (1 page of images only: a scan): OCR it first, e.g. `ocrmypdf",
        "truncated.pdf: is truncated",
        "3 seeds could not be ingested",
    ] {
        assert!(stderr.contains(message), "{message}: {stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Locked by an owner password alone, it opens as viewers open it.
    assert_eq!(content_files(project.path()).len(), 2);
    let public = project.path().join("public");
    assert!(public.join("index.html").is_file());
    let copied = std::fs::read(public.join("sources/letter.pdf")).unwrap();
    assert!(
        copied == fixture("letter.pdf"),
        "the PDF is published as it is"
    );
}

#[test]
fn the_document_page_links_the_pdf_as_a_pdf() {
    let project = project_with(&["letter.pdf"]);
    let out = briefing(project.path(), "build");
    assert!(out.status.success(), "{}", stderr(&out));
    let page = find_page(
        &project.path().join("public"),
        "Joint Letter on Data Free Flow",
    );
    assert!(
        page.contains(r#"sources/letter.pdf" type="application/pdf">"#),
        "{page}"
    );
}

/// The text of the document page whose `<title>` holds `title`.
fn find_page(public: &Path, title: &str) -> String {
    walkdir::WalkDir::new(public)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .find(|html| html.contains("<title>") && html.contains(title) && html.contains("sources/"))
        .unwrap_or_else(|| panic!("no page titled {title}"))
}
