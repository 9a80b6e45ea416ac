//! Recommendation and commitment sentences: which sentences ask someone to
//! act and which bind their authors, with the section and themes of each.

use std::collections::HashMap;
use std::ops::Range;

use super::annotate::Plain;
use super::cues::{self, Cue, Voice};
use super::outline::is_about_heading;
use super::sentences;
use super::structure::{Block, Document};
use super::term_matcher::{Category, Hit};
use crate::config::Config;
use crate::content::{Recommendation, RecommendationKind};
use crate::text::words::ends_mid_phrase;

/// A lead-in and its list are one recommendation when together no longer
/// than this; a longer list gives one recommendation per item.
const MERGED_LIMIT: usize = 700;
/// A recommendation is filed under at most this many themes: the ones its
/// words name most.
const MAX_THEMES: usize = 2;

/// Sentences that ask (urge, call on, should …) or commit (reaffirm, pledge
/// …) in the document's voice; sections headed "About …" say who the
/// authors are and are left out. A cue sentence that ends in ':' leads the
/// list under it: lead-in and items become one recommendation, or, for a
/// long list, each item one.
pub(super) fn recommendations(sources: Sources<'_>, voice: Voice) -> Vec<Recommendation> {
    let doc = sources.doc;
    let mut finder = Finder {
        sources,
        voice,
        section_themes: &[],
    };
    let mut out = Out::default();
    let mut section = String::new();
    let mut about = false;
    let mut i = 0;
    while i < doc.blocks.len() {
        let block = &doc.blocks[i];
        if let Block::Heading { id, text, .. } = block {
            section.clone_from(id);
            about = is_about_heading(text);
            finder.section_themes = sources.section_themes.get(&i).map_or(&[], Vec::as_slice);
            i += 1;
            continue;
        }
        if about {
            i += 1;
            continue;
        }
        let judged = finder.judged(i, block.text());
        let items = list_under(&doc.blocks, i);
        let lead = judged
            .last()
            .filter(|(_, r)| !items.is_empty() && r.end == block.text().len())
            .filter(|_| block.text().ends_with(':'));
        let plain_sentences = judged.len() - usize::from(lead.is_some());
        let in_item = matches!(block, Block::Item { .. });
        for (kind, range) in &judged[..plain_sentences] {
            if reads_whole(&block.text()[range.clone()], in_item) {
                out.push(finder.make(&section, *kind, i, range.clone()));
            }
        }
        if let Some((kind, range)) = lead {
            finder.list(&section, *kind, (i, range.clone()), items.clone(), &mut out);
            i = items.end;
        } else {
            i += 1;
        }
    }
    out.0
}

/// Recommendations in order, each text once.
#[derive(Default)]
struct Out(Vec<Recommendation>);

impl Out {
    fn push(&mut self, r: Recommendation) {
        if !self.0.iter().any(|o| o.text == r.text) {
            self.0.push(r);
        }
    }
}

/// What a sentence ends with, closing quotes and brackets included.
const SENTENCE_ENDS: &[char] = &[
    '.', '!', '?', ';', '。', '！', '？', ')', '）', ']', '"', '\'', '”', '’', '」', '』',
];
/// What a sentence that goes on stops at.
const RUNS_ON: &[char] = &[':', '…', ',', '、', '-', '–', '—'];

/// Whether a sentence reads whole, and so can stand as an ask: it ends as a
/// sentence does, or, in a list item (whose items often have no stop), not
/// on a word that needs another after it ([`ends_mid_phrase`]) or a lone
/// letter. What a capture cut off ("… to promote the") and a lead-in with
/// no list under it ("… in the following joint statement:") ask nothing by
/// themselves.
fn reads_whole(sentence: &str, in_item: bool) -> bool {
    let sentence = sentence.trim_end();
    if sentence.is_empty() || sentence.ends_with(RUNS_ON) {
        return false;
    }
    if sentence.ends_with(SENTENCE_ENDS) {
        return true;
    }
    let last_word = sentence
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    let lone_letter = last_word.len() == 1 && last_word.bytes().all(|b| b.is_ascii_alphabetic());
    in_item && !ends_mid_phrase(sentence) && !lone_letter
}

/// The list items right under block `i` (deeper than it, when it is an item).
fn list_under(blocks: &[Block], i: usize) -> Range<usize> {
    let depth = match &blocks[i] {
        Block::Item { depth, .. } => Some(*depth),
        _ => None,
    };
    let end = blocks[i + 1..]
        .iter()
        .position(|b| !matches!(b, Block::Item { depth: d, .. } if Some(*d) > depth))
        .map_or(blocks.len(), |n| i + 1 + n);
    i + 1..end
}

/// What recommendations are found in: the document, its plain text and
/// keyword hits, and the themes of each section (by heading block index).
#[derive(Clone, Copy)]
pub(super) struct Sources<'a> {
    pub config: &'a Config,
    pub doc: &'a Document,
    pub plain: &'a Plain,
    pub hits: &'a [Hit],
    pub section_themes: &'a HashMap<usize, Vec<String>>,
}

