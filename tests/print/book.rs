//! The print page and the packs, as HTML.

use std::collections::BTreeSet;
use std::path::Path;

use regex::Regex;

use briefing::render::print::{document_element_id, document_id};
use briefing::site::{escape_html, Site};

use crate::support::*;

#[test]
fn the_book_holds_every_document_section_and_glossary_entry() {
    let (out, site) = built("site-basic");
    assert_book_complete(&out.path().join("public"), &site);
}

#[test]
fn the_seed_book_is_complete_with_unique_ids_and_resolved_links() {
    let Some((out, site)) = seed_site() else {
        return;
    };
    let public = out.path().join("public");
    assert_book_complete(&public, &site);
    assert_ids_unique_and_links_resolved(&public);
}

/// print.html has every document, section heading and glossary entry, and the appendices.
fn assert_book_complete(public: &Path, site: &Site) {
    let html = read(&public.join("print.html"));
    assert!(!site.documents.is_empty() && !site.glossary.is_empty());
    for doc in &site.documents {
        let title = escape_html(&doc.front.title);
        let id = document_id(&doc.slug);
        assert!(html.contains(&format!("id=\"{id}\">{title}<")), "{title}");
        for s in &doc.sections {
            let id = document_element_id(&doc.slug, &s.id);
            let heading = format!("id=\"{id}\">{}<", escape_html(&s.title));
            assert!(html.contains(&heading), "section {heading}");
        }
    }
    for g in &site.glossary {
        let entry = format!(
            "<div id=\"{}\"><dt>{}</dt><dd>{}</dd></div>",
            g.anchor,
            escape_html(&g.abbr),
            escape_html(&g.expansion)
        );
        assert!(html.contains(&entry), "glossary {entry}");
    }
    for appendix in ["appendix-matrix", "appendix-recommendations"] {
        assert!(html.contains(&format!("id=\"{appendix}\"")), "{appendix}");
    }
}

/// The part of `html` from `start` to the next `end`.
fn between<'h>(html: &'h str, start: &str, end: &str) -> &'h str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let len = html[from..].find(end).unwrap_or_else(|| panic!("no {end}"));
    &html[from..from + len]
}

#[test]
fn the_appendix_lists_each_pledge_under_every_theme_it_is_on_with_every_place() {
    // One pledge on two themes: listed under both, its places worked out once.
    let dir = project("site-basic");
    let letter = dir.path().join("content/ai-letter-2024.md");
    let text = read(&letter).replace(
        "themes: [privacy], text: \"We call on",
        "themes: [privacy, ai], text: \"We call on",
    );
    std::fs::write(&letter, text).unwrap();
    let (out, site) = built_at(dir.path());
    let html = read(&out.path().join("public/print.html"));
    let mut on_two_themes = 0;
    for (theme, index) in site.config.themes.iter().zip(&site.themes) {
        let open = format!(
            "<section class=\"pledge-theme\" aria-labelledby=\"rec-{}\">",
            theme.slug
        );
        if index.pledges.is_empty() {
            assert!(!html.contains(&open), "{}: no pledges, no list", theme.slug);
            continue;
        }
        let section = between(&html, &open, "</section>");
        for pledge in &index.pledges {
            let text = format!("</span> {}</p>", escape_html(pledge.text(&site.documents)));
            let at = section
                .find(&text)
                .unwrap_or_else(|| panic!("{}: {text}", theme.slug));
            let places = between(&section[at..], "<p class=\"pledge__places\">", "</p>");
            assert_eq!(
                places.matches("<a href=\"#").count(),
                pledge.occurrences.len(),
                "{places}"
            );
            // Every place, newest first: its document's title, then its date.
            let mut rest = places;
            for o in &pledge.occurrences {
                let doc = &site.documents[o.doc];
                let mut link = format!("\">{}</a>", escape_html(&doc.front.title));
                if let Some(date) = &doc.front.date {
                    link += &format!(", {}", escape_html(&briefing::site::display_date(date)));
                }
                let found = rest
                    .find(&link)
                    .unwrap_or_else(|| panic!("{link} in {places}"));
                rest = &rest[found + link.len()..];
            }
            on_two_themes += usize::from(pledge.themes.len() > 1);
        }
    }
    assert!(on_two_themes > 0, "the fixture has a pledge on two themes");
}

#[test]
fn ids_are_unique_and_every_link_stays_in_the_book_or_leaves_the_site() {
    for name in ["site-basic", "print-links"] {
        let (out, _) = built(name);
        assert_ids_unique_and_links_resolved(&out.path().join("public"));
    }
}

/// In the book and every pack: no id twice, every link an anchor that exists or a URL.
fn assert_ids_unique_and_links_resolved(public: &Path) {
    for page in print_pages(public) {
        let html = read(&page);
        let ids = ids(&html);
        let unique: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{}: duplicate ids", page.display());
        for href in book_links(&html) {
            match href.strip_prefix('#') {
                Some(anchor) => assert!(
                    unique.contains(&anchor.to_string()),
                    "{}: #{anchor} leads nowhere",
                    page.display()
                ),
                None => assert!(
                    href.starts_with("https://")
                        || href.starts_with("http://")
                        || href.starts_with("mailto:"),
                    "{}: {href} is neither in the book nor a URL",
                    page.display()
                ),
            }
        }
    }
}

