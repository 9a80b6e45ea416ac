//! Live reload: edits rebuild the site and reach open pages as events, only
//! once the new files are served; build errors stand over the old site.

use std::path::PathBuf;
use std::time::Duration;

use crate::client::{get, Events};
use crate::fixture::Project;

/// Long enough for the debounce and a build to have happened if one was due.
const QUIET: Duration = Duration::from_millis(600);

#[test]
fn an_edit_reloads_open_pages_with_the_new_content_in_place() {
    let project = Project::new();
    let running = project.serve();
    let mut events = Events::connect(running.addr());
    let hello = events.next();
    assert_eq!(hello.name, "hello");

    project.write(
        "content/alpha.md",
        "Alpha title\n\nSecond version of alpha.\n",
    );
    let reload = events.next();
    assert_eq!(reload.name, "reload");
    assert_ne!(reload.field("generation"), hello.field("generation"));
    // Told to reload only once the new page is served.
    let page = get(running.addr(), "/alpha.html");
    assert!(page.text().contains("Second version"), "{}", page.text());
    let last = project.builds.lock().unwrap().last().cloned().unwrap();
    assert_eq!(last.paths, vec![PathBuf::from("content/alpha.md")]);
}

#[test]
fn a_stylesheet_change_swaps_css_without_a_reload() {
    let project = Project::new();
    let running = project.serve();
    let mut events = Events::connect(running.addr());
    events.next();
    project.write("static/site.css", "body { color: navy; }\n");
    assert_eq!(events.next().name, "css");
    assert!(get(running.addr(), "/site.css").text().contains("navy"));
}

#[test]
fn a_build_error_shows_over_the_last_good_site_until_fixed() {
    let project = Project::new();
    let running = project.serve();
    let mut events = Events::connect(running.addr());
    events.next();

    project.write("content/alpha.md", "Alpha title\n\nBROKEN here\n");
    let failure = events.next();
    assert_eq!(failure.name, "build-error");
    let error = failure.field("error").expect("the error text");
    assert!(
        error.starts_with("content/alpha.md:3:1: cannot parse BROKEN"),
        "{error}"
    );

    let page = get(running.addr(), "/alpha.html");
    assert!(
        page.text().contains("First version"),
        "the last good site stays"
    );
    assert!(
        page.text()
            .contains("data-error=\"content/alpha.md:3:1: cannot parse BROKEN"),
        "pages fetched while the error stands carry it: {}",
        page.text()
    );
    let mut late = Events::connect(running.addr());
    let hello = late.next();
    assert_eq!(hello.field("error"), Some(error));

    project.write("content/alpha.md", "Alpha title\n\nFixed alpha.\n");
    let reload = events.next();
    assert_eq!(reload.name, "reload");
    assert_eq!(reload.field("error"), None);
    let page = get(running.addr(), "/alpha.html");
    assert!(page.text().contains("Fixed alpha."));
    assert!(!page.text().contains("data-error"), "{}", page.text());
}

#[test]
fn a_page_that_missed_a_reload_learns_of_it_on_connecting() {
    let project = Project::new();
    let running = project.serve();
    let page = get(running.addr(), "/alpha.html").text();
    let mut watching = Events::connect(running.addr());
    watching.next();
    project.write("content/beta.md", "Beta title\n\nNew beta.\n");
    assert_eq!(watching.next().name, "reload");

    let mut late = Events::connect(running.addr());
    let hello = late.next();
    let current = hello.field("generation").unwrap();
    assert!(
        !page.contains(&format!("data-generation=\"{current}\"")),
        "the old page's generation differs, so its script reloads it"
    );
    assert!(get(running.addr(), "/alpha.html")
        .text()
        .contains(&format!("data-generation=\"{current}\"")));
}

#[test]
fn editor_temp_files_and_the_output_folder_start_no_build() {
    let project = Project::new();
    let running = project.serve();
    let mut events = Events::connect(running.addr());
    events.next();
    let builds = project.build_count();
    project.write("content/.alpha.md.swp", "swap");
    project.write("content/alpha.md~", "backup");
    project.write("content/.#alpha.md", "lock");
    project.write("content/4913", "");
    project.write("public/stray.html", "<p>written by hand</p>");
    project.write("notes.txt", "not a source");
    assert!(
        events.next_within(QUIET).is_none(),
        "no event for temp files"
    );
    assert_eq!(project.build_count(), builds);
    drop(running);
}

#[test]
fn an_atomic_save_is_one_change_to_the_real_file() {
    let project = Project::new();
    let running = project.serve();
    let mut events = Events::connect(running.addr());
    events.next();
    let builds = project.build_count();
    project.write("content/alpha.md.tmp", "Alpha title\n\nSaved atomically.\n");
    std::fs::rename(
        project.path("content/alpha.md.tmp"),
        project.path("content/alpha.md"),
    )
    .unwrap();
    assert_eq!(events.next().name, "reload");
    assert!(get(running.addr(), "/alpha.html")
        .text()
        .contains("Saved atomically."));
    assert!(events.next_within(QUIET).is_none(), "one save, one reload");
    assert_eq!(project.build_count(), builds + 1);
    let last = project.builds.lock().unwrap().last().cloned().unwrap();
    assert_eq!(last.paths, vec![PathBuf::from("content/alpha.md")]);
}

#[test]
fn source_folders_created_later_are_watched() {
    let project = Project::new();
    let running = project.serve();
    let mut events = Events::connect(running.addr());
    events.next();
    project.write("templates/page.html", "{{ title }}");
    assert_eq!(events.next().name, "reload");
    // Now inside the new folder.
    project.write("templates/page.html", "<h1>{{ title }}</h1>");
    assert_eq!(events.next().name, "reload");
    let last = project.builds.lock().unwrap().last().cloned().unwrap();
    assert_eq!(last.paths, vec![PathBuf::from("templates/page.html")]);
}

#[test]
fn a_deleted_document_rebuilds() {
    let project = Project::new();
    let running = project.serve();
    let mut events = Events::connect(running.addr());
    events.next();
    std::fs::remove_file(project.path("content/beta.md")).unwrap();
    assert_eq!(events.next().name, "reload");
    assert_eq!(get(running.addr(), "/beta.html").status, 404);
}

#[test]
fn files_the_build_writes_into_the_sources_start_no_second_build() {
    let project = Project::new();
    std::fs::remove_dir_all(project.path("content")).unwrap();
    // Like ingest: the build writes content/ from a seed, and says so.
    let running = project.serve_with(|root| {
        let generated = root.join("content/from-seed.md");
        if !generated.exists() {
            std::fs::create_dir_all(generated.parent().unwrap()).unwrap();
            std::fs::write(&generated, "From seed\n\nIngested.\n").unwrap();
        }
        let mut outcome = crate::fixture::fake_build(root)?;
        outcome.written_sources = vec![PathBuf::from("content/from-seed.md")];
        Ok(outcome)
    });
    let mut events = Events::connect(running.addr());
    events.next();
    assert!(
        events.next_within(QUIET).is_none(),
        "no rebuild for the build's own writes"
    );
    assert_eq!(project.build_count(), 1);

    project.write("content/from-seed.md", "From seed\n\nEdited by hand.\n");
    assert_eq!(events.next().name, "reload");
    assert_eq!(project.build_count(), 2);
}
