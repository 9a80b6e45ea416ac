//! What is already in `content/`: whether each file is as ingest wrote it
//! (and from which inputs) or edited by hand, and the few fields the ingest
//! table shows. Every warm build asks this of every content file first.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::write::without_generated;
use crate::content::{
    ContentFile, DateSource, FrontMatter, PartialDate, Source, ThemeWeight, TitleSource,
};
use crate::error::{Error, Result};
use crate::util::sha256_hex;
use rayon::prelude::*;

/// What is at a content file's path now.
#[derive(Debug)]
pub enum Existing {
    /// Written by ingest and untouched since.
    Generated {
        listing: Box<Listing>,
        inputs: String,
    },
    /// Edited by hand, written by hand, or not parseable: never overwritten
    /// without `--force`, and then only after a copy is kept.
    HandEdited(Box<HandEdit>),
}

/// What is known of a content file edited by hand.
#[derive(Debug, Default)]
pub struct HandEdit {
    /// Its listing, when the front matter still parses.
    pub listing: Option<Listing>,
    /// The seed it came from (`source.file`), read line by line when the
    /// front matter does not parse, so that a typo never makes its seed
    /// write a second file.
    pub seed: Option<String>,
    /// The inputs ingest wrote it from, while its `generated` block is
    /// still there: when they differ from the seed's now, the seed changed
    /// after the edit.
    pub inputs: Option<String>,
}

/// The short fields at the head of a content file's front matter and its
/// seed: what the ingest table and the content index need of it.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub title: String,
    pub title_source: TitleSource,
    pub date: Option<PartialDate>,
    pub date_source: DateSource,
    pub dialogues: Vec<String>,
    pub organisations: Vec<String>,
    pub themes: Vec<ThemeWeight>,
    pub source: Option<Source>,
}

impl From<&FrontMatter> for Listing {
    fn from(fm: &FrontMatter) -> Listing {
        Listing {
            title: fm.title.clone(),
            title_source: fm.title_source,
            date: fm.date,
            date_source: fm.date_source,
            dialogues: fm.dialogues.clone(),
            organisations: fm.organisations.clone(),
            themes: fm.themes.clone(),
            source: fm.source.clone(),
        }
    }
}

/// A content file already in `content/`, keyed by the seed it came from.
pub struct ContentEntry {
    pub path: PathBuf,
    pub state: Existing,
}

/// Content files by the `source.file` of the seed they came from.
pub type ContentIndex = BTreeMap<String, Vec<ContentEntry>>;

/// Content files by the seed they came from, and the slugs of files that
/// belong to no seed (written by hand): those names are never reused.
pub fn index_content(dir: &Path) -> Result<(ContentIndex, BTreeSet<String>)> {
    let mut paths = Vec::new();
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            for entry in entries {
                let path = entry.map_err(|e| Error::io(dir, e))?.path();
                if path.extension().is_some_and(|x| x == "md") {
                    paths.push(path);
                }
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(dir, e)),
    }
    paths.sort();
    let states: Vec<Result<(PathBuf, Option<Existing>)>> = paths
        .into_par_iter()
        .map(|p| inspect(&p).map(|s| (p, s)))
        .collect();
    let mut by_seed: BTreeMap<String, Vec<ContentEntry>> = BTreeMap::new();
    let mut unowned = BTreeSet::new();
    for state in states {
        let (path, Some(state)) = state? else {
            continue;
        };
        let seed = match &state {
            Existing::Generated { listing, .. } => listing.source.as_ref().map(|s| s.file.clone()),
            Existing::HandEdited(edit) => edit.seed.clone(),
        };
        match seed {
            Some(seed) => by_seed
                .entry(seed)
                .or_default()
                .push(ContentEntry { path, state }),
            None => {
                unowned.insert(super::document::stem(&path));
            }
        }
    }
    Ok((by_seed, unowned))
}

pub fn inspect(path: &Path) -> Result<Option<Existing>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let edit = HandEdit {
                seed: seed_by_scan(&String::from_utf8_lossy(&bytes)),
                ..HandEdit::default()
            };
            return Ok(Some(Existing::HandEdited(Box::new(edit))));
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    Ok(Some(by_full_parse(path, &text)))
}

/// Any content file, its whole front matter parsed.
fn by_full_parse(path: &Path, text: &str) -> Existing {
    let Ok(file) = ContentFile::parse(path, text) else {
        return Existing::HandEdited(Box::new(HandEdit {
            seed: seed_by_scan(text),
            ..HandEdit::default()
        }));
    };
    let listing = Listing::from(&file.front_matter);
    match file.front_matter.generated {
        Some(generated) if sha256_hex(without_generated(text).as_bytes()) == generated.sha256 => {
            Existing::Generated {
                listing: Box::new(listing),
                inputs: generated.inputs,
            }
        }
        generated => Existing::HandEdited(Box::new(HandEdit {
            seed: listing.source.as_ref().map(|s| s.file.clone()),
            listing: Some(listing),
            inputs: generated.map(|g| g.inputs),
        })),
    }
}

