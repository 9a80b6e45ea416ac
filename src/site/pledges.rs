//! Recurring recommendations and commitments: the same pledge, in nearly the
//! same words, made in several documents (another year, another dialogue).
//! Sentences are compared as sets of normalised content words (Jaccard
//! similarity); similar ones are grouped so a theme page shows each pledge
//! once, with every place it was made.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::similar_pairs;
use super::{DocId, Document};
use crate::content::{Recommendation, RecommendationKind};
use crate::text::tokenize::for_each_content_word;
use crate::text::word_hash;

/// Two sentences whose content-word sets overlap this much are one pledge.
const SAME_PLEDGE: f64 = 0.6;
/// Sentences with fewer content words than this are only grouped when identical.
const MIN_WORDS: usize = 3;

#[derive(Debug, Clone, Serialize)]
pub struct Pledge {
    pub kind: RecommendationKind,
    /// Every place it was made, newest first (never none).
    pub occurrences: Vec<Occurrence>,
    /// Theme slugs of any occurrence.
    pub themes: Vec<String>,
}

/// One recommendation of one document, named by its place in the front
/// matter rather than copied: a copy of every recommendation's text was
/// some 8 KB a document.
#[derive(Debug, Clone, Serialize)]
pub struct Occurrence {
    pub doc: DocId,
    /// Index into the document's front-matter `recommendations`.
    pub recommendation: usize,
    pub kind: RecommendationKind,
}

impl Pledge {
    /// The wording of its latest occurrence.
    pub fn text<'a>(&self, documents: &'a [Document]) -> &'a str {
        self.occurrences.first().map_or("", |o| o.text(documents))
    }
}

impl Occurrence {
    fn recommendation<'a>(&self, documents: &'a [Document]) -> Option<&'a Recommendation> {
        let doc = documents.get(self.doc)?;
        doc.front.recommendations.get(self.recommendation)
    }

    /// Its wording.
    pub fn text<'a>(&self, documents: &'a [Document]) -> &'a str {
        self.recommendation(documents)
            .map_or("", |r| r.text.as_str())
    }

    /// The id of the section it was made in (empty: before the first heading).
    pub fn section<'a>(&self, documents: &'a [Document]) -> &'a str {
        self.recommendation(documents)
            .map_or("", |r| r.section.as_str())
    }
}

/// Groups every recommendation of every document; `documents` is newest first,
/// so each group's occurrences (and the groups) come newest first too.
pub fn group(documents: &[Document]) -> Vec<Pledge> {
    // Splitting the sentences into words is most of the work, and each
    // document's apart from the others': in parallel; then interned in order.
    let words_by_doc: Vec<Vec<Vec<u64>>> = documents
        .par_iter()
        .map(|doc| {
            (doc.front.recommendations.iter())
                .map(|rec| {
                    let mut keys = Vec::new();
                    for_each_content_word(&rec.text, |w| keys.push(word_hash(w)));
                    keys
                })
                .collect()
        })
        .collect();
    let mut items: Vec<(Occurrence, &[String])> = Vec::new();
    let mut interner = similar_pairs::Interner::default();
    let mut words: Vec<similar_pairs::WordSet> = Vec::new();
    for ((doc_id, doc), doc_words) in documents.iter().enumerate().zip(words_by_doc) {
        for ((recommendation, rec), rec_words) in
            doc.front.recommendations.iter().enumerate().zip(doc_words)
        {
            let themes = if rec.themes.is_empty() {
                section_themes(doc, &rec.section)
            } else {
                &rec.themes
            };
            let occurrence = Occurrence {
                doc: doc_id,
                recommendation,
                kind: rec.kind,
            };
            items.push((occurrence, themes));
            words.push(interner.set(rec_words));
        }
    }
    let mut groups = UnionFind::new(items.len());
    for (a, b) in similar_pairs::find(&words, SAME_PLEDGE, MIN_WORDS) {
        groups.union(a, b);
    }
    collect_pledges(items, &mut groups)
}

/// One pledge per group, in the order of each group's first (newest) item.
fn collect_pledges(items: Vec<(Occurrence, &[String])>, groups: &mut UnionFind) -> Vec<Pledge> {
    let mut pledges: Vec<Pledge> = Vec::new();
    let mut by_root: HashMap<usize, usize> = HashMap::new();
    for (i, (occurrence, themes)) in items.into_iter().enumerate() {
        let root = groups.find(i);
        match by_root.get(&root) {
            Some(&at) => {
                let pledge = &mut pledges[at];
                for t in themes {
                    if !pledge.themes.contains(t) {
                        pledge.themes.push(t.clone());
                    }
                }
                pledge.occurrences.push(occurrence);
            }
            None => {
                by_root.insert(root, pledges.len());
                pledges.push(Pledge {
                    kind: occurrence.kind,
                    occurrences: vec![occurrence],
                    themes: themes.to_vec(),
                });
            }
        }
    }
    pledges
}

fn section_themes<'a>(doc: &'a Document, section: &str) -> &'a [String] {
    doc.sections
        .iter()
        .find(|s| s.id == section)
        .map_or(&[], |s| s.themes.as_slice())
}

#[cfg(test)]
fn similar(a: &[String], b: &[String]) -> bool {
    use std::collections::BTreeSet;
    let (a, b): (BTreeSet<&String>, BTreeSet<&String>) = (a.iter().collect(), b.iter().collect());
    if a.len() < MIN_WORDS || b.len() < MIN_WORDS {
        return a == b && !a.is_empty();
    }
    let shared = a.intersection(&b).count() as f64;
    let union = a.union(&b).count() as f64;
    shared / union >= SAME_PLEDGE
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, i: usize) -> usize {
        let parent = self.0[i];
        if parent == i {
            return i;
        }
        let root = self.find(parent);
        self.0[i] = root;
        root
    }
    /// Joins two groups; the earlier item stays the root, so the newest wording leads.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (keep, join) = (ra.min(rb), ra.max(rb));
        self.0[join] = keep;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::content_words;

    fn same(a: &str, b: &str) -> bool {
        similar(&content_words(a), &content_words(b))
    }

    #[test]
    fn near_identical_pledges_match() {
        assert!(same(
            "Both governments will promote Data Free Flow with Trust in international fora.",
            "Both sides will promote Data Free Flow with Trust in international fora."
        ));
        assert!(same(
            "Both governments will promote the Global CBPR Forum.",
            "We call on both governments to promote the Global CBPR Forum."
        ));
    }

    #[test]
    fn different_pledges_do_not() {
        assert!(!same(
            "We urge both governments to align their AI risk-management frameworks.",
            "The two sides will cooperate on trustworthy AI principles at the OECD."
        ));
        assert!(!same("Promote AI.", "Promote 5G."));
    }
}
