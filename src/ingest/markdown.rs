//! The body as markdown: `##` headings with `{#id .theme}` attributes
//! (pulldown-cmark heading attributes), paragraphs, nested `-` lists, and
//! text escaped so that it renders as the words it is.

use std::collections::HashMap;

use super::markup;
use super::read::Markup;
use super::structure::Block;

/// `markup`: a structured source's links and tables ([`super::markup`]);
/// without it every character of the text is a word.
pub fn render(
    blocks: &[Block],
    section_themes: &HashMap<usize, Vec<String>>,
    markup: Option<&Markup>,
) -> String {
    let mut out = String::with_capacity(blocks.iter().map(|b| b.text().len() + 8).sum());
    let spans = markup.map(|m| markup::place_links(blocks, &m.links));
    let spans_of = |i: usize| spans.as_ref().map_or(&[][..], |s| &s[i][..]);
    let is_row = |i: usize| markup.is_some() && blocks.get(i).is_some_and(markup::is_row);
    let mut previous_item = false;
    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        let is_item = matches!(block, Block::Item { .. });
        if !(is_item && previous_item) {
            out.push('\n');
        }
        previous_item = is_item;
        if is_row(i) {
            let rows: Vec<(&str, &[_])> = (i..blocks.len())
                .take_while(|&r| is_row(r))
                .map(|r| (blocks[r].text(), spans_of(r)))
                .collect();
            out.push_str(&markup::table(&rows));
            i += rows.len();
            continue;
        }
        match block {
            Block::Heading { level, text, id } => {
                out.push_str(&"#".repeat(usize::from(*level)));
                out.push(' ');
                out.push_str(&escape_inline(text));
                out.push_str(" {#");
                out.push_str(id);
                for class in section_themes.get(&i).into_iter().flatten() {
                    out.push_str(" .");
                    out.push_str(class);
                }
                out.push('}');
            }
            Block::Paragraph(text) => {
                out.push_str(&escape_block_start(&markup::inline(text, spans_of(i))))
            }
            Block::Item { depth, text } => {
                out.push_str(&"  ".repeat(*depth));
                out.push_str("- ");
                out.push_str(&escape_block_start(&markup::inline(text, spans_of(i))));
            }
        }
        out.push('\n');
        i += 1;
    }
    out
}

/// Characters that would otherwise start emphasis, code, links or HTML.
/// The specials are ASCII, so the text between them is copied whole and a
/// neighbouring character decoded only beside an `_` or `&`: every line of
/// every document passes here, and copying it a character at a time was a
/// twentieth of the ingest.
pub fn escape_inline(text: &str) -> String {
    // Most lines have none of the specials: told by a fold the compiler
    // runs a vector of bytes at a time (a table lookup would not), then
    // copied whole.
    let special = |found: bool, &b: &u8| found | is_inline_special(b);
    if !text.as_bytes().iter().fold(false, special) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut plain = 0;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        // A table first: a `match` on every byte compiled to a jump through
        // a table for every letter, mispredicted at most of them.
        if !INLINE_SPECIAL[usize::from(byte)] {
            continue;
        }
        let escape = match byte {
            b'\\' | b'`' | b'*' | b'<' | b'[' | b']' | b'{' => true,
            b'_' => {
                let prev = text[..at].chars().next_back();
                let next = text[at + 1..].chars().next();
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            b'&' => {
                let rest = &text[at + 1..];
                let next = rest.chars().next();
                next.is_some_and(|n| n.is_alphanumeric() || n == '#')
                    && looks_like_entity(rest.chars())
            }
            _ => false,
        };
        if escape {
            out.push_str(&text[plain..at]);
            out.push('\\');
            plain = at;
        }
    }
    out.push_str(&text[plain..]);
    out
}

/// The bytes [`escape_inline`] may escape.
const fn is_inline_special(byte: u8) -> bool {
    matches!(
        byte,
        b'\\' | b'`' | b'*' | b'<' | b'[' | b']' | b'{' | b'_' | b'&'
    )
}

/// [`is_inline_special`] as a table, for the loop that stops at each.
static INLINE_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = is_inline_special(byte as u8);
        byte += 1;
    }
    table
};

fn looks_like_entity(rest: impl Iterator<Item = char>) -> bool {
    for (n, c) in rest.enumerate() {
        if c == ';' {
            return n > 0;
        }
        if !(c.is_alphanumeric() || c == '#') || n > 10 {
            return false;
        }
    }
    false
}

/// A paragraph or item whose text would read as a heading, quote, list
/// marker or thematic break.
fn escape_block_start(text: &str) -> String {
    let first = text.chars().next();
    let marker = match first {
        Some('#' | '>' | '+' | '-' | '=' | '|') => true,
        Some(c) if c.is_ascii_digit() => {
            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
            digits <= 9 && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        }
        _ => false,
    };
    if !marker {
        return text.to_string();
    }
    if let Some(c) = first.filter(|c| !c.is_ascii_digit()) {
        return format!("\\{c}{}", &text[c.len_utf8()..]);
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    format!("{}\\{}", &text[..digits], &text[digits..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_interpret() {
        let cases = [
            ("a *b* c", "a \\*b\\* c"),
            ("snake_case and _x_", "snake_case and \\_x\\_"),
            ("R&D and &amp; <b>", "R&D and \\&amp; \\<b>"),
            ("[link](x) `code`", "\\[link\\](x) \\`code\\`"),
        ];
        for (text, want) in cases {
            assert_eq!(escape_inline(text), want);
        }
        assert_eq!(escape_block_start("1. Not a list."), "1\\. Not a list.");
        assert_eq!(escape_block_start("# no heading"), "\\# no heading");
        assert_eq!(escape_block_start("2025 was a year."), "2025 was a year.");
    }

    #[test]
    fn renders_headings_lists_and_paragraphs() {
        let blocks = vec![
            Block::Heading {
                level: 2,
                text: "(1) Summary".into(),
                id: "summary".into(),
            },
            Block::Paragraph("Text.".into()),
            Block::Item {
                depth: 0,
                text: "One".into(),
            },
            Block::Item {
                depth: 1,
                text: "One a".into(),
            },
            Block::Paragraph("After.".into()),
        ];
        let themes = HashMap::from([(0, vec!["telecom".to_string(), "ai".to_string()])]);
        assert_eq!(
            render(&blocks, &themes, None),
            "\n## (1) Summary {#summary .telecom .ai}\n\nText.\n\n- One\n  - One a\n\nAfter.\n"
        );
    }
}
