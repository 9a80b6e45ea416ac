//! Cases for the recovered outline: bullet sub-headings and the signatories section.

use super::*;

fn heading(level: u8, text: &str, id: &str) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        id: id.into(),
    }
}

fn para(text: &str) -> Block {
    Block::Paragraph(text.into())
}

fn item(depth: usize, text: &str) -> Block {
    Block::Item {
        depth,
        text: text.into(),
    }
}

#[test]
fn title_bullets_followed_by_paragraphs_become_sub_headings() {
    let blocks = vec![
        heading(2, "1. Trade", "trade"),
        item(0, "Open Markets: Removing tariffs on digital goods."),
        para("Tariffs raise costs. We urge their removal."),
        item(0, "Customs Duties: Keeping the moratorium."),
        item(
            0,
            "Mutual Recognition of Standards: Fewer duplicate tests. More text here.",
        ),
        para("Testing twice wastes money."),
    ];
    assert_eq!(
        refine(blocks),
        [
            heading(2, "1. Trade", "trade"),
            heading(3, "Open Markets", "open-markets"),
            para("Removing tariffs on digital goods."),
            para("Tariffs raise costs. We urge their removal."),
            heading(3, "Customs Duties", "customs-duties"),
            para("Keeping the moratorium."),
            heading(
                3,
                "Mutual Recognition of Standards",
                "mutual-recognition-of-standards"
            ),
            para("Fewer duplicate tests. More text here."),
            para("Testing twice wastes money."),
        ]
    );
}

#[test]
fn ordinary_lists_stay_lists() {
    let cases = [
        // Items under a lead-in ending in ':' are the lead-in's list.
        vec![
            heading(2, "Pillars", "pillars"),
            para("The strategy has three pillars:"),
            item(0, "Security: protect the networks."),
            item(0, "Trust: build confidence."),
            para("In conclusion, all three matter."),
        ],
        // No bullet is followed by a paragraph.
        vec![
            heading(2, "Terms", "terms"),
            item(0, "Data Holder: the person who keeps the data."),
            item(0, "Data User: the person who uses it."),
        ],
        // A lead that is a sentence, not a title.
        vec![
            heading(2, "Notes", "notes"),
            item(0, "We note the following, in short: much was done."),
            para("More text."),
        ],
    ];
    for blocks in cases {
        assert_eq!(refine(blocks.clone()), blocks);
    }
}

#[test]
fn closing_organisation_descriptions_get_their_own_section() {
    let blocks = vec![
        heading(2, "5. Research", "research"),
        item(0, "We call for joint research programmes."),
        item(0, "NORDTECH represents the technology industry of the Nordic countries. Its members are firms."),
        item(0, "PDA"),
        item(1, "Founded in 2001, the Pacific Data Alliance (PDA) is a group of 40 data firms."),
        item(0, "The Asian Cloud Association (ACA) is a trade organisation of cloud providers."),
    ];
    assert_eq!(
        refine(blocks),
        [
            heading(2, "5. Research", "research"),
            item(0, "We call for joint research programmes."),
            heading(2, SIGNATORIES, "about-the-signatories"),
            para("NORDTECH represents the technology industry of the Nordic countries. Its members are firms."),
            para("Founded in 2001, the Pacific Data Alliance (PDA) is a group of 40 data firms."),
            para("The Asian Cloud Association (ACA) is a trade organisation of cloud providers."),
        ]
    );
}

#[test]
fn one_description_or_a_whole_section_of_them_stays() {
    let one = vec![
        heading(2, "Outlook", "outlook"),
        para("We will meet again."),
        para("The OECD is an international organisation that works on policy."),
    ];
    assert_eq!(refine(one.clone()), one);
    let whole = vec![
        heading(2, "Members", "members"),
        para("ACME represents the chip makers of the region."),
        para("Founded in 1990, Beta is a council of cloud firms."),
    ];
    assert_eq!(refine(whole.clone()), whole);
    let about = vec![
        heading(2, "About us", "about-us"),
        para("We call for more."),
        para("ACME represents the chip makers of the region."),
        para("Founded in 1990, Beta is a council of cloud firms."),
    ];
    assert_eq!(refine(about.clone()), about);
    assert!(is_about_heading("About the Author") && is_about_heading("7. About us"));
    assert!(!is_about_heading(
        "About-face on tariffs in the new trade policy of the region"
    ));
}
