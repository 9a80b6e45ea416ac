//! One document's part of the index, read on its own (in parallel with the
//! others, or alone when it changed under `serve`): its entry for the
//! browser, and for its whole-document entry and each section the title,
//! length and term frequencies. Terms are counted as they are read, each
//! distinct one stored once per document; ids are the document's own until
//! [`Extracted::intern`] maps them to the index's ([`super::term_ids`]).

use hashbrown::HashTable;

use super::term_ids::{TermId, TermIds};
use super::DocEntry;
use crate::site::{display_date, Document, Site};
use crate::text::tokenize::for_each_hashed_term;

/// A document title counts this many times among its entry's terms, a section
/// title this many times among its section's: a word in a title says more.
const DOC_TITLE_BOOST: u32 = 3;
const SECTION_TITLE_BOOST: u32 = 2;

/// A document as the index holds it.
#[derive(Debug, Clone)]
pub struct DocumentTerms {
    pub entry: DocEntry,
    /// The whole-document entry (id `""`), then each section.
    pub sections: Vec<SectionTerms>,
    /// (term, frequency) of every entry, one entry's after the other's.
    pub terms: Vec<(TermId, u32)>,
}

/// One searchable unit: a section, or (`id` empty) the document as a whole.
#[derive(Debug, Clone)]
pub struct SectionTerms {
    pub id: String,
    pub title: String,
    /// Its number of terms (BM25 normalises by length).
    pub length: u32,
    /// Where its run of [`DocumentTerms::terms`] ends.
    pub end: u32,
}

impl DocumentTerms {
    /// Each entry with its (term, frequency) pairs.
    pub fn entries(&self) -> impl Iterator<Item = (&SectionTerms, &[(TermId, u32)])> {
        let starts = std::iter::once(0).chain(self.sections.iter().map(|s| s.end));
        self.sections
            .iter()
            .zip(starts)
            .map(|(s, start)| (s, &self.terms[start as usize..s.end as usize]))
    }
}

/// A document just read: term ids still its own.
pub struct Extracted {
    terms: DocumentTerms,
    /// Term texts by local id, one after the other.
    local: LocalTerms,
}

impl Extracted {
    /// Reads `doc`.
    pub fn of(
        site: &Site,
        doc: &Document,
        themes: &[(String, String)],
        dialogues: &[(String, String)],
    ) -> Extracted {
        let bodies = &doc.texts;
        let mut counter = Counter::with_capacity(doc.html.len() / 16);
        whole_document_terms(&mut counter, site, doc, bodies.intro());
        counter.close(String::new(), &doc.front.title);
        for section in &doc.sections {
            counter.add(&section.title, SECTION_TITLE_BOOST);
            counter.add(bodies.section(&section.id), 1);
            for theme in &section.themes {
                counter.add(site.theme_name(theme), 1);
            }
            counter.close(section.id.clone(), &section.title);
        }
        counter.finish(doc_entry(doc, themes, dialogues))
    }

    /// The document with its terms as ids of `term_ids` (new ones added).
    pub fn intern(self, term_ids: &mut TermIds) -> DocumentTerms {
        let local = &self.local;
        let ids: Vec<TermId> = (0..local.hashes.len())
            .map(|id| term_ids.intern(local.term(id as TermId), local.hashes[id]))
            .collect();
        let mut doc = self.terms;
        for (term, _) in &mut doc.terms {
            *term = ids[*term as usize];
        }
        doc
    }
}

/// A document's distinct terms, by local id: their texts one after the
/// other in one string, not a `String` each (a document has hundreds),
/// and their hashes, which interning them reuses.
#[derive(Default)]
struct LocalTerms {
    text: String,
    /// Where each term ends in `text`; it starts where the one before ends.
    ends: Vec<u32>,
    hashes: Vec<u64>,
}

impl LocalTerms {
    fn term(&self, id: TermId) -> &str {
        &self.text[self.span(id)]
    }

    /// Whether the term `id` is `term`: its bytes, without the checks of
    /// slicing a `str` (counting looks a term up for every word).
    fn is(&self, id: TermId, term: &str) -> bool {
        self.text.as_bytes()[self.span(id)] == *term.as_bytes()
    }

    fn span(&self, id: TermId) -> std::ops::Range<usize> {
        let id = id as usize;
        let start = id.checked_sub(1).map_or(0, |before| self.ends[before]);
        start as usize..self.ends[id] as usize
    }

    fn push(&mut self, term: &str, hash: u64) -> TermId {
        self.text.push_str(term);
        self.ends.push(self.text.len() as u32);
        self.hashes.push(hash);
        (self.hashes.len() - 1) as TermId
    }
}

fn doc_entry(
    doc: &Document,
    themes: &[(String, String)],
    dialogues: &[(String, String)],
) -> DocEntry {
    let position = |list: &[(String, String)], slug: &str| list.iter().position(|(s, _)| s == slug);
    let date = doc.front.date.as_ref();
    DocEntry {
        slug: doc.slug.clone(),
        title: doc.front.title.clone(),
        date: date.map(display_date).unwrap_or_default(),
        year: date.map(|d| d.year),
        themes: doc
            .themes
            .iter()
            .filter_map(|t| position(themes, t))
            .collect(),
        dialogues: (doc.front.dialogues.iter())
            .filter_map(|d| position(dialogues, d))
            .collect(),
    }
}

