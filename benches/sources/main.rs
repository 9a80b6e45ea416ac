//! The readers of each source format against other tools' expected output:
//! `cargo bench --bench sources`.
//!
//! A reader turns a source's bytes into the text the ingest stages take
//! (`briefing::ingest::read_source`); this bench scores that text, and the
//! title and date ingest then finds, against the sets in `shared/eval/`
//! (their `README.md` says where each comes from and how upstream scores
//! it), and times the readers.
//!
//! - `BRIEFING_EVAL_DIR`: the folder of the sets (default `../shared/eval`
//!   from the crate root; without it only the timings run).
//! - `BRIEFING_SOURCES_LIST=1`: every file with its score.

mod pdf;

use std::path::{Path, PathBuf};

fn main() {
    let eval = eval_dir();
    pdf::run(eval.as_deref());
}

/// The folder of the sets, or `None` (after saying so) when it is missing.
fn eval_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("BRIEFING_EVAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"));
    if dir.join("pdf").is_dir() {
        return Some(dir);
    }
    println!(
        "external evaluation sets not found at {} (set BRIEFING_EVAL_DIR): \
         only the timings run",
        dir.display()
    );
    None
}

/// Whether to list every file.
fn listing() -> bool {
    std::env::var_os("BRIEFING_SOURCES_LIST").is_some()
}

/// Text similarity as the py-pdf benchmark scores it: python-Levenshtein's
/// `ratio` (1 − Indel distance / total length), here over the texts with
/// every run of whitespace made one space, since the layout of blank
/// lines and indents is not what either side is judged on.
fn similarity(ours: &str, expected: &str) -> f64 {
    let ours = words(ours);
    let expected = words(expected);
    rapidfuzz::distance::indel::normalized_similarity(ours.chars(), expected.chars())
}

fn words(text: &str) -> String {
    let text = text.trim_start_matches('\u{feff}');
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
