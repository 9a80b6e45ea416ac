//! What an ingest run reports, for the command's table and for `build`:
//! a row per document, with what ingest guessed in it, and the warnings,
//! errors and skipped files of the run.

use std::path::{Path, PathBuf};

use super::existing::Listing;
use super::series_names::NewSeries;
use super::source::{Skipped, Source, SourceKind};
use crate::content::{ContentText, DateSource, TitleSource};
use crate::error::Error;

/// What one ingest run did, for the command's table and for `build`.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub documents: Vec<IngestedDocument>,
    /// Problems that did not stop a document (unknown date, hand-edited file skipped …).
    pub warnings: Vec<String>,
    /// Seeds that could not be ingested; the others still were.
    pub errors: Vec<Error>,
    /// Files in `seeds/` of no kind ingest reads: the run left them out.
    pub skipped: Vec<Skipped>,
    /// With [`super::IngestOptions::keep_texts`], the content files this run
    /// rendered, as written.
    pub texts: Vec<ContentText>,
    /// Where copies of the hand-edited files this run replaced or removed
    /// were kept; `None` when it replaced none.
    pub backup: Option<PathBuf>,
    /// Series the documents ingested this run name that no dialogue of
    /// `briefing.yaml` covers, each a proposed `dialogues:` entry.
    pub new_series: Vec<NewSeries>,
}

impl IngestReport {
    pub fn failed(&self) -> bool {
        !self.errors.is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct IngestedDocument {
    pub seed: PathBuf,
    /// The input format the seed was read as.
    pub format: SourceKind,
    pub content: PathBuf,
    pub title: String,
    pub date: String,
    pub date_source: String,
    pub dialogues: Vec<String>,
    pub top_themes: Vec<String>,
    /// The front-matter keys ingest guessed or could not fill: each is
    /// worth setting in `seeds/<stem>.yaml`.
    pub unsure: Vec<&'static str>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Written,
    Unchanged,
    /// Edited by hand, so left as it is.
    KeptHandEdit,
    /// Edited by hand, and its seed (or the taxonomy) changed since: the
    /// edit stays, and the change is not in the site.
    KeptHandEditSeedChanged,
    /// Edited by hand and replaced by `--force`, after a copy was kept.
    ReplacedHandEdit,
}

/// The row of a document: `fm` is `None` when its content file's front
/// matter does not parse.
pub fn summary_row(
    source: &Source,
    content: &Path,
    fm: Option<&Listing>,
    outcome: Outcome,
) -> IngestedDocument {
    let fm_or = |f: fn(&Listing) -> String| fm.map(f).unwrap_or_default();
    IngestedDocument {
        seed: source.path.clone(),
        format: source.kind,
        content: content.to_path_buf(),
        title: fm_or(|f| f.title.clone()),
        date: fm_or(|f| {
            f.date
                .map_or_else(|| "unknown".to_string(), |d| d.to_string())
        }),
        date_source: fm_or(|f| date_source_name(f.date_source).to_string()),
        dialogues: fm.map(|f| f.dialogues.clone()).unwrap_or_default(),
        top_themes: fm
            .map(|f| f.themes.iter().take(3).map(|t| t.slug.clone()).collect())
            .unwrap_or_default(),
        unsure: fm.map(unsure_keys).unwrap_or_default(),
        outcome,
    }
}

/// The keys of a document's front matter that ingest made up (a title
/// from the opening), inferred (a date from a mention) or found nothing
/// for (who issued it).
fn unsure_keys(fm: &Listing) -> Vec<&'static str> {
    let title = fm.title_source == TitleSource::MadeUp;
    let date = matches!(fm.date_source, DateSource::Inferred | DateSource::Unknown);
    let organisations = fm.organisations.is_empty();
    [
        (title, "title"),
        (date, "date"),
        (organisations, "organisations"),
    ]
    .into_iter()
    .filter_map(|(unsure, key)| unsure.then_some(key))
    .collect()
}

/// How the front matter spells a date source.
fn date_source_name(source: DateSource) -> &'static str {
    match source {
        DateSource::Stated => "stated",
        DateSource::Inferred => "inferred",
        DateSource::Override => "override",
        DateSource::Unknown => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_sources_are_named_as_the_front_matter_spells_them() {
        for source in [
            DateSource::Stated,
            DateSource::Inferred,
            DateSource::Override,
            DateSource::Unknown,
        ] {
            let yaml = yaml_serde::to_string(&source).unwrap();
            assert_eq!(date_source_name(source), yaml.trim());
        }
    }
}
