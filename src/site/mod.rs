//! Stage 2, content → site model: reads `content/*.md`, checks their front
//! matter against the taxonomy of `briefing.yaml`, parses each markdown body
//! once, and derives every index the pages show (themes, dialogues, years,
//! glossary, the theme × year matrix, related documents, recurring pledges).
//! The model knows nothing of templates or output paths.

mod document;
mod glossary;
mod highlight;
mod indexes;
mod markdown;
mod pledges;
mod related;
mod sanitize;
pub mod saved_page;
mod section_text;
mod similar_pairs;
mod update;
mod validate;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
pub use crate::content::ContentText;
use crate::content::{FrontMatter, PartialDate, RecommendationKind};
use crate::error::{Error, Result};

pub use glossary::glossary_anchor;
pub use highlight::{stylesheet as highlight_stylesheet, syntaxes_loaded};
pub use indexes::shade;
pub use markdown::{escape_html, truncate_words};
pub use pledges::{Occurrence, Pledge};
pub use section_text::SectionTexts;
pub use update::Update;
pub use validate::validate_front_matter;

/// Index of a document in [`Site::documents`].
pub type DocId = usize;

/// The folder under the project root that holds the content files.
pub const CONTENT_DIR: &str = "content";

#[derive(Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    /// Newest first; undated documents last; ties by slug.
    pub documents: Vec<Document>,
    /// One per theme of the config, in config order.
    pub themes: Vec<ThemeIndex>,
    /// One per dialogue of the config, in config order.
    pub dialogues: Vec<DialogueIndex>,
    /// Years that have documents, oldest first.
    pub years: Vec<YearIndex>,
    /// Documents without a date: listed on the years index, never on a year page.
    pub undated: Vec<DocId>,
    /// Every acronym of every document's glossary, alphabetical.
    pub glossary: Vec<GlossaryEntry>,
    /// Theme × year counts, one row per theme, one cell per entry of `years`.
    pub matrix: Vec<MatrixRow>,
    /// Problems that did not stop the load (a missing source file, an unknown section class …).
    pub warnings: Vec<String>,
    /// The glossary the bodies were rendered with (acronyms marked up): an
    /// edit that leaves it as it was renders with it again.
    pub(crate) body_glossary: std::sync::Arc<glossary::Glossary>,
    /// Whether the documents marked `draft: true` are in it.
    pub drafts: Drafts,
}

/// Whether a site publishes the documents marked `draft: true`: a choice
/// of one build (`--drafts`), never a setting of `briefing.yaml`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Drafts {
    /// Left out of everything the site publishes.
    #[default]
    LeftOut,
    Published,
}

