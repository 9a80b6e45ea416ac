//! Filing by parties: pairs read in either order and in Japanese, a
//! partnership of other parties never filed under this one, full names
//! against bare aliases, and aliases that documents of two pairs use.

use super::*;
use crate::ingest::term_matcher::TermMatcher;

#[test]
fn paired_pieces_are_the_words_that_hold_a_dash_or_nichi() {
    let texts = [
        "The U.S.-Japan (Japan–EU) dialogue; 日米 talks, “quoted” — and EU-Japan-UK.",
        "-start and end-",
        "no marks here at all’s",
        "日英,日EU;x–y\u{3000}a—b(c-d)",
        "",
    ];
    for text in texts {
        let plain: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
            .filter(|p| p.contains(['-', '–', '—', '日']))
            .collect();
        assert_eq!(paired_pieces(text).collect::<Vec<_>>(), plain, "{text}");
    }
}

fn config() -> Config {
    Config::parse(
        "title: T\ndialogues:\n\
         - {slug: eu-japan, name: EU–Japan Digital Partnership, aliases: [Digital Partnership Council, Digital Partnership]}\n\
         - {slug: us-japan, name: U.S.–Japan Dialogue on Digital Economy, aliases: [Dialogue on Digital Economy, Internet Economy Dialogue, 日米デジタルエコノミー対話]}\n",
        std::path::Path::new("briefing.yaml"),
    )
    .unwrap()
}

fn filed(title: &str, body: &str) -> Vec<String> {
    let config = config();
    let v = TermMatcher::new(&config);
    let (title, body) = ((title, &v.hits(title)[..]), (body, &v.hits(body)[..]));
    let body_series = crate::ingest::series_names::series_named(body.0);
    crate::ingest::series_filing::dialogues(&config, &v, title, body, &body_series)
}

#[test]
fn an_alias_documents_of_two_pairs_use_is_ambiguous() {
    let docs = |texts: &[&str]| -> Vec<(String, String)> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("content/{i}.md"), t.to_string()))
            .collect()
    };
    let found = ambiguous_aliases(
        &config(),
        &docs(&[
            "The EU-Japan ministers met. EU-Japan ties: the Digital Partnership grows.",
            "The Japan-UK ministers met. Japan-UK ties: the Digital Partnership grows.",
            "The Japan-UK trade ministers met, with no partnership named.",
        ]),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].alias, "Digital Partnership");
    assert_eq!(
        found[0].pairs,
        [
            ("Japan–EU".to_string(), vec!["content/0.md".to_string()]),
            ("Japan–UK".to_string(), vec!["content/1.md".to_string()])
        ]
    );
    let one_pair = docs(&["EU-Japan talks. EU-Japan: the Digital Partnership Council met."]);
    assert!(ambiguous_aliases(&config(), &one_pair).is_empty());
}

#[test]
fn parties_are_read_in_either_order_and_in_japanese() {
    assert_eq!(parties("U.S.-Japan"), parties("Japan–U.S."));
    assert_eq!(parties("日米"), parties("U.S.-Japan"));
    assert_eq!(parties("Japan-UK"), parties("日英"));
    assert_ne!(parties("Japan-UK"), parties("Japan-EU"));
    assert!(parties("4月30日に").is_empty());
    assert!(parties("USB drives").is_empty());
}

#[test]
fn a_partnership_of_other_parties_is_never_filed_under_this_one() {
    assert!(filed(
        "Third Japan-UK Digital Partnership Council",
        "The Japan-UK Digital Partnership met. The Digital Partnership agreed on data."
    )
    .is_empty());
    assert_eq!(
        filed("Second Japan-EU Digital Partnership Council Held", "Text."),
        ["eu-japan"]
    );
}

#[test]
fn a_series_the_titled_document_names_in_passing_is_a_reference() {
    let title = "Second Japan-EU Digital Partnership Council Held";
    let once = "The partners welcomed input from the U.S.-Japan Internet Economy Dialogue.";
    assert_eq!(filed(title, once), ["eu-japan"]);
    let twice = format!("{once} The U.S.-Japan Internet Economy Dialogue met again.");
    assert_eq!(filed(title, &twice), ["eu-japan", "us-japan"]);
    assert_eq!(filed("A note", once), ["us-japan"]);
}

#[test]
fn one_full_name_in_the_text_files_it_and_a_bare_alias_needs_two() {
    assert_eq!(
        filed(
            "Joint Press Statement",
            "The 13th meeting of the U.S.-Japan Internet Economy Dialogue was held."
        ),
        ["us-japan"]
    );
    assert!(filed(
        "A note",
        "The Digital Partnership was mentioned by Japan and the EU."
    )
    .is_empty());
    assert_eq!(
        filed(
            "A note",
            "The EU-Japan summit. The Digital Partnership met; the Digital Partnership agreed."
        ),
        ["eu-japan"]
    );
    assert_eq!(
        filed("日米デジタルエコノミー対話(第14回会合)の結果", "本文。"),
        ["us-japan"]
    );
}
