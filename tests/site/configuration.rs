//! `docs/configuration.md` documents every key the code accepts: in
//! `briefing.yaml` at each level, and in `seeds/<stem>.yaml`. The keys are
//! read from what `briefing build` answers for an unknown key ("expected
//! one of …"), so a key added to the code without a line in the document
//! fails here.

use std::path::Path;
use std::process::Command;

/// A `briefing.yaml` with `zz_unknown` at one level, and the document's
/// section for that level.
const LEVELS: &[(&str, &str)] = &[
    ("title: T\nzz_unknown: 1\n", "## `briefing.yaml`"),
    (
        "title: T\nthemes: [{slug: a, name: A, zz_unknown: 1}]\n",
        "### `themes`",
    ),
    (
        "title: T\ndialogues: [{slug: a, name: A, zz_unknown: 1}]\n",
        "### `dialogues`",
    ),
    (
        "title: T\nkinds: [{slug: a, name: A, zz_unknown: 1}]\n",
        "### `kinds`",
    ),
    (
        "title: T\norganisations: [{name: A, zz_unknown: 1}]\n",
        "### `organisations`",
    ),
    ("title: T\ningest: {zz_unknown: 1}\n", "### `ingest`"),
    ("title: T\nprint: {zz_unknown: 1}\n", "### `print`"),
];

/// The keys `briefing build` lists as expected in `root`.
fn expected_keys(root: &Path) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["build", "--root"])
        .arg(root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "an unknown key passed: {stderr}");
    let list = stderr
        .split_once("expected one of ")
        .unwrap_or_else(|| panic!("no list of keys in: {stderr}"))
        .1
        .lines()
        .next()
        .unwrap();
    list.split(", ")
        .map(|k| k.trim_matches('`').to_string())
        .collect()
}

/// The text of the section of `doc` headed `heading`, up to the next
/// heading of its level or higher.
fn section<'a>(doc: &'a str, heading: &str) -> &'a str {
    let start = doc
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("docs/configuration.md has no {heading:?}"));
    let level = heading.split(' ').next().unwrap();
    let rest = &doc[start + heading.len() + 2..];
    let end = rest
        .match_indices("\n#")
        .find(|(i, _)| {
            let hashes = rest[i + 1..].chars().take_while(|&c| c == '#').count();
            hashes <= level.len()
        })
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

fn assert_documented(keys: &[String], section_text: &str, heading: &str) {
    assert!(keys.len() >= 3, "too few keys read: {keys:?}");
    for key in keys {
        assert!(
            section_text.contains(&format!("| `{key}` |")),
            "docs/configuration.md, {heading}: no row for `{key}`"
        );
    }
}

#[test]
fn every_key_of_briefing_yaml_and_of_an_override_is_documented() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/configuration.md"
    ))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (yaml, heading) in LEVELS {
        std::fs::write(dir.path().join("briefing.yaml"), yaml).unwrap();
        let keys = expected_keys(dir.path());
        assert_documented(&keys, section(&doc, heading), heading);
    }
    std::fs::write(dir.path().join("briefing.yaml"), "title: T\n").unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    std::fs::write(
        dir.path().join("seeds/a.txt"),
        "A Title\n\nSome text of the document.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("seeds/a.yaml"), "zz_unknown: 1\n").unwrap();
    let keys = expected_keys(dir.path());
    let heading = "## `seeds/<stem>.yaml`";
    assert_documented(&keys, section(&doc, heading), heading);
}
