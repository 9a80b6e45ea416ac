//! `-q`, `-v` and `--json`: what each command prints where.

use crate::support::{content, ok, run, starter};

const SEED: &str = "Harbour Dredging Plan\n\nThe harbour authority will dredge the northern channel next spring.\n";

#[test]
fn quiet_prints_only_errors_and_verbose_prints_stages_and_files() {
    let (_dir, project) = starter();
    std::fs::write(project.join("seeds/plan.txt"), SEED).unwrap();
    std::fs::write(project.join("seeds/notes.docx"), "not read").unwrap();
    let quiet = run(&project, &["-q", "build"]);
    assert!(quiet.status.success());
    assert_eq!(String::from_utf8_lossy(&quiet.stdout), "");
    assert_eq!(String::from_utf8_lossy(&quiet.stderr), "");

    let normal = run(&project, &["build"]);
    let stderr = String::from_utf8_lossy(&normal.stderr);
    assert!(
        stderr.contains("warning: skipped seeds/notes.docx"),
        "{stderr}"
    );
    assert!(!stderr.contains("after loading the site"), "{stderr}");

    let verbose = run(&project, &["build", "-v"]);
    let stderr = String::from_utf8_lossy(&verbose.stderr);
    assert!(stderr.contains("after loading the site: "), "{stderr}");
    assert!(
        stderr.contains("seeds/plan.txt -> content/harbour-dredging-plan.md (unchanged)"),
        "{stderr}"
    );

    // An error is printed even when quiet.
    std::fs::write(project.join("seeds/empty.txt"), "").unwrap();
    let failed = run(&project, &["-q", "build"]);
    assert!(!failed.status.success());
    assert_eq!(String::from_utf8_lossy(&failed.stdout), "");
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        stderr.contains("error: ") && stderr.contains("empty.txt"),
        "{stderr}"
    );
}

#[test]
fn ingest_json_is_one_document_with_a_row_per_seed() {
    let (_dir, project) = starter();
    std::fs::write(project.join("seeds/plan.txt"), SEED).unwrap();
    std::fs::write(project.join("seeds/empty.txt"), "  \n").unwrap();
    std::fs::write(project.join("seeds/notes.docx"), "not read").unwrap();
    let out = run(&project, &["ingest", "--json"]);
    assert!(!out.status.success(), "a seed failed, so the status is 1");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    let documents = json["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 1, "{json:#}");
    let plan = &documents[0];
    assert_eq!(plan["seed"], "seeds/plan.txt");
    assert_eq!(plan["content"], "content/harbour-dredging-plan.md");
    assert_eq!(plan["title"], "Harbour Dredging Plan");
    assert_eq!(plan["outcome"], "written");
    assert!(plan["check"]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k == "date"));
    assert_eq!(json["errors"][0]["file"], "seeds/empty.txt");
    assert!(json["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("empty"));
    assert_eq!(json["skipped"][0]["file"], "seeds/notes.docx");
    assert!(json["warnings"].is_array() && json["new_series"].is_array());

    let again = run(&project, &["ingest", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(json["documents"][0]["outcome"], "unchanged");
}

#[test]
fn check_json_names_each_problems_file_and_line() {
    let (_dir, project) = starter();
    ok(&project, &["build"]);
    content(&project, "bad", "title: Bad\nkind: memo", "Text.");
    let index = project.join("public/index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    std::fs::write(
        &index,
        html.replace("</main>", "<a href=\"gone.html\">x</a></main>"),
    )
    .unwrap();
    let out = run(&project, &["check", "--json"]);
    assert!(!out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    assert!(json["pages"].as_u64().unwrap() > 5, "{json:#}");
    let problems = json["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2, "{json:#}");
    let kind = &problems[0];
    assert!(
        kind["file"].as_str().unwrap().ends_with("content/bad.md"),
        "{kind}"
    );
    assert_eq!(kind["line"], 3);
    assert!(kind["message"]
        .as_str()
        .unwrap()
        .contains("unknown kind \"memo\""));
    let link = &problems[1];
    assert_eq!(link["file"], "index.html");
    assert!(link["line"].is_null());
    assert!(link["message"].as_str().unwrap().contains("gone.html"));
}
