//! A rendered document body → the plain text of each section, keyed by the
//! heading id the page links to. Reading the HTML the site already made
//! keeps search in step with what readers see (acronym links, lists,
//! tables) without a second markdown pass. Headings and the theme chips
//! under them are left out: the index takes titles and themes from the model.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

/// One section's text; `id` is `""` for text before the first heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionText {
    pub id: String,
    pub text: String,
}

/// A document's section texts by heading id, the first section of an id
/// winning: what its terms and its passages are both read from. A map
/// because a lookup per section through the list would be quadratic
/// (100,000 headings).
pub struct Bodies(FxHashMap<String, String>);

impl Bodies {
    pub fn of(html: &str) -> Bodies {
        // Reversed, so that the first section of an id is the one kept.
        let sections = sections(html).into_iter().rev();
        Bodies(sections.map(|s| (s.id, s.text)).collect())
    }

    /// Hands `f` the section texts of the document at position `i`, whose
    /// HTML is `html`: `held[i]` when a build holds them all, else read now.
    pub fn with<R>(
        held: Option<&[Bodies]>,
        i: usize,
        html: &str,
        f: impl FnOnce(&Bodies) -> R,
    ) -> R {
        match held {
            Some(held) => f(&held[i]),
            None => f(&Bodies::of(html)),
        }
    }

    /// The text before the first heading; empty when there is none.
    pub fn intro(&self) -> &str {
        self.section("")
    }

    /// The text of the section with the heading id `id`; empty when none.
    pub fn section(&self, id: &str) -> &str {
        self.0.get(id).map_or("", String::as_str)
    }
}

/// Splits `html` at every `<h2>`…`<h6>` that has an id.
pub fn sections(html: &str) -> Vec<SectionText> {
    let mut out = vec![SectionText {
        id: String::new(),
        text: String::new(),
    }];
    let mut skip_until: Option<&'static str> = None;
    let mut rest = html;
    // `memchr` rather than `str::find`: a body has a tag every few words,
    // and the searcher `str::find` sets up for each call cost more than
    // the search.
    while let Some(lt) = memchr::memchr(b'<', rest.as_bytes()) {
        if skip_until.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        let Some(gt) = memchr::memchr(b'>', &rest.as_bytes()[lt..]) else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let name = tag_name(tag);
        match skip_until {
            Some(end) if tag.starts_with('/') && name == end => skip_until = None,
            Some(_) => {}
            None => skip_until = open_tag(&mut out, tag, &name),
        }
    }
    if skip_until.is_none() {
        push_text(&mut out, rest);
    }
    for s in &mut out {
        s.text = collapse_whitespace(&s.text);
    }
    out.retain(|s| !s.id.is_empty() || !s.text.is_empty());
    out
}

/// Handles an opening (or closing) tag outside skipped content; returns the
/// closing tag name to skip to when the element's content is not body text.
fn open_tag(out: &mut Vec<SectionText>, tag: &str, name: &str) -> Option<&'static str> {
    const HEADINGS: [&str; 5] = ["h2", "h3", "h4", "h5", "h6"];
    if tag.starts_with('/') {
        if is_block(name) {
            push_text(out, " ");
        }
        return None;
    }
    if let Some(level) = HEADINGS.iter().find(|h| **h == name) {
        if let Some(id) = attribute(tag, "id") {
            out.push(SectionText {
                id,
                text: String::new(),
            });
        }
        return Some(level);
    }
    if name == "h1" {
        return Some("h1");
    }
    if name == "ul" && attribute(tag, "class").is_some_and(|c| c.contains("chips")) {
        return Some("ul");
    }
    if is_block(name) {
        push_text(out, " ");
    }
    None
}

fn push_text(out: &mut [SectionText], raw: &str) {
    if let Some(last) = out.last_mut() {
        decode_entities_into(raw, &mut last.text);
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

/// Lower-cased, without a copy when it already is (the renderer's always
/// are). It ends at ASCII whitespace or `/`, as HTML's tag names do, found
/// by bytes: every tag of every body passes here.
fn tag_name(tag: &str) -> Cow<'_, str> {
    let name = tag.trim_start_matches('/');
    let end = (name.bytes())
        .position(|b| b.is_ascii_whitespace() || b == b'/')
        .unwrap_or(name.len());
    let name = &name[..end];
    match name.bytes().any(|b| b.is_ascii_uppercase()) {
        true => Cow::Owned(name.to_ascii_lowercase()),
        false => Cow::Borrowed(name),
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
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

/// The value of a double-quoted attribute (the renderer always double-quotes).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(decode_entities(&tag[start..start + len]))
}

/// The entities pulldown-cmark and the renderer write, plus numeric ones.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    decode_entities_into(text, &mut out);
    out
}

/// How far after its `&` an entity's `;` may be.
const MAX_ENTITY: usize = 10;

/// [`decode_entities`], appended to `out`.
fn decode_entities_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let near = &rest.as_bytes()[..rest.len().min(MAX_ENTITY + 1)];
        let decoded =
            memchr::memchr(b';', near).and_then(|semi| entity(&rest[1..semi]).map(|c| (c, semi)));
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
    fn splits_at_headings_and_skips_titles_and_chips() {
        let html = "<p>Intro &amp; more.</p>\n<h2 id=\"summary\">(1) Summary</h2>\n\
            <ul class=\"chips\" aria-label=\"Themes of this section\"><li><a class=\"chip\" href=\"../themes/ai.html\">AI</a></li></ul>\n\
            <p>The <abbr title=\"Ministry\"><a href=\"../glossary.html#g-METI\">METI</a></abbr> met.</p>\n\
            <h3 id=\"outcomes\">Outcomes</h3>\n<ul><li>One</li><li>Two</li></ul>";
        let got = sections(html);
        let ids: Vec<&str> = got.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["", "summary", "outcomes"]);
        assert_eq!(got[0].text, "Intro & more.");
        assert_eq!(got[1].text, "The METI met.");
        assert_eq!(got[2].text, "One Two");
    }

    #[test]
    fn only_known_entities_within_reach_are_decoded() {
        assert_eq!(
            decode_entities("a &amp b; &amp; &#38;&verylongentity; &#x2014;x&"),
            "a &amp b; & &&verylongentity; —x&"
        );
    }

    #[test]
    fn no_intro_section_when_the_body_opens_with_a_heading() {
        let got = sections("<h2 id=\"a\">A</h2><p>x &#x4e2d;&#22269; &bogus; y</p>");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].text, "x 中国 &bogus; y");
    }

    #[test]
    fn bodies_keep_the_first_section_of_an_id() {
        let bodies = Bodies::of("<h2 id=\"a\">A</h2><p>first</p><h2 id=\"a\">A</h2><p>second</p>");
        assert_eq!(bodies.section("a"), "first");
        assert_eq!(bodies.intro(), "");
        assert_eq!(bodies.section("missing"), "");
    }
}
