//! Edit-safe writing of content files. Each file records the hash of its own
//! text (without the `generated` block); when a file no longer matches it, a
//! person edited it, and ingest leaves it alone unless forced.

use std::path::Path;

use crate::content::{ContentFile, FrontMatter};
use crate::error::{Error, Result};
use crate::util::sha256_hex;

/// The file text, with `generated` filled in from the rest of it. The block
/// is the last field of the front matter, so it is spliced in before the
/// closing `---` rather than serialising everything twice.
pub fn render(mut front_matter: FrontMatter, body: &str, inputs: &str) -> String {
    front_matter.generated = None;
    let bare = ContentFile::render(&front_matter, body);
    let sha256 = sha256_hex(bare.as_bytes());
    let yaml_end = bare.len() - body.len() - "---\n".len();
    let mut text = String::with_capacity(bare.len() + 200);
    text.push_str(&bare[..yaml_end]);
    text.push_str("generated:\n  sha256: ");
    text.push_str(&sha256);
    if !inputs.is_empty() {
        text.push_str("\n  inputs: ");
        text.push_str(inputs);
    }
    text.push('\n');
    text.push_str(&bare[yaml_end..]);
    text
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

/// What is at a content file's path now.
#[derive(Debug)]
pub enum Existing {
    /// Written by ingest and untouched since.
    Generated {
        front_matter: Box<FrontMatter>,
        inputs: String,
    },
    /// Edited by hand, written by hand, or not parseable: never overwritten
    /// without `--force`. The front matter when it still parses.
    HandEdited(Option<Box<FrontMatter>>),
}

pub fn inspect(path: &Path) -> Result<Option<Existing>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Ok(Some(Existing::HandEdited(None)))
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    let Ok(file) = ContentFile::parse(path, &text) else {
        return Ok(Some(Existing::HandEdited(None)));
    };
    let front_matter = Box::new(file.front_matter);
    let Some(generated) = front_matter.generated.clone() else {
        return Ok(Some(Existing::HandEdited(Some(front_matter))));
    };
    if sha256_hex(without_generated(&text).as_bytes()) != generated.sha256 {
        return Ok(Some(Existing::HandEdited(Some(front_matter))));
    }
    Ok(Some(Existing::Generated {
        front_matter,
        inputs: generated.inputs,
    }))
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
    fn written_files_verify_and_edits_are_detected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.md");
        let text = render(front_matter(), "\nBody.\n", "abc");
        assert!(text.contains("generated:\n  sha256: "), "{text}");
        std::fs::write(&path, &text).unwrap();
        match inspect(&path).unwrap() {
            Some(Existing::Generated {
                inputs,
                front_matter,
            }) => {
                assert_eq!(inputs, "abc");
                assert_eq!(front_matter.title, "T");
            }
            other => panic!("{other:?}"),
        }
        std::fs::write(&path, text.replace("Body.", "Body, edited.")).unwrap();
        assert!(matches!(
            inspect(&path).unwrap(),
            Some(Existing::HandEdited(Some(_)))
        ));
        std::fs::write(&path, "no front matter").unwrap();
        assert!(matches!(
            inspect(&path).unwrap(),
            Some(Existing::HandEdited(None))
        ));
        assert!(inspect(&dir.path().join("none.md")).unwrap().is_none());
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
    fn generated_block_is_removed_exactly() {
        let text =
            "---\ntitle: T\ngenerated:\n  sha256: x\n  inputs: y\n---\n\ngenerated:\n  kept\n";
        assert_eq!(
            without_generated(text),
            "---\ntitle: T\n---\n\ngenerated:\n  kept\n"
        );
    }
}
