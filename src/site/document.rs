//! One content file → one [`Document`]: front matter parsed and checked,
//! body rendered, its seed located for provenance.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use super::glossary::Glossary;
use super::markdown;
use super::{validate, ContentText, Document, SourceFile};
use crate::config::Config;
use crate::content::{ContentFile, FrontMatter};
use crate::error::{Error, Result};
use crate::util::{quick_digest, slugify};

/// A content file whose front matter parsed and validated. It owns what
/// it needs, so the file's text can be dropped as soon as it is parsed.
pub struct Parsed {
    pub path: PathBuf,
    pub file: ContentFile,
    /// Digest of the file's text (see [`Document::digest`]).
    pub digest: String,
}

impl Parsed {
    /// A draft is left out (before anything, its glossary included, is
    /// taken from it) unless the build asked for drafts.
    pub fn is_published(&self, drafts: super::Drafts) -> bool {
        drafts == super::Drafts::Published || !self.file.front_matter.draft
    }
}

/// Parses and validates one file, reporting every problem in it.
pub fn parse(text: &ContentText, config: &Config) -> Result<Parsed> {
    let file = match &text.front_matter {
        Some(front_matter) => {
            ContentFile::with_front_matter(&text.path, &text.text, front_matter.clone())?
        }
        None => ContentFile::parse(&text.path, &text.text)?,
    };
    let errors =
        validate::validate_front_matter(&text.path, &text.text, &file.front_matter, config);
    if !errors.is_empty() {
        return Err(Error::many(errors));
    }
    Ok(Parsed {
        path: text.path.clone(),
        file,
        digest: quick_digest(text.text.as_bytes()),
    })
}

/// The site's glossary: every document's acronyms; the first definition (by
/// file name) wins, so the result never depends on load order.
pub fn site_glossary(parsed: &[Parsed]) -> Glossary {
    Glossary::new(glossary_entries(
        parsed.iter().map(|p| (&*p.path, &p.file.front_matter)),
    ))
}

/// The glossary's entries from each file's front matter, the first
/// definition by file name winning.
pub fn glossary_entries<'a>(
    files: impl Iterator<Item = (&'a Path, &'a FrontMatter)>,
) -> BTreeMap<String, String> {
    let mut files: Vec<_> = files.collect();
    // Byte order of the whole path: for files of one folder, the order of
    // their names, without comparing component by component.
    files.sort_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    let mut entries = BTreeMap::new();
    for (_, front) in files {
        for (abbr, expansion) in &front.glossary {
            if abbr.trim().is_empty() || expansion.trim().is_empty() {
                continue;
            }
            entries
                .entry(abbr.clone())
                .or_insert_with(|| expansion.clone());
        }
    }
    entries
}

/// What building each document of a load needs of the project, made once
/// for all of them.
pub struct Project<'a> {
    root: &'a Path,
    /// `root` with its links resolved, which a source file must be inside;
    /// `None` when it cannot be resolved (no source is then linked).
    canonical_root: Option<PathBuf>,
    config: &'a Config,
    glossary: &'a Glossary,
    /// Theme slug → name.
    themes: BTreeMap<String, String>,
}

impl<'a> Project<'a> {
    pub fn new(root: &'a Path, config: &'a Config, glossary: &'a Glossary) -> Project<'a> {
        Project {
            root,
            canonical_root: root.canonicalize().ok(),
            config,
            glossary,
            themes: (config.themes.iter())
                .map(|t| (t.slug.clone(), t.name.clone()))
                .collect(),
        }
    }
}

/// Renders the body and gathers what the indexes need; warnings name file and line.
pub fn build(parsed: Parsed, project: &Project) -> (Document, Vec<String>) {
    let path = &parsed.path;
    let digest = parsed.digest;
    let file = parsed.file;
    let config = project.config;
    let cx = markdown::Context {
        glossary: project.glossary,
        themes: &project.themes,
        allow_raw_html: config.allow_raw_html,
    };
    let rendered = markdown::render(&file.body, &cx);
    let mut warnings = Vec::new();
    for (offset, class) in &rendered.unknown_classes {
        let line = file.body_line + file.body[..*offset].matches('\n').count();
        warnings.push(format!(
            "{}:{line}: heading class `.{class}` is not a theme slug in briefing.yaml; it is ignored",
            path.display()
        ));
    }
    for rec in &file.front_matter.recommendations {
        let before_first_heading = rec.section.is_empty();
        if !before_first_heading && !rendered.sections.iter().any(|s| s.id == rec.section) {
            warnings.push(format!(
                "{}: recommendation names section {:?}, which has no heading with that id",
                path.display(),
                rec.section
            ));
        }
    }
    for (abbr, expansion) in &file.front_matter.glossary {
        if abbr.trim().is_empty() || expansion.trim().is_empty() {
            warnings.push(format!(
                "{}: glossary entry {abbr:?} has no expansion (in a YAML flow map, quote an expansion that holds a comma); it is ignored",
                path.display()
            ));
        }
    }
    let source = locate_source(project, &file, path, &mut warnings);
    let mut doc_themes: Vec<(f64, String)> = file
        .front_matter
        .themes
        .iter()
        .map(|t| (t.weight, t.slug.clone()))
        .collect();
    doc_themes.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut all_themes: Vec<String> = doc_themes.into_iter().map(|(_, s)| s).collect();
    for section in &rendered.sections {
        for theme in &section.themes {
            if !all_themes.contains(theme) {
                all_themes.push(theme.clone());
            }
        }
    }
    let slug = match &file.front_matter.slug {
        Some(slug) => slug.clone(),
        None => path
            .file_stem()
            .map(|s| slugify(&s.to_string_lossy()))
            .unwrap_or_default(),
    };
    let doc = Document {
        slug,
        path: path.clone(),
        front: file.front_matter,
        html: rendered.html,
        texts: rendered.texts,
        sections: rendered.sections,
        acronyms: rendered.acronyms.into_iter().collect(),
        has_code: rendered.has_code,
        themes: all_themes,
        source,
        related: Vec::new(),
        neighbours: Vec::new(),
        digest,
    };
    (doc, warnings)
}

/// The seed named in `source.file`, when it is a plain relative path to a file in the project.
fn locate_source(
    project: &Project,
    file: &ContentFile,
    path: &Path,
    warnings: &mut Vec<String>,
) -> Option<SourceFile> {
    let source = file.front_matter.source.as_ref()?;
    let relative = Path::new(&source.file);
    let plain = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    let full = project.root.join(relative);
    // A symbolic link could point out of the project (at /etc/passwd): the
    // file itself must be inside it, or it would be published.
    let inside = match (full.canonicalize(), &project.canonical_root) {
        (Ok(file), Some(root)) => file.starts_with(root) && file.is_file(),
        _ => false,
    };
    if !plain || !inside {
        warnings.push(format!(
            "{}: source file {:?} is not a file inside the project; the page will not link to it",
            path.display(),
            source.file
        ));
        return None;
    }
    let file_name = relative.file_name()?.to_string_lossy().to_string();
    Some(SourceFile {
        path: full,
        file_name,
    })
}
