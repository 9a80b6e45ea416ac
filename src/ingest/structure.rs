//! The document's structure, recovered from clean lines: its title and
//! dateline at the top, hard-wrapped lines joined, then headings, list items
//! (nested by indent) and paragraphs.

use super::head;
use super::headings::{self, Levels, Style};
use super::outline;
use crate::content::PartialDate;
use crate::text::words::ends_mid_phrase;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading { level: u8, text: String, id: String },
    Paragraph(String),
    Item { depth: usize, text: String },
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Item { text, .. } => text,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub title: Option<String>,
    pub dateline: Option<PartialDate>,
    /// The day a sentence under the title opens with ([`head::Head::event_day`]).
    pub event_day: Option<PartialDate>,
    /// The header's lines ([`head::Head::header`]).
    pub header: Vec<String>,
    pub blocks: Vec<Block>,
}

/// `breadcrumb` and `markup`: titles stated elsewhere than in the lines
/// ([`head::take`]).
pub fn structure(mut lines: Vec<String>, breadcrumb: Option<&str>, markup: &[&str]) -> Document {
    let head = head::take(&mut lines, breadcrumb, markup);
    let logical = join_lines(&lines);
    Document {
        title: head.title,
        dateline: head.dateline,
        event_day: head.event_day,
        header: head.header,
        blocks: outline::refine(classify(&logical)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    None,
    /// A bullet glyph or `-`, `*`, `–`.
    Bullet,
    /// An indented line after a blank one: a bullet whose glyph was lost.
    Lost,
}

#[derive(Debug, Clone)]
struct Logical {
    indent: usize,
    marker: Marker,
    text: String,
    blank_before: usize,
}

fn split_marker(line: &str) -> (usize, Marker, &str) {
    let indent = line.len() - line.trim_start().len();
    let t = line.trim_start();
    for glyph in ["• ", "- ", "* ", "– ", "•"] {
        if let Some(rest) = t.strip_prefix(glyph) {
            return (indent, Marker::Bullet, rest.trim_start());
        }
    }
    (indent, Marker::None, t)
}

/// `## Heading`: a heading a reader of a structured source (a web page)
/// marked, with its level (2 to 6) and its text.
pub fn atx_heading(text: &str) -> Option<(u8, &str)> {
    let text = text.trim_start();
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    let rest = text[hashes..].strip_prefix(' ')?.trim();
    ((2..=6).contains(&hashes) && !rest.is_empty()).then_some((hashes as u8, rest))
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '”', '"', '’', ')'])
}

/// Joins hard-wrapped lines into logical lines (paragraphs, items, headings).
fn join_lines(lines: &[String]) -> Vec<Logical> {
    let mut out: Vec<Logical> = Vec::new();
    let mut blanks = 0;
    for line in lines {
        if line.trim().is_empty() {
            blanks += 1;
            continue;
        }
        let (indent, mut marker, text) = split_marker(line);
        if marker == Marker::None && indent > 0 && blanks > 0 {
            marker = Marker::Lost;
        }
        match out.last_mut() {
            Some(prev) if marker == Marker::None && continues(prev, indent, text, blanks) => {
                let glue = if prev.text.ends_with('-') { "" } else { " " };
                prev.text.push_str(glue);
                prev.text.push_str(text);
            }
            _ => out.push(Logical {
                indent,
                marker,
                text: text.to_string(),
                blank_before: if out.is_empty() { 1 } else { blanks },
            }),
        }
        blanks = 0;
    }
    out
}

/// Whether a line continues the previous logical line rather than starting
/// a new block.
fn continues(prev: &Logical, indent: usize, text: &str, blanks: usize) -> bool {
    if atx_heading(&prev.text).is_some() || atx_heading(text).is_some() {
        return false;
    }
    let lower = text.chars().next().is_some_and(char::is_lowercase);
    if blanks > 0 {
        // A paragraph broken by a stray blank line: no full stop, then lower case.
        return indent == 0 && lower && !ends_sentence(&prev.text);
    }
    let prev_is_heading = prev.marker == Marker::None && headings::recognise(&prev.text).is_some();
    lower
        || (indent > 0 && !prev_is_heading)
        || (!ends_sentence(&prev.text) && prev.text.len() > 80 && !prev_is_heading)
        || ends_mid_phrase(&prev.text)
}

fn classify(logical: &[Logical]) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(logical.len());
    let mut levels = Levels::default();
    let mut ids = Ids::default();
    let mut indents: Vec<usize> = Vec::new();
    for (i, line) in logical.iter().enumerate() {
        let standalone = line.blank_before > 0
            && logical
                .get(i + 1)
                .is_some_and(|n| n.blank_before > 0 || n.marker != Marker::None);
        if let Some((level, text)) = atx_heading(&line.text).filter(|_| line.marker == Marker::None)
        {
            let id = ids.make(text, text);
            blocks.push(Block::Heading {
                level,
                text: text.to_string(),
                id,
            });
            indents.clear();
            continue;
        }
        if let Some(h) = heading_of(line, standalone) {
            let level = levels.level(h.style);
            let (text, label_end) = match h.style {
                Style::Marked(_) => (&line.text[h.label_end..], 0),
                _ => (line.text.as_str(), h.label_end),
            };
            let text = text.trim_end_matches(':').to_string();
            let id = ids.make(&text[label_end.min(text.len())..], &text);
            blocks.push(Block::Heading { level, text, id });
            indents.clear();
            continue;
        }
        if line.marker == Marker::None || line.blank_before >= 2 {
            indents.clear();
        }
        if line.marker == Marker::None {
            blocks.push(Block::Paragraph(line.text.clone()));
            continue;
        }
        let depth = depth_for(&mut indents, line.indent);
        blocks.push(Block::Item {
            depth,
            text: line.text.clone(),
        });
    }
    blocks
}

