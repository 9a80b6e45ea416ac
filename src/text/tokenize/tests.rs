//! The search tokenizer against the plain reading of each character.

use super::*;
use crate::text::word_hash;

fn terms(text: &str) -> Vec<String> {
    tokenize(text)
}

#[test]
fn english_words_are_folded_stemmed_and_stop_words_dropped() {
    assert_eq!(
        terms("The Policies on Sharing of shared DATA"),
        ["policy", "shar", "shar", "data"]
    );
    assert_eq!(terms("meetings, meeting; meet."), ["meet", "meet", "meet"]);
    assert_eq!(terms("processes process"), ["process", "process"]);
    assert_eq!(terms("5G and 6G"), ["5g", "6g"]);
}

#[test]
fn stems_lose_one_plural_one_verb_ending_and_a_final_e() {
    let cases = [
        ("policies", "policy"),
        ("ties", "tie"),
        ("caresses", "caress"),
        ("processes", "process"),
        ("analysis", "analysis"),
        ("status", "status"),
        ("agreements", "agreement"),
        ("sharing", "shar"),
        ("shared", "shar"),
        ("share", "shar"),
        ("bring", "bring"),
        ("used", "used"),
        ("housing", "hous"),
        ("goes", "goe"),
        ("5g", "5g"),
        ("Policies", "Policies"),
        ("the", "the"),
    ];
    for (word, want) in cases {
        assert_eq!(stem(word), want, "{word}");
    }
}

#[test]
fn single_letters_go_but_digits_stay() {
    assert_eq!(terms("U.S. Article 5"), ["articl", "5"]);
}

#[test]
fn full_width_latin_folds_to_ascii() {
    assert_eq!(terms("ＡＩ　Ｐｒｏｃｅｓｓ"), terms("AI Process"));
}

/// Every character through [`Run::fold`]: the plain way, which the
/// ASCII stretches of [`for_each_term`] must agree with.
fn char_by_char(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut visit = |t: &str, _| terms.push(t.to_string());
    let mut run = Run::default();
    text.nfkc().for_each(|c| run.fold(c, &mut visit));
    run.flush(&mut visit);
    terms
}

#[test]
fn ascii_stretches_read_as_characters_do() {
    // Words across the 64-byte blocks the ASCII stretches are read in.
    let long = "Interoperability of cross-border data flows, 5G; privacy-enhancing \
        technologies (PETs) and trusted-AI governance: regulatory sandboxes…— x"
        .repeat(3);
    // Whole words around the longest read in place, with stop words,
    // stems and capitals.
    let words = "x THE The the a I 5 Ab abcdefghijklmnop abcdefghijklmnopq \
        ABCDEFGHIJKLMNOP Abcdefghijklmnopq interoperabilities POLICIES policies \
        Processes SHARING shared theirs Between betweens AbOuT 5G 2024 a1 \
        caresses dies ties goes Yes us bus is this analysis thus sharing. x";
    for text in [
        "Café—Ünïcode’s naïve RÉSUMÉS, x’y",
        "広島AIプロセス and 経済産業省’s 5G—6G",
        "—A—b— Ωmega ΣIGMA’S policies’ 日本x",
        "trailing é",
        "é leading",
        "cafe\u{301} e\u{301}x ＡＩ\u{301}b Ａ. x\u{0327}\u{0301}",
        "",
        "!!!",
        "日本abc def日本 日本, abc—def. —x! Y—",
        &long,
        words,
    ] {
        assert_eq!(terms(text), char_by_char(text), "{text:?}");
        for_each_hashed_term(text, |term, hash| {
            assert_eq!(hash, word_hash(term), "{term}")
        });
    }
}

#[test]
fn cjk_runs_become_bigrams_and_switch_with_latin() {
    assert_eq!(terms("経済産業省"), ["経済", "済産", "産業", "業省"]);
    assert_eq!(
        terms("広島AIプロセス"),
        ["広島", "ai", "プロ", "ロセ", "セス"]
    );
    assert_eq!(terms("日"), ["日"]);
    assert_eq!(terms("한국 정부"), ["한국", "정부"]);
}

#[test]
fn a_query_inside_a_cjk_run_shares_its_bigrams() {
    let text = terms("本日、経済産業省は発表した");
    for term in terms("経済産業省") {
        assert!(text.contains(&term), "{term} missing from {text:?}");
    }
}
