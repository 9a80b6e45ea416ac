//! What chrome stripping removes from captured pages and what it keeps.

use super::*;

fn strip_text(text: &str) -> Stripped {
    let lines = text.lines().map(str::to_string).collect();
    strip(lines, &ChromeRules::default())
}

#[test]
fn photo_captions_and_text_markers_go_and_sentences_about_photos_stay() {
    let text = "Group photo of the Second Meeting of the Council. From right, Minister Kono.\n\
                Begin text:\n\
                The ministers met and agreed.\n\
                (閣僚会合 冒頭撮影の様子。左から大臣)\n\
                4人が壁の前で並んで立っている様子\n\
                The exhibition showed photos of the delegations.\n";
    let s = strip_text(text);
    assert_eq!(
        s.lines,
        [
            "The ministers met and agreed.",
            "The exhibition showed photos of the delegations."
        ]
    );
}

#[test]
fn banners_copyright_and_a_long_caption_go_and_a_sentence_about_gov_sites_stays() {
    let text = "An official website of the United States Government Here's how you know\n\
                Official websites use .gov\n\
                A .gov website belongs to an official government organization in the United States.\n\
                Secure .gov websites use HTTPS\n\
                A lock ( ) or https:// means you’ve safely connected to the .gov website. Share sensitive information only on official, secure websites.\n\
                The ministers agreed that official .gov websites should use HTTPS.\n\
                This was published under the 2022 to 2024 Sunak Conservative government\n\
                © Kyodo News\n\
                (閣僚会合 冒頭撮影の様子。左から竹内経済産業大臣政務官、ヴィルックネン上級副委員長、平デジタル大臣、阿達総務副大臣)\n";
    let s = strip_text(text);
    assert_eq!(
        s.lines,
        ["The ministers agreed that official .gov websites should use HTTPS."]
    );
}

#[test]
fn breadcrumb_trail_and_its_echoes_go() {
    let text = "1. Home\n  2. News\n  3. Meeting Held\n\nNews Meeting Held\n\nMeeting Held\n\nBody text of the release.\n\nMore body text here.\n\nNews";
    let s = strip_text(text);
    assert_eq!(s.breadcrumb, ["Home", "News", "Meeting Held"]);
    assert_eq!(
        s.lines,
        [
            "Meeting Held",
            "",
            "Body text of the release.",
            "",
            "More body text here."
        ]
    );
}

#[test]
fn a_numbered_list_at_the_top_is_not_a_breadcrumb() {
    let s = strip_text("1. Artificial Intelligence\n\nText.\n");
    assert!(s.breadcrumb.is_empty());
    assert_eq!(s.lines[0], "1. Artificial Intelligence");
}

#[test]
fn chrome_lines_and_footers_go() {
    let cases = [
        ("Para one.\nPara two.\nPara three.\nDivision in Charge\nOffice of X\nRelated website", 3),
        ("Para one.\nSkip to content\nPara two.\nPara three.\nPrevious\nPrevious\n\nEvent Recap\nNext\nNext\n\nOther", 3),
        ("Para one.\nPara two.\nPara three.\nFor more information, please contact:\nJane Doe\nBack to Trade", 3),
        ("Para one.\nPara two.\nACME and Foo logo\nPara three.\nThis website uses cookies\nWe use cookies to analyse traffic. You consent by continuing to browse.", 3),
        ("Para one.\nPara two.\nPara three.\n19 Jun 2024 Publication\nA Paper\n30 Apr 2024 Position Paper\nAnother", 3),
    ];
    for (text, kept) in cases {
        let s = strip_text(text);
        assert_eq!(s.lines.len(), kept, "{text}: {:?}", s.lines);
        assert!(
            s.lines.iter().all(|l| l.starts_with("Para")),
            "{:?}",
            s.lines
        );
    }
}

#[test]
fn a_paywall_notice_ends_the_text() {
    let cases = [
        "Para one.\nPara two.\nTo read a full story, please click here to find out how to subscribe.\n\nNATION\nPOLITICS\nGovernors' Income Rises",
        "Para one.\nPara two.\n(全文は1月24日付け1面に掲載)\n関連記事の見出し",
    ];
    for text in cases {
        assert_eq!(strip_text(text).lines, ["Para one.", "Para two."], "{text}");
    }
    let about_subscribing = "Subscribe to read the full story\nPara one.\nThe council urged subscribers to read the full report.";
    assert_eq!(strip_text(about_subscribing).lines.len(), 3);
}

