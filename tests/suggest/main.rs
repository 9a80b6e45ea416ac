//! `briefing suggest` end to end on the fixture project of
//! `tests/fixtures/suggest`: what it proposes, that it never writes
//! `briefing.yaml` without `--merge`, that `--merge` appends and keeps the
//! user's text, and that its errors name the file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use yaml_serde::Value;

#[path = "../common/seeds.rs"]
mod common_seeds;
use common_seeds::project_from;

const BINARY: &str = env!("CARGO_BIN_EXE_briefing");

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/suggest")
}

/// A copy of the fixture project.
fn project() -> tempfile::TempDir {
    project_from(&fixture())
}

fn suggest(root: &Path, args: &[&str]) -> Output {
    Command::new(BINARY)
        .arg("--root")
        .arg(root)
        .arg("suggest")
        .args(args)
        .output()
        .unwrap()
}

fn text(output: &[u8]) -> String {
    String::from_utf8_lossy(output).into_owned()
}

fn suggested(root: &Path) -> Value {
    let text = std::fs::read_to_string(root.join("briefing.suggested.yaml")).unwrap();
    yaml_serde::from_str(&text).unwrap()
}

fn list<'a>(value: &'a Value, key: &str) -> &'a Vec<Value> {
    value[key].as_sequence().unwrap()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_sequence()
        .map(|s| {
            s.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn documents_that_share_a_phrase_get_a_theme_and_a_series_named_twice_a_dialogue() {
    let dir = project();
    let before = std::fs::read(dir.path().join("briefing.yaml")).unwrap();
    let run = suggest(dir.path(), &[]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(
        std::fs::read(dir.path().join("briefing.yaml")).unwrap(),
        before,
        "briefing.yaml is never written without --merge"
    );
    let value = suggested(dir.path());
    let themes = list(&value, "themes");
    let reef = themes
        .iter()
        .find(|t| {
            strings(&t["keywords"])
                .iter()
                .any(|k| k == "coral reef restoration")
        })
        .unwrap_or_else(|| panic!("no theme for coral reef restoration: {themes:?}"));
    assert!(
        !strings(&reef["keywords"]).iter().any(|k| k == "ocean"),
        "{reef:?}"
    );
    let plastic = themes.iter().any(|t| {
        strings(&t["keywords"])
            .iter()
            .any(|k| k.contains("marine plastic"))
    });
    assert!(plastic, "{themes:?}");
    let dialogues = list(&value, "dialogues");
    assert_eq!(dialogues.len(), 1, "{dialogues:?}");
    assert_eq!(
        dialogues[0]["name"].as_str(),
        Some("Japan-Canada Ocean Dialogue")
    );
    let text = std::fs::read_to_string(dir.path().join("briefing.suggested.yaml")).unwrap();
    assert!(
        text.contains("# the main series of seeds/a.txt, seeds/b.txt"),
        "the evidence is written as comments:\n{text}"
    );
    let organisations = list(&value, "organisations");
    assert!(
        organisations
            .iter()
            .any(|o| o["name"].as_str() == Some("FRA")),
        "{organisations:?}"
    );
}

#[test]
fn merge_appends_what_is_missing_and_keeps_every_line_the_user_wrote() {
    let dir = project();
    let path = dir.path().join("briefing.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    let run = suggest(dir.path(), &["--merge"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let after = std::fs::read_to_string(&path).unwrap();
    for line in before.lines().filter(|l| !l.contains("[]")) {
        assert!(after.contains(line), "lost {line:?}:\n{after}");
    }
    assert!(
        after.contains("\nthemes:       # to be filled\n"),
        "{after}"
    );
    let config = briefing::Config::load(dir.path()).unwrap();
    assert!(
        !config.themes.is_empty() && config.dialogues.len() == 1,
        "{after}"
    );
    let names: Vec<&str> = config
        .organisations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(names[0], "DFO", "the user's entries come first: {names:?}");
    assert!(names.contains(&"FRA"), "{names:?}");
    let again = suggest(dir.path(), &["--merge"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        after,
        "a second merge adds nothing"
    );
    assert!(text(&again.stdout).contains("already has every suggestion"));
}

#[test]
fn merge_refuses_a_briefing_yaml_that_does_not_parse_and_names_it() {
    let dir = project();
    let path = dir.path().join("briefing.yaml");
    let broken = "title: Ocean cooperation\nthemes: [unclosed\n";
    std::fs::write(&path, broken).unwrap();
    let run = suggest(dir.path(), &["--merge"]);
    assert!(!run.status.success());
    let stderr = text(&run.stderr);
    assert!(stderr.contains("briefing.yaml:"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn a_seed_that_cannot_be_read_is_named_and_the_others_still_suggest() {
    let dir = project();
    std::fs::write(dir.path().join("seeds/bad.txt"), b"\x00\x01binary\x00\x00").unwrap();
    let run = suggest(dir.path(), &[]);
    assert!(!run.status.success());
    let stderr = text(&run.stderr);
    assert!(stderr.contains("seeds/bad.txt"), "{stderr}");
    assert!(dir.path().join("briefing.suggested.yaml").exists());
}

#[test]
fn a_project_without_documents_is_told_where_to_put_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("briefing.yaml"), "title: t\n").unwrap();
    let run = suggest(dir.path(), &[]);
    assert!(!run.status.success());
    assert!(
        text(&run.stderr).contains("seeds/<name>.txt"),
        "{}",
        text(&run.stderr)
    );
}
