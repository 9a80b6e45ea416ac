//! Stage 1, seeds → content: clean captured text, recover its structure,
//! annotate it from `briefing.yaml`, and write `content/<slug>.md`.
//!
//! A run reads every `seeds/*.txt` (in parallel), skips seeds whose inputs
//! (seed, override, taxonomy, ingest version) are unchanged since the content
//! file was written, never overwrites a content file edited by hand (unless
//! forced), and writes only bytes that changed.

mod annotate;
mod chrome;
mod clean;
mod cues;
mod dates;
mod document;
mod existing;
mod glossary;
mod headings;
mod markdown;
mod outline;
mod read;
mod recommend;
mod sentences;
mod structure;
mod summary;
mod vocabulary;
mod write;

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{ContentText, DateSource};
use crate::error::{Error, Result};
use crate::util::{sha256_hex, slugify, write_if_changed};
use document::{Context, Ingested};
use existing::{index_content, ContentEntry, Existing, Listing};

pub use read::MAX_SEED_BYTES;

/// Changes whenever ingest would write different output for the same input,
/// so that seeds are ingested again after an upgrade.
const INGEST_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/ingest-3");

#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Overwrite content files even when they were edited by hand.
    pub force: bool,
    /// Keep the text of each content file written in [`IngestReport::texts`],
    /// for a build to take instead of reading the files back.
    pub keep_texts: bool,
}

/// What one ingest run did, for the command's table and for `build`.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub documents: Vec<IngestedDocument>,
    /// Problems that did not stop a document (unknown date, hand-edited file skipped …).
    pub warnings: Vec<String>,
    /// Seeds that could not be ingested; the others still were.
    pub errors: Vec<Error>,
    /// With [`IngestOptions::keep_texts`], the content files this run
    /// rendered, as written.
    pub texts: Vec<ContentText>,
}

#[derive(Debug, Clone)]
pub struct IngestedDocument {
    pub seed: PathBuf,
    pub content: PathBuf,
    pub title: String,
    pub date: String,
    pub date_source: String,
    pub dialogues: Vec<String>,
    pub top_themes: Vec<String>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Written,
    Unchanged,
    SkippedHandEdited,
}

