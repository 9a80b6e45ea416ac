//! Saved web pages and markdown documents in `seeds/`: each field read
//! from the markup and the text, the body without the site's chrome, a
//! markdown document's own front matter kept, and broken files named while
//! the rest still build.

use super::{briefing, by_seed, by_seed_path, content_files, ingest, project_from, repo};

fn pages_project() -> tempfile::TempDir {
    project_from(&repo().join("tests/fixtures/ingest/pages"))
}

#[test]
fn a_press_release_page_gives_title_date_issuers_and_its_text_without_chrome() {
    let project = pages_project();
    let report = ingest(project.path(), false);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let file = by_seed(project.path(), "a_press_release.html");
    let fm = &file.front_matter;
    assert_eq!(fm.title, "Second Canada-Japan Digital Policy Dialogue Held");
    assert_eq!(fm.date.unwrap().to_string(), "2024-04-30");
    assert_eq!(fm.dialogues, ["canada-japan-digital"]);
    assert!(
        fm.organisations.contains(&"METI".to_string()),
        "{:?}",
        fm.organisations
    );
    assert!(
        fm.organisations.contains(&"ISED".to_string()),
        "{:?}",
        fm.organisations
    );
    let body = &file.body;
    for kept in [
        "held the second meeting of the Canada-Japan Digital Policy Dialogue",
        "## Outcomes of the meeting",
        "- Promote data free flow with trust (DFFT)",
        "| Artificial intelligence | METI |",
        "call on industry to take part",
    ] {
        assert!(body.contains(kept), "{kept:?} lost from:\n{body}");
    }
    for chrome in [
        "Skip to main content",
        "Press Releases",
        "Statistics",
        "Related releases",
        "Minister visits Canada",
        "Share on",
        "Privacy policy",
        "Kasumigaseki",
        "dataLayer",
    ] {
        assert!(!body.contains(chrome), "{chrome:?} kept in:\n{body}");
    }
}

#[test]
fn json_ld_states_the_original_date_and_the_publisher() {
    let project = pages_project();
    ingest(project.path(), false);
    let file = by_seed(project.path(), "b_json_ld.html");
    let fm = &file.front_matter;
    assert_eq!(fm.title, "Statement on Trusted Data Spaces");
    assert_eq!(
        fm.date.unwrap().to_string(),
        "2023-11-02",
        "datePublished, not the update"
    );
    assert_eq!(fm.organisations, ["Digital Agency"]);
    assert!(file.body.contains("principles for trusted data spaces"));
    for chrome in ["We use cookies", "All rights reserved", "English"] {
        assert!(!file.body.contains(chrome), "{chrome:?} in {}", file.body);
    }
}

#[test]
fn markdown_keeps_its_front_matter_and_body_and_gets_the_rest() {
    let project = pages_project();
    ingest(project.path(), false);
    let file = by_seed(project.path(), "c_notes.md");
    let fm = &file.front_matter;
    assert_eq!(fm.title, "Briefing note on semiconductor supply");
    assert_eq!(fm.themes.len(), 1, "the front matter's themes stand");
    assert_eq!(fm.themes[0].slug, "semiconductors");
    assert!(!fm.summary.is_empty(), "a summary is filled in");
    assert!(
        file.body.contains("**semiconductor** supply stands, with a [link to the\nsource](https://example.org/chips)"),
        "the body is kept as written:\n{}",
        file.body
    );
    assert!(!file.body.contains("# A heading the front matter"));

    let file = by_seed(project.path(), "d_plain.md");
    let fm = &file.front_matter;
    assert_eq!(fm.title, "Remarks on machine learning and privacy");
    assert_eq!(fm.date.unwrap().to_string(), "2024-03-12");
    let themes: Vec<&str> = fm.themes.iter().map(|t| t.slug.as_str()).collect();
    assert!(
        themes.contains(&"privacy") && themes.contains(&"ai"),
        "{themes:?}"
    );
    assert!(
        file.body.starts_with("\nDelivered in Ottawa"),
        "{}",
        file.body
    );
    assert!(file.body.contains("## Privacy by design"));
}

#[test]
fn the_table_names_each_format_and_a_second_run_changes_nothing() {
    let project = pages_project();
    let out = briefing(project.path(), "ingest");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (seed, format) in [
        ("a_press_release.html", "html"),
        ("b_json_ld.html", "html"),
        ("c_notes.md", "markdown"),
        ("d_plain.md", "markdown"),
    ] {
        let row = stdout
            .lines()
            .find(|l| l.starts_with(seed))
            .unwrap_or_else(|| panic!("{stdout}"));
        assert_eq!(row.split_whitespace().nth(1), Some(format), "{row}");
    }
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = content_files(project.path())
        .into_iter()
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    let report = ingest(project.path(), false);
    assert!(report
        .documents
        .iter()
        .all(|d| d.outcome == briefing::ingest::Outcome::Unchanged));
    for (path, bytes) in before {
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{}", path.display());
    }
}

#[test]
fn an_override_wins_over_markup_and_front_matter() {
    let project = pages_project();
    let seeds = project.path().join("seeds");
    std::fs::write(
        seeds.join("a_press_release.yaml"),
        "title: Dialogue Held\ndate: 2024-05-01\n",
    )
    .unwrap();
    std::fs::write(seeds.join("c_notes.yaml"), "title: Chips note\n").unwrap();
    ingest(project.path(), false);
    let fm = by_seed(project.path(), "a_press_release.html").front_matter;
    assert_eq!(
        (fm.title.as_str(), fm.date.unwrap().to_string()),
        ("Dialogue Held", "2024-05-01".into())
    );
    let fm = by_seed(project.path(), "c_notes.md").front_matter;
    assert_eq!(fm.title, "Chips note");
    assert_eq!(fm.themes[0].slug, "semiconductors");
}

#[test]
fn broken_pages_and_markdown_are_named_and_the_rest_still_build() {
    let project = pages_project();
    let seeds = project.path().join("seeds");
    let page = std::fs::read_to_string(seeds.join("a_press_release.html")).unwrap();
    std::fs::write(seeds.join("cut.html"), &page[..page.len() / 2]).unwrap();
    std::fs::write(
        seeds.join("junk.html"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
    )
    .unwrap();
    std::fs::write(
        seeds.join("bad.md"),
        "---\ntitle: [unclosed\n---\nText of the note.\n",
    )
    .unwrap();
    std::fs::write(seeds.join("notes.docx"), b"PK\x03\x04").unwrap();
    let out = briefing(project.path(), "build");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    for (file, says) in [
        ("seeds/cut.html", "looks cut short"),
        ("seeds/junk.html", "is a binary file"),
        ("seeds/bad.md:2", ""),
        ("seeds/notes.docx", "supported: .txt, .html, .htm, .md"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not named: {stderr}"));
        assert!(line.contains(says), "{line}");
    }
    assert_eq!(content_files(project.path()).len(), 4, "{stderr}");
    let public = project.path().join("public/documents");
    assert_eq!(std::fs::read_dir(public).unwrap().count(), 4);
    assert!(by_seed_path(project.path(), "a_press_release.html").is_file());
}
