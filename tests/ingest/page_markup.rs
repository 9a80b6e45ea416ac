//! A saved page's links and tables kept as markdown through ingest and
//! shown as links and tables on the built site, while a text capture's
//! `[` and `|` stay words.

use super::{briefing, by_seed, by_seed_path, project_from, repo, themes};

fn built_page(root: &std::path::Path, seed: &str) -> String {
    let slug = by_seed_path(root, seed);
    let slug = slug.file_stem().unwrap().to_string_lossy();
    std::fs::read_to_string(root.join(format!("public/documents/{slug}.html"))).unwrap()
}

#[test]
fn a_saved_page_builds_with_its_links_and_its_table() {
    let project = project_from(&repo().join("tests/fixtures/ingest/page-links"));
    let out = briefing(project.path(), "build");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = by_seed(project.path(), "links_and_table.html");
    let fm = &file.front_matter;
    assert_eq!(fm.title, "Japan and the EU Agree on Data Flows");
    assert!(
        !themes(fm).contains(&"semiconductors"),
        "a link's address is no text: {:?}",
        themes(fm)
    );
    assert!(
        fm.glossary.keys().all(|term| !term.contains("AISI")),
        "{:?}",
        fm.glossary
    );
    assert!(!fm.summary.contains("http"), "{}", fm.summary);
    let body = &file.body;
    for kept in [
        "[Joint Statement on Data Free Flow with Trust](https://www.example.go.jp/english/policy/dfft.html)",
        "[AI Safety Institute](https://www.example.go.jp/semiconductors/AISI/index.html)",
        "| Session | Lead |\n| --- | --- |\n",
        "| [Artificial intelligence](https://www.example.go.jp/english/policy/ai.html) | METI |",
        "| Data \\| privacy | European Commission |",
    ] {
        assert!(body.contains(kept), "{kept:?} not in:\n{body}");
    }
    for dropped in ["javascript", "#note-1", "\\|  \\|"] {
        assert!(!body.contains(dropped), "{dropped:?} in:\n{body}");
    }

    let page = built_page(project.path(), "links_and_table.html");
    for shown in [
        "<a href=\"https://www.example.go.jp/english/policy/dfft.html\">Joint Statement on Data Free Flow with Trust</a>",
        "<th>Session</th>",
        "<td>Data | privacy</td>",
        "<a href=\"https://www.example.go.jp/english/policy/ai.html\">Artificial intelligence</a></td>",
    ] {
        assert!(page.contains(shown), "{shown:?} not on the page");
    }
    assert!(page.contains("<table>"));
}

#[test]
fn a_text_capture_keeps_its_brackets_and_bars_as_words() {
    let project = project_from(&repo().join("tests/fixtures/ingest/page-links"));
    let out = briefing(project.path(), "build");
    assert!(out.status.success());
    let body = by_seed(project.path(), "capture.txt").body;
    assert!(
        body.contains("\\[the statement\\](https://evil.example/x)"),
        "{body}"
    );
    assert!(body.contains("\\| Session | Lead |"), "{body}");
    let page = built_page(project.path(), "capture.txt");
    assert!(!page.contains("<table"), "a capture's bars made a table");
    assert!(!page.contains("href=\"https://evil.example"), "{page}");
}
