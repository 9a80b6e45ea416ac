//! A small scanner for the start tags of rendered document HTML, enough to
//! rewrite attributes (`id`, `href`, `src`) and heading levels when a
//! document's body is moved into the print page. Text, comments and end tags
//! other than headings pass through untouched; attribute values stay as they
//! were written (entity-escaped), whatever quoting the author used.
//!
//! It reads the HTML rather than taking tags from the markdown pass: a
//! trusted body's raw HTML carries ids and links that only a scan of the
//! HTML sees, and the site model stays free of how print scopes ids. Each
//! body is scanned once a render, whatever the number of books that hold it
//! ([`super::bodies`]).

/// One start tag: its name (lower-case) and attributes in source order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    /// (lower-case name, raw value without quotes; `None` for a bare attribute).
    pub attrs: Vec<(String, Option<String>)>,
    pub self_closing: bool,
}

impl Tag {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }

    /// The tag as HTML, appended to `out`; values are written double-quoted.
    pub fn write_html(&self, out: &mut String) {
        self.write_name(out);
        for (name, value) in &self.attrs {
            write_attribute(out, name, value.as_deref());
        }
        self.write_close(out);
    }

    /// `<name`: the start of the tag as [`Tag::write_html`] writes it, for
    /// a caller that writes the attributes itself ([`write_attribute`]).
    pub fn write_name(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
    }

    /// `>` or ` />`: the end of the tag as [`Tag::write_html`] writes it.
    pub fn write_close(&self, out: &mut String) {
        out.push_str(if self.self_closing { " />" } else { ">" });
    }

    /// `Some(n)` for `h1`…`h6`.
    pub fn heading_level(&self) -> Option<u8> {
        heading_level(&self.name)
    }
}

/// ` name="value"` (a bare ` name` without a value), appended to `out`.
pub fn write_attribute(out: &mut String, name: &str, value: Option<&str>) {
    out.push(' ');
    out.push_str(name);
    if let Some(value) = value {
        out.push_str("=\"");
        match value.contains('"') {
            true => out.push_str(&value.replace('"', "&quot;")),
            false => out.push_str(value),
        }
        out.push('"');
    }
}

/// `Some(n)` for `h1`…`h6`, of a tag name as written: `H2` is `h2`.
fn heading_level(name: &str) -> Option<u8> {
    let digit = name.strip_prefix(['h', 'H'])?;
    match digit.parse::<u8>() {
        Ok(n @ 1..=6) if digit.len() == 1 => Some(n),
        _ => None,
    }
}

/// A piece of the HTML: a start tag to rewrite, or text to copy.
enum Piece<'a> {
    Start(Tag),
    /// An end tag's name as written and its source text.
    End(&'a str, &'a str),
    Text(&'a str),
}

/// HTML rewritten as far as it can be once, with the start tags whose
/// rewrite depends on more than the tag left as slots: a document's body is
/// prepared once and finished for each print page that holds it. Each
/// slot's tag carries a `P` of the caller's, what it worked out for the tag
/// when it was prepared.
#[derive(Debug)]
pub struct Prepared<P> {
    slots: Vec<Slot<P>>,
}

#[derive(Debug)]
enum Slot<P> {
    Text(String),
    Tag(Tag, P),
}

impl<P> Prepared<P> {
    /// The HTML, each slot's tag written by `write`, appended to `out`.
    pub fn finish(&self, out: &mut String, mut write: impl FnMut(&Tag, &P, &mut String)) {
        for slot in &self.slots {
            match slot {
                Slot::Text(text) => out.push_str(text),
                Slot::Tag(tag, extra) => write(tag, extra, out),
            }
        }
    }

