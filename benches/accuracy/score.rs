//! Scoring one page's fields against its labels.

use std::collections::{BTreeMap, BTreeSet};

use briefing::Config;

use crate::corpus::{Label, Made, Page};
use crate::same_text::same_text;
use crate::tally::Scores;

pub fn score(scores: &mut Scores, page: &Page, made: Option<&Made>, config: &Config) {
    let id = page.id.as_str();
    let label = &page.label;
    scores.pages += 1;
    let Some(made) = made else {
        scores
            .titles
            .add(false, id, || "ingest refused the page".into());
        return;
    };
    let titles: Vec<String> = std::iter::once(&label.title)
        .chain(&label.title_alternatives)
        .map(|t| same_text(t))
        .collect();
    let title_right = titles.contains(&same_text(&made.title));
    scores.titles.add(title_right, id, || {
        format!("{:?}, wanted {:?}", made.title, label.title)
    });
    if label.title_on_page {
        scores.titles_on_page.add(title_right, id, String::new);
    }
    let bad = bad_title(&made.title, id, label.date_text.as_deref());
    scores.bad_titles.add(bad.is_none(), id, || {
        format!("{:?} is {}", made.title, bad.unwrap_or_default())
    });
    score_dates(scores, id, label, made);
    score_series(scores, id, label, made);
    let known = organisation_names(config);
    let wanted: BTreeSet<String> = label.issuers.iter().map(|n| canonical(n, &known)).collect();
    let took_part: BTreeSet<String> = label
        .participants
        .iter()
        .map(|n| canonical(n, &known))
        .chain(wanted.iter().cloned())
        .collect();
    let found: BTreeSet<String> = made
        .organisations
        .iter()
        .map(|n| canonical(n, &known))
        .collect();
    scores
        .issuers
        .add(id, &found, &wanted, &|f: &str| took_part.contains(f));
    let kind = kind_slug(&label.kind);
    scores.kinds.add(made.kind == kind, id, || {
        format!("{}, wanted {kind}", made.kind)
    });
    let themes: BTreeSet<String> = label.themes.iter().map(|t| t.slug.clone()).collect();
    let found: BTreeSet<String> = made.themes.iter().cloned().collect();
    scores
        .themes
        .add(id, &found, &themes, &|f: &str| themes.contains(f));
    score_chrome(scores, page, made);
    for text in &made.recommendations {
        scores.recommendations += 1;
        scores
            .fragments
            .add(!is_fragment(text), id, || format!("{text:?}"));
    }
}

pub fn score_dates(scores: &mut Scores, id: &str, label: &Label, made: &Made) {
    let wanted = label.date.as_ref().map(date_text);
    match &wanted {
        Some(wanted) => scores.dates.add(
            made.stated && made.date.as_deref() == Some(wanted.as_str()),
            id,
            || format!("{:?} (stated: {}), wanted {wanted}", made.date, made.stated),
        ),
        None => scores.false_dates.add(!made.stated, id, || {
            format!(
                "stated {:?}, but the page states no date of its own",
                made.date
            )
        }),
    }
    if let Some(year) = label.year {
        let got = made
            .date
            .as_deref()
            .and_then(|d| d.get(..4)?.parse::<i32>().ok());
        scores
            .years
            .add(got == Some(year), id, || format!("{got:?}, wanted {year}"));
    }
}

pub fn score_series(scores: &mut Scores, id: &str, label: &Label, made: &Made) {
    let wanted = label.dialogue.as_deref().filter(|d| *d != "new");
    let wrong: Vec<&String> = made
        .dialogues
        .iter()
        .filter(|d| Some(d.as_str()) != wanted)
        .collect();
    let right = match wanted {
        Some(slug) => made.dialogues.iter().any(|d| d == slug),
        None => made.dialogues.is_empty(),
    };
    scores.series_right.add(right, id, || {
        format!("{:?}, wanted {:?}", made.dialogues, label.dialogue)
    });
    if wanted.is_some() && made.dialogues.is_empty() {
        scores.series_missing += 1;
    }
    scores.series_wrong.add(wrong.is_empty(), id, || {
        format!("filed under {wrong:?}, wanted {:?}", label.dialogue)
    });
    let named: Vec<String> = label
        .series
        .iter()
        .chain(&label.series_mentions)
        .map(|s| same_text(s))
        .collect();
    let proposed = |p: &String| named.iter().any(|n| n.contains(&same_text(p)));
    match label.dialogue.as_deref() {
        Some("new") => scores
            .series_proposed
            .add(made.new_series.iter().any(proposed), id, || {
                format!("proposed {:?}, wanted {:?}", made.new_series, label.series)
            }),
        _ if !made.new_series.is_empty() && !made.new_series.iter().any(proposed) => {
            scores.series_proposed_wrongly += 1
        }
        _ => {}
    }
}

