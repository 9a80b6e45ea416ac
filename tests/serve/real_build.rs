//! The preview over the real build (`build::build`) of the `site-basic`
//! fixture: pages served with the script (not on disk), a content edit
//! reaching the page, a broken template standing over the last good site.

use std::path::Path;

use briefing::serve::{self, ServeOptions, Server};

use crate::client::{get, Events};

pub fn fixture_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site-basic");
    for entry in walkdir::WalkDir::new(&fixture).into_iter().flatten() {
        let relative = entry.path().strip_prefix(&fixture).unwrap();
        if relative.starts_with("expected") {
            continue;
        }
        let target = dir.path().join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    dir
}

fn start(root: &Path) -> Server {
    let mut options = ServeOptions::new(root);
    options.port = 0;
    options.quiet = true;
    let rebuild = serve::site_rebuild(root, &options.output).unwrap();
    Server::start(options, rebuild).expect("the server starts")
}

#[test]
fn a_real_site_follows_edits_and_survives_a_broken_template() {
    let project = fixture_project();
    let root = project.path();
    let server = start(root);
    let addr = server.address();
    let mut events = Events::connect(addr);
    assert_eq!(events.next().field("error"), None, "the fixture builds");

    let page = "/documents/tenth-dialogue.html";
    let served = get(addr, page);
    assert_eq!(served.status, 200);
    assert!(served.text().contains("/__briefing/reload.js"));
    let on_disk =
        std::fs::read_to_string(root.join("public/documents/tenth-dialogue.html")).unwrap();
    assert!(
        !on_disk.contains("__briefing"),
        "built files never carry the script"
    );

    let content = root.join("content/tenth-dialogue.md");
    let text = std::fs::read_to_string(&content).unwrap();
    let edited = text.replacen(
        "title: Tenth U.S.-Japan Policy Cooperation Dialogue on the Internet Economy Held",
        "title: Tenth Dialogue, Retitled While Serving",
        1,
    );
    assert_ne!(
        edited, text,
        "the fixture's title line is where the test expects"
    );
    std::fs::write(&content, &edited).unwrap();
    assert_eq!(events.next().name, "reload");
    assert!(get(addr, page)
        .text()
        .contains("Tenth Dialogue, Retitled While Serving"));
    assert!(get(addr, "/index.html")
        .text()
        .contains("Tenth Dialogue, Retitled While Serving"));
    // Briefing books and the search index are written after the reload;
    // asked for at once, they are served only when up to date.
    // Document titles are in the search index's document scripts.
    let search_index = format!("/{}/0.js", briefing::render::search::DOCS_DIR);
    for book in [
        "/print.html",
        "/print/dialogues/us-japan.html",
        &search_index,
    ] {
        assert!(
            get(addr, book)
                .text()
                .contains("Tenth Dialogue, Retitled While Serving"),
            "{book} served stale"
        );
    }

    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("static/style.css"), "body { color: teal; }\n").unwrap();
    assert_eq!(events.next().name, "reload", "a new static/ folder reloads");
    std::fs::write(root.join("static/style.css"), "body { color: navy; }\n").unwrap();
    assert_eq!(
        events.next().name,
        "css",
        "a stylesheet edit swaps in place"
    );
    assert!(get(addr, "/assets/style.css").text().contains("navy"));

    std::fs::write(
        &content,
        edited.replacen("date: 2019-10-18", "date: [oops", 1),
    )
    .unwrap();
    let failure = events.next();
    assert_eq!(failure.name, "build-error");
    let error = failure.field("error").unwrap();
    assert!(
        error.contains("tenth-dialogue.md:3:7: this [ list is never closed"),
        "file and line: {error}"
    );
    std::fs::write(&content, &edited).unwrap();
    assert_eq!(events.next().name, "reload");

    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(root.join("templates/404.html"), "<p>\n{{ broken }\n</p>\n").unwrap();
    let failure = events.next();
    assert_eq!(failure.name, "build-error");
    let error = failure.field("error").unwrap();
    assert!(
        error.contains("404.html"),
        "the error names the template: {error}"
    );
    let still = get(addr, page);
    assert!(
        still.text().contains("Retitled While Serving"),
        "the last good site stays"
    );
    assert!(
        still.text().contains("data-error="),
        "pages carry the standing error"
    );

    std::fs::remove_file(root.join("templates/404.html")).unwrap();
    let fixed = events.next();
    assert_eq!(fixed.name, "reload");
    assert!(!get(addr, page).text().contains("data-error="));
}

#[test]
fn a_bad_seed_stands_in_the_overlay_while_the_rest_is_served() {
    let project = fixture_project();
    let root = project.path();
    std::fs::create_dir_all(root.join("seeds")).unwrap();
    std::fs::write(root.join("seeds/empty.txt"), "\n").unwrap();
    let server = start(root);
    let addr = server.address();
    let mut events = Events::connect(addr);
    let error = events.next().field("error").expect("the error stands");
    assert!(error.contains("seeds/empty.txt: is empty"), "{error}");
    let page = get(addr, "/documents/tenth-dialogue.html");
    assert_eq!(page.status, 200, "the good documents are served");
    std::fs::write(
        root.join("seeds/empty.txt"),
        "A Policy Note\n\nThe participants discussed data flows and AI at length on that day.\n",
    )
    .unwrap();
    let notice = events.next();
    assert_eq!(notice.name, "reload");
    assert_eq!(notice.field("error"), None, "fixed");
}
