//! `suggest --merge`: the suggested entries `briefing.yaml` lacks, appended
//! to its lists as text, so every line the user wrote (comments, order,
//! anchors, quoting) stays as it was. Only a list's end moves: a block
//! list gets the new items after its last one, `key: []` becomes `key:`
//! with the items under it, a one-line `key: [a, b]` gets them before its
//! `]`, and a missing list is added at the end of the file (or of
//! `ingest:`). The result must parse as a `briefing.yaml` before it is
//! written; a file that does not parse is refused, never rewritten.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::Path;

use yaml_serde::Value;

use super::output::{entry_lines, Entry, ListKey, Section};
use crate::config::Config;
use crate::error::{Error, Result};

/// What a merge added, per list.
#[derive(Debug, Default, PartialEq)]
pub struct Merged {
    pub added: Vec<(String, Vec<String>)>,
}

/// Appends to the `briefing.yaml` at `path` (whose text is `text`) the
/// entries of `sections` it lacks, and writes it; nothing is written when
/// nothing is new.
pub fn merge_file(path: &Path, sections: &[Section]) -> Result<Merged> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let (merged_text, merged) = merge_text(path, &text, sections)?;
    if merged.added.iter().any(|(_, ids)| !ids.is_empty()) {
        write_synced(path, merged_text.as_bytes())?;
    }
    Ok(merged)
}

/// The merge on text alone: the new text and what was added.
pub fn merge_text(path: &Path, text: &str, sections: &[Section]) -> Result<(String, Merged)> {
    let value: Value = yaml_serde::from_str(text).map_err(|e| Error::yaml(path, text, 0, &e))?;
    Config::parse(text, path)?;
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut merged = Merged::default();
    for section in sections {
        let have = existing_ids(&value, section.key);
        let new: Vec<&Entry> = section
            .entries
            .iter()
            .filter(|e| !have.contains(&e.id.to_lowercase()))
            .collect();
        if !new.is_empty() {
            append(path, &mut lines, section.key, &new)?;
        }
        merged.added.push((
            section.key.name(),
            new.iter().map(|e| e.id.clone()).collect(),
        ));
    }
    let mut out = lines.join("\n");
    out.push('\n');
    Config::parse(&out, path).map_err(|e| {
        Error::config(
            path,
            format!(
                "the merged file would not be a valid briefing.yaml, so it was left as it was: {e}"
            ),
        )
    })?;
    Ok((out, merged))
}

/// The ids (slugs, names and aliases, lines) a list of `briefing.yaml` has,
/// in lower case.
fn existing_ids(value: &Value, key: ListKey) -> BTreeSet<String> {
    let list = match key {
        ListKey::Top(k) => value.get(k),
        ListKey::Ingest(k) => value.get("ingest").and_then(|i| i.get(k)),
    };
    let Some(Value::Sequence(items)) = list else {
        return BTreeSet::new();
    };
    let mut ids = BTreeSet::new();
    for item in items {
        match item {
            Value::String(s) => {
                ids.insert(s.to_lowercase());
            }
            Value::Mapping(_) => {
                for field in ["slug", "name"] {
                    if let Some(Value::String(s)) = item.get(field) {
                        ids.insert(s.to_lowercase());
                    }
                }
                if let Some(Value::Sequence(aliases)) = item.get("aliases") {
                    ids.extend(
                        aliases
                            .iter()
                            .filter_map(|a| a.as_str())
                            .map(str::to_lowercase),
                    );
                }
            }
            _ => {}
        }
    }
    ids
}

/// A key's line in `lines`: its index, indentation and what follows the colon.
fn find_key(
    lines: &[String],
    key: &str,
    indent: usize,
    within: (usize, usize),
) -> Option<(usize, String)> {
    let prefix = format!("{}{key}:", " ".repeat(indent));
    (within.0..within.1).find_map(|i| {
        let rest = lines[i].strip_prefix(&prefix)?;
        (rest.is_empty() || rest.starts_with([' ', '\t'])).then(|| (i, rest.trim().to_string()))
    })
}

/// The lines after `at` that belong to the node of the key on line `at`
/// (indented `indent`): up to the last line that is neither blank nor a
/// comment before the next key at that indentation or less.
fn block_end(lines: &[String], at: usize, indent: usize) -> usize {
    let mut end = at;
    for (i, line) in lines.iter().enumerate().skip(at + 1) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let own = line.len() - trimmed.len();
        if own < indent || (own == indent && !trimmed.starts_with("- ") && trimmed != "-") {
            break;
        }
        end = i;
    }
    end
}

