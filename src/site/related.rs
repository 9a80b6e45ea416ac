//! Related documents: for each document, the few others that share the most
//! theme weight with it. Every pair is scored (the score has no useful
//! bound to prune on: documents carry most themes, with small weights), so
//! the scoring is kept cheap. Weights are whole numbers (ten-thousandths), so
//! equal scores are exactly equal, held as `i16` in blocks of sixteen
//! documents, a column of the block per theme: one document's score against
//! a whole block is then, per theme it carries, a minimum and a sum over
//! sixteen lanes that the compiler vectorises even for the baseline x86-64
//! target (SSE2 `pminsw`; `u32` has no minimum before SSE4.1), and themes
//! the document lacks are skipped. The documents are split across threads,
//! and only the best few per document are kept instead of sorting every score.

use std::collections::BTreeSet;

use rayon::prelude::*;

use super::{DocId, Document};

/// How many related documents a document lists.
const MAX_RELATED: usize = 4;
/// The weight of a theme only a document's sections carry.
const SECTION_WEIGHT: f64 = 0.1;

/// Each document's related documents: up to four sharing the most
/// theme weight (the sum over shared themes of the smaller weight), best
/// first, ties to the earlier document.
pub fn of(documents: &[Document]) -> Vec<Vec<DocId>> {
    let weights = Weights::of(documents);
    (0..documents.len())
        .into_par_iter()
        .map(|i| best(&weights, i))
        .collect()
}

/// A weight of 1 in [`Weights`].
const UNIT: f64 = 10_000.0;

/// Documents scored at once: a block of [`Weights`].
const BLOCK: usize = 16;

/// Every document's weight on every theme any document carries (themes in
/// slug order), in ten-thousandths (at most 10,000: an `i16`): per block of
/// [`BLOCK`] documents, a row per theme holding the block's weights on it.
struct Weights {
    documents: usize,
    columns: usize,
    blocks: Vec<[i16; BLOCK]>,
}

impl Weights {
    fn of(documents: &[Document]) -> Weights {
        let slugs: BTreeSet<&str> = documents
            .iter()
            .flat_map(|d| d.themes.iter().map(String::as_str))
            .chain(
                documents
                    .iter()
                    .flat_map(|d| d.front.themes.iter().map(|t| t.slug.as_str())),
            )
            .collect();
        let slugs: Vec<&str> = slugs.into_iter().collect();
        let column = |slug: &str| slugs.binary_search(&slug).unwrap_or(0);
        let whole = |w: f64| (w.clamp(0.0, 1.0) * UNIT).round() as i16;
        let mut weights = Weights {
            documents: documents.len(),
            columns: slugs.len(),
            blocks: vec![[0; BLOCK]; documents.len().div_ceil(BLOCK) * slugs.len()],
        };
        for (d, doc) in documents.iter().enumerate() {
            for t in &doc.themes {
                *weights.cell(d, column(t)) = whole(SECTION_WEIGHT);
            }
            for t in &doc.front.themes {
                *weights.cell(d, column(&t.slug)) = whole(t.weight.max(SECTION_WEIGHT));
            }
        }
        weights
    }

    fn cell(&mut self, doc: DocId, column: usize) -> &mut i16 {
        &mut self.blocks[doc / BLOCK * self.columns + column][doc % BLOCK]
    }

    /// Document `doc`'s (column, weight) of each theme it carries.
    fn carried(&self, doc: DocId) -> Vec<(usize, i16)> {
        let rows = &self.blocks[doc / BLOCK * self.columns..][..self.columns];
        let weights = rows.iter().map(|row| row[doc % BLOCK]).enumerate();
        weights.filter(|&(_, w)| w > 0).collect()
    }

    /// The scores against `carried` of the documents of block `b`.
    fn scores(&self, b: usize, carried: &[(usize, i16)]) -> [i32; BLOCK] {
        let rows = &self.blocks[b * self.columns..][..self.columns];
        let mut scores = [0; BLOCK];
        for &(column, weight) in carried {
            let row = &rows[column];
            for (score, other) in scores.iter_mut().zip(row) {
                *score += i32::from(weight.min(*other));
            }
        }
        scores
    }
}

