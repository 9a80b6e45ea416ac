//! `suggest`: a taxonomy proposed from the documents themselves, so that a
//! corpus on any subject gets a sensible briefing site before anyone has
//! written a `briefing.yaml` for it. It reads what ingest reads (the seeds
//! through ingest's readers and chrome rules, and hand-written
//! `content/*.md`) and proposes, each with its evidence:
//!
//! - themes from the phrases that recur across documents ([`phrases`],
//!   [`themes`]): TF-IDF's document frequency and co-occurrence, no model,
//!   so every keyword can be traced to the documents it came from;
//! - dialogues from the series the documents name, by ingest's own series
//!   detection ([`dialogues`]);
//! - organisations from the acronyms and names the documents define, by
//!   ingest's glossary rule ([`organisations`]);
//! - kinds the headers name, and the site chrome and footer markers the
//!   captures repeat ([`layout`]).
//!
//! Statistics a reader can check were chosen over a topic model or an
//! embedding: the proposals are a starting point a user edits, and a
//! keyword they cannot trace to documents is one they cannot judge. What
//! is proposed is written as YAML with the evidence as comments
//! ([`output`]), and merged into `briefing.yaml` only on request, by
//! appending ([`merge`]).

mod dialogues;
mod layout;
pub mod merge;
mod organisations;
pub mod output;
mod phrases;
mod themes;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::config::Config;
use crate::content::ContentFile;
use crate::error::{Error, Result};
use crate::ingest::reading::{acronyms, read_seeds};

pub use dialogues::Dialogue;
pub use layout::{ChromeLine, Kind};
pub use organisations::Organisation;
pub use themes::Theme;

/// The file `suggest` writes, beside `briefing.yaml`.
pub const SUGGESTED_FILE: &str = "briefing.suggested.yaml";

/// One document of the corpus, as ingest reads it.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Its path in the project (`seeds/a.txt`, `content/b.md`).
    pub name: String,
    pub title: Option<String>,
    pub header: Vec<String>,
    /// Its text without chrome.
    pub text: String,
    /// The capture as it is, chrome and all.
    pub raw: String,
}

/// Every document of a project.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
}

/// Acronyms the documents define: short form → long form → seeds.
pub type Acronyms = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

/// Everything `suggest` proposes.
#[derive(Debug, Clone, Default)]
pub struct Suggestions {
    pub documents: Vec<String>,
    pub themes: Vec<Theme>,
    pub dialogues: Vec<Dialogue>,
    pub organisations: Vec<Organisation>,
    pub kinds: Vec<Kind>,
    pub chrome_lines: Vec<ChromeLine>,
    pub footer_markers: Vec<ChromeLine>,
}

/// The phrases that may be a theme's keywords: not a part of the name of
/// a series or an organisation (whose words, "Clean Energy Partnership",
/// name it and not a subject).
fn topic_phrases(phrases: Vec<phrases::Phrase>, names: &[String]) -> Vec<phrases::Phrase> {
    let names: Vec<String> = names
        .iter()
        .map(|n| format!(" {} ", n.to_lowercase().replace('-', " ")))
        .collect();
    phrases
        .into_iter()
        .filter(|p| {
            let words = format!(" {} ", p.text);
            !names.iter().any(|n| n.contains(&words))
        })
        .collect()
}

/// Whether `config` has the theme already: by its slug, or by half its
/// keywords. The themes are made from every phrase whatever `config`
/// says, so that a second run proposes the same ones and a second merge
/// adds nothing.
fn is_known(theme: &Theme, config: &Config) -> bool {
    let known: BTreeSet<String> = config
        .themes
        .iter()
        .flat_map(|t| t.keywords.iter().map(|k| k.to_lowercase()))
        .collect();
    let slug = crate::util::slugify(&theme.name);
    let shared = theme
        .keywords
        .iter()
        .filter(|k| known.contains(&k.to_lowercase()))
        .count();
    config.themes.iter().any(|t| t.slug == slug) || shared * 2 >= theme.keywords.len()
}

