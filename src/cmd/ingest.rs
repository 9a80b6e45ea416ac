//! `briefing ingest`: seeds → content, then a table of what was inferred
//! per document and every warning and error.

use std::path::Path;

use briefing::ingest::{ingest_project, IngestOptions, IngestReport, Outcome};
use briefing::Config;

#[derive(clap::Args)]
pub struct Args {
    /// Overwrite content files even when they were edited by hand.
    #[arg(long)]
    pub force: bool,
}

pub fn execute(root: &Path, args: Args) -> anyhow::Result<()> {
    let config = Config::load(root)?;
    let report = ingest_project(
        root,
        &config,
        &IngestOptions {
            force: args.force,
            ..IngestOptions::default()
        },
    )?;
    print!("{}", table(&report));
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    for error in &report.errors {
        eprintln!("error: {error}");
    }
    if report.failed() {
        anyhow::bail!(
            "{} seed(s) could not be ingested; the other {} were",
            report.errors.len(),
            report.documents.len()
        );
    }
    Ok(())
}

fn table(report: &IngestReport) -> String {
    let header = ["file", "title", "date", "dialogue", "themes", ""].map(String::from);
    let mut rows = vec![header];
    for d in &report.documents {
        let outcome = match d.outcome {
            Outcome::Written => "written",
            Outcome::Unchanged => "unchanged",
            Outcome::SkippedHandEdited => "skipped (edited by hand)",
        };
        rows.push([
            d.seed
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            shorten(&d.title, 48),
            format!("{} ({})", d.date, d.date_source),
            if d.dialogues.is_empty() {
                "-".into()
            } else {
                d.dialogues.join(", ")
            },
            if d.top_themes.is_empty() {
                "-".into()
            } else {
                d.top_themes.join(", ")
            },
            outcome.to_string(),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}
