//! Stage 1, seeds → content: clean captured text, recover its structure,
//! annotate it from `briefing.yaml`, and write `content/<slug>.md`.
//!
//! A run reads every source in `seeds/` (in parallel; [`source`] decides
//! which files those are and reads each by its kind), skips seeds whose inputs
//! (seed, override, taxonomy, ingest version) are unchanged since the content
//! file was written, never overwrites a content file edited by hand (unless
//! forced for that seed, and then only after a copy is kept), and writes
//! only bytes that changed.

mod annotate;
mod backup;
mod chrome;
mod clean;
mod cues;
mod dates;
mod document;
mod existing;
mod glossary;
mod head;
mod headings;
mod html;
mod learned;
mod markdown;
mod markdown_source;
mod markup;
mod outline;
mod pdf;
mod read;
pub mod reading;
mod recommend;
mod report;
mod sentences;
mod series;
mod series_filing;
mod series_names;
mod source;
mod structure;
mod summary;
mod term_matcher;
mod write;

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::error::Result;
use crate::util::{sha256_hex, slugify};
use backup::Backup;
use document::{Context, Ingested};
use existing::{index_content, ContentEntry, Existing};
use report::summary_row;
use source::{seed_name, Source};
use write::{Planned, Written};

pub use backup::BACKUP_DIR;
pub use html::capture as page_capture;
pub use read::{SeedText, SourceMeta, MAX_SEED_BYTES};
pub use report::{IngestReport, IngestedDocument, Outcome};
pub use series::{ambiguous_aliases, AmbiguousAlias};
pub use series_names::NewSeries;
pub use source::{has_sources, named_seeds, Skipped, SourceKind};

/// Changes whenever ingest would write different output for the same input,
/// so that seeds are ingested again after an upgrade.
const INGEST_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/ingest-17");

#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// The seeds whose content files are written even when edited by hand.
    pub force: Force,
    /// Keep the text of each content file written in [`IngestReport::texts`],
    /// for a build to take instead of reading the files back.
    pub keep_texts: bool,
}

/// Which seeds' hand-edited content files `--force` replaces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Force {
    #[default]
    None,
    All,
    /// These seeds, by their path in the project (`seeds/a.txt`).
    Seeds(BTreeSet<String>),
}

impl Force {
    fn covers(&self, seed_name: &str) -> bool {
        match self {
            Force::None => false,
            Force::All => true,
            Force::Seeds(names) => names.contains(seed_name),
        }
    }
}

/// A seed after reading: either still to be written, or settled.
enum Prepared {
    Fresh {
        source: Source,
        ingested: Box<Ingested>,
        inputs: String,
        old_paths: Vec<PathBuf>,
        /// Of `old_paths`, those edited by hand (forced): kept before they go.
        hand_edited: Vec<PathBuf>,
    },
    Settled(IngestedDocument, Vec<String>),
}