struct Finder<'a> {
    sources: Sources<'a>,
    voice: Voice,
    /// The themes of the section being read.
    section_themes: &'a [String],
}

impl Finder<'_> {
    /// Hits within a byte range of the plain text.
    fn hits_in(&self, range: Range<usize>) -> &[Hit] {
        let from = self.sources.hits.partition_point(|h| h.start < range.start);
        let to = self.sources.hits.partition_point(|h| h.start < range.end);
        &self.sources.hits[from..to]
    }

    fn absolute(&self, block: usize, range: &Range<usize>) -> Range<usize> {
        let base = self.sources.plain.starts[block];
        base + range.start..base + range.end
    }

    /// The sentences of block `i` that ask or commit, with their ranges in the block.
    fn judged(&self, i: usize, text: &str) -> Vec<(RecommendationKind, Range<usize>)> {
        sentences::split(text)
            .into_iter()
            .filter_map(|(s, e)| {
                let base = self.sources.plain.starts[i] + s;
                let cues: Vec<Cue> = self
                    .hits_in(base..self.sources.plain.starts[i] + e)
                    .iter()
                    .filter_map(|h| {
                        let asks = match h.category {
                            Category::Recommendation => true,
                            Category::Commitment => false,
                            _ => return None,
                        };
                        Some(Cue {
                            start: h.start - base,
                            end: h.end - base,
                            asks,
                        })
                    })
                    .collect();
                cues::judge(&text[s..e], &cues, self.voice).map(|kind| (kind, s..e))
            })
            .collect()
    }

    fn make(
        &self,
        section: &str,
        kind: RecommendationKind,
        block: usize,
        range: Range<usize>,
    ) -> Recommendation {
        let text = self.sources.plain.text[self.absolute(block, &range)].to_string();
        Recommendation {
            section: section.to_string(),
            themes: self.themes(&[self.absolute(block, &range)]),
            kind,
            text,
        }
    }

    /// A lead-in ("The two governments should:") and the items under it.
    fn list(
        &self,
        section: &str,
        kind: RecommendationKind,
        (lead, lead_range): (usize, Range<usize>),
        items: Range<usize>,
        out: &mut Out,
    ) {
        let lead_text = &self.sources.plain.text[self.absolute(lead, &lead_range)];
        let item_text = |i: usize| {
            let start = self.sources.plain.starts[i];
            let end = self
                .sources
                .plain
                .starts
                .get(i + 1)
                .map_or(self.sources.plain.text.len(), |&e| e);
            self.sources.plain.text[start..end].trim_end()
        };
        let merged_len =
            lead_text.len() + items.clone().map(|i| item_text(i).len() + 1).sum::<usize>();
        if merged_len <= MERGED_LIMIT {
            let mut text = lead_text.to_string();
            let mut ranges = vec![self.absolute(lead, &lead_range)];
            for i in items {
                text.push(' ');
                text.push_str(item_text(i));
                ranges.push(
                    self.sources.plain.starts[i]..self.sources.plain.starts[i] + item_text(i).len(),
                );
            }
            out.push(Recommendation {
                section: section.to_string(),
                themes: self.themes(&ranges),
                kind,
                text,
            });
            return;
        }
        for i in items {
            let text = item_text(i);
            let mut judged = self.judged(i, text);
            if let Some(&(s, e)) = sentences::split(text).first() {
                if judged.first().is_none_or(|(_, r)| r.start != s) {
                    judged.insert(0, (kind, s..e));
                }
            }
            for (kind, range) in judged
                .into_iter()
                .filter(|(_, r)| reads_whole(&text[r.clone()], true))
            {
                out.push(self.make(section, kind, i, range));
            }
        }
    }

    /// The themes the words of `ranges` name, most named first: the first
    /// always, another only when named twice or a theme of the section too.
    fn themes(&self, ranges: &[Range<usize>]) -> Vec<String> {
        let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (entry, count, first)
        for range in ranges {
            for h in self
                .hits_in(range.clone())
                .iter()
                .filter(|h| h.category == Category::Theme)
            {
                match counts.iter_mut().find(|c| c.0 == h.entry) {
                    Some(c) => c.1 += 1,
                    None => counts.push((h.entry, 1, h.start)),
                }
            }
        }
        counts.sort_by_key(|&(_, count, first)| (std::cmp::Reverse(count), first));
        let themes = &self.sources.config.themes;
        counts
            .into_iter()
            .enumerate()
            .filter(|(rank, (entry, count, _))| {
                *rank == 0 || *count >= 2 || self.section_themes.contains(&themes[*entry].slug)
            })
            .take(MAX_THEMES)
            .map(|(_, (entry, _, _))| themes[entry].slug.clone())
            .collect()
    }
}
