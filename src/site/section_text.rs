//! The plain text of each section of a body, gathered from the same event
//! stream the body's HTML is written from: what search indexes and quotes
//! as passages is what readers see (acronyms as written, list items and
//! table cells apart), and the HTML is never read back. Headings and the
//! theme chips under them are left out: the index takes titles and themes
//! from the model.

use pulldown_cmark::{Event, Tag, TagEnd};
use rustc_hash::FxHashMap;

/// A document's section texts by heading id (`""` for the text before the
/// first heading), the first section of an id winning. A map, because a
/// lookup per section through a list would be quadratic (100,000 headings).
#[derive(Debug, Default)]
pub struct SectionTexts(FxHashMap<String, String>);

impl SectionTexts {
    /// The text before the first heading; empty when there is none.
    pub fn intro(&self) -> &str {
        self.section("")
    }

    /// The text of the section with the heading id `id`; empty when none.
    pub fn section(&self, id: &str) -> &str {
        self.0.get(id).map_or("", String::as_str)
    }
}

/// How the theme chips under a heading open (see `markdown::chips`): not body text.
pub const CHIPS_OPEN: &str = "<ul class=\"chips\"";

/// The section texts of a body whose HTML is written from `events`.
pub fn collect(events: &[Event]) -> SectionTexts {
    let mut texts = Collector::default();
    let mut in_heading = false;
    for event in events {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                texts.open(id.as_deref().unwrap_or_default());
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            _ if in_heading => {}
            Event::Html(html) if html.starts_with(CHIPS_OPEN) => {}
            _ => texts.note(event),
        }
    }
    texts.finish()
}

/// Takes the body's events as they are written out, section by section.
#[derive(Debug)]
struct Collector {
    /// (heading id, raw text) in body order.
    sections: Vec<(String, String)>,
    /// Inside an image, whose text is its `alt` attribute, not body text.
    in_image: usize,
}

impl Default for Collector {
    fn default() -> Collector {
        Collector {
            sections: vec![(String::new(), String::new())],
            in_image: 0,
        }
    }
}

impl Collector {
    /// A heading with the id `id` starts a section; its own text is not noted.
    fn open(&mut self, id: &str) {
        self.sections.push((id.to_string(), String::new()));
    }

    /// Notes an event of the body as written to HTML.
    fn note(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Image { .. }) => self.in_image += 1,
            Event::End(TagEnd::Image) => self.in_image = self.in_image.saturating_sub(1),
            _ if self.in_image > 0 => {}
            Event::Text(text) | Event::Code(text) => self.push(text),
            Event::Html(html) | Event::InlineHtml(html) => self.push_html(html),
            Event::SoftBreak | Event::HardBreak => self.push(" "),
            Event::Start(tag) if is_block(tag.to_end()) => self.push(" "),
            Event::End(tag) if is_block(*tag) => self.push(" "),
            _ => {}
        }
    }

    /// The texts, whitespace collapsed; a section without an id or text is dropped.
    fn finish(self) -> SectionTexts {
        let mut map = FxHashMap::default();
        for (id, raw) in self.sections {
            let text = collapse_whitespace(&raw);
            if (!id.is_empty() || !text.is_empty()) && !map.contains_key(&id) {
                map.insert(id, text);
            }
        }
        SectionTexts(map)
    }

    fn push(&mut self, text: &str) {
        if let Some((_, last)) = self.sections.last_mut() {
            last.push_str(text);
        }
    }

    /// Raw HTML a trusted body carries, or an acronym's link: its text, without tags.
    fn push_html(&mut self, html: &str) {
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            self.push(&decode_entities(&rest[..lt]));
            let Some(gt) = rest[lt..].find('>') else {
                return;
            };
            if is_block_tag(&rest[lt + 1..lt + gt]) {
                self.push(" ");
            }
            rest = &rest[lt + gt + 1..];
        }
        self.push(&decode_entities(rest));
    }
}

/// Tags (by their end) written as HTML block elements: their text is apart
/// from the next.
fn is_block(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::List(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
    )
}

