//! The taxonomy of `briefing.yaml` as matchers built once per run: theme
//! keywords, dialogue names and aliases, kind cues, organisation names, and
//! the verbs that mark recommendations. Matching is whole-word; an all-caps
//! term (AI, 5G, BRT) matches case-sensitively, any other ignores case.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use hashbrown::HashTable;

use crate::config::Config;
use crate::text::folded_word_hash;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Theme,
    Dialogue,
    Kind,
    Organisation,
    Recommendation,
    Commitment,
}

/// One occurrence of a term: byte range, category and the index of the
/// entry (theme, dialogue …) within its list in the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub entry: usize,
}

/// Verbs by which a sentence asks someone else to act.
const RECOMMENDATION_CUES: &[&str] = &[
    "urge",
    "urges",
    "urged",
    "call on",
    "calls on",
    "called on",
    "call upon",
    "calls upon",
    "called upon",
    "call for",
    "calls for",
    "called for",
    "should",
    "must",
    "recommend",
    "recommends",
    "recommended",
    "request",
    "requests",
    "requested",
    "requesting",
    "encourage",
    "encourages",
    "encouraged",
    "invite",
    "invites",
    "invited",
    "advocate",
    "advocates",
    "expect",
];

/// Verbs by which the authors bind themselves. Whether a cue really asks or
/// commits in its sentence is for `cues::judge` to say.
const COMMITMENT_CUES: &[&str] = &[
    "commit",
    "commits",
    "committed to",
    "commit to",
    "commitment to",
    "reaffirm",
    "reaffirms",
    "reaffirmed",
    "will continue",
    "will",
    "pledge",
    "pledges",
    "pledged",
    "shall",
    "decided to",
    "decide to",
    "decides to",
];

/// The terms, found from the words of a text: each word that starts a
/// term (ASCII case ignored) is looked up, and the terms it starts are
/// compared with the text there. A match of an all-caps term counts only
/// when the text has it in exactly that case.
///
/// An automaton over every byte was the first way (one pass, all terms at
/// once), but the taxonomy's 250 terms made a 1.7 MB DFA: every byte of
/// every document a load from outside the core's cache, a sixth of the
/// ingest. A word is about seven bytes, half of them are told apart by a
/// table of 11 KB, and the scan went to an eighth of the ingest.
pub struct TermMatcher {
    terms: Vec<Term>,
    /// Each dialogue's parties, from its name and aliases (`series`).
    pub dialogue_parties: Vec<super::series::Parties>,
    /// Each dialogue's names and aliases that name a series with its
    /// parties, by key ([`super::series_names::SeriesName::key`]).
    pub dialogue_series: Vec<(super::series::Parties, String, usize)>,
    /// The dialogues' names without their parties, and their searcher.
    pub dialogue_short_names: super::series_filing::ShortNames,
    /// Terms that start with an ASCII letter or digit, by their first
    /// word (its ASCII letters and digits, lower-cased), in term order;
    /// found by [`folded_word_hash`], so a word of the text is looked up as it
    /// is, without a lower-cased copy.
    by_first_word: HashTable<(Box<[u8]>, Vec<usize>)>,
    /// For each pair of first two characters ([`pair`]), bit `n` (63: 63
    /// or more) set when some first word starts so and has `n` bytes: most
    /// words of a text are told by it alone, without hashing them.
    first_words: Box<[u64; PAIRS]>,
    /// The terms that start with any other character, when there are any.
    others: Option<OtherTerms>,
}

/// The terms that start with a character other than an ASCII letter or
/// digit (in practice Japanese ones), found by an automaton.
struct OtherTerms {
    automaton: AhoCorasick,
    /// The term each of the automaton's patterns is.
    terms: Vec<usize>,
    /// The bytes these terms start with: a text without any of them (an
    /// English one) is not walked through the automaton, whose overlapping
    /// search has no prefilter for terms starting with many different bytes.
    first_bytes: [bool; 256],
}

