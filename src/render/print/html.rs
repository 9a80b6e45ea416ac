//! A small scanner for the start tags of rendered document HTML, enough to
//! rewrite attributes (`id`, `href`, `src`) and heading levels when a
//! document's body is moved into the print page. Text, comments and end tags
//! other than headings pass through untouched; attribute values stay as they
//! were written (entity-escaped), whatever quoting the author used.

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
        out.push('<');
        out.push_str(&self.name);
        for (name, value) in &self.attrs {
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
        out.push_str(if self.self_closing { " />" } else { ">" });
    }

    /// `Some(n)` for `h1`…`h6`.
    pub fn heading_level(&self) -> Option<u8> {
        heading_level(&self.name)
    }
}

/// Of a tag name as written: `H2` is `h2`.
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
/// prepared once and finished for each print page that holds it.
#[derive(Debug, Default)]
pub struct Prepared {
    slots: Vec<Slot>,
}

#[derive(Debug)]
enum Slot {
    Text(String),
    Tag(Tag),
}

impl Prepared {
    /// The HTML, each slot's tag rewritten with `finish`, appended to `out`.
    pub fn finish(&self, out: &mut String, mut finish: impl FnMut(Tag) -> Tag) {
        for slot in &self.slots {
            match slot {
                Slot::Text(text) => out.push_str(text),
                Slot::Tag(tag) => finish(tag.clone()).write_html(out),
            }
        }
    }

    /// The length of the static text, a lower bound of the finished HTML's.
    pub fn text_len(&self) -> usize {
        let len = |slot: &Slot| match slot {
            Slot::Text(text) => text.len(),
            Slot::Tag(_) => 0,
        };
        self.slots.iter().map(len).sum()
    }
}

/// [`rewrite`] as far as `start` goes; the tags `later` picks (after
/// `start`) stay slots for [`Prepared::finish`]. `seen` is shown every
/// start tag as written.
pub fn prepare(
    html: &str,
    mut seen: impl FnMut(&Tag),
    mut start: impl FnMut(Tag) -> Tag,
    later: impl Fn(&Tag) -> bool,
    heading: impl Fn(u8) -> u8,
) -> Prepared {
    let mut slots = Vec::new();
    let mut text = String::with_capacity(html.len() + html.len() / 8);
    for piece in pieces(html) {
        match piece {
            Piece::Start(tag) => {
                seen(&tag);
                let tag = start(tag);
                if !later(&tag) {
                    tag.write_html(&mut text);
                    continue;
                }
                slots.push(Slot::Text(std::mem::take(&mut text)));
                slots.push(Slot::Tag(tag));
            }
            piece => write_piece(piece, &mut text, &heading),
        }
    }
    slots.push(Slot::Text(text));
    slots.retain(|s| !matches!(s, Slot::Text(t) if t.is_empty()));
    for slot in &mut slots {
        if let Slot::Text(t) = slot {
            t.shrink_to_fit();
        }
    }
    Prepared { slots }
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
    prepare(html, |_| {}, start, |_| false, heading).finish(&mut out, |t| t);
    out
}

/// Every start tag of `html`, in order.
#[cfg(test)]
fn start_tags(html: &str) -> impl Iterator<Item = Tag> + '_ {
    pieces(html).filter_map(|p| match p {
        Piece::Start(tag) => Some(tag),
        _ => None,
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
        if let Some(end) = s.find('>') {
            return (Piece::End(s[2..end].trim(), &s[..=end]), end + 1);
        }
    }
    if s.starts_with('<') && s[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        if let Some((tag, used)) = parse_start_tag(s) {
            return (Piece::Start(tag), used);
        }
    }
    let from = usize::from(s.starts_with('<'));
    let end = s[from..].find('<').map_or(s.len(), |i| from + i);
    (Piece::Text(&s[..end]), end)
}

/// Parses `<name attr="v" attr='v' attr=v attr>`; `None` when the tag never closes.
fn parse_start_tag(s: &str) -> Option<(Tag, usize)> {
    let bytes = s.as_bytes();
    let mut i = 1;
    let name_end = scan(bytes, i, |b| {
        !b.is_ascii_whitespace() && b != b'>' && b != b'/'
    });
    let name = s[i..name_end].to_ascii_lowercase();
    i = name_end;
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        i = scan(bytes, i, |b| b.is_ascii_whitespace());
        match bytes.get(i)? {
            b'>' => return Some((tag(name, attrs, self_closing), i + 1)),
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
        let attr = s[i..name_end].to_ascii_lowercase();
        i = scan(bytes, name_end, |b| b.is_ascii_whitespace());
        if bytes.get(i) != Some(&b'=') {
            attrs.push((attr, None));
            continue;
        }
        i = scan(bytes, i + 1, |b| b.is_ascii_whitespace());
        let (value, next) = attribute_value(s, i)?;
        attrs.push((attr, Some(value)));
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
fn attribute_value(s: &str, i: usize) -> Option<(String, usize)> {
    let bytes = s.as_bytes();
    match bytes.get(i)? {
        quote @ (b'"' | b'\'') => {
            let end = i + 1 + s[i + 1..].find(*quote as char)?;
            Some((s[i + 1..end].to_string(), end + 1))
        }
        _ => {
            let end = scan(bytes, i, |b| !b.is_ascii_whitespace() && b != b'>');
            Some((s[i..end].to_string(), end))
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
    fn an_unclosed_tag_is_text() {
        let out = rewrite("a <b c=\"d", |t| t, |l| l);
        assert_eq!(out, "a <b c=\"d");
    }
}