/// Whether a raw tag (`p`, `/li`, `br /`) is of a block element.
fn is_block_tag(tag: &str) -> bool {
    let name = tag.trim_start_matches('/');
    let end = (name.bytes())
        .position(|b| b.is_ascii_whitespace() || b == b'/')
        .unwrap_or(name.len());
    matches!(
        name[..end].to_ascii_lowercase().as_str(),
        "p" | "li"
            | "br"
            | "td"
            | "th"
            | "tr"
            | "div"
            | "blockquote"
            | "pre"
            | "ul"
            | "ol"
            | "dd"
            | "dt"
            | "table"
            | "section"
    )
}

/// How far after its `&` an entity's `;` may be.
const MAX_ENTITY: usize = 10;

/// The entities raw HTML and the highlighter write, plus numeric ones.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let near = &rest[..crate::text::floor_char_boundary(rest, MAX_ENTITY + 1)];
        let decoded = (near.find(';')).and_then(|semi| entity(&rest[1..semi]).map(|c| (c, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// The words of `text` with one space between each. Split first at ASCII
/// whitespace, found 64 bytes at a time ([`crate::text::words::for_each_non_space`]);
/// pieces one `' '` apart join into one span, copied whole when it is ASCII
/// (a paragraph is one span); a span that is not ASCII is split again at
/// the rest of `char::is_whitespace`'s (no-break and other spaces): nearly
/// every document has a curly quote or a dash somewhere, and splitting all
/// of its text by characters was three quarters of reading its sections.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut push_span = |span: &str| {
        let mut push = |words: &str| {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(words);
        };
        match span.is_ascii() {
            true => push(span),
            false => span.split_whitespace().for_each(push),
        }
    };
    let mut span: Option<(usize, usize)> = None;
    crate::text::words::for_each_non_space(text.as_bytes(), |start, end| {
        span = match span {
            Some((from, to)) if start == to + 1 && text.as_bytes()[to] == b' ' => Some((from, end)),
            Some((from, to)) => {
                push_span(&text[from..to]);
                Some((start, end))
            }
            None => Some((start, end)),
        };
    });
    if let Some((from, to)) = span {
        push_span(&text[from..to]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_alike_in_ascii_and_other_text() {
        assert_eq!(collapse_whitespace("  a\t b\r\n\x0Bc  "), "a b c");
        assert_eq!(collapse_whitespace("a\u{a0} b\u{2003}c"), "a b c");
        assert_eq!(collapse_whitespace(" \n "), "");
        let long = "Data  flows\u{a0}across\tborders,\r\n\x0Btrusted\u{3000}— \x0C ".repeat(9);
        let words: Vec<&str> = long.split_whitespace().collect();
        assert_eq!(collapse_whitespace(&long), words.join(" "));
        // Spans of words one space apart, some long, some not ASCII.
        let spans = "The two sides agreed to cooperate on data flows and trusted AI. \
            Ministers met.\n\nThey noted\u{a0}the “Hiroshima AI Process” and 5G—6G.  \
            Both\u{2009}sides  will meet again in 2025.\t"
            .repeat(5);
        let words: Vec<&str> = spans.split_whitespace().collect();
        assert_eq!(collapse_whitespace(&spans), words.join(" "));
    }

    #[test]
    fn only_known_entities_within_reach_are_decoded() {
        assert_eq!(
            decode_entities("a &amp b; &amp; &#38;&verylongentity; &#x2014;x&"),
            "a &amp b; & &&verylongentity; —x&"
        );
        // A `&` with text of several bytes a character within reach.
        assert_eq!(decode_entities("&#39;)プロセ&lt;"), "')プロセ<");
        assert_eq!(decode_entities("&プロセス;"), "&プロセス;");
    }

    #[test]
    fn raw_html_gives_its_text_with_blocks_apart() {
        let mut texts = Collector::default();
        texts.note(&Event::Html(
            "<div><p>One&amp;two</p><p>three</p></div>".into(),
        ));
        texts.note(&Event::InlineHtml(
            "<abbr title=\"x\"><a>METI</a></abbr>".into(),
        ));
        assert_eq!(texts.finish().intro(), "One&two three METI");
    }
}