/// The project's documents and what they suggest; the seeds that cannot
/// be read are returned as errors, each naming its file.
pub fn suggest_project(root: &Path, config: &Config) -> Result<(Suggestions, Vec<Error>)> {
    let (corpus, errors) = read_corpus(root, config)?;
    Ok((suggest(&corpus, config), errors))
}

/// What `corpus` suggests, leaving out what `config` has already.
pub fn suggest(corpus: &Corpus, config: &Config) -> Suggestions {
    let acronyms = defined_acronyms(corpus);
    let texts: Vec<String> = corpus
        .documents
        .iter()
        .map(|d| format!("{}\n{}", d.title.as_deref().unwrap_or_default(), d.text))
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let dialogues = dialogues::dialogues(corpus, config, &acronyms);
    let series_names: Vec<String> = dialogues
        .iter()
        .flat_map(|d| std::iter::once(&d.series.name).chain(&d.series.aliases))
        .cloned()
        .collect();
    let organisations = organisations::organisations(corpus, config, &acronyms, &series_names);
    let names: Vec<String> = series_names
        .iter()
        .chain(
            organisations
                .iter()
                .flat_map(|o| std::iter::once(&o.name).chain(&o.aliases)),
        )
        .chain(
            config
                .dialogues
                .iter()
                .flat_map(|d| std::iter::once(&d.name).chain(&d.aliases)),
        )
        .chain(
            config
                .organisations
                .iter()
                .flat_map(|o| std::iter::once(&o.name).chain(&o.aliases)),
        )
        .cloned()
        .collect();
    let phrases = topic_phrases(phrases::recurring(&texts), &names);
    let acronyms: Acronyms = acronyms
        .into_iter()
        .filter(|(short, _)| !names.contains(short))
        .collect();
    let footer_markers = layout::footer_markers(corpus, config);
    Suggestions {
        documents: corpus.documents.iter().map(|d| d.name.clone()).collect(),
        themes: themes::themes(&phrases, texts.len(), &acronyms)
            .into_iter()
            .filter(|t| !is_known(t, config))
            .collect(),
        dialogues,
        organisations,
        kinds: layout::kinds(corpus, config),
        chrome_lines: layout::chrome_lines(corpus, config, &footer_markers),
        footer_markers,
    }
}

/// The seeds as ingest reads them, and the hand-written content files
/// (those no seed made).
pub fn read_corpus(root: &Path, config: &Config) -> Result<(Corpus, Vec<Error>)> {
    let (seeds, errors) = read_seeds(root, config)?;
    let mut documents: Vec<Document> = seeds
        .into_iter()
        .map(|s| Document {
            name: s.name,
            title: s.title,
            header: s.header,
            text: s.text,
            raw: s.raw,
        })
        .collect();
    documents.extend(hand_written(root)?);
    Ok((Corpus { documents }, errors))
}

/// The content files no seed made, with their title and body.
fn hand_written(root: &Path) -> Result<Vec<Document>> {
    let dir = root.join("content");
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(&dir, e)),
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    let mut documents = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let file = ContentFile::parse(&path, &text)?;
        if file.front_matter.source.is_some() {
            continue;
        }
        documents.push(Document {
            name: format!(
                "content/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            ),
            title: Some(file.front_matter.title),
            header: Vec::new(),
            raw: file.body.clone(),
            text: file.body,
        });
    }
    Ok(documents)
}

/// Whether two long forms are the same words, whatever their case and
/// punctuation ("Carbon Capture, Utilisation and Storage").
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    words(a) == words(b)
}

/// Every acronym the documents define, with its long forms and the seeds
/// that define each; long forms that are the same words are one.
fn defined_acronyms(corpus: &Corpus) -> Acronyms {
    let mut found = Acronyms::new();
    for doc in &corpus.documents {
        for a in acronyms(&doc.text) {
            let longs = found.entry(a.short).or_default();
            let long = longs
                .keys()
                .find(|l| same_words(l, &a.long))
                .cloned()
                .unwrap_or(a.long);
            longs.entry(long).or_default().insert(doc.name.clone());
        }
    }
    found
}
