//! Reading a seed: the checks that turn unusable input (empty, binary, not
//! UTF-8, too large) into an error that names the file and says what to do,
//! and the `seeds/<stem>.yaml` override beside it.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use crate::content::{DateSource, PartialDate, Recommendation, ThemeWeight};
use crate::error::{Error, Result};

/// Larger seeds are refused: no captured web page is this big, so it is
/// almost certainly the wrong file (a dump, an archive, a video).
pub const MAX_SEED_BYTES: u64 = 20 * 1024 * 1024;

/// A seed's bytes within the size limit, not yet checked to be text: enough
/// to hash it and learn that its content file is up to date.
pub fn read_seed_bytes(path: &Path) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let size = file.metadata().map_err(|e| Error::io(path, e))?.len();
    if size > MAX_SEED_BYTES {
        return Err(Error::input(
            path,
            format!(
                "is {:.1} MB, over the {} MB limit for a seed: it is probably not a captured \
                 document; split it or move it out of seeds/",
                size as f64 / 1_048_576.0,
                MAX_SEED_BYTES / 1_048_576
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_SEED_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    Ok(bytes)
}

/// The checks on a seed's content, apart from reading it.
pub fn check_text(path: &Path, bytes: &[u8]) -> Result<String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::input(
            path,
            "is empty: paste the document's text into it, or delete it",
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
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_string()),
        Err(e) => Err(Error::input(
            path,
            format!(
                "is not valid UTF-8 (first bad byte at offset {}): re-save it as UTF-8 \
                 (e.g. `iconv -f WINDOWS-1252 -t UTF-8`)",
                e.valid_up_to()
            ),
        )),
    }
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

/// The raw bytes of the override for `seed`, or `None` when there is none.
pub fn read_override_bytes(seed: &Path) -> Result<Option<Vec<u8>>> {
    let path = seed.with_extension("yaml");
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
    serde_yaml::from_str(&text).map_err(|e| Error::yaml(path, &text, 0, &e))
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
            (b"ok \xff\xfe", "offset 3"),
        ];
        for (bytes, needle) in cases {
            let msg = check_text(path, bytes).unwrap_err().to_string();
            assert!(msg.starts_with("seeds/x.txt: "), "{msg}");
            assert!(msg.contains(needle), "{msg}");
        }
        assert_eq!(check_text(path, "\u{feff}Hi".as_bytes()).unwrap(), "Hi");
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