impl OtherTerms {
    fn new(all: &[Term], terms: Vec<usize>) -> OtherTerms {
        let mut first_bytes = [false; 256];
        for t in terms.iter().filter_map(|&i| all[i].text.first()) {
            first_bytes[usize::from(t.to_ascii_lowercase())] = true;
            first_bytes[usize::from(t.to_ascii_uppercase())] = true;
        }
        OtherTerms {
            automaton: build(terms.iter().map(|&i| &all[i].text)),
            terms,
            first_bytes,
        }
    }

    /// Calls `found(term, start)` for each of these terms in `text`.
    fn find(&self, text: &str, found: &mut impl FnMut(usize, usize)) {
        if !text.bytes().any(|b| self.first_bytes[usize::from(b)]) {
            return;
        }
        for m in self.automaton.find_overlapping_iter(text) {
            found(self.terms[m.pattern().as_usize()], m.start());
        }
    }
}

/// What a term stands for.
struct Term {
    category: Category,
    entry: usize,
    /// The term as written.
    text: Box<[u8]>,
    /// Whether it must match in exactly its case.
    exact: bool,
}

impl TermMatcher {
    pub fn new(config: &Config) -> TermMatcher {
        let mut terms: Vec<(String, Category, usize)> = Vec::new();
        let mut add = |words: &[String], category, entry| {
            terms.extend(
                words
                    .iter()
                    .map(|w| (w.trim().to_string(), category, entry)),
            )
        };
        for (i, t) in config.themes.iter().enumerate() {
            add(&t.keywords, Category::Theme, i);
        }
        for (i, d) in config.dialogues.iter().enumerate() {
            add(std::slice::from_ref(&d.name), Category::Dialogue, i);
            add(&d.aliases, Category::Dialogue, i);
        }
        for (i, k) in config.kinds.iter().enumerate() {
            add(&k.cues, Category::Kind, i);
        }
        for (i, o) in config.organisations.iter().enumerate() {
            add(std::slice::from_ref(&o.name), Category::Organisation, i);
            add(&o.aliases, Category::Organisation, i);
            add(&o.groups, Category::Organisation, i);
            let titles: Vec<String> = o.aliases.iter().flat_map(|a| job_titles(a)).collect();
            add(&titles, Category::Organisation, i);
        }
        let owned = |cues: &[&str]| cues.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        add(&owned(RECOMMENDATION_CUES), Category::Recommendation, 0);
        add(&owned(COMMITMENT_CUES), Category::Commitment, 0);
        terms.retain(|(t, _, _)| !t.is_empty());
        // Case-sensitive terms first: where two terms match the same span,
        // the earlier term wins.
        terms.sort_by_key(|(t, _, _)| !is_all_caps(t));
        let terms: Vec<Term> = terms
            .into_iter()
            .map(|(t, category, entry)| Term {
                category,
                entry,
                exact: is_all_caps(&t),
                text: t.into_bytes().into(),
            })
            .collect();
        let mut by_first_word: HashTable<(Box<[u8]>, Vec<usize>)> = HashTable::new();
        let mut first_words = Box::new([0; PAIRS]);
        let mut others = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            let Some(word) = first_word(&term.text) else {
                others.push(i);
                continue;
            };
            let word = word.to_ascii_lowercase();
            first_words[pair(&word)] |= length_bit(word.len());
            let hash = folded_word_hash(&word);
            let entry =
                by_first_word.entry(hash, |(w, _)| **w == *word, |(w, _)| folded_word_hash(w));
            entry
                .or_insert_with(|| (word.into(), Vec::new()))
                .get_mut()
                .1
                .push(i);
        }
        let others = (!others.is_empty()).then(|| OtherTerms::new(&terms, others));
        TermMatcher {
            dialogue_parties: super::series::dialogue_parties(config),
            dialogue_series: super::series_names::dialogue_series(config),
            dialogue_short_names: super::series_filing::ShortNames::new(config),
            terms,
            by_first_word,
            first_words,
            others,
        }
    }

    /// Every whole-word occurrence in `text`, sorted by position; where terms
    /// of one category overlap, the longest wins ("Hiroshima AI Process"
    /// counts once, not also as "AI"). One span that is a term of two
    /// entries (a group that two organisations issue through) counts for
    /// both.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut found = |term: usize, start: usize| {
            let t = &self.terms[term];
            let end = start + t.text.len();
            let case_differs = t.exact && text.as_bytes()[start..end] != *t.text;
            if case_differs || !whole_word(text, start, end) {
                return;
            }
            let hit = Hit {
                start,
                end,
                category: t.category,
                entry: t.entry,
            };
            hits.push((hit, term));
        };
        self.find_by_first_word(text, &mut found);
        if let Some(others) = &self.others {
            others.find(text, &mut found);
        }
        hits.sort_unstable_by_key(|(h, term)| {
            (h.category, h.start, std::cmp::Reverse(h.end), *term)
        });
        let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
        for (hit, _) in hits {
            let overlaps = kept.last().is_some_and(|k| {
                let same_span = (k.start, k.end) == (hit.start, hit.end) && k.entry != hit.entry;
                k.category == hit.category && hit.start < k.end && !same_span
            });
            if !overlaps {
                kept.push(hit);
            }
        }
        kept.sort_by_key(|h| (h.start, h.category));
        kept
    }

    /// Calls `found(term, start)` for each term that starts with an ASCII
    /// letter or digit and is in `text` at `start` (ASCII case ignored),
    /// at the start of a word there.
    fn find_by_first_word(&self, text: &str, found: &mut impl FnMut(usize, usize)) {
        let bytes = text.as_bytes();
        crate::text::words::for_each_ascii_word(bytes, |start, end| {
            let word = &bytes[start..end];
            if self.first_words[pair(word)] & length_bit(word.len()) == 0 {
                return;
            }
            let same = |(first, _): &(Box<[u8]>, Vec<usize>)| first.eq_ignore_ascii_case(word);
            let Some((_, terms)) = self.by_first_word.find(folded_word_hash(word), same) else {
                return;
            };
            for &term in terms {
                let t = &self.terms[term].text;
                let there = bytes.get(start..start + t.len());
                if there.is_some_and(|there| there.eq_ignore_ascii_case(t)) {
                    found(term, start);
                }
            }
        });
    }
}

