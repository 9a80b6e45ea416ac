//! Key phrases of a corpus: the runs of one to four common words that
//! recur across documents, with the documents each occurs in.
//!
//! A word is common when the corpus also writes it in lower case
//! somewhere; a word it only ever capitalises (a person, a place, a party,
//! "Granholm", "Indian") or writes in capitals ("EU", "HECD") is a name, and
//! names are for dialogues and organisations, not themes: it ends a phrase.
//! So do punctuation, digits and stop words: a phrase with "and" or "of"
//! inside was, more often than not, two phrases run together ("energy
//! security and countering").
//!
//! A phrase that the corpus only ever writes right before a name is a
//! part of the name ("von der" of "von der Leyen", "climate envoy" of
//! "climate envoy Kerry"), not a subject of its own; nor is one it only
//! ever writes before the same word ("strengthening energy", always
//! before "security"): that one is a piece of the longer phrase.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::text::stop_words::{PHRASE_STOP_WORDS, SEARCH_STOP_WORDS};

/// The most words of a phrase.
const MAX_WORDS: usize = 3;
/// The fewest letters of a one-word phrase.
const MIN_WORD_LETTERS: usize = 4;

/// Words too common in statements of any subject to name one: how they
/// report ("said", "held"), count ("two", "first") and speak of the
/// parties ("sides", "countries", "leaders").
#[rustfmt::skip]
const GENERIC: &[&str] = &[
    "said", "says", "say", "held", "hold", "today", "year", "years", "also", "well",
    "new", "first", "second", "third", "fourth", "fifth", "sixth", "one", "two", "three",
    "both", "side", "sides", "country", "countries", "nation", "nations", "leaders",
    "leader", "minister", "ministers", "president", "secretary", "meeting", "meetings",
    "including", "include", "includes", "important", "importance", "further", "continue",
    "agreed", "agree", "areas", "area", "work", "working", "together", "statement",
    "joint", "across", "among", "toward", "towards", "within", "would", "week", "according",
    "noted", "added", "stated", "reiterated", "welcomed", "discussed", "announced",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "mr", "ms", "dr", "via", "per", "made", "make",
    "take", "taken", "need", "part", "number", "ways", "way", "time", "order", "range",
    "support", "strengthen", "enhance", "promote", "deepen", "ensure", "based", "level",
    "levels", "high", "many", "several", "various", "other", "others", "same", "current",
    "read", "here", "click", "more", "home", "page", "news", "article", "share",
];

/// A phrase: its words in lower case, and the documents it occurs in, with
/// how many times.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub text: String,
    pub words: usize,
    pub documents: BTreeMap<usize, usize>,
}

impl Phrase {
    pub fn document_set(&self) -> BTreeSet<usize> {
        self.documents.keys().copied().collect()
    }
}

/// A token of a text: a common word in lower case, a name (a word the
/// corpus never writes in lower case, or in capitals), or a break.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Name,
    Break,
}

/// What follows a phrase, over its occurrences.
#[derive(Debug, Clone, Default)]
struct Followers {
    /// An occurrence is followed by no word of a phrase (a break, a stop
    /// word, the end).
    ends: bool,
    /// An occurrence is followed by something other than a name.
    not_a_name: bool,
    /// The word that follows, while it is always the same one.
    word: Option<String>,
    varied: bool,
}

impl Followers {
    fn add(&mut self, next: Option<&Token>) {
        match next {
            Some(Token::Name) => {}
            Some(Token::Word(w)) if can_bound(w) => {
                self.not_a_name = true;
                match &self.word {
                    None => self.word = Some(w.clone()),
                    Some(seen) if seen != w => self.varied = true,
                    Some(_) => {}
                }
            }
            _ => {
                self.ends = true;
                self.not_a_name = true;
            }
        }
    }

    fn merge(&mut self, other: &Followers) {
        self.ends |= other.ends;
        self.not_a_name |= other.not_a_name;
        self.varied |= other.varied
            || (self.word.is_some() && other.word.is_some() && self.word != other.word);
        if self.word.is_none() {
            self.word.clone_from(&other.word);
        }
    }

    /// A unit of its own: not only the front of a name, nor only of one
    /// longer phrase.
    fn is_unit(&self) -> bool {
        self.not_a_name && (self.ends || self.varied)
    }
}

/// Every phrase of `texts` (one per document) found in at least two of them.
pub fn recurring(texts: &[&str]) -> Vec<Phrase> {
    let lower = lower_case_words(texts);
    let mut found: BTreeMap<String, (Phrase, Followers)> = BTreeMap::new();
    for (doc, text) in texts.iter().enumerate() {
        let tokens = tokens(text, &lower);
        for (phrase, followers) in phrases_of(&tokens) {
            let (entry, seen) = found.entry(phrase.clone()).or_insert_with(|| {
                let words = phrase.split(' ').count();
                let phrase = Phrase {
                    words,
                    text: phrase,
                    documents: BTreeMap::new(),
                };
                (phrase, Followers::default())
            });
            *entry.documents.entry(doc).or_default() += 1;
            seen.merge(&followers);
        }
    }
    found
        .into_values()
        .filter(|(p, seen)| p.documents.len() >= 2 && seen.is_unit())
        .map(|(p, _)| p)
        .collect()
}