fn heading_of(line: &Logical, standalone: bool) -> Option<headings::Heading> {
    let h = headings::recognise(&line.text)?;
    let ok = match line.marker {
        Marker::None => h.style.is_numbered() || standalone,
        Marker::Bullet => h.style.is_numbered(),
        Marker::Lost => false,
    };
    ok.then_some(h)
}

/// Nesting depth of a list item from its indent, against the open items.
fn depth_for(indents: &mut Vec<usize>, indent: usize) -> usize {
    while indents.last().is_some_and(|&top| top > indent) {
        indents.pop();
    }
    if indents.last() != Some(&indent) {
        indents.push(indent);
    }
    indents.len() - 1
}

/// Heading ids: the slug of the title without its numbering, made unique.
#[derive(Default)]
pub(super) struct Ids {
    used: rustc_hash::FxHashSet<String>,
}

impl Ids {
    /// Marks an id as taken (by a heading made earlier).
    pub(super) fn reserve(&mut self, id: &str) {
        self.used.insert(id.to_string());
    }

    pub(super) fn make(&mut self, title: &str, whole: &str) -> String {
        let source = if title.trim().is_empty() {
            whole
        } else {
            title
        };
        let base = crate::util::slugify(source);
        let mut id = base.clone();
        let mut n = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        structure(text.lines().map(str::to_string).collect(), None, &[])
    }

    fn item(depth: usize, text: &str) -> Block {
        Block::Item {
            depth,
            text: text.into(),
        }
    }

    #[test]
    fn title_and_dateline_at_the_top() {
        let d = doc("01 Mar 2022\n\nJoint letter: A Title\n\nBody one.\n");
        assert_eq!(d.title.as_deref(), Some("Joint letter: A Title"));
        assert_eq!(d.dateline.unwrap().to_string(), "2022-03-01");
        assert_eq!(d.blocks, [Block::Paragraph("Body one.".into())]);
        let d = doc("A long first paragraph that is a sentence and not a title at all.\n");
        assert_eq!(d.title, None);
    }

    /// Each heading's level, text and id.
    fn headings(d: &Document) -> Vec<(u8, &str, &str)> {
        (d.blocks.iter())
            .filter_map(|b| match b {
                Block::Heading { level, text, id } => Some((*level, text.as_str(), id.as_str())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn headings_get_levels_and_ids() {
        let d = doc("Joint Statement on Data\n\n1. Major Outcomes\n\n(1) Summary\n\nText.\n\n(2) Summary\n\nMore.\n\n2. Future\n\nEnd.");
        let heads = headings(&d);
        assert_eq!(
            heads,
            [
                (2, "1. Major Outcomes", "major-outcomes"),
                (3, "(1) Summary", "summary"),
                (3, "(2) Summary", "summary-2"),
                (2, "2. Future", "future")
            ]
        );
    }

    #[test]
    fn a_heading_a_reader_marked_loses_its_marks() {
        let d = doc("Joint Statement on Data\n\n## our shared commitments\n\nText.\n\n### Next steps\nMore.");
        let heads = headings(&d);
        assert_eq!(
            heads,
            [
                (2, "our shared commitments", "our-shared-commitments"),
                (3, "Next steps", "next-steps")
            ]
        );
    }

    #[test]
    fn bullets_nest_by_indent_and_lost_glyphs_count() {
        let d = doc("Joint Statement on Data\n\nIntro:\n\n  • One\n    • One a\n    • One b\n  • Two\n\n Lost glyph item\n\nPara.");
        assert_eq!(
            d.blocks[1..],
            [
                item(0, "One"),
                item(1, "One a"),
                item(1, "One b"),
                item(0, "Two"),
                item(0, "Lost glyph item"),
                Block::Paragraph("Para.".into())
            ]
        );
    }

    #[test]
    fn dash_numbered_items_are_headings() {
        let d = doc("Joint Statement on Data\n\n- 1. Promote Data Flows\n- Promote Free Data Flows: counter localisation.\n\nText.");
        assert!(
            matches!(&d.blocks[0], Block::Heading { text, .. } if text == "- 1. Promote Data Flows" || text == "1. Promote Data Flows")
        );
        assert_eq!(
            d.blocks[1..],
            [
                Block::Heading {
                    level: 3,
                    text: "Promote Free Data Flows".into(),
                    id: "promote-free-data-flows".into()
                },
                Block::Paragraph("counter localisation.".into()),
                Block::Paragraph("Text.".into())
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let d = doc("Joint Statement on Data\n\n- Develop a framework: common principles for\n international interoperability.\n We also believe it.\n\nThe workforce through engineers for\n\nresearch and development is essential.");
        assert_eq!(
            d.blocks,
            [
                item(0, "Develop a framework: common principles for international interoperability. We also believe it."),
                Block::Paragraph("The workforce through engineers for research and development is essential.".into())
            ]
        );
    }

    #[test]
    fn a_line_cut_in_the_middle_of_a_phrase_goes_on_with_the_next() {
        let d = doc("Joint Statement on Data\n\nThe fourth Harbour Safety Council meeting between\nCanada and Korea was held on Friday.\nA new paragraph.");
        assert_eq!(
            d.blocks,
            [
                Block::Paragraph("The fourth Harbour Safety Council meeting between Canada and Korea was held on Friday.".into()),
                Block::Paragraph("A new paragraph.".into())
            ]
        );
    }
}
