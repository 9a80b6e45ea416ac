//! Which of `briefing.yaml`'s dialogues a document is filed under, from
//! how much it speaks of each ([`super::series::mention_scores`]):
//!
//! - a series' name without its parties ("the Trade Council", after one
//!   "Canada-Korea Trade Council") counts as a bare alias would;
//! - of two series of the same parties, one named less than half as much
//!   as the other is named in passing (a framework the meeting reported
//!   on carries out), and is left out;
//! - when the title names a series, another the text names once is a
//!   reference, not the document's series;
//! - a document that names no dialogue may describe one in words: "the
//!   fourth annual council meeting between the two countries' trade
//!   ministers", in a report on Canada and Korea, is the Canada–Korea
//!   Ministerial Trade Council. The evidence must be all there: a series
//!   noun in lower case after an ordinal or "regular"/"annual" (a meeting
//!   of a recurring series), in a document that names both parties of the
//!   dialogue and no third party as often, and every word of the
//!   dialogue's name but its parties spelled in that clause ("trade",
//!   "ministers", "council" for "Ministerial Trade Council"). One dialogue
//!   must fit, never two.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::series::{is_word_at, main_pair, mention_scores, parties, Parties, TITLE_SCORE};
use super::series_names::{dialogue_series, SeriesName};
use super::term_matcher::{Hit, TermMatcher};
use crate::config::Config;

/// The dialogues the document belongs to, best first; `body_series` are
/// the series the body names ([`super::series_names::series_named`]).
pub fn dialogues(
    config: &Config,
    matcher: &TermMatcher,
    title: (&str, &[Hit]),
    body: (&str, &[Hit]),
    body_series: &[SeriesName],
) -> Vec<String> {
    let own = &matcher.dialogue_parties;
    let mut scores = mention_scores(config, own, title, body);
    add_short_names(
        &matcher.dialogue_short_names,
        &mut scores,
        body.0,
        body_series,
    );
    let best = |i: usize| {
        (0..scores.len())
            .filter(|&j| own[j] == own[i])
            .map(|j| scores[j])
            .max()
            .unwrap_or(0)
    };
    let main = |i: usize| own[i].is_empty() || scores[i] * 2 > best(i);
    // A document whose title names its series only refers to another it
    // names once in passing ("stakeholders, including the Business Round
    // Table").
    let least = match scores.iter().any(|&s| s >= TITLE_SCORE) {
        true => 3,
        false => 2,
    };
    let mut order: Vec<usize> = (0..scores.len())
        .filter(|&i| scores[i] >= least && main(i))
        .collect();
    order.sort_by_key(|&i| std::cmp::Reverse(scores[i]));
    let named: Vec<String> = order
        .into_iter()
        .map(|i| config.dialogues[i].slug.clone())
        .collect();
    match named.is_empty() {
        true => described(config, own, body.0).into_iter().collect(),
        false => named,
    }
}

/// The dialogues' names without their parties ("trade council" of
/// "Canada-Korea Trade Council", two words or more) that no alias holds
/// (the matcher counts those), with a searcher for them: built once per
/// configuration.
pub struct ShortNames {
    /// Each name, lower case, with its dialogue.
    keys: Vec<(String, usize)>,
    /// The names without regard to ASCII case: no lower-case copy of a
    /// document's text is made.
    searcher: Option<AhoCorasick>,
}

impl ShortNames {
    pub fn new(config: &Config) -> ShortNames {
        let mut keys: Vec<(String, usize)> = dialogue_series(config)
            .into_iter()
            .filter(|(_, key, i)| {
                let an_alias = config.dialogues[*i]
                    .aliases
                    .iter()
                    .any(|a| a.to_lowercase().replace('-', " ") == *key);
                key.contains(' ') && !an_alias
            })
            .map(|(_, key, i)| (key, i))
            .collect();
        keys.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
        keys.dedup();
        let searcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(keys.iter().map(|(key, _)| key))
            .ok()
            .filter(|_| !keys.is_empty());
        ShortNames { keys, searcher }
    }
}

/// One point per mention of a dialogue's short name ([`ShortNames`])
/// beyond those with its parties (`named`, the series the body names),
/// for a dialogue the document names already.
fn add_short_names(short: &ShortNames, scores: &mut [usize], body: &str, named: &[SeriesName]) {
    let Some(searcher) = &short.searcher else {
        return;
    };
    if !short.keys.iter().any(|(_, i)| scores[*i] > 0) {
        return;
    }
    let mut all = vec![0usize; short.keys.len()];
    for m in searcher.find_overlapping_iter(body) {
        let (key, i) = &short.keys[m.pattern().as_usize()];
        if scores[*i] > 0 && is_word_at(body, m.start(), key) {
            all[m.pattern().as_usize()] += 1;
        }
    }
    for ((key, i), all) in short.keys.iter().zip(all) {
        let with_parties = named.iter().filter(|s| s.name == *key).count();
        scores[*i] += all.saturating_sub(with_parties);
    }
}

