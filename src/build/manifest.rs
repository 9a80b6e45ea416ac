//! The build manifest, `.<name>.build.json` beside the output folder (like
//! the lock): what the site in it was made from, so that the next build
//! takes every file whose inputs did not change from that site (a hard
//! link, nothing copied) and renders only the rest.
//!
//! A file is taken only when everything that feeds all pages is the same
//! (this binary, `briefing.yaml`, the templates and static files, the site
//! glossary, `SOURCE_DATE_EPOCH`), the pages that show a changed document
//! are left out ([`super::affected`], the judgement `serve` makes), and the
//! file on disk still has the size and modification time the manifest
//! recorded, so a page touched since (by hand, or by `serve`) is rendered
//! again. The manifest is removed before the new site is swapped in and
//! written after, so it never describes a folder it was not made with.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::affected::{affected, Snapshot};
use super::redirects::Addresses;
use crate::error::{Error, Result};
use crate::render::{self, search::IndexFiles, Page, Previous, SOURCES_DIR};
use crate::site::Site;
use crate::util::write_atomic;

/// Bumped whenever what the manifest records changes meaning.
const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
pub struct Manifest {
    format: u32,
    /// Digest of what every page depends on ([`inputs`]).
    inputs: String,
    /// Each document's digest (its content file and its seed), by slug.
    documents: BTreeMap<String, String>,
    snapshot: Snapshot,
    /// The search scripts' figures, for the report when they are taken.
    search: IndexFiles,
    /// Every file of the site, by path inside it, as the build left it.
    files: BTreeMap<String, Stamp>,
    /// Each document's page and the addresses that moved, for redirects.
    #[serde(default)]
    addresses: Addresses,
}

/// What tells a file apart from the one the manifest recorded.
#[derive(Serialize, Deserialize, PartialEq, Eq, Clone, Copy)]
struct Stamp {
    len: u64,
    /// Nanoseconds since the Unix epoch.
    modified: u128,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: modified.as_nanos(),
        })
    }
}

/// The manifest of the output folder `output`.
pub fn manifest_path(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
    output.with_file_name(format!(".{name}.build.json"))
}

/// The previous build's manifest; `None` when there is none, or it cannot
/// be read or is of another format (then everything is rendered).
pub fn read(output: &Path) -> Option<Manifest> {
    let bytes = std::fs::read(manifest_path(output)).ok()?;
    serde_json::from_slice::<Manifest>(&bytes)
        .ok()
        .filter(|m| m.format == FORMAT)
}

/// Records `addresses` in the manifest of the site at `output`, when it
/// has one: the pages `serve` moved in place, whose old addresses the next
/// build keeps leading on.
pub fn record_addresses(output: &Path, addresses: &Addresses) -> Result<()> {
    match read(output) {
        Some(mut manifest) if manifest.addresses != *addresses => {
            manifest.addresses = addresses.clone();
            manifest.write(output)
        }
        _ => Ok(()),
    }
}

/// Removes the manifest, before the site it describes is replaced.
pub fn remove(output: &Path) -> Result<()> {
    let path = manifest_path(output);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(&path, e)),
        _ => Ok(()),
    }
}

/// What a site is made from, taken once per build: the previous manifest is
/// judged by it and the new one records it.
pub struct Inputs {
    /// Digest of what every page depends on besides the documents it reads.
    pages: String,
    /// Each document's digest, by slug ([`document_digests`]).
    documents: BTreeMap<String, String>,
}

/// The inputs of `site`'s pages.
pub fn inputs(site: &Site) -> Result<Inputs> {
    Ok(Inputs {
        pages: shared_inputs(site)?,
        documents: document_digests(site),
    })
}

