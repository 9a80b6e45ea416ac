//! Ingest on public evaluation sets written by other projects:
//! `cargo bench --bench external`.
//!
//! This bench owns the scoring of ingest against the external sets in
//! `shared/eval/` (`readability/`, `htmldate/`, `trafilatura/`; their
//! `README.md` says where each comes from and how upstream scores it).
//! Each saved HTML page is rendered to plain text the way a text capture
//! of it looks (all visible text, menus and footers included, no `<title>`;
//! the library's `ingest::page_capture`), ingested as a seed with the bundled `briefing.yaml`, and its title, date
//! and body are scored against the set's gold. The published figures of
//! the reference tools are printed beside ours.
//!
//! - `BRIEFING_EVAL_DIR`: the folder of the sets (default `../shared/eval`
//!   from the crate root; when it is missing the bench says so and stops).
//! - `BRIEFING_EXTERNAL_LIST=1`: list every miss (set, file, gold, ours).
//! - `BRIEFING_EXTERNAL_LIMIT=N`: only the first N pages of each set.
//! - `BRIEFING_EXTERNAL_DUMP=<folder>`: write each capture and the content
//!   file ingest made of it there (`<set>/<stem>.txt`, `<set>/<stem>.md`).
//! - `BRIEFING_EXTERNAL_PATH=text|html`: only the text-capture path, or
//!   only the saved-page path (each page ingested as `seeds/<stem>.html`,
//!   markup and all); both by default.
//! - `BRIEFING_EXTERNAL_HOLDOUT=1`: also score the held-out pages (every
//!   third page of a set in sorted order), which are left out otherwise so
//!   that nobody tunes ingest on them; their misses are never listed.
//!
//! The modules: `sets` reads the sets and their gold, `score` compares what
//! ingest made with the gold, `report` prints the figures.

use std::path::{Path, PathBuf};
use std::time::Instant;

use briefing::content::{ContentFile, DateSource, PartialDate};
use briefing::Config;
use scraper::Html;

mod report;
mod score;
mod sets;

use report::report;
use score::{score, Scores};
use sets::{htmldate, read_gz, readability, trafilatura};

/// One page of a set with its gold (a field is `None` where the set has
/// no gold for it).
pub struct Case {
    /// The file as the set names it (`bbc-1`, `eval/caritas.de-….html.gz`).
    pub file: String,
    pub path: PathBuf,
    /// The seed's file stem ingest is given.
    pub stem: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub with: Vec<String>,
    pub without: Vec<String>,
}

/// What ingest made of a page.
pub struct Made {
    pub title: String,
    pub date: Option<PartialDate>,
    pub stated: bool,
    pub body: String,
}

/// What ingest is given of a page.
#[derive(Debug, Clone, Copy)]
enum Input {
    /// The page rendered to a plain-text capture, as `seeds/<stem>.txt`.
    Capture,
    /// The saved page itself, as `seeds/<stem>.html`.
    Page,
}

impl Input {
    fn name(self) -> &'static str {
        match self {
            Input::Capture => "text capture",
            Input::Page => "saved page",
        }
    }
}

