//! The search page's view and the index files beside it: `search-index.js`
//! (the manifest) at the site root, the term scripts under `search-terms/`,
//! the titles under `search-docs/` and the passage scripts, one a bucket of
//! about four documents, under `search/`.
//! The page itself is a form that works without JavaScript (it says so and
//! offers the index pages); `assets/search.js` does the searching.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use serde::Serialize;

use super::pages::View;
use super::plan::Page;
use super::views::{Layout, Link};
use crate::error::Result;
use crate::search::script::{doc_script_name, text_script, text_script_name};
use crate::search::{passages, shards, SearchIndex};
use crate::site::Site;

/// The index script, relative to the site root.
pub const INDEX_FILE: &str = "search-index.js";
pub use crate::search::script::{DOCS_DIR, TEXT_DIR};
pub use crate::search::shards::TERMS_DIR;

/// Whether the file at `path` in the site is one of the search scripts.
pub fn is_search_file(path: &str) -> bool {
    let under = |dir: &str| path.strip_prefix(dir).is_some_and(|p| p.starts_with('/'));
    path == INDEX_FILE || [TEXT_DIR, TERMS_DIR, DOCS_DIR].into_iter().any(under)
}

/// What writing the index produced, for the build summary.
#[derive(Debug, Default, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct IndexFiles {
    /// Size of `search-index.js`, which the search page always loads.
    pub index_bytes: u64,
    /// Number of term scripts, their total size and the largest one's:
    /// a query loads the few holding its terms.
    pub shards: usize,
    pub terms_bytes: u64,
    pub largest_shard_bytes: u64,
    /// Number of document scripts (names and titles, for the results shown).
    pub doc_scripts: usize,
    /// Total size of the passage scripts (one a bucket of documents), loaded
    /// a few at a time.
    pub text_bytes: u64,
    pub files: usize,
}

/// Builds the index from the model and writes its scripts under `out`;
/// `updatable` keeps what [`update_index_with`] needs (`serve`).
pub fn write_index(site: &Site, out: &Path, updatable: bool) -> Result<(IndexFiles, SearchIndex)> {
    write_index_with(site, out, updatable, &super::write)
}

/// [`write_index`] with the file writer given. Returns the index too, for
/// [`update_index_with`] to bring up to date after documents change.
pub fn write_index_with(
    site: &Site,
    out: &Path,
    updatable: bool,
    write: &(dyn Fn(&Path, &[u8]) -> Result<()> + Sync),
) -> Result<(IndexFiles, SearchIndex)> {
    folder(out, TEXT_DIR)?;
    let passages = PassageWriter::new(out, write);
    let index = SearchIndex::build_with(site, updatable, &|n, docs| passages.write(n, docs))?;
    let files = write_index_scripts(&index, site, out, write, passages)?;
    Ok((files, index))
}

/// Brings `index` up to date with `site` after the documents with the slugs
/// in `changed` were edited, added or removed, and writes `search-index.js`
/// and the passage scripts of the buckets holding those documents only (all
/// of them when the bucket count changed). Scripts of buckets left empty or
/// gone are left for the caller to remove (see [`passage_files`]).
pub fn update_index_with(
    index: &mut SearchIndex,
    site: &Site,
    changed: &BTreeSet<String>,
    out: &Path,
    write: &(dyn Fn(&Path, &[u8]) -> Result<()> + Sync),
) -> Result<IndexFiles> {
    folder(out, TEXT_DIR)?;
    let passages = PassageWriter::new(out, write);
    index.update_with(site, changed, &|n, docs| passages.write(n, docs))?;
    write_index_scripts(index, site, out, write, passages)
}

/// The term and document scripts of an index written as `files` under `out`.
pub fn script_files(out: &Path, files: &IndexFiles) -> BTreeSet<PathBuf> {
    let terms = (0..files.shards).map(|n| out.join(shards::file_name(n)));
    let docs = (0..files.doc_scripts).map(|n| out.join(doc_script_name(n)));
    terms.chain(docs).collect()
}

/// The passage scripts a site of `site`'s documents has under `out`: one
/// for each bucket that holds a document.
pub fn passage_files(site: &Site, out: &Path) -> BTreeSet<PathBuf> {
    let buckets = passages::buckets_used(&site.documents).into_iter();
    buckets.map(|n| out.join(text_script_name(n))).collect()
}

/// The folder `name` of the site at `out`, made if need be.
fn folder(out: &Path, name: &str) -> Result<PathBuf> {
    let dir = out.join(name);
    std::fs::create_dir_all(&dir).map_err(|e| crate::error::Error::io(&dir, e))?;
    Ok(dir)
}

/// The term scripts, each handed to `write` as it is made (never the whole
/// index in one buffer), then the manifest naming them.
fn write_index_scripts(
    index: &SearchIndex,
    site: &Site,
    out: &Path,
    write: &(dyn Fn(&Path, &[u8]) -> Result<()> + Sync),
    passages: PassageWriter,
) -> Result<IndexFiles> {
    folder(out, TERMS_DIR)?;
    let (mut terms_bytes, mut largest_shard_bytes) = (0, 0);
    let firsts = index.write_shards(site.config.search_shard_bytes, |n, bytes| {
        write(&out.join(shards::file_name(n)), bytes)?;
        terms_bytes += bytes.len() as u64;
        largest_shard_bytes = largest_shard_bytes.max(bytes.len() as u64);
        Ok(())
    })?;
    folder(out, DOCS_DIR)?;
    let doc_scripts =
        index.write_doc_scripts(|n, bytes| write(&out.join(doc_script_name(n)), bytes))?;
    let manifest = index.manifest(&firsts);
    write(&out.join(INDEX_FILE), &manifest)?;
    let files = passages.files.into_inner();
    Ok(IndexFiles {
        index_bytes: manifest.len() as u64,
        shards: firsts.len(),
        terms_bytes,
        largest_shard_bytes,
        doc_scripts,
        text_bytes: passages.bytes.into_inner(),
        files: files + firsts.len() + doc_scripts + 1,
    })
}

/// Writes passage scripts as the index reads buckets of documents (from
/// several threads), counting what it wrote.
struct PassageWriter<'a> {
    out: &'a Path,
    write: &'a (dyn Fn(&Path, &[u8]) -> Result<()> + Sync),
    files: AtomicUsize,
    bytes: AtomicU64,
}

impl<'a> PassageWriter<'a> {
    fn new(out: &'a Path, write: &'a (dyn Fn(&Path, &[u8]) -> Result<()> + Sync)) -> Self {
        PassageWriter {
            out,
            write,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        }
    }

    /// Writes bucket `number`, holding `documents` as (slug, passages).
    fn write(&self, number: usize, documents: &[(&str, Vec<String>)]) -> Result<()> {
        let script = text_script(documents);
        (self.write)(&self.out.join(text_script_name(number)), &script)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(script.len() as u64, Ordering::Relaxed);
        Ok(())
    }
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