/// A document's own entry: its title (boosted), summary, themes, dialogues,
/// kind, organisations, acronyms with their expansions, year and intro text.
fn whole_document_terms(counter: &mut Counter, site: &Site, doc: &Document, intro: &str) {
    let front = &doc.front;
    counter.add(&front.title, DOC_TITLE_BOOST);
    let mut add = |text: &str| counter.add(text, 1);
    add(&front.summary);
    doc.themes.iter().for_each(|t| add(site.theme_name(t)));
    (front.dialogues.iter()).for_each(|d| add(site.dialogue_name(d)));
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
    add(intro);
}

/// Counts one document's terms entry by entry, ids local to the document.
#[derive(Default)]
struct Counter {
    /// Local ids, found by the [`crate::text::word_hash`] of their term.
    ids: HashTable<TermId>,
    local: LocalTerms,
    /// By local id: the count in the open entry.
    counts: Vec<u32>,
    /// Local ids counted in the open entry, in first-seen order.
    touched: Vec<TermId>,
    length: u32,
    sections: Vec<SectionTerms>,
    terms: Vec<(TermId, u32)>,
}

impl Counter {
    /// Room for about `terms` distinct terms.
    fn with_capacity(terms: usize) -> Counter {
        Counter {
            ids: HashTable::with_capacity(terms),
            local: LocalTerms {
                text: String::with_capacity(terms * 8),
                ends: Vec::with_capacity(terms),
                hashes: Vec::with_capacity(terms),
            },
            counts: Vec::with_capacity(terms),
            ..Counter::default()
        }
    }

    /// Counts the terms of `text` into the open entry, each `weight` times.
    fn add(&mut self, text: &str, weight: u32) {
        for_each_hashed_term(text, |term, hash| self.count(term, hash, weight));
    }

    /// Counts `term`, whose [`crate::text::word_hash`] is `hash`.
    fn count(&mut self, term: &str, hash: u64, weight: u32) {
        let local = &self.local;
        let id = match self.ids.find(hash, |&id| local.is(id, term)) {
            Some(&id) => id,
            None => {
                let id = self.local.push(term, hash);
                let hashes = &self.local.hashes;
                self.ids.insert_unique(hash, id, |&id| hashes[id as usize]);
                self.counts.push(0);
                id
            }
        };
        let count = &mut self.counts[id as usize];
        if *count == 0 {
            self.touched.push(id);
        }
        *count += weight;
        self.length += weight;
    }

    /// Ends the open entry as the one with `id` and `title`.
    fn close(&mut self, id: String, title: &str) {
        for term in self.touched.drain(..) {
            let count = std::mem::take(&mut self.counts[term as usize]);
            self.terms.push((term, count));
        }
        self.sections.push(SectionTerms {
            id,
            title: title.to_string(),
            length: std::mem::take(&mut self.length),
            end: self.terms.len() as u32,
        });
    }

    /// The document of `entry`, with the entries counted.
    fn finish(self, entry: DocEntry) -> Extracted {
        Extracted {
            terms: DocumentTerms {
                entry,
                sections: self.sections,
                terms: self.terms,
            },
            local: self.local,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::tokenize;

    /// Each entry's (term, frequency) pairs, as text.
    fn counted(entries: &[(&str, u32)]) -> Vec<Vec<(String, u32)>> {
        let mut counter = Counter::default();
        for (n, (text, weight)) in entries.iter().enumerate() {
            counter.add(text, *weight);
            counter.close(n.to_string(), "");
        }
        let terms = counter.local;
        let mut start = 0;
        (counter.sections.iter())
            .map(|section| {
                let run = &counter.terms[start..section.end as usize];
                start = section.end as usize;
                let pairs = run.iter().map(|&(id, n)| (terms.term(id).to_string(), n));
                pairs.collect()
            })
            .collect()
    }

    /// The same from [`tokenize`], term by term in first-seen order.
    fn naive(entries: &[(&str, u32)]) -> Vec<Vec<(String, u32)>> {
        let entry = |(text, weight): &(&str, u32)| {
            let mut pairs: Vec<(String, u32)> = Vec::new();
            for term in tokenize(text) {
                match pairs.iter_mut().find(|(t, _)| *t == term) {
                    Some((_, n)) => *n += weight,
                    None => pairs.push((term, *weight)),
                }
            }
            pairs
        };
        entries.iter().map(entry).collect()
    }

    #[test]
    fn repeated_words_count_as_their_terms_did_the_first_time() {
        let entries = [
            ("The policies and the Policy; policies, POLICY. A b the", 2),
            ("Sharing shared share: the data, DATA and data—5G 5g", 1),
            ("経済産業省の経済 and the share of 経済", 1),
            ("policies", 1),
        ];
        assert_eq!(counted(&entries), naive(&entries));
        let lengths: Vec<u32> = {
            let mut counter = Counter::default();
            entries.iter().for_each(|(text, weight)| {
                counter.add(text, *weight);
                counter.close(String::new(), "");
            });
            counter.sections.iter().map(|s| s.length).collect()
        };
        let naive_lengths: Vec<u32> = (naive(&entries).iter())
            .map(|e| e.iter().map(|(_, n)| n).sum())
            .collect();
        assert_eq!(lengths, naive_lengths);
    }
}
