//! Which files in `seeds/` are sources, what kind each is, and the reader
//! for each kind: the one place that decides by a file's name what ingest
//! reads. A reader turns a source's bytes into the text the stages take
//! (clean → chrome → structure → annotate → write), so a new input format
//! is a new [`SourceKind`] and its reader, and the stages stay as they are.
//! Beside a source, `seeds/<stem>.yaml` is its override.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use super::read::{self, SeedText};
use super::{html, markdown_source};
use crate::error::{Error, Result};

/// The folder of a project that holds its sources.
const SEEDS_DIR: &str = "seeds";

/// The extension of a source's override file, `seeds/<stem>.yaml`.
const OVERRIDE_EXTENSION: &str = "yaml";

/// An input format ingest reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// Text captured from a web page, in any encoding `read` can tell.
    Text,
    /// A saved web page: its main text and what its markup states.
    Html,
    /// Markdown, perhaps with front matter: a document written already.
    Markdown,
    /// A PDF with a text layer (`ingest/pdf`).
    Pdf,
}

impl SourceKind {
    /// Every kind, in the order the supported extensions are listed.
    pub const ALL: [SourceKind; 4] = [
        SourceKind::Text,
        SourceKind::Html,
        SourceKind::Markdown,
        SourceKind::Pdf,
    ];

    /// The file name extensions of the kind, without the dot, the usual
    /// one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            SourceKind::Text => &["txt"],
            SourceKind::Html => &["html", "htm"],
            SourceKind::Markdown => &["md"],
            SourceKind::Pdf => &["pdf"],
        }
    }

    /// The kind's name in the `briefing ingest` table.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Text => "text",
            SourceKind::Html => "html",
            SourceKind::Markdown => "markdown",
            SourceKind::Pdf => "pdf",
        }
    }

    /// Whether the kind's text comes from a web page, whose site's chrome
    /// may be left in it, so that lines its seeds share at their ends are
    /// learned as chrome (`learned`); a PDF's reader has dropped its
    /// furniture already, and markdown is written by hand.
    pub fn has_site_chrome(self) -> bool {
        match self {
            SourceKind::Text | SourceKind::Html => true,
            SourceKind::Markdown | SourceKind::Pdf => false,
        }
    }

    /// The kind of the file at `path`, by its extension (in any case);
    /// `None` for a file ingest does not read.
    pub fn of(path: &Path) -> Option<SourceKind> {
        let extension = path.extension()?.to_str()?;
        SourceKind::ALL.into_iter().find(|kind| {
            kind.extensions()
                .iter()
                .any(|x| x.eq_ignore_ascii_case(extension))
        })
    }

    /// A source's bytes as the text the stages take; `path` names the file
    /// in errors.
    pub fn read(self, path: &Path, bytes: &[u8]) -> Result<SeedText> {
        match self {
            SourceKind::Text => read::decode(path, bytes),
            SourceKind::Html => html::read(path, bytes),
            SourceKind::Markdown => markdown_source::read(path, bytes),
            SourceKind::Pdf => super::pdf::read(path, bytes),
        }
    }
}

/// The extensions ingest reads, as a user would type them: `.txt, .html …`.
pub fn supported() -> String {
    let extensions: Vec<String> = SourceKind::ALL
        .iter()
        .flat_map(|kind| kind.extensions())
        .map(|x| format!(".{x}"))
        .collect();
    extensions.join(", ")
}

/// A file in `seeds/` that ingest reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    pub kind: SourceKind,
}

impl Source {
    /// The bytes of the source within the size limit (`max_mb`).
    pub fn read_bytes(&self, max_mb: u64) -> Result<Vec<u8>> {
        read::read_seed_bytes(&self.path, max_mb)
    }

    /// The source's bytes as text, read by the reader of its kind.
    pub fn read_text(&self, bytes: &[u8]) -> Result<SeedText> {
        self.kind.read(&self.path, bytes)
    }
}

/// The override file beside a source: `seeds/<stem>.yaml`.
pub fn override_path(seed: &Path) -> PathBuf {
    seed.with_extension(OVERRIDE_EXTENSION)
}

/// A file in `seeds/` that is neither a source nor an override, left out
/// of the run; `file` is its path in the project (`seeds/a.docx`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub file: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, not_supported())
    }
}

fn not_supported() -> String {
    format!("not a supported source (supported: {})", supported())
}

/// The error for a document that is not of a kind ingest reads.
pub fn unsupported(path: &Path) -> Error {
    Error::input(path, format!("is {}", not_supported()))
}

/// What `seeds/` holds, each list sorted by path.
#[derive(Debug, Default)]
pub struct Seeds {
    pub sources: Vec<Source>,
    pub skipped: Vec<Skipped>,
}

/// The sources in `root/seeds/`, and the files there ingest leaves out.
/// Overrides, folders and hidden files (`.gitkeep`, `.DS_Store`) are
/// neither: they are not documents a user expects ingested.
pub fn list(root: &Path) -> Result<Seeds> {
    let dir = root.join(SEEDS_DIR);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Seeds::default()),
        Err(e) => return Err(Error::io(&dir, e)),
    };
    let mut seeds = Seeds::default();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(&dir, e))?.path();
        if !path.is_file() {
            continue;
        }
        match SourceKind::of(&path) {
            Some(kind) => seeds.sources.push(Source { path, kind }),
            None if is_companion(&path) => {}
            None => seeds.skipped.push(Skipped {
                file: seed_name(root, &path),
            }),
        }
    }
    seeds.sources.sort_by(|a, b| a.path.cmp(&b.path));
    seeds.skipped.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(seeds)
}