/// Digest of what every page depends on besides the documents it reads.
fn shared_inputs(site: &Site) -> Result<String> {
    let mut hasher = Sha256::new();
    let mut add = |label: &str, bytes: &[u8]| {
        hasher.update((label.len() as u64).to_le_bytes());
        hasher.update(label);
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    add("format", &FORMAT.to_le_bytes());
    add("version", env!("CARGO_PKG_VERSION").as_bytes());
    add("binary", binary_stamp().as_bytes());
    let config = site.root.join(crate::config::CONFIG_FILE);
    add("config", &std::fs::read(&config).unwrap_or_default());
    add("base_url", site.config.base_url.as_bytes());
    for (name, text) in render::assets::templates(&site.root)? {
        add(&name, text.as_bytes());
    }
    for (name, bytes) in render::assets::static_files(&site.root)? {
        add(&name, &bytes);
    }
    add(
        "glossary",
        format!("{:?}", site.glossary_entries()).as_bytes(),
    );
    let epoch = std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default();
    add("SOURCE_DATE_EPOCH", epoch.as_bytes());
    Ok(crate::util::hex(&hasher.finalize()))
}

/// The running binary's size and time: a rebuilt `briefing` renders anew.
fn binary_stamp() -> String {
    let stamp = std::env::current_exe().ok().and_then(|exe| Stamp::of(&exe));
    stamp.map_or_else(String::new, |s| format!("{}:{}", s.len, s.modified))
}

/// Each document's digest by slug: its content file's text, and where it
/// has one, its seed's size and time (the seed is copied into the site).
fn document_digests(site: &Site) -> BTreeMap<String, String> {
    let digest = |doc: &crate::site::Document| {
        let source = doc.source.as_ref().and_then(|s| Stamp::of(&s.path));
        let source = source.map_or_else(String::new, |s| format!(":{}:{}", s.len, s.modified));
        (doc.slug.clone(), format!("{}{source}", doc.digest))
    };
    site.documents.par_iter().map(digest).collect()
}

impl Manifest {
    /// The manifest of the site just written to `output`.
    pub fn of(
        inputs: Inputs,
        snapshot: Snapshot,
        search: IndexFiles,
        addresses: Addresses,
        output: &Path,
    ) -> Manifest {
        let files: Vec<String> = walkdir::WalkDir::new(output)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| site_path(output, e.path()))
            .collect();
        let files = files
            .into_par_iter()
            .filter_map(|path| Some((Stamp::of(&output.join(&path))?, path)))
            .map(|(stamp, path)| (path, stamp))
            .collect();
        Manifest {
            format: FORMAT,
            inputs: inputs.pages,
            documents: inputs.documents,
            snapshot,
            search,
            files,
            addresses,
        }
    }

    /// The documents' addresses when the site in the folder was built.
    pub fn addresses(&self) -> &Addresses {
        &self.addresses
    }

    /// The snapshot it holds, back for `serve`.
    pub fn into_snapshot(self) -> Snapshot {
        self.snapshot
    }

    /// Writes the manifest beside `output`.
    pub fn write(&self, output: &Path) -> Result<()> {
        let path = manifest_path(output);
        let json = serde_json::to_vec(self).map_err(|e| Error::input(&path, e.to_string()))?;
        write_atomic(&path, &json)
    }

    /// What of the previous site at `output` this build can take as it is:
    /// `None` when nothing can (the inputs of every page changed).
    pub fn reusable(
        &self,
        site: &Site,
        plan: &[Page],
        snapshot: &Snapshot,
        inputs: &Inputs,
        output: &Path,
    ) -> Option<Previous> {
        if self.inputs != inputs.pages || self.snapshot.has_code != snapshot.has_code {
            return None;
        }
        let changed = changed_documents(&self.documents, &inputs.documents);
        let redo: HashSet<&str> = affected(plan, Some(&self.snapshot), snapshot, &changed)
            .into_iter()
            .map(|p| p.path.as_str())
            .collect();
        let pages = plan.iter().map(|p| p.path.clone());
        let sources = site.documents.iter().filter_map(|d| {
            let source = d.source.as_ref()?;
            (!changed.contains(&d.slug)).then(|| format!("{SOURCES_DIR}/{}", source.file_name))
        });
        let candidates: Vec<String> = pages
            .filter(|path| !redo.contains(path.as_str()))
            .chain(sources)
            .collect();
        let keep = candidates
            .into_par_iter()
            .filter(|path| self.unchanged(output, path))
            .collect();
        Some(Previous {
            dir: output.to_path_buf(),
            keep,
            search: self.unchanged_search(output, &changed),
        })
    }

    /// The search scripts, when no document changed and every one of them
    /// is as recorded: they are taken all together or not at all.
    fn unchanged_search(
        &self,
        output: &Path,
        changed: &BTreeSet<String>,
    ) -> Option<(Vec<String>, IndexFiles)> {
        if !changed.is_empty() {
            return None;
        }
        let files: Vec<String> = self.search_files().map(str::to_string).collect();
        let whole = !files.is_empty() && files.iter().all(|f| self.unchanged(output, f));
        whole.then_some((files, self.search))
    }

    fn search_files(&self) -> impl Iterator<Item = &str> {
        self.files
            .keys()
            .map(String::as_str)
            .filter(|f| render::search::is_search_file(f))
    }

    /// Whether the file at `path` in the site is still the one recorded.
    fn unchanged(&self, output: &Path, path: &str) -> bool {
        let recorded = self.files.get(path);
        recorded.is_some() && recorded.copied() == Stamp::of(&output.join(path))
    }
}

/// Slugs of the documents added, removed or changed.
fn changed_documents(
    before: &BTreeMap<String, String>,
    now: &BTreeMap<String, String>,
) -> BTreeSet<String> {
    let differs = |slug: &String| before.get(slug) != now.get(slug);
    before
        .keys()
        .chain(now.keys())
        .filter(|slug| differs(slug))
        .cloned()
        .collect()
}

/// `path` inside the site at `output`, with `/` separators.
fn site_path(output: &Path, path: &Path) -> Option<String> {
    let inside = path.strip_prefix(output).ok()?;
    let parts: Option<Vec<&str>> = inside
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    Some(parts?.join("/"))
}