#[derive(Debug, Serialize)]
pub struct Document {
    pub slug: String,
    /// The content file it was read from.
    #[serde(skip)]
    pub path: PathBuf,
    pub front: FrontMatter,
    /// The body as HTML, ready to embed.
    pub html: String,
    /// The body's plain text by section, for search.
    #[serde(skip)]
    pub texts: SectionTexts,
    pub sections: Vec<Section>,
    /// Acronyms of the site glossary that occur in the body.
    pub acronyms: Vec<String>,
    pub has_code: bool,
    /// Theme slugs: front-matter themes by weight, then themes only its sections carry.
    pub themes: Vec<String>,
    /// The seed it was made from, when that file exists: copied into the site.
    pub source: Option<SourceFile>,
    /// Documents sharing the most themes with this one, best first.
    pub related: Vec<DocId>,
    /// Previous and next document in each of its dialogues.
    pub neighbours: Vec<Neighbours>,
    /// Digest of the content file's text: a build compares it with the
    /// previous build's to tell which documents changed.
    #[serde(skip)]
    pub digest: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub level: u8,
    /// Theme slugs from the heading's classes (`{#id .ai .telecom}`).
    pub themes: Vec<String>,
    /// The section's opening text, for passages on theme pages.
    pub excerpt: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceFile {
    /// Path of the seed inside the project.
    #[serde(skip)]
    pub path: PathBuf,
    /// File name under `sources/` in the built site.
    pub file_name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Neighbours {
    pub dialogue: String,
    pub prev: Option<DocId>,
    pub next: Option<DocId>,
}

#[derive(Debug)]
pub struct ThemeIndex {
    pub slug: String,
    /// Documents carrying the theme, newest first.
    pub documents: Vec<DocId>,
    /// Per document (same order), the sections tagged with the theme.
    pub passages: Vec<Passages>,
    /// Recommendations and commitments on the theme, recurring ones merged,
    /// newest first. Shared with the other themes a pledge is on: a copy per
    /// theme was a third of the model's memory.
    pub pledges: Vec<Arc<pledges::Pledge>>,
    /// Other themes found in the same documents, most shared first: (slug, documents).
    pub cooccurring: Vec<(String, usize)>,
}

#[derive(Debug, Serialize)]
pub struct Passages {
    pub doc: DocId,
    /// Indexes into the document's sections.
    pub sections: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub struct DialogueIndex {
    pub slug: String,
    /// Oldest first; undated last.
    pub chronology: Vec<DocId>,
    /// For each year the dialogue has documents, its themes by summed weight.
    pub theme_shift: Vec<YearThemes>,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearThemes {
    pub year: i32,
    pub themes: Vec<ThemeCount>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ThemeCount {
    pub slug: String,
    pub documents: usize,
    /// True when the theme did not appear in the previous year of the same list.
    pub new: bool,
}

#[derive(Debug, Serialize)]
pub struct YearIndex {
    pub year: i32,
    /// The year as text, for links and titles.
    pub label: String,
    /// Newest first.
    pub documents: Vec<DocId>,
    pub themes: Vec<ThemeCount>,
    pub prev: Option<i32>,
    pub next: Option<i32>,
}

#[derive(Debug, Serialize)]
pub struct GlossaryEntry {
    pub abbr: String,
    pub anchor: String,
    pub expansion: String,
    /// Documents that define or use it, newest first.
    pub documents: Vec<DocId>,
}

#[derive(Debug, Serialize)]
pub struct MatrixRow {
    pub theme: String,
    pub cells: Vec<MatrixCell>,
}

#[derive(Debug, Serialize)]
pub struct MatrixCell {
    pub year: i32,
    pub count: usize,
    /// 0 (none) to 4 (the most documents of any cell): the cell's shade.
    pub level: u8,
}

impl Document {
    /// Whether the document was read from `path`. File names first: a whole
    /// path compared component by component, for every document, was a
    /// hot spot of `serve`'s edits.
    pub fn is_from(&self, path: &Path) -> bool {
        self.path.file_name() == path.file_name() && self.path == path
    }
}

impl Site {
    /// Reads and cross-links every `content/*.md` under `root`, drafts left out.
    pub fn load(root: &Path, config: &Config) -> Result<Site> {
        Site::load_with(root, config, Vec::new(), Drafts::LeftOut)
    }

    /// [`Site::load`], taking the text of the files in `fresh` as given
    /// rather than reading it again: `build` hands over what ingest has just
    /// written, so a cold build reads no content file back.
    pub fn load_with(
        root: &Path,
        config: &Config,
        fresh: Vec<ContentText>,
        drafts: Drafts,
    ) -> Result<Site> {
        let mut fresh: std::collections::HashMap<PathBuf, ContentText> =
            fresh.into_iter().map(|f| (f.path.clone(), f)).collect();
        let files: Vec<(PathBuf, Option<ContentText>)> = content_paths(root)?
            .into_iter()
            .map(|path| {
                let text = fresh.remove(&path);
                (path, text)
            })
            .collect();
        drop(fresh);
        // Each file is read and parsed in one step and its text dropped: the
        // whole corpus is never in memory twice (text and parsed body).
        let parsed: Vec<Result<document::Parsed>> = files
            .into_par_iter()
            .map(|(path, text)| {
                let file = match text {
                    Some(text) => text,
                    None => read_content(&path)?,
                };
                document::parse(&file, config)
            })
            .collect();
        crate::util::trace_stage("reading the content");
        Site::from_parsed(root, config, parsed, drafts)
    }

    /// The model of content files already read (in file-name order),
    /// drafts left out; `root` is where seeds named in `source.file` are
    /// looked for.
    pub fn from_texts(root: &Path, config: &Config, files: &[ContentText]) -> Result<Site> {
        let parsed: Vec<Result<document::Parsed>> = files
            .par_iter()
            .map(|file| document::parse(file, config))
            .collect();
        Site::from_parsed(root, config, parsed, Drafts::LeftOut)
    }

    /// The model of parsed files (in file-name order), every error reported.
    fn from_parsed(
        root: &Path,
        config: &Config,
        parsed: Vec<Result<document::Parsed>>,
        drafts: Drafts,
    ) -> Result<Site> {
        let mut ok = Vec::new();
        let mut errors = Vec::new();
        for result in parsed {
            match result {
                Ok(p) => ok.push(p),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(Error::many(errors));
        }
        ok.retain(|p| p.is_published(drafts));
        let glossary = document::site_glossary(&ok);
        let project = document::Project::new(root, config, &glossary);
        let built: Vec<(Document, Vec<String>)> = ok
            .into_par_iter()
            .map(|p| document::build(p, &project))
            .collect();
        let mut documents = Vec::new();
        let mut warnings = Vec::new();
        for (doc, doc_warnings) in built {
            documents.push(doc);
            warnings.extend(doc_warnings);
        }
        assign_unique_slugs(&mut documents, &mut warnings);
        if documents.is_empty() {
            warnings.push(format!(
                "{}: no documents; put captured pages (plain text) in seeds/ or content files (.md) in content/",
                root.display()
            ));
        }
        documents.sort_by(newest_first);
        crate::util::trace_stage("rendering the bodies");
        let mut site = indexes::derive(root, config.clone(), documents, warnings);
        site.body_glossary = std::sync::Arc::new(glossary);
        site.drafts = drafts;
        Ok(site)
    }

    pub fn theme_name<'a>(&'a self, slug: &'a str) -> &'a str {
        self.config.theme(slug).map_or(slug, |t| t.name.as_str())
    }

    pub fn dialogue_name<'a>(&'a self, slug: &'a str) -> &'a str {
        self.config.dialogue(slug).map_or(slug, |d| d.name.as_str())
    }

    pub fn kind_name<'a>(&'a self, slug: &'a str) -> &'a str {
        self.config.kind(slug).map_or(slug, |k| k.name.as_str())
    }

    /// The site glossary the bodies were rendered with: each acronym and
    /// its expansion (the first definition by file name).
    pub fn glossary_entries(&self) -> &std::collections::BTreeMap<String, String> {
        &self.body_glossary.entries
    }

    /// Whether any document has a highlighted code block (pages then need its stylesheet).
    pub fn has_code(&self) -> bool {
        self.documents.iter().any(|d| d.has_code)
    }
}

/// Two files whose names slugify alike (`AI Letter.md`, `ai-letter.md`)
/// would write the same page: the first by file name keeps the slug, the
/// others get the first free `-2`, `-3` …, with a warning. `documents` is in
/// file-name order, so the result never depends on the file system.
fn assign_unique_slugs(documents: &mut [Document], warnings: &mut Vec<String>) {
    let natural: BTreeSet<String> = documents.iter().map(|d| d.slug.clone()).collect();
    let mut taken: BTreeMap<String, PathBuf> = BTreeMap::new();
    for doc in documents.iter_mut() {
        let Some(first) = taken.get(&doc.slug).cloned() else {
            taken.insert(doc.slug.clone(), doc.path.clone());
            continue;
        };
        let free = (2..)
            .map(|n| format!("{}-{n}", doc.slug))
            .find(|s| !natural.contains(s) && !taken.contains_key(s))
            .unwrap_or_default();
        warnings.push(format!(
            "{}: its page name {:?} is also that of {}; it is written as documents/{free}.html \
             (rename one of the files to choose the names)",
            doc.path.display(),
            doc.slug,
            first.display()
        ));
        doc.slug = free;
        taken.insert(doc.slug.clone(), doc.path.clone());
    }
}

/// Newest first, undated last, then by slug so the order never depends on the file system.
fn newest_first(a: &Document, b: &Document) -> std::cmp::Ordering {
    b.front
        .date
        .cmp(&a.front.date)
        .then_with(|| a.slug.cmp(&b.slug))
}

/// The `content/*.md` files under `root`, sorted by name, each read into memory.
pub fn content_files(root: &Path) -> Result<Vec<ContentText>> {
    content_paths(root)?
        .iter()
        .map(|p| read_content(p))
        .collect()
}

/// The paths of the `content/*.md` files under `root`, sorted by name.
fn content_paths(root: &Path) -> Result<Vec<PathBuf>> {
    let dir = root.join(CONTENT_DIR);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(&dir, e)),
    };
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(&dir, e))?.path();
        if path.extension().is_some_and(|x| x == "md") && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

/// One content file's text, which must be UTF-8.
fn read_content(path: &Path) -> Result<ContentText> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Error::input(
            path,
            format!("is not UTF-8 text (invalid byte at offset {at}): save it as UTF-8"),
        )
    })?;
    Ok(ContentText::new(path.to_path_buf(), text))
}

/// The months' names in English, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as readers see it: `18 October 2019`, `November 2021`, `2022`.
pub fn display_date(date: &PartialDate) -> String {
    let month = date.month.and_then(|m| MONTHS.get(m as usize - 1));
    match (date.day, month) {
        (Some(d), Some(m)) => format!("{d} {m} {}", date.year),
        (None, Some(m)) => format!("{m} {}", date.year),
        _ => date.year.to_string(),
    }
}

/// A word for a recommendation kind, for labels.
pub fn kind_label(kind: RecommendationKind) -> &'static str {
    match kind {
        RecommendationKind::Recommendation => "Recommendation",
        RecommendationKind::Commitment => "Commitment",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_words() {
        let d = |s| display_date(&PartialDate::parse(s).unwrap());
        assert_eq!(d("2019-10-18"), "18 October 2019");
        assert_eq!(d("2021-11"), "November 2021");
        assert_eq!(d("2022"), "2022");
    }
}
