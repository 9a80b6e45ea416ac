//! `briefing.yaml`: site settings and the corpus taxonomy (themes, dialogues,
//! document kinds, known organisations). Everything specific to a corpus lives
//! here, never in code: a new corpus needs a new `briefing.yaml`, not a patch.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The file name looked for in the project root.
pub const CONFIG_FILE: &str = "briefing.yaml";

/// The default configuration shipped with the binary (also written by `briefing init`).
pub const DEFAULT_CONFIG: &str = include_str!("../briefing.yaml");

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Used only where an absolute URL is required (feeds, sitemap, canonical links).
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub themes: Vec<ThemeDef>,
    #[serde(default)]
    pub dialogues: Vec<DialogueDef>,
    /// Document kinds allowed in front matter; detected by their cue phrases.
    #[serde(default = "default_kinds")]
    pub kinds: Vec<KindDef>,
    /// Organisations recognised by name or alias, besides those found as "Long Name (ABBR)".
    #[serde(default)]
    pub organisations: Vec<OrganisationDef>,
    #[serde(default)]
    pub ingest: IngestSettings,
    #[serde(default)]
    pub print: PrintSettings,
    /// Documents per page on theme, dialogue and year pages (0 = no pagination).
    #[serde(default = "default_paginate_by")]
    pub paginate_by: usize,
    /// The search index's term scripts close at about this many bytes: the
    /// search page loads only those holding a query's terms.
    #[serde(default = "default_search_shard_bytes")]
    pub search_shard_bytes: usize,
    /// Allow raw HTML in markdown bodies (trusted content only); escaped by default.
    #[serde(default)]
    pub allow_raw_html: bool,
    /// The Content-Security-Policy every page carries in a `<meta>` tag; empty for none.
    /// The default runs only the site's own script files, never inline script.
    #[serde(default = "default_content_security_policy")]
    pub content_security_policy: String,
}

/// Scripts and styles only from the site's own files (which works from
/// `file://` as over HTTP, and admits serve's same-origin reload script);
/// images may be `data:`; no plugins, no `<base>` tricks, forms post home.
pub const DEFAULT_CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";