    /// Writes the slots that need nothing more into the text around them:
    /// `write` writes a slot's tag and says `true`, or writes nothing and
    /// says `false` to keep the slot.
    pub fn settle(&mut self, mut write: impl FnMut(&Tag, &P, &mut String) -> bool) {
        let mut slots = Vec::with_capacity(self.slots.len());
        let mut text = String::new();
        for slot in std::mem::take(&mut self.slots) {
            match slot {
                Slot::Text(t) if text.is_empty() => text = t,
                Slot::Text(t) => text.push_str(&t),
                Slot::Tag(tag, extra) => {
                    if !write(&tag, &extra, &mut text) {
                        slots.push(Slot::Text(std::mem::take(&mut text)));
                        slots.push(Slot::Tag(tag, extra));
                    }
                }
            }
        }
        slots.push(Slot::Text(text));
        self.slots = tidy(slots);
    }

    /// How many tags are left for [`Prepared::finish`].
    #[cfg(test)]
    pub fn slots(&self) -> usize {
        let is_tag = |slot: &&Slot<P>| matches!(slot, Slot::Tag(..));
        self.slots.iter().filter(is_tag).count()
    }

    /// The length of the static text, a lower bound of the finished HTML's.
    pub fn text_len(&self) -> usize {
        let len = |slot: &Slot<P>| match slot {
            Slot::Text(text) => text.len(),
            Slot::Tag(..) => 0,
        };
        self.slots.iter().map(len).sum()
    }
}

/// Without empty texts, each text no larger than it is.
fn tidy<P>(mut slots: Vec<Slot<P>>) -> Vec<Slot<P>> {
    slots.retain(|s| !matches!(s, Slot::Text(t) if t.is_empty()));
    for slot in &mut slots {
        if let Slot::Text(t) = slot {
            t.shrink_to_fit();
        }
    }
    slots
}

/// [`rewrite`] as far as `start` goes; the tags for which `later` (after
/// `start`) has a `P` stay slots for [`Prepared::finish`]. `seen` is shown
/// every start tag as written.
pub fn prepare<P>(
    html: &str,
    mut seen: impl FnMut(&Tag),
    mut start: impl FnMut(Tag) -> Tag,
    mut later: impl FnMut(&Tag) -> Option<P>,
    heading: impl Fn(u8) -> u8,
) -> Prepared<P> {
    let mut slots = Vec::new();
    let mut text = String::with_capacity(html.len() + html.len() / 8);
    for piece in pieces(html) {
        match piece {
            Piece::Start(tag) => {
                seen(&tag);
                let tag = start(tag);
                let Some(extra) = later(&tag) else {
                    tag.write_html(&mut text);
                    continue;
                };
                slots.push(Slot::Text(std::mem::take(&mut text)));
                slots.push(Slot::Tag(tag, extra));
            }
            piece => write_piece(piece, &mut text, &heading),
        }
    }
    slots.push(Slot::Text(text));
    Prepared { slots: tidy(slots) }
}

/// An end tag (a heading's at the level `heading` maps it to) or text.
fn write_piece(piece: Piece, out: &mut String, heading: &impl Fn(u8) -> u8) {
    match piece {
        Piece::Start(tag) => tag.write_html(out),
        Piece::End(name, text) => match heading_level(name) {
            Some(level) => {
                out.push_str("</h");
                out.push_str(itoa::Buffer::new().format(heading(level)));
                out.push('>');
            }
            None => out.push_str(text),
        },
        Piece::Text(text) => out.push_str(text),
    }
}

/// Rewrites every start tag with `start`, and every heading end tag to the
/// level `heading` maps it to.
#[cfg(test)]
fn rewrite(html: &str, start: impl FnMut(Tag) -> Tag, heading: impl Fn(u8) -> u8) -> String {
    let mut out = String::new();
    prepare(html, |_| {}, start, |_| None::<()>, heading).finish(&mut out, |_, _, _| {});
    out
}

/// Every start tag of `html`, in order, parsed (even those a rewrite copies).
#[cfg(test)]
fn start_tags(html: &str) -> impl Iterator<Item = Tag> + '_ {
    html.match_indices('<').filter_map(|(at, _)| {
        let s = &html[at..];
        let starts = s[1..].starts_with(|c: char| c.is_ascii_alphabetic());
        starts
            .then(|| parse_start_tag(s))
            .flatten()
            .map(|(tag, _)| tag)
    })
}