impl IngestReport {
    pub fn failed(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// A seed after reading: either still to be written, or settled.
enum Prepared {
    Fresh {
        seed: PathBuf,
        ingested: Box<Ingested>,
        inputs: String,
        old_paths: Vec<PathBuf>,
    },
    Settled(IngestedDocument, Vec<String>),
}

/// Ingests every `seeds/*.txt` under `root` into `root/content/`.
pub fn ingest_project(
    root: &Path,
    config: &Config,
    options: &IngestOptions,
) -> Result<IngestReport> {
    let seeds = list_seeds(root)?;
    let content_dir = root.join("content");
    let (mut existing, unowned) = index_content(&content_dir)?;
    let ctx = Context::new(config);
    let config_hash = config_fingerprint(config);
    // One seed per task: seeds differ in length, and left to itself rayon
    // handed each thread a run of them that nobody could steal from, so
    // one core finished the last run alone.
    let prepared: Vec<Result<Prepared>> = seeds
        .par_iter()
        .with_max_len(1)
        .map(|seed| {
            let name = seed_name(root, seed);
            let entries = existing.get(&name).map_or(&[][..], Vec::as_slice);
            prepare(&ctx, seed, &name, entries, &config_hash, options.force)
        })
        .collect();

    let mut report = IngestReport::default();
    let mut reserved: BTreeSet<String> = unowned;
    let mut fresh = Vec::new();
    for result in prepared {
        match result {
            Ok(Prepared::Settled(doc, warnings)) => {
                reserved.insert(stem_of(&doc.content));
                report.warnings.extend(warnings);
                report.documents.push(doc);
            }
            Ok(fresh_doc) => fresh.push(fresh_doc),
            Err(e) => report.errors.push(e),
        }
    }
    let seed_names: BTreeSet<String> = seeds.iter().map(|s| seed_name(root, s)).collect();
    for (name, entries) in &existing {
        if !seed_names.contains(name) {
            for e in entries {
                reserved.insert(stem_of(&e.path));
                report.warnings.push(format!(
                    "{}: its seed {name} no longer exists; delete the file if it is not wanted",
                    rel(root, &e.path)
                ));
            }
        }
    }
    existing.clear();

    // Only a title used twice is the user's to fix; two long titles that
    // share their slug's first 64 characters just get a numbered slug.
    let mut titles: HashSet<String> = report.documents.iter().map(|d| d.title.clone()).collect();
    let mut planned = Vec::new();
    for p in fresh {
        let Prepared::Fresh {
            seed,
            ingested,
            inputs,
            old_paths,
        } = p
        else {
            continue;
        };
        let slug = unique_slug(&slugify(&ingested.front_matter.title), &mut reserved);
        if !titles.insert(ingested.front_matter.title.clone()) {
            report.warnings.push(format!(
                "{}: another document has the title {:?}; wrote content/{slug}.md (give it a distinct `title:` in {})",
                seed_name(root, &seed),
                ingested.front_matter.title,
                seed.with_extension("yaml").strip_prefix(root).unwrap_or(&seed).display()
            ));
        }
        planned.push((
            seed,
            ingested,
            inputs,
            old_paths,
            content_dir.join(format!("{slug}.md")),
        ));
    }
    let written: Vec<Result<Written>> = planned
        .into_par_iter()
        .with_max_len(1)
        .map(|(seed, ingested, inputs, old_paths, path)| {
            write_document(root, seed, *ingested, &inputs, &old_paths, path)
        })
        .collect();
    for result in written {
        match result {
            Ok(written) => {
                report.warnings.extend(written.warnings);
                report.documents.push(written.row);
                if options.keep_texts {
                    report.texts.push(written.text);
                }
            }
            Err(e) => report.errors.push(e),
        }
    }
    report.documents.sort_by(|a, b| a.seed.cmp(&b.seed));
    Ok(report)
}

/// One seed's bytes → the content file ingest would write for it, without
/// touching the disk (no override, nothing skipped): what the fuzzer and
/// tests drive. `seed_name` is the seed's path relative to the root.
pub fn ingest_bytes(config: &Config, seed_name: &str, bytes: &[u8]) -> Result<String> {
    let path = Path::new(seed_name);
    let text = read::check_text(path, bytes)?;
    let ctx = Context::new(config);
    let sha256 = sha256_hex(bytes);
    let ingested =
        document::ingest_text(&ctx, path, seed_name, &text, sha256, &Default::default())?;
    Ok(write::render(ingested.front_matter, &ingested.body, ""))
}

fn list_seeds(root: &Path) -> Result<Vec<PathBuf>> {
    let dir = root.join("seeds");
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(&dir, e)),
    };
    let mut seeds = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(&dir, e))?.path();
        if path.extension().is_some_and(|x| x == "txt") && path.is_file() {
            seeds.push(path);
        }
    }
    seeds.sort();
    Ok(seeds)
}

/// A seed whose content file is up to date is settled from the hashes of
/// its bytes alone; any other is checked, then ingested.
fn prepare(
    ctx: &Context<'_>,
    seed: &Path,
    name: &str,
    entries: &[ContentEntry],
    config_hash: &str,
    force: bool,
) -> Result<Prepared> {
    let bytes = read::read_seed_bytes(seed)?;
    let override_bytes = read::read_override_bytes(seed)?;
    let sha256 = sha256_hex(&bytes);
    let inputs = sha256_hex(
        format!(
            "{INGEST_VERSION}\n{sha256}\n{}\n{config_hash}",
            sha256_hex(override_bytes.as_deref().unwrap_or_default())
        )
        .as_bytes(),
    );
    if let (false, [entry]) = (force, entries) {
        if let Existing::Generated {
            listing,
            inputs: old,
        } = &entry.state
        {
            if *old == inputs {
                let doc = summary_row(seed, &entry.path, Some(listing), Outcome::Unchanged);
                return Ok(Prepared::Settled(doc, Vec::new()));
            }
        }
    }
    let text = read::check_text(seed, &bytes)?;
    let override_path = seed.with_extension("yaml");
    let overrides = match &override_bytes {
        Some(b) => read::parse_override(&override_path, b)?,
        None => Default::default(),
    };
    document::check_override(ctx.config, &override_path, &overrides)?;
    if !force {
        if let Some(settled) = hand_edited(seed, name, entries) {
            return Ok(settled);
        }
    }
    let ingested = document::ingest_text(ctx, seed, name, &text, sha256, &overrides)?;
    Ok(Prepared::Fresh {
        seed: seed.to_path_buf(),
        ingested: Box::new(ingested),
        inputs,
        old_paths: entries.iter().map(|e| e.path.clone()).collect(),
    })
}