/// A recurring meeting's clause: an ordinal or "regular", a series noun
/// within three words, and the rest of the clause (up to 12 words).
static DESCRIBED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|regular|annual)(?:\s+[a-z-]+){0,3}?\s+(?:dialogue|council|partnership|committee|forum|consultations?|working group)(?:[^.;:\n]){0,100}",
    )
    .unwrap()
});

/// Words of a series' name that say nothing of which series it is.
const SMALL: &[&str] = &["and", "of", "the", "on", "for", "in", "between"];

/// The fewest letters two words share at their start to be one word
/// written two ways ("ministers", "ministerial").
const SAME_STEM: usize = 6;

/// The dialogue of `config` that `text` describes, if exactly one fits;
/// `own` is each dialogue's parties.
fn described(config: &Config, own: &[Parties], text: &str) -> Option<String> {
    let clauses: Vec<Vec<String>> = DESCRIBED
        .find_iter(text)
        .map(|m| words(m.as_str()).map(str::to_lowercase).collect())
        .collect();
    if clauses.is_empty() {
        return None;
    }
    let pair = main_pair(text)?;
    let mut fitting = config.dialogues.iter().zip(own).filter(|(d, parties)| {
        **parties == pair
            && std::iter::once(&d.name)
                .chain(&d.aliases)
                .any(|name| clauses.iter().any(|c| spells(c, name)))
    });
    let (first, _) = fitting.next()?;
    fitting.next().is_none().then(|| first.slug.clone())
}

/// Whether `clause` spells every word of `name` but its parties and small
/// words, two such words at least.
fn spells(clause: &[String], name: &str) -> bool {
    let wanted: Vec<String> = words(name)
        .filter(|w| parties(w).is_empty())
        .map(str::to_lowercase)
        .filter(|w| !SMALL.contains(&w.as_str()))
        .collect();
    wanted.len() >= 2
        && wanted
            .iter()
            .all(|w| clause.iter().any(|c| same_word(c, w)))
}

fn same_word(a: &str, b: &str) -> bool {
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    a == b || shared >= SAME_STEM
}

/// The words of `text`, cut at spaces, dashes and marks ("U.S." whole).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::series_names::series_named;
    use crate::ingest::term_matcher::TermMatcher;

    fn config() -> Config {
        Config::parse(
            "title: T\ndialogues:\n\
             - {slug: ca-kr-trade, name: Canada-Korea Ministerial Trade Council}\n\
             - {slug: ca-kr-fish, name: Korea-Canada Fisheries and Oceans Council}\n\
             - {slug: ca-in-trade, name: Canada-India Ministerial Trade Council}\n",
            std::path::Path::new("briefing.yaml"),
        )
        .unwrap()
    }

    fn filed(text: &str) -> Option<String> {
        let config = config();
        let own = TermMatcher::new(&config).dialogue_parties;
        described(&config, &own, text)
    }

    const REPORT: &str = "Canada and Korea agreed on Monday to ship more grain. At the \
        fourth annual council meeting between the two countries' trade ministers, Korea \
        promised orders to Canada.";

    #[test]
    fn a_meeting_described_in_words_is_of_the_dialogue_it_spells() {
        assert_eq!(filed(REPORT).as_deref(), Some("ca-kr-trade"));
        // The words of another dialogue of the same parties.
        let fish = REPORT.replace("trade ministers", "fisheries and oceans ministers");
        assert_eq!(filed(&fish).as_deref(), Some("ca-kr-fish"));
    }

    #[test]
    fn without_every_piece_of_evidence_no_dialogue_is_taken() {
        let india = REPORT.replace("Korea", "India");
        assert_eq!(filed(&india).as_deref(), Some("ca-in-trade"));
        // Parties no dialogue has.
        assert_eq!(filed(&REPORT.replace("Korea", "China")), None);
        // No recurring meeting: a council in general.
        let general = "Canada and Korea want a trade council of their ministers.";
        assert_eq!(filed(general), None);
        // A word of the name missing.
        assert_eq!(filed(&REPORT.replace("trade ministers", "ministers")), None);
    }

    #[test]
    fn a_series_short_name_counts_and_one_named_in_passing_is_left_out() {
        let config: Config = Config::parse(
            "title: T\ndialogues:\n\
             - {slug: council, name: Canada-Korea Trade Council}\n\
             - {slug: accord, name: Canada-Korea Clean Shipping Partnership}\n",
            std::path::Path::new("briefing.yaml"),
        )
        .unwrap();
        let matcher = TermMatcher::new(&config);
        let body = "The Canada-Korea Trade Council met to carry out the Canada-Korea Clean \
            Shipping Partnership. The Trade Council agreed on ports; the Trade Council \
            heard the port authorities. The Trade Council named a chair, and the Trade \
            Council will meet again.";
        let hits = matcher.hits(body);
        let filed = dialogues(
            &config,
            &matcher,
            ("A note", &[]),
            (body, &hits),
            &series_named(body),
        );
        assert_eq!(filed, ["council"]);
    }
}
