//! Organisations: the issuers and participants the documents name, by
//! ingest's own glossary rule. An acronym defined as "Long Name (ABBR)"
//! whose long name has an organisation's word ("Ministry", "Commission",
//! "Agency") is one, named by its acronym with its long names as aliases;
//! so is a capitalised name with such a word ("European Commission",
//! "Ministry of Power") that recurs without one. Either must be named in
//! [`MIN_DOCUMENTS`] documents or more, and not be a series, a party, or
//! already in `briefing.yaml`. A name of two common words ("Standing
//! Committee", "Working Group": words the corpus also writes in lower
//! case) names no one body unless a document puts a party before it ("the
//! U.S. State Department", "China's Standing Committee").

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Config;
use crate::ingest::reading::{english_party_names, names_an_organisation};

use super::{Acronyms, Corpus};

/// The fewest documents an organisation is named in.
const MIN_DOCUMENTS: usize = 2;

/// A proposed organisation, with the seeds that name it.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    pub name: String,
    pub aliases: Vec<String>,
    pub seeds: Vec<String>,
}

pub fn organisations(
    corpus: &Corpus,
    config: &Config,
    acronyms: &Acronyms,
    series_names: &[String],
) -> Vec<Organisation> {
    let known: BTreeSet<String> = config
        .organisations
        .iter()
        .flat_map(|o| std::iter::once(&o.name).chain(&o.aliases))
        .map(|n| n.to_lowercase())
        .collect();
    let series: Vec<String> = series_names.iter().map(|n| n.to_lowercase()).collect();
    let in_a_series = |name: &str| series.iter().any(|s| s.contains(&name.to_lowercase()));
    let mut found: Vec<Organisation> = Vec::new();
    for (short, longs) in acronyms {
        if !longs.keys().any(|l| names_an_organisation(l)) {
            continue;
        }
        let aliases: Vec<String> = longs.keys().cloned().collect();
        let seeds = naming(corpus, std::iter::once(short).chain(&aliases));
        found.push(Organisation {
            name: short.clone(),
            aliases,
            seeds,
        });
    }
    let spelled: BTreeSet<String> = found
        .iter()
        .flat_map(|o| o.aliases.iter().map(|a| a.to_lowercase()))
        .collect();
    let lower = lower_case_words(corpus);
    for name in capitalised_names(corpus) {
        if !spelled.contains(&name.to_lowercase()) && !is_generic(&name, &lower, corpus) {
            let seeds = naming(corpus, std::iter::once(&name));
            found.push(Organisation {
                name,
                aliases: Vec::new(),
                seeds,
            });
        }
    }
    found.retain(|o| {
        o.seeds.len() >= MIN_DOCUMENTS
            && !std::iter::once(&o.name)
                .chain(&o.aliases)
                .any(|n| known.contains(&n.to_lowercase()) || is_party(n) || in_a_series(n))
    });
    found
}

/// Every word the documents write in lower case.
fn lower_case_words(corpus: &Corpus) -> BTreeSet<&str> {
    let words = corpus
        .documents
        .iter()
        .flat_map(|d| d.text.split_whitespace());
    words
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect()
}

/// A name of two words or fewer, each also written in lower case, that
/// no document writes right after a party.
fn is_generic(name: &str, lower: &BTreeSet<&str>, corpus: &Corpus) -> bool {
    let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
    let common = words.len() <= 2 && words.iter().all(|w| lower.contains(w.as_str()));
    common && !owned_by_a_party(name, corpus)
}

fn owned_by_a_party(name: &str, corpus: &Corpus) -> bool {
    corpus.documents.iter().any(|d| {
        d.text.match_indices(name).any(|(at, _)| {
            let before = d.text[..at].trim_end();
            let before = before
                .strip_suffix("'s")
                .or_else(|| before.strip_suffix("’s"))
                .unwrap_or(before);
            english_party_names().any(|p| before.ends_with(p))
        })
    })
}

fn is_party(name: &str) -> bool {
    english_party_names().any(|p| p == name)
}

/// The seeds whose text names any of `names`, as a word.
fn naming<'a>(corpus: &Corpus, names: impl Iterator<Item = &'a String> + Clone) -> Vec<String> {
    corpus
        .documents
        .iter()
        .filter(|d| names.clone().any(|n| has_word(&d.text, n)))
        .map(|d| d.name.clone())
        .collect()
}

fn has_word(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Runs of capitalised words (with "of", "for", "and", "the" between them)
/// that have an organisation's word and no pair of parties.
fn capitalised_names(corpus: &Corpus) -> BTreeSet<String> {
    let mut counts: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, doc) in corpus.documents.iter().enumerate() {
        for line in doc.text.lines() {
            for run in capitalised_runs(line) {
                if names_an_organisation(&run) && !run.contains(['-', '–']) {
                    counts.entry(run).or_default().insert(i);
                }
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, docs)| docs.len() >= MIN_DOCUMENTS)
        .map(|(name, _)| name)
        .collect()
}

fn capitalised_runs(line: &str) -> Vec<String> {
    const SMALL: &[&str] = &["of", "for", "the", "on"];
    // A person's title ends an organisation's name: "European Commission
    // Executive Vice President …".
    const TITLES: &[&str] = &[
        "Executive",
        "Vice",
        "President",
        "Minister",
        "Secretary",
        "Commissioner",
        "Director",
        "Deputy",
        "Chairman",
        "Chair",
        "Ambassador",
        "Premier",
        "Senator",
    ];
    let mut runs = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut close = |run: &mut Vec<&str>| {
        while run.last().is_some_and(|w| SMALL.contains(w)) {
            run.pop();
        }
        if run.first() == Some(&"The") {
            run.remove(0);
        }
        if run.len() >= 2 {
            runs.push(run.join(" "));
        }
        run.clear();
    };
    for raw in line.split(' ') {
        let word = raw.trim_end_matches([',', '.', ';', ':', ')', '’', '\'', '"', '”']);
        let capital = word.starts_with(|c: char| c.is_uppercase()) && word.len() > 1;
        let joins =
            (capital && !TITLES.contains(&word)) || (!run.is_empty() && SMALL.contains(&word));
        if joins && !word.starts_with('(') {
            run.push(word);
        } else {
            close(&mut run);
        }
        if word.len() != raw.len() {
            close(&mut run);
        }
    }
    close(&mut run);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_runs_stop_at_punctuation_and_lower_case_words() {
        assert_eq!(
            capitalised_runs("the Ministry of External Affairs said, and The European Commission and Ding agreed"),
            ["Ministry of External Affairs", "European Commission"]
        );
    }

    #[test]
    fn a_name_of_common_words_is_an_organisation_only_when_a_party_owns_it() {
        let doc = |name: &str, text: &str| crate::suggest::Document {
            name: name.into(),
            text: text.into(),
            ..Default::default()
        };
        let corpus = Corpus {
            documents: vec![
                doc("seeds/a.txt", "A Standing Committee member spoke; the committee is standing. The U.S. State Department agreed, as the state department said."),
                doc("seeds/b.txt", "A Standing Committee member left. The State Department spoke."),
            ],
        };
        let config: Config = yaml_serde::from_str("title: t").unwrap();
        let names: Vec<String> = organisations(&corpus, &config, &Acronyms::new(), &[])
            .into_iter()
            .map(|o| o.name)
            .collect();
        assert_eq!(names, ["State Department"]);
    }
}