/// Lines of the body that are chrome by the labels: before the body's
/// first line or after its last in the capture, or listed as chrome inside
/// it. The title and the dateline are the document's, not chrome.
pub fn score_chrome(scores: &mut Scores, page: &Page, made: &Made) {
    let label = &page.label;
    let lines: Vec<&str> = page.text.lines().collect();
    let first = label
        .body_first
        .as_deref()
        .and_then(|f| lines.iter().position(|l| *l == f))
        .unwrap_or(0);
    let last = label
        .body_last
        .as_deref()
        .and_then(|l| lines.iter().rposition(|x| *x == l))
        .unwrap_or(lines.len().saturating_sub(1));
    let body: BTreeSet<String> = lines[first..=last.max(first)]
        .iter()
        .map(|l| same_text(l))
        .filter(|l| !label.chrome.iter().any(|c| same_text(c) == *l))
        .collect();
    let own: BTreeSet<String> = [Some(&label.title), label.date_text.as_ref()]
        .into_iter()
        .flatten()
        .chain(&label.title_alternatives)
        .map(|t| same_text(t))
        .collect();
    let chrome: BTreeSet<String> = lines
        .iter()
        .map(|l| same_text(l))
        .filter(|l| !l.is_empty() && !body.contains(l) && !own.contains(l))
        .collect();
    for line in made.body.lines() {
        let text = same_text(&markdown_text(line));
        if !text.is_empty() && chrome.contains(&text) {
            scores.chrome_lines += 1;
            scores.chrome_misses.push(format!("{}: {text:?}", page.id));
        }
    }
}

/// A line of generated markdown as the text it shows: no heading marks,
/// bullets, emphasis or `{#id .class}` attributes.
pub fn markdown_text(line: &str) -> String {
    let line = line.trim_start_matches(['#', ' ', '-', '*', '>']);
    let line = match line.rfind(" {#") {
        Some(at) if line.ends_with('}') => &line[..at],
        _ => line,
    };
    line.replace("**", "").replace('\\', "")
}

/// Why a title is no title at all (a date, the seed's name, a masthead),
/// if it is one of those.
pub fn bad_title(title: &str, id: &str, date_text: Option<&str>) -> Option<String> {
    let t = title.trim();
    if t.starts_with(id) {
        return Some("the seed's file name".into());
    }
    if date_text.is_some_and(|d| same_text(t) == same_text(d)) {
        return Some("the date".into());
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 {
        return Some("not words".into());
    }
    None
}

/// A recommendation that is not a whole sentence: cut off, a lead-in
/// ending in ':', or a few words.
pub fn is_fragment(text: &str) -> bool {
    let t = text.trim();
    let ends = t.ends_with(['.', '!', '?', '”', '"', ')', ';', '。']);
    !ends || t.ends_with(':') || t.split_whitespace().count() < 5
}

/// A label's date (`2024-05-01`, `2024-05`, or a YAML date) as text.
pub fn date_text(value: &yaml_serde::Value) -> String {
    match value {
        yaml_serde::Value::String(s) => s.clone(),
        yaml_serde::Value::Number(n) => n.to_string(),
        other => yaml_serde::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// Organisation names by any of their names in `briefing.yaml`.
pub fn organisation_names(config: &Config) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for org in &config.organisations {
        names.insert(same_text(&org.name), org.name.clone());
        for alias in &org.aliases {
            names.insert(same_text(alias), org.name.clone());
        }
    }
    names
}

pub fn canonical(name: &str, known: &BTreeMap<String, String>) -> String {
    known
        .get(&same_text(name))
        .cloned()
        .unwrap_or_else(|| same_text(name))
}

/// The labels' kinds in the bundled configuration's kinds.
pub fn kind_slug(kind: &str) -> &str {
    match kind {
        "news" | "readout" | "press-release" => "press-release",
        "joint-statement" | "statement" => "joint-statement",
        "letter" => "letter",
        "recommendations" => "recommendations",
        "commentary" => "commentary",
        _ => "other",
    }
}