#[test]
fn a_credited_caption_and_an_advert_label_go() {
    let text = "Para one.\nMinisters attended the meeting held in Takasaki City, Gunma Prefecture on April 29-30, which the photo shows. (© Kyodo)\n[PR]\n1/21 12:02\nPara two (see the annex).";
    assert_eq!(
        strip_text(text).lines,
        ["Para one.", "Para two (see the annex)."]
    );
}

#[test]
fn content_that_looks_like_chrome_stays() {
    let text = "Para one.\nBack to the main question, we urge action.\nNext steps are clear.\nAbout the Author\nJane writes about trade.";
    assert_eq!(strip_text(text).lines.len(), 5);
}

#[test]
fn corpus_rules_from_config() {
    let rules = ChromeRules::new(
        &["Members only".into()],
        &["Our members".into()],
        HashSet::new(),
    );
    let lines = "Para one.\nMembers only\nPara two.\nOur members:\nA, B"
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(strip(lines, &rules).lines, ["Para one.", "Para two."]);
}

#[test]
fn captions_by_position_and_japanese_subject_place_captions_go() {
    let text = "日米両政府は6日、ワシントンで次官級協議を開いた。\n\
                外務省=東京・霞が関\n\
                (Middle) Ambassadors receive the recommendations from the chairman of the round table. | (Rear) The prime minister and the chairman in conversation.\n\
                (From left) Minister A, Minister B\n\
                The parties (left and right) agreed that A=B.\n\
                式は x=1 と書く。\n";
    assert_eq!(
        strip_text(text).lines,
        [
            "日米両政府は6日、ワシントンで次官級協議を開いた。",
            "The parties (left and right) agreed that A=B.",
            "式は x=1 と書く。"
        ]
    );
}

#[test]
fn the_line_that_describes_a_photo_under_its_heading_or_credit_goes() {
    let text = "Japan-United States of America Relations\n\
                November 14, 2023\n\
                A commemorative photo of Four Ministers\n\
                Four Ministers who have a talk after having a seat at a table\n\
                \n\
                The ministerial meeting was held for approximately 60 minutes.\n\
                Reuters file photo\n\
                European Union flags fly outside the EU Commission headquarters in Brussels.\n\
                \n\
                Japan and the EU reached a broad agreement.\n";
    assert_eq!(
        strip_text(text).lines,
        [
            "Japan-United States of America Relations",
            "November 14, 2023",
            "",
            "The ministerial meeting was held for approximately 60 minutes.",
            "",
            "Japan and the EU reached a broad agreement."
        ]
    );
    // A photo credit that opens the capture may stand over the headline.
    let text = "Photo: Reuters\nJapan and EU agree to add data flows to their trade pact\n\nThe two sides agreed.\n";
    assert_eq!(
        strip_text(text).lines[0],
        "Japan and EU agree to add data flows to their trade pact"
    );
}

#[test]
fn a_pull_quote_the_text_repeats_goes_and_a_short_paragraph_stays() {
    let text = "Participants from both countries recognized the importance of coordination on Internet policy issues.\n\
                \n\
                Close cooperation and commitment to shared values is essential.\n\
                \n\
                \u{201c}Participants from both countries agreed that close cooperation and commitment to shared values is essential,\u{201d} said the statement.\n\
                \n\
                The two governments will meet again next year.\n";
    assert_eq!(
        strip_text(text).lines,
        [
            "Participants from both countries recognized the importance of coordination on Internet policy issues.",
            "",
            "\u{201c}Participants from both countries agreed that close cooperation and commitment to shared values is essential,\u{201d} said the statement.",
            "",
            "The two governments will meet again next year."
        ]
    );
}

#[test]
fn a_title_the_first_paragraph_repeats_is_no_pull_quote() {
    let text = "Joint Statement on Digital Cooperation between the Two Countries.\n\
                \n\
                The ministers issued the joint statement on digital cooperation between the two countries today in Tokyo.\n";
    assert_eq!(strip_text(text).lines.len(), 3);
}
