//! `briefing suggest` on a corpus of another domain: `cargo bench --bench
//! suggest`.
//!
//! The pages of `eval/energy/` (climate and energy cooperation, labelled by
//! reading: `eval/energy/README.md`) become the seeds of a project whose
//! `briefing.yaml` names a title and an empty taxonomy, nothing else. The
//! suggestions are merged as `briefing suggest --merge` merges them, taken
//! whole, and the seeds ingested; the result is scored against the labels:
//! documents with a theme, documents filed under the right series (and
//! series that mix pairs of parties), titles, and the lines of
//! `briefing.yaml` written by hand. Figures are printed for the tuning
//! pages, the held-out ones and all. `BRIEFING_SUGGEST_LIST=1` lists the
//! tuning pages' misses; `BRIEFING_SUGGEST_SPLIT=tune` shows that split
//! alone (figures, and the labels of the dialogues' documents), for
//! tuning without a look at the held-out pages; `BRIEFING_SUGGEST_KEEP=DIR`
//! keeps the project.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use briefing::content::ContentFile;
use briefing::suggest::{merge, output, suggest_project};
use briefing::Config;
use serde::Deserialize;

#[path = "common/same_text.rs"]
mod same_text;
use same_text::same_text;

/// The `briefing.yaml` a user writes: a title and an empty taxonomy.
const HAND_WRITTEN: &str =
    "title: Climate and energy cooperation\nthemes: []\ndialogues: []\norganisations: []\n";

#[derive(Debug, Deserialize)]
struct Label {
    title: String,
    #[serde(default)]
    title_alternatives: Vec<String>,
    title_on_page: bool,
    series: Option<String>,
    parties: Vec<String>,
    split: String,
}

struct Made {
    title: String,
    themes: Vec<String>,
    dialogues: Vec<String>,
}

#[derive(Default)]
struct Scores {
    pages: usize,
    themed: usize,
    series_right: usize,
    titles_on_page: usize,
    titles_right: usize,
    misses: Vec<String>,
}

fn main() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = repo.join("eval/energy");
    let labels = read_labels(&corpus);
    let project = tempfile::tempdir().expect("a temporary project");
    let root = match std::env::var_os("BRIEFING_SUGGEST_KEEP") {
        Some(dir) => PathBuf::from(dir),
        None => project.path().to_path_buf(),
    };
    std::fs::create_dir_all(root.join("seeds")).unwrap();
    std::fs::write(root.join("briefing.yaml"), HAND_WRITTEN).unwrap();
    for id in labels.keys() {
        std::fs::copy(
            corpus.join(format!("{id}.txt")),
            root.join(format!("seeds/{id}.txt")),
        )
        .unwrap();
    }
    let config = Config::load(&root).unwrap();
    let (suggestions, errors) = suggest_project(&root, &config).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    let sections = output::sections(&suggestions, &config);
    merge::merge_file(&root.join("briefing.yaml"), &sections).unwrap();
    let config = Config::load(&root).unwrap();
    let report = briefing::ingest::ingest_project(&root, &config, &Default::default()).unwrap();
    let made: BTreeMap<String, Made> = report
        .documents
        .iter()
        .filter_map(|d| {
            let id = d.seed.file_stem()?.to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&d.content).ok()?;
            let fm = ContentFile::parse(&d.content, &text).ok()?.front_matter;
            let themes = fm.themes.into_iter().map(|t| t.slug).collect();
            Some((
                id,
                Made {
                    title: fm.title,
                    themes,
                    dialogues: fm.dialogues,
                },
            ))
        })
        .collect();
    let meaning = dialogue_meanings(&labels, &made);
    println!(
        "suggest on {} ({} pages), from a briefing.yaml of {} hand-written lines\n",
        corpus.display(),
        labels.len(),
        HAND_WRITTEN.lines().count()
    );
    println!(
        "suggested: {} themes, {} dialogues, {} organisations, {} chrome lines, {} footer markers",
        suggestions.themes.len(),
        suggestions.dialogues.len(),
        suggestions.organisations.len(),
        suggestions.chrome_lines.len(),
        suggestions.footer_markers.len()
    );
    let only = std::env::var("BRIEFING_SUGGEST_SPLIT").ok();
    let shown: BTreeMap<String, Label> = labels
        .into_iter()
        .filter(|(_, l)| only.as_ref().is_none_or(|s| *s == l.split))
        .collect();
    print!("{}", dialogue_report(&meaning, &shown, &made));
    let list = std::env::var_os("BRIEFING_SUGGEST_LIST").is_some();
    let splits = match &only {
        Some(split) => vec![split.as_str()],
        None => vec!["tune", "holdout", "all"],
    };
    for split in splits {
        let labels = &shown;
        let scores = score(labels, &made, &meaning, split);
        print!("{}", show(split, &scores));
        if list && split == "tune" {
            scores.misses.iter().for_each(|m| println!("  miss {m}"));
        }
    }
    println!("\nbriefing.yaml lines written by hand: {} (then none: the suggestions were taken as they came)", HAND_WRITTEN.lines().count());
}

