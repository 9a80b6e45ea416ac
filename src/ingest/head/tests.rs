//! The head's choices on captures' first lines.

use super::*;

fn read(text: &str) -> (Head, Vec<String>) {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let head = take(&mut lines, None, &[]);
    let left = lines.into_iter().filter(|l| !l.is_empty()).collect();
    (head, left)
}

const BODY: &str = "The two governments met in Tokyo and agreed to deepen their cooperation on data flows and secure networks.";

#[test]
fn a_japanese_title_run_into_its_subtitle_is_cut_and_the_subtitle_kept() {
    let subtitle = "英国と日本は、サプライチェーンのレジリエンス、サイバーセキュリティ、データなど、共有するデジタル関連の優先課題において協力することを発表";
    let text = format!("日英のテクノロジー提携を強化する新計画 {subtitle}\n日英両国は2022年12月7日、新たなデジタルパートナーシップの詳細を発表しました。\n");
    let (head, left) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("日英のテクノロジー提携を強化する新計画")
    );
    assert_eq!(left[0], subtitle);
    // A short line with a space is a title whole.
    let (head, _) = read(&format!("日英デジタル 会合の開催\n\n{BODY}\n"));
    assert_eq!(head.title.as_deref(), Some("日英デジタル 会合の開催"));
}

#[test]
fn a_masthead_and_a_section_label_are_not_the_title() {
    let text = format!(
        "An official website of the United States government\n\nGlobal Issues\nUnited States and Japan Hold First-Ever Economic Meeting\nAugust 2, 2022\n\n{BODY}\n"
    );
    let (head, left) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("United States and Japan Hold First-Ever Economic Meeting")
    );
    assert_eq!(head.dateline.unwrap().to_string(), "2022-08-02");
    assert_eq!(left, [BODY], "the site header goes with the title");
}

#[test]
fn the_lines_between_title_and_dateline_and_a_release_line_are_header() {
    let text = format!(
        "U.S. Department of State\n\nJoint Statement on the Economic Dialogue\n\nMedia Note\nOffice of the Spokesperson\nWashington, DC\nApril 30, 2013\n\n\
         Joint Press Release with the Digital Agency and the Ministry of Internal Affairs and Communications\n\n{BODY}\n"
    );
    let (head, left) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("Joint Statement on the Economic Dialogue")
    );
    assert_eq!(head.dateline.unwrap().to_string(), "2013-04-30");
    assert_eq!(left, [BODY]);
    assert_eq!(
        head.header,
        [
            "U.S. Department of State",
            "Media Note",
            "Office of the Spokesperson",
            "Washington, DC",
            "Joint Press Release with the Digital Agency and the Ministry of Internal Affairs and Communications"
        ]
    );
    let text = format!("Council Promotes Economic Ties\n\nBy Bruce J. Ellsworth\n\n{BODY}\n");
    let (head, left) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("Council Promotes Economic Ties")
    );
    assert_eq!(
        (left, head.header),
        (
            vec![BODY.to_string()],
            vec!["By Bruce J. Ellsworth".to_string()]
        )
    );
}

#[test]
fn a_release_label_run_into_the_title_is_cut_off() {
    let text = format!(
        "Science and Technology\n\nMedia Note Japan-U.S. Joint High-Level Committee Meeting\n\nNovember 25, 2015\n\n{BODY}\n"
    );
    let (head, _) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("Japan-U.S. Joint High-Level Committee Meeting")
    );
    let text = format!("Readout of the Japan-U.S. Economic Meeting\n\n{BODY}\n");
    let (head, _) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("Readout of the Japan-U.S. Economic Meeting")
    );
}

#[test]
fn a_menu_item_a_skip_link_or_a_line_about_the_site_is_never_the_title() {
    for line in [
        "• Biz & IT",
        "Skip to main content",
        "An official website of the United States Government Here's how you know",
        "16 Oktober 2011, 10:55",
    ] {
        let (head, _) = read(&format!("{line}\n\n{BODY}\n"));
        assert_eq!(head.title, None, "{line}");
    }
    let (head, _) = read(&format!(
        "- Home\n- News\nSecond Digital Dialogue Held\n\n{BODY}\n"
    ));
    assert_eq!(head.title.as_deref(), Some("Second Digital Dialogue Held"));
}

