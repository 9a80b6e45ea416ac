//! Dialogues: the series the documents name, found and grouped by ingest's
//! own series detection (a pair of parties and a name ending in a series
//! noun; one key for one series written two ways, never one for two pairs
//! of parties), so what `suggest` proposes is what `ingest` will file by.
//!
//! A series is proposed when it is the main series of at least one
//! document: named in its title, or named there more often than any other
//! (a tie goes to the series more documents name). A series only named in
//! passing ("as reconfirmed at the EU-U.S. Summit") is not. A series
//! `briefing.yaml` already covers is left out. Its aliases are its other
//! spellings, its acronym where a document defines one ("… Partnership
//! (SCEP)"), and its name without the parties where a document writes it so.

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Config;
use crate::ingest::reading::{dialogue_series, propose, series_named, SeriesName};
use crate::ingest::NewSeries;

use super::{Acronyms, Corpus};

/// A proposed dialogue, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Dialogue {
    pub series: NewSeries,
    /// The seeds it is the main series of.
    pub main_in: Vec<String>,
}

pub fn dialogues(corpus: &Corpus, config: &Config, acronyms: &Acronyms) -> Vec<Dialogue> {
    let known = dialogue_series(config);
    let named: Vec<(usize, Vec<SeriesName>)> = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let mut in_title = doc.title.as_deref().map(series_named).unwrap_or_default();
            in_title.iter_mut().for_each(|s| s.in_title = true);
            let all = in_title.into_iter().chain(series_named(&doc.text));
            (i, all.filter(|s| s.dialogue(&known).is_none()).collect())
        })
        .collect();
    let documents_naming = documents_naming(&named);
    let mains: BTreeMap<usize, (crate::ingest::reading::Parties, String)> = named
        .iter()
        .filter_map(|(i, names)| Some((*i, main_series(names, &documents_naming)?)))
        .collect();
    let pairs: Vec<(String, SeriesName)> = named
        .iter()
        .flat_map(|(i, names)| {
            let seed = corpus.documents[*i].name.clone();
            names.iter().map(move |s| (seed.clone(), s.clone()))
        })
        .collect();
    propose(pairs)
        .into_iter()
        .filter_map(|series| {
            let main_in: Vec<String> = mains
                .iter()
                .filter(|(i, key)| is_of(&series, key, &named[**i].1))
                .map(|(i, _)| corpus.documents[*i].name.clone())
                .collect();
            (!main_in.is_empty()).then(|| Dialogue {
                series: with_more_aliases(series, corpus, acronyms),
                main_in,
            })
        })
        .collect()
}

/// For each series key, how many documents name it.
fn documents_naming(
    named: &[(usize, Vec<SeriesName>)],
) -> BTreeMap<(crate::ingest::reading::Parties, String), usize> {
    let mut counts = BTreeMap::new();
    for (_, names) in named {
        let keys: BTreeSet<_> = names.iter().map(|s| (s.parties, s.name.clone())).collect();
        for key in keys {
            *counts.entry(key).or_default() += 1;
        }
    }
    counts
}

type Key = (crate::ingest::reading::Parties, String);

/// The series a document is about: the one its title names, else the one
/// it names most, a tie going to the series more documents name. A series
/// named once, in one document, and not in its title is no evidence of a
/// series; nor is a name of one word after the parties ("U.S.-Japan
/// Summit", "India-US Partnership"), which names a meeting or a relation.
fn main_series(names: &[SeriesName], documents_naming: &BTreeMap<Key, usize>) -> Option<Key> {
    let names: Vec<&SeriesName> = names.iter().filter(|s| s.name.contains(' ')).collect();
    if let Some(title) = names.iter().find(|s| s.in_title) {
        return Some((title.parties, title.name.clone()));
    }
    let mut counts: BTreeMap<Key, usize> = BTreeMap::new();
    for s in names {
        *counts.entry((s.parties, s.name.clone())).or_default() += 1;
    }
    let documents = |key: &Key| documents_naming.get(key).copied().unwrap_or(0);
    counts
        .into_iter()
        .filter(|(key, n)| *n >= 2 || documents(key) >= 2)
        .max_by_key(|(key, n)| (*n, documents(key)))
        .map(|(key, _)| key)
}

/// Whether the main series `key` of a document (which names `names`) is
/// the proposed `series`: one of the document's namings of that key is
/// among the series' spellings.
fn is_of(series: &NewSeries, key: &Key, names: &[SeriesName]) -> bool {
    names
        .iter()
        .filter(|s| s.parties == key.0 && s.name == key.1)
        .any(|s| s.written == series.name || series.aliases.contains(&s.written))
}

/// The series' acronym, where a document defines one for its name, and its
/// name without parties, where a document writes it so.
fn with_more_aliases(mut series: NewSeries, corpus: &Corpus, acronyms: &Acronyms) -> NewSeries {
    let spellings: Vec<String> = std::iter::once(&series.name)
        .chain(&series.aliases)
        .cloned()
        .collect();
    for (short, longs) in acronyms {
        let names_it = longs.len() == 1
            && longs.keys().any(|long| {
                spellings
                    .iter()
                    .any(|s| s.ends_with(long.as_str()) && long.split(' ').count() >= 3)
            });
        if names_it && !series.aliases.contains(short) {
            series.aliases.push(short.clone());
        }
    }
    if let Some(bare) = bare_name(&series.name) {
        let written = corpus
            .documents
            .iter()
            .any(|d| d.text.matches(bare.as_str()).count() > d.text.matches(&series.name).count());
        if written && !series.aliases.contains(&bare) {
            series.aliases.push(bare);
        }
    }
    series
}

/// "Strategic Clean Energy Partnership" of "U.S.-India Strategic Clean
/// Energy Partnership": the name after its pair of parties, when it has
/// three words or more (a shorter one, "Energy Council", names too much).
fn bare_name(name: &str) -> Option<String> {
    let (_, rest) = name.split_once(' ')?;
    (rest.split(' ').count() >= 3 && rest.starts_with(|c: char| c.is_uppercase()))
        .then(|| rest.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::Document;

    fn corpus(texts: &[(&str, &str)]) -> Corpus {
        Corpus {
            documents: texts
                .iter()
                .enumerate()
                .map(|(i, (title, text))| Document {
                    name: format!("seeds/{i}.txt"),
                    title: Some(title.to_string()),
                    text: text.to_string(),
                    ..Document::default()
                })
                .collect(),
        }
    }

    #[test]
    fn a_series_named_in_two_documents_is_proposed_once_per_pair_of_parties() {
        let corpus = corpus(&[
            (
                "Ministers meet",
                "The EU-US Energy Council met. The EU-US Energy Council is the forum.",
            ),
            (
                "Tenth U.S.-EU Energy Council",
                "The council met again, as at the EU-U.S. Summit.",
            ),
            (
                "Another",
                "The Japan-US Energy Council met. The Japan-US Energy Council agreed.",
            ),
        ]);
        let config: Config = yaml_serde::from_str("title: t").unwrap();
        let found = dialogues(&corpus, &config, &Acronyms::new());
        let names: Vec<&str> = found.iter().map(|d| d.series.name.as_str()).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        let eu = found
            .iter()
            .find(|d| d.series.name.contains("EU"))
            .expect("the EU-US council");
        assert_eq!(eu.main_in, ["seeds/0.txt", "seeds/1.txt"], "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Summit")), "{names:?}");
    }
}
