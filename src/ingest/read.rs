//! Reading a seed: its encoding (UTF-8, UTF-16 or UTF-8 with a byte-order
//! mark, or a legacy encoding that `chardetng` recognises, read with a
//! warning), the checks that turn unusable input (empty, binary, too large)
//! into an error that names the file and says what to do, and the
//! `seeds/<stem>.yaml` override beside it.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use crate::content::{DateSource, PartialDate, Recommendation, ThemeWeight};
use crate::error::{Error, Result};

/// The default size limit of a seed (`ingest.max_seed_mb` in
/// `briefing.yaml`): no captured web page is this big, so a larger file is
/// almost certainly the wrong one (a dump, an archive, a video).
pub const MAX_SEED_BYTES: u64 = 20 * 1024 * 1024;

/// A seed's bytes within the size limit (`max_mb` megabytes), not yet
/// checked to be text: enough to hash it and learn that its content file
/// is up to date.
pub fn read_seed_bytes(path: &Path, max_mb: u64) -> Result<Vec<u8>> {
    let limit = max_mb.saturating_mul(1024 * 1024);
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let size = file.metadata().map_err(|e| Error::io(path, e))?.len();
    if size > limit {
        return Err(Error::input(
            path,
            format!(
                "is {:.1} MB, over the {max_mb} MB limit for a seed: it is probably not a \
                 captured document; split it, move it out of seeds/, or raise \
                 `ingest.max_seed_mb` in briefing.yaml",
                size as f64 / 1_048_576.0,
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    Ok(bytes)
}

/// A seed's text, and the legacy encoding it was read from when it was
/// not Unicode (for a warning: the user may want to re-save it).
#[derive(Debug, Clone, Default)]
pub struct SeedText {
    pub text: String,
    pub legacy_encoding: Option<&'static str>,
    /// What the source's markup says beside its text (nothing, for text).
    pub meta: SourceMeta,
    /// A markdown source: its text is a markdown body, kept as written,
    /// and these are the fields its own front matter states (they yield
    /// to `seeds/<stem>.yaml` and win over what ingest infers).
    pub markdown: Option<Override>,
    /// Markup a structured source keeps in its text (a saved page's links
    /// and tables); `None` for a capture, whose `|` and `[` are words.
    pub markup: Option<Markup>,
}

/// What a structured source's text holds as markup beside its words: its
/// links, which the text leaves as their words (so that no address reaches
/// the title, the themes or the glossary), and its tables, whose rows are
/// its lines `| a | b |` (a cell's own `|` written `\|`). The body writes
/// both as markdown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markup {
    /// The links of the text, in its order.
    pub links: Vec<Link>,
}

/// A link of a structured source: its words, and the absolute address
/// they lead to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub url: String,
}

/// What a structured source states about itself beside its text (markup,
/// metadata): evidence the stages weigh with what the text says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMeta {
    /// Title candidates, most trusted first.
    pub titles: Vec<String>,
    /// The publication date the source states (`YYYY-MM-DD`, or `YYYY-MM`, `YYYY`).
    pub date: Option<PartialDate>,
    /// Publishers and issuers the source names.
    pub issuers: Vec<String>,
    /// The day the file was made (a PDF's creation date): often days after
    /// the document's own date, so taken only when the text states none.
    pub file_date: Option<PartialDate>,
}

/// The checks on a seed's content, apart from reading it.
pub fn check_text(path: &Path, bytes: &[u8]) -> Result<String> {
    decode(path, bytes).map(|seed| seed.text)
}

/// A seed's bytes as text: UTF-8, or UTF-16 or UTF-8 after a byte-order
/// mark, or a legacy encoding that decodes cleanly; anything else is an
/// error that says what to do.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<SeedText> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .ok_or_else(|| malformed(path, encoding.name()))?;
        return unicode(path, text.into_owned());
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(empty(path));
    }
    if bytes.starts_with(b"%PDF-") {
        return Err(Error::input(
            path,
            "is a PDF named as text: give it the extension .pdf, and ingest reads it as a PDF",
        ));
    }
    if let Some(offset) = memchr_nul(bytes) {
        return Err(Error::input(
            path,
            format!(
                "is a binary file (NUL byte at byte offset {offset}), not text: save the \
                 document as plain UTF-8 text (e.g. with pdftotext), or move it out of seeds/"
            ),
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => unicode(path, text.to_string()),
        Err(e) => legacy(bytes).ok_or_else(|| {
            Error::input(
                path,
                format!(
                    "is not valid UTF-8 (first bad byte at offset {}), nor text in another \
                     encoding that could be told: re-save it as UTF-8 (e.g. `iconv -f \
                     WINDOWS-1252 -t UTF-8`)",
                    e.valid_up_to()
                ),
            )
        }),
    }
}

/// Text that was Unicode already: only its emptiness is left to check.
fn unicode(path: &Path, text: String) -> Result<SeedText> {
    if text.trim().is_empty() {
        return Err(empty(path));
    }
    Ok(SeedText {
        text,
        ..SeedText::default()
    })
}

/// `bytes` in the legacy encoding `chardetng` guesses (Windows-1252 for
/// Western text, Shift_JIS or EUC-JP for Japanese …), when they decode in
/// it without a malformed sequence and with no control character but
/// whitespace: a clear case, not a guess over binary data.
fn legacy(bytes: &[u8]) -> Option<SeedText> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    let clean = text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
    clean.then(|| SeedText {
        text: text.into_owned(),
        legacy_encoding: Some(encoding.name()),
        ..SeedText::default()
    })
}

pub(super) fn empty(path: &Path) -> Error {
    Error::input(
        path,
        "is empty: paste the document's text into it, or delete it",
    )
}

