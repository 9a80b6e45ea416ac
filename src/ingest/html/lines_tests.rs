//! The two forms of a page's lines: the text stages' marks, links and
//! tables, and a plain capture's.

use super::*;
use crate::ingest::html::main_text;

fn page(body: &str) -> Html {
    Html::parse_document(&format!(
        "<html><head><link rel=canonical href=\"https://example.org/news/talks.html\"></head>\
         <body>{body}</body></html>"
    ))
}

fn lines(body: &str) -> (String, Vec<Link>) {
    let page = page(body);
    render(&page, &main_text::find(&page))
}

#[test]
fn headings_lists_and_tables_keep_their_form() {
    let (text, _) = lines(
        "<article><h1>Joint Statement</h1><p>The ministers met, and agreed, on <a href=x>data</a> flows, trust.</p>\
         <h2>Outcomes</h2><ul><li>One, first<ul><li>One a</li></ul></li><li>Two</li></ul>\
         <table><tr><th>Item</th><th>Date</th></tr><tr><td>Talks <p>a|b</p></td><td>2024</td></tr></table></article>",
    );
    assert_eq!(
        text,
        "Joint Statement\n\nThe ministers met, and agreed, on data flows, trust.\n\n## Outcomes\n\n\
         - One, first\n  - One a\n- Two\n\n| Item | Date |\n\n| Talks a\\|b | 2024 |\n"
    );
}

#[test]
fn links_are_kept_beside_the_text_with_their_absolute_address() {
    let (text, links) = lines(
        "<article><h1><a href=\"/self\">Joint Statement</a></h1>\
         <p>The ministers met in Tokyo and welcomed the <a href=\"../docs/report.pdf\">joint report</a> \
         on <a href=\"#fn1\">data flows</a>, <a href=\"javascript:void(0)\">trust</a> and \
         <a href=\"https://other.example/ai\">AI governance</a>.</p></article>",
    );
    assert!(text.starts_with("Joint Statement\n"), "{text}");
    assert!(!text.contains("http"), "{text}");
    let got: Vec<(&str, &str)> = links
        .iter()
        .map(|l| (l.text.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("joint report", "https://example.org/docs/report.pdf"),
            ("AI governance", "https://other.example/ai")
        ]
    );
}

#[test]
fn a_table_laid_out_for_the_page_is_text_not_a_table() {
    let long = "The ministers discussed the state of the negotiations at length. ".repeat(12);
    let (text, _) = lines(&format!(
        "<table><tr><td><h1>Joint Statement</h1><p>{long}</p></td><td>Menu</td></tr></table>"
    ));
    assert!(!text.contains('|'), "{text}");
}

#[test]
fn a_capture_has_bullets_numbers_and_tabs_and_no_marks() {
    let page = page(
        "<nav><a>Home</a><a>News</a></nav><h2>Outcomes</h2><ol><li>One</li><li>Two</li></ol>\
         <ul><li>Item</li></ul><table><tr><td>a</td><td>b</td></tr></table>\
         <p style=\"display: none\">Hidden</p><button>Share</button>",
    );
    assert_eq!(
        capture(&page),
        "Home News\n\nOutcomes\n\n  1. One\n  2. Two\n\n  • Item\n\na\tb\n\nShare\n"
    );
}
