//! The taxonomy of `briefing.yaml` as matchers built once per run: theme
//! keywords, dialogue names and aliases, kind cues, organisation names, and
//! the verbs that mark recommendations. Matching is whole-word; an all-caps
//! term (AI, 5G, BRT) matches case-sensitively, any other ignores case.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::config::Config;

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

/// All terms in one automaton that ignores ASCII case, searched in one pass:
/// a match of an all-caps term counts only when the text has it in exactly
/// that case (ignoring case finds every exact match, and more).
pub struct Vocabulary {
    automaton: AhoCorasick,
    terms: Vec<Term>,
}

/// What a pattern of the automaton stands for.
struct Term {
    category: Category,
    entry: usize,
    /// The term's bytes when it must match case-sensitively.
    exact: Option<Box<[u8]>>,
}

impl Vocabulary {
    pub fn new(config: &Config) -> Vocabulary {
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
        }
        let owned = |cues: &[&str]| cues.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        add(&owned(RECOMMENDATION_CUES), Category::Recommendation, 0);
        add(&owned(COMMITMENT_CUES), Category::Commitment, 0);
        terms.retain(|(t, _, _)| !t.is_empty());
        // Case-sensitive terms first: where two terms match the same span,
        // the earlier pattern wins.
        terms.sort_by_key(|(t, _, _)| !is_all_caps(t));
        Vocabulary {
            automaton: build(&terms),
            terms: terms
                .iter()
                .map(|(t, category, entry)| Term {
                    category: *category,
                    entry: *entry,
                    exact: is_all_caps(t).then(|| t.as_bytes().into()),
                })
                .collect(),
        }
    }

    /// Every whole-word occurrence in `text`, sorted by position; where terms
    /// of one category overlap, the longest wins ("Hiroshima AI Process"
    /// counts once, not also as "AI").
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            let term = &self.terms[m.pattern().as_usize()];
            let case_differs = term
                .exact
                .as_deref()
                .is_some_and(|exact| &text.as_bytes()[start..end] != exact);
            if case_differs || !whole_word(text, start, end) {
                continue;
            }
            let hit = Hit {
                start,
                end,
                category: term.category,
                entry: term.entry,
            };
            hits.push((hit, m.pattern().as_usize()));
        }
        hits.sort_unstable_by_key(|(h, pattern)| {
            (h.category, h.start, std::cmp::Reverse(h.end), *pattern)
        });
        let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
        for (hit, _) in hits {
            let overlaps = kept
                .last()
                .is_some_and(|k| k.category == hit.category && hit.start < k.end);
            if !overlaps {
                kept.push(hit);
            }
        }
        kept.sort_by_key(|h| (h.start, h.category));
        kept
    }
}

fn build(terms: &[(String, Category, usize)]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        // A full DFA: the fastest overlapping search, and the taxonomy is small.
        .kind(Some(AhoCorasickKind::DFA))
        .build(terms.iter().map(|(t, _, _)| t))
        .expect("taxonomy terms build an automaton")
}

/// "AI", "5G", "ISO/IEC": no lower-case letter at all.
pub fn is_all_caps(term: &str) -> bool {
    !term.chars().any(char::is_lowercase)
}

/// Whether `start..end` is not inside a longer word. Short terms ("ai",
/// "will") match inside many words, so the neighbouring bytes are looked at
/// first and a character decoded only when one is not ASCII.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let before = match start.checked_sub(1).map(|i| bytes[i]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    };
    let after = match bytes.get(end) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric),
    };
    !before && !after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> (Config, Vocabulary) {
        let config = Config::parse(
            "title: t\nthemes:\n  - {slug: ai, name: AI, keywords: [AI, Hiroshima AI Process, artificial intelligence]}\n  - {slug: trade, name: T, keywords: [digital trade]}\ndialogues:\n  - {slug: brt, name: Business Round Table, aliases: [BRT]}\n",
            std::path::Path::new("b.yaml"),
        )
        .unwrap();
        let v = Vocabulary::new(&config);
        (config, v)
    }

    fn themes(v: &Vocabulary, text: &str) -> Vec<usize> {
        v.hits(text)
            .iter()
            .filter(|h| h.category == Category::Theme)
            .map(|h| h.entry)
            .collect()
    }

    #[test]
    fn matching_rules() {
        let (_, v) = vocabulary();
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
    fn cue_verbs_are_found() {
        let (_, v) = vocabulary();
        let cats: Vec<Category> = v
            .hits("We urge them and reaffirm it; we remain hopeful.")
            .iter()
            .map(|h| h.category)
            .collect();
        assert_eq!(cats, [Category::Recommendation, Category::Commitment]);
    }
}
