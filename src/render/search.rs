//! The search page's view and the index files beside it: `search-index.js`
//! at the site root and one passages script per document under `search/`.
//! The page itself is a form that works without JavaScript (it says so and
//! offers the index pages); `assets/search.js` does the searching.

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use super::pages::View;
use super::plan::Page;
use super::views::{Layout, Link};
use crate::error::Result;
use crate::search::SearchIndex;
use crate::site::Site;

/// The index script, relative to the site root.
pub const INDEX_FILE: &str = "search-index.js";
/// The folder of per-document passage scripts.
pub const TEXT_DIR: &str = "search";

/// What writing the index produced, for the build summary.
#[derive(Debug, Default, Clone, Copy)]
pub struct IndexFiles {
    /// Size of `search-index.js`, which the search page always loads.
    pub index_bytes: u64,
    /// Total size of the passage scripts, loaded a few at a time.
    pub text_bytes: u64,
    pub files: usize,
}

/// Builds the index from the model and writes its scripts under `out`.
pub fn write_index(site: &Site, out: &Path) -> Result<IndexFiles> {
    write_index_with(site, out, &super::write)
}

/// [`write_index`] with the file writer given: a rebuild in place writes
/// atomically and only what changed.
pub fn write_index_with(
    site: &Site,
    out: &Path,
    write: &(dyn Fn(&Path, &[u8]) -> Result<()> + Sync),
) -> Result<IndexFiles> {
    let index = SearchIndex::build(site);
    let script = index.script();
    write(&out.join(INDEX_FILE), script.as_bytes())?;
    let mut files = IndexFiles {
        index_bytes: script.len() as u64,
        text_bytes: 0,
        files: 1,
    };
    let dir = out.join(TEXT_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| crate::error::Error::io(&dir, e))?;
    let written: Vec<u64> = (0..index.docs.len())
        .into_par_iter()
        .filter_map(|i| Some((i, index.text_script(i)?)))
        .map(|(i, text)| {
            let path = dir.join(format!("{}.js", index.docs[i].slug));
            write(&path, text.as_bytes())?;
            Ok(text.len() as u64)
        })
        .collect::<Result<_>>()?;
    files.text_bytes = written.iter().sum();
    files.files += written.len();
    Ok(files)
}

#[derive(Serialize)]
pub struct SearchPage<'a> {
    themes: Vec<Choice<'a>>,
    dialogues: Vec<Choice<'a>>,
    years: Vec<Choice<'a>>,
    /// Where readers go without JavaScript.
    indexes: Vec<Link<'a>>,
    index_script: String,
}

/// A filter choice: the value the form sends and the label readers see.
#[derive(Serialize)]
struct Choice<'a> {
    value: String,
    label: &'a str,
}

pub fn view<'a>(site: &'a Site, page: &Page) -> View<'a, SearchPage<'a>> {
    let root = page.root();
    let link = |label: &'a str, file: &str| Link {
        href: format!("{root}{file}"),
        label,
    };
    let used = |slug: &str, docs: &[usize]| !docs.is_empty() && !slug.is_empty();
    View {
        layout: Layout::new(site, page, "Search".into(), "search.html"),
        page: SearchPage {
            themes: site
                .themes
                .iter()
                .filter(|t| used(&t.slug, &t.documents))
                .map(|t| Choice {
                    value: t.slug.clone(),
                    label: site.theme_name(&t.slug),
                })
                .collect(),
            dialogues: site
                .dialogues
                .iter()
                .filter(|d| used(&d.slug, &d.chronology))
                .map(|d| Choice {
                    value: d.slug.clone(),
                    label: site.dialogue_name(&d.slug),
                })
                .collect(),
            years: site
                .years
                .iter()
                .rev()
                .map(|y| Choice {
                    value: y.label.clone(),
                    label: &y.label,
                })
                .collect(),
            indexes: vec![
                link("Themes", "themes.html"),
                link("Dialogues", "dialogues.html"),
                link("Years", "years.html"),
                link("Glossary", "glossary.html"),
            ],
            index_script: format!("{root}{INDEX_FILE}"),
        },
    }
}
