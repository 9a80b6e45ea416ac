//! Recommendation and commitment sentences: which sentences ask someone to
//! act and which bind their authors, with the section and themes of each.

use super::annotate::Plain;
use super::sentences;
use super::structure::{Block, Document};
use super::vocabulary::{Category, Hit};
use crate::config::Config;
use crate::content::{Recommendation, RecommendationKind};

/// Sentences that ask (urge, call on, should …) or commit (reaffirm, pledge
/// …): the earliest cue decides which. A cue sentence that ends in ':' hands
/// its kind to the list items under it, each of which is then one ask.
pub(super) fn recommendations(
    config: &Config,
    doc: &Document,
    plain: &Plain,
    hits: &[Hit],
) -> Vec<Recommendation> {
    let mut out: Vec<Recommendation> = Vec::new();
    let mut section = String::new();
    let mut intro: Option<(RecommendationKind, Option<usize>)> = None;
    for (i, block) in doc.blocks.iter().enumerate() {
        let depth = match block {
            Block::Heading { id, .. } => {
                section = id.clone();
                intro = None;
                continue;
            }
            Block::Paragraph(_) => None,
            Block::Item { depth, .. } => Some(*depth),
        };
        let inherited = match intro {
            Some((kind, intro_depth)) if depth.is_some() && depth > intro_depth => Some(kind),
            _ => None,
        };
        if inherited.is_none() {
            intro = None;
        }
        let text = block.text();
        for (n, (s, e)) in sentences::split(text).into_iter().enumerate() {
            let range = plain.starts[i] + s..plain.starts[i] + e;
            let in_sentence = &hits[hits.partition_point(|h| h.start < range.start)
                ..hits.partition_point(|h| h.start < range.end)];
            let kind = match (n, inherited) {
                (0, Some(kind)) => kind,
                _ => match cue_kind(in_sentence) {
                    Some(kind) => kind,
                    None => continue,
                },
            };
            let sentence = &text[s..e];
            if sentence.ends_with(':') && e == text.len() {
                intro = Some((kind, depth));
                continue;
            }
            if !out.iter().any(|r| r.text == sentence) {
                let themes = sentence_themes(config, in_sentence);
                out.push(Recommendation {
                    section: section.clone(),
                    themes,
                    kind,
                    text: sentence.to_string(),
                });
            }
        }
    }
    out
}

fn cue_kind(hits: &[Hit]) -> Option<RecommendationKind> {
    hits.iter().find_map(|h| match h.category {
        Category::Recommendation => Some(RecommendationKind::Recommendation),
        Category::Commitment => Some(RecommendationKind::Commitment),
        _ => None,
    })
}

fn sentence_themes(config: &Config, hits: &[Hit]) -> Vec<String> {
    let mut themes: Vec<String> = Vec::new();
    for h in hits.iter().filter(|h| h.category == Category::Theme) {
        let slug = &config.themes[h.entry].slug;
        if !themes.contains(slug) {
            themes.push(slug.clone());
        }
    }
    themes
}
