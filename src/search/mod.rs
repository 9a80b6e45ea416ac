//! The search index, built from the site model at build time: one entry per
//! section of every document (plus one for the document itself: title,
//! summary, themes, dialogues, organisations, acronyms, year), an inverted
//! index term → postings, and each document's section texts for passages.
//! [`SearchIndex::script`] serialises it as a script the search page loads
//! with `<script src>`, so search works offline and from `file://`, where
//! `fetch()` is blocked. Terms come from [`tokenize`], which `search.js`
//! mirrors for queries.

pub mod script;
pub mod text;
pub mod tokenize;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use serde::Serialize;

use crate::site::{display_date, Document, Site};
pub use tokenize::tokenize;

/// A document title counts this many times among its entry's terms, a section
/// title this many times among its section's: a word in a title says more.
const DOC_TITLE_BOOST: u32 = 3;
const SECTION_TITLE_BOOST: u32 = 2;
/// Documents whose terms are extracted in parallel before being merged.
const PARALLEL_CHUNK: usize = 64;

/// What the browser needs about one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocEntry {
    pub slug: String,
    pub title: String,
    /// As readers see it; empty when undated.
    pub date: String,
    pub year: Option<i32>,
    /// Indexes into [`SearchIndex::themes`] and [`SearchIndex::dialogues`].
    pub themes: Vec<usize>,
    pub dialogues: Vec<usize>,
}

/// One searchable unit: a section, or (`id` empty) the document as a whole.
#[derive(Debug, Clone)]
pub struct SectionEntry {
    pub doc: usize,
    pub id: String,
    pub title: String,
    /// Its number of terms (BM25 normalises by length).
    pub length: u32,
}

#[derive(Debug, Default)]
pub struct SearchIndex {
    /// (slug, name) of every theme, in config order.
    pub themes: Vec<(String, String)>,
    pub dialogues: Vec<(String, String)>,
    pub docs: Vec<DocEntry>,
    pub sections: Vec<SectionEntry>,
    /// Term → (section, term frequency), sections ascending.
    pub postings: BTreeMap<String, Vec<(u32, u32)>>,
    /// Per document, the plain text of its entries, in section order: the passages.
    pub texts: Vec<Vec<String>>,
}

impl SearchIndex {
    /// Reads the documents in parallel, then merges their entries in site
    /// order, so the index is the same whatever the thread count.
    pub fn build(site: &Site) -> SearchIndex {
        let mut index = SearchIndex {
            themes: pairs(site.config.themes.iter().map(|t| (&t.slug, &t.name))),
            dialogues: pairs(site.config.dialogues.iter().map(|d| (&d.slug, &d.name))),
            ..SearchIndex::default()
        };
        let mut postings: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
        // A chunk at a time, so the terms waiting to be merged stay few.
        for chunk in site.documents.chunks(PARALLEL_CHUNK) {
            let documents: Vec<DocumentTerms> = chunk
                .par_iter()
                .map(|doc| DocumentTerms::of(site, doc, &index.themes, &index.dialogues))
                .collect();
            for doc in documents {
                index.add_document(doc, &mut postings);
            }
        }
        index.postings = postings.into_iter().collect();
        index
    }

    fn add_document(
        &mut self,
        doc: DocumentTerms,
        postings: &mut HashMap<String, Vec<(u32, u32)>>,
    ) {
        let doc_id = self.docs.len();
        self.docs.push(doc.entry);
        for (id, title, length, counts) in doc.entries {
            let entry = self.sections.len() as u32;
            self.sections.push(SectionEntry {
                doc: doc_id,
                id,
                title,
                length,
            });
            for (term, tf) in counts {
                postings.entry(term).or_default().push((entry, tf));
            }
        }
        self.texts.push(doc.texts);
    }