/// Ingests every source in `root/seeds/` into `root/content/`.
pub fn ingest_project(
    root: &Path,
    config: &Config,
    options: &IngestOptions,
) -> Result<IngestReport> {
    let source::Seeds {
        sources: seeds,
        skipped,
    } = source::list(root)?;
    let content_dir = root.join("content");
    let (mut existing, unowned) = index_content(&content_dir)?;
    let learned = learn_chrome(&seeds, config.ingest.max_seed_mb);
    let config_hash = config_fingerprint(config, &learned);
    let ctx = Context::with_learned_chrome(config, learned);
    // One seed per task: seeds differ in length, and left to itself rayon
    // handed each thread a run of them that nobody could steal from, so
    // one core finished the last run alone.
    let prepared: Vec<Result<Prepared>> = seeds
        .par_iter()
        .with_max_len(1)
        .map(|seed| {
            let name = seed_name(root, &seed.path);
            let entries = existing.get(&name).map_or(&[][..], Vec::as_slice);
            let force = options.force.covers(&name);
            prepare(&ctx, seed, &name, entries, &config_hash, force)
        })
        .collect();

    let mut report = IngestReport {
        skipped,
        ..IngestReport::default()
    };
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
    let seed_names: BTreeSet<String> = seeds.iter().map(|s| seed_name(root, &s.path)).collect();
    for (name, entries) in &existing {
        if entries.len() > 1 {
            report
                .warnings
                .push(duplicates_warning(root, name, entries));
        }
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
    let mut named_series = Vec::new();
    for p in fresh {
        let Prepared::Fresh {
            source,
            ingested,
            inputs,
            old_paths,
            hand_edited,
        } = p
        else {
            continue;
        };
        let base = match &ingested.front_matter.slug {
            Some(slug) => slug.clone(),
            None => content_slug(&ingested.front_matter.title, &source.path),
        };
        let slug = unique_slug(&base, &mut reserved);
        let name = seed_name(root, &source.path);
        named_series.extend(
            ingested
                .new_series
                .iter()
                .map(|s| (name.clone(), s.clone())),
        );
        if !titles.insert(ingested.front_matter.title.clone()) {
            report.warnings.push(format!(
                "{}: another document has the title {:?}; wrote content/{slug}.md (give it a distinct `title:` in {})",
                name,
                ingested.front_matter.title,
                seed_name(root, &source::override_path(&source.path))
            ));
        }
        planned.push(Planned {
            source,
            ingested: *ingested,
            inputs,
            old_paths,
            hand_edited,
            path: content_dir.join(format!("{slug}.md")),
        });
    }
    report.new_series = series_names::propose(named_series);
    let backup = Backup::new(root);
    let written: Vec<Result<Written>> = planned
        .into_par_iter()
        .with_max_len(1)
        .map(|planned| write::write_document(root, planned, &backup))
        .collect();
    report.backup = backup.folder().map(Path::to_path_buf);
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
    let source = read_source(path, bytes)?;
    let ctx = Context::new(config);
    let sha256 = sha256_hex(bytes);
    let ingested =
        document::ingest_text(&ctx, path, seed_name, &source, sha256, &Default::default())?;
    Ok(write::render(ingested.front_matter, &ingested.body, ""))
}

/// A source's bytes as the reader of its kind (by `path`'s extension)
/// turns them into text and metadata, before any stage: what the
/// benchmarks score against other readers.
pub fn read_source(path: &Path, bytes: &[u8]) -> Result<SeedText> {
    let kind = SourceKind::of(path).ok_or_else(|| source::unsupported(path))?;
    kind.read(path, bytes)
}

/// The files in `root/seeds/` ingest leaves out, for a build that runs no
/// ingest (no source is there) to name; none when the folder cannot be read.
pub fn skipped_seeds(root: &Path) -> Vec<Skipped> {
    source::list(root).map(|s| s.skipped).unwrap_or_default()
}

/// A seed whose content file is up to date is settled from the hashes of
/// its bytes alone; any other is checked, then ingested.
fn prepare(
    ctx: &Context<'_>,
    source: &Source,
    name: &str,
    entries: &[ContentEntry],
    config_hash: &str,
    force: bool,
) -> Result<Prepared> {
    let seed = &source.path;
    let bytes = source.read_bytes(ctx.config.ingest.max_seed_mb)?;
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
                let doc = summary_row(source, &entry.path, Some(listing), Outcome::Unchanged);
                return Ok(Prepared::Settled(doc, Vec::new()));
            }
        }
    }
    let text = source.read_text(&bytes)?;
    let override_path = source::override_path(seed);
    let overrides = match &override_bytes {
        Some(b) => read::parse_override(&override_path, b)?,
        None => Default::default(),
    };
    document::check_override(ctx.config, &override_path, &overrides)?;
    if !force {
        if let Some(settled) = hand_edited(source, name, entries, &inputs) {
            return Ok(settled);
        }
    }
    let mut ingested = document::ingest_text(ctx, seed, name, &text, sha256, &overrides)?;
    if let Some(encoding) = text.legacy_encoding {
        ingested.warnings.push(format!(
            "{name}: not UTF-8; read as {encoding}. If its letters look wrong on the site, \
             re-save it as UTF-8"
        ));
    }
    Ok(Prepared::Fresh {
        source: source.clone(),
        ingested: Box::new(ingested),
        inputs,
        old_paths: entries.iter().map(|e| e.path.clone()).collect(),
        hand_edited: entries
            .iter()
            .filter(|e| matches!(e.state, Existing::HandEdited(_)))
            .map(|e| e.path.clone())
            .collect(),
    })
}

