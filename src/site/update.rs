//! Updating a loaded site after content files changed: the changed file is
//! parsed again, the others are kept as they are in memory, and every index
//! is derived afresh. What a full load would do differently (another site
//! glossary, which every body is rendered with) is refused, so the caller
//! loads in full instead.

use std::path::Path;

use super::document::{self, glossary_entries};
use super::{indexes, newest_first, ContentText, Document, Site};
use crate::error::{Error, Result};

/// What [`Site::update_document`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Update {
    /// The model now matches the content folder; the indexes were derived again.
    Applied,
    /// The document was swapped in where it was: nothing any index is
    /// derived from changed (its place, themes, dialogues, dates,
    /// recommendations, sections' themes, acronyms), so every index, every
    /// document id and the page plan stay as they were.
    Replaced,
    /// The change reaches every document (the site glossary changed): load the site in full.
    NeedsFullLoad,
}

impl Site {
    /// Re-reads the content file at `path` (a file that is gone drops its
    /// document) and re-derives the indexes. On an error the site is left
    /// as it was.
    pub fn update_document(&mut self, path: &Path) -> Result<Update> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => Some(ContentText::new(path.to_path_buf(), text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::io(path, e)),
        };
        let parsed = match &text {
            Some(text) => Some(document::parse(text, &self.config)?),
            None => None,
        };
        // A document made a draft is gone from the site, as if deleted.
        let parsed = parsed.filter(|p| p.is_published(self.drafts));
        let others = || self.documents.iter().filter(|d| !d.is_from(path));
        let own_glossary = self
            .documents
            .iter()
            .find(|d| d.is_from(path))
            .map(|d| &d.front.glossary);
        if own_glossary != parsed.as_ref().map(|p| &p.file.front_matter.glossary) {
            let old = glossary_entries(self.documents.iter().map(|d| (&*d.path, &d.front)));
            let new = glossary_entries(
                others()
                    .map(|d| (&*d.path, &d.front))
                    .chain(parsed.as_ref().map(|p| (path, &p.file.front_matter))),
            );
            if old != new {
                return Ok(Update::NeedsFullLoad);
            }
        }
        let glossary = std::sync::Arc::clone(&self.body_glossary);
        let project = document::Project::new(&self.root, &self.config, &glossary);
        let built = parsed.map(|p| document::build(p, &project));
        if let Some((doc, _)) = &built {
            if let Some(other) = others().find(|d| d.slug == doc.slug) {
                return Err(Error::input(
                    path,
                    format!(
                        "its page name {:?} is also that of {}; rename one of the files",
                        doc.slug,
                        other.path.display()
                    ),
                ));
            }
        }
        Ok(self.replace(path, built))
    }

    /// Swaps `built` in for the document read from `path` (taking it) when
    /// no index depends on what changed.
    fn replace_in_place(
        &mut self,
        path: &Path,
        built: &mut Option<(Document, Vec<String>)>,
    ) -> bool {
        let Some((new, _)) = built.as_ref() else {
            return false;
        };
        let Some(old) = self.documents.iter_mut().find(|d| d.is_from(path)) else {
            return false;
        };
        if IndexKey::of(old) != IndexKey::of(new) {
            return false;
        }
        let Some((mut doc, doc_warnings)) = built.take() else {
            return false;
        };
        doc.related = std::mem::take(&mut old.related);
        doc.neighbours = std::mem::take(&mut old.neighbours);
        *old = doc;
        let prefix = path.display().to_string();
        self.warnings.retain(|w| !w.starts_with(&prefix));
        self.warnings.extend(doc_warnings);
        true
    }

    /// Swaps the document read from `path` for `built`, deriving the
    /// indexes again unless none of them can have changed.
    fn replace(&mut self, path: &Path, mut built: Option<(Document, Vec<String>)>) -> Update {
        if self.replace_in_place(path, &mut built) {
            return Update::Replaced;
        }
        let mut documents = std::mem::take(&mut self.documents);
        documents.retain(|d| !d.is_from(path));
        let prefix = path.display().to_string();
        let mut warnings = std::mem::take(&mut self.warnings);
        warnings.retain(|w| !w.starts_with(&prefix));
        if let Some((doc, doc_warnings)) = built {
            documents.push(doc);
            warnings.extend(doc_warnings);
        }
        for doc in &mut documents {
            doc.related.clear();
            doc.neighbours.clear();
        }
        documents.sort_by(newest_first);
        let config = self.config.clone();
        let body_glossary = std::sync::Arc::clone(&self.body_glossary);
        *self = indexes::derive(&self.root, config, documents, warnings);
        self.body_glossary = body_glossary;
        Update::Applied
    }
}

/// Everything of a document that [`indexes::derive`] reads (its place in
/// the order included): when two versions agree on it, every index is the
/// same for both.
#[derive(PartialEq)]
struct IndexKey<'a> {
    slug: &'a str,
    date: Option<crate::content::PartialDate>,
    dialogues: &'a [String],
    themes: &'a [String],
    weights: &'a [crate::content::ThemeWeight],
    recommendations: &'a [crate::content::Recommendation],
    glossary: &'a std::collections::BTreeMap<String, String>,
    acronyms: &'a [String],
    sections: Vec<(&'a str, &'a [String])>,
    has_code: bool,
}

impl IndexKey<'_> {
    fn of(doc: &Document) -> IndexKey<'_> {
        IndexKey {
            slug: &doc.slug,
            date: doc.front.date,
            dialogues: &doc.front.dialogues,
            themes: &doc.themes,
            weights: &doc.front.themes,
            recommendations: &doc.front.recommendations,
            glossary: &doc.front.glossary,
            acronyms: &doc.acronyms,
            sections: doc
                .sections
                .iter()
                .map(|s| (s.id.as_str(), s.themes.as_slice()))
                .collect(),
            has_code: doc.has_code,
        }
    }
}