/// An override or a hidden file: it belongs in `seeds/` without being a
/// source.
fn is_companion(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    hidden || path.extension().is_some_and(|x| x == OVERRIDE_EXTENSION)
}

/// Whether `root/seeds/` holds a file named as a source: a project of
/// hand-written content has none, and needs no ingest.
pub fn has_sources(root: &Path) -> bool {
    std::fs::read_dir(root.join(SEEDS_DIR)).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| SourceKind::of(&e.path()).is_some())
    })
}

/// A seed's path in the project, as ingest names it (`seeds/a.txt`).
pub fn seed_name(root: &Path, seed: &Path) -> String {
    super::rel(root, seed)
}

/// The seeds a user named on the command line, as ingest names them
/// (`seeds/a.txt`). A name may be a path from the current folder, a path in
/// the project, or a file name in `seeds/` with or without its extension.
pub fn named_seeds(root: &Path, names: &[PathBuf]) -> Result<BTreeSet<String>> {
    let seeds = list(root)?.sources;
    let known: Vec<(PathBuf, String)> = seeds
        .iter()
        .map(|s| {
            let path = s.path.canonicalize().unwrap_or_else(|_| s.path.clone());
            (path, seed_name(root, &s.path))
        })
        .collect();
    let mut found = BTreeSet::new();
    for name in names {
        let in_seeds = root.join(SEEDS_DIR).join(name);
        let bare = SourceKind::ALL
            .iter()
            .flat_map(|kind| kind.extensions())
            .map(|x| in_seeds.with_extension(x));
        let seed = [name.clone(), root.join(name), in_seeds.clone()]
            .into_iter()
            .chain(bare)
            .filter_map(|c| c.canonicalize().ok())
            .find_map(|c| known.iter().find(|(path, _)| *path == c));
        match seed {
            Some((_, seed_name)) => found.insert(seed_name.clone()),
            None => return Err(no_such_seed(root, name, &known)),
        };
    }
    Ok(found)
}

fn no_such_seed(root: &Path, name: &Path, known: &[(PathBuf, String)]) -> Error {
    let example = known
        .first()
        .map(|(_, n)| format!(", such as {n}"))
        .unwrap_or_default();
    Error::input(
        name,
        format!(
            "is not a seed of this project: name a {} file in {}{example}",
            supported(),
            root.join(SEEDS_DIR).display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_a_source_by_its_extension() {
        assert_eq!(
            SourceKind::of(Path::new("seeds/a.txt")),
            Some(SourceKind::Text)
        );
        assert_eq!(
            SourceKind::of(Path::new("seeds/a.HTM")),
            Some(SourceKind::Html)
        );
        assert_eq!(
            SourceKind::of(Path::new("seeds/a.PDF")),
            Some(SourceKind::Pdf)
        );
        assert_eq!(
            SourceKind::of(Path::new("seeds/a.md")),
            Some(SourceKind::Markdown)
        );
        for other in ["seeds/a.docx", "seeds/a.yaml", "seeds/txt"] {
            assert_eq!(SourceKind::of(Path::new(other)), None, "{other}");
        }
        assert_eq!(supported(), ".txt, .html, .htm, .md, .pdf");
    }

    #[test]
    fn listing_keeps_sources_and_names_what_it_skips() {
        let dir = tempfile::tempdir().unwrap();
        let seeds = dir.path().join(SEEDS_DIR);
        std::fs::create_dir_all(seeds.join("old.txt")).unwrap();
        for name in ["b.txt", "a.txt", "a.yaml", "x.docx", "y.odt", ".gitkeep"] {
            std::fs::write(seeds.join(name), "x").unwrap();
        }
        let listed = list(dir.path()).unwrap();
        let sources: Vec<&Path> = listed.sources.iter().map(|s| s.path.as_path()).collect();
        assert_eq!(sources, [seeds.join("a.txt"), seeds.join("b.txt")]);
        let skipped: Vec<String> = listed.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(
            skipped,
            [
                "seeds/x.docx: not a supported source (supported: .txt, .html, .htm, .md, .pdf)",
                "seeds/y.odt: not a supported source (supported: .txt, .html, .htm, .md, .pdf)",
            ]
        );
        assert!(has_sources(dir.path()));
    }

    #[test]
    fn a_seed_is_named_with_or_without_its_extension() {
        let dir = tempfile::tempdir().unwrap();
        let seeds = dir.path().join(SEEDS_DIR);
        std::fs::create_dir(&seeds).unwrap();
        std::fs::write(seeds.join("a.txt"), "x").unwrap();
        std::fs::write(seeds.join("b.docx"), "x").unwrap();
        for name in ["a", "a.txt", "seeds/a.txt"] {
            let found = named_seeds(dir.path(), &[PathBuf::from(name)]).unwrap();
            assert_eq!(found.into_iter().collect::<Vec<_>>(), ["seeds/a.txt"]);
        }
        let msg = named_seeds(dir.path(), &[PathBuf::from("b.docx")])
            .unwrap_err()
            .to_string();
        assert!(
            msg.contains("name a .txt, .html, .htm, .md, .pdf file in"),
            "{msg}"
        );
        assert!(msg.contains("such as seeds/a.txt"), "{msg}");
    }
}