    /// The (document slug, section id) of every entry holding all the terms of
    /// `query`, in index order: what the browser ranks.
    pub fn matching(&self, query: &str) -> Vec<(&str, &str)> {
        let terms = tokenize(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let has = |term: &String, entry: u32| {
            self.postings
                .get(term)
                .is_some_and(|p| p.binary_search_by_key(&entry, |(e, _)| *e).is_ok())
        };
        (0..self.sections.len() as u32)
            .filter(|e| terms.iter().all(|t| has(t, *e)))
            .map(|e| {
                let entry = &self.sections[e as usize];
                (self.docs[entry.doc].slug.as_str(), entry.id.as_str())
            })
            .collect()
    }
}

/// One document's part of the index, computed on its own (in parallel).
struct DocumentTerms {
    entry: DocEntry,
    /// (section id, title, number of terms, term frequencies) of the
    /// whole-document entry, then of each section.
    entries: Vec<EntryTerms>,
    texts: Vec<String>,
}

impl DocumentTerms {
    fn of(
        site: &Site,
        doc: &Document,
        themes: &[(String, String)],
        dialogues: &[(String, String)],
    ) -> DocumentTerms {
        let position =
            |list: &[(String, String)], slug: &str| list.iter().position(|(s, _)| s == slug);
        let entry = DocEntry {
            slug: doc.slug.clone(),
            title: doc.front.title.clone(),
            date: doc
                .front
                .date
                .as_ref()
                .map(display_date)
                .unwrap_or_default(),
            year: doc.front.date.as_ref().map(|d| d.year),
            themes: doc
                .themes
                .iter()
                .filter_map(|t| position(themes, t))
                .collect(),
            dialogues: doc
                .front
                .dialogues
                .iter()
                .filter_map(|d| position(dialogues, d))
                .collect(),
        };
        let bodies = text::sections(&doc.html);
        let intro = bodies.iter().find(|b| b.id.is_empty());
        let whole = whole_document_terms(site, doc, intro.map(|b| b.text.as_str()));
        let lead = [
            doc.front.summary.as_str(),
            intro.map_or("", |b| b.text.as_str()),
        ];
        let mut entries = vec![entry_terms(String::new(), &doc.front.title, whole)];
        let mut texts = vec![lead
            .iter()
            .filter(|t| !t.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")];
        // By id once: a lookup per section would be quadratic (100,000 headings).
        let by_id: HashMap<&str, &str> = bodies
            .iter()
            .rev()
            .map(|b| (b.id.as_str(), b.text.as_str()))
            .collect();
        for section in &doc.sections {
            let body = by_id.get(section.id.as_str()).copied().unwrap_or("");
            let mut terms = repeat(tokenize(&section.title), SECTION_TITLE_BOOST);
            terms.extend(tokenize(body));
            for theme in &section.themes {
                terms.extend(tokenize(site.theme_name(theme)));
            }
            entries.push(entry_terms(section.id.clone(), &section.title, terms));
            texts.push(body.to_string());
        }
        DocumentTerms {
            entry,
            entries,
            texts,
        }
    }
}

/// (section id, title, number of terms, term frequencies) of one entry.
type EntryTerms = (String, String, u32, Vec<(String, u32)>);

fn entry_terms(id: String, title: &str, terms: Vec<String>) -> EntryTerms {
    let length = terms.len() as u32;
    (id, title.to_string(), length, term_frequencies(terms))
}

/// Each distinct term with its count, in term order.
fn term_frequencies(mut terms: Vec<String>) -> Vec<(String, u32)> {
    terms.sort_unstable();
    let mut counts: Vec<(String, u32)> = Vec::new();
    for term in terms {
        match counts.last_mut() {
            Some((last, n)) if *last == term => *n += 1,
            _ => counts.push((term, 1)),
        }
    }
    counts
}

/// A document's own entry: its title (boosted), summary, themes, dialogues,
/// kind, organisations, acronyms with their expansions, year and intro text.
fn whole_document_terms(site: &Site, doc: &Document, intro: Option<&str>) -> Vec<String> {
    let front = &doc.front;
    let mut terms = repeat(tokenize(&front.title), DOC_TITLE_BOOST);
    let mut add = |text: &str| terms.extend(tokenize(text));
    add(&front.summary);
    doc.themes.iter().for_each(|t| add(site.theme_name(t)));
    front
        .dialogues
        .iter()
        .for_each(|d| add(site.dialogue_name(d)));
    add(site.kind_name(&front.kind));
    front.organisations.iter().for_each(|o| add(o));
    for abbr in &doc.acronyms {
        add(abbr);
        if let Some(g) = site.glossary.iter().find(|g| &g.abbr == abbr) {
            add(&g.expansion);
        }
    }
    if let Some(date) = &front.date {
        add(&date.year.to_string());
    }
    add(intro.unwrap_or(""));
    terms
}

fn repeat(terms: Vec<String>, times: u32) -> Vec<String> {
    let mut out = Vec::with_capacity(terms.len() * times as usize);
    for _ in 0..times {
        out.extend(terms.iter().cloned());
    }
    out
}

fn pairs<'a>(items: impl Iterator<Item = (&'a String, &'a String)>) -> Vec<(String, String)> {
    items.map(|(a, b)| (a.clone(), b.clone())).collect()
}
