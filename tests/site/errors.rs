//! Failures: what the messages say, and that a failed build leaves the
//! previous site whole.

use std::path::Path;

use briefing::build::{build, BuildOptions};

use crate::support::*;

fn build_err(root: &Path) -> String {
    match build(root, &BuildOptions::default()) {
        Ok(_) => panic!("build should fail"),
        Err(e) => e.to_string(),
    }
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn unknown_slugs_in_every_file_are_reported_with_place_and_known_slugs() {
    let project = project();
    let root = project.path();
    edit(
        root,
        "content/networks-2021.md",
        "{slug: telecom, weight: 0.6}",
        "{slug: telcom, weight: 0.6}",
    );
    edit(
        root,
        "content/open-ran-note.md",
        "dialogues: [eu-japan]",
        "dialogues: [eu-japon]",
    );
    let msg = build_err(root);
    assert!(
        msg.contains("content/networks-2021.md:8:17: unknown theme \"telcom\""),
        "{msg}"
    );
    assert!(
        msg.contains("defines ai, data-flows, privacy, telecom"),
        "{msg}"
    );
    assert!(msg.contains("8 | themes: [{slug: telcom"), "{msg}");
    assert!(
        msg.contains("content/open-ran-note.md:4:13: unknown dialogue \"eu-japon\""),
        "{msg}"
    );
    assert!(msg.contains("defines us-japan, eu-japan"), "{msg}");
}

#[test]
fn a_yaml_error_names_file_and_line() {
    let project = project();
    edit(
        project.path(),
        "content/open-ran-note.md",
        "kind: other",
        "kind: [other",
    );
    let msg = build_err(project.path());
    assert!(msg.contains("content/open-ran-note.md:"), "{msg}");
}

/// Builds the project, replaces the template `name` with `text`, lets
/// `fails` build again and read the failure, and then checks that the
/// previous site is whole and no temporary folder is left.
fn with_broken_template(name: &str, text: &str, fails: impl FnOnce(&Path)) {
    let project = project();
    let root = project.path();
    build_ok(root);
    let before = snapshot(&root.join("public"));
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(root.join("templates").join(name), text).unwrap();
    fails(root);
    assert_eq!(before, snapshot(&root.join("public")));
    assert_no_temporary_folders(root);
}

#[test]
fn a_broken_template_names_itself_and_leaves_the_previous_site_whole() {
    let text = "{% extends \"base.html\" %}\n{% block content %}\n{{ page.year }\n{% endblock content %}\n";
    with_broken_template("year.html", text, |root| {
        let msg = build_err(root);
        assert!(msg.starts_with("template year.html:"), "{msg}");
        assert!(msg.contains("3:"), "the line is named: {msg}");
    });
}

#[test]
fn a_render_failure_midway_leaves_the_previous_site_whole() {
    with_broken_template("dialogue.html", "{{ page.no_such_field }}", |root| {
        let msg = build_err(root);
        assert!(msg.starts_with("template dialogue.html:"), "{msg}");
        assert!(msg.contains("no_such_field"), "{msg}");
    });
}

#[test]
fn a_template_failing_at_render_time_names_its_file_line_and_column() {
    // A title is no number: `int` fails on every document page.
    let text = "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ page.card.title }}</h1>\n<p>{{ page.card.title | int }}</p>\n{% endblock content %}\n";
    with_broken_template("document.html", text, |root| {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(["--root", root.to_str().unwrap(), "build"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "{stderr}");
        assert!(
            stderr.contains("template document.html: The string"),
            "{stderr}"
        );
        assert!(stderr.contains("--> document.html:4:25"), "{stderr}");
        assert!(
            stderr.contains("4 | <p>{{ page.card.title | int }}</p>"),
            "{stderr}"
        );
    });
}

fn assert_no_temporary_folders(root: &Path) {
    let left: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("public."))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