/// The first content file of the seed that was edited by hand: ingest
/// leaves the seed alone. That is news only when the seed's inputs changed
/// after the edit, so only then is there a warning.
fn hand_edited(
    source: &Source,
    name: &str,
    entries: &[ContentEntry],
    inputs: &str,
) -> Option<Prepared> {
    entries.iter().find_map(|entry| {
        let Existing::HandEdited(edit) = &entry.state else {
            return None;
        };
        let seed_changed = edit.inputs.as_deref().is_some_and(|old| old != inputs);
        let (outcome, warnings) = match seed_changed {
            false => (Outcome::KeptHandEdit, Vec::new()),
            true => (
                Outcome::KeptHandEditSeedChanged,
                vec![seed_changed_warning(name, &entry.path)],
            ),
        };
        let doc = summary_row(source, &entry.path, edit.listing.as_ref(), outcome);
        Some(Prepared::Settled(doc, warnings))
    })
}

fn seed_changed_warning(seed_name: &str, content: &Path) -> String {
    let file = Path::new("content").join(content.file_name().unwrap_or_default());
    format!(
        "{}: edited by hand, and {seed_name} (or the taxonomy in briefing.yaml) changed since, \
         so the site still shows the edited version. To take the new one instead, run \
         `briefing ingest --force {seed_name}` (a copy of the edited file is kept in {BACKUP_DIR}/)",
        file.display()
    )
}

fn duplicates_warning(root: &Path, seed_name: &str, entries: &[ContentEntry]) -> String {
    let files: Vec<String> = entries.iter().map(|e| rel(root, &e.path)).collect();
    format!(
        "{} all come from {seed_name}, so the site shows that document {} times: delete the ones you do not want",
        files.join(", "),
        files.len()
    )
}

/// The content file's name: the title's slug, or the seed's when the
/// title is mostly in a script a slug cannot spell (a Japanese title's slug
/// would keep only its few Latin letters, `eu` of 日EU…).
fn content_slug(title: &str, seed: &Path) -> String {
    let letters = title.chars().filter(|c| c.is_alphanumeric()).count();
    let latin = title.chars().filter(char::is_ascii_alphanumeric).count();
    match latin * 2 >= letters {
        true => slugify(title),
        false => slugify(&stem_of(seed)),
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
        let keep = crate::text::floor_char_boundary(base, crate::util::MAX_SLUG_LEN - suffix.len());
        slug = format!("{}{suffix}", base[..keep].trim_end_matches('-'));
        n += 1;
    }
    reserved.insert(slug.clone());
    slug
}

/// The chrome lines the seeds share (`learned`), among the seeds of kinds
/// that carry a site's chrome. A seed that cannot be read is left out here;
/// it is reported when it is ingested.
fn learn_chrome(seeds: &[Source], max_mb: u64) -> HashSet<String> {
    let edges: Vec<HashSet<String>> = seeds
        .par_iter()
        .filter(|seed| seed.kind.has_site_chrome())
        .filter_map(|seed| {
            let bytes = seed.read_bytes(max_mb).ok()?;
            let text = seed.read_text(&bytes).ok()?.text;
            Some(learned::edge_lines(&text))
        })
        .collect();
    learned::learn(edges)
}

/// The taxonomy, the chrome rules and the chrome learned from the corpus,
/// hashed: when they change, every seed is annotated again.
fn config_fingerprint(config: &Config, learned: &HashSet<String>) -> String {
    let mut learned: Vec<&String> = learned.iter().collect();
    learned.sort();
    let parts = (
        &config.themes,
        &config.dialogues,
        &config.kinds,
        &config.organisations,
        &config.ingest,
        learned,
    );
    sha256_hex(serde_json::to_string(&parts).unwrap_or_default().as_bytes())
}

/// `path` relative to the project, as messages name it (`content/a.md`).
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
    fn a_title_in_japanese_names_its_file_after_the_seed() {
        let seed = Path::new("seeds/eu-partnership-2024.txt");
        assert_eq!(
            content_slug("日EUデジタルパートナーシップ閣僚会合の開催", seed),
            "eu-partnership-2024"
        );
        assert_eq!(
            content_slug("Café policy: Japan-EU", seed),
            "cafe-policy-japan-eu"
        );
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
