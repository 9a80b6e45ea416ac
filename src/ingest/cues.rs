//! Whether a cue word in a sentence really asks or commits. "Should",
//! "urge" or "committed to" mark a recommendation only where someone is asked
//! to act, and a commitment only where the authors or the parties bind
//! themselves: not in a relative clause ("partners that are committed to"),
//! a prediction ("they are likely to call on"), a report of what others said,
//! or a sentence whose subject is a thing ("this order shall …").

use std::borrow::Cow;

use crate::content::RecommendationKind;

#[rustfmt::skip]
#[path = "cue_words.rs"]
mod words;
use words::*;

/// Who speaks in a document, which decides whose asks and pledges count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// Statements, letters, releases: the authors and the parties they report on.
    Parties,
    /// Commentary and analysis: only the author's own asks; what governments
    /// did or will do is description.
    Author,
}

impl Voice {
    /// The voice of a document kind (a `briefing.yaml` kind slug).
    pub fn of_kind(kind: &str) -> Voice {
        const AUTHORED: &[&str] = &[
            "commentary",
            "analysis",
            "article",
            "opinion",
            "op-ed",
            "blog",
        ];
        if AUTHORED.iter().any(|k| kind.contains(k)) {
            Voice::Author
        } else {
            Voice::Parties
        }
    }
}

/// A cue found in a sentence: its byte range and whether the word list it
/// came from asks or commits.
#[derive(Debug, Clone, Copy)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub asks: bool,
}

/// The kind of the first cue that really asks or commits, if any.
pub fn judge(sentence: &str, cues: &[Cue], voice: Voice) -> Option<RecommendationKind> {
    // Most sentences have no cue: not worth lower-casing to look further.
    if cues.is_empty() {
        return None;
    }
    let trimmed = sentence.trim_end();
    if trimmed.ends_with('?') || announces(trimmed) || trimmed.starts_with("Should ") {
        return None;
    }
    cues.iter().find_map(|cue| {
        let word = sentence[cue.start..cue.end].to_lowercase();
        let before = Before::new(&sentence[..cue.start]);
        let after = words_after(&sentence[cue.end..]);
        let ok = match word.as_str() {
            "should" | "must" => modal_asks(&word, &before, &after, voice),
            "will" => will_commits(&before, &after, voice),
            _ if cue.asks => verb_asks(&word, &before, &after, voice),
            _ if word.starts_with("commitment") => commitment_noun(&before, voice),
            _ => verb_commits(&before, voice),
        };
        ok.then_some(if cue.asks {
            RecommendationKind::Recommendation
        } else {
            RecommendationKind::Commitment
        })
    })
}

/// "We present the following …", "The following are …": a sentence that
/// announces what comes rather than asking itself (unless it leads a list).
fn announces(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    !sentence.ends_with(':') && (lower.contains("the following") || lower.contains("as follows"))
}

/// Words a modal may be followed by before its verb ("should not", "must also").
const BEFORE_VERB: &[&str] = &["not", "also", "further", "therefore", "now"];

/// The words after a cue that the rules read, lower-case with their
/// punctuation trimmed ("U.S." stays "u.s"): any of [`BEFORE_VERB`], then
/// two more. Only these, as a cue may open a long sentence.
fn words_after(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut past_modifiers = 0;
    for w in text.split_whitespace() {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if w.is_empty() {
            continue;
        }
        if past_modifiers > 0 || !BEFORE_VERB.contains(&w.as_str()) {
            past_modifiers += 1;
        }
        words.push(w);
        if past_modifiers == 2 {
            break;
        }
    }
    words
}

/// The words of the clause before a cue, read backwards past auxiliaries.
struct Before<'a> {
    /// All words of the sentence before the cue.
    sentence: Vec<Cow<'a, str>>,
    /// The words of the cue's clause that name its subject.
    subject: Vec<Cow<'a, str>>,
    /// The first word before the cue that is not an auxiliary or adverb.
    head: Option<Cow<'a, str>>,
    head_capitalised: bool,
    /// A proper name (a capitalised word after the first) before the cue.
    names_someone: bool,
    skipped: Vec<Cow<'a, str>>,
}

