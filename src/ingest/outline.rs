//! The outline a captured page lost, recovered from patterns in its blocks:
//! one-item bullets "Title: description" each followed by paragraphs are
//! sub-headings, and a closing run of organisation descriptions ("X
//! represents …", "Founded in 1999, X is …") is an "About the signatories"
//! section rather than the last points of the last numbered section.

use super::structure::{Block, Ids};
use crate::text::words::word_count;

/// Title of the section made for closing organisation descriptions.
pub const SIGNATORIES: &str = "About the signatories";

/// Words a title-case lead may keep in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with", "x", "vs", "via", "&",
];

/// A heading that says who the authors are ("About the Author", "About us"):
/// its text is not part of the argument (no themes, no recommendations).
pub fn is_about_heading(text: &str) -> bool {
    let title = text.trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '.' | '(' | ')' | ' ' | '-')
    });
    let lower = title.to_lowercase();
    lower.starts_with("about ") && title.split_whitespace().count() <= 6
}

/// Sub-headings and the signatories section, added to classified blocks.
pub fn refine(blocks: Vec<Block>) -> Vec<Block> {
    let mut ids = Ids::default();
    for b in &blocks {
        if let Block::Heading { id, .. } = b {
            ids.reserve(id);
        }
    }
    let blocks = promote_subheadings(blocks, &mut ids);
    add_signatories(blocks, &mut ids)
}

