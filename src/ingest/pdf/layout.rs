//! A PDF's lines as the text the stages take: a block per paragraph,
//! heading and list item, blank lines between, the page furniture gone.
//!
//! Pages repeat their furniture: a running header, a footer, a page
//! number. A line among the first or last two of a page that comes back
//! (its digits aside) on half the pages or more, or that is a page number
//! ("7", "- 7 -", "Page 7 of 20"), is dropped, as PDFBox and pdfminer's
//! users do by hand. A heading is a line set larger than the body, or bold
//! in a body that is not; a list item starts with a bullet, or is indented
//! with a hanging indent (its second line indented too), as a word
//! processor sets a list whose bullets are drawn rather than typed.
//! Paragraphs run on across a page break when the sentence does.

use std::collections::HashMap;

use super::extract::{Line, Page, Style};

/// Body text set this much larger is a heading.
const HEADING_RATIO: f32 = 1.15;
/// The most words a bold body-size line has to be a heading.
const BOLD_HEADING_WORDS: usize = 14;
/// A line indented this much more than the body is indented (points).
const INDENT: f32 = 8.0;
/// How many lines at each end of a page may be furniture.
const EDGE_LINES: usize = 2;
/// The most lines of a title set in the largest type.
const TITLE_LINES: usize = 3;
/// How many lines at the top of the first page may hold the title.
const TITLE_WINDOW: usize = 15;

/// The text of `pages`, furniture dropped and blocks set apart.
pub fn text(pages: &[Page]) -> String {
    let pages = without_furniture(pages);
    let body = Body::of(&pages);
    let mut blocks: Vec<Block> = Vec::new();
    for page in &pages {
        add_page(&mut blocks, &page.lines, &body);
    }
    blocks.retain(|b| !b.text.trim().is_empty());
    let ranks = heading_ranks(&blocks[1.min(blocks.len())..]);
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        match block.kind {
            Kind::Item => out.push_str("• "),
            // The first block, when a heading, is the title: the stages
            // read it as one (`head`), as in a text capture.
            Kind::Heading if i > 0 => {
                let rank = block.style.map_or(0, |s| rank_of(&ranks, s));
                out.push_str(&"#".repeat(rank + 2));
                out.push(' ');
            }
            _ => {}
        }
        out.push_str(block.text.trim());
        out.push_str("\n\n");
    }
    out
}

/// The styles headings are set in, most prominent first: larger, then
/// bold before not.
fn heading_ranks(blocks: &[Block]) -> Vec<(i32, bool)> {
    let mut ranks: Vec<(i32, bool)> = blocks
        .iter()
        .filter(|b| b.kind == Kind::Heading)
        .filter_map(|b| b.style)
        .map(|s| heading_key(&s))
        .collect();
    ranks.sort_unstable_by(|a, b| b.cmp(a));
    ranks.dedup();
    ranks
}

fn heading_key(style: &Style) -> (i32, bool) {
    ((style.size * 2.0).round() as i32, style.bold)
}

/// A heading's rank among the document's heading styles, at most 4
/// (`######`).
fn rank_of(ranks: &[(i32, bool)], style: Style) -> usize {
    let key = heading_key(&style);
    ranks.iter().position(|r| *r == key).unwrap_or(0).min(4)
}

/// The first page's text set in the largest type, larger than the body:
/// the title a reader sees first.
pub fn largest_on_first_page(pages: &[Page]) -> Option<String> {
    let pages = without_furniture(pages);
    let body = Body::of(&pages);
    let lines: Vec<(&Line, Style)> = pages
        .first()?
        .lines
        .iter()
        .filter(|l| !l.text.trim().is_empty())
        .take(TITLE_WINDOW)
        .filter_map(|l| Some((l, l.style?)))
        .collect();
    let largest = lines.iter().map(|(_, s)| s.size).fold(0.0, f32::max);
    if largest < body.size * HEADING_RATIO {
        return None;
    }
    let first = lines.iter().position(|(_, s)| s.size >= largest - 0.5)?;
    let title: Vec<&str> = lines[first..]
        .iter()
        .take_while(|(_, s)| s.size >= largest - 0.5)
        .take(TITLE_LINES)
        .map(|(l, _)| l.text.trim())
        .collect();
    let title = title.join(" ");
    title.chars().any(char::is_alphabetic).then_some(title)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Heading,
    Item,
}

