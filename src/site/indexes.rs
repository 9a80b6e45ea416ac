//! The indexes derived from the documents: themes, dialogues, years,
//! glossary, the theme × year matrix, related documents and dialogue
//! neighbours. Every list has a fixed order so output is deterministic.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;

use super::pledges;
use super::*;

pub fn derive(
    root: &Path,
    config: Config,
    mut documents: Vec<Document>,
    warnings: Vec<String>,
) -> Site {
    // Side by side: the pledges are grouped partly on one thread.
    let (related, all_pledges) = rayon::join(
        || super::related::of(&documents),
        || pledges::group(&documents),
    );
    for (doc, related) in documents.iter_mut().zip(related) {
        doc.related = related;
    }
    let all_pledges: Vec<Arc<pledges::Pledge>> = all_pledges.into_iter().map(Arc::new).collect();
    crate::util::trace_stage("relating the documents and grouping their pledges");
    let dialogues: Vec<DialogueIndex> = config
        .dialogues
        .iter()
        .map(|d| dialogue_index(&d.slug, &documents))
        .collect();
    link_neighbours(&mut documents, &dialogues);
    let themes = config
        .themes
        .par_iter()
        .map(|t| theme_index(&t.slug, &documents, &all_pledges))
        .collect();
    let years = year_indexes(&documents);
    let matrix = matrix(&config, &documents, &years);
    let undated = ids(&documents, |d| d.front.date.is_none());
    let glossary = glossary(&documents);
    crate::util::trace_stage("indexing themes, years and the glossary");
    Site {
        root: root.to_path_buf(),
        config,
        documents,
        themes,
        dialogues,
        years,
        undated,
        glossary,
        body_glossary: Default::default(),
        drafts: Default::default(),
        matrix,
        warnings,
    }
}

fn ids(documents: &[Document], keep: impl Fn(&Document) -> bool) -> Vec<DocId> {
    (0..documents.len())
        .filter(|&i| keep(&documents[i]))
        .collect()
}

fn theme_index(slug: &str, documents: &[Document], all: &[Arc<pledges::Pledge>]) -> ThemeIndex {
    let docs = ids(documents, |d| d.themes.iter().any(|t| t == slug));
    let passages = docs
        .iter()
        .map(|&doc| Passages {
            doc,
            sections: (0..documents[doc].sections.len())
                .filter(|&s| documents[doc].sections[s].themes.iter().any(|t| t == slug))
                .collect(),
        })
        .collect();
    let mut shared: BTreeMap<&str, usize> = BTreeMap::new();
    for &doc in &docs {
        for other in documents[doc].themes.iter().filter(|t| *t != slug) {
            *shared.entry(other).or_default() += 1;
        }
    }
    let mut cooccurring: Vec<(String, usize)> = shared
        .into_iter()
        .map(|(s, n)| (s.to_string(), n))
        .collect();
    cooccurring.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ThemeIndex {
        slug: slug.to_string(),
        documents: docs,
        passages,
        pledges: all
            .iter()
            .filter(|p| p.themes.iter().any(|t| t == slug))
            .map(Arc::clone)
            .collect(),
        cooccurring,
    }
}

fn dialogue_index(slug: &str, documents: &[Document]) -> DialogueIndex {
    let mut chronology = ids(documents, |d| d.front.dialogues.iter().any(|x| x == slug));
    chronology.sort_by(|&a, &b| {
        let (da, db) = (documents[a].front.date, documents[b].front.date);
        da.is_none()
            .cmp(&db.is_none())
            .then(da.cmp(&db))
            .then_with(|| documents[a].slug.cmp(&documents[b].slug))
    });
    let mut by_year: BTreeMap<i32, Vec<DocId>> = BTreeMap::new();
    for &doc in &chronology {
        if let Some(date) = documents[doc].front.date {
            by_year.entry(date.year).or_default().push(doc);
        }
    }
    let mut previous: BTreeSet<String> = BTreeSet::new();
    let theme_shift = by_year
        .into_iter()
        .map(|(year, docs)| {
            let themes = theme_counts(&docs, documents, &previous);
            previous = themes.iter().map(|t| t.slug.clone()).collect();
            YearThemes { year, themes }
        })
        .collect();
    DialogueIndex {
        slug: slug.to_string(),
        chronology,
        theme_shift,
    }
}