/// Lower-case words and whether each was capitalised; a word already in
/// lower case is borrowed, not copied (most are, and the words before every
/// cue of every sentence pass here).
fn tokens(text: &str) -> Vec<(Cow<'_, str>, bool)> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            let lower = match w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
                true => Cow::Borrowed(w),
                false => Cow::Owned(w.to_lowercase()),
            };
            (lower, capitalised)
        })
        .collect()
}

impl<'a> Before<'a> {
    fn new(text: &'a str) -> Before<'a> {
        let clause_start = text
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, ',' | ';' | ':' | '—' | '–'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let clause = tokens(&text[clause_start..]);
        let mut n = clause.len();
        let mut skipped = Vec::new();
        // "Both countries …": `both` is the subject when nothing precedes it.
        while n > 1 && SKIPPED.contains(&clause[n - 1].0.as_ref()) {
            skipped.push(clause[n - 1].0.clone());
            n -= 1;
        }
        if n == 1 && clause[0].0 != "both" && SKIPPED.contains(&clause[0].0.as_ref()) {
            skipped.push(clause[0].0.clone());
            n = 0;
        }
        let subject_start = clause[..n]
            .iter()
            .rposition(|(w, _)| RELATIVES.contains(&w.as_ref()) && n > 0)
            .filter(|&i| i + 1 < n)
            .map_or(0, |i| i + 1);
        let all = tokens(text);
        Before {
            names_someone: all
                .iter()
                .skip(1)
                .any(|(w, cap)| *cap && !THINGS.contains(&w.as_ref())),
            sentence: all.into_iter().map(|(w, _)| w).collect(),
            subject: clause[subject_start..n]
                .iter()
                .map(|(w, _)| w.clone())
                .collect(),
            head: n.checked_sub(1).map(|i| clause[i].0.clone()),
            head_capitalised: n.checked_sub(1).is_some_and(|i| clause[i].1),
            skipped,
        }
    }

    fn head_is(&self, list: &[&str]) -> bool {
        self.head.as_deref().is_some_and(|h| list.contains(&h))
    }

    fn is_relative(&self) -> bool {
        self.head_is(RELATIVES)
    }

    fn first_person(&self) -> bool {
        self.subject
            .iter()
            .any(|w| FIRST_PERSON.contains(&w.as_ref()))
    }

    /// The subject's first word after any determiner: "Industries in Japan" → `industries`.
    fn first_noun(&self) -> Option<&str> {
        self.subject
            .iter()
            .map(AsRef::as_ref)
            .find(|w| !DETERMINERS.contains(w))
    }

    fn hedged(&self) -> bool {
        let like_to = self.skipped.iter().any(|w| w == "like" || w == "wish");
        !like_to && self.skipped.iter().any(|w| HEDGES.contains(&w.as_ref()))
    }

    /// "to encourage …" after anything but "continue": a purpose, not an ask.
    fn infinitive(&self) -> bool {
        let Some(i) = self.skipped.iter().position(|w| w == "to") else {
            return false;
        };
        !matches!(
            self.skipped.get(i + 1).map(AsRef::as_ref),
            Some("continue" | "continues" | "like" | "wish" | "want")
        )
    }

    fn passive(&self) -> bool {
        self.skipped
            .first()
            .is_some_and(|w| matches!(w.as_ref(), "is" | "are" | "be" | "been" | "were"))
    }

    /// The subject is the authors or a party ("both", "the two governments",
    /// "industries in Japan"), not a thing.
    fn party(&self) -> bool {
        self.first_person()
            || self.head_is(ACTORS)
            || self.first_noun().is_some_and(|w| ACTORS.contains(&w))
    }

    /// The word right before a verb cue is its acting subject: the authors,
    /// a party, or a proper name that is not a document or a meeting ("We
    /// remain encouraged" has `remain` there and is no ask).
    fn head_acts(&self) -> bool {
        let joined = self.head_is(&["and", "or", "but"]);
        self.head_is(FIRST_PERSON)
            || self.head_is(ACTORS)
            || (self.head_capitalised && !self.head_is(THINGS))
            || (joined && self.first_noun().is_some_and(|w| ACTORS.contains(&w)))
    }

    fn reported(&self) -> bool {
        !self.first_person()
            && self
                .sentence
                .iter()
                .any(|w| REPORTING.contains(&w.as_ref()))
    }

    /// "We hope that the summit will …": someone else's act, wished for.
    fn wished(&self) -> bool {
        !self.first_person()
            && self
                .sentence
                .iter()
                .any(|w| COMPLEMENTS.contains(&w.as_ref()))
    }
}

/// "X should act": any subject but a relative pronoun, unless the modal is
/// a forecast ("should help"), a remark ("it should be noted") or a regret
/// ("should have").
fn modal_asks(word: &str, before: &Before, after: &[String], _voice: Voice) -> bool {
    let mut next = after
        .iter()
        .map(String::as_str)
        .skip_while(|w| BEFORE_VERB.contains(w));
    let first = next.next().unwrap_or("");
    let second = next.next().unwrap_or("");
    if before.head.is_none() || before.is_relative() || before.reported() {
        return false;
    }
    let forecast = NOT_ASKS.contains(&first) || (first == "lead" && second == "to");
    if forecast || (first == "be" && REMARKS.contains(&second)) {
        return false;
    }
    !(word == "must" && SPEECH.contains(&first))
}

/// "We urge …", "The Councils call on …", "both countries are called upon to …".
fn verb_asks(word: &str, before: &Before, after: &[String], voice: Voice) -> bool {
    let noun = before.head_is(DETERMINERS);
    if noun || before.is_relative() || before.hedged() || before.infinitive() {
        return false;
    }
    if before.reported() {
        return false;
    }
    let participle = word.ends_with("ed") || word.starts_with("called");
    if participle && before.passive() {
        // "are encouraged by the progress", "we are invited": a state, not an ask.
        let by = after.first().is_some_and(|w| w == "by");
        return !by && !before.head_is(FIRST_PERSON);
    }
    match voice {
        // "We expect the EU to …" asks in a statement; in a commentary it forecasts.
        _ if word == "expect" => voice == Voice::Parties && before.head_is(FIRST_PERSON),
        Voice::Author => before.head_is(FIRST_PERSON),
        Voice::Parties => before.head_acts(),
    }
}

/// "Both countries reaffirmed …", "We commit to …", "The Parties shall …".
fn verb_commits(before: &Before, voice: Voice) -> bool {
    if before.is_relative() || before.hedged() || before.infinitive() {
        return false;
    }
    if before.reported() || before.wished() {
        return false;
    }
    match voice {
        Voice::Author => before.head_is(FIRST_PERSON),
        Voice::Parties => before.head_acts(),
    }
}

/// "We will …", "Both countries will …": a pledge when the subject is the
/// authors or the parties and the verb is an act, not a state or a forecast.
fn will_commits(before: &Before, after: &[String], voice: Voice) -> bool {
    if after.first().is_none_or(|w| STATES.contains(&w.as_str())) {
        return false;
    }
    if before.is_relative() || before.hedged() || before.reported() || before.wished() {
        return false;
    }
    match voice {
        Voice::Author => before.first_person(),
        Voice::Parties => before.party(),
    }
}

/// "… emphasized their continued commitment to …": the parties' own
/// commitment, in a sentence that names them.
fn commitment_noun(before: &Before, voice: Voice) -> bool {
    let owner = before
        .sentence
        .iter()
        .rev()
        .take(3)
        .find(|w| matches!(w.as_ref(), "our" | "their"));
    match (owner.map(AsRef::as_ref), voice) {
        (Some("our"), _) => !before.wished(),
        (Some(_), Voice::Parties) => {
            let names = before.names_someone;
            (names || before.sentence.iter().any(|w| ACTORS.contains(&w.as_ref())))
                && !before.reported()
                && !before.wished()
        }
        _ => false,
    }
}

#[cfg(test)]
#[path = "cues_tests.rs"]
mod tests;
