//! Annotation of short texts against the bundled taxonomy: what each
//! field of a document's front matter says of them.

use super::*;
use crate::content::RecommendationKind;
use crate::ingest::structure::structure;

fn config() -> Config {
    Config::parse(
        crate::config::DEFAULT_CONFIG,
        std::path::Path::new("briefing.yaml"),
    )
    .unwrap()
}

fn annotate_text(title: &str, body: &str) -> Annotations {
    let config = config();
    let doc = structure(body.lines().map(String::from).collect(), None, &[]);
    annotate(title, &doc, &config, &TermMatcher::new(&config))
}

/// The slugs of the document's themes, strongest first.
fn theme_slugs(a: &Annotations) -> Vec<&str> {
    a.themes.iter().map(|t| t.slug.as_str()).collect()
}

/// The texts of the document's recommendations, in order.
fn ask_texts(a: &Annotations) -> Vec<&str> {
    a.recommendations.iter().map(|r| r.text.as_str()).collect()
}

#[test]
fn breadcrumb_titles_lose_the_series_tag() {
    let config = config();
    let cases = [
        ("Joint Statement 2024 from the Private Working Group U.S.-Japan Dialogue on Digital Economy", "Joint Statement 2024 from the Private Working Group"),
        ("Statement by the Chair of the U.S.-Japan Dialogue on Digital Economy", "Statement by the Chair of the U.S.-Japan Dialogue on Digital Economy"),
        ("Plain Title", "Plain Title"),
    ];
    for (title, want) in cases {
        assert_eq!(tidy_breadcrumb_title(title, &config), want);
    }
}

#[test]
fn annotations_of_a_small_document() {
    let a = annotate_text(
        "Joint Statement on AI",
        "Title\n\nIntro\n\nThe Ministry of Economy, Trade and Industry (METI) met the Internet Economy Dialogue. We urge both governments to promote trustworthy AI and data flows. Both countries reaffirmed their cooperation on 5G.\n\n1. Semiconductors\n\nChips and semiconductor supply chains matter.\n",
    );
    assert_eq!(a.kind, "joint-statement");
    assert_eq!(a.organisations, ["METI"]);
    assert_eq!(
        a.glossary["METI"],
        "Ministry of Economy, Trade and Industry"
    );
    assert_eq!(a.themes[0].slug, "ai");
    assert!(a.themes.iter().any(|t| t.slug == "semiconductors"));
    let kinds: Vec<_> = a
        .recommendations
        .iter()
        .map(|r| (r.kind, r.section.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (RecommendationKind::Recommendation, "intro"),
            (RecommendationKind::Commitment, "intro")
        ]
    );
    assert_eq!(a.recommendations[0].themes, ["ai", "data-flows"]);
    assert!(a.summary.starts_with("The Ministry of Economy"));
}

#[test]
fn a_cue_with_a_colon_leads_its_list() {
    let a = annotate_text("T", "T\n\nThe two governments should:\n\n  • Discuss AI rules.\n  • Share threat data.\n\nOther text.");
    let texts = ask_texts(&a);
    assert_eq!(
        texts,
        ["The two governments should: Discuss AI rules. Share threat data."]
    );
    assert_eq!(a.recommendations[0].themes, ["ai"]);
    let long = format!("T\n\nWe urge both governments to:\n\n  • {}\n  • Share threat data. They should also meet.\n\nThe market grew.", "Discuss AI rules in detail. ".repeat(30));
    let a = annotate_text("T", &long);
    let texts = ask_texts(&a);
    assert_eq!(
        texts,
        [
            "Discuss AI rules in detail.",
            "Share threat data.",
            "They should also meet."
        ]
    );
    let a = annotate_text(
        "T",
        "T\n\nThe strategy has pillars:\n\n  • Security: we urge more.\n  • Trust in data.\n",
    );
    let texts = ask_texts(&a);
    assert_eq!(texts, ["Security: we urge more."]);
}

#[test]
fn a_cut_off_sentence_or_a_lead_in_without_a_list_asks_nothing() {
    let a = annotate_text(
        "T",
        "T\n\nWe urge both governments to promote trusted AI.\n\n\
         The ministers reaffirmed their commitment in the following joint statement:\n\n\
         Both sides met in Tokyo.\n\n\
         We urge both governments to promote the",
    );
    let texts = ask_texts(&a);
    assert_eq!(texts, ["We urge both governments to promote trusted AI."]);
    // An item needs no stop, but is cut off when it ends on "to".
    let a = annotate_text(
        "T",
        "T\n\nNext steps\n\n  • Both sides will promote trusted AI\n  • They also reiterated their commitment to\n",
    );
    let texts = ask_texts(&a);
    assert_eq!(texts, ["Both sides will promote trusted AI"]);
}

#[test]
fn a_series_short_name_is_no_organisation_and_a_long_name_finds_its_own() {
    let a = annotate_text(
        "A Statement",
        "The U.S.-Japan Economic Policy Consultative Committee (EPCC) met. \
         The Japan Digital Standards Committee (JDSC) spoke.",
    );
    assert_eq!(a.organisations, ["JDSC"]);
    // The bundled configuration names the council in full, with no alias.
    let a = annotate_text(
        "A Statement",
        "The U.S.\u{2013}Japan Business Council (USJBC) met in Tokyo.",
    );
    assert_eq!(a.organisations, ["U.S.-Japan Business Council"]);
}

#[test]
fn an_organisation_inside_a_framework_name_did_not_take_part() {
    let a = annotate_text(
        "A Statement",
        "We support the NIST AI RMF and the NIST Cybersecurity Framework. METI and NIST met.",
    );
    assert_eq!(a.organisations, ["METI", "NIST"]);
    let a = annotate_text("A Statement", "We support the NIST AI RMF in full.");
    assert!(a.organisations.is_empty(), "{:?}", a.organisations);
}

