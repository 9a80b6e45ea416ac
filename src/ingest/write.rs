//! Edit-safe writing of content files. Each file records the hash of its own
//! text (without the `generated` block); when a file no longer matches it, a
//! person edited it, and ingest leaves it alone unless forced (see `existing`),
//! and then keeps a copy before writing over it.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::backup::Backup;
use super::document::Ingested;
use super::existing::Listing;
use super::rel;
use super::report::{summary_row, IngestedDocument, Outcome};
use super::source::Source;
use crate::content::{self, ContentFile, ContentText, FrontMatter, Generated};
use crate::error::{Error, Result};
use crate::util::{sha256_hex, write_if_changed};

/// The file text, with `generated` filled in from the rest of it. The block
/// is the last field of the front matter, so it is written on its own and
/// put before the closing `---` rather than serialising everything twice.
pub fn render(front_matter: FrontMatter, body: &str, inputs: &str) -> String {
    render_keeping(front_matter, body, inputs).0
}

/// [`render`], with the front matter the text holds (`generated` filled in).
pub fn render_keeping(
    mut front_matter: FrontMatter,
    body: &str,
    inputs: &str,
) -> (String, FrontMatter) {
    front_matter.generated = None;
    let bare = ContentFile::render(&front_matter, body);
    let generated = Generated {
        sha256: sha256_hex(bare.as_bytes()),
        inputs: inputs.to_string(),
    };
    let block = content::to_yaml(&GeneratedBlock {
        generated: &generated,
    });
    let yaml_end = bare.len() - body.len() - "---\n".len();
    let mut text = String::with_capacity(bare.len() + block.len());
    text.push_str(&bare[..yaml_end]);
    text.push_str(&block);
    text.push_str(&bare[yaml_end..]);
    front_matter.generated = Some(generated);
    (text, front_matter)
}

/// The `generated` entry of a front matter, as the last one of its mapping.
#[derive(Serialize)]
struct GeneratedBlock<'a> {
    generated: &'a Generated,
}

/// `text` without the `generated:` block of its front matter.
pub fn without_generated(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_front_matter = false;
    let mut skipping = false;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let bare = line.trim_end();
        if bare == "---" {
            in_front_matter = n == 0;
            skipping = false;
        } else if in_front_matter && bare == "generated:" {
            skipping = true;
            continue;
        } else if skipping && line.starts_with([' ', '\t']) {
            continue;
        } else {
            skipping = false;
        }
        out.push_str(line);
    }
    out
}

/// A content file written (or found already holding its bytes).
pub struct Written {
    pub row: IngestedDocument,
    pub warnings: Vec<String>,
    pub text: ContentText,
}

/// A fresh document and the content file it goes to.
pub struct Planned {
    pub source: Source,
    pub ingested: Ingested,
    pub inputs: String,
    pub old_paths: Vec<PathBuf>,
    /// Of `old_paths`, those edited by hand (forced): kept before they go.
    pub hand_edited: Vec<PathBuf>,
    pub path: PathBuf,
}

/// Writes a fresh document's content file, after keeping a copy of each
/// hand-edited file it replaces, and removes the seed's files of an old
/// title.
pub fn write_document(root: &Path, planned: Planned, backup: &Backup) -> Result<Written> {
    let Planned {
        source,
        ingested,
        inputs,
        old_paths,
        hand_edited,
        path,
    } = planned;
    let mut warnings = ingested.warnings;
    for edited in &hand_edited {
        let copy = backup.keep(edited)?;
        warnings.push(format!(
            "{}: edited by hand; replaced by --force, and a copy is kept in {}",
            rel(root, edited),
            rel(root, &copy)
        ));
    }
    let listing = Listing::from(&ingested.front_matter);
    let (text, front_matter) = render_keeping(ingested.front_matter, &ingested.body, &inputs);
    let changed = write_if_changed(&path, text.as_bytes())?;
    for old in old_paths.iter().filter(|p| **p != path) {
        std::fs::remove_file(old).map_err(|e| Error::io(old, e))?;
        warnings.push(format!(
            "{}: removed; its seed now writes {} (the title changed)",
            rel(root, old),
            rel(root, &path)
        ));
    }
    let outcome = match (hand_edited.is_empty(), changed) {
        (false, _) => Outcome::ReplacedHandEdit,
        (true, true) => Outcome::Written,
        (true, false) => Outcome::Unchanged,
    };
    Ok(Written {
        row: summary_row(&source, &path, Some(&listing), outcome),
        warnings,
        text: ContentText {
            path,
            text,
            front_matter: Some(front_matter),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front_matter() -> FrontMatter {
        let text = "---\ntitle: T\ndate: 2019-10-18\ndate_source: stated\n---\n";
        ContentFile::parse(Path::new("c.md"), text)
            .unwrap()
            .front_matter
    }

    #[test]
    fn spliced_block_is_what_serde_would_write() {
        let mut fm = front_matter();
        let text = render(fm.clone(), "\nBody.\n", "abc");
        fm.generated = ContentFile::parse(Path::new("c.md"), &text)
            .unwrap()
            .front_matter
            .generated;
        assert_eq!(ContentFile::render(&fm, "\nBody.\n"), text);
    }

    #[test]
    fn the_front_matter_kept_is_what_the_text_reads_back_as() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut files = 0;
        for entry in std::fs::read_dir(content).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let file = ContentFile::parse(&path, &text).unwrap();
            let mut fm = file.front_matter;
            let inputs = fm.generated.take().map(|g| g.inputs).unwrap_or_default();
            let (written, kept) = render_keeping(fm, &file.body, &inputs);
            assert_eq!(written, text, "{}", path.display());
            let read = ContentFile::parse(&path, &written).unwrap().front_matter;
            assert_eq!(kept, read, "{}", path.display());
            let shortcut = ContentFile::with_front_matter(&path, &written, kept).unwrap();
            assert_eq!(shortcut.body, file.body);
            assert_eq!(shortcut.body_line, file.body_line);
            files += 1;
        }
        assert!(files >= 5, "the bundled content files");
    }

    #[test]
    fn generated_block_is_removed_exactly() {
        let text =
            "---\ntitle: T\ngenerated:\n  sha256: x\n  inputs: y\n---\n\ngenerated:\n  kept\n";
        assert_eq!(
            without_generated(text),
            "---\ntitle: T\n---\n\ngenerated:\n  kept\n"
        );
    }
}