fn main() {
    let Some(dir) = eval_dir() else { return };
    let config = Config::parse(briefing::config::DEFAULT_CONFIG, Path::new("briefing.yaml"))
        .expect("the bundled briefing.yaml");
    let limit = std::env::var("BRIEFING_EXTERNAL_LIMIT")
        .ok()
        .and_then(|n| n.parse::<usize>().ok());
    let list = std::env::var_os("BRIEFING_EXTERNAL_LIST").is_some();
    println!(
        "ingest on the external evaluation sets in {}",
        dir.display()
    );
    println!("(each HTML page rendered to a plain-text capture: all visible text,");
    println!(" menus and footers included, no <title>; bundled briefing.yaml)\n");
    let mut all_misses = Vec::new();
    let holdout = std::env::var_os("BRIEFING_EXTERNAL_HOLDOUT").is_some();
    let paths: Vec<Input> = match std::env::var("BRIEFING_EXTERNAL_PATH").as_deref() {
        Ok("text") => vec![Input::Capture],
        Ok("html") => vec![Input::Page],
        _ => vec![Input::Capture, Input::Page],
    };
    for mut set in [readability(&dir), htmldate(&dir), trafilatura(&dir)] {
        let (mut tune, mut held) = (std::mem::take(&mut set.cases), Vec::new());
        if !holdout || limit.is_some() {
            tune = tune
                .into_iter()
                .enumerate()
                .filter(|(i, _)| i % 3 != 2)
                .map(|(_, c)| c)
                .collect();
        } else {
            let (t, h): (Vec<_>, Vec<_>) =
                tune.into_iter().enumerate().partition(|(i, _)| i % 3 != 2);
            tune = t.into_iter().map(|(_, c)| c).collect();
            held = h.into_iter().map(|(_, c)| c).collect();
        }
        if let Some(n) = limit {
            tune.truncate(n);
        }
        for &input in &paths {
            for (split, cases) in [("tuning pages", &tune), ("held-out pages", &held)] {
                if cases.is_empty() {
                    continue;
                }
                let scores = run_set(&config, set.name, cases, input);
                let about = format!("{} [{}; {split}]", set.about, input.name());
                print!("{}", report(&set, &about, &scores));
                if split == "tuning pages" {
                    let tag = format!("{}/{}", set.name, input.name());
                    all_misses.extend(scores.misses.iter().map(|m| format!("{tag}/ {m}")));
                }
            }
        }
    }
    if list {
        println!("== misses (set, file, field: gold, ours)");
        for miss in &all_misses {
            println!("  {miss}");
        }
    } else {
        println!("BRIEFING_EXTERNAL_LIST=1 lists every miss.");
    }
}

/// The folder of the sets, or `None` (after saying where to put them)
/// when it is missing.
fn eval_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("BRIEFING_EVAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"));
    if dir.join("trafilatura/gold.json").is_file() {
        return Some(dir);
    }
    println!(
        "external evaluation sets not found at {}:\n\
         put the shared eval folder (readability/, htmldate/, trafilatura/ with\n\
         their gold files) there, or set BRIEFING_EVAL_DIR to it. Skipping.",
        dir.display()
    );
    None
}

/// Every page of a set rendered, ingested and scored.
fn run_set(config: &Config, name: &str, cases: &[Case], input: Input) -> Scores {
    let dump = std::env::var_os("BRIEFING_EXTERNAL_DUMP").map(|d| PathBuf::from(d).join(name));
    if let Some(dir) = &dump {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    let mut scores = Scores::default();
    for case in cases {
        let started = Instant::now();
        let bytes = read_gz(&case.path);
        let html = briefing::web_page::decode(&bytes).text;
        let capture = briefing::ingest::page_capture(&Html::parse_document(&html));
        let rendered = Instant::now();
        let text = match input {
            Input::Capture => {
                let seed = format!("seeds/{}.txt", case.stem);
                briefing::ingest::ingest_bytes(config, &seed, capture.as_bytes())
            }
            Input::Page => {
                let seed = format!("seeds/{}.html", case.stem);
                briefing::ingest::ingest_bytes(config, &seed, &bytes)
            }
        }
        .map_err(|e| e.to_string());
        scores.ingest_time += rendered.elapsed();
        scores.render_time += rendered - started;
        if let Some(dir) = &dump {
            write_dump(dir, &case.stem, &capture, &text);
        }
        let on_page = case
            .date
            .as_deref()
            .is_some_and(|d| score::date_on_page(&html, d));
        score(
            &mut scores,
            case,
            &capture,
            on_page,
            text.and_then(|t| made(&t)),
        );
    }
    scores
}

fn write_dump(dir: &Path, stem: &str, capture: &str, text: &Result<String, String>) {
    let made = text.as_ref().unwrap_or_else(|e| e);
    let written = std::fs::write(dir.join(format!("{stem}.txt")), capture)
        .and_then(|()| std::fs::write(dir.join(format!("{stem}.md")), made));
    written.unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
}

/// The content file ingest wrote, read back.
fn made(text: &str) -> Result<Made, String> {
    let file = ContentFile::parse(Path::new("content/page.md"), text).map_err(|e| e.to_string())?;
    let fm = file.front_matter;
    Ok(Made {
        title: fm.title,
        date: fm.date,
        stated: fm.date_source == DateSource::Stated,
        body: file.body,
    })
}