#[test]
fn a_title_below_a_long_menu_is_found_and_the_menu_leaves() {
    let menu: String = (1..=30).map(|i| format!("Menu item {i}\n")).collect();
    let text =
        format!("{menu}Joint Statement on the Third Digital Dialogue\nMay 3, 2023\n\n{BODY}\n");
    let (head, left) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("Joint Statement on the Third Digital Dialogue")
    );
    assert_eq!(head.dateline.unwrap().to_string(), "2023-05-03");
    assert_eq!(
        left,
        [BODY],
        "the menu above the title is the site's header"
    );
}

#[test]
fn a_site_header_date_is_neither_title_nor_dateline() {
    let text = format!("Tue. Jul 16th, 2024\nJoint Statement from the 13th Dialogue on the Internet Economy\n\n{BODY}\n");
    let (head, _) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("Joint Statement from the 13th Dialogue on the Internet Economy")
    );
    assert_eq!(head.dateline, None);
}

#[test]
fn a_published_date_wins_over_an_updated_one_and_a_date_opens_a_title() {
    let text = format!("Last updated: 3 June 2024\nJuly 3, 2023 Results of the Japan-EU Digital Partnership Council's Meeting\nPublished on July 4, 2023\n\n{BODY}\n");
    let (head, _) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("Results of the Japan-EU Digital Partnership Council's Meeting")
    );
    assert_eq!(head.dateline.unwrap().to_string(), "2023-07-04");
}

#[test]
fn a_breadcrumb_line_and_a_site_suffix_leave_the_title() {
    let text = format!("総務省トップ > 広報・報道 > 報道資料一覧 > デジタルエコノミーに関する日米対話(第14回会合)の結果\n\n令和6年4月30日\n\n{BODY}\n");
    let (head, _) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("デジタルエコノミーに関する日米対話(第14回会合)の結果")
    );
    assert_eq!(head.dateline.unwrap().to_string(), "2024-04-30");
    let text = format!("Joint Statement of the Economic Policy Consultative Committee - United States Department of State\n\n{BODY}\n");
    let (head, _) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("Joint Statement of the Economic Policy Consultative Committee")
    );
    let text =
        format!("The UK and Japan – Building an Exemplar Bi-Lateral Tech Partnership\n\n{BODY}\n");
    let (head, _) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("The UK and Japan – Building an Exemplar Bi-Lateral Tech Partnership")
    );
}

#[test]
fn no_title_line_means_no_title() {
    let (head, _) = read(&format!("Menu words\n\n{BODY}\n"));
    assert_eq!(head.title, None);
}

#[test]
fn a_sentence_about_the_website_does_not_hide_the_title_below_it() {
    let text = format!(
        "A .gov website belongs to an official government organization in the United States of America.\nGrid Operators Report on the Winter Storm Response\n{BODY}\n"
    );
    let (head, _) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("Grid Operators Report on the Winter Storm Response")
    );
}

#[test]
fn the_lines_of_a_wrapped_paragraph_are_no_title() {
    let text = "The fourth Harbour Safety Council meeting between\nthe two port authorities was held by video link on Friday,\nwith both sides agreeing to share their dredging plans\nand to meet again in the spring, the ministry said.\n";
    let (head, left) = read(text);
    assert_eq!(head.title, None, "{left:?}");
    assert!(
        left[0].starts_with("The fourth Harbour Safety Council"),
        "{left:?}"
    );
}

#[test]
fn a_standfirst_under_its_headline_is_not_the_title() {
    let text = format!(
        "Grid operators brace for a dry summer\nWhat the long drought means for hydropower this year\n{BODY}\n"
    );
    let (head, _) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("Grid operators brace for a dry summer")
    );
    // A masthead above a title is written title-case: the title wins.
    let text = format!("Energy Desk Weekly\nGrid operators brace for a dry summer ahead\n{BODY}\n");
    let (head, _) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("Grid operators brace for a dry summer ahead")
    );
}

