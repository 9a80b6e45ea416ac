//! `briefing init`: a neutral starter that builds, the bundled corpus on
//! request, and never a file overwritten.

use std::path::Path;

use crate::support::{fails, ok, read, starter};

#[test]
fn a_new_project_builds_a_small_site_of_its_own() {
    let (_dir, project) = starter();
    let config = read(project.join("briefing.yaml"));
    assert!(!config.contains("Japan"), "the bundled taxonomy leaked in");
    assert!(config.contains("\nthemes: []"), "{config}");
    let built = ok(&project, &["build"]);
    assert!(built.starts_with("built "), "{built}");
    let page = read(project.join("public/documents/getting-started.html"));
    assert!(page.contains("Getting started with your briefing"));
    assert!(read(project.join("public/index.html")).contains("My Briefing"));
    let checked = ok(&project, &["check"]);
    assert!(checked.contains(": 0 problems"), "{checked}");
}

#[test]
fn the_example_is_the_bundled_corpus() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["init", "--example", "ex"]);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        read(dir.path().join("ex/briefing.yaml")),
        read(repo.join("briefing.yaml"))
    );
    for entry in std::fs::read_dir(repo.join("seeds")).unwrap() {
        let name = entry.unwrap().file_name();
        let copied = std::fs::read(dir.path().join("ex/seeds").join(&name)).unwrap();
        assert_eq!(
            copied,
            std::fs::read(repo.join("seeds").join(&name)).unwrap()
        );
    }
}

#[test]
fn a_folder_with_files_is_filled_only_with_force_and_nothing_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(project.join("briefing.yaml"), "title: Mine\n").unwrap();
    std::fs::write(project.join("notes.txt"), "keep me").unwrap();
    let err = fails(dir.path(), &["init", "p"]);
    assert!(
        err.contains("is not empty") && err.contains("--force"),
        "{err}"
    );
    assert!(!project.join("content").exists(), "a refused init wrote");

    let out = ok(dir.path(), &["init", "p", "--force"]);
    assert!(
        out.contains("kept the files already there (not overwritten): briefing.yaml"),
        "{out}"
    );
    assert_eq!(read(project.join("briefing.yaml")), "title: Mine\n");
    assert_eq!(read(project.join("notes.txt")), "keep me");
    assert!(project.join("content/getting-started.md").is_file());
}

#[test]
fn root_names_the_folder_to_make_and_may_not_contradict_dir() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["--root", "r", "init"]);
    assert!(dir.path().join("r/briefing.yaml").is_file());
    let err = fails(dir.path(), &["--root", "s", "init", "t"]);
    assert!(err.contains("not both"), "{err}");
    assert!(!dir.path().join("s").exists() && !dir.path().join("t").exists());
}
