//! The suggestions as YAML entries of `briefing.yaml`'s lists, each with
//! its evidence as comments: what `briefing.suggested.yaml` holds, and
//! what `--merge` appends. An entry is written both as block YAML (with
//! its comments, for a block list) and as one flow item (JSON, which is
//! YAML, for a list written `[a, b]`).

use serde_json::json;

use super::{ChromeLine, Dialogue, Kind, Organisation, Suggestions, Theme, SUGGESTED_FILE};
use crate::config::{Config, KindDef};

/// Where a list lives in `briefing.yaml`: `themes`, or `ingest.chrome_lines`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKey {
    Top(&'static str),
    Ingest(&'static str),
}

impl ListKey {
    pub fn name(self) -> String {
        match self {
            ListKey::Top(key) => key.to_string(),
            ListKey::Ingest(key) => format!("ingest.{key}"),
        }
    }
}

/// One item of a list, with what identifies it (a slug, a name, a line).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub comments: Vec<String>,
    /// Block YAML lines, the first starting `- `, unindented.
    pub block: Vec<String>,
    pub flow: String,
}

/// A list and the entries proposed for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub key: ListKey,
    pub entries: Vec<Entry>,
}

/// Every list the suggestions fill, in `briefing.yaml`'s order. `config`
/// gives the kinds already in force, which a `kinds:` list written anew
/// must keep.
pub fn sections(s: &Suggestions, config: &Config) -> Vec<Section> {
    let section = |key, entries: Vec<Entry>| Section { key, entries };
    let n = s.documents.len();
    vec![
        section(
            ListKey::Top("themes"),
            s.themes.iter().map(|t| theme(t, s, n)).collect(),
        ),
        section(
            ListKey::Top("dialogues"),
            s.dialogues.iter().map(dialogue).collect(),
        ),
        section(
            ListKey::Top("organisations"),
            s.organisations.iter().map(organisation).collect(),
        ),
        section(ListKey::Top("kinds"), kinds(&s.kinds, config)),
        section(
            ListKey::Ingest("chrome_lines"),
            s.chrome_lines
                .iter()
                .map(|c| chrome_line(c, "opens or closes"))
                .collect(),
        ),
        section(
            ListKey::Ingest("footer_markers"),
            (s.footer_markers.iter())
                .map(|c| chrome_line(c, "the rest is the site's (cut from here) in"))
                .collect(),
        ),
    ]
}

/// The text of `briefing.suggested.yaml`.
pub fn render(s: &Suggestions, config: &Config) -> String {
    let mut out = format!(
        "# {SUGGESTED_FILE}: what `briefing suggest` proposes from {} documents.\n\
         # briefing never reads this file. Copy what you want into briefing.yaml, or\n\
         # delete what you do not want here and run `briefing suggest --merge`, which\n\
         # appends to briefing.yaml every entry it lacks. The comments are the evidence.\n",
        s.documents.len()
    );
    let mut ingest_started = false;
    for section in sections(s, config) {
        let indent = match section.key {
            ListKey::Top(key) => {
                out.push_str(&format!("\n{key}:"));
                ""
            }
            ListKey::Ingest(key) => {
                if !ingest_started {
                    out.push_str("\ningest:");
                    ingest_started = true;
                }
                out.push_str(&format!("\n  {key}:"));
                "  "
            }
        };
        if section.entries.is_empty() {
            out.push_str(" []  # nothing to propose\n");
            continue;
        }
        out.push('\n');
        for entry in &section.entries {
            out.push_str(&entry_lines(entry, &format!("{indent}  ")));
        }
    }
    out
}

/// An entry's comments and block lines, each line indented by `indent`.
pub fn entry_lines(entry: &Entry, indent: &str) -> String {
    let comments = entry.comments.iter().map(|c| format!("# {c}"));
    comments
        .chain(entry.block.iter().cloned())
        .map(|line| format!("{indent}{line}\n"))
        .collect()
}

fn theme(t: &Theme, s: &Suggestions, n: usize) -> Entry {
    let slug = crate::util::slugify(&t.name);
    let counts: Vec<String> = t
        .keywords
        .iter()
        .zip(&t.keyword_documents)
        .map(|(k, d)| format!("{k} {d}"))
        .collect();
    let mut comments = vec![
        format!(
            "in {} of {n} documents: {}",
            t.documents.len(),
            listed(t.documents.iter().map(|&i| s.documents[i].as_str()))
        ),
        format!("documents per keyword: {}", counts.join(", ")),
    ];
    comments.extend(t.notes.iter().map(|n| format!("note: {n}")));
    let value = json!({"slug": slug, "name": t.name, "keywords": t.keywords});
    Entry {
        id: slug.clone(),
        comments,
        block: vec![
            format!("- slug: {}", scalar(&slug)),
            format!("  name: {}", scalar(&t.name)),
            format!("  keywords: {}", flow_list(&t.keywords)),
        ],
        flow: value.to_string(),
    }
}

