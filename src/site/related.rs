//! Related documents: for each document, the few others that share the most
//! theme weight with it. Every pair is scored (the score has no useful
//! bound to prune on), so the scoring is kept cheap: weights are whole
//! numbers (ten-thousandths) in one flat array, a row per document and a
//! column per theme, so a pair's score is a loop the compiler vectorises and
//! equal scores are exactly equal; the documents are split across threads,
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

/// Per document, its weight on every theme any document carries (themes in
/// slug order), in ten-thousandths.
struct Weights {
    columns: usize,
    flat: Vec<u32>,
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
        let columns = slugs.len().max(1);
        let column = |slug: &str| slugs.binary_search(&slug).unwrap_or(0);
        let whole = |w: f64| (w.clamp(0.0, 1.0) * UNIT).round() as u32;
        let mut flat = vec![0; documents.len() * columns];
        for (d, row) in documents.iter().zip(flat.chunks_mut(columns)) {
            for t in &d.themes {
                row[column(t)] = whole(SECTION_WEIGHT);
            }
            for t in &d.front.themes {
                row[column(&t.slug)] = whole(t.weight.max(SECTION_WEIGHT));
            }
        }
        Weights { columns, flat }
    }

    fn row(&self, i: usize) -> &[u32] {
        &self.flat[i * self.columns..(i + 1) * self.columns]
    }

    fn rows(&self) -> std::slice::ChunksExact<'_, u32> {
        self.flat.chunks_exact(self.columns)
    }
}

/// The best-scoring others of document `i`, kept in a short sorted list.
fn best(weights: &Weights, i: usize) -> Vec<DocId> {
    let mine = weights.row(i);
    let mut top: Vec<(u32, DocId)> = Vec::with_capacity(MAX_RELATED + 1);
    for (j, other) in weights.rows().enumerate() {
        let score = overlap(mine, other);
        let beats_last = top.len() < MAX_RELATED || top.last().is_some_and(|l| score > l.0);
        if score > 0 && beats_last && j != i {
            // Ties keep the earlier document: it was inserted first.
            let at = top.partition_point(|t| t.0 >= score);
            top.insert(at, (score, j));
            top.truncate(MAX_RELATED);
        }
    }
    top.into_iter().map(|(_, j)| j).collect()
}

fn overlap(a: &[u32], b: &[u32]) -> u32 {
    a.iter().zip(b).map(|(x, y)| *x.min(y)).sum()
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
        let front: FrontMatter = serde_yaml::from_str(&yaml).expect("front matter");
        Document {
            slug: slug.to_string(),
            path: std::path::PathBuf::from(format!("{slug}.md")),
            front,
            html: String::new(),
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