fn pieces(html: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = html;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (piece, used) = next_piece(rest);
        rest = &rest[used..];
        Some(piece)
    })
}

/// The piece at the start of `s` and how many bytes it takes.
fn next_piece(s: &str) -> (Piece<'_>, usize) {
    if let Some(body) = s.strip_prefix("<!--") {
        let end = body.find("-->").map_or(s.len(), |i| 4 + i + 3);
        return (Piece::Text(&s[..end]), end);
    }
    if s.starts_with("</") {
        if let Some(end) = memchr::memchr(b'>', s.as_bytes()) {
            return (Piece::End(s[2..end].trim(), &s[..=end]), end + 1);
        }
    }
    if s.starts_with('<') && s[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        if let Some(used) = unchanged_start_tag(s) {
            return (Piece::Text(&s[..used]), used);
        }
        if let Some((tag, used)) = parse_start_tag(s) {
            return (Piece::Start(tag), used);
        }
    }
    let from = usize::from(s.starts_with('<'));
    let end = memchr::memchr(b'<', &s.as_bytes()[from..]).map_or(s.len(), |i| from + i);
    (Piece::Text(&s[..end]), end)
}

/// Attributes a print page rewrites: ids (and anchor names), and the
/// addresses that depend on where the page is.
const REWRITTEN: [&str; 5] = ["id", "name", "href", "src", "poster"];

/// The length of a start tag that no rewrite changes, `<p>` or
/// `<abbr title="…">`: a lower-case name that is not a heading, and no
/// attribute of [`REWRITTEN`]. Most tags of a body are such, and copying
/// them as written spares making each a [`Tag`].
fn unchanged_start_tag(s: &str) -> Option<usize> {
    let mut rewritten = false;
    let (name, _, used) = walk_start_tag(s, |attr, _| {
        rewritten |= REWRITTEN.iter().any(|r| attr.eq_ignore_ascii_case(r));
    })?;
    let plain = name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    (plain && !rewritten && heading_level(name).is_none()).then_some(used)
}

/// Parses `<name attr="v" attr='v' attr=v attr>`; `None` when the tag never closes.
fn parse_start_tag(s: &str) -> Option<(Tag, usize)> {
    let mut attrs = Vec::new();
    let (name, self_closing, used) = walk_start_tag(s, |attr, value| {
        attrs.push((attr.to_ascii_lowercase(), value.map(str::to_string)));
    })?;
    Some((tag(name.to_ascii_lowercase(), attrs, self_closing), used))
}

/// Reads the start tag at the start of `s`, calling `attr` with each
/// attribute's name and value as written (without quotes): its name as
/// written, whether it closes itself (`/>`), and its length. `None` when
/// the tag never closes.
fn walk_start_tag<'s>(
    s: &'s str,
    mut attr: impl FnMut(&'s str, Option<&'s str>),
) -> Option<(&'s str, bool, usize)> {
    let bytes = s.as_bytes();
    let mut i = 1;
    let name_end = scan(bytes, i, |b| {
        !b.is_ascii_whitespace() && b != b'>' && b != b'/'
    });
    let name = &s[i..name_end];
    i = name_end;
    let mut self_closing = false;
    loop {
        i = scan(bytes, i, |b| b.is_ascii_whitespace());
        match bytes.get(i)? {
            b'>' => return Some((name, self_closing, i + 1)),
            b'/' => {
                self_closing = true;
                i += 1;
                continue;
            }
            _ => self_closing = false,
        }
        let name_end = scan(bytes, i, |b| {
            !b.is_ascii_whitespace() && b != b'=' && b != b'>' && b != b'/'
        });
        let attr_name = &s[i..name_end];
        i = scan(bytes, name_end, |b| b.is_ascii_whitespace());
        if bytes.get(i) != Some(&b'=') {
            attr(attr_name, None);
            continue;
        }
        i = scan(bytes, i + 1, |b| b.is_ascii_whitespace());
        let (value, next) = attribute_value(s, i)?;
        attr(attr_name, Some(value));
        i = next;
    }
}