fn dialogue(d: &Dialogue) -> Entry {
    let series = &d.series;
    let also: Vec<&str> = series
        .seeds
        .iter()
        .filter(|s| !d.main_in.contains(s))
        .map(String::as_str)
        .collect();
    let mut comments = vec![format!(
        "the main series of {}",
        listed(d.main_in.iter().map(String::as_str))
    )];
    if !also.is_empty() {
        comments.push(format!("also named in {}", listed(also.into_iter())));
    }
    let mut block = vec![
        format!("- slug: {}", scalar(&series.slug)),
        format!("  name: {}", scalar(&series.name)),
    ];
    if !series.aliases.is_empty() {
        block.push(format!("  aliases: {}", flow_list(&series.aliases)));
    }
    let value = json!({"slug": series.slug, "name": series.name, "aliases": series.aliases});
    Entry {
        id: series.slug.clone(),
        comments,
        block,
        flow: value.to_string(),
    }
}

fn organisation(o: &Organisation) -> Entry {
    let value = match o.aliases.is_empty() {
        true => json!({"name": o.name}),
        false => json!({"name": o.name, "aliases": o.aliases}),
    };
    let block = match o.aliases.is_empty() {
        true => format!("- {{name: {}}}", scalar(&o.name)),
        false => format!(
            "- {{name: {}, aliases: {}}}",
            scalar(&o.name),
            flow_list(&o.aliases)
        ),
    };
    Entry {
        id: o.name.clone(),
        comments: vec![format!(
            "named in {}",
            listed(o.seeds.iter().map(String::as_str))
        )],
        block: vec![block],
        flow: value.to_string(),
    }
}

/// New kinds; when `briefing.yaml` sets no kinds, the kinds in force come
/// first, as setting `kinds` replaces the whole default list.
fn kinds(found: &[Kind], config: &Config) -> Vec<Entry> {
    let new: Vec<&Kind> = found.iter().filter(|k| !k.known).collect();
    if new.is_empty() {
        return Vec::new();
    }
    let kept = config.kinds.iter().map(|k| {
        kind_entry(
            k,
            vec!["a kind in force now (listed so that it stays)".to_string()],
        )
    });
    let added = new.iter().map(|k| {
        let cues: Vec<String> = k.kind.cues.iter().map(|c| format!("{c:?}")).collect();
        let comment = format!(
            "{} in the headers of {}",
            cues.join(", "),
            listed(k.seeds.iter().map(String::as_str))
        );
        kind_entry(&k.kind, vec![comment])
    });
    kept.chain(added).collect()
}

fn kind_entry(k: &KindDef, comments: Vec<String>) -> Entry {
    Entry {
        id: k.slug.clone(),
        comments,
        block: vec![format!(
            "- {{slug: {}, name: {}, cues: {}}}",
            scalar(&k.slug),
            scalar(&k.name),
            flow_list(&k.cues)
        )],
        flow: json!({"slug": k.slug, "name": k.name, "cues": k.cues}).to_string(),
    }
}

/// A chrome line or a footer marker, with what it does in which seeds.
fn chrome_line(c: &ChromeLine, does: &str) -> Entry {
    Entry {
        id: c.line.to_lowercase(),
        comments: vec![format!(
            "{does} {}",
            listed(c.seeds.iter().map(String::as_str))
        )],
        block: vec![format!("- {}", scalar(&c.line))],
        flow: serde_json::Value::from(c.line.as_str()).to_string(),
    }
}

/// Up to eight names, then how many more.
fn listed<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.collect();
    let shown = names.iter().take(8).copied().collect::<Vec<_>>().join(", ");
    match names.len() {
        0..=8 => shown,
        n => format!("{shown} and {} more", n - 8),
    }
}

fn flow_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| scalar(i)).collect();
    format!("[{}]", items.join(", "))
}

/// `text` as a YAML scalar: plain when that reads back as the same text
/// in a flow list too, else double-quoted (JSON's quoting is YAML's).
pub fn scalar(text: &str) -> String {
    const RESERVED: &[&str] = &[
        "yes", "no", "true", "false", "null", "on", "off", "y", "n", "~",
    ];
    let plain = text.starts_with(|c: char| c.is_alphanumeric())
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " .-–’'()/&".contains(c))
        && !text.ends_with(' ')
        && !text.contains(" #")
        && !RESERVED.contains(&text.to_lowercase().as_str())
        && text.parse::<f64>().is_err();
    match plain {
        true => text.to_string(),
        false => serde_json::Value::from(text).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_the_same_text() {
        for text in [
            "Energy security",
            "U.S.-EU Energy Council",
            "a: b",
            "yes",
            "[x]",
            "2024",
            "it's, a list",
            "#1",
        ] {
            let yaml = format!("[{}]", scalar(text));
            let back: Vec<String> = yaml_serde::from_str(&yaml).unwrap();
            assert_eq!(back, [text], "{yaml}");
        }
    }
}
