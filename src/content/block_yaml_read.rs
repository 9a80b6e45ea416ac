//! Reading back the front matter `block_yaml` writes, without libyaml: a
//! warm build reads every content file twice (ingest's look at what is in
//! `content/`, then the site), and with `yaml_serde`'s parser that is over a
//! third of the instructions of a warm build of 1,000 documents.
//!
//! The reader knows only the block shapes and scalars `block_yaml` writes.
//! It never has to be right on its own: [`read`] keeps its result only when
//! writing that result again gives the very same text. `yaml_serde` reads
//! back what it writes, and `block_yaml` writes what `yaml_serde` writes, so
//! then `yaml_serde` would have read the same value. Anything else (a
//! comment, a hand-written flow list, a quoted number …) is left to
//! `yaml_serde`, with its error messages.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// `yaml` as a `T`, when it is exactly what `block_yaml` writes for it.
pub fn read<T: DeserializeOwned + Serialize>(yaml: &str) -> Option<T> {
    let lines = Lines::of(yaml)?;
    let mut at = 0;
    let value = block(&lines, &mut at, 0)?;
    if at != lines.0.len() {
        return None;
    }
    let parsed: T = serde_json::from_value(value).ok()?;
    (super::block_yaml::to_string(&parsed)? == yaml).then_some(parsed)
}

/// The lines of the document as (indent, text after it).
struct Lines<'a>(Vec<(usize, &'a str)>);

impl<'a> Lines<'a> {
    fn of(yaml: &'a str) -> Option<Lines<'a>> {
        let body = yaml.strip_suffix('\n')?;
        let lines = body
            .split('\n')
            .map(|line| {
                let text = line.trim_start_matches(' ');
                (line.len() - text.len(), text)
            })
            .collect();
        Some(Lines(lines))
    }
}

/// The mapping or sequence whose lines start at `indent`.
fn block(lines: &Lines, at: &mut usize, indent: usize) -> Option<Value> {
    let (_, text) = *lines.0.get(*at)?;
    if text.starts_with("- ") {
        sequence(lines, at, indent)
    } else {
        mapping(lines, at, indent, None)
    }
}

fn sequence(lines: &Lines, at: &mut usize, indent: usize) -> Option<Value> {
    let mut items = Vec::new();
    while let Some(&(width, text)) = lines.0.get(*at) {
        let Some(item) = text.strip_prefix("- ").filter(|_| width == indent) else {
            break;
        };
        if split_key(item).is_some() {
            items.push(mapping(lines, at, indent + 2, Some(item))?);
        } else {
            items.push(scalar(item)?);
            *at += 1;
        }
    }
    Some(Value::Array(items))
}

/// The mapping whose keys are at `indent`; `first` stands for the text of
/// its first line when the mapping starts after a sequence item's `- `.
fn mapping(lines: &Lines, at: &mut usize, indent: usize, first: Option<&str>) -> Option<Value> {
    let mut map = Map::new();
    let mut first = first;
    while let Some(&(width, text)) = lines.0.get(*at) {
        let text = match first.take() {
            Some(text) => text,
            None if width == indent && !text.starts_with("- ") => text,
            None => break,
        };
        let (key, rest) = split_key(text)?;
        *at += 1;
        let value = if rest.is_empty() {
            nested(lines, at, indent)?
        } else {
            scalar(rest)?
        };
        if map.insert(key, value).is_some() {
            return None;
        }
    }
    Some(Value::Object(map))
}

/// The block value of a key written as `key:` at `indent`: a sequence at the
/// same indent or a mapping two deeper.
fn nested(lines: &Lines, at: &mut usize, indent: usize) -> Option<Value> {
    let &(width, text) = lines.0.get(*at)?;
    match (width, text.starts_with("- ")) {
        (w, true) if w == indent => sequence(lines, at, indent),
        (w, false) if w == indent + 2 => mapping(lines, at, indent + 2, None),
        _ => None,
    }
}

/// `key: value` or `key:` → (key, value text, empty when the value follows
/// on the next lines). `None` when the text is not a mapping entry.
fn split_key(text: &str) -> Option<(String, &str)> {
    let (key, rest) = if let Some(quoted) = text.strip_prefix('\'') {
        let (key, used) = single_quoted(quoted)?;
        (key, &quoted[used..])
    } else {
        let end = text
            .find(": ")
            .or_else(|| text.strip_suffix(':').map(str::len))?;
        (text[..end].to_string(), &text[end..])
    };
    match rest {
        ":" => Some((key, "")),
        _ => rest.strip_prefix(": ").map(|value| (key, value)),
    }
}

/// The text of a single-quoted scalar whose opening quote is already
/// consumed, and how many bytes of `s` it took (closing quote included).
fn single_quoted(s: &str) -> Option<(String, usize)> {
    let mut text = String::new();
    let mut rest = s;
    loop {
        let quote = rest.find('\'')?;
        text.push_str(&rest[..quote]);
        rest = &rest[quote + 1..];
        match rest.strip_prefix('\'') {
            Some(after) => {
                text.push('\'');
                rest = after;
            }
            None => return Some((text, s.len() - rest.len())),
        }
    }
}

fn scalar(text: &str) -> Option<Value> {
    match text {
        "[]" => return Some(Value::Array(Vec::new())),
        "{}" => return Some(Value::Object(Map::new())),
        _ => {}
    }
    if let Some(quoted) = text.strip_prefix('\'') {
        let (s, used) = single_quoted(quoted)?;
        return (used == quoted.len()).then_some(Value::String(s));
    }
    if text.starts_with('"') {
        return None;
    }
    let numeric = text.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.');
    if numeric {
        if let Ok(n) = text.parse::<u64>() {
            return Some(n.into());
        }
        if let Ok(n) = text.parse::<i64>() {
            return Some(n.into());
        }
        if let Some(n) = text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
        {
            return Some(Value::Number(n));
        }
    }
    Some(Value::String(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::FrontMatter;

    const WRITTEN: &str = "title: 'A: title'\ndate: 2019-10-18\ndate_source: stated\ndialogues:\n- eu-japan\nkind: commentary\norganisations: []\nthemes:\n- slug: ai\n  weight: 0.32\n- slug: trade\n  weight: 1.0\nsummary: It's here.\nglossary:\n  '''Q''': quoted key\n  AI: Artificial Intelligence\nrecommendations:\n- section: ''\n  themes:\n  - ai\n  kind: commitment\n  text: We will act.\ngenerated:\n  sha256: abc\n";

    #[test]
    fn what_block_yaml_writes_reads_as_yaml_serde_reads_it() {
        let slow: FrontMatter = yaml_serde::from_str(WRITTEN).unwrap();
        assert_eq!(yaml_serde::to_string(&slow).unwrap(), WRITTEN);
        let fast: FrontMatter = read(WRITTEN).expect("the emitter's own shape");
        assert_eq!(fast, slow);
    }

    #[test]
    fn anything_else_is_left_to_yaml_serde() {
        for yaml in [
            "title: T\n# a comment\n",
            "title: T\ndialogues: [a, b]\n",
            "title: \"T\"\n",
            "title: T\ndate: 2019\n",
            "title: T\n",
            "title: T\ntitle: U\n",
            "title:\n  - x\n",
            "",
        ] {
            assert!(read::<FrontMatter>(yaml).is_none(), "{yaml:?}");
        }
    }
}
