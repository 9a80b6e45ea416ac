//! Which of `briefing.yaml`'s dialogues a document belongs to. A dialogue
//! is a series between parties (the U.S. and Japan, the EU and Japan), so
//! a mention counts for it only when the parties agree: the parties named
//! in the alias itself or written just before it ("Japan-UK Digital
//! Partnership"), else, for a bare alias ("Digital Partnership", "JHLC"),
//! the pair of parties the document names most. A Japan–UK partnership is
//! never filed under EU–Japan, whatever words the two share.
//!
//! One mention in the title, or one of a full name (parties and all, or
//! four words and more) in the text, files the document; a bare alias must
//! be mentioned twice ([`super::series_filing`] weighs the mentions).

use std::sync::LazyLock;

use super::term_matcher::{Category, Hit};
use crate::config::Config;

/// A set of parties, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Parties(u32);

impl Parties {
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn count(self) -> u32 {
        self.0.count_ones()
    }

    fn members(self) -> impl Iterator<Item = &'static Party> {
        PARTIES
            .iter()
            .enumerate()
            .filter(move |(bit, _)| self.0 & (1 << bit) != 0)
            .map(|(_, p)| p)
    }

    /// The governments of the parties that are countries ("Government of
    /// Japan"), in a fixed order; a bloc has none.
    pub fn governments(self) -> Vec<String> {
        self.members()
            .filter_map(|p| p.country)
            .map(|country| format!("Government of {country}"))
            .collect()
    }

    /// Whether every party is a country, not a bloc.
    pub fn all_countries(self) -> bool {
        self.members().all(|p| p.country.is_some())
    }

    /// Each party's short English name ("US", "Japan"), in a fixed order.
    pub fn short_names(self) -> Vec<&'static str> {
        self.members()
            .filter_map(|p| p.english.iter().find(|n| !n.contains('.')).copied())
            .collect()
    }
}

/// Every English name of a party ("U.S.", "Japan", "United Kingdom").
pub fn english_party_names() -> impl Iterator<Item = &'static str> {
    PARTIES.iter().flat_map(|p| p.english.iter().copied())
}

/// A country or bloc that takes part in dialogues.
struct Party {
    /// The names it goes by in English, the short one without full stops
    /// first among them.
    english: &'static [&'static str],
    /// The one-character forms Japanese compounds use (日米, 日EU, 日英).
    japanese: &'static [&'static str],
    /// The country as "the Government of …" names it; `None` for a bloc,
    /// which has no government.
    country: Option<&'static str>,
}

const fn party(
    english: &'static [&'static str],
    japanese: &'static [&'static str],
    country: Option<&'static str>,
) -> Party {
    Party {
        english,
        japanese,
        country,
    }
}

/// Countries and blocs by the names they go by.
const PARTIES: &[Party] = &[
    party(
        &["U.S.", "US", "United States", "America", "American"],
        &["米"],
        Some("the United States"),
    ),
    party(&["Japan", "Japanese"], &["日"], Some("Japan")),
    party(
        &["EU", "European Union", "Europe", "European"],
        &["EU", "欧州"],
        None,
    ),
    party(
        &["UK", "U.K.", "United Kingdom", "Britain", "British"],
        &["英"],
        Some("the United Kingdom"),
    ),
    party(&["India", "Indian"], &["印"], Some("India")),
    party(&["Australia", "Australian"], &["豪"], Some("Australia")),
    party(&["Singapore"], &["シンガポール"], Some("Singapore")),
    party(&["Germany", "German"], &["独"], Some("Germany")),
    party(&["France", "French"], &["仏"], Some("France")),
    party(&["Canada", "Canadian"], &["加"], Some("Canada")),
    party(
        &["Korea", "Korean", "ROK"],
        &["韓"],
        Some("the Republic of Korea"),
    ),
    party(&["China", "Chinese"], &["中"], Some("China")),
];

/// The parties a name speaks of: "U.S.-Japan" and "Japan–U.S." alike, and
/// 日米 in Japanese. English names count as words; Japanese party
/// characters only in a pair with 日 (日米, 米日), as 日 alone is a day.
pub fn parties(text: &str) -> Parties {
    let mut found = 0u32;
    for (bit, party) in PARTIES.iter().enumerate() {
        if party.english.iter().any(|name| has_word(text, name)) {
            found |= 1 << bit;
        }
    }
    Parties(found | japanese_pair(text).0)
}

