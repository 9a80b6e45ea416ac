//! Front matter as block YAML without a generic YAML emitter: the same bytes
//! `yaml_serde` writes (two-space indents, sequences in mappings not
//! indented, `[]`/`{}` for empty ones, plain scalars where YAML reads them
//! back as the same string), an order of magnitude faster. Ingest writes one
//! front matter per document: with `yaml_serde`'s emitter that is 9 % of the
//! instructions of a cold build of 1,000 documents, with this one 2 %.
//!
//! Anything outside the shapes it knows (multi-line strings, sequences
//! directly in sequences, enum variants with data) returns `None`, and the
//! caller uses `yaml_serde`; a string that may not stay plain is quoted by
//! `yaml_serde` alone, so the quoting rules are never restated here.

use serde::ser::{self, Impossible, Serialize};

/// The YAML `yaml_serde::to_string` writes for `value`, or `None` when
/// `value` has a shape this emitter leaves to `yaml_serde`.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let node = value.serialize(NodeSerializer).ok()?;
    let mut out = String::with_capacity(4096);
    match &node {
        Node::Map(entries) if !entries.is_empty() => write_entries(entries, 0, &mut out),
        Node::Seq(items) if !items.is_empty() => write_items(items, 0, &mut out)?,
        other => {
            out.push_str(&inline(other)?);
            out.push('\n');
        }
    }
    Some(out)
}

/// A value, its scalars already written as YAML.
enum Node {
    Scalar(String),
    Seq(Vec<Node>),
    Map(Vec<(String, Node)>),
}

/// The one-line form of a scalar or an empty collection.
fn inline(node: &Node) -> Option<String> {
    match node {
        Node::Scalar(s) => Some(s.clone()),
        Node::Seq(items) if items.is_empty() => Some("[]".to_string()),
        Node::Map(entries) if entries.is_empty() => Some("{}".to_string()),
        _ => None,
    }
}

fn indent(out: &mut String, width: usize) {
    out.extend(std::iter::repeat_n(' ', width));
}

/// Mapping entries at `width`; the first one's indent is already written
/// when the mapping starts a sequence item.
fn write_entries(entries: &[(String, Node)], width: usize, out: &mut String) {
    for (n, (key, value)) in entries.iter().enumerate() {
        if n > 0 {
            indent(out, width);
        }
        out.push_str(key);
        out.push(':');
        match value {
            Node::Seq(items) if !items.is_empty() => {
                out.push('\n');
                // Already checked in `collect_entries`: items are never sequences.
                let _ = write_items(items, width, out);
            }
            Node::Map(inner) if !inner.is_empty() => {
                out.push('\n');
                indent(out, width + 2);
                write_entries(inner, width + 2, out);
            }
            other => {
                out.push(' ');
                out.push_str(&inline(other).unwrap_or_default());
                out.push('\n');
            }
        }
    }
}

fn write_items(items: &[Node], width: usize, out: &mut String) -> Option<()> {
    for item in items {
        indent(out, width);
        out.push_str("- ");
        match item {
            Node::Map(entries) if !entries.is_empty() => write_entries(entries, width + 2, out),
            Node::Seq(inner) if !inner.is_empty() => return None,
            other => {
                out.push_str(&inline(other)?);
                out.push('\n');
            }
        }
    }
    Some(())
}

/// Why a value is left to `yaml_serde`.
#[derive(Debug)]
struct Unsupported;

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("left to yaml_serde")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(_msg: T) -> Self {
        Unsupported
    }
}

type Result<T> = std::result::Result<T, Unsupported>;

/// A string as YAML: plain when it certainly reads back as itself, else
/// as `yaml_serde` quotes it. Strings with a line break of any kind (which
/// libyaml folds, or writes as complex keys) are left to `yaml_serde`.
fn string_scalar(s: &str) -> Result<Node> {
    if has_line_break(s) {
        return Err(Unsupported);
    }
    if plain_is_safe(s) {
        return Ok(Node::Scalar(s.to_string()));
    }
    let quoted = yaml_serde::to_string(s).map_err(|_| Unsupported)?;
    match quoted.strip_suffix('\n') {
        Some(line) if !line.contains('\n') => Ok(Node::Scalar(line.to_string())),
        _ => Err(Unsupported),
    }
}

/// Any of YAML's line breaks; the Unicode ones looked for only in text
/// that is not ASCII (most is).
fn has_line_break(s: &str) -> bool {
    memchr::memchr2(b'\n', b'\r', s.as_bytes()).is_some()
        || (!s.is_ascii() && s.contains(['\u{85}', '\u{2028}', '\u{2029}']))
}

/// A conservative subset of the strings libyaml writes plain in block
/// context and `yaml_serde` does not quote: starts with a letter, no
/// control or line-break characters, no `: `, ` #` or trailing `:`/space,
/// and not a word YAML reads as null or a boolean; or a date.
fn plain_is_safe(s: &str) -> bool {
    let bytes = s.as_bytes();
    if is_date_like(bytes) {
        return true;
    }
    let starts_with_letter = bytes.first().is_some_and(u8::is_ascii_alphabetic);
    if !starts_with_letter || bytes.last().is_some_and(|&b| b == b' ' || b == b':') {
        return false;
    }
    if matches!(
        s,
        "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
    ) {
        return false;
    }
    // Each test a pass of its own, that the compiler or `memchr` runs a
    // vector at a time: every string of every front matter passes here.
    let control = bytes
        .iter()
        .fold(false, |found, &b| found | (b < 0x20) | (b == 0x7f));
    if control || has_comment_or_mapping(bytes) {
        return false;
    }
    bytes.is_ascii() || s.chars().all(printable_non_break)
}