fn tag(name: String, attrs: Vec<(String, Option<String>)>, self_closing: bool) -> Tag {
    Tag {
        name,
        attrs,
        self_closing,
    }
}

/// A quoted or bare value starting at `i`, and the index after it.
fn attribute_value(s: &str, i: usize) -> Option<(&str, usize)> {
    let bytes = s.as_bytes();
    match bytes.get(i)? {
        quote @ (b'"' | b'\'') => {
            let end = i + 1 + memchr::memchr(*quote, &bytes[i + 1..])?;
            Some((&s[i + 1..end], end + 1))
        }
        _ => {
            let end = scan(bytes, i, |b| !b.is_ascii_whitespace() && b != b'>');
            Some((&s[i..end], end))
        }
    }
}

fn scan(bytes: &[u8], from: usize, keep: impl Fn(u8) -> bool) -> usize {
    let mut i = from;
    while i < bytes.len() && keep(bytes[i]) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_quoting_style() {
        let tags: Vec<Tag> =
            start_tags(r#"<p>x</p><a href="a.html" title='it "is"' data-x=y hidden>t</a><br/>"#)
                .collect();
        assert_eq!(tags.len(), 3);
        assert_eq!(tags[1].get("href"), Some("a.html"));
        assert_eq!(tags[1].get("title"), Some(r#"it "is""#));
        assert_eq!(tags[1].get("data-x"), Some("y"));
        assert_eq!(tags[1].attrs[3], ("hidden".to_string(), None));
        assert!(tags[2].self_closing);
    }

    #[test]
    fn rewrites_tags_and_heading_levels_only() {
        let html = "<!-- <a id=\"c\"> --><h2 id=\"s\">A < B</h2><p>1 <b>2</b></p>";
        let out = rewrite(
            html,
            |mut tag| {
                for (name, value) in &mut tag.attrs {
                    if name == "id" {
                        *value = value.as_ref().map(|v| format!("doc--{v}"));
                    }
                }
                if let Some(level) = tag.heading_level() {
                    tag.name = format!("h{}", level + 1);
                }
                tag
            },
            |level| level + 1,
        );
        assert_eq!(
            out,
            "<!-- <a id=\"c\"> --><h3 id=\"doc--s\">A < B</h3><p>1 <b>2</b></p>"
        );
    }

    #[test]
    fn unchanged_tags_are_copied_as_written_and_headings_still_move() {
        let html = "<p>a<br/><em>b</em></p><h2>c</h2><LI>d<h5>e</h5><abbr title='x'>y</abbr>";
        let shift = |level: u8| level + 1;
        let out = rewrite(
            html,
            |mut tag| {
                if let Some(level) = tag.heading_level() {
                    tag.name = format!("h{}", shift(level));
                }
                tag
            },
            shift,
        );
        assert_eq!(
            out,
            "<p>a<br/><em>b</em></p><h3>c</h3><li>d<h6>e</h6><abbr title='x'>y</abbr>"
        );
        assert_eq!(unchanged_start_tag("<p>x"), Some(3));
        assert_eq!(unchanged_start_tag("<ul class=\"x\">"), Some(14));
        for rewritten in [
            "<h2>",
            "<p ID=x>",
            "<a name=\"n\">",
            "<img src=a.png>",
            "<video poster='p.png'>",
            "<a\nhref=\"#x\">",
            "<p",
            "<p class=\"x",
        ] {
            assert_eq!(unchanged_start_tag(rewritten), None, "{rewritten}");
        }
    }

    #[test]
    fn an_unclosed_tag_is_text() {
        let out = rewrite("a <b c=\"d", |t| t, |l| l);
        assert_eq!(out, "a <b c=\"d");
    }
}
