//! Edit-safe writing of content files. Each file records the hash of its own
//! text (without the `generated` block); when a file no longer matches it, a
//! person edited it, and ingest leaves it alone unless forced (see `existing`).

use crate::content::{ContentFile, FrontMatter};
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

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
    fn generated_block_is_removed_exactly() {
        let text =
            "---\ntitle: T\ngenerated:\n  sha256: x\n  inputs: y\n---\n\ngenerated:\n  kept\n";
        assert_eq!(
            without_generated(text),
            "---\ntitle: T\n---\n\ngenerated:\n  kept\n"
        );
    }
}