/// Whether `: ` or ` #` is in `bytes`: one search for both bytes, where two
/// `memmem` searches each set up a searcher, for strings mostly a few
/// words long.
fn has_comment_or_mapping(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b':', b'#', bytes).any(|at| match bytes[at] {
        b':' => bytes.get(at + 1) == Some(&b' '),
        _ => at > 0 && bytes[at - 1] == b' ',
    })
}

/// `2019-10-18`, `2019-10`: digits joined by single dashes, which YAML 1.2
/// (and so `yaml_serde`) reads as a string, never a number.
fn is_date_like(bytes: &[u8]) -> bool {
    bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes.contains(&b'-')
        && bytes
            .split(|&b| b == b'-')
            .all(|part| !part.is_empty() && part.iter().all(u8::is_ascii_digit))
}

/// libyaml's printable set, less its line breaks (NEL, LS, PS).
fn printable_non_break(c: char) -> bool {
    let c = c as u32;
    (0x20..0x7f).contains(&c)
        || ((0xa0..=0xfffd).contains(&c)
            && c != 0xfeff
            && c != 0x2028
            && c != 0x2029
            && !(0xd800..0xe000).contains(&c))
        || c >= 0x10000
}

struct NodeSerializer;

fn scalar(s: impl Into<String>) -> Result<Node> {
    Ok(Node::Scalar(s.into()))
}

impl ser::Serializer for NodeSerializer {
    type Ok = Node;
    type Error = Unsupported;
    type SerializeSeq = SeqBuilder;
    type SerializeTuple = SeqBuilder;
    type SerializeTupleStruct = SeqBuilder;
    type SerializeTupleVariant = Impossible<Node, Unsupported>;
    type SerializeMap = MapBuilder;
    type SerializeStruct = MapBuilder;
    type SerializeStructVariant = Impossible<Node, Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<Node> {
        scalar(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result<Node> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Node> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Node> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Node> {
        scalar(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<Node> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Node> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Node> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Node> {
        scalar(v.to_string())
    }
    fn serialize_f32(self, v: f32) -> Result<Node> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<Node> {
        if !v.is_finite() {
            return Err(Unsupported);
        }
        scalar(ryu::Buffer::new().format_finite(v))
    }
    fn serialize_char(self, v: char) -> Result<Node> {
        string_scalar(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Node> {
        string_scalar(v)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<Node> {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Result<Node> {
        scalar("null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Node> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Node> {
        scalar("null")
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Node> {
        scalar("null")
    }
    fn serialize_unit_variant(
        self,
        _n: &'static str,
        _i: u32,
        variant: &'static str,
    ) -> Result<Node> {
        string_scalar(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _n: &'static str,
        value: &T,
    ) -> Result<Node> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _n: &'static str,
        _i: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Node> {
        Err(Unsupported)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder> {
        Ok(SeqBuilder(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _n: &'static str, len: usize) -> Result<SeqBuilder> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _n: &'static str,
        _i: u32,
        _v: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(Unsupported)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder> {
        Ok(MapBuilder {
            entries: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }
    fn serialize_struct(self, _n: &'static str, len: usize) -> Result<MapBuilder> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _n: &'static str,
        _i: u32,
        _v: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(Unsupported)
    }
}

struct SeqBuilder(Vec<Node>);

impl SeqBuilder {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        match value.serialize(NodeSerializer)? {
            Node::Seq(inner) if !inner.is_empty() => Err(Unsupported),
            node => {
                self.0.push(node);
                Ok(())
            }
        }
    }
}

/// The three sequence shapes serde hands a serializer, all built alike.
macro_rules! seq_builder {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for SeqBuilder {
            type Ok = Node;
            type Error = Unsupported;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                self.push(value)
            }
            fn end(self) -> Result<Node> {
                Ok(Node::Seq(self.0))
            }
        }
    )*};
}

seq_builder!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

struct MapBuilder {
    entries: Vec<(String, Node)>,
    key: Option<String>,
}

impl MapBuilder {
    fn entry<T: Serialize + ?Sized>(&mut self, key: String, value: &T) -> Result<()> {
        let value = value.serialize(NodeSerializer)?;
        self.entries.push((key, value));
        Ok(())
    }
}

/// A mapping key: a scalar, which libyaml writes as it would a value.
fn key_scalar<T: Serialize + ?Sized>(key: &T) -> Result<String> {
    match key.serialize(NodeSerializer)? {
        Node::Scalar(s) => Ok(s),
        _ => Err(Unsupported),
    }
}

impl ser::SerializeMap for MapBuilder {
    type Ok = Node;
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key_scalar(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self.key.take().ok_or(Unsupported)?;
        self.entry(key, value)
    }
    fn end(self) -> Result<Node> {
        Ok(Node::Map(self.entries))
    }
}

impl ser::SerializeStruct for MapBuilder {
    type Ok = Node;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.entry(key_scalar(key)?, value)
    }
    fn end(self) -> Result<Node> {
        Ok(Node::Map(self.entries))
    }
}

#[cfg(test)]
#[path = "block_yaml_tests.rs"]
mod tests;
