//! What the captures say about their sites rather than their subjects:
//! the kinds of document their headers name, and the chrome lines that
//! open or close several of them.
//!
//! Kinds: the words a page's title and header use for what it is
//! ([`KIND_WORDS`]: "Fact Sheet", "Report", "Media Note" …) that no kind of
//! `briefing.yaml` has as a cue, in [`MIN_SEEDS`] seeds or more.
//!
//! Chrome: a short line, verbatim, among the first or last
//! [`EDGE_LINES`] lines of [`MIN_SEEDS`] seeds or more, that is not a title
//! of theirs and that ingest does not drop already by its own rules. Ingest
//! learns such lines by itself once three seeds share them; written into
//! `ingest.chrome_lines`, they are dropped from two seeds on, and stay
//! dropped when the corpus changes.

use std::collections::{BTreeMap, BTreeSet};

use crate::config::{Config, KindDef};
use crate::ingest::reading::{chrome_key, names_a_document, ChromeCheck};
use crate::text::words::word_count;

use super::Corpus;

/// The fewest seeds a kind word or a chrome line is found in.
const MIN_SEEDS: usize = 2;
/// How many non-blank lines at each end of a capture are read for chrome.
const EDGE_LINES: usize = 8;
/// The most words of a chrome line.
const MAX_CHROME_WORDS: usize = 10;

/// Words that say what kind of document a page is, with the kind's slug.
const KIND_WORDS: &[(&str, &str)] = &[
    ("fact sheet", "fact-sheet"),
    ("report", "report"),
    ("brief", "brief"),
    ("media note", "press-release"),
    ("press statement", "press-release"),
    ("news article", "news"),
    ("remarks", "speech"),
    ("speech", "speech"),
    ("communiqué", "joint-statement"),
    ("communique", "joint-statement"),
    ("memorandum", "memorandum"),
    ("blog", "commentary"),
    ("op-ed", "commentary"),
    ("interview", "interview"),
];

/// A kind proposed, or a cue for a kind `briefing.yaml` has.
#[derive(Debug, Clone)]
pub struct Kind {
    pub kind: KindDef,
    /// Whether `briefing.yaml` has the kind already (then only the cue is new).
    pub known: bool,
    pub seeds: Vec<String>,
}

pub fn kinds(corpus: &Corpus, config: &Config) -> Vec<Kind> {
    let cues: BTreeSet<String> = config
        .kinds
        .iter()
        .flat_map(|k| k.cues.iter().map(|c| c.to_lowercase()))
        .collect();
    let mut found: Vec<Kind> = Vec::new();
    for (word, slug) in KIND_WORDS {
        if cues.contains(*word) {
            continue;
        }
        let seeds: Vec<String> = corpus
            .documents
            .iter()
            .filter(|d| head_words(d).contains(&format!(" {word} ")))
            .map(|d| d.name.clone())
            .collect();
        if seeds.len() < MIN_SEEDS {
            continue;
        }
        match found.iter_mut().find(|k| k.kind.slug == *slug) {
            Some(kind) => {
                kind.kind.cues.push(word.to_string());
                kind.seeds.extend(seeds);
            }
            None => found.push(Kind {
                kind: KindDef {
                    slug: slug.to_string(),
                    name: kind_name(slug),
                    cues: vec![word.to_string()],
                },
                known: config.kinds.iter().any(|k| k.slug == *slug),
                seeds,
            }),
        }
    }
    found
}

/// A document's title and header in lower case, one word apart.
fn head_words(doc: &super::Document) -> String {
    let head = doc.title.iter().chain(&doc.header);
    let words: Vec<String> = head
        .flat_map(|l| l.split(|c: char| !c.is_alphanumeric() && c != '-' && c != 'é'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    format!(" {} ", words.join(" "))
}

fn kind_name(slug: &str) -> String {
    let spaced = slug.replace('-', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A chrome line proposed, as the captures write it, with its seeds.
#[derive(Debug, Clone, PartialEq)]
pub struct ChromeLine {
    pub line: String,
    pub seeds: Vec<String>,
}

pub fn chrome_lines(corpus: &Corpus, config: &Config) -> Vec<ChromeLine> {
    let check = ChromeCheck::new(config);
    let titles: BTreeSet<String> = corpus
        .documents
        .iter()
        .filter_map(|d| d.title.as_deref().map(chrome_key))
        .collect();
    let mut by_key: BTreeMap<String, (String, BTreeSet<String>)> = BTreeMap::new();
    for doc in &corpus.documents {
        for line in edge_lines(&doc.raw) {
            let key = chrome_key(line);
            if titles.contains(&key) || check.is_chrome(line) {
                continue;
            }
            let entry = by_key
                .entry(key)
                .or_insert_with(|| (line.to_string(), BTreeSet::new()));
            entry.1.insert(doc.name.clone());
        }
    }
    by_key
        .into_values()
        .filter(|(_, seeds)| seeds.len() >= MIN_SEEDS)
        .map(|(line, seeds)| ChromeLine {
            line,
            seeds: seeds.into_iter().collect(),
        })
        .collect()
}

/// The short lines among the first and last [`EDGE_LINES`] non-blank lines.
fn edge_lines(raw: &str) -> BTreeSet<&str> {
    let lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines
        .iter()
        .take(EDGE_LINES)
        .chain(lines.iter().rev().take(EDGE_LINES))
        .copied()
        .filter(|l| {
            let words = word_count(l);
            (1..=MAX_CHROME_WORDS).contains(&words)
                && !(words >= 5 && names_a_document(l))
                && l.chars().any(char::is_alphabetic)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::Document;

    #[test]
    fn a_line_at_the_top_of_two_captures_is_chrome_and_a_kind_word_a_kind() {
        let doc = |name: &str, title: &str| Document {
            name: name.into(),
            title: Some(title.into()),
            header: vec!["Media Note".into()],
            raw: format!("Energy Desk Weekly\n\n{title}\n\nMedia Note\n\nThe text goes on.\n"),
            text: "The text goes on.".into(),
        };
        let corpus = Corpus {
            documents: vec![doc("seeds/a.txt", "Grids"), doc("seeds/b.txt", "Wind")],
        };
        let config: Config = yaml_serde::from_str("title: t").unwrap();
        let lines: Vec<String> = chrome_lines(&corpus, &config)
            .into_iter()
            .map(|c| c.line)
            .collect();
        assert!(
            lines.contains(&"Energy Desk Weekly".to_string()),
            "{lines:?}"
        );
        assert!(!lines.contains(&"Grids".to_string()), "{lines:?}");
        let kinds = kinds(&corpus, &config);
        assert!(
            kinds.iter().any(|k| k.kind.slug == "press-release"
                && k.known
                && k.kind.cues == ["media note"]),
            "{kinds:?}"
        );
    }
}
