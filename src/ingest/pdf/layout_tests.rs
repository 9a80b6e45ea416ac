//! Tests of `layout`: pages of styled lines to blocks of text.

use super::*;

const BODY: Style = Style {
    size: 11.0,
    bold: false,
    x: 72.0,
};

fn line(text: &str, style: Style) -> Line {
    Line {
        text: text.to_string(),
        style: Some(style),
    }
}

fn body(text: &str) -> Line {
    line(text, BODY)
}

fn blank() -> Line {
    line("", BODY)
}

fn sized(text: &str, size: f32, bold: bool) -> Line {
    line(text, Style { size, bold, ..BODY })
}

fn indented(text: &str) -> Line {
    line(text, Style { x: 90.0, ..BODY })
}

fn page(lines: Vec<Line>) -> Page {
    Page { lines }
}

#[test]
fn headers_footers_and_page_numbers_go_and_paragraphs_run_on() {
    let pages = [
        page(vec![
            body("Ministry of Digital Affairs"),
            sized("A Joint Letter", 20.0, true),
            body("The Ministers write jointly to set out their shared approach to the"),
            body("security of networks."),
            body("We reaffirm our commitment to data flows and to the"),
            body("Page 1 of 2"),
        ]),
        page(vec![
            body("Ministry of Digital Affairs"),
            body("partnership launched under the G7."),
            body("Page 2 of 2"),
        ]),
    ];
    assert_eq!(
        text(&pages),
        "A Joint Letter\n\n\
         The Ministers write jointly to set out their shared approach to the security of networks. \
         We reaffirm our commitment to data flows and to the partnership launched under the G7.\n\n"
    );
    assert_eq!(
        largest_on_first_page(&pages).as_deref(),
        Some("A Joint Letter")
    );
}

#[test]
fn headings_by_size_or_weight_and_items_by_bullet_or_hanging_indent() {
    let pages = [page(vec![
        sized("A Title", 20.0, true),
        sized("Our shared commitments", 14.0, true),
        body("We will work together on:"),
        blank(),
        body("• Promote interoperability between regimes through"),
        indented("practical cooperation."),
        indented("Support secure and resilient infrastructure, including"),
        indented("submarine cables."),
        sized("Next steps", 11.0, true),
        body("Officials will meet."),
    ])];
    assert_eq!(
        text(&pages),
        "A Title\n\n\
         ## Our shared commitments\n\n\
         We will work together on:\n\n\
         • Promote interoperability between regimes through practical cooperation.\n\n\
         • Support secure and resilient infrastructure, including submarine cables.\n\n\
         ### Next steps\n\n\
         Officials will meet.\n\n"
    );
}

#[test]
fn a_first_line_indent_is_a_paragraph_not_an_item() {
    let pages = [page(vec![
        indented("A paragraph set as books set them, its first line"),
        body("indented and the rest at the margin."),
    ])];
    assert_eq!(
        text(&pages),
        "A paragraph set as books set them, its first line indented and the rest at the margin.\n\n"
    );
}

#[test]
fn page_numbers_in_their_forms() {
    for number in [
        "7",
        "- 7 -",
        "Page 7",
        "page 7 of 20",
        "7/20",
        "p. 7",
        "vii",
        "Seite 3 von 9",
    ] {
        assert!(is_page_number(number), "{number}");
    }
    for text in ["Page 7 shows the table", "G7", "Article 7", "12345"] {
        assert!(!is_page_number(text), "{text}");
    }
}