#[test]
fn a_group_lists_every_organisation_that_issues_through_it() {
    let a = annotate_text(
        "Joint Statement 2024 from US-Japan Digital Economy Private Working Group",
        "We present the following principles on AI.",
    );
    assert_eq!(a.organisations, ["ACCJ", "Keidanren"]);
    let a = annotate_text("A Statement", "The Working Group met on AI.");
    assert!(a.organisations.is_empty(), "{:?}", a.organisations);
}

#[test]
fn governments_issue_what_they_release_and_their_joint_statements() {
    let a = annotate_text(
        "Joint Statement on Trade",
        "The text of the following statement was released by the Governments of the United States of America and Japan. The two sides met.",
    );
    assert_eq!(
        a.organisations,
        ["Government of the United States", "Government of Japan"]
    );
    let a = annotate_text(
        "Joint Press Statement for the Japan-UK Policy Dialogue",
        "On Nov. 1, 2010, the first meeting of the dialogue was held in Tokyo. Officials of the Ministry of Foreign Affairs and METI took part.",
    );
    assert_eq!(
        a.organisations,
        [
            "Government of Japan",
            "Government of the United Kingdom",
            "MOFA",
            "METI"
        ]
    );
}

#[test]
fn a_government_merely_named_or_a_bloc_issues_nothing() {
    let a = annotate_text(
        "The Council held",
        "In attendance were the Ministry of Foreign Affairs of the Government of Japan and others.",
    );
    assert_eq!(a.organisations, ["MOFA"]);
    // The EU is no government; two organisations in the opening sentence
    // issued the statement, not the countries they are from.
    let a = annotate_text("EU-Japan Joint Statement", "The two sides met.");
    assert!(a.organisations.is_empty(), "{:?}", a.organisations);
    let a = annotate_text(
        "Joint Statement of the U.S.-Japan Business Conference",
        "The ACCJ and Keidanren held the conference in Tokyo. It went well.",
    );
    assert_eq!(a.organisations, ["ACCJ", "Keidanren"]);
}

#[test]
fn a_minister_or_secretary_speaks_for_their_ministry() {
    let a = annotate_text(
        "A Readout",
        "The Minister for Internal Affairs and Communications and the Secretary of Commerce met. 経済産業大臣も出席した。",
    );
    assert_eq!(
        a.organisations,
        ["MIC", "U.S. Department of Commerce", "METI"]
    );
    let a = annotate_text("A Readout", "The Secretary of State for Science met.");
    assert!(a.organisations.is_empty(), "{:?}", a.organisations);
    let a = annotate_text(
        "A Readout",
        "The meeting was attended by Minister for Foreign Affairs of Japan KAMIKAWA Yoko. It discussed the NIST AI RMF.",
    );
    assert_eq!(a.organisations, ["MOFA"]);
}

#[test]
fn dialogues_need_the_title_or_two_mentions() {
    assert!(
        annotate_text("T", "Text on the JHLC and nothing else here.")
            .dialogues
            .is_empty()
    );
    let a = annotate_text("T", "The JHLC met. The JHLC agreed on many things today.");
    assert_eq!(a.dialogues, ["us-japan-science-technology"]);
    let a = annotate_text(
        "Toward the EU-Japan Summit",
        "Text about the JHLC and the JHLC.",
    );
    assert_eq!(
        a.dialogues,
        ["eu-japan-digital-partnership"],
        "a bare U.S.-Japan alias in an EU-Japan document is not that series"
    );
    let a = annotate_text(
        "Toward the EU-Japan Summit",
        "Text about the U.S.-Japan JHLC and the JHLC.",
    );
    assert_eq!(
        a.dialogues,
        [
            "eu-japan-digital-partnership",
            "us-japan-science-technology"
        ]
    );
}

#[test]
fn a_theme_word_inside_a_ministry_or_office_name_is_no_theme() {
    let named = annotate_text(
        "Meeting on AI",
        "Title\n\nHakubun Shimomura, Minister of Education, Culture, Sports, Science and Technology, and the Under Secretary for Economic Growth, Energy, and the Environment discussed AI.\n",
    );
    assert_eq!(theme_slugs(&named), ["ai"]);
    let meant = annotate_text(
        "Meeting on AI",
        "Title\n\nThey discussed AI, digital education and energy efficiency. Education comes first.\n\n## Energy\n\nMore on AI.\n",
    );
    let themes = theme_slugs(&meant);
    assert!(themes.contains(&"workforce"), "{themes:?}");
    assert!(themes.contains(&"green"), "{themes:?}");
}

#[test]
fn a_title_case_label_that_opens_a_list_item_keeps_its_themes() {
    let a = annotate_text(
        "Recommendations",
        "Title\n\n- Diversify Semiconductor Supply Chains: Enhancing coordination with partners.\n- Data Standardization and Workforce Development: Supporting data exchange.\n",
    );
    let themes = theme_slugs(&a);
    for slug in ["supply-chains", "workforce"] {
        assert!(themes.contains(&slug), "{themes:?}");
    }
}

#[test]
fn a_theme_keyword_inside_an_organisation_s_name_is_no_theme() {
    let a = annotate_text(
        "Meeting on AI",
        "Title\n\nThe ministers met on AI at the Asia-Pacific Economic Cooperation ministerial.\n",
    );
    let themes = theme_slugs(&a);
    assert!(!themes.contains(&"third-countries"), "{themes:?}");
}