/// The job titles that stand for a ministry or department named `name`:
/// its minister or secretary speaks for it ("Minister for Internal Affairs
/// and Communications" is MIC, 総務大臣 is 総務省).
fn job_titles(name: &str) -> Vec<String> {
    if let Some(field) = name.strip_prefix("Ministry of ") {
        return vec![
            format!("Minister of {field}"),
            format!("Minister for {field}"),
        ];
    }
    if let Some(field) = name.strip_prefix("Department of ") {
        return vec![format!("Secretary of {field}")];
    }
    match name.strip_suffix('省') {
        Some(field) if !field.is_empty() => vec![format!("{field}大臣")],
        _ => Vec::new(),
    }
}

/// Each byte's class: 0 for all but ASCII letters and digits, which are
/// 1 to 36 (a letter's class is its lower case's).
static WORD_CLASS: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = (b as u8).to_ascii_lowercase();
        classes[b] = match byte {
            b'a'..=b'z' => byte - b'a' + 1,
            b'0'..=b'9' => byte - b'0' + 27,
            _ => 0,
        };
        b += 1;
    }
    classes
};

/// The pairs of classes of a word's first two bytes (the second 0 for a
/// word of one byte).
const PAIRS: usize = 37 * 37;

/// The index of the pair of `word`'s first two bytes' classes.
fn pair(word: &[u8]) -> usize {
    let class = |i: usize| {
        word.get(i)
            .map_or(0, |&b| usize::from(WORD_CLASS[usize::from(b)]))
    };
    class(0) * 37 + class(1)
}

