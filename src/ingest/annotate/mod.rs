//! Annotation: what a reader wants to know about a document, from its text
//! and the taxonomy: dialogues, kind, organisations, themes (per document
//! and per section), summary, glossary and recommendation sentences.

mod credits;
mod names;
mod organisations;

use std::collections::{BTreeMap, HashMap};

use super::cues::Voice;
use super::glossary;
use super::outline::is_about_heading;
use super::recommend;
use super::series_names::{series_named, SeriesName};
use super::structure::{Block, Document};
use super::summary;
use super::term_matcher::{Category, Hit, TermMatcher};
use crate::config::Config;
use crate::content::{Recommendation, ThemeWeight};
use organisations::organisations;

/// A theme below this share of the document's keyword hits is noise.
pub const THEME_THRESHOLD: f64 = 0.05;
/// How much more a term in the title counts than one in the body.
const TITLE_WEIGHT: usize = 3;

#[derive(Debug, Clone, Default)]
pub struct Annotations {
    pub dialogues: Vec<String>,
    pub kind: String,
    pub organisations: Vec<String>,
    pub themes: Vec<ThemeWeight>,
    pub summary: String,
    pub glossary: BTreeMap<String, String>,
    pub recommendations: Vec<Recommendation>,
    /// Theme classes of each heading, by block index.
    pub section_themes: HashMap<usize, Vec<String>>,
    /// Series the document names that no dialogue of `briefing.yaml`
    /// covers, each once, in order of first mention.
    pub unknown_series: Vec<SeriesName>,
}

/// The body as one string, each block on its own line, with block offsets.
pub(super) struct Plain {
    pub(super) text: String,
    pub(super) starts: Vec<usize>,
}

impl Plain {
    fn new(blocks: &[Block]) -> Plain {
        let mut text = String::with_capacity(blocks.iter().map(|b| b.text().len() + 1).sum());
        let mut starts = Vec::with_capacity(blocks.len());
        for block in blocks {
            starts.push(text.len());
            text.push_str(block.text());
            text.push('\n');
        }
        Plain { text, starts }
    }

    fn block_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }
}

pub fn annotate(
    title: &str,
    doc: &Document,
    config: &Config,
    matcher: &TermMatcher,
) -> Annotations {
    let plain = Plain::new(&doc.blocks);
    let mut body_hits = matcher.hits(&plain.text);
    let mut title_hits = matcher.hits(title);
    let header = doc.header.join("\n");
    let header_hits = matcher.hits(&header);
    let body_series = series_named(&plain.text);
    let unknown = unknown_series(
        series_hits(matcher, series_named(title), &mut title_hits, true),
        series_hits(matcher, body_series.clone(), &mut body_hits, false),
    );
    let acronyms = glossary::acronyms(&plain.text);
    let kind = kind(config, doc, &plain, &title_hits, &body_hits);
    let voice = Voice::of_kind(&kind);
    let argument =
        names::outside_names(config, doc, &plain, &argument_hits(doc, &plain, &body_hits));
    let sections = section_themes(config, doc, &plain, &argument);
    Annotations {
        dialogues: super::series_filing::dialogues(
            config,
            matcher,
            (title, &title_hits),
            (&plain.text, &body_hits),
            &body_series,
        ),
        organisations: organisations(
            config,
            [(title, &title_hits), (&header, &header_hits)],
            (&plain.text, &body_hits),
            &acronyms,
            &body_series,
        ),
        themes: theme_weights(config, &title_hits, &argument),
        summary: summary::summary(&doc.blocks, &acronyms),
        glossary: acronyms.iter().fold(BTreeMap::new(), |mut g, a| {
            g.entry(a.short.clone()).or_insert_with(|| a.long.clone());
            g
        }),
        recommendations: recommend::recommendations(
            recommend::Sources {
                config,
                doc,
                plain: &plain,
                hits: &body_hits,
                section_themes: &sections,
            },
            voice,
        ),
        section_themes: sections,
        kind,
        unknown_series: unknown,
    }
}

/// The `series` a text names ([`series_named`]) that a dialogue of `briefing.yaml` covers
/// by key but no hit of `hits` does ("European Union – Japan Digital
/// Partnership Council"), added to `hits` as dialogue hits when `files`
/// (in a title: a name written another way in the text is too weak to
/// file a document by); and those no dialogue covers.
fn series_hits(
    matcher: &TermMatcher,
    series: Vec<SeriesName>,
    hits: &mut Vec<Hit>,
    files: bool,
) -> Vec<SeriesName> {
    let own = &matcher.dialogue_parties;
    let mut unknown = Vec::new();
    for named in series {
        let covered = hits.iter().any(|h| {
            h.category == Category::Dialogue
                && h.start < named.end
                && named.start < h.end
                && (own[h.entry].is_empty() || own[h.entry] == named.parties)
        });
        if covered {
            continue;
        }
        match named.dialogue(&matcher.dialogue_series) {
            Some(_) if !files => {}
            Some(entry) => hits.push(Hit {
                start: named.start,
                end: named.end,
                category: Category::Dialogue,
                entry,
            }),
            None => unknown.push(named),
        }
    }
    if !hits.is_sorted_by_key(|h| (h.start, h.category)) {
        hits.sort_by_key(|h| (h.start, h.category));
    }
    unknown
}