fn append(path: &Path, lines: &mut Vec<String>, key: ListKey, new: &[&Entry]) -> Result<()> {
    let (name, indent, within) = match key {
        ListKey::Top(k) => (k, 0, (0, lines.len())),
        ListKey::Ingest(k) => match find_key(lines, "ingest", 0, (0, lines.len())) {
            Some((at, _)) => {
                let end = block_end(lines, at, 0) + 1;
                let child = child_indent(lines, at, end);
                (k, child, (at + 1, end))
            }
            None => {
                lines.push(String::new());
                lines.push("ingest:".to_string());
                let at = lines.len();
                (k, 2, (at, at))
            }
        },
    };
    let Some((at, rest)) = find_key(lines, name, indent, within) else {
        let insert_at = if indent == 0 { lines.len() } else { within.1 };
        let mut added = Vec::new();
        if indent == 0 {
            added.push(String::new());
        }
        added.push(format!("{}{name}:", " ".repeat(indent)));
        added.extend(block_items(new, indent + 2));
        lines.splice(insert_at..insert_at, added);
        return Ok(());
    };
    let value = match rest.starts_with('#') {
        true => "",
        false => rest.split(" #").next().unwrap_or_default().trim(),
    };
    if value.is_empty() {
        let end = block_end(lines, at, indent);
        let item_indent = item_indent(lines, at, end).unwrap_or(indent + 2);
        lines.splice(end + 1..end + 1, block_items(new, item_indent));
    } else if value == "[]" {
        // Only the brackets go: the spacing and comment after them stay.
        let key_end = indent + name.len() + 1;
        if let Some(brackets) = lines[at][key_end..].find("[]") {
            let from = key_end + brackets;
            lines[at].replace_range(from..from + 2, "");
        }
        lines.splice(at + 1..at + 1, block_items(new, indent + 2));
    } else if value.starts_with('[') && value.ends_with(']') {
        let close = lines[at].rfind(']').unwrap_or(lines[at].len());
        let items: Vec<&str> = new.iter().map(|e| e.flow.as_str()).collect();
        lines[at].insert_str(close, &format!(", {}", items.join(", ")));
    } else {
        return Err(Error::config(
            path,
            format!(
                "line {}: `{}` is written as `{value}`, which --merge cannot append to; \
                 write it as a list of `- ` items, or copy the entries from {} by hand",
                at + 1,
                key.name(),
                super::SUGGESTED_FILE
            ),
        ));
    }
    Ok(())
}

fn block_items(new: &[&Entry], indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    new.iter()
        .flat_map(|e| {
            entry_lines(e, &pad)
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The indentation of the first `- ` item between `at` and `end`.
fn item_indent(lines: &[String], at: usize, end: usize) -> Option<usize> {
    lines[at + 1..=end.max(at)].iter().find_map(|l| {
        let trimmed = l.trim_start();
        trimmed.starts_with('-').then(|| l.len() - trimmed.len())
    })
}

/// The indentation of the first key under the mapping on line `at`.
fn child_indent(lines: &[String], at: usize, end: usize) -> usize {
    lines[at + 1..end]
        .iter()
        .find_map(|l| {
            let trimmed = l.trim_start();
            (!trimmed.is_empty() && !trimmed.starts_with('#')).then(|| l.len() - trimmed.len())
        })
        .unwrap_or(2)
}

/// Writes `bytes` to `path` through a synced temporary file renamed into
/// place: `briefing.yaml` is the user's, and must never be half written.
fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    if let Ok(meta) = std::fs::metadata(path) {
        std::fs::set_permissions(tmp.path(), meta.permissions()).map_err(|e| Error::io(path, e))?;
    }
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, block: &str) -> Entry {
        Entry {
            id: id.into(),
            comments: vec![format!("evidence for {id}")],
            block: block.lines().map(str::to_string).collect(),
            flow: format!("{{\"slug\": \"{id}\", \"name\": \"{id}\"}}"),
        }
    }

    fn themes(entries: Vec<Entry>) -> Vec<Section> {
        vec![Section {
            key: ListKey::Top("themes"),
            entries,
        }]
    }

    #[test]
    fn new_items_go_after_the_last_item_of_a_block_list() {
        let text = "title: t\nthemes:\n  # mine\n  - slug: a\n    name: A\n\n# the dialogues\ndialogues: []\n";
        let new = themes(vec![
            entry("a", "- slug: a\n  name: A"),
            entry("b", "- slug: b\n  name: B"),
        ]);
        let (out, merged) = merge_text(Path::new("briefing.yaml"), text, &new).unwrap();
        assert_eq!(
            merged.added,
            [("themes".to_string(), vec!["b".to_string()])]
        );
        assert_eq!(
            out,
            "title: t\nthemes:\n  # mine\n  - slug: a\n    name: A\n  # evidence for b\n  - slug: b\n    name: B\n\n# the dialogues\ndialogues: []\n"
        );
    }

    #[test]
    fn a_one_line_list_gets_its_items_inside_its_brackets() {
        let text = "title: t\nthemes: [{slug: a, name: A}]  # kept\n";
        let new = themes(vec![entry("b", "- slug: b\n  name: B")]);
        let (out, _) = merge_text(Path::new("briefing.yaml"), text, &new).unwrap();
        assert_eq!(
            out,
            "title: t\nthemes: [{slug: a, name: A}, {\"slug\": \"b\", \"name\": \"b\"}]  # kept\n"
        );
    }

    #[test]
    fn a_missing_chrome_list_is_added_under_ingest() {
        let text = "title: t\ningest:\n    max_seed_mb: 5\nprint:\n  page_size: A4\n";
        let sections = vec![Section {
            key: ListKey::Ingest("chrome_lines"),
            entries: vec![Entry {
                id: "menu".into(),
                comments: vec![],
                block: vec!["- Menu".into()],
                flow: "\"Menu\"".into(),
            }],
        }];
        let (out, _) = merge_text(Path::new("briefing.yaml"), text, &sections).unwrap();
        assert_eq!(
            out,
            "title: t\ningest:\n    max_seed_mb: 5\n    chrome_lines:\n      - Menu\nprint:\n  page_size: A4\n"
        );
    }

    #[test]
    fn a_file_that_does_not_parse_is_refused_with_its_line() {
        let err = merge_text(
            Path::new("briefing.yaml"),
            "title: t\nthemes: [a\n",
            &themes(vec![]),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("briefing.yaml:"), "{err}");
    }
}