/// The two parties `text` names most often (by their English names, as
/// words), when no third is named as often as the second.
pub fn main_pair(text: &str) -> Option<Parties> {
    let mut counts: Vec<(usize, u32)> = PARTIES
        .iter()
        .enumerate()
        .map(|(bit, party)| {
            let n = party
                .english
                .iter()
                .map(|name| word_count(text, name))
                .sum();
            (n, 1 << bit)
        })
        .collect();
    counts.sort_by_key(|&(n, _)| std::cmp::Reverse(n));
    match counts[..] {
        [(a, x), (b, y), (c, _), ..] if b > c && a > 0 => Some(Parties(x | y)),
        _ => None,
    }
}

/// How many times `name` stands in `text` as a word.
fn word_count(text: &str, name: &str) -> usize {
    text.match_indices(name)
        .filter(|(at, _)| is_word_at(text, *at, name))
        .count()
}

/// Japanese compounds of Japan and another party (日米, 米日 …), with the
/// parties each stands for.
static JAPANESE_PAIRS: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    let japan = 1u32 << 1;
    let mut pairs = Vec::new();
    for (bit, party) in PARTIES.iter().enumerate().filter(|(bit, _)| *bit != 1) {
        for name in party.japanese {
            let both = japan | (1 << bit);
            pairs.push((format!("日{name}"), both));
            pairs.push((format!("{name}日"), both));
        }
    }
    pairs
});

/// The pair in a Japanese compound: 日 next to another party's character.
fn japanese_pair(text: &str) -> Parties {
    if !text.contains('日') {
        return Parties::default();
    }
    let found = JAPANESE_PAIRS
        .iter()
        .filter(|(compound, _)| text.contains(compound.as_str()))
        .fold(0, |acc, (_, both)| acc | both);
    Parties(found)
}

/// `name` in `text` with no letter on either side.
fn has_word(text: &str, name: &str) -> bool {
    text.match_indices(name)
        .any(|(at, _)| is_word_at(text, at, name))
}

/// Whether `name`, found at `at` in `text`, has no letter on either side.
pub(super) fn is_word_at(text: &str, at: usize, name: &str) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + name.len()..].chars().next();
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    !letter(before) && !letter(after)
}

/// Each dialogue's parties, from its name and every alias.
pub fn dialogue_parties(config: &Config) -> Vec<Parties> {
    config
        .dialogues
        .iter()
        .map(|d| {
            let all = std::iter::once(&d.name)
                .chain(&d.aliases)
                .fold(0, |acc, name| acc | parties(name).0);
            Parties(all)
        })
        .collect()
}

/// The party a word is the name of ("Japan", "U.S."), exactly.
fn party_of_word(word: &str) -> Option<u32> {
    PARTIES
        .iter()
        .position(|p| p.english.contains(&word))
        .map(|bit| 1 << bit)
}

/// The parties of a pair written with a dash between them ("U.S.-Japan",
/// "Japan–UK"), or as a Japanese compound (日英).
fn written_pair(piece: &str) -> Parties {
    let dashed = piece
        .split(['-', '–', '—'])
        .filter_map(|part| {
            party_of_word(part.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        })
        .fold(0, |acc, bit| acc | bit);
    match dashed.count_ones() {
        2.. => Parties(dashed),
        _ => japanese_pair(piece),
    }
}

/// The words of `text` (cut at spaces, commas, semicolons and brackets)
/// that hold a dash or 日, the only ones that can write a pair. Found from
/// their marker bytes with memchr: most of a text has none, and cutting
/// all of it into words cost more than the rest of series detection.
fn paired_pieces(text: &str) -> impl Iterator<Item = &str> {
    let is_separator = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')');
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || loop {
        // '-', and the lead bytes of '–', '—' (E2 80 9x) and '日' (E6 97 A5):
        // never continuation bytes, so `at` starts a character.
        let at = from + memchr::memchr3(b'-', 0xE2, 0xE6, &bytes[from..])?;
        from = at + 1;
        if !text[at..].starts_with(['-', '–', '—', '日']) {
            continue;
        }
        let start = text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_separator(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[at..].find(is_separator).map_or(text.len(), |i| at + i);
        from = end;
        return Some(&text[start..end]);
    })
}

