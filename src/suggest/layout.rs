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

/// A chrome line or a footer marker proposed, as the captures write it,
/// with its seeds.
#[derive(Debug, Clone, PartialEq)]
pub struct ChromeLine {
    pub line: String,
    pub seeds: Vec<String>,
}

/// Lines that open or close several captures, but for the footer markers
/// proposed (`markers`), which cut the same lines off.
pub fn chrome_lines(corpus: &Corpus, config: &Config, markers: &[ChromeLine]) -> Vec<ChromeLine> {
    let markers: BTreeSet<String> = markers.iter().map(|m| chrome_key(&m.line)).collect();
    let mut found = recurring_lines(corpus, config, |_, raw| {
        edge_lines(raw).into_iter().collect()
    });
    found.retain(|c| !markers.contains(&chrome_key(&c.line)));
    found
}

pub fn footer_markers(corpus: &Corpus, config: &Config) -> Vec<ChromeLine> {
    let check = ChromeCheck::new(config);
    let edges: Vec<BTreeSet<String>> = corpus
        .documents
        .iter()
        .map(|d| edge_lines(&d.raw).into_iter().map(chrome_key).collect())
        .collect();
    let shared = |line: &str, own: usize| {
        let key = chrome_key(line);
        check.is_chrome(line)
            || (edges.iter().enumerate()).any(|(i, t)| i != own && t.contains(&key))
    };
    let found = recurring_lines(corpus, config, |own, raw| {
        footer_openings(raw, |line| shared(line, own))
    });
    found
        .into_iter()
        .filter(|m| !check.is_footer(&m.line))
        .collect()
}

/// The lines `candidates` finds in [`MIN_SEEDS`] seeds or more (by
/// [`chrome_key`]), as the first seed writes each, that are no title of
/// theirs and that ingest does not drop by its own rules.
fn recurring_lines<'a>(
    corpus: &'a Corpus,
    config: &Config,
    candidates: impl Fn(usize, &'a str) -> Vec<&'a str>,
) -> Vec<ChromeLine> {
    let check = ChromeCheck::new(config);
    let titles: BTreeSet<String> = corpus
        .documents
        .iter()
        .filter_map(|d| d.title.as_deref().map(chrome_key))
        .collect();
    let mut by_key: BTreeMap<String, (String, BTreeSet<String>)> = BTreeMap::new();
    for (i, doc) in corpus.documents.iter().enumerate() {
        for line in candidates(i, &doc.raw) {
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

/// The most words of a footer marker, and of each line after it.
const MAX_MARKER_WORDS: usize = 5;
const MAX_FOOTER_LINE_WORDS: usize = 16;

/// The short lines of the lower half of `raw` after which every line is
/// short, two at least, and one of them the site's (`site_line`).
fn footer_openings(raw: &str, site_line: impl Fn(&str) -> bool) -> Vec<&str> {
    let lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let short = |l: &str| word_count(l) <= MAX_FOOTER_LINE_WORDS && !l.ends_with('.');
    // From the end, the run of short lines: a marker is where it starts.
    let run = lines.iter().rev().take_while(|l| short(l)).count();
    let from = (lines.len() / 2).max(lines.len() - run);
    (from..lines.len().saturating_sub(2))
        .filter(|&i| {
            let line = lines[i];
            (1..=MAX_MARKER_WORDS).contains(&word_count(line))
                && line.chars().any(char::is_alphabetic)
                && !names_a_document(line)
                && lines[i + 1..].iter().any(|l| site_line(l))
        })
        .map(|i| lines[i])
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
        let lines: Vec<String> = chrome_lines(&corpus, &config, &[])
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

    #[test]
    fn a_line_the_site_ends_several_pages_with_is_a_footer_marker() {
        let paragraph = "The ministers agreed to build more interconnectors across the region, with a plan for each of them by next year.";
        let doc = |name: &str, links: &str| {
            Document {
            name: name.into(),
            title: Some(format!("Title {name}")),
            raw: format!(
                "{paragraph}\n{paragraph}\nKey outcomes\nGrid codes aligned\nStorage pilots funded\n{paragraph}\nMore from the desk\n{links}\nContact the Energy Desk\n"
            ),
            ..Document::default()
        }
        };
        let corpus = Corpus {
            documents: vec![
                doc("seeds/a.txt", "Wind auctions grow\nSolar tariffs cut"),
                doc("seeds/b.txt", "Gas prices ease"),
            ],
        };
        let config: Config = yaml_serde::from_str("title: t").unwrap();
        let markers = footer_markers(&corpus, &config);
        let lines: Vec<&str> = markers.iter().map(|m| m.line.as_str()).collect();
        assert_eq!(lines, ["More from the desk"], "{markers:?}");
        assert_eq!(markers[0].seeds, ["seeds/a.txt", "seeds/b.txt"]);
        let chrome = chrome_lines(&corpus, &config, &markers);
        assert!(
            !chrome.iter().any(|c| c.line == "More from the desk"),
            "{chrome:?}"
        );

        let known = "title: t\ningest:\n  footer_markers: [more from the desk]";
        let config: Config = yaml_serde::from_str(known).unwrap();
        assert!(footer_markers(&corpus, &config).is_empty());
    }
}
