//! Project files over the embedded defaults, and projects with less than a full set-up.

use crate::support::*;

#[test]
fn project_templates_and_static_files_win_over_the_defaults() {
    let project = project();
    let root = project.path();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(
        root.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Lost in the briefing</h1>{% endblock content %}",
    )
    .unwrap();
    std::fs::write(root.join("static/style.css"), "body { color: red; }\n").unwrap();
    std::fs::write(root.join("static/logo.svg"), "<svg/>").unwrap();
    build_ok(root);
    let site = root.join("public");
    let not_found = read(&site, "404.html");
    assert!(not_found.contains("<h1>Lost in the briefing</h1>"));
    assert!(
        not_found.contains("class=\"skip-link\""),
        "the default base.html still frames it"
    );
    assert_eq!(read(&site, "assets/style.css"), "body { color: red; }\n");
    assert_eq!(read(&site, "assets/logo.svg"), "<svg/>");
    assert!(read(&site, "assets/favicon.svg").contains("<svg"));
}

#[test]
fn a_folder_with_only_content_and_the_bundled_config_builds() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("briefing.yaml"),
        briefing::config::DEFAULT_CONFIG,
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/note.md"),
        "---\ntitle: A note\ndate: 2024\nthemes: [{slug: ai, weight: 1}]\n---\n\n## AI {#ai .ai}\n\nText.\n",
    )
    .unwrap();
    build_ok(dir.path());
    let site = dir.path().join("public");
    assert!(read(&site, "index.html").contains("U.S.–Japan and EU–Japan Digital Economy Briefing"));
    assert!(read(&site, "themes/ai.html").contains("../documents/note.html#ai"));
    assert!(site.join("years/2024.html").is_file());
}

#[test]
fn a_project_of_only_briefing_yaml_builds_an_empty_site() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("briefing.yaml"), "title: Empty\n").unwrap();
    let report = build_ok(dir.path());
    assert!(report.pages > 0);
    assert!(read(&dir.path().join("public"), "index.html").contains("<strong>0</strong> documents"));
}
