//! The content file format, `content/<slug>.md`: YAML front matter between
//! `---` lines, then a markdown body. It is the contract between `ingest`
//! (which writes it) and `site` (which reads it), so both stages use these
//! types and nothing else.

mod block_yaml;
mod block_yaml_read;

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    /// Written only when the title is not a line of the document.
    #[serde(default, skip_serializing_if = "TitleSource::is_stated")]
    pub title_source: TitleSource,
    /// The page's name, instead of the content file's: an address that
    /// stays when the title (and so the file name ingest gives) changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// A draft is left out of the site unless the build is asked for drafts.
    #[serde(default, skip_serializing_if = "is_false")]
    pub draft: bool,
    /// `None` when no date could be found (`date_source: unknown`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    #[serde(default)]
    pub date_source: DateSource,
    #[serde(default)]
    pub dialogues: Vec<String>,
    #[serde(default = "default_kind")]
    pub kind: String,
    #[serde(default)]
    pub organisations: Vec<String>,
    #[serde(default)]
    pub themes: Vec<ThemeWeight>,
    #[serde(default)]
    pub summary: String,
    /// Acronym → expansion.
    #[serde(default)]
    pub glossary: BTreeMap<String, String>,
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<Generated>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn default_kind() -> String {
    "other".to_string()
}

/// Where a document's title came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TitleSource {
    /// A line of the document (or written by hand).
    #[default]
    Stated,
    /// Made from the document's opening, or its file name, because no line
    /// of it is a title: worth a `title:` in `seeds/<stem>.yaml`.
    MadeUp,
    /// Set in `seeds/<stem>.yaml`.
    Override,
}

impl TitleSource {
    pub fn is_stated(&self) -> bool {
        *self == TitleSource::Stated
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A dateline in the document.
    Stated,
    /// The latest full date mentioned in the text.
    Inferred,
    /// Set in `seeds/<stem>.yaml` or by hand.
    #[default]
    Override,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeWeight {
    pub slug: String,
    /// Share of the document's keyword hits, 0–1, rounded to two places.
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// The id of the section it was made in; empty when made before the first heading.
    pub section: String,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub kind: RecommendationKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RecommendationKind {
    /// Asks someone else to act (urge, call on, should, recommend, request).
    #[default]
    Recommendation,
    /// The authors bind themselves (commit, reaffirm, will).
    Commitment,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Path of the seed, relative to the project root.
    pub file: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generated {
    /// Hash of the file as ingest wrote it, without this `generated` block: a
    /// mismatch means the file was edited by hand and must not be overwritten.
    pub sha256: String,
    /// Hash of everything the file was made from (seed, override, taxonomy,
    /// ingest version): equal means the seed need not be ingested again.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub inputs: String,
}

/// A date that may lack its day or month (an override may give only a year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<PartialDate> {
        chrono::NaiveDate::from_ymd_opt(year, month, day)?;
        Some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.trim().split('-');
        let year: i32 = parse_digits(parts.next()?, 4)?;
        let month: Option<u32> = match parts.next() {
            Some(m) => Some(parse_digits(m, 2)?),
            None => None,
        };
        let day: Option<u32> = match parts.next() {
            Some(d) => Some(parse_digits(d, 2)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        match (month, day) {
            (None, _) => Some(PartialDate {
                year,
                month: None,
                day: None,
            }),
            (Some(m), None) if (1..=12).contains(&m) => Some(PartialDate {
                year,
                month: Some(m),
                day: None,
            }),
            (Some(m), Some(d)) => PartialDate::ymd(year, m, d),
            _ => None,
        }
    }
}

fn parse_digits<T: std::str::FromStr>(s: &str, len: usize) -> Option<T> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0)).cmp(&(
            other.year,
            other.month.unwrap_or(0),
            other.day.unwrap_or(0),
        ))
    }
}
impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Year(i64),
            Text(String),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Year(y) => format!("{y:04}"),
            Raw::Text(s) => s,
        };
        PartialDate::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "date: invalid date {text:?}: write YYYY-MM-DD, YYYY-MM or YYYY"
            ))
        })
    }
}

