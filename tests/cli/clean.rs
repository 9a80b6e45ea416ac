//! `briefing clean` removes what builds wrote and nothing else.

use crate::support::{fails, ok, starter};

#[test]
fn clean_removes_the_site_and_the_builds_files_only() {
    let (_dir, project) = starter();
    std::fs::write(project.join("seeds/plan.txt"), "Harbour Dredging Plan\n\nThe harbour authority will dredge the northern channel next spring.\n").unwrap();
    ok(&project, &["build"]);
    assert!(project.join(".public.build.json").is_file());
    let out = ok(&project, &["clean"]);
    assert!(out.contains("removed the built site"), "{out}");
    for gone in ["public", ".public.build.json", ".public.lock"] {
        assert!(!project.join(gone).exists(), "{gone} is still there");
    }
    for kept in [
        "briefing.yaml",
        "seeds/plan.txt",
        "content/getting-started.md",
    ] {
        assert!(project.join(kept).is_file(), "{kept} was removed");
    }
    assert!(project.join("content/harbour-dredging-plan.md").is_file());
    let again = ok(&project, &["clean"]);
    assert!(again.contains("nothing to clean"), "{again}");
}

#[test]
fn clean_refuses_what_is_not_a_project_or_not_a_built_site() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("public")).unwrap();
    std::fs::write(dir.path().join("public/index.html"), "mine").unwrap();
    let err = fails(dir.path(), &["clean"]);
    assert!(err.contains("not a briefing project"), "{err}");
    assert!(dir.path().join("public/index.html").is_file());

    let (_dir, project) = starter();
    std::fs::create_dir(project.join("public")).unwrap();
    std::fs::write(project.join("public/index.html"), "mine").unwrap();
    let err = fails(&project, &["clean"]);
    assert!(err.contains("is not a site that briefing built"), "{err}");
    assert!(project.join("public/index.html").is_file());
    let err = fails(&project, &["clean", "-o", "content"]);
    assert!(err.contains("content/"), "{err}");
    assert!(project.join("content/getting-started.md").is_file());
}