/// The word a term starts with (its leading ASCII letters and digits), or
/// `None` when it starts with any other character.
fn first_word(term: &[u8]) -> Option<&[u8]> {
    let len = term
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(term.len());
    (len > 0).then(|| &term[..len])
}

fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

fn build<'a>(patterns: impl Iterator<Item = &'a Box<[u8]>>) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .expect("taxonomy terms build an automaton")
}

/// "AI", "5G", "ISO/IEC": no lower-case letter at all.
pub fn is_all_caps(term: &str) -> bool {
    !term.chars().any(char::is_lowercase)
}

/// Whether `start..end` is not inside a longer word. Short terms ("ai",
/// "will") match inside many words, so the neighbouring bytes are looked at
/// first and a character decoded only when one is not ASCII. Chinese,
/// Japanese and Korean have no spaces between words, so their characters
/// border a term as a space would ("日EU" holds "EU").
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let letter = |c: char| c.is_alphanumeric() && !crate::text::words::is_cjk(c);
    let before = match start.checked_sub(1).map(|i| bytes[i]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..start].chars().next_back().is_some_and(letter),
    };
    let after = match bytes.get(end) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[end..].chars().next().is_some_and(letter),
    };
    !before && !after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> (Config, TermMatcher) {
        let config = Config::parse(
            "title: t\nthemes:\n  - {slug: ai, name: AI, keywords: [AI, Hiroshima AI Process, artificial intelligence]}\n  - {slug: trade, name: T, keywords: [digital trade]}\ndialogues:\n  - {slug: brt, name: Business Round Table, aliases: [BRT]}\n",
            std::path::Path::new("b.yaml"),
        )
        .unwrap();
        let v = TermMatcher::new(&config);
        (config, v)
    }

    fn themes(v: &TermMatcher, text: &str) -> Vec<usize> {
        v.hits(text)
            .iter()
            .filter(|h| h.category == Category::Theme)
            .map(|h| h.entry)
            .collect()
    }

    #[test]
    fn matching_rules() {
        let (_, v) = matcher();
        let cases: [(&str, &[usize]); 6] = [
            ("AI and Artificial Intelligence", &[0, 0]),
            ("the Hiroshima AI Process", &[0]),
            ("MAIL, Ai, ai, FAIR", &[]),
            ("AI-based Digital Trade", &[0, 1]),
            ("digital trades", &[]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(themes(&v, text), want, "{text}");
        }
        let brt = v
            .hits("the BRT and brt")
            .iter()
            .filter(|h| h.category == Category::Dialogue)
            .count();
        assert_eq!(brt, 1);
    }

    #[test]
    fn terms_with_punctuation_or_not_starting_with_a_letter_are_found() {
        let config = Config::parse(
            "title: t\nthemes:\n  - {slug: r, name: R, keywords: [R&D, e-commerce, ISO/IEC, .NET, Ökodesign, U.S.–Japan]}\n",
            std::path::Path::new("b.yaml"),
        )
        .unwrap();
        let v = TermMatcher::new(&config);
        let found = |text: &str| -> Vec<String> {
            v.hits(text)
                .iter()
                .filter(|h| h.category == Category::Theme)
                .map(|h| text[h.start..h.end].to_string())
                .collect()
        };
        assert_eq!(
            found("R&D, E-Commerce and ISO/IEC; .NET and Ökodesign; the U.S.–Japan talks"),
            [
                "R&D",
                "E-Commerce",
                "ISO/IEC",
                ".NET",
                "Ökodesign",
                "U.S.–Japan"
            ]
        );
        assert!(found("R&Ds, e-commerces, x.NET, ÖkodesignX").is_empty());
    }

    #[test]
    fn cue_verbs_are_found() {
        let (_, v) = matcher();
        let cats: Vec<Category> = v
            .hits("We urge them and reaffirm it; we remain hopeful.")
            .iter()
            .map(|h| h.category)
            .collect();
        assert_eq!(cats, [Category::Recommendation, Category::Commitment]);
    }
}