/// The best-scoring others of document `i`, kept in a short sorted list.
fn best(weights: &Weights, i: usize) -> Vec<DocId> {
    let carried = weights.carried(i);
    let mut top: Vec<(i32, DocId)> = Vec::with_capacity(MAX_RELATED + 1);
    // What a score must beat to be kept: no score of 0 is.
    let mut bar = 0;
    for b in 0..weights.documents.div_ceil(BLOCK) {
        let scores = weights.scores(b, &carried);
        if scores.iter().all(|&score| score <= bar) {
            continue;
        }
        // Documents past the last fill the last block with zero weights.
        for (j, score) in (b * BLOCK..).zip(scores) {
            if score > bar && j != i {
                // Ties keep the earlier document: it was inserted first.
                let at = top.partition_point(|t| t.0 >= score);
                top.insert(at, (score, j));
                top.truncate(MAX_RELATED);
                if top.len() == MAX_RELATED {
                    bar = top[MAX_RELATED - 1].0;
                }
            }
        }
    }
    top.into_iter().map(|(_, j)| j).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::FrontMatter;

    fn doc(slug: &str, weights: &[(&str, f64)]) -> Document {
        let themes: Vec<String> = weights.iter().map(|(t, _)| t.to_string()).collect();
        let list: Vec<String> = weights
            .iter()
            .map(|(t, w)| format!("{{slug: {t}, weight: {w}}}"))
            .collect();
        let yaml = format!("title: {slug}\nthemes: [{}]\n", list.join(", "));
        let front: FrontMatter = yaml_serde::from_str(&yaml).expect("front matter");
        Document {
            slug: slug.to_string(),
            path: std::path::PathBuf::from(format!("{slug}.md")),
            front,
            html: String::new(),
            texts: Default::default(),
            sections: Vec::new(),
            acronyms: Vec::new(),
            has_code: false,
            themes,
            source: None,
            related: Vec::new(),
            neighbours: Vec::new(),
            digest: String::new(),
        }
    }

    /// Every pair scored in floating point, all scores sorted: what `of`
    /// must agree with whatever the blocks and the bar skip.
    fn naive(docs: &[Document]) -> Vec<Vec<DocId>> {
        let weight = |d: &Document, slug: &str| -> i64 {
            let front = d.front.themes.iter().find(|t| t.slug == slug);
            let w = match front {
                Some(t) => t.weight.max(SECTION_WEIGHT),
                None if d.themes.iter().any(|t| t == slug) => SECTION_WEIGHT,
                None => 0.0,
            };
            (w.clamp(0.0, 1.0) * UNIT).round() as i64
        };
        let score = |a: &Document, b: &Document| -> i64 {
            (a.themes.iter())
                .map(|t| weight(a, t).min(weight(b, t)))
                .sum()
        };
        (docs.iter().enumerate())
            .map(|(i, a)| {
                let mut all: Vec<(i64, DocId)> = (docs.iter().enumerate())
                    .filter(|&(j, b)| j != i && score(a, b) > 0)
                    .map(|(j, b)| (-score(a, b), j))
                    .collect();
                all.sort();
                all.iter().take(MAX_RELATED).map(|&(_, j)| j).collect()
            })
            .collect()
    }

    #[test]
    fn documents_in_every_block_are_scored_as_a_pair_at_a_time_would_be() {
        const THEMES: [&str; 5] = ["ai", "cyber", "data", "green", "trade"];
        // 53 documents: three whole blocks and a part; weights from a small
        // set, so that many scores tie.
        let docs: Vec<Document> = (0..53usize)
            .map(|n| {
                let weights: Vec<(&str, f64)> = (THEMES.iter().enumerate())
                    .filter(|(t, _)| (n * 7 + t * 3) % 5 < 3)
                    .map(|(t, slug)| (*slug, [0.05, 0.2, 0.4, 0.9][(n * 5 + t) % 4]))
                    .collect();
                doc(&format!("d{n}"), &weights)
            })
            .collect();
        let related = of(&docs);
        assert_eq!(related, naive(&docs));
        assert!(related.iter().all(|r| r.len() == MAX_RELATED));
        assert!(
            related[0].iter().any(|&j| j >= 2 * BLOCK),
            "the best of the first document include one from a later block: {:?}",
            related[0]
        );
    }

    #[test]
    fn related_documents_share_the_most_theme_weight_and_ties_go_to_the_earlier() {
        let docs = vec![
            doc("subject", &[("ai", 0.7), ("trade", 0.2), ("cyber", 0.1)]),
            doc("ai-a-little", &[("ai", 0.3), ("green", 0.7)]),
            // 0.2 + 0.1 ties with 0.3, though not in floating point.
            doc(
                "trade-and-cyber",
                &[("trade", 0.2), ("cyber", 0.1), ("green", 0.7)],
            ),
            doc("ai-mostly", &[("ai", 0.9), ("green", 0.1)]),
            doc("nothing-shared", &[("green", 1.0)]),
        ];
        let related = of(&docs);
        assert_eq!(
            related[0],
            vec![3, 1, 2],
            "best first, then the tie in order"
        );
        assert!(!related[4].contains(&0), "no shared theme, not related");
        assert!(!related[0].contains(&0), "never itself");
    }
}