/// "Promote Free Data Flows: Counteracting …" → ("Promote Free Data Flows", "Counteracting …").
fn title_lead(text: &str) -> Option<(&str, &str)> {
    let (lead, rest) = text.split_once(": ")?;
    let words: Vec<&str> = lead.split_whitespace().collect();
    let plain = !lead.contains(['.', ',', ';', '(', '“', '"']);
    let title_case = words.iter().all(|w| {
        SMALL_WORDS.contains(&w.to_lowercase().as_str())
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    let short = (1..=8).contains(&words.len()) && lead.len() <= 80;
    let starts_upper = lead.chars().next().is_some_and(char::is_uppercase);
    (plain && title_case && short && starts_upper && !rest.trim().is_empty())
        .then(|| (lead.trim(), rest.trim()))
}

fn is_candidate(block: &Block) -> bool {
    matches!(block, Block::Item { depth: 0, text } if title_lead(text).is_some())
}

/// In a section where a "Title: description" bullet is followed by
/// paragraphs, each such bullet (not one in a list under a lead-in ending
/// in ':') becomes a heading one level below the section's, then a paragraph.
fn promote_subheadings(blocks: Vec<Block>, ids: &mut Ids) -> Vec<Block> {
    let promote = promotable(&blocks);
    let mut out = Vec::with_capacity(blocks.len() + promote.len());
    let mut level = None;
    for (i, block) in blocks.into_iter().enumerate() {
        if let Block::Heading { level: l, .. } = &block {
            level = Some(*l);
        }
        let (Some(parent), true) = (level, promote.contains(&i)) else {
            out.push(block);
            continue;
        };
        let Some((title, description)) = title_lead(block.text()) else {
            out.push(block);
            continue;
        };
        out.push(Block::Heading {
            level: (parent + 1).min(6),
            text: title.to_string(),
            id: ids.make(title, title),
        });
        out.push(Block::Paragraph(description.to_string()));
    }
    out
}

/// Indices of the bullets to make sub-headings, section by section.
fn promotable(blocks: &[Block]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < blocks.len() {
        let end = blocks[start + 1..]
            .iter()
            .position(|b| matches!(b, Block::Heading { .. }))
            .map_or(blocks.len(), |n| start + 1 + n);
        if matches!(blocks[start], Block::Heading { .. }) {
            let candidates: Vec<usize> = (start + 1..end)
                .filter(|&i| is_candidate(&blocks[i]) && !under_lead_in(blocks, i))
                .collect();
            let pattern = candidates
                .iter()
                .any(|&i| matches!(blocks.get(i + 1), Some(Block::Paragraph(_))));
            if pattern {
                out.extend(candidates);
            }
        }
        start = end;
    }
    out
}

/// Whether the item at `i` belongs to a list introduced by "…:".
fn under_lead_in(blocks: &[Block], i: usize) -> bool {
    let first = blocks[..i]
        .iter()
        .rposition(|b| !matches!(b, Block::Item { .. }))
        .map_or(0, |p| p + 1);
    first > 0 && matches!(&blocks[first - 1], Block::Paragraph(t) if t.trim_end().ends_with(':'))
        || (first..i).any(|k| blocks[k].text().trim_end().ends_with(':'))
}

/// "DIGITALEUROPE represents …", "Founded in 1999, the Japan Business
/// Council in Europe (JBCE) is …", "X is an industry organization that …".
fn is_blurb(text: &str) -> bool {
    const FOUNDED: &[&str] = &[
        "Founded in ",
        "Established in ",
        "Created in ",
        "Formed in ",
    ];
    const BODIES: &[&str] = &[
        "organization",
        "organisation",
        "association",
        "council",
        "federation",
        "body",
        "company",
        "institute",
        "foundation",
        "think tank",
        "network",
        "chamber",
        "alliance",
        "coalition",
        "platform",
        "representative",
        "forum",
        "voice",
        "trade group",
    ];
    const PRONOUNS: &[&str] = &["We", "This", "It", "They", "These", "Our", "That", "There"];
    if FOUNDED.iter().any(|f| text.starts_with(f)) {
        return true;
    }
    let first_sentence = text.split(". ").next().unwrap_or(text);
    let subject_ok = |name: &str| {
        let words = word_count(name);
        let first = name.split_whitespace().next().unwrap_or("");
        (1..=14).contains(&words)
            && first.chars().next().is_some_and(char::is_uppercase)
            && !PRONOUNS.contains(&first)
    };
    if let Some((name, _)) = first_sentence.split_once(" represents ") {
        return subject_ok(name);
    }
    let Some((name, rest)) = first_sentence.split_once(" is ") else {
        return false;
    };
    let lower = rest.to_lowercase();
    let described = ["a ", "an ", "the "].iter().any(|a| lower.starts_with(a))
        && BODIES.iter().any(|b| lower.contains(b));
    subject_ok(name) && described
}

/// A bare organisation name line ("JBCE") before its description.
fn is_name_line(text: &str) -> bool {
    let words = word_count(text);
    (1..=4).contains(&words)
        && !text.ends_with(['.', ':', ';', ','])
        && text.chars().next().is_some_and(char::is_uppercase)
}

/// A closing run of two or more organisation descriptions after the last
/// section's own text gets its own `About the signatories` section; a name
/// line is dropped when the description under it names the organisation.
fn add_signatories(mut blocks: Vec<Block>, ids: &mut Ids) -> Vec<Block> {
    let Some(last_heading) = blocks
        .iter()
        .rposition(|b| matches!(b, Block::Heading { .. }))
    else {
        return blocks;
    };
    if is_about_heading(blocks[last_heading].text()) {
        return blocks;
    }
    let mut start = blocks.len();
    let mut blurbs = 0;
    while start > last_heading + 1 {
        let text = blocks[start - 1].text();
        let followed_by_blurb = blocks.get(start).is_some_and(|b| is_blurb(b.text()));
        if is_blurb(text) {
            blurbs += 1;
        } else if !(is_name_line(text) && followed_by_blurb) {
            break;
        }
        start -= 1;
    }
    // The section keeps text of its own, and the run ends in a description.
    let ends_in_blurb = blocks.last().is_some_and(|b| is_blurb(b.text()));
    if blurbs < 2 || start == last_heading + 1 || !ends_in_blurb {
        return blocks;
    }
    let level = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    let run: Vec<Block> = blocks.split_off(start);
    blocks.push(Block::Heading {
        level,
        text: SIGNATORIES.to_string(),
        id: ids.make(SIGNATORIES, SIGNATORIES),
    });
    for (k, block) in run.iter().enumerate() {
        let text = block.text();
        let named_below = run
            .get(k + 1)
            .is_some_and(|next| is_name_line(text) && next.text().contains(text));
        if !named_below {
            blocks.push(Block::Paragraph(text.to_string()));
        }
    }
    blocks
}

#[cfg(test)]
#[path = "outline_tests.rs"]
mod tests;
