//! Every error a user can cause names the file (and line, where we parse
//! it) and says what to do about it.

use std::path::Path;

use crate::support::*;

/// One broken project: the files to write, then what the message must say.
struct Case {
    what: &'static str,
    files: &'static [(&'static str, &'static [u8])],
    says: &'static [&'static str],
}

const GOOD: &[u8] = b"---\ntitle: Good\nthemes: [{slug: ai, weight: 1.0}]\n---\n\nAI.\n";

const CASES: &[Case] = &[
    Case {
        what: "config syntax",
        files: &[("briefing.yaml", b"title: T\nthemes: [\n  {slug: ai\n")],
        says: &["briefing.yaml:"],
    },
    Case {
        what: "config unknown key",
        files: &[("briefing.yaml", b"title: T\nthemse: []\n")],
        says: &["briefing.yaml:2:1: unknown field `themse`", "expected one of"],
    },
    Case {
        what: "config bad slug",
        files: &[("briefing.yaml", b"title: T\nthemes:\n  - {slug: A I, name: x}\n")],
        says: &["briefing.yaml: theme slug \"A I\" must be lower-case letters, digits and '-' only"],
    },
    Case {
        what: "no front matter",
        files: &[("content/a.md", b"title: A\n\nBody\n")],
        says: &["content/a.md:1:1: no front matter", "did you forget the opening `---`?"],
    },
    Case {
        what: "unclosed front matter",
        files: &[("content/a.md", b"---\ntitle: A\n\nBody\n")],
        says: &["content/a.md:1:1: front matter is not closed", "add a line `---`"],
    },
    Case {
        what: "bad date",
        files: &[("content/a.md", b"---\ntitle: A\ndate: 2024-02-30\n---\n")],
        says: &["content/a.md:3:", "write YYYY-MM-DD, YYYY-MM or YYYY"],
    },
    Case {
        what: "unknown theme slug",
        files: &[("content/a.md", b"---\ntitle: A\nthemes: [{slug: aj, weight: 1}]\n---\n")],
        says: &["content/a.md:3:", "unknown theme \"aj\"", "defines ai, data"],
    },
    Case {
        what: "empty title",
        files: &[("content/a.md", b"---\ntitle: ' '\n---\n")],
        says: &["content/a.md:2:1: title is empty: give the document a title"],
    },
    Case {
        what: "content not UTF-8",
        files: &[("content/a.md", b"---\ntitle: A\n---\n\xff\xfe\n")],
        says: &["content/a.md: ", "UTF-8"],
    },
    Case {
        what: "seed with a NUL byte",
        files: &[("seeds/s.txt", b"A title\n\nSome text\0 here.\n")],
        says: &["seeds/s.txt: ", "NUL byte"],
    },
    Case {
        what: "seed override with an unknown key",
        files: &[
            ("seeds/s.txt", b"A Policy Note\n\nThe participants discussed data flows and AI at length today.\n"),
            ("seeds/s.yaml", b"titel: X\n"),
        ],
        says: &["seeds/s.yaml:1:1: unknown field `titel`"],
    },
    Case {
        what: "broken template",
        files: &[("templates/year.html", b"{% extends \"base.html\" %}\n{% block content %}\n{{ page.year }\n{% endblock content %}\n")],
        says: &["template year.html:", "3:"],
    },
    Case {
        what: "reserved theme slug",
        files: &[("briefing.yaml", b"title: T\nthemes:\n  - {slug: nul, name: x}\n")],
        says: &["briefing.yaml: theme slug \"nul\" is a reserved file name on Windows; choose another"],
    },
];

#[test]
fn every_error_names_its_file_and_what_to_do() {
    for case in CASES {
        let project = empty_project();
        let root = project.path();
        content(root, "good.md", std::str::from_utf8(GOOD).unwrap());
        for (name, bytes) in case.files {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, bytes).unwrap();
        }
        let msg = build_err(root);
        for needle in case.says {
            assert!(
                msg.contains(needle),
                "{}: {needle:?} not in:\n{msg}",
                case.what
            );
        }
        // A bad seed stops only itself: the site holds every other
        // document. Any other error leaves no site at all.
        let seed_only = case
            .files
            .iter()
            .all(|(name, _)| name.starts_with("seeds/"));
        assert_eq!(
            root.join("public/documents/good.html").exists(),
            seed_only,
            "{}: a site is written only around a bad seed",
            case.what
        );
        assert!(leftovers(root).is_empty(), "{}", case.what);
    }
}

#[test]
fn an_empty_project_says_where_documents_go() {
    let project = empty_project();
    std::fs::remove_dir(project.path().join("content")).unwrap();
    let report = build_ok(project.path());
    let warnings = report.warnings.join("\n");
    assert!(warnings.contains("no documents"), "{warnings}");
    assert!(
        warnings.contains("seeds/") && warnings.contains("content/"),
        "{warnings}"
    );
}

#[test]
fn a_failed_build_leaves_the_previous_site_and_no_leftovers() {
    let project = project("hostile");
    let root = project.path();
    build_ok(root);
    let before = snapshot(&root.join("public"));
    content(root, "broken.md", "---\ntitle: [\n---\n");
    let msg = build_err(root);
    assert!(msg.contains("content/broken.md:"), "{msg}");
    assert_eq!(before, snapshot(&root.join("public")));
    assert!(leftovers(root).is_empty());
    assert!(!Path::new(&root.join("public.tmp")).exists());
}

#[test]
fn a_missing_project_folder_is_an_error_and_nothing_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("no-such-project");
    let msg = build_err(&root);
    assert!(
        msg.contains("no-such-project") && msg.contains("briefing init"),
        "{msg}"
    );
    assert!(!root.exists(), "the mistyped folder was made");
}