#[test]
fn a_record_s_labelled_fields_give_title_and_date_and_leave_the_body() {
    let text = format!(
        "データベース『世界と日本』\n日本政治・国際関係データベース\n\n[文書名] 日印デジタル・パートナーシップに係る協力\n\n[場所] \n[年月日] 2018年10月29日\n[出典] 外務省\n[備考] 仮訳\n[全文] \n\n{BODY}\n"
    );
    let (head, left) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("日印デジタル・パートナーシップに係る協力")
    );
    assert_eq!(head.dateline.unwrap().to_string(), "2018-10-29");
    assert_eq!(left, [BODY]);
    assert!(
        head.header.iter().any(|h| h == "[出典] 外務省"),
        "{:?}",
        head.header
    );
}

#[test]
fn the_office_under_the_dateline_is_a_header_line() {
    let text = "第34回日米経済協議概要\n令和4年5月2日\n内閣府国際経済担当\n日米経済協議は、1971年以降、内閣府と米国大統領経済諮問委員会との間で開催されている協議であり、今回で34回目となった。\n";
    let (head, left) = read(text);
    assert_eq!(head.title.as_deref(), Some("第34回日米経済協議概要"));
    assert_eq!(head.header, ["内閣府国際経済担当"]);
    assert_eq!(left.len(), 1, "{left:?}");
    // A section heading under the dateline stays.
    let (head, left) = read(&format!(
        "Joint Statement on AI\nMay 2, 2024\n1. Background\n{BODY}\n"
    ));
    assert!(head.header.is_empty(), "{:?}", head.header);
    assert_eq!(left[0], "1. Background");
}

#[test]
fn a_sentence_that_opens_with_its_day_gives_the_event_s_day_not_a_dateline() {
    let sentence = "2025年5月12日、日EUデジタルパートナーシップ閣僚級会合の第3回会合をデジタル庁で開催しました。";
    let (head, left) = read(&format!(
        "日EUデジタルパートナーシップ閣僚級会合の開催\n\n{sentence}\n"
    ));
    assert_eq!(head.dateline, None);
    assert_eq!(head.event_day.unwrap().to_string(), "2025-05-12");
    assert_eq!(left, [sentence], "the sentence keeps its day");
    // A dateline of its own is still the dateline.
    let (head, _) = read(&format!("日EU会合の開催\n2025年5月13日\n\n{sentence}\n"));
    assert_eq!(head.dateline.unwrap().to_string(), "2025-05-13");
}

#[test]
fn the_headline_over_the_byline_is_the_title_and_a_monthly_s_issue_its_date() {
    let text = format!(
        "The Journal The Authority on Global Business in Japan\n\n\nFebruary 2014\n\nBuilding Bridges\nCouncil promotes economic ties, celebrates 50th anniversary\n\nBy Bruce J. Ellsworth\n\n{BODY}\n"
    );
    let (head, left) = read(&text);
    assert_eq!(head.title.as_deref(), Some("Building Bridges"));
    assert_eq!(head.dateline.unwrap().to_string(), "2014-02");
    assert_eq!(
        left[0],
        "Council promotes economic ties, celebrates 50th anniversary"
    );
    // Without a standfirst the headline is right above the byline.
    let text = format!("Site Name\n\nBuilding Bridges\nBy Bruce J. Ellsworth\n\n{BODY}\n");
    assert_eq!(read(&text).0.title.as_deref(), Some("Building Bridges"));
}

#[test]
fn a_date_over_a_category_label_and_a_copy_of_the_title_is_the_dateline() {
    let text = format!(
        "2024.8.6\n\nEU-JAPAN\n\nDigital partnership for the future of society\n\nDigital partnership for the future of society\n\n{BODY}\n"
    );
    let (head, left) = read(&text);
    assert_eq!(
        head.title.as_deref(),
        Some("Digital partnership for the future of society")
    );
    assert_eq!(head.dateline.unwrap().to_string(), "2024-08-06");
    assert_eq!(left, [BODY]);
}
