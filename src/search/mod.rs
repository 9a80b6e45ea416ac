//! The search index, built from the site model at build time: one entry per
//! section of every document (plus one for the document itself: title,
//! summary, themes, dialogues, organisations, acronyms, year), an inverted
//! index term → postings merged from each document's terms, and each
//! document's section texts for passages, read apart from the terms and
//! handed out a bucket of documents at a time ([`passages`]).
//! [`SearchIndex::manifest`] and [`shards`] serialise it as scripts the
//! search page loads with `<script src>`, so search works offline and from
//! `file://`, where `fetch()` is blocked. Terms come from
//! [`crate::text::tokenize`], which `search.js` mirrors for queries.

pub mod passages;
pub mod script;
pub mod shards;
mod term_ids;
mod terms;

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::site::{Document, Site};
use crate::text::tokenize::tokenize;
pub use passages::Passages;
use term_ids::{TermId, TermIds};
use terms::Extracted;
pub use terms::{DocumentTerms, SectionTerms};

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

/// The index of a site. Built to be updated ([`SearchIndex::updatable`],
/// for `serve`), it keeps each document's terms apart so that a changed
/// document can be read again alone ([`SearchIndex::update_with`]) and the
/// postings are merged from them when the scripts are written; built once
/// (`build`), it encodes each document's postings as it is read and keeps
/// no terms, which at 100,000 documents is gigabytes less.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// (slug, name) of every theme, in config order.
    pub themes: Vec<(String, String)>,
    pub dialogues: Vec<(String, String)>,
    term_ids: TermIds,
    /// In site order; their `terms` are empty unless `keeps_terms`.
    documents: Vec<DocumentTerms>,
    keeps_terms: bool,
    /// The postings, encoded as documents were read (when terms are not kept).
    encoded: shards::Encoded,
}

impl SearchIndex {
    /// The index of `site`, terms kept, passages not read.
    pub fn build(site: &Site) -> SearchIndex {
        Self::of_terms(site, true)
    }

    /// Hands every bucket of passages to `passages`, then builds the index;
    /// `keep_terms` for an index that [`SearchIndex::update_with`] will
    /// bring up to date. The passages are a pass of their own over the
    /// documents: buckets mix documents from all over the site while the
    /// terms are merged in site order, so reading both at once would hold
    /// every document's terms (not only their encoded postings) until the
    /// end, some 8 bytes a posting (a gigabyte at 100,000 documents). Both
    /// read the section texts the site's markdown pass gathered.
    pub fn build_with<E: Send>(
        site: &Site,
        keep_terms: bool,
        passages: &Passages<E>,
    ) -> Result<SearchIndex, E> {
        passages::write(&site.documents, None, passages)?;
        Ok(Self::of_terms(site, keep_terms))
    }

    /// Reads the documents' terms in parallel and merges them in site
    /// order, so the index is the same whatever the thread count.
    fn of_terms(site: &Site, keep_terms: bool) -> SearchIndex {
        let mut index = SearchIndex {
            themes: pairs(site.config.themes.iter().map(|t| (&t.slug, &t.name))),
            dialogues: pairs(site.config.dialogues.iter().map(|d| (&d.slug, &d.name))),
            keeps_terms: keep_terms,
            ..SearchIndex::default()
        };
        let documents: Vec<&Document> = site.documents.iter().collect();
        index.documents = index.read(site, &documents);
        index
    }

    /// Brings the index up to date with `site` after the documents with the
    /// slugs in `changed` were edited, added or removed: only those (and any
    /// document the index lacks) are read again, and only the buckets of
    /// passages holding them handed to `passages` (every bucket when the
    /// bucket count changed); on an error from `passages` the index is left
    /// as it was. The themes and dialogues of the config are assumed
    /// unchanged (a config change reloads everything).
    pub fn update_with<E: Send>(
        &mut self,
        site: &Site,
        changed: &BTreeSet<String>,
        passages: &Passages<E>,
    ) -> Result<(), E> {
        let (before, after) = (self.documents.len(), site.documents.len());
        let stale = passages::stale_buckets(before, after, changed);
        passages::write(&site.documents, stale.as_ref(), passages)?;
        // An index that kept no terms reads every document again.
        let keeps_terms = std::mem::replace(&mut self.keeps_terms, true);
        self.encoded = shards::Encoded::default();
        let mut kept: HashMap<String, DocumentTerms> = std::mem::take(&mut self.documents)
            .into_iter()
            .filter(|d| keeps_terms && !changed.contains(&d.entry.slug))
            .map(|d| (d.entry.slug.clone(), d))
            .collect();
        let missing: Vec<&Document> = (site.documents.iter())
            .filter(|d| !kept.contains_key(&d.slug))
            .collect();
        let mut fresh = self.read(site, &missing).into_iter();
        self.documents = (site.documents.iter())
            .filter_map(|d| kept.remove(&d.slug).or_else(|| fresh.next()))
            .collect();
        Ok(())
    }