fn malformed(path: &Path, encoding: &str) -> Error {
    Error::input(
        path,
        format!(
            "starts with the byte-order mark of {encoding} but is not valid {encoding}: \
             re-save it as UTF-8"
        ),
    )
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// `seeds/<stem>.yaml`: any front-matter field, set by hand; it wins over
/// what ingest infers.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub title: Option<String>,
    pub slug: Option<String>,
    pub draft: Option<bool>,
    pub date: Option<PartialDate>,
    pub date_source: Option<DateSource>,
    pub dialogues: Option<Vec<String>>,
    pub kind: Option<String>,
    pub organisations: Option<Vec<String>>,
    pub themes: Option<Vec<ThemeWeight>>,
    pub summary: Option<String>,
    pub glossary: Option<BTreeMap<String, String>>,
    pub recommendations: Option<Vec<Recommendation>>,
}

impl Override {
    /// Each field of `self`, else of `below`.
    pub fn or(self, below: Override) -> Override {
        Override {
            title: self.title.or(below.title),
            slug: self.slug.or(below.slug),
            draft: self.draft.or(below.draft),
            date: self.date.or(below.date),
            date_source: self.date_source.or(below.date_source),
            dialogues: self.dialogues.or(below.dialogues),
            kind: self.kind.or(below.kind),
            organisations: self.organisations.or(below.organisations),
            themes: self.themes.or(below.themes),
            summary: self.summary.or(below.summary),
            glossary: self.glossary.or(below.glossary),
            recommendations: self.recommendations.or(below.recommendations),
        }
    }
}

/// The raw bytes of the override for `seed`, or `None` when there is none.
pub fn read_override_bytes(seed: &Path) -> Result<Option<Vec<u8>>> {
    let path = super::source::override_path(seed);
    match std::fs::read(&path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(&path, e)),
    }
}

/// An override file's bytes (`path` names it in errors) as an [`Override`].
pub fn parse_override(path: &Path, bytes: &[u8]) -> Result<Override> {
    let text = check_text(path, bytes).or_else(|e| match e {
        // An empty override is allowed: it overrides nothing.
        Error::Input { .. } if bytes.iter().all(|b| b.is_ascii_whitespace()) => Ok(String::new()),
        e => Err(e),
    })?;
    if text.trim().is_empty() {
        return Ok(Override::default());
    }
    yaml_serde::from_str(&text).map_err(|e| Error::yaml(path, &text, 0, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_messages_say_what_is_wrong() {
        let path = Path::new("seeds/x.txt");
        let cases: [(&[u8], &str); 4] = [
            (b"", "is empty"),
            (b" \n\n", "is empty"),
            (b"text\0more", "NUL byte at byte offset 4"),
            (b"ok \x01\xff\xfe", "offset 4"),
        ];
        for (bytes, needle) in cases {
            let msg = check_text(path, bytes).unwrap_err().to_string();
            assert!(msg.starts_with("seeds/x.txt: "), "{msg}");
            assert!(msg.contains(needle), "{msg}");
        }
        assert_eq!(check_text(path, "\u{feff}Hi".as_bytes()).unwrap(), "Hi");
    }

    #[test]
    fn unicode_with_a_byte_order_mark_is_read_in_its_encoding() {
        let path = Path::new("seeds/x.txt");
        let text = "Joint Statement — 2024年4月30日\n";
        let utf16 = |be: bool| -> Vec<u8> {
            let mut bytes = if be {
                vec![0xfe, 0xff]
            } else {
                vec![0xff, 0xfe]
            };
            for unit in text.encode_utf16() {
                let pair = if be {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                };
                bytes.extend(pair);
            }
            bytes
        };
        for bytes in [utf16(false), utf16(true)] {
            let read = decode(path, &bytes).unwrap();
            assert_eq!(read.text, text);
            assert!(read.legacy_encoding.is_none());
        }
        let msg = check_text(path, &[0xff, 0xfe, b' ', 0])
            .unwrap_err()
            .to_string();
        assert!(msg.contains("is empty"), "{msg}");
    }

    #[test]
    fn clear_legacy_encodings_are_read_and_named_binary_is_not() {
        let path = Path::new("seeds/x.txt");
        let latin = b"Caf\xe9 cr\xe8me \x96 the Minister\x92s statement on data flows.\n";
        let read = decode(path, latin).unwrap();
        assert_eq!(
            read.text,
            "Café crème – the Minister’s statement on data flows.\n"
        );
        assert_eq!(read.legacy_encoding, Some("windows-1252"));
        let (sjis, _, _) =
            encoding_rs::SHIFT_JIS.encode("日EUデジタルパートナーシップ閣僚会合の開催について。\n");
        let read = decode(path, &sjis).unwrap();
        assert_eq!(
            read.text,
            "日EUデジタルパートナーシップ閣僚会合の開催について。\n"
        );
        assert_eq!(read.legacy_encoding, Some("Shift_JIS"));
        let msg = check_text(path, b"text \x01\x02\x03\xff\xfe\xfd")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("not valid UTF-8"), "{msg}");
    }

    #[test]
    fn override_with_unknown_key_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let seed = dir.path().join("a.txt");
        std::fs::write(dir.path().join("a.yaml"), "date: 2025\ntitel: X\n").unwrap();
        let read = |seed: &Path| {
            let bytes = read_override_bytes(seed).unwrap().unwrap();
            parse_override(&seed.with_extension("yaml"), &bytes)
        };
        let msg = read(&seed).unwrap_err().to_string();
        assert!(msg.contains("a.yaml:2"), "{msg}");
        assert!(msg.contains("titel"), "{msg}");
        std::fs::write(dir.path().join("a.yaml"), "date: 2025\n").unwrap();
        let o = read(&seed).unwrap();
        assert_eq!(o.date.unwrap().to_string(), "2025");
    }
}
