//! The seeds as ingest reads them, for a stage that studies the whole
//! corpus rather than writing it (`suggest`): each seed's text through the
//! same reader, cleaning and chrome rules as `ingest`, with its title line
//! and header, and the series, acronyms and edge lines ingest would find.
//! Nothing here writes; a seed that cannot be read is an error naming it.

use std::path::Path;

use rayon::prelude::*;

use super::chrome::ChromeRules;
use super::clean::clean_lines;
use super::source::{self, seed_name};
use super::structure::structure;
use crate::config::Config;
use crate::error::{Error, Result};

pub use super::chrome::key as chrome_key;
pub use super::glossary::{acronyms, names_an_organisation, Acronym};
pub use super::head::names_a_document;
pub use super::learned::edge_lines;
pub use super::series::{english_party_names, Parties};
pub use super::series_names::{dialogue_series, propose, series_named, SeriesName};

/// A seed read as ingest reads it.
#[derive(Debug, Clone)]
pub struct SeedReading {
    /// Its path in the project (`seeds/a.txt`).
    pub name: String,
    /// The line ingest takes for its title, if any.
    pub title: Option<String>,
    /// The lines of the site's header above and around the title.
    pub header: Vec<String>,
    /// The document's text without chrome, a block a line.
    pub text: String,
    /// The whole capture as read, chrome and all.
    pub raw: String,
}

/// Every source in `root/seeds/`, read; the seeds that cannot be read are
/// the errors, each naming its file.
pub fn read_seeds(root: &Path, config: &Config) -> Result<(Vec<SeedReading>, Vec<Error>)> {
    let seeds = source::list(root)?.sources;
    let max_mb = config.ingest.max_seed_mb;
    let learned = super::learn_chrome(&seeds, max_mb);
    let ingest = &config.ingest;
    let rules = ChromeRules::new(&ingest.chrome_lines, &ingest.footer_markers, learned);
    let results: Vec<Result<SeedReading>> = seeds
        .par_iter()
        .map(|seed| {
            let bytes = seed.read_bytes(max_mb)?;
            let read = seed.read_text(&bytes)?;
            let name = seed_name(root, &seed.path);
            Ok(reading(name, read.text, &read.meta.titles, &rules))
        })
        .collect();
    let mut read = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(r) => read.push(r),
            Err(e) => errors.push(e),
        }
    }
    Ok((read, errors))
}

/// Whether ingest drops a line as chrome by its fixed rules and those of
/// `briefing.yaml`, before anything is learned from the corpus.
pub struct ChromeCheck(ChromeRules);

impl ChromeCheck {
    pub fn new(config: &Config) -> ChromeCheck {
        let ingest = &config.ingest;
        ChromeCheck(ChromeRules::new(
            &ingest.chrome_lines,
            &ingest.footer_markers,
            Default::default(),
        ))
    }

    pub fn is_chrome(&self, line: &str) -> bool {
        self.0.is_chrome_line(line)
    }

    /// Whether ingest cuts a page's rest from this line, near its end.
    pub fn is_footer(&self, line: &str) -> bool {
        self.0.is_footer_marker(line)
    }
}

/// `titles`: the titles the source's markup states, most trusted first.
fn reading(name: String, raw: String, titles: &[String], rules: &ChromeRules) -> SeedReading {
    let stripped = super::chrome::strip(clean_lines(&raw), rules);
    let breadcrumb_title = stripped.breadcrumb.last().map(String::as_str);
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let doc = structure(stripped.lines, breadcrumb_title, &titles);
    let text: Vec<&str> = doc.blocks.iter().map(|b| b.text()).collect();
    SeedReading {
        name,
        title: doc.title,
        header: doc.header,
        text: text.join("\n"),
        raw,
    }
}