/// The first content file of the seed that was edited by hand: ingest
/// leaves the seed alone and says why.
fn hand_edited(seed: &Path, name: &str, entries: &[ContentEntry]) -> Option<Prepared> {
    entries.iter().find_map(|entry| {
        let Existing::HandEdited(listing) = &entry.state else {
            return None;
        };
        let warning = format!(
            "{}: edited by hand, so ingest left it alone; run `briefing ingest --force` to overwrite it from {name}",
            Path::new("content").join(entry.path.file_name().unwrap_or_default()).display()
        );
        let doc = summary_row(
            seed,
            &entry.path,
            listing.as_deref(),
            Outcome::SkippedHandEdited,
        );
        Some(Prepared::Settled(doc, vec![warning]))
    })
}

/// A content file written (or found already holding its bytes).
struct Written {
    row: IngestedDocument,
    warnings: Vec<String>,
    text: ContentText,
}

fn write_document(
    root: &Path,
    seed: PathBuf,
    ingested: Ingested,
    inputs: &str,
    old_paths: &[PathBuf],
    path: PathBuf,
) -> Result<Written> {
    let listing = Listing::from(&ingested.front_matter);
    let (text, front_matter) = write::render_keeping(ingested.front_matter, &ingested.body, inputs);
    let changed = write_if_changed(&path, text.as_bytes())?;
    let mut warnings = ingested.warnings;
    for old in old_paths.iter().filter(|p| **p != path) {
        std::fs::remove_file(old).map_err(|e| Error::io(old, e))?;
        warnings.push(format!(
            "{}: removed; its seed now writes {} (the title changed)",
            rel(root, old),
            rel(root, &path)
        ));
    }
    let outcome = if changed {
        Outcome::Written
    } else {
        Outcome::Unchanged
    };
    Ok(Written {
        row: summary_row(&seed, &path, Some(&listing), outcome),
        warnings,
        text: ContentText {
            path,
            text,
            front_matter: Some(front_matter),
        },
    })
}

fn summary_row(
    seed: &Path,
    content: &Path,
    fm: Option<&Listing>,
    outcome: Outcome,
) -> IngestedDocument {
    let fm_or = |f: fn(&Listing) -> String| fm.map(f).unwrap_or_default();
    IngestedDocument {
        seed: seed.to_path_buf(),
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
        outcome,
    }
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

/// `base`, or `base-2`, `base-3` … with `base` shortened so the result is
/// still a slug that `slugify` leaves as it is (the site derives page names
/// from file names that way).
fn unique_slug(base: &str, reserved: &mut BTreeSet<String>) -> String {
    let mut slug = base.to_string();
    let mut n = 2;
    while reserved.contains(&slug) {
        let suffix = format!("-{n}");
        let keep = base.len().min(crate::util::MAX_SLUG_LEN - suffix.len());
        slug = format!("{}{suffix}", base[..keep].trim_end_matches('-'));
        n += 1;
    }
    reserved.insert(slug.clone());
    slug
}

/// The taxonomy and chrome rules, hashed: when they change, every seed is
/// annotated again.
fn config_fingerprint(config: &Config) -> String {
    let parts = (
        &config.themes,
        &config.dialogues,
        &config.kinds,
        &config.organisations,
        &config.ingest,
    );
    sha256_hex(serde_json::to_string(&parts).unwrap_or_default().as_bytes())
}

fn seed_name(root: &Path, seed: &Path) -> String {
    rel(root, seed)
}

fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn stem_of(path: &Path) -> String {
    document::stem(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::{slugify, MAX_SLUG_LEN};

    #[test]
    fn date_sources_are_named_as_the_front_matter_spells_them() {
        for source in [
            DateSource::Stated,
            DateSource::Inferred,
            DateSource::Override,
            DateSource::Unknown,
        ] {
            let yaml = serde_yaml::to_string(&source).unwrap();
            assert_eq!(date_source_name(source), yaml.trim());
        }
    }

    #[test]
    fn unique_slugs_of_long_titles_survive_slugify() {
        let base = slugify(&"word ".repeat(40));
        let mut reserved = BTreeSet::new();
        let first = unique_slug(&base, &mut reserved);
        let second = unique_slug(&base, &mut reserved);
        assert_eq!(first, base);
        assert_ne!(first, second);
        assert!(
            second.len() <= MAX_SLUG_LEN && second.ends_with("-2"),
            "{second}"
        );
        assert_eq!(slugify(&second), second);
    }
}