/// `title` and `body` series no dialogue covers, each once, in order.
fn unknown_series(title: Vec<SeriesName>, body: Vec<SeriesName>) -> Vec<SeriesName> {
    let title = title.into_iter().map(|mut s| {
        s.in_title = true;
        s
    });
    let mut unknown: Vec<SeriesName> = Vec::new();
    for named in title.chain(body) {
        if !unknown.iter().any(|u| u.key() == named.key()) {
            unknown.push(named);
        }
    }
    unknown
}

/// Hits outside "About …" sections: who the authors are says nothing of
/// what the document is about.
fn argument_hits(doc: &Document, plain: &Plain, hits: &[Hit]) -> Vec<Hit> {
    let mut about = vec![false; doc.blocks.len()];
    let mut inside = false;
    for (i, block) in doc.blocks.iter().enumerate() {
        if let Block::Heading { text, .. } = block {
            inside = is_about_heading(text);
        }
        about[i] = inside;
    }
    hits.iter()
        .filter(|h| !about[plain.block_of(h.start)])
        .copied()
        .collect()
}

fn count(hits: &[Hit], category: Category, entries: usize) -> Vec<usize> {
    let mut counts = vec![0; entries];
    for h in hits.iter().filter(|h| h.category == category) {
        counts[h.entry] += 1;
    }
    counts
}

/// Entries by score, best first, then in config order.
fn ranked(scores: &[usize], keep: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).filter(|&i| keep(scores[i])).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(scores[i]));
    order
}

/// The kind whose cue comes first in the title; else the one most cued in
/// headings, then in the body; else `other`.
fn kind(config: &Config, doc: &Document, plain: &Plain, title: &[Hit], body: &[Hit]) -> String {
    let n = config.kinds.len();
    if let Some(h) = title.iter().find(|h| h.category == Category::Kind) {
        return config.kinds[h.entry].slug.clone();
    }
    let in_heading =
        |h: &&Hit| matches!(doc.blocks[plain.block_of(h.start)], Block::Heading { .. });
    let heading_hits: Vec<Hit> = body.iter().filter(in_heading).copied().collect();
    for hits in [&heading_hits[..], body] {
        let scores = count(hits, Category::Kind, n);
        if let Some(&best) = ranked(&scores, |s| s > 0).first() {
            return config.kinds[best].slug.clone();
        }
    }
    config
        .kinds
        .iter()
        .find(|k| k.slug == "other")
        .map_or_else(|| "other".to_string(), |k| k.slug.clone())
}

fn theme_weights(config: &Config, title: &[Hit], body: &[Hit]) -> Vec<ThemeWeight> {
    let n = config.themes.len();
    let t = count(title, Category::Theme, n);
    let b = count(body, Category::Theme, n);
    let scores: Vec<usize> = (0..n).map(|i| t[i] * TITLE_WEIGHT + b[i]).collect();
    let total: usize = scores.iter().sum();
    if total == 0 {
        return Vec::new();
    }
    let mut weights: Vec<ThemeWeight> = (0..n)
        .map(|i| ThemeWeight {
            slug: config.themes[i].slug.clone(),
            weight: (scores[i] as f64 / total as f64 * 100.0).round() / 100.0,
        })
        .filter(|w| w.weight >= THEME_THRESHOLD)
        .collect();
    weights.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    weights
}

/// For each heading, the themes its section is about: at most three, each
/// with at least a fifth of the section's keyword hits.
fn section_themes(
    config: &Config,
    doc: &Document,
    plain: &Plain,
    hits: &[Hit],
) -> HashMap<usize, Vec<String>> {
    let n = config.themes.len();
    let mut per_section: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut section_of = vec![None; doc.blocks.len()];
    let mut current = None;
    for (i, block) in doc.blocks.iter().enumerate() {
        if matches!(block, Block::Heading { .. }) {
            current = Some(i);
        }
        section_of[i] = current;
    }
    for h in hits.iter().filter(|h| h.category == Category::Theme) {
        if let Some(section) = section_of[plain.block_of(h.start)] {
            per_section.entry(section).or_insert_with(|| vec![0; n])[h.entry] += 1;
        }
    }
    per_section
        .into_iter()
        .map(|(section, scores)| {
            let total: usize = scores.iter().sum();
            let top: Vec<String> = ranked(&scores, |s| s > 0 && s * 5 >= total)
                .into_iter()
                .take(3)
                .map(|i| config.themes[i].slug.clone())
                .collect();
            (section, top)
        })
        .collect()
}

/// A breadcrumb's last item often carries the site's tag for the series
/// after the title ("… Working Group U.S.-Japan Dialogue on Digital
/// Economy"): drop a trailing dialogue name when a whole title stands before it.
pub fn tidy_breadcrumb_title(title: &str, config: &Config) -> String {
    const DANGLING: &[&str] = &[
        "of", "the", "on", "for", "and", "to", "in", "at", "by", "from", "with", "a", "an",
    ];
    let lower = title.to_lowercase();
    let mut names: Vec<&String> = config
        .dialogues
        .iter()
        .flat_map(|d| std::iter::once(&d.name).chain(&d.aliases))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for name in names {
        let Some(head) = lower.strip_suffix(&name.to_lowercase()) else {
            continue;
        };
        if !head.ends_with(' ') {
            continue;
        }
        let head = title[..head.len()].trim_end();
        let last = head.rsplit(' ').next().unwrap_or("").to_lowercase();
        let whole = head.split_whitespace().count() >= 4 && !DANGLING.contains(&last.as_str());
        if whole && !head.ends_with([':', '-', '–', '—', ',']) {
            return head.to_string();
        }
        // Only the longest name that ends the title decides.
        break;
    }
    title.to_string()
}

#[cfg(test)]
mod tests;
