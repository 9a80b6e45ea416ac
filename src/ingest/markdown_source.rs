//! Markdown sources (`seeds/*.md`): a document written already, perhaps
//! annotated already. Its front matter (the keys of a content file, all
//! optional) stands as an override below `seeds/<stem>.yaml`: ingest fills
//! in only what it leaves out. Its body is kept as written; ingest reads
//! the body's headings, paragraphs and list items (with `pulldown-cmark`)
//! only to annotate it, and takes a `# ` heading that opens it as the
//! title (the page shows the title above the body).

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::read::{self, Override, SeedText};
use super::structure::{Block, Document, Ids};
use crate::content::split_front_matter;
use crate::error::{Error, Result};

/// Keys of a content file that are ingest's own record, not a statement
/// about the document: a content file copied into `seeds/` keeps them.
const RECORD_KEYS: &[&str] = &["title_source", "source", "generated"];

/// A markdown source's bytes: its body as the text, its front matter's
/// fields in [`SeedText::markdown`].
pub fn read(path: &Path, bytes: &[u8]) -> Result<SeedText> {
    let decoded = read::decode(path, bytes)?;
    let text = decoded.text.trim_start_matches('\u{feff}');
    let opens = text.starts_with("---\n") || text.starts_with("---\r\n");
    let (fields, body) = match opens {
        true => {
            let (yaml, body, _) = split_front_matter(path, text)?;
            (front_matter(path, text, yaml)?, body.to_string())
        }
        false => (Override::default(), text.to_string()),
    };
    Ok(SeedText {
        text: body,
        legacy_encoding: decoded.legacy_encoding,
        meta: Default::default(),
        markdown: Some(fields),
        markup: None,
    })
}

/// The front matter's fields; an error names the file, line and key.
fn front_matter(path: &Path, text: &str, yaml: &str) -> Result<Override> {
    let value: yaml_serde::Value = match yaml.trim() {
        "" => return Ok(Override::default()),
        _ => yaml_serde::from_str(yaml).map_err(|e| Error::yaml(path, text, 1, &e))?,
    };
    let yaml_serde::Value::Mapping(mut map) = value else {
        return Err(Error::input(
            path,
            "front matter is not a list of `key: value` lines: write it as in a content \
             file (`title: …`, `date: YYYY-MM-DD` …)",
        ));
    };
    for key in RECORD_KEYS {
        map.remove(*key);
    }
    yaml_serde::from_value(yaml_serde::Value::Mapping(map)).map_err(|e| {
        Error::input(
            path,
            format!("front matter: {e} (keys are those of seeds/<stem>.yaml, see docs/ingest.md)"),
        )
    })
}

/// The document a markdown body holds, and the body to write: without
/// the `# ` heading that opens it, which is the title.
pub fn document(body: &str) -> (Document, String) {
    let mut blocks = Blocks::default();
    let mut title = None;
    for (event, range) in Parser::new_ext(body, pulldown_cmark::Options::all()).into_offset_iter() {
        blocks.event(event, range, &mut title);
    }
    let (title, written) = match title {
        Some((text, range)) => {
            let rest = format!("{}{}", &body[..range.start], &body[range.end..]);
            (Some(text), rest)
        }
        None => (None, body.to_string()),
    };
    let written = format!("\n{}\n", written.trim());
    let doc = Document {
        title,
        blocks: blocks.done,
        ..Document::default()
    };
    (doc, written)
}

/// The blocks of a markdown body as it is parsed.
#[derive(Default)]
struct Blocks {
    done: Vec<Block>,
    text: String,
    /// The heading being read: its level and the id its attributes give.
    heading: Option<(u8, Option<String>)>,
    heading_start: usize,
    lists: usize,
    ids: Ids,
}

impl Blocks {
    fn event(
        &mut self,
        event: Event<'_>,
        range: Range<usize>,
        title: &mut Option<(String, Range<usize>)>,
    ) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.flush();
                self.heading = Some((heading_level(level), id.map(|i| i.to_string())));
                self.heading_start = range.start;
            }
            Event::End(TagEnd::Heading(_)) => {
                let text = std::mem::take(&mut self.text).trim().to_string();
                let Some((level, id)) = self.heading.take() else {
                    return;
                };
                let first = self.done.is_empty() && title.is_none();
                if level == 1 && first && !text.is_empty() {
                    *title = Some((text, self.heading_start..range.end));
                    return;
                }
                let id = match id {
                    Some(id) => {
                        self.ids.reserve(&id);
                        id
                    }
                    None => self.ids.make(&text, &text),
                };
                self.done.push(Block::Heading {
                    level: level.max(2),
                    text,
                    id,
                });
            }
            Event::Start(Tag::List(_)) => {
                self.flush();
                self.lists += 1;
            }
            Event::End(TagEnd::List(_)) => {
                self.flush();
                self.lists = self.lists.saturating_sub(1);
            }
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) => self.flush(),
            Event::End(TagEnd::Paragraph | TagEnd::TableRow | TagEnd::TableHead) => self.flush(),
            Event::End(TagEnd::TableCell) => self.text.push_str(" | "),
            Event::Text(t) | Event::Code(t) => self.text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => self.text.push(' '),
            _ => {}
        }
    }

    /// The text read so far as a paragraph, or an item inside a list.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        let text = text.trim().trim_end_matches(" |").trim();
        if text.is_empty() || self.heading.is_some() {
            return;
        }
        let block = match self.lists {
            0 => Block::Paragraph(text.to_string()),
            n => Block::Item {
                depth: n - 1,
                text: text.to_string(),
            },
        };
        self.done.push(block);
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_gives_its_title_and_blocks_and_is_kept_as_written() {
        let body = "# Joint Statement on Data\n\nThe sides *agreed* on [flows](https://x.org).\n\n## Outcomes {#out}\n\n- One\n  - One a\n\n| A | B |\n|---|---|\n| 1 | 2 |\n";
        let (doc, written) = document(body);
        assert_eq!(doc.title.as_deref(), Some("Joint Statement on Data"));
        assert_eq!(
            doc.blocks,
            [
                Block::Paragraph("The sides agreed on flows.".into()),
                Block::Heading {
                    level: 2,
                    text: "Outcomes".into(),
                    id: "out".into()
                },
                Block::Item {
                    depth: 0,
                    text: "One".into()
                },
                Block::Item {
                    depth: 1,
                    text: "One a".into()
                },
                Block::Paragraph("A | B".into()),
                Block::Paragraph("1 | 2".into()),
            ]
        );
        assert!(written.starts_with("\nThe sides *agreed* on [flows](https://x.org)."));
    }

    #[test]
    fn front_matter_errors_name_the_file_and_line() {
        let bad = b"---\ntitle: A\ndate: [\n---\nBody.\n";
        let msg = read(Path::new("seeds/a.md"), bad).unwrap_err().to_string();
        assert!(msg.starts_with("seeds/a.md:"), "{msg}");
        let unknown = b"---\ntitel: A\n---\nBody.\n";
        let msg = read(Path::new("seeds/a.md"), unknown)
            .unwrap_err()
            .to_string();
        assert!(msg.contains("titel"), "{msg}");
        let copied = b"---\ntitle: A\ntitle_source: made-up\nsource:\n  file: x\n---\nBody.\n";
        let read = read(Path::new("seeds/a.md"), copied).unwrap();
        assert_eq!(read.markdown.unwrap().title.as_deref(), Some("A"));
    }
}
