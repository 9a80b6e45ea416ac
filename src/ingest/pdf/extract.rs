//! What `pdf_oxide` reads of a PDF, as plain values the layout works on:
//! each page's lines in reading order, each with the size, weight and left
//! edge of its type, and the Info dictionary's and XMP's title and dates.
//! The only module that names the crate.

use std::collections::HashMap;

use pdf_oxide::layout::TextSpan;
use pdf_oxide::PdfDocument;

/// A PDF as the layout reads it.
#[derive(Debug, Default)]
pub struct Doc {
    pub pages: Vec<Page>,
    pub info: Info,
}

/// A page's lines in reading order; an empty line stands between blocks.
#[derive(Debug, Default, Clone)]
pub struct Page {
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// The type of the line, when its spans could be told.
    pub style: Option<Style>,
}

/// How a line is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// The font size of most of its letters, in points.
    pub size: f32,
    /// Whether all its letters are bold.
    pub bold: bool,
    /// Its left edge, in points from the page's left.
    pub x: f32,
}

/// The metadata of a PDF, as stated (dates in the PDF's own form,
/// `D:20240305…`, or XMP's ISO form).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Info {
    pub title: Option<String>,
    pub xmp_title: Option<String>,
    pub created: Option<String>,
    pub xmp_created: Option<String>,
}

/// Why a PDF could not be read.
#[derive(Debug)]
pub enum Failure {
    /// Encrypted with a user password.
    Password,
    /// Not parsed: what the reader said.
    Damaged(String),
}

/// The pages and metadata of the PDF in `bytes`.
pub fn pages(bytes: &[u8]) -> Result<Doc, Failure> {
    let doc =
        PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| Failure::Damaged(e.to_string()))?;
    // A PDF locked only by an owner password opens with the empty one:
    // that is how viewers show the many documents that merely forbid
    // editing.
    if doc.is_encrypted() && !doc.is_authenticated() && !doc.authenticate(b"").unwrap_or(false) {
        return Err(Failure::Password);
    }
    let count = doc
        .page_count()
        .map_err(|e| Failure::Damaged(e.to_string()))?;
    let mut pages = Vec::with_capacity(count);
    for index in 0..count {
        pages.push(page(&doc, index).map_err(Failure::Damaged)?);
    }
    Ok(Doc {
        pages,
        info: info(&doc),
    })
}

/// One page: its text in the crate's reading order, each line matched to
/// the spans it was made of for its style.
fn page(doc: &PdfDocument, index: usize) -> Result<Page, String> {
    let text = doc.extract_text(index).map_err(|e| e.to_string())?;
    let spans = doc.extract_spans(index).map_err(|e| e.to_string())?;
    let styles = line_styles(&spans);
    let lines = text
        .lines()
        .map(|l| Line {
            text: l.trim_end().to_string(),
            style: styles.get(&key(l)).copied(),
        })
        .collect();
    Ok(Page { lines })
}

/// A line's letters without spaces: the reading-order text and the spans
/// space words differently ("T rust" in one, "Trust" in the other).
fn key(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The style of each visual line of a page (spans on one baseline, left to
/// right), by its [`key`].
fn line_styles(spans: &[TextSpan]) -> HashMap<String, Style> {
    let mut sorted: Vec<&TextSpan> = spans.iter().filter(|s| !s.text.trim().is_empty()).collect();
    sorted.sort_by(|a, b| a.bbox.y.total_cmp(&b.bbox.y));
    let mut rows: Vec<Vec<&TextSpan>> = Vec::new();
    for span in sorted {
        let tolerance = span.font_size.max(1.0) * 0.5;
        match rows.last_mut() {
            Some(row) if (row[0].bbox.y - span.bbox.y).abs() <= tolerance => row.push(span),
            _ => rows.push(vec![span]),
        }
    }
    rows.into_iter()
        .map(|mut row| {
            row.sort_by(|a, b| a.bbox.x.total_cmp(&b.bbox.x));
            let text: String = row.iter().map(|s| key(&s.text)).collect();
            (text, style(&row))
        })
        .collect()
}

fn style(row: &[&TextSpan]) -> Style {
    let letters = |s: &TextSpan| s.text.chars().filter(|c| c.is_alphanumeric()).count();
    let main = row.iter().max_by_key(|s| letters(s)).unwrap_or(&row[0]);
    let bold = row
        .iter()
        .filter(|s| letters(s) > 0)
        .all(|s| s.font_weight.is_bold() || is_bold_name(&s.font_name));
    Style {
        size: main.font_size.abs(),
        bold,
        x: row.iter().map(|s| s.bbox.x).fold(f32::INFINITY, f32::min),
    }
}

/// A font whose name says it is bold (`Helvetica-Bold`, `ABCDEF+Arial,Black`)
/// though its descriptor does not.
fn is_bold_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["bold", "black", "heavy", "semibold"]
        .iter()
        .any(|w| name.contains(w))
}

/// The Info dictionary's and XMP's title and creation date.
fn info(doc: &PdfDocument) -> Info {
    let dict = doc
        .trailer()
        .as_dict()
        .and_then(|t| t.get("Info"))
        .and_then(|i| doc.resolve_references(i, 2).ok());
    let entry = |key: &str| -> Option<String> {
        let value = dict.as_ref()?.as_dict()?.get(key)?;
        let value = doc.resolve_references(value, 2).ok()?;
        let text = decode_text_string(value.as_string()?);
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    };
    let xmp = pdf_oxide::extractors::xmp::XmpExtractor::extract(doc)
        .ok()
        .flatten();
    Info {
        title: entry("Title"),
        created: entry("CreationDate"),
        xmp_title: xmp.as_ref().and_then(|x| x.dc_title.clone()),
        xmp_created: xmp.and_then(|x| x.xmp_create_date),
    }
}

/// A PDF text string: UTF-16 after a byte-order mark, else PDFDocEncoding
/// (read as Latin-1, which it matches in every letter a title uses).
fn decode_text_string(bytes: &[u8]) -> String {
    let utf16 = |be: bool| -> String {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| match be {
                true => u16::from_be_bytes([c[0], c[1]]),
                false => u16::from_le_bytes([c[0], c[1]]),
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    match bytes {
        [0xfe, 0xff, ..] => utf16(true),
        [0xff, 0xfe, ..] => utf16(false),
        [0xef, 0xbb, 0xbf, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_decode_in_each_encoding() {
        assert_eq!(decode_text_string(b"Caf\xe9"), "Café");
        assert_eq!(
            decode_text_string(&[0xfe, 0xff, 0x65, 0xe5, 0x67, 0x2c]),
            "日本"
        );
        assert_eq!(decode_text_string(&[0xff, 0xfe, b'H', 0, b'i', 0]), "Hi");
    }
}