/// The `file:` under a top-level `source:` of a front matter that does not
/// parse as a whole: the lines are read one by one, and only that value
/// is parsed as YAML.
fn seed_by_scan(text: &str) -> Option<String> {
    let mut lines = text.lines().skip_while(|l| l.trim_end() != "---").skip(1);
    lines.find(|l| l.trim_end() == "source:")?;
    let value = lines
        .take_while(|l| l.starts_with([' ', '\t']))
        .find_map(|l| l.trim_start().strip_prefix("file:"))?
        .trim();
    let file = yaml_serde::from_str::<String>(value).unwrap_or_else(|_| value.to_string());
    (!file.is_empty()).then_some(file)
}

#[cfg(test)]
mod tests {
    use super::super::write::render;
    use super::*;

    fn front_matter() -> FrontMatter {
        let text = "---\ntitle: T\ndate: 2019-10-18\ndate_source: stated\ndialogues:\n- g7\n\
                    themes:\n- slug: ai\n  weight: 0.5\nsummary: S\nsource:\n  file: 'seeds/a: b.txt'\n  sha256: x\n---\n";
        ContentFile::parse(Path::new("c.md"), text)
            .unwrap()
            .front_matter
    }

    #[test]
    fn written_files_verify_and_edits_are_detected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.md");
        let text = render(front_matter(), "\nBody.\n", "abc");
        assert!(text.contains("generated:\n  sha256: "), "{text}");
        std::fs::write(&path, &text).unwrap();
        match inspect(&path).unwrap() {
            Some(Existing::Generated { inputs, listing }) => {
                assert_eq!(inputs, "abc");
                assert_eq!(listing.title, "T");
                assert_eq!(listing.dialogues, ["g7"]);
                assert_eq!(listing.themes[0].slug, "ai");
                assert_eq!(listing.date.unwrap().to_string(), "2019-10-18");
                assert_eq!(listing.source.unwrap().file, "seeds/a: b.txt");
            }
            other => panic!("{other:?}"),
        }
        std::fs::write(&path, text.replace("Body.", "Body, edited.")).unwrap();
        assert!(matches!(
            inspect(&path).unwrap(),
            Some(Existing::HandEdited(e)) if e.listing.as_ref().unwrap().title == "T"
                && e.inputs.as_deref() == Some("abc")
                && e.seed.as_deref() == Some("seeds/a: b.txt")
        ));
        std::fs::write(&path, "no front matter").unwrap();
        assert!(matches!(
            inspect(&path).unwrap(),
            Some(Existing::HandEdited(e)) if e.listing.is_none() && e.seed.is_none()
        ));
        assert!(inspect(&dir.path().join("none.md")).unwrap().is_none());
    }

    /// The bundled content files, as projects already hold them, still
    /// match the hash in their `generated` block.
    #[test]
    fn bundled_content_files_are_as_ingest_wrote_them() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let (index, unowned) = index_content(&dir).unwrap();
        assert!(unowned.is_empty(), "{unowned:?}");
        let entries: Vec<&ContentEntry> = index.values().flatten().collect();
        assert_eq!(entries.len(), 5);
        for entry in entries {
            assert!(
                matches!(&entry.state, Existing::Generated { inputs, .. } if inputs.len() == 64),
                "{}: {:?}",
                entry.path.display(),
                entry.state
            );
        }
    }

    /// Whether a file is as ingest wrote it depends on its own text and the
    /// hash in it, never on what the writer would write now: a file in
    /// another YAML style (as another writer's) is still ingest's own.
    #[test]
    fn a_file_in_another_yaml_style_with_its_hash_is_not_hand_edited() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.md");
        let bare = "---\ntitle: \"T\"\ndialogues: [g7]\nsource: {file: seeds/a.txt, sha256: x}\n---\nBody.\n";
        let sha256 = sha256_hex(without_generated(bare).as_bytes());
        let text = bare.replacen(
            "\n---\nBody",
            &format!("\ngenerated:\n    sha256: \"{sha256}\"\n    inputs: abc\n---\nBody"),
            1,
        );
        std::fs::write(&path, &text).unwrap();
        match inspect(&path).unwrap() {
            Some(Existing::Generated { inputs, listing }) => {
                assert_eq!(inputs, "abc");
                assert_eq!(listing.dialogues, ["g7"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_front_matter_that_does_not_parse_still_names_its_seed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.md");
        let text = render(front_matter(), "\nBody.\n", "abc");
        let typo = text.replacen("title: T", "title: \"T", 1);
        std::fs::write(&path, &typo).unwrap();
        assert!(ContentFile::parse(&path, &typo).is_err());
        match inspect(&path).unwrap() {
            Some(Existing::HandEdited(e)) => {
                assert!(e.listing.is_none());
                assert_eq!(e.seed.as_deref(), Some("seeds/a: b.txt"));
            }
            other => panic!("{other:?}"),
        }
    }
}