/// Themes of `docs`, most documents first; `new` when absent from `previous`.
fn theme_counts(
    docs: &[DocId],
    documents: &[Document],
    previous: &BTreeSet<String>,
) -> Vec<ThemeCount> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &doc in docs {
        for theme in &documents[doc].themes {
            *counts.entry(theme).or_default() += 1;
        }
    }
    let mut themes: Vec<ThemeCount> = counts
        .into_iter()
        .map(|(slug, documents)| ThemeCount {
            slug: slug.to_string(),
            documents,
            new: !previous.is_empty() && !previous.contains(slug),
        })
        .collect();
    themes.sort_by(|a, b| {
        b.documents
            .cmp(&a.documents)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    themes
}

fn year_indexes(documents: &[Document]) -> Vec<YearIndex> {
    let mut by_year: BTreeMap<i32, Vec<DocId>> = BTreeMap::new();
    for (id, doc) in documents.iter().enumerate() {
        if let Some(date) = doc.front.date {
            by_year.entry(date.year).or_default().push(id);
        }
    }
    let years: Vec<i32> = by_year.keys().copied().collect();
    by_year
        .into_iter()
        .enumerate()
        .map(|(i, (year, docs))| YearIndex {
            year,
            label: year.to_string(),
            themes: theme_counts(&docs, documents, &BTreeSet::new()),
            documents: docs,
            prev: i.checked_sub(1).map(|p| years[p]),
            next: years.get(i + 1).copied(),
        })
        .collect()
}

fn matrix(config: &Config, documents: &[Document], years: &[YearIndex]) -> Vec<MatrixRow> {
    let count = |theme: &str, year: &YearIndex| {
        year.documents
            .iter()
            .filter(|&&d| documents[d].themes.iter().any(|t| t == theme))
            .count()
    };
    let mut rows: Vec<MatrixRow> = config
        .themes
        .iter()
        .map(|t| MatrixRow {
            theme: t.slug.clone(),
            cells: years
                .iter()
                .map(|y| MatrixCell {
                    year: y.year,
                    count: count(&t.slug, y),
                    level: 0,
                })
                .collect(),
        })
        .collect();
    let max = rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| c.count))
        .max()
        .unwrap_or(0);
    for cell in rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        cell.level = shade(cell.count, max);
    }
    rows
}

/// 0 for none, else 1–4 in proportion to the largest cell.
pub fn shade(count: usize, max: usize) -> u8 {
    if count == 0 || max == 0 {
        return 0;
    }
    (1 + (count - 1) * 4 / max).min(4) as u8
}

fn glossary(documents: &[Document]) -> Vec<GlossaryEntry> {
    let mut entries: BTreeMap<String, GlossaryEntry> = BTreeMap::new();
    for (id, doc) in documents.iter().enumerate() {
        let defined = doc
            .front
            .glossary
            .iter()
            .filter(|(a, e)| !a.trim().is_empty() && !e.trim().is_empty());
        for (abbr, expansion) in defined {
            let entry = entries
                .entry(abbr.clone())
                .or_insert_with(|| GlossaryEntry {
                    abbr: abbr.clone(),
                    anchor: super::glossary_anchor(abbr),
                    expansion: expansion.clone(),
                    documents: Vec::new(),
                });
            entry.documents.push(id);
        }
    }
    for (id, doc) in documents.iter().enumerate() {
        for abbr in &doc.acronyms {
            if let Some(entry) = entries.get_mut(abbr) {
                entry.documents.push(id);
            }
        }
    }
    let mut list: Vec<GlossaryEntry> = entries.into_values().collect();
    for entry in &mut list {
        entry.documents.sort_unstable();
        entry.documents.dedup();
    }
    list.sort_by(|a, b| {
        a.abbr
            .to_lowercase()
            .cmp(&b.abbr.to_lowercase())
            .then_with(|| a.abbr.cmp(&b.abbr))
    });
    list
}

fn link_neighbours(documents: &mut [Document], dialogues: &[DialogueIndex]) {
    for dialogue in dialogues {
        let chain = &dialogue.chronology;
        for (i, &doc) in chain.iter().enumerate() {
            documents[doc].neighbours.push(Neighbours {
                dialogue: dialogue.slug.clone(),
                prev: i.checked_sub(1).map(|p| chain[p]),
                next: chain.get(i + 1).copied(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_scale_to_the_largest_cell() {
        assert_eq!(shade(0, 5), 0);
        assert_eq!(shade(1, 5), 1);
        assert_eq!(shade(5, 5), 4);
        assert_eq!(shade(1, 1), 1);
    }
}
