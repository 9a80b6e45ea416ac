//! Theme keywords that stand inside a proper name: "Minister of Education,
//! Culture, Sports, Science and Technology", "the United Nations Education,
//! Scientific and Cultural Organisation", "Under Secretary for Economic
//! Growth, Energy, and the Environment". A ministry, an office or a body
//! named in passing says who someone is, not what the document is about.
//!
//! A keyword `briefing.yaml` writes in lower case ("education", "energy")
//! is a common noun; written capitalised in the middle of a sentence, next
//! to another capitalised word, it is part of a name. Headings and the
//! Title-Case labels that open list items ("Diversify Semiconductor Supply
//! Chains: …") are left alone: they capitalise every word.

use super::Plain;
use crate::config::Config;
use crate::ingest::structure::{Block, Document};
use crate::ingest::term_matcher::{Category, Hit};

/// Small words a name runs on through: "Minister *of* Education, Culture
/// *and* Technology".
const NAME_LINKS: &[&str] = &["of", "for", "and", "the", "&"];

/// `hits` without the theme keywords that are part of a name: of an
/// organisation `briefing.yaml` knows ("Asia-Pacific" in "Asia-Pacific
/// Economic Cooperation"), or written capitalised within one.
pub(super) fn outside_names(
    config: &Config,
    doc: &Document,
    plain: &Plain,
    hits: &[Hit],
) -> Vec<Hit> {
    // In start order, and not overlapping: one organisation's name never
    // holds another's (`TermMatcher::hits`).
    let organisations: Vec<&Hit> = hits
        .iter()
        .filter(|h| h.category == Category::Organisation)
        .collect();
    let in_organisation = |h: &Hit| {
        let before = organisations.partition_point(|o| o.start <= h.start);
        before > 0 && {
            let o = organisations[before - 1];
            h.end <= o.end && (o.start, o.end) != (h.start, h.end)
        }
    };
    let in_name = |h: &Hit| {
        h.category == Category::Theme && (in_organisation(h) || is_in_name(config, doc, plain, h))
    };
    hits.iter().filter(|h| !in_name(h)).copied().collect()
}

fn is_in_name(config: &Config, doc: &Document, plain: &Plain, hit: &Hit) -> bool {
    let text = &plain.text;
    let matched = &text[hit.start..hit.end];
    matched.starts_with(|c: char| c.is_uppercase())
        && is_common_noun(config, hit.entry, matched)
        && !matches!(doc.blocks[plain.block_of(hit.start)], Block::Heading { .. })
        && !opens_sentence(&text[..hit.start])
        && !opens_a_label(&text[..hit.start])
        && (capitalised_word_before(&text[..hit.start]) || capitalised_word_after(&text[hit.end..]))
}

/// Whether the theme's keyword that matched is written without capitals.
fn is_common_noun(config: &Config, theme: usize, matched: &str) -> bool {
    config.themes[theme]
        .keywords
        .iter()
        .find(|k| k.eq_ignore_ascii_case(matched))
        .is_some_and(|k| !k.chars().any(char::is_uppercase))
}

fn opens_sentence(before: &str) -> bool {
    match before.trim_end_matches([' ', '\t']).chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '\n' | '.' | '!' | '?' | ':' | ';' | '(' | '"' | '“' | '•' | '-' | '*'
        ),
    }
}

/// Whether every word from the line's start (past a bullet or number) to
/// the keyword is capitalised or a link word, with no comma between: the
/// keyword is in a Title-Case label, not in a name within a sentence.
fn opens_a_label(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before);
    let words = line.trim_start_matches(|c: char| !c.is_alphabetic());
    !words.contains(',')
        && words
            .split(' ')
            .filter(|w| !w.is_empty())
            .all(|w| NAME_LINKS.contains(&w) || w.starts_with(|c: char| c.is_uppercase()))
}

fn capitalised_word_before(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before);
    let words = line.split([' ', ',']).rev().filter(|w| !w.is_empty());
    first_name_word(words)
}

fn capitalised_word_after(after: &str) -> bool {
    let line = after.split('\n').next().unwrap_or(after);
    let words = line.split([' ', ',']).filter(|w| !w.is_empty());
    first_name_word(words)
}

/// Whether the first word that is not a link word starts with a capital.
fn first_name_word<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    words
        .find(|w| !NAME_LINKS.contains(w))
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
}
