//! The fixture site: what pages exist, how they link, what they show.

use std::collections::BTreeSet;
use std::path::Path;

use briefing::check::{check_content, check_site};
use briefing::content::ContentFile;
use briefing::search::passages::{bucket_count, bucket_of};
use briefing::search::script::text_script_name;
use briefing::Config;

use crate::support::*;

#[test]
fn writes_every_page_kind() {
    let project = project();
    let report = build_ok(project.path());
    let site = project.path().join("public");
    for page in [
        "index.html",
        "themes.html",
        "dialogues.html",
        "years.html",
        "glossary.html",
        "404.html",
        "search.html",
        "search-index.js",
        "feed.xml",
        "sitemap.xml",
        "themes/ai.html",
        "themes/ai.xml",
        "themes/data-flows.page-2.html",
        "dialogues/us-japan.html",
        "dialogues/us-japan.page-2.html",
        "years/2019.html",
        "years/2022.html",
        "documents/tenth-dialogue.html",
        "documents/open-ran-note.html",
        "assets/style.css",
        "assets/favicon.svg",
        "assets/highlight.css",
        "sources/tenth-dialogue.txt",
        "print.html",
        "print/themes/ai.html",
        "print/dialogues/eu-japan.html",
        "print/years/2022.html",
        "assets/print.css",
    ] {
        assert!(site.join(page).is_file(), "{page} missing");
    }
    let bucket = bucket_of("tenth-dialogue", bucket_count(report.documents));
    let passages = site.join(text_script_name(bucket));
    let passages = std::fs::read_to_string(passages).expect("its passage script");
    assert!(passages.contains("BRIEFING_SEARCH_TEXT(\"tenth-dialogue\","));
    assert!(!site.join("years/undated.html").exists());
    // 36 site pages (search included; a dialogue and a year take two pages at
    // paginate_by 2), the briefing book and 11 packs (4 themes, 2 dialogues, 5 years).
    assert_eq!(report.pages, 48);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn check_passes_on_the_built_site() {
    let project = project();
    build_ok(project.path());
    let config = Config::load(project.path()).unwrap();
    assert_eq!(
        check_content(project.path(), &config).unwrap().problems,
        Vec::<briefing::check::Problem>::new()
    );
    let report = check_site(&project.path().join("public")).unwrap();
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert!(report.links > 500, "{}", report.links);
}

#[test]
fn every_theme_dialogue_and_year_page_is_reachable_from_home() {
    let project = project();
    build_ok(project.path());
    let site = project.path().join("public");
    let mut seen = BTreeSet::from(["index.html".to_string()]);
    let mut queue = vec!["index.html".to_string()];
    while let Some(page) = queue.pop() {
        for next in linked_pages(&site, &page) {
            if site.join(&next).is_file() && seen.insert(next.clone()) {
                queue.push(next);
            }
        }
    }
    for entry in walkdir::WalkDir::new(&site) {
        let entry = entry.unwrap();
        let page = entry
            .path()
            .strip_prefix(&site)
            .unwrap()
            .to_string_lossy()
            .to_string();
        if page.ends_with(".html") && page != "404.html" {
            assert!(seen.contains(&page), "{page} is not reachable from home");
        }
    }
}

#[test]
fn every_document_is_linked_from_its_theme_dialogue_and_year_pages() {
    let project = project();
    build_ok(project.path());
    let site = project.path().join("public");
    for entry in std::fs::read_dir(project.path().join("content")).unwrap() {
        let path = entry.unwrap().path();
        let file = ContentFile::parse(&path, &std::fs::read_to_string(&path).unwrap()).unwrap();
        let front = file.front_matter;
        let slug = path.file_stem().unwrap().to_string_lossy();
        let target = format!("documents/{slug}.html");
        let mut sources: Vec<Vec<String>> = Vec::new();
        for theme in &front.themes {
            sources.push(list_pages(&site, "themes", &theme.slug));
        }
        for dialogue in &front.dialogues {
            sources.push(list_pages(&site, "dialogues", dialogue));
        }
        match front.date {
            Some(date) => sources.push(list_pages(&site, "years", &date.year.to_string())),
            None => sources.push(vec!["years.html".to_string()]),
        }
        for pages in sources {
            let linked = pages
                .iter()
                .any(|p| linked_pages(&site, p).contains(&target));
            assert!(linked, "{target} is not linked from {pages:?}");
        }
    }
}

/// A theme's, dialogue's or year's first page and the pages its pagination leads to.
fn list_pages(site: &Path, folder: &str, name: &str) -> Vec<String> {
    let first = format!("{folder}/{name}.html");
    let mut pages: Vec<String> = linked_pages(site, &first)
        .into_iter()
        .filter(|p| p.starts_with(&format!("{folder}/{name}.page-")))
        .collect();
    pages.push(first);
    pages
}

#[test]
fn two_builds_write_identical_bytes() {
    let project = project();
    build_ok(project.path());
    let first = snapshot(&project.path().join("public"));
    build_ok(project.path());
    assert_eq!(first, snapshot(&project.path().join("public")));
    let leftovers: Vec<_> = std::fs::read_dir(project.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("public."))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn recurring_pledges_show_once_with_every_place() {
    let project = project();
    build_ok(project.path());
    let site = project.path().join("public");
    let page = read(&site, "themes/data-flows.html");
    let pledge = between(&page, "class=\"pledge pledge--repeated\"", "</ul>");
    assert!(pledge.contains("Made 3 times"), "{pledge}");
    for doc in [
        "eu-japan-summit-2023",
        "eu-data-commentary",
        "tenth-dialogue",
    ] {
        assert!(
            pledge.contains(&format!("../documents/{doc}.html#")),
            "{doc}: {pledge}"
        );
    }
    assert!(read(&site, "themes/privacy.html").contains("Made 2 times"));
    assert!(!read(&site, "themes/data-flows.page-2.html").contains("pledges-title"));
}

#[test]
fn document_pages_link_acronyms_sources_chips_and_neighbours() {
    let project = project();
    build_ok(project.path());
    let site = project.path().join("public");
    let page = read(&site, "documents/tenth-dialogue.html");
    assert!(page.contains(
        "<abbr title=\"Data Free Flow with Trust\"><a href=\"../glossary.html#g-DFFT\">DFFT</a></abbr>"
    ));
    assert!(read(&site, "glossary.html").contains("id=\"g-DFFT\""));
    assert!(page.contains("href=\"../sources/tenth-dialogue.txt\""));
    assert!(
        page.contains("<a class=\"chip\" href=\"../themes/ai.html\">Artificial intelligence</a>")
    );
    assert!(page.contains("rel=\"next\">Joint Statement on Secure Networks and Privacy</a>"));
    assert!(
        !page.contains("highlight.css"),
        "no code, no highlight stylesheet"
    );
    let code = read(&site, "documents/eu-data-commentary.html");
    assert!(code.contains("assets/highlight.css"));
    assert!(code.contains("<pre class=\"hl-code\" data-lang=\"yaml\"><code><span class=\"hl-"));
    assert!(
        code.contains("&lt;script&gt;alert"),
        "raw HTML is shown as text"
    );
    assert!(!code.contains("<script>alert"));
}

#[test]
fn undated_documents_are_listed_apart_and_left_out_of_feeds() {
    let project = project();
    build_ok(project.path());
    let site = project.path().join("public");
    let years = read(&site, "years.html");
    let undated = between(&years, "id=\"undated\"", "</section>");
    assert!(
        undated.contains("documents/open-ran-note.html"),
        "{undated}"
    );
    let feed = read(&site, "feed.xml");
    assert_eq!(feed.matches("<entry>").count(), 5);
    assert!(feed.contains("<updated>2024-03-01T00:00:00Z</updated>"));
    assert!(
        feed.contains("<id>https://example.org/test-briefing/documents/ai-letter-2024.html</id>")
    );
    assert!(!feed.contains("open-ran-note"));
}

#[test]
fn links_are_relative_and_to_files() {
    let project = project();
    build_ok(project.path());
    let site = project.path().join("public");
    for page in [
        "index.html",
        "themes/ai.html",
        "documents/networks-2021.html",
    ] {
        for href in hrefs(&read(&site, page)) {
            if href.starts_with("https://") {
                continue;
            }
            assert!(!href.starts_with('/'), "{page}: {href}");
            let path = href.split('#').next().unwrap();
            assert!(path.is_empty() || !path.ends_with('/'), "{page}: {href}");
        }
    }
}

#[test]
fn matrix_snapshot() {
    let project = project();
    build_ok(project.path());
    let home = read(&project.path().join("public"), "index.html");
    assert_golden(
        "matrix.html",
        between(&home, "<table class=\"matrix\">", "</table>"),
    );
}

#[test]
fn section_snapshot() {
    let project = project();
    build_ok(project.path());
    let page = read(
        &project.path().join("public"),
        "documents/tenth-dialogue.html",
    );
    assert_golden(
        "tenth-dialogue-outcomes.html",
        between(&page, "<h2 id=\"outcomes\">", "</ul>\n</li>\n</ul>"),
    );
}

#[test]
fn a_pledge_made_before_the_first_heading_links_to_the_top_of_its_document() {
    let project = project();
    build_ok(project.path());
    let page = read(
        &project.path().join("public"),
        "documents/ai-letter-2024.html",
    );
    let pledges = between(&page, "id=\"pledges-title\"", "</section>");
    assert!(
        pledges.contains("We will keep meeting every spring."),
        "{pledges}"
    );
    assert!(pledges.contains("href=\"#page-title\""), "{pledges}");
}

#[test]
fn print_books_hold_at_most_max_documents_and_say_what_is_left_out() {
    let project = project();
    let yaml = project.path().join("briefing.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}\nprint:\n  max_documents: 2\n")).unwrap();
    build_ok(project.path());
    let book = read(&project.path().join("public"), "print.html");
    assert_eq!(
        book.matches("<article class=\"doc ").count(),
        2,
        "two documents printed"
    );
    assert!(
        book.contains("The 2 newest of 6 documents"),
        "the cover says what is left out"
    );
}

#[test]
fn document_cards_show_only_their_strongest_themes() {
    // The bundled seeds' documents carry up to seventeen themes each.
    let project = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("content"), &project.path().join("content"));
    std::fs::copy(
        repo.join("briefing.yaml"),
        project.path().join("briefing.yaml"),
    )
    .unwrap();
    build_ok(project.path());
    let home = read(&project.path().join("public"), "index.html");
    let cards: Vec<&str> = home.split("<article class=\"card\">").skip(1).collect();
    assert!(!cards.is_empty());
    let chips: Vec<usize> = cards
        .iter()
        .map(|card| {
            card[..card.find("</article>").unwrap()]
                .matches("class=\"chip\"")
                .count()
        })
        .collect();
    assert!(chips.iter().all(|&n| n <= 4), "{chips:?}");
    assert!(chips.contains(&4), "{chips:?}");
}