fn read_labels(dir: &Path) -> BTreeMap<String, Label> {
    let mut labels = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "yaml") {
            let id = path.file_stem().unwrap().to_string_lossy().into_owned();
            let label: Label = yaml_serde::from_str(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            labels.insert(id, label);
        }
    }
    labels
}

/// Each dialogue a document was filed under → the labelled series most of
/// its documents belong to (`None` when most belong to none).
fn dialogue_meanings(
    labels: &BTreeMap<String, Label>,
    made: &BTreeMap<String, Made>,
) -> BTreeMap<String, Option<String>> {
    let mut votes: BTreeMap<&str, BTreeMap<Option<&str>, usize>> = BTreeMap::new();
    for (id, m) in made {
        for d in &m.dialogues {
            *votes
                .entry(d)
                .or_default()
                .entry(labels[id].series.as_deref())
                .or_default() += 1;
        }
    }
    votes
        .into_iter()
        .map(|(d, v)| {
            let best = v
                .into_iter()
                .max_by_key(|(s, n)| (*n, s.is_some()))
                .map(|(s, _)| s);
            (d.to_string(), best.flatten().map(str::to_string))
        })
        .collect()
}

/// Per suggested dialogue: its documents' labels, and whether it mixes
/// pairs of parties.
fn dialogue_report(
    meaning: &BTreeMap<String, Option<String>>,
    labels: &BTreeMap<String, Label>,
    made: &BTreeMap<String, Made>,
) -> String {
    let mut out = String::new();
    let mut mixed = 0;
    let mut pure = 0;
    for d in meaning.keys() {
        let docs: Vec<&String> = made
            .iter()
            .filter(|(id, m)| m.dialogues.contains(d) && labels.contains_key(*id))
            .map(|(id, _)| id)
            .collect();
        if docs.is_empty() {
            continue;
        }
        let parties: BTreeSet<BTreeSet<&String>> = docs
            .iter()
            .filter(|id| labels[id.as_str()].series.is_some())
            .map(|id| labels[id.as_str()].parties.iter().collect())
            .collect();
        let series: BTreeSet<Option<&str>> = docs
            .iter()
            .map(|id| labels[id.as_str()].series.as_deref())
            .collect();
        mixed += usize::from(parties.len() > 1);
        pure += usize::from(series.len() == 1 && !series.contains(&None));
        out.push_str(&format!(
            "  dialogue {d}: {} documents, labelled {:?}\n",
            docs.len(),
            series
        ));
    }
    format!(
        "dialogues documents were filed under: {}; of one labelled series only: {pure}; mixing pairs of parties: {mixed}\n{out}",
        meaning.len()
    )
}

fn score(
    labels: &BTreeMap<String, Label>,
    made: &BTreeMap<String, Made>,
    meaning: &BTreeMap<String, Option<String>>,
    split: &str,
) -> Scores {
    let mut s = Scores::default();
    for (id, label) in labels
        .iter()
        .filter(|(_, l)| split == "all" || l.split == split)
    {
        s.pages += 1;
        let Some(m) = made.get(id) else {
            s.misses.push(format!("{id}: not ingested"));
            continue;
        };
        s.themed += usize::from(!m.themes.is_empty());
        let filed: BTreeSet<Option<&str>> =
            m.dialogues.iter().map(|d| meaning[d].as_deref()).collect();
        let right = match label.series.as_deref() {
            None => m.dialogues.is_empty(),
            Some(series) => filed.len() == 1 && filed.contains(&Some(series)),
        };
        s.series_right += usize::from(right);
        if !right {
            s.misses.push(format!(
                "{id}: filed under {:?}, labelled {:?}",
                m.dialogues, label.series
            ));
        }
        if label.title_on_page {
            s.titles_on_page += 1;
            let wanted: Vec<String> = std::iter::once(&label.title)
                .chain(&label.title_alternatives)
                .map(|t| same_text(t))
                .collect();
            let title_right = wanted.contains(&same_text(&m.title));
            s.titles_right += usize::from(title_right);
            if !title_right {
                s.misses.push(format!(
                    "{id}: title {:?}, wanted {:?}",
                    m.title, label.title
                ));
            }
        }
    }
    s
}

fn show(split: &str, s: &Scores) -> String {
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    format!(
        "\n{split} ({} pages)\n  documents with a theme       {}/{} ({:.0} %)\n  filed under the right series {}/{} ({:.0} %)\n  titles (title on the page)   {}/{} ({:.0} %)\n",
        s.pages,
        s.themed, s.pages, pct(s.themed, s.pages),
        s.series_right, s.pages, pct(s.series_right, s.pages),
        s.titles_right, s.titles_on_page, pct(s.titles_right, s.titles_on_page),
    )
}
