//! Which files in `seeds/` ingest reads: sources by their kind, the rest
//! named as skipped with the formats that are supported, overrides kept.

use std::path::Path;

use super::{briefing, content_files, ingest, project_from, repo};

const SKIPPED_DOCX: &str =
    "skipped seeds/notes.docx: not a supported source (supported: .txt, .html, .htm, .md, .pdf)";
const SKIPPED_ODT: &str =
    "skipped seeds/report.odt: not a supported source (supported: .txt, .html, .htm, .md, .pdf)";

/// A word processor's file: a zip archive.
const ZIP: &[u8] = b"PK\x03\x04\x00\x00word/document.xml";

/// A two-page letter with a running header and page numbers.
fn letter_pdf() -> Vec<u8> {
    std::fs::read(repo().join("tests/fixtures/pdf/letter.pdf")).unwrap()
}

/// The three text seeds of the `other` fixture and a PDF, beside files of
/// other kinds and the files a folder of seeds holds anyway.
fn mixed_project() -> tempfile::TempDir {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    let seeds = project.path().join("seeds");
    std::fs::write(seeds.join("notes.docx"), ZIP).unwrap();
    std::fs::write(seeds.join("report.odt"), ZIP).unwrap();
    std::fs::write(seeds.join("letter.pdf"), letter_pdf()).unwrap();
    std::fs::write(seeds.join(".gitkeep"), "").unwrap();
    std::fs::create_dir(seeds.join("archive")).unwrap();
    std::fs::write(seeds.join("b_articles.yaml"), "date: 2023-05-01\n").unwrap();
    project
}

fn stderr_lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn files_of_other_kinds_are_named_as_skipped_and_the_rest_ingested() {
    let project = mixed_project();
    let out = briefing(project.path(), "ingest");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = stderr_lines(&out);
    assert!(out.status.success(), "{stderr:#?}");
    let skipped: Vec<&String> = stderr.iter().filter(|l| l.starts_with("skipped")).collect();
    assert_eq!(skipped, [SKIPPED_DOCX, SKIPPED_ODT], "{stderr:#?}");
    assert_eq!(content_files(project.path()).len(), 4);
    let row = stdout
        .lines()
        .find(|l| l.starts_with("b_articles.txt"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(row.contains("2023-05-01 (override)"), "the override: {row}");

    let report = ingest(project.path(), false);
    let files: Vec<&str> = report.skipped.iter().map(|s| s.file.as_str()).collect();
    assert_eq!(files, ["seeds/notes.docx", "seeds/report.odt"]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
}

#[test]
fn the_table_shows_each_documents_format() {
    let project = mixed_project();
    let out = briefing(project.path(), "ingest");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut lines = stdout.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(header[..3], ["file", "format", "title"], "{stdout}");
    let formats: Vec<(&str, &str)> = lines
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|cells| cells.len() > 2 && cells[0].contains('.'))
        .map(|cells| (cells[0], cells[1]))
        .collect();
    assert_eq!(
        formats,
        [
            ("a_roman_headings.txt", "text"),
            ("b_articles.txt", "text"),
            ("c_place_dateline.txt", "text"),
            ("letter.pdf", "pdf")
        ],
        "{stdout}"
    );
}

#[test]
fn a_pdf_named_txt_is_told_to_take_its_extension() {
    let project = mixed_project();
    let seeds = project.path().join("seeds");
    std::fs::write(seeds.join("renamed.txt"), letter_pdf()).unwrap();
    let out = briefing(project.path(), "ingest");
    let stderr = stderr_lines(&out).join("\n");
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("renamed.txt: is a PDF named as text: give it the extension .pdf"),
        "{stderr}"
    );
    assert_eq!(content_files(project.path()).len(), 4);
}

#[test]
fn a_build_warns_of_the_files_it_skipped() {
    let project = mixed_project();
    let out = briefing(project.path(), "build");
    let stderr = stderr_lines(&out);
    assert!(out.status.success(), "{stderr:#?}");
    for skipped in [SKIPPED_DOCX, SKIPPED_ODT] {
        let warning = format!("warning: {skipped}");
        assert!(stderr.contains(&warning), "{warning}: {stderr:#?}");
    }
    assert!(project.path().join("public/index.html").is_file());
}

#[test]
fn a_project_without_sources_hears_of_the_files_it_has_and_keeps_its_content() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    std::fs::copy(repo().join("briefing.yaml"), root.join("briefing.yaml")).unwrap();
    std::fs::create_dir_all(root.join("seeds")).unwrap();
    std::fs::write(root.join("seeds/report.odt"), ZIP).unwrap();
    copy_content(&repo().join("content"), &root.join("content"));
    let before: Vec<String> = content_files(root)
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let out = briefing(root, "build");
    let stderr = stderr_lines(&out);
    assert!(out.status.success(), "{stderr:#?}");
    assert!(
        stderr.contains(&format!("warning: {SKIPPED_ODT}")),
        "{stderr:#?}"
    );
    let after: Vec<String> = content_files(root)
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert!(before == after, "build ingested nothing");
}

fn copy_content(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}