#[derive(Debug)]
struct Block {
    kind: Kind,
    text: String,
    /// The style of its first line.
    style: Option<Style>,
}

/// The style most of the text is set in, and its left margin.
struct Body {
    size: f32,
    bold: bool,
    left: f32,
}

impl Body {
    fn of(pages: &[Page]) -> Body {
        let mut sizes: HashMap<(i32, bool), usize> = HashMap::new();
        let mut lefts: HashMap<i32, usize> = HashMap::new();
        for (line, style) in pages
            .iter()
            .flat_map(|p| &p.lines)
            .filter_map(|l| Some((l, l.style?)))
        {
            let letters = line.text.chars().filter(|c| c.is_alphanumeric()).count();
            *sizes
                .entry(((style.size * 2.0).round() as i32, style.bold))
                .or_default() += letters;
            *lefts.entry(style.x.round() as i32).or_default() += letters;
        }
        let (size, bold) = mode(&sizes).map_or((0.0, false), |(s, b)| (s as f32 / 2.0, b));
        let left = mode(&lefts).map_or(0.0, |x| x as f32);
        Body { size, bold, left }
    }

    fn is_heading(&self, line: &Line) -> bool {
        let Some(style) = line.style else {
            return false;
        };
        let text = line.text.trim();
        let has_letters = text.chars().any(char::is_alphabetic);
        let larger = self.size > 0.0 && style.size >= self.size * HEADING_RATIO;
        let bold = style.bold
            && !self.bold
            && text.split_whitespace().count() <= BOLD_HEADING_WORDS
            && !text.ends_with(['.', ',', ';']);
        has_letters && (larger || bold)
    }

    fn is_indented(&self, line: &Line) -> bool {
        line.style.is_some_and(|s| s.x >= self.left + INDENT)
    }
}

/// The key most letters have (the larger key on a tie, so that the
/// choice does not depend on the map's order).
fn mode<K: Copy + Ord>(counts: &HashMap<K, usize>) -> Option<K> {
    counts
        .iter()
        .max_by_key(|(k, n)| (**n, **k))
        .map(|(k, _)| *k)
}

/// Appends a page's lines to `blocks`, a line at a time.
fn add_page(blocks: &mut Vec<Block>, lines: &[Line], body: &Body) {
    let mut after_blank = true;
    let mut page_start = true;
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        if text.is_empty() {
            after_blank = true;
            continue;
        }
        let next = lines.get(i + 1).filter(|n| !n.text.trim().is_empty());
        let kind = kind_of(line, next, body);
        let bullet = strip_bullet(text);
        let runs_on = match blocks.last() {
            Some(prev) if page_start => runs_across_pages(prev, text, kind),
            Some(prev) => continues(prev, line, kind, bullet.is_some(), after_blank),
            None => false,
        };
        if runs_on {
            if let Some(prev) = blocks.last_mut() {
                join(&mut prev.text, text);
            }
        } else {
            let kind = if bullet.is_some() { Kind::Item } else { kind };
            blocks.push(Block {
                kind,
                text: bullet.unwrap_or(text).to_string(),
                style: line.style,
            });
        }
        after_blank = false;
        page_start = false;
    }
}

/// What a line starts, seen alone: a heading, an item set with a hanging
/// indent, or a paragraph.
fn kind_of(line: &Line, next: Option<&Line>, body: &Body) -> Kind {
    if body.is_heading(line) {
        return Kind::Heading;
    }
    let hanging = next.is_none_or(|n| body.is_indented(n) && !body.is_heading(n));
    match body.is_indented(line) && hanging {
        true => Kind::Item,
        false => Kind::Paragraph,
    }
}

/// Whether `line` goes on with the block before it on the same page.
fn continues(prev: &Block, line: &Line, kind: Kind, bullet: bool, after_blank: bool) -> bool {
    if after_blank || bullet {
        return false;
    }
    match (prev.kind, kind) {
        // A title or heading wrapped over lines of one style.
        (Kind::Heading, Kind::Heading) => prev.style.map(|s| s.size) == line.style.map(|s| s.size),
        // An item's next line, or the next item when a sentence ended.
        (Kind::Item, Kind::Item) => !ends_sentence(&prev.text) || starts_lower(&line.text),
        (Kind::Paragraph | Kind::Item, Kind::Paragraph) => true,
        _ => false,
    }
}