fn default_content_security_policy() -> String {
    DEFAULT_CONTENT_SECURITY_POLICY.to_string()
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeDef {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Phrases whose occurrences tag a section and weigh a document. An
    /// all-caps keyword (AI, 5G) matches case-sensitively; others ignore case.
    #[serde(default)]
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DialogueDef {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Names the dialogue went by over the years; any of them counts as the dialogue.
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindDef {
    pub slug: String,
    pub name: String,
    /// Phrases that mark a document as this kind (title first, then body).
    #[serde(default)]
    pub cues: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationDef {
    /// The short name used in front matter (e.g. `METI`).
    pub name: String,
    /// Other spellings that count as this organisation.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Groups it issues documents through (a working group, a joint
    /// council) that do not name it: a document naming one lists it too.
    #[serde(default)]
    pub groups: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IngestSettings {
    /// Extra lines (exact, case-insensitive) that are site chrome in this corpus.
    #[serde(default)]
    pub chrome_lines: Vec<String>,
    /// Extra line prefixes after which the rest of a document is footer chrome.
    #[serde(default)]
    pub footer_markers: Vec<String>,
    /// The largest seed ingest reads, in megabytes: a larger file is
    /// reported (and the other seeds still ingested), as it is more likely
    /// a dump or an archive than a captured document.
    #[serde(default = "default_max_seed_mb")]
    pub max_seed_mb: u64,
}

impl Default for IngestSettings {
    fn default() -> Self {
        IngestSettings {
            chrome_lines: Vec::new(),
            footer_markers: Vec::new(),
            max_seed_mb: default_max_seed_mb(),
        }
    }
}

fn default_max_seed_mb() -> u64 {
    20
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrintSettings {
    #[serde(default)]
    pub group_by: PrintGrouping,
    /// CSS `@page` size: `A4` or `Letter`.
    #[serde(default = "default_page_size")]
    pub page_size: String,
    /// Where `briefing pdf` writes, relative to the project root.
    #[serde(default = "default_pdf_output")]
    pub output: PathBuf,
    /// The most documents a book or pack prints, the newest; 0 for no limit.
    /// Thousands of documents make a page no browser lays out or prints.
    #[serde(default = "default_print_max_documents")]
    pub max_documents: usize,
}

impl Default for PrintSettings {
    fn default() -> Self {
        PrintSettings {
            group_by: PrintGrouping::default(),
            page_size: default_page_size(),
            output: default_pdf_output(),
            max_documents: default_print_max_documents(),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PrintGrouping {
    #[default]
    Dialogue,
    Theme,
    Date,
}

fn default_base_url() -> String {
    "https://example.org/".to_string()
}
fn default_language() -> String {
    "en".to_string()
}
fn default_search_shard_bytes() -> usize {
    256 * 1024
}

fn default_paginate_by() -> usize {
    50
}
fn default_print_max_documents() -> usize {
    50
}
fn default_page_size() -> String {
    "A4".to_string()
}
fn default_pdf_output() -> PathBuf {
    PathBuf::from("briefing.pdf")
}
fn default_kinds() -> Vec<KindDef> {
    let kind = |slug: &str, name: &str, cues: &[&str]| KindDef {
        slug: slug.into(),
        name: name.into(),
        cues: cues.iter().map(|c| c.to_string()).collect(),
    };
    vec![
        kind(
            "joint-statement",
            "Joint statement",
            &[
                "joint statement",
                "joint press statement",
                "ministerial declaration",
                "declaration",
                "共同声明",
                "共同記者発表",
            ],
        ),
        kind("letter", "Letter", &["joint letter", "letter"]),
        kind(
            "recommendations",
            "Recommendations",
            &[
                "recommendations",
                "policy proposal",
                "position paper",
                "提言",
            ],
        ),
        kind(
            "press-release",
            "Press release",
            &[
                "press release",
                "news release",
                "held",
                "meeting summary",
                "readout",
                "fact sheet",
                "開催",
                "結果",
                "報道発表",
            ],
        ),
        kind(
            "commentary",
            "Commentary",
            &["commentary", "about the author", "opinion", "analysis"],
        ),
        kind("other", "Other", &[]),
    ]
}

/// That `root` is a folder: else a mistyped `--root` would be made, and an
/// empty site built in it.
pub fn check_project_folder(root: &Path) -> Result<()> {
    match root.is_dir() {
        true => Ok(()),
        false => Err(Error::config(
            root,
            "no such project folder: pass --root the folder that holds briefing.yaml, seeds/ or content/, or make one with `briefing init <folder>`",
        )),
    }
}

impl Config {
    /// Reads `briefing.yaml` from `root`. A folder without one is not a
    /// project: building the bundled corpus's taxonomy into it instead
    /// would publish a site about something else without a word.
    pub fn load(root: &Path) -> Result<Config> {
        check_project_folder(root)?;
        let path = root.join(CONFIG_FILE);
        if !path.exists() {
            return Err(Error::config(
                &path,
                format!(
                    "not found, so {} is not a briefing project: make one there with                      `briefing init {}`, or pass --root the folder that holds briefing.yaml",
                    root.display(),
                    root.display()
                ),
            ));
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        Config::parse(&text, &path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let config: Config =
            yaml_serde::from_str(text).map_err(|e| Error::yaml(path, text, 0, &e))?;
        config.validate(path)?;
        Ok(config)
    }

    fn validate(&self, path: &Path) -> Result<()> {
        check_slugs(path, "theme", self.themes.iter().map(|t| t.slug.as_str()))?;
        check_slugs(
            path,
            "dialogue",
            self.dialogues.iter().map(|d| d.slug.as_str()),
        )?;
        check_slugs(path, "kind", self.kinds.iter().map(|k| k.slug.as_str()))?;
        if !matches!(self.print.page_size.as_str(), "A4" | "Letter") {
            return Err(Error::config(
                path,
                format!(
                    "print.page_size is {:?}; use A4 or Letter",
                    self.print.page_size
                ),
            ));
        }
        Ok(())
    }

    pub fn theme(&self, slug: &str) -> Option<&ThemeDef> {
        self.themes.iter().find(|t| t.slug == slug)
    }
    pub fn dialogue(&self, slug: &str) -> Option<&DialogueDef> {
        self.dialogues.iter().find(|d| d.slug == slug)
    }
    pub fn kind(&self, slug: &str) -> Option<&KindDef> {
        self.kinds.iter().find(|k| k.slug == slug)
    }
}

/// Slugs become file names: only `a-z`, `0-9` and `-`, unique within their list.
fn check_slugs<'a>(path: &Path, what: &str, slugs: impl Iterator<Item = &'a str>) -> Result<()> {
    let mut seen = BTreeSet::new();
    for slug in slugs {
        let ok = !slug.is_empty()
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            return Err(Error::config(
                path,
                format!("{what} slug {slug:?} must be lower-case letters, digits and '-' only"),
            ));
        }
        if crate::util::is_reserved_name(slug) {
            return Err(Error::config(
                path,
                format!(
                    "{what} slug {slug:?} is a reserved file name on Windows; choose another, such as \"{slug}-x\""
                ),
            ));
        }
        if !seen.insert(slug) {
            return Err(Error::config(
                path,
                format!("{what} slug {slug:?} is defined twice; slugs must be unique"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_config_parses_with_a_full_taxonomy() {
        let config = Config::parse(DEFAULT_CONFIG, Path::new("briefing.yaml")).unwrap();
        assert!((12..=18).contains(&config.themes.len()));
        assert!(config.themes.iter().all(|t| !t.keywords.is_empty()));
        assert!(config.dialogue("us-japan-digital-economy").is_some());
    }

    #[test]
    fn unknown_key_is_an_error_with_its_line() {
        let err = Config::parse("title: x\nthemse: []\n", Path::new("b.yaml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("b.yaml:2"), "{msg}");
        assert!(msg.contains("themse"), "{msg}");
    }

    #[test]
    fn bad_slug_is_an_error() {
        let text = "title: x\nthemes:\n  - {slug: 'A I', name: AI}\n";
        let msg = Config::parse(text, Path::new("b.yaml"))
            .unwrap_err()
            .to_string();
        assert!(msg.contains("\"A I\""), "{msg}");
    }

    #[test]
    fn reserved_file_names_are_refused_as_slugs() {
        let text = "title: x\nthemes:\n  - {slug: aux, name: Aux}\n";
        let msg = Config::parse(text, Path::new("b.yaml"))
            .unwrap_err()
            .to_string();
        assert!(
            msg.starts_with("b.yaml: theme slug \"aux\" is a reserved file name"),
            "{msg}"
        );
    }

    #[test]
    fn bad_page_size_is_an_error() {
        let text = "title: x\nprint: {page_size: A3}\n";
        let msg = Config::parse(text, Path::new("b.yaml"))
            .unwrap_err()
            .to_string();
        assert!(msg.contains("A4 or Letter"), "{msg}");
    }
}
