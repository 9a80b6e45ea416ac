//! Ingest accuracy on the labelled corpus: `cargo bench --bench accuracy`.
//!
//! Every page of `eval/corpus/` (a capture `<id>.txt` and its labels
//! `<id>.yaml`, labelled by reading: `eval/README.md`) is ingested as a
//! seed of one project with the bundled `briefing.yaml`, as a user's corpus
//! would be (chrome is learned across it), and each field is scored
//! against its label. The
//! figures are printed for the pages kept for tuning, for the held-out
//! pages (looked at only to check), and for all. `BRIEFING_ACCURACY_LIST=1`
//! also lists every miss of the tuning pages; the held-out ones are never
//! listed. `BRIEFING_ACCURACY_CORPUS` points at another corpus folder.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use briefing::content::ContentFile;
use briefing::Config;
use serde::Deserialize;

/// One page's labels (see `eval/README.md` for what each field means).
#[derive(Debug, Deserialize)]
struct Label {
    title: String,
    #[serde(default)]
    title_alternatives: Vec<String>,
    #[serde(default = "yes")]
    title_on_page: bool,
    date: Option<yaml_serde::Value>,
    date_text: Option<String>,
    year: Option<i32>,
    dialogue: Option<String>,
    series: Option<String>,
    #[serde(default)]
    series_mentions: Vec<String>,
    #[serde(default)]
    issuers: Vec<String>,
    #[serde(default)]
    participants: Vec<String>,
    kind: String,
    #[serde(default)]
    themes: Vec<LabelTheme>,
    body_first: Option<String>,
    body_last: Option<String>,
    #[serde(default)]
    chrome: Vec<String>,
    #[serde(default)]
    split: Option<String>,
}

#[derive(Debug, Deserialize)]
struct LabelTheme {
    slug: String,
}

fn yes() -> bool {
    true
}

/// A page of the corpus: its id, capture and labels.
struct Page {
    id: String,
    text: String,
    label: Label,
}

/// What ingest made of a page.
struct Made {
    title: String,
    date: Option<String>,
    stated: bool,
    dialogues: Vec<String>,
    organisations: Vec<String>,
    kind: String,
    themes: Vec<String>,
    body: String,
    recommendations: Vec<String>,
    /// Names and aliases of the series ingest proposed a dialogue for
    /// from this page.
    new_series: Vec<String>,
}

/// Counts of one field: right out of scored, and the misses by id.
#[derive(Default)]
struct Tally {
    right: usize,
    scored: usize,
    misses: Vec<String>,
}

impl Tally {
    fn add(&mut self, right: bool, id: &str, miss: impl FnOnce() -> String) {
        self.scored += 1;
        if right {
            self.right += 1;
        } else {
            self.misses.push(format!("{id}: {}", miss()));
        }
    }

    fn show(&self) -> String {
        match self.scored {
            0 => "-".to_string(),
            n => format!(
                "{}/{n} ({:.0} %)",
                self.right,
                100.0 * self.right as f64 / n as f64
            ),
        }
    }
}

/// Precision and recall counts of a set-valued field.
#[derive(Default)]
struct SetTally {
    found_right: usize,
    found: usize,
    wanted_found: usize,
    wanted: usize,
    misses: Vec<String>,
}

impl SetTally {
    fn add(
        &mut self,
        id: &str,
        found: &BTreeSet<String>,
        wanted: &BTreeSet<String>,
        fits: &dyn Fn(&str) -> bool,
    ) {
        let right: BTreeSet<&String> = found.iter().filter(|f| fits(f)).collect();
        let caught: BTreeSet<&String> = wanted.iter().filter(|w| found.contains(*w)).collect();
        self.found += found.len();
        self.found_right += right.len();
        self.wanted += wanted.len();
        self.wanted_found += caught.len();
        let extra: Vec<&String> = found.iter().filter(|f| !fits(f)).collect();
        let missed: Vec<&String> = wanted.iter().filter(|w| !found.contains(*w)).collect();
        if !extra.is_empty() || !missed.is_empty() {
            self.misses
                .push(format!("{id}: extra {extra:?}, missed {missed:?}"));
        }
    }

    fn show(&self) -> String {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let p = ratio(self.found_right, self.found);
        let r = ratio(self.wanted_found, self.wanted);
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        format!(
            "precision {:.2} ({}/{}), recall {:.2} ({}/{}), F1 {:.2}",
            p, self.found_right, self.found, r, self.wanted_found, self.wanted, f1
        )
    }
}