/// The words the corpus writes in lower case at least once.
fn lower_case_words(texts: &[&str]) -> HashSet<String> {
    texts
        .iter()
        .flat_map(|t| raw_words(t))
        .filter(|w| w.chars().all(|c| !c.is_uppercase()))
        .map(str::to_string)
        .collect()
}

/// The pieces of `text` between spaces and punctuation, with a hyphen or
/// an apostrophe inside a word kept ("low-carbon").
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

fn tokens(text: &str, lower: &HashSet<String>) -> Vec<Token> {
    let mut out = Vec::new();
    for piece in text.split_inclusive(|c: char| !(c.is_alphanumeric() || "-'’".contains(c))) {
        let ends_clause = piece.ends_with(|c: char| !(c.is_alphanumeric() || c == ' '));
        let word = piece.trim_matches(|c: char| !c.is_alphanumeric());
        if !word.is_empty() {
            out.push(token(word, lower));
        }
        if ends_clause {
            out.push(Token::Break);
        }
    }
    out
}

fn token(word: &str, lower: &HashSet<String>) -> Token {
    let folded = word.to_lowercase();
    if word.chars().any(|c| c.is_ascii_digit()) {
        return Token::Break;
    }
    let capitals = word.len() > 1 && word.chars().all(|c| !c.is_lowercase());
    match lower.contains(&folded) && !capitals {
        true => Token::Word(folded),
        false => Token::Name,
    }
}

/// The phrases of one text, each once, with what follows them there.
fn phrases_of(tokens: &[Token]) -> BTreeMap<String, Followers> {
    let mut found: BTreeMap<String, Followers> = BTreeMap::new();
    for start in 0..tokens.len() {
        let mut words: Vec<&str> = Vec::new();
        for (at, token) in tokens.iter().enumerate().skip(start) {
            let Token::Word(word) = token else { break };
            if words.len() == MAX_WORDS || !can_bound(word) {
                break;
            }
            words.push(word);
            if fits(&words) {
                let next = tokens.get(at + 1);
                found.entry(words.join(" ")).or_default().add(next);
            }
        }
    }
    found
}

/// A word that may stand in a phrase.
fn can_bound(word: &str) -> bool {
    !SEARCH_STOP_WORDS.contains(word)
        && !PHRASE_STOP_WORDS.contains(word)
        && !GENERIC.contains(&word)
}

fn fits(words: &[&str]) -> bool {
    match words {
        [one] => one.chars().filter(|c| c.is_alphabetic()).count() >= MIN_WORD_LETTERS,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(phrases: &[Phrase]) -> Vec<&str> {
        phrases.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn phrases_recur_across_documents_and_names_break_them() {
        let found = recurring(&[
            "Secretary Granholm spoke on green hydrogen and energy security.",
            "The EU backs green hydrogen. Security of supply matters for energy security.",
            "Nothing in common with them here, Granholm said.",
        ]);
        let texts = texts(&found);
        assert!(texts.contains(&"green hydrogen"), "{texts:?}");
        assert!(texts.contains(&"energy security"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("granholm")), "{texts:?}");
        assert!(!texts.contains(&"said"), "{texts:?}");
        let hydrogen = found.iter().find(|p| p.text == "green hydrogen").unwrap();
        assert_eq!(hydrogen.document_set(), BTreeSet::from([0, 1]));
    }

    #[test]
    fn a_stop_word_ends_a_phrase() {
        let found = recurring(&["the energy security and trade", "energy security and trade"]);
        let texts = texts(&found);
        assert!(texts.contains(&"energy security"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains(" and")), "{texts:?}");
    }

    #[test]
    fn a_phrase_only_ever_before_a_name_is_a_part_of_the_name() {
        let found = recurring(&[
            "President von der Leyen spoke on grid storage.",
            "Ursula von der Leyen met them. Grid storage grew.",
        ]);
        let texts = texts(&found);
        assert!(texts.contains(&"grid storage"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("von")), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("der")), "{texts:?}");
    }

    #[test]
    fn function_words_end_a_phrase() {
        let found = recurring(&[
            "Grid storage grew during the talks, though slowly.",
            "During the talks, grid storage expanded; meanwhile prices fell.",
        ]);
        let texts = texts(&found);
        assert!(texts.contains(&"grid storage"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("during")), "{texts:?}");
    }
}
