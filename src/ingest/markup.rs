//! A structured source's markup put back into its body ([`Markup`]): its
//! links placed on their words, and its table rows written as a markdown
//! table. The text stages read the words alone, so no address reaches a
//! title, a theme or the glossary; only here, where the body is written,
//! do the words become links again. A capture has no [`Markup`], and its
//! `[` and `|` stay words.
//!
//! A link is placed on the first occurrence of its words, as whole words,
//! after the one placed before it, within a few blocks: the stages keep
//! the text's order but may drop a line (chrome, the title), and a link
//! whose words went with it is left out rather than put on a later
//! mention far away.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use super::clean::clean_lines;
use super::markdown::escape_inline;
use super::read::Link;
use super::structure::Block;

/// In how many blocks from the last link's (headings aside) a link's
/// words are looked for.
const LOOKAHEAD: usize = 4;

/// A link placed in a block's text: its byte range and its address.
#[derive(Debug, Clone, PartialEq)]
pub struct Span<'l> {
    start: usize,
    end: usize,
    url: &'l str,
}

/// The links of each block (none in headings, whose words are the
/// outline's), in order.
pub fn place_links<'l>(blocks: &[Block], links: &'l [Link]) -> Vec<Vec<Span<'l>>> {
    let mut spans = vec![Vec::new(); blocks.len()];
    let (mut block, mut from) = (0, 0);
    for link in links {
        let words = clean_lines(&link.text).join(" ");
        let words = words.trim();
        if words.is_empty() {
            continue;
        }
        let found = (block..blocks.len())
            .filter(|&b| !matches!(blocks[b], Block::Heading { .. }))
            .take(LOOKAHEAD)
            .find_map(|b| {
                let start = if b == block { from } else { 0 };
                find_words(blocks[b].text(), words, start).map(|at| (b, at))
            });
        if let Some((b, at)) = found {
            let end = at + words.len();
            spans[b].push(Span {
                start: at,
                end,
                url: &link.url,
            });
            (block, from) = (b, end);
        }
    }
    spans
}

/// Where `words` stand in `text` at or after `from` as whole words.
fn find_words(text: &str, words: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(found) = text.get(at..)?.find(words) {
        let start = at + found;
        let end = start + words.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let joined = |edge: Option<char>, inner: Option<char>| {
            edge.is_some_and(char::is_alphanumeric) && inner.is_some_and(char::is_alphanumeric)
        };
        if !joined(before, words.chars().next()) && !joined(after, words.chars().next_back()) {
            return Some(start);
        }
        at = start + words.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// `text` escaped as markdown ([`escape_inline`]), its spans as links.
pub fn inline(text: &str, spans: &[Span<'_>]) -> String {
    with_links(text, spans, escape_inline)
}

fn with_links(text: &str, spans: &[Span<'_>], escape: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len() + spans.len() * 40);
    let mut plain = 0;
    for span in spans {
        out.push_str(&escape(&text[plain..span.start]));
        out.push('[');
        out.push_str(&escape(&text[span.start..span.end]));
        out.push_str("](");
        out.push_str(&link_destination(span.url));
        out.push(')');
        plain = span.end;
    }
    out.push_str(&escape(&text[plain..]));
    out
}

/// The characters that would end a markdown link destination, or a table
/// cell, early; percent-encoded.
const DESTINATION: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'(')
    .add(b')')
    .add(b'|')
    .add(b'<')
    .add(b'>');

/// An address as a markdown link destination.
fn link_destination(url: &str) -> String {
    utf8_percent_encode(url, DESTINATION).to_string()
}

/// Whether a block is a table row the source marked (`| a | b |`).
pub fn is_row(block: &Block) -> bool {
    matches!(block, Block::Paragraph(text) if text.len() >= 4 && text.starts_with("| ") && text.ends_with(" |"))
}

/// Rows as a markdown table: the first row its header, every row as wide
/// as the widest, each cell escaped (its own `|` as `\|`) with its links.
pub fn table(rows: &[(&str, &[Span<'_>])]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|(text, spans)| row_cells(text, spans))
        .collect();
    let width = cells.iter().map(Vec::len).max().unwrap_or(1);
    let mut out = String::new();
    for (i, row) in cells.iter().enumerate() {
        write_row(
            &mut out,
            (0..width).map(|c| row.get(c).map_or("", String::as_str)),
        );
        if i == 0 {
            write_row(&mut out, (0..width).map(|_| "---"));
        }
    }
    out
}

fn write_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(cell);
        out.push_str(" |");
    }
    out.push('\n');
}

/// A row's cells, between its unescaped `|`s, as markdown.
fn row_cells(text: &str, spans: &[Span<'_>]) -> Vec<String> {
    let inner = (2, text.len() - 2);
    let mut bounds = vec![inner.0];
    let bytes = text.as_bytes();
    for at in inner.0..inner.1 {
        if bytes[at] == b'|' && bytes[at - 1] != b'\\' {
            bounds.push(at + 1);
        }
    }
    bounds.push(inner.1 + 1);
    bounds
        .windows(2)
        .map(|w| {
            let (start, end) = (w[0], w[1] - 1);
            let cell_spans: Vec<Span<'_>> = spans
                .iter()
                .filter(|s| s.start >= start && s.end <= end)
                .map(|s| Span {
                    start: s.start - start,
                    end: s.end - start,
                    url: s.url,
                })
                .collect();
            with_links(&text[start..end], &cell_spans, escape_cell)
                .trim()
                .to_string()
        })
        .collect()
}

/// A cell's text as markdown: its `\|` a literal `|`, escaped again after
/// the rest is escaped.
fn escape_cell(text: &str) -> String {
    escape_inline(&text.replace("\\|", "|")).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(text: &str, url: &str) -> Link {
        Link {
            text: text.into(),
            url: url.into(),
        }
    }

    fn paragraph(text: &str) -> Block {
        Block::Paragraph(text.into())
    }

    #[test]
    fn links_land_on_their_words_in_order_and_lost_ones_are_left_out() {
        let blocks = [
            Block::Heading {
                level: 2,
                text: "The report".into(),
                id: "the-report".into(),
            },
            paragraph("The report on data flows (see the report) and AI *rules*."),
            paragraph("Reported by the ministry."),
        ];
        let links = [
            link("Share", "https://example.org/share"),
            link("report", "https://example.org/r(1)"),
            link("report", "https://example.org/r2"),
            link("ministry", "https://example.org/m"),
        ];
        let spans = place_links(&blocks, &links);
        assert_eq!(
            inline(blocks[1].text(), &spans[1]),
            "The [report](https://example.org/r%281%29) on data flows (see the \
             [report](https://example.org/r2)) and AI \\*rules\\*."
        );
        assert_eq!(
            inline(blocks[2].text(), &spans[2]),
            "Reported by the [ministry](https://example.org/m)."
        );
        assert!(spans[0].is_empty());
    }

    #[test]
    fn rows_become_a_table_with_a_header_and_escaped_cells() {
        let rows = [
            paragraph("| Item | Date |"),
            paragraph("| Talks a\\|b *c* | 2024 | extra |"),
        ];
        let links = [link("Talks", "https://example.org/t")];
        let spans = place_links(&rows, &links);
        let table = table(&[
            (rows[0].text(), &spans[0][..]),
            (rows[1].text(), &spans[1][..]),
        ]);
        assert_eq!(
            table,
            "| Item | Date |  |\n| --- | --- | --- |\n\
             | [Talks](https://example.org/t) a\\|b \\*c\\* | 2024 | extra |\n"
        );
        assert!(is_row(&rows[0]) && !is_row(&paragraph("|x|")));
    }
}
