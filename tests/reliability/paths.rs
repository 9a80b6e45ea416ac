//! Paths: nothing a document says, and no file name, makes a build write
//! outside `public/` or publish a file from outside the project.

use std::path::{Path, PathBuf};

use crate::support::*;

/// Every path under `root`, relative.
fn tree(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap().path().strip_prefix(root).unwrap().to_path_buf())
        .collect()
}

#[test]
fn a_build_writes_only_inside_public() {
    let outer = tempfile::tempdir().unwrap();
    let root = outer.path().join("project");
    std::fs::create_dir(&root).unwrap();
    copy_dir(&Path::new(FIXTURES).join("hostile"), &root);
    let before_outer = tree(outer.path());
    let before = snapshot(&root);
    build_ok(&root);
    let written: Vec<PathBuf> = tree(outer.path())
        .into_iter()
        .filter(|p| !before_outer.contains(p))
        .collect();
    for path in &written {
        let inside = path.starts_with("project/public")
            || path == Path::new("project/.public.lock")
            || path == Path::new("project/.public.build.json");
        assert!(inside, "wrote {}", path.display());
    }
    let after = snapshot(&root);
    for (path, bytes) in &before {
        assert_eq!(after.get(path), Some(bytes), "{} changed", path.display());
    }
}

#[test]
fn odd_file_names_become_safe_distinct_pages_with_a_warning_for_clashes() {
    let project = project("hostile");
    let root = project.path();
    let report = build_ok(root);
    let documents: Vec<String> = std::fs::read_dir(root.join("public/documents"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        documents,
        [
            "ai-2.html",
            "con-page.html",
            "dup-slug-2.html",
            "dup-slug.html",
            "odd-name-u-x-q.html",
            "script-everywhere.html"
        ]
    );
    let warnings = report.warnings.join("\n");
    assert!(
        warnings.contains("dup-slug.md: its page name \"dup-slug\" is also that of")
            && warnings.contains("Dup Slug.md; it is written as documents/dup-slug-2.html"),
        "{warnings}"
    );
    // The first file by name keeps the slug, whatever order the disk lists them in.
    let first = std::fs::read_to_string(root.join("public/documents/dup-slug.html")).unwrap();
    assert!(first.contains("The first of two files"));
}

#[test]
fn theme_pages_never_share_a_name_with_another_theme() {
    let project = project("hostile");
    let root = project.path();
    build_ok(root);
    // Theme `ai` has four documents, one per page; theme `ai-2` is another theme.
    let ai_2 = std::fs::read_to_string(root.join("public/themes/ai-2.html")).unwrap();
    let ai_page_2 = std::fs::read_to_string(root.join("public/themes/ai.page-2.html")).unwrap();
    assert!(
        ai_2.contains("<h1") && ai_2.contains("AI, the sequel"),
        "{ai_2}"
    );
    assert!(!ai_page_2.contains("AI, the sequel</h1>"), "{ai_page_2}");
}

#[test]
fn sources_outside_the_project_are_never_published() {
    let outer = tempfile::tempdir().unwrap();
    std::fs::write(outer.path().join("secret.txt"), "secret").unwrap();
    let project = empty_project();
    let root = project.path();
    std::fs::create_dir(root.join("docs")).unwrap();
    std::os::unix::fs::symlink(outer.path().join("secret.txt"), root.join("docs/link.txt"))
        .unwrap();
    std::fs::write(root.join("docs/real.txt"), "the original").unwrap();
    let escapes = [
        "docs/link.txt",
        "../../etc/passwd",
        "/etc/passwd",
        "C:\\\\Windows\\\\win.ini",
        "docs/../../secret.txt",
    ];
    for (i, file) in escapes.iter().enumerate() {
        content(
            root,
            &format!("e{i}.md"),
            &format!("---\ntitle: E{i}\nsource: {{file: \"{file}\", sha256: x}}\n---\nText.\n"),
        );
    }
    content(
        root,
        "ok.md",
        "---\ntitle: Ok\nsource: {file: docs/real.txt, sha256: x}\n---\nText.\n",
    );
    let report = build_ok(root);
    let published: Vec<_> = std::fs::read_dir(root.join("public/sources"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(published, ["real.txt"]);
    let warnings = report.warnings.join("\n");
    for i in 0..escapes.len() {
        assert!(
            warnings.contains(&format!("e{i}.md: source file")),
            "{warnings}"
        );
    }
    assert!(
        warnings.contains("is not a file inside the project"),
        "{warnings}"
    );
}