#[test]
fn documents_can_be_grouped_by_year() {
    let dir = project("site-basic");
    let config = dir.path().join("briefing.yaml");
    let yaml = read(&config) + "print: {group_by: date}\n";
    std::fs::write(&config, yaml).unwrap();
    let out = briefing(dir.path(), &["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = read(&dir.path().join("public/print.html"));
    let re = Regex::new(r#"<h1 class="part__title" id="([^"]*)">"#).unwrap();
    let parts: Vec<String> = re.captures_iter(&html).map(|c| c[1].to_string()).collect();
    let expected = [
        "part-year-2024",
        "part-year-2023",
        "part-year-2022",
        "part-year-2021",
        "part-year-2019",
        "part-other",
    ];
    assert_eq!(parts, expected);
}

#[test]
fn links_between_documents_become_anchors_with_section_names() {
    let (out, _) = built("print-links");
    let html = read(&out.path().join("public/print.html"));
    for expected in [
        // The same heading id and footnote label in two documents stay apart.
        r#"<h3 id="alpha--findings">"#,
        r#"<h3 id="beta--findings">"#,
        r##"<a href="#alpha--1">1</a>"##,
        r##"<a href="#beta--1">1</a>"##,
        r##"<a href="#beta--findings" data-see="“Beta Letter on Privacy”, §Findings">"##,
        r##"<a href="#alpha--notes" data-see="§Notes">"##,
        r##"<a href="#part-theme-ai" data-see="§Artificial intelligence">AI theme</a>"##,
        r##"<a href="#doc-beta" data-see="“Beta Letter on Privacy”">a missing section</a>"##,
        r##"<a href="#g-AI">an entry on AI</a>"##,
        r#"<a href="https://example.org/links/years/2021.html">"#,
        r#"<a href="https://www.meti.go.jp/english/">METI</a>"#,
    ] {
        assert!(html.contains(expected), "missing {expected}");
    }
}

#[test]
fn images_resolve_from_each_print_page_folder() {
    let (out, _) = built("print-links");
    let public = out.path().join("public");
    let re = Regex::new(r#"<img [^>]*src="([^"]*)""#).unwrap();
    let mut seen = 0;
    for page in print_pages(&public) {
        let html = read(&page);
        for src in re.captures_iter(&html) {
            let target = page.parent().unwrap().join(&src[1]);
            assert!(
                target.is_file(),
                "{}: {} is missing",
                page.display(),
                &src[1]
            );
            seen += 1;
        }
    }
    assert!(seen >= 2, "the image is in the book and the AI pack");
}

#[test]
fn packs_exist_and_their_pages_link_to_them() {
    let (out, site) = built("site-basic");
    let public = out.path().join("public");
    let kinds = [
        (
            "themes",
            site.themes
                .iter()
                .filter(|t| !t.documents.is_empty())
                .map(|t| t.slug.clone())
                .collect::<Vec<_>>(),
        ),
        (
            "dialogues",
            site.dialogues
                .iter()
                .filter(|d| !d.chronology.is_empty())
                .map(|d| d.slug.clone())
                .collect(),
        ),
        (
            "years",
            site.years.iter().map(|y| y.label.clone()).collect(),
        ),
    ];
    for (folder, slugs) in kinds {
        assert!(!slugs.is_empty(), "{folder}");
        for slug in slugs {
            let pack = public.join(format!("print/{folder}/{slug}.html"));
            assert!(pack.is_file(), "{} missing", pack.display());
            let page = read(&public.join(format!("{folder}/{slug}.html")));
            let link = format!("<a href=\"../print/{folder}/{slug}.html\">Print this pack</a>");
            assert!(page.contains(&link), "{folder}/{slug}.html lacks {link}");
        }
    }
    let index = read(&public.join("index.html"));
    assert!(index.contains("<a href=\"print.html\">Briefing book</a>"));
}

#[test]
fn a_pack_holds_only_its_documents() {
    let (out, site) = built("site-basic");
    let theme = site.themes.iter().find(|t| t.slug == "telecom").unwrap();
    let html = read(&out.path().join("public/print/themes/telecom.html"));
    for (id, doc) in site.documents.iter().enumerate() {
        let present = html.contains(&format!("id=\"{}\"", document_id(&doc.slug)));
        assert_eq!(present, theme.documents.contains(&id), "{}", doc.slug);
    }
}

#[test]
fn two_builds_give_the_same_book() {
    let (a, _) = built("site-basic");
    let (b, _) = built("site-basic");
    for page in print_pages(&a.path().join("public")) {
        let relative = page.strip_prefix(a.path()).unwrap();
        assert_eq!(
            read(&page),
            read(&b.path().join(relative)),
            "{}",
            relative.display()
        );
    }
}

#[test]
fn the_cover_dates_the_book_without_reading_the_clock() {
    let dir = project("site-basic");
    let run = |epoch: Option<&str>| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.arg("--root").arg(dir.path()).arg("build");
        match epoch {
            Some(e) => cmd.env("SOURCE_DATE_EPOCH", e),
            None => cmd.env_remove("SOURCE_DATE_EPOCH"),
        };
        assert!(cmd.output().unwrap().status.success());
        read(&dir.path().join("public/print.html"))
    };
    assert!(run(None).contains("Compiled from documents up to 1 March 2024"));
    assert!(run(Some("1700000000")).contains("Compiled 14 November 2023"));
}