/// Every figure of one set of pages.
#[derive(Default)]
struct Scores {
    pages: usize,
    titles: Tally,
    titles_on_page: Tally,
    bad_titles: Tally,
    dates: Tally,
    false_dates: Tally,
    years: Tally,
    series_right: Tally,
    series_missing: usize,
    series_wrong: Tally,
    series_proposed: Tally,
    series_proposed_wrongly: usize,
    issuers: SetTally,
    kinds: Tally,
    themes: SetTally,
    chrome_lines: usize,
    chrome_misses: Vec<String>,
    recommendations: usize,
    fragments: Tally,
}

fn main() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var_os("BRIEFING_ACCURACY_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo.join("eval/corpus"));
    let config = Config::load(&repo).expect("the bundled briefing.yaml");
    let pages = read_corpus(&corpus);
    let list = std::env::var_os("BRIEFING_ACCURACY_LIST").is_some();
    let mut by_split: BTreeMap<&str, Scores> = BTreeMap::new();
    let mut made_all = ingest_all(&repo, &config, &pages);
    for page in &pages {
        let made = made_all.remove(&page.id);
        let split = match page.label.split.as_deref() {
            Some("holdout") => "holdout",
            _ => "tune",
        };
        for key in [split, "all"] {
            score(
                by_split.entry(key).or_default(),
                page,
                made.as_ref(),
                &config,
            );
        }
    }
    println!(
        "ingest accuracy on {} ({} pages)\n",
        corpus.display(),
        pages.len()
    );
    for split in ["tune", "holdout", "all"] {
        if let Some(scores) = by_split.get(split) {
            print!("{}", report(split, scores));
        }
    }
    if list {
        if let Some(scores) = by_split.get("tune") {
            print!("{}", misses(scores));
        }
    }
}

fn read_corpus(dir: &Path) -> Vec<Page> {
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let path = e.ok()?.path();
            let stem = path.file_stem()?.to_string_lossy().into_owned();
            (path.extension()? == "yaml").then_some(stem)
        })
        .collect();
    ids.sort();
    ids.into_iter()
        .map(|id| {
            let labels = dir.join(format!("{id}.yaml"));
            let text = std::fs::read_to_string(dir.join(format!("{id}.txt")))
                .unwrap_or_else(|e| panic!("{id}.txt: {e}"));
            let yaml = std::fs::read_to_string(&labels).unwrap();
            let label: Label =
                yaml_serde::from_str(&yaml).unwrap_or_else(|e| panic!("{}: {e}", labels.display()));
            Page { id, text, label }
        })
        .collect()
}

/// Every page through ingest, as the seeds of one project, by id; a page
/// ingest refused is missing.
fn ingest_all(repo: &Path, config: &Config, pages: &[Page]) -> BTreeMap<String, Made> {
    let project = tempfile::tempdir().expect("a temporary project");
    let root = project.path();
    std::fs::copy(repo.join("briefing.yaml"), root.join("briefing.yaml")).unwrap();
    std::fs::create_dir(root.join("seeds")).unwrap();
    for page in pages {
        std::fs::write(root.join(format!("seeds/{}.txt", page.id)), &page.text).unwrap();
    }
    let report = briefing::ingest::ingest_project(root, config, &Default::default())
        .expect("the corpus ingests");
    let proposed = |seed: &Path| -> Vec<String> {
        let name = format!("seeds/{}", seed.file_name().unwrap().to_string_lossy());
        let of_seed = report.new_series.iter().filter(|p| p.seeds.contains(&name));
        of_seed
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases).cloned())
            .collect()
    };
    report
        .documents
        .iter()
        .filter_map(|doc| {
            let id = doc.seed.file_stem()?.to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&doc.content).ok()?;
            let mut made = made(&doc.content, &text)?;
            made.new_series = proposed(&doc.seed);
            Some((id, made))
        })
        .collect()
}

fn made(path: &Path, text: &str) -> Option<Made> {
    let file = ContentFile::parse(path, text).ok()?;
    let fm = file.front_matter;
    Some(Made {
        title: fm.title,
        date: fm.date.map(|d| d.to_string()),
        stated: fm.date_source == briefing::content::DateSource::Stated,
        dialogues: fm.dialogues,
        organisations: fm.organisations,
        kind: fm.kind,
        themes: fm.themes.into_iter().map(|t| t.slug).collect(),
        body: file.body,
        recommendations: fm.recommendations.into_iter().map(|r| r.text).collect(),
        new_series: Vec::new(),
    })
}

