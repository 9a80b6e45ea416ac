//! Bad seeds are named with what to do, and the rest still ingested.

use super::*;

/// A project with one good seed and one of each kind of bad input.
fn bad_project() -> tempfile::TempDir {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    let seeds = project.path().join("seeds");
    std::fs::write(seeds.join("empty.txt"), "").unwrap();
    std::fs::write(seeds.join("binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    std::fs::write(
        seeds.join("latin1.txt"),
        b"Caf\xe9 society and more text here.",
    )
    .unwrap();
    std::fs::write(
        seeds.join("chrome_only.txt"),
        "Skip to main content\nMenu\nSearch\n\nPrevious\nNext\nThis website uses cookies\n",
    )
    .unwrap();
    let huge = std::fs::File::create(seeds.join("huge.txt")).unwrap();
    huge.set_len(briefing::ingest::MAX_SEED_BYTES + 1).unwrap();
    project
}

#[test]
fn bad_inputs_are_named_and_the_rest_still_ingested() {
    let project = bad_project();
    let report = ingest(project.path(), false);
    assert!(report.failed());
    let messages: Vec<String> = report.errors.iter().map(|e| e.to_string()).collect();
    let cases = [
        ("empty.txt", "is empty"),
        ("binary.txt", "binary file (NUL byte at byte offset 4)"),
        ("chrome_only.txt", "only site chrome"),
        ("huge.txt", "over the 20 MB limit"),
    ];
    assert_eq!(messages.len(), cases.len(), "{messages:#?}");
    for (file, needle) in cases {
        let msg = messages
            .iter()
            .find(|m| m.contains(file))
            .unwrap_or_else(|| panic!("{file}: {messages:#?}"));
        assert!(msg.contains(needle), "{msg}");
    }
    assert_eq!(report.documents.len(), 4, "the Latin-1 seed is read");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("latin1.txt: not UTF-8; read as windows-1252")),
        "{:?}",
        report.warnings
    );
    assert_eq!(content_files(project.path()).len(), 4);
}

#[test]
fn cli_prints_a_table_and_fails_on_bad_input() {
    let project = bad_project();
    let out = briefing(project.path(), "ingest");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stdout.contains("b_articles.txt") && stdout.contains("2023-04-30 (stated)"),
        "{stdout}"
    );
    assert!(stdout.contains("canada-japan-digital"), "{stdout}");
    for file in [
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "chrome_only.txt",
        "huge.txt",
    ] {
        assert!(stderr.contains(file), "{file}: {stderr}");
    }
    std::fs::remove_dir_all(project.path().join("seeds")).unwrap();
    std::fs::create_dir(project.path().join("seeds")).unwrap();
    std::fs::write(
        project.path().join("seeds/undated.txt"),
        "An Undated Note\n\nThis note has no date anywhere in its text at all.\n",
    )
    .unwrap();
    let out = briefing(project.path(), "ingest");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("seeds/undated.yaml: add `date: YYYY-MM-DD`")
            || stderr.contains("add `date: YYYY-MM-DD` (or YYYY-MM, YYYY) to seeds/undated.yaml"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let row = stdout
        .lines()
        .find(|l| l.starts_with("undated.txt"))
        .unwrap();
    assert!(row.contains("date, organisations"), "{stdout}");
    assert!(stdout.contains("Set them in seeds/<stem>.yaml"), "{stdout}");
}
