//! Related documents: for each document, the few others that share the most
//! theme weight with it. Every pair is scored (the score has no useful
//! bound to prune on), so the scoring is kept cheap: weights are dense
//! arrays indexed by theme, the pairs are split across threads, and only
//! the best few per document are kept instead of sorting every score.

use std::collections::BTreeSet;

use rayon::prelude::*;

use super::{DocId, Document};

/// How many related documents a document lists.
const MAX_RELATED: usize = 4;
/// The weight of a theme only a document's sections carry.
const SECTION_WEIGHT: f64 = 0.1;

/// Sets each document's `related`: up to four documents sharing the most
/// theme weight (the sum over shared themes of the smaller weight), best
/// first, ties to the earlier document.
pub fn link(documents: &mut [Document]) {
    let weights = dense_weights(documents);
    let related: Vec<Vec<DocId>> = (0..weights.len())
        .into_par_iter()
        .map(|i| best(&weights, i))
        .collect();
    for (doc, rel) in documents.iter_mut().zip(related) {
        doc.related = rel;
    }
}

/// Per document, its weight on every theme any document carries, themes in
/// slug order (so sums add up in the same order for every pair).
fn dense_weights(documents: &[Document]) -> Vec<Vec<f64>> {
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
    documents
        .iter()
        .map(|d| {
            let mut w = vec![0.0; slugs.len()];
            for t in &d.themes {
                w[column(t)] = SECTION_WEIGHT;
            }
            for t in &d.front.themes {
                w[column(&t.slug)] = t.weight.max(SECTION_WEIGHT);
            }
            w
        })
        .collect()
}

/// The best-scoring others of document `i`, kept in a short sorted list.
fn best(weights: &[Vec<f64>], i: usize) -> Vec<DocId> {
    let mut top: Vec<(f64, DocId)> = Vec::with_capacity(MAX_RELATED + 1);
    for (j, other) in weights.iter().enumerate().filter(|&(j, _)| j != i) {
        let score = overlap(&weights[i], other);
        let beats_last = top.len() < MAX_RELATED || top.last().is_some_and(|l| score > l.0);
        if score > 0.0 && beats_last {
            // Ties keep the earlier document: it was inserted first.
            let at = top.partition_point(|t| t.0 >= score);
            top.insert(at, (score, j));
            top.truncate(MAX_RELATED);
        }
    }
    top.into_iter().map(|(_, j)| j).collect()
}

fn overlap(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x.min(*y)).sum()
}