fn score(scores: &mut Scores, page: &Page, made: Option<&Made>, config: &Config) {
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

fn score_dates(scores: &mut Scores, id: &str, label: &Label, made: &Made) {
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

fn score_series(scores: &mut Scores, id: &str, label: &Label, made: &Made) {
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
fn score_chrome(scores: &mut Scores, page: &Page, made: &Made) {
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
fn markdown_text(line: &str) -> String {
    let line = line.trim_start_matches(['#', ' ', '-', '*', '>']);
    let line = match line.rfind(" {#") {
        Some(at) if line.ends_with('}') => &line[..at],
        _ => line,
    };
    line.replace("**", "").replace('\\', "")
}

/// Why a title is no title at all (a date, the seed's name, a masthead),
/// if it is one of those.
fn bad_title(title: &str, id: &str, date_text: Option<&str>) -> Option<String> {
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
fn is_fragment(text: &str) -> bool {
    let t = text.trim();
    let ends = t.ends_with(['.', '!', '?', '”', '"', ')', ';', '。']);
    !ends || t.ends_with(':') || t.split_whitespace().count() < 5
}

/// Text compared as a reader would: case, spaces, dashes and quotes aside.
fn same_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            out.extend(match c {
                '–' | '—' | '‐' | '‑' => Some('-'),
                '“' | '”' | '„' => Some('"'),
                '‘' | '’' => Some('\''),
                c => c.to_lowercase().next(),
            });
        }
    }
    out.trim_end_matches(['.', ' ']).to_string()
}

/// A label's date (`2024-05-01`, `2024-05`, or a YAML date) as text.
fn date_text(value: &yaml_serde::Value) -> String {
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
fn organisation_names(config: &Config) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for org in &config.organisations {
        names.insert(same_text(&org.name), org.name.clone());
        for alias in &org.aliases {
            names.insert(same_text(alias), org.name.clone());
        }
    }
    names
}

fn canonical(name: &str, known: &BTreeMap<String, String>) -> String {
    known
        .get(&same_text(name))
        .cloned()
        .unwrap_or_else(|| same_text(name))
}

/// The labels' kinds in the bundled configuration's kinds.
fn kind_slug(kind: &str) -> &str {
    match kind {
        "news" | "readout" | "press-release" => "press-release",
        "joint-statement" | "statement" => "joint-statement",
        "letter" => "letter",
        "recommendations" => "recommendations",
        "commentary" => "commentary",
        _ => "other",
    }
}

fn report(split: &str, s: &Scores) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "== {split}: {} pages", s.pages);
    let rows = [
        ("titles right", s.titles.show()),
        ("  of pages with a title line", s.titles_on_page.show()),
        (
            "titles that are no title (date, file name)",
            format!("{}", s.bad_titles.scored - s.bad_titles.right),
        ),
        ("stated dates exact", s.dates.show()),
        (
            "dates stated where the page states none",
            format!("{}", s.false_dates.scored - s.false_dates.right),
        ),
        ("years right", s.years.show()),
        ("series right", s.series_right.show()),
        ("series missing", s.series_missing.to_string()),
        (
            "filed under a wrong dialogue",
            format!("{}", s.series_wrong.scored - s.series_wrong.right),
        ),
        ("series no dialogue has, proposed", s.series_proposed.show()),
        (
            "series proposed that the page is not of",
            s.series_proposed_wrongly.to_string(),
        ),
        ("issuers", s.issuers.show()),
        ("kind", s.kinds.show()),
        ("themes", s.themes.show()),
        (
            "chrome lines left in bodies",
            format!(
                "{} ({:.2} per page)",
                s.chrome_lines,
                s.chrome_lines as f64 / s.pages.max(1) as f64
            ),
        ),
        (
            "recommendations that are fragments",
            format!(
                "{} of {}",
                s.fragments.scored - s.fragments.right,
                s.recommendations
            ),
        ),
    ];
    for (name, value) in rows {
        let _ = writeln!(out, "  {name:<44} {value}");
    }
    out.push('\n');
    out
}

fn misses(s: &Scores) -> String {
    let mut out = String::from("== misses (tuning pages only)\n");
    let lists: [(&str, &Vec<String>); 11] = [
        ("title", &s.titles.misses),
        ("date", &s.dates.misses),
        ("date stated wrongly", &s.false_dates.misses),
        ("year", &s.years.misses),
        ("series", &s.series_right.misses),
        ("series proposal", &s.series_proposed.misses),
        ("issuers", &s.issuers.misses),
        ("kind", &s.kinds.misses),
        ("themes", &s.themes.misses),
        ("chrome", &s.chrome_misses),
        ("fragment", &s.fragments.misses),
    ];
    for (field, misses) in lists {
        for miss in misses {
            let _ = writeln!(out, "  {field}: {miss}");
        }
    }
    out
}