/// A content file's path and text, before parsing: what ingest writes and
/// the site model reads.
#[derive(Debug)]
pub struct ContentText {
    pub path: PathBuf,
    pub text: String,
    /// The front matter `text` holds, when whoever made the text had it
    /// (ingest): the site then takes it rather than reading it back, which
    /// was a tenth of loading the site after a cold ingest.
    pub front_matter: Option<FrontMatter>,
}

impl ContentText {
    /// A file's text as read.
    pub fn new(path: PathBuf, text: String) -> ContentText {
        ContentText {
            path,
            text,
            front_matter: None,
        }
    }
}

/// A parsed content file.
#[derive(Debug, Clone)]
pub struct ContentFile {
    pub front_matter: FrontMatter,
    pub body: String,
    /// 1-based line of the file on which the body starts (for error messages).
    pub body_line: usize,
}

/// Splits `---\nyaml\n---\nbody`. Returns (yaml, body, line the body starts on).
pub fn split_front_matter<'a>(path: &Path, text: &'a str) -> Result<(&'a str, &'a str, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Err(Error::at(
            path,
            text,
            1,
            1,
            "no front matter: a content file starts with a line `---`, then YAML, then `---` \
             (did you forget the opening `---`?)",
        ));
    };
    // Only lines that start with `---` can close it: found by `memchr`,
    // not line by line, for every content file of every build.
    let line_starts = std::iter::once(0)
        .chain(memchr::memmem::find_iter(rest.as_bytes(), "\n---").map(|at| at + 1));
    for start in line_starts {
        let line_end =
            memchr::memchr(b'\n', &rest.as_bytes()[start..]).map_or(rest.len(), |n| start + n + 1);
        if rest[start..line_end].trim_end() == "---" {
            let yaml = &rest[..start];
            let body = &rest[line_end..];
            let body_line = 2 + memchr::memchr_iter(b'\n', yaml.as_bytes()).count() + 1;
            return Ok((yaml, body, body_line));
        }
    }
    Err(Error::at(
        path,
        text,
        1,
        1,
        "front matter is not closed: add a line `---` after the YAML (did you forget the closing `---`?)",
    ))
}

impl ContentFile {
    pub fn parse(path: &Path, text: &str) -> Result<ContentFile> {
        let (yaml, body, body_line) = split_front_matter(path, text)?;
        let front_matter: FrontMatter = match block_yaml_read::read(yaml) {
            Some(front_matter) => front_matter,
            None => yaml_serde::from_str(yaml).map_err(|e| Error::yaml(path, text, 1, &e))?,
        };
        ContentFile::checked(path, text, front_matter, body, body_line)
    }

    /// [`ContentFile::parse`] of a text whose front matter is known to be
    /// `front_matter` (it was written from it), without reading it again.
    pub fn with_front_matter(
        path: &Path,
        text: &str,
        front_matter: FrontMatter,
    ) -> Result<ContentFile> {
        let (_, body, body_line) = split_front_matter(path, text)?;
        ContentFile::checked(path, text, front_matter, body, body_line)
    }

    fn checked(
        path: &Path,
        text: &str,
        front_matter: FrontMatter,
        body: &str,
        body_line: usize,
    ) -> Result<ContentFile> {
        if front_matter.title.trim().is_empty() {
            return Err(Error::at(
                path,
                text,
                2,
                1,
                "title is empty: give the document a title",
            ));
        }
        Ok(ContentFile {
            front_matter,
            body: body.to_string(),
            body_line,
        })
    }

    /// The file as it is written to disk.
    pub fn render(front_matter: &FrontMatter, body: &str) -> String {
        let yaml = to_yaml(front_matter);
        let mut text = String::with_capacity(yaml.len() + body.len() + 8);
        text.push_str("---\n");
        text.push_str(&yaml);
        text.push_str("---\n");
        text.push_str(body);
        text
    }
}

/// Front matter, or an entry of it, as a content file holds it: the shapes
/// ingest writes by [`block_yaml`], anything else by `yaml_serde`, whose
/// bytes they are either way.
pub fn to_yaml<T: Serialize + ?Sized>(value: &T) -> String {
    block_yaml::to_string(value)
        .unwrap_or_else(|| yaml_serde::to_string(value).expect("front matter always serialises"))
}

#[cfg(test)]
mod tests;