/// The pair of parties the texts name most often as a pair ("U.S.-Japan",
/// "Japan-UK", 日英): what a bare alias is taken to mean.
fn dominant_pair(texts: &[&str]) -> Parties {
    let mut counts: Vec<(Parties, usize)> = Vec::new();
    for piece in texts.iter().flat_map(|text| paired_pieces(text)) {
        let p = written_pair(piece);
        if p.count() != 2 {
            continue;
        }
        match counts.iter_mut().find(|(q, _)| *q == p) {
            Some((_, n)) => *n += 1,
            None => counts.push((p, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or_else(Parties::default, |(p, _)| p)
}

/// The parties a mention stands for: those in its own words, else those
/// written just before it.
fn mention_parties(text: &str, hit: &Hit) -> Parties {
    let own = parties(&text[hit.start..hit.end]);
    if !own.is_empty() {
        return own;
    }
    let before = &text[..hit.start];
    let word_start = before
        .trim_end()
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |i| i + 1);
    let previous = &before[word_start..];
    let p = written_pair(previous);
    match p.count() >= 2 {
        true => p,
        false => japanese_pair(before.get(before.len().saturating_sub(12)..).unwrap_or("")),
    }
}

/// Whether a mention is of a full name, enough on its own.
fn is_full_name(text: &str, hit: &Hit, parties: Parties) -> bool {
    let name = &text[hit.start..hit.end];
    parties.count() >= 2 || crate::text::words::word_count(name) >= 4
}

/// What a mention in the title scores: it files the document by itself.
pub const TITLE_SCORE: usize = 10;

/// How much `title` and `body` (with their taxonomy hits) speak of each
/// dialogue: 10 a mention in the title, 2 one of a full name in the text,
/// 1 a bare alias, each counted only where its parties are the
/// dialogue's; `own` is each dialogue's parties ([`dialogue_parties`]).
pub fn mention_scores(
    config: &Config,
    own: &[Parties],
    title: (&str, &[Hit]),
    body: (&str, &[Hit]),
) -> Vec<usize> {
    // Read only when a mention names no parties of its own.
    let context = std::cell::OnceCell::new();
    let mut scores = vec![0usize; config.dialogues.len()];
    for (text, hits, in_title) in [(title.0, title.1, true), (body.0, body.1, false)] {
        for hit in hits.iter().filter(|h| h.category == Category::Dialogue) {
            let said = mention_parties(text, hit);
            let meant = match said.is_empty() {
                true => *context.get_or_init(|| dominant_pair(&[title.0, body.0])),
                false => said,
            };
            let wanted = own[hit.entry];
            if !meant.is_empty() && !wanted.is_empty() && meant != wanted {
                continue;
            }
            scores[hit.entry] += match (in_title, is_full_name(text, hit, said)) {
                (true, _) => TITLE_SCORE,
                (false, true) => 2,
                (false, false) => 1,
            };
        }
    }
    scores
}

/// A dialogue's alias without parties of its own that documents about two
/// or more pairs of parties use: ingest files each by the pair it names
/// most, but the alias says nothing of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmbiguousAlias {
    pub dialogue: String,
    /// The dialogue's own parties, as its names give them ("Japan-EU"),
    /// empty when they give none.
    pub parties: String,
    pub alias: String,
    /// Each pair of parties ("EU–Japan") with the documents of it that use
    /// the alias.
    pub pairs: Vec<(String, Vec<String>)>,
}

/// The aliases of `config`'s dialogues that `documents` (name and text)
/// of two or more pairs of parties use.
pub fn ambiguous_aliases(config: &Config, documents: &[(String, String)]) -> Vec<AmbiguousAlias> {
    let pairs: Vec<Parties> = documents
        .iter()
        .map(|(_, text)| dominant_pair(&[text]))
        .collect();
    let mut found = Vec::new();
    let own = dialogue_parties(config);
    for (d, own) in config.dialogues.iter().zip(own) {
        for alias in d.aliases.iter().filter(|a| parties(a).is_empty()) {
            let mut by_pair: Vec<(Parties, Vec<String>)> = Vec::new();
            for ((name, text), pair) in documents.iter().zip(&pairs) {
                if pair.is_empty() || !uses(text, alias) {
                    continue;
                }
                match by_pair.iter_mut().find(|(p, _)| p == pair) {
                    Some((_, names)) => names.push(name.clone()),
                    None => by_pair.push((*pair, vec![name.clone()])),
                }
            }
            if by_pair.len() >= 2 {
                found.push(AmbiguousAlias {
                    dialogue: d.slug.clone(),
                    parties: own.short_names().join("-"),
                    alias: alias.clone(),
                    pairs: by_pair
                        .into_iter()
                        .map(|(p, names)| (p.short_names().join("–"), names))
                        .collect(),
                });
            }
        }
    }
    found
}

/// Whether `text` uses `alias` as ingest matches it: as whole words, case
/// ignored unless the alias is all capitals.
fn uses(text: &str, alias: &str) -> bool {
    let all_caps = alias.chars().any(char::is_alphabetic) && !alias.chars().any(char::is_lowercase);
    match all_caps {
        true => has_word(text, alias),
        false => has_word(&text.to_lowercase(), &alias.to_lowercase()),
    }
}

#[cfg(test)]
mod tests;