/// Whether the first line of a page goes on with the last block of the
/// page before: a paragraph broken mid-sentence.
fn runs_across_pages(prev: &Block, text: &str, kind: Kind) -> bool {
    prev.kind != Kind::Heading
        && kind != Kind::Heading
        && !ends_sentence(&prev.text)
        && starts_lower(text)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '”', '"', '’', ')', '。'])
}

fn starts_lower(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Joins a wrapped line to its block: a soft hyphen at the break goes, a
/// hard one stays ("privacy-enhancing").
fn join(block: &mut String, line: &str) {
    if block.ends_with('\u{ad}') {
        block.pop();
    } else if !block.ends_with('-') && !block.is_empty() {
        block.push(' ');
    }
    block.push_str(line);
}

/// The text after a bullet glyph that opens a line.
fn strip_bullet(text: &str) -> Option<&str> {
    const BULLETS: &[char] = &[
        '•', '●', '▪', '◦', '‣', '○', '■', '□', '◆', '➢', '\u{f0b7}', '\u{f0a7}', '·', '–', '-',
        '*',
    ];
    let rest = text.strip_prefix(BULLETS)?;
    (rest.starts_with([' ', '\t'])
        || text.starts_with(['•', '●', '▪', '◦', '\u{f0b7}', '\u{f0a7}']))
    .then(|| rest.trim_start())
    .filter(|r| !r.is_empty())
}

/// `pages` without the lines that are page furniture.
fn without_furniture(pages: &[Page]) -> Vec<Page> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let mut keys: Vec<String> = edges(page)
            .map(|i| furniture_key(&page.lines[i].text))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *seen.entry(key).or_default() += 1;
        }
    }
    let repeated = |key: &str| {
        pages.len() >= 2
            && seen
                .get(key)
                .is_some_and(|&n| n >= 2 && n * 2 >= pages.len())
    };
    pages
        .iter()
        .map(|page| {
            let drop: Vec<usize> = edges(page)
                .filter(|&i| {
                    let text = &page.lines[i].text;
                    is_page_number(text) || repeated(&furniture_key(text))
                })
                .collect();
            let lines = page
                .lines
                .iter()
                .enumerate()
                .filter(|(i, _)| !drop.contains(i))
                .map(|(_, l)| l.clone())
                .collect();
            Page { lines }
        })
        .collect()
}

/// The indexes of the first and last [`EDGE_LINES`] non-blank lines.
fn edges(page: &Page) -> impl Iterator<Item = usize> + '_ {
    let filled: Vec<usize> = (0..page.lines.len())
        .filter(|&i| !page.lines[i].text.trim().is_empty())
        .collect();
    let head = filled.iter().take(EDGE_LINES).copied();
    let tail = filled.iter().rev().take(EDGE_LINES).copied();
    let mut all: Vec<usize> = head.chain(tail).collect();
    all.sort_unstable();
    all.dedup();
    all.into_iter()
}

/// A line as it repeats from page to page: case, spacing and the page's
/// own numbers aside.
fn furniture_key(text: &str) -> String {
    let lower = text.to_lowercase();
    let digits_as_one = lower
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c });
    let key: String = digits_as_one.filter(|c| !c.is_whitespace()).collect();
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if !(c == '#' && out.ends_with('#')) {
            out.push(c);
        }
    }
    out
}

/// "7", "- 7 -", "Page 7", "Page 7 of 20", "7/20", "p. 7", "vii".
fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let core = lower.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace());
    let core = ["page ", "p. ", "p.", "seite ", "página ", "pág. "]
        .iter()
        .find_map(|p| core.strip_prefix(p))
        .unwrap_or(core)
        .trim();
    let number = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let roman = |s: &str| !s.is_empty() && s.len() <= 5 && s.chars().all(|c| "ivxlc".contains(c));
    if number(core) || roman(core) {
        return true;
    }
    let parts: Vec<&str> = core
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    matches!(parts.as_slice(), [a, b] if number(a) && number(b))
        || matches!(parts.as_slice(), [a, of, b] if number(a) && ["of", "von", "de", "sur"].contains(of) && number(b))
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