    /// Reads `documents` a chunk at a time in parallel (so the terms not
    /// yet interned stay few), interning their terms in order.
    fn read(&mut self, site: &Site, documents: &[&Document]) -> Vec<DocumentTerms> {
        let mut out = Vec::with_capacity(documents.len());
        let (themes, dialogues) = (&self.themes, &self.dialogues);
        for chunk in documents.chunks(PARALLEL_CHUNK) {
            let read: Vec<Extracted> = (chunk.par_iter())
                .map(|doc| Extracted::of(site, doc, themes, dialogues))
                .collect();
            for extracted in read {
                let mut doc = extracted.intern(&mut self.term_ids);
                if !self.keeps_terms {
                    self.encoded.add(&doc);
                    doc.terms = Vec::new();
                }
                out.push(doc);
            }
        }
        self.term_ids.sort();
        out
    }

    /// The documents, in site order.
    pub fn documents(&self) -> &[DocumentTerms] {
        &self.documents
    }

    /// Writes the term scripts ([`shards::write`]) of about `shard_bytes`
    /// each; returns each one's first term, for [`SearchIndex::manifest`].
    pub fn write_shards<E>(
        &self,
        shard_bytes: usize,
        write: impl FnMut(usize, &[u8]) -> Result<(), E>,
    ) -> Result<Vec<String>, E> {
        let merged;
        let encoded = match self.keeps_terms {
            true => {
                merged = shards::Encoded::of(&self.documents);
                &merged
            }
            false => &self.encoded,
        };
        shards::write(&self.term_ids, encoded, shard_bytes, write)
    }

    /// The inverted index: every term's (entry, frequency) postings, entries
    /// numbered through the documents in order.
    pub fn postings(&self) -> Postings {
        let mut starts = vec![0u32; self.term_ids.len() + 1];
        for doc in &self.documents {
            for &(term, _) in &doc.terms {
                starts[term as usize + 1] += 1;
            }
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut entries = vec![(0, 0); starts.last().copied().unwrap_or(0) as usize];
        let all = self.documents.iter().flat_map(DocumentTerms::entries);
        for (entry, (_, terms)) in all.enumerate() {
            for &(term, tf) in terms {
                let slot = &mut next[term as usize];
                entries[*slot as usize] = (entry as u32, tf);
                *slot += 1;
            }
        }
        Postings { starts, entries }
    }

    /// The (document slug, section id) of every entry holding all the terms of
    /// `query`, in index order: what the browser ranks.
    pub fn matching(&self, query: &str) -> Vec<(&str, &str)> {
        let terms: Option<Vec<TermId>> = (tokenize(query).iter())
            .map(|t| self.term_ids.id(t))
            .collect();
        let Some(terms) = terms.filter(|t| !t.is_empty()) else {
            return Vec::new();
        };
        let postings = self.postings();
        let has = |term: TermId, entry: u32| {
            (postings.of(term).binary_search_by_key(&entry, |(e, _)| *e)).is_ok()
        };
        let entries = (self.documents.iter()).flat_map(|d| {
            d.sections
                .iter()
                .map(move |s| (d.entry.slug.as_str(), s.id.as_str()))
        });
        entries
            .enumerate()
            .filter(|(e, _)| terms.iter().all(|t| has(*t, *e as u32)))
            .map(|(_, found)| found)
            .collect()
    }
}

/// Term → (entry, term frequency), entries ascending; as offsets into one array.
pub struct Postings {
    starts: Vec<u32>,
    entries: Vec<(u32, u32)>,
}

impl Postings {
    /// The number of postings, over all terms.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn of(&self, term: TermId) -> &[(u32, u32)] {
        let (start, end) = (self.starts[term as usize], self.starts[term as usize + 1]);
        &self.entries[start as usize..end as usize]
    }
}

fn pairs<'a>(items: impl Iterator<Item = (&'a String, &'a String)>) -> Vec<(String, String)> {
    items.map(|(a, b)| (a.clone(), b.clone())).collect()
}
