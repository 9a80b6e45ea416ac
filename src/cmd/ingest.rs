//! `briefing ingest`: seeds → content, then a table of what was inferred
//! per document and every warning and error (or, with `--json`, all of it
//! as one JSON document).

use std::path::{Path, PathBuf};

use briefing::check::Problem;
use briefing::ingest::{
    ingest_project, named_seeds, Force, IngestOptions, IngestReport, NewSeries, Outcome,
};
use briefing::Config;
use serde::Serialize;

use super::{detail, in_project as shown, say, warn};

#[derive(clap::Args)]
pub struct Args {
    /// Write the content files of the SEEDs named (all seeds when none is
    /// named) even when they were edited by hand; a copy of each edited
    /// file is kept in .briefing/backup/ first.
    #[arg(long)]
    pub force: bool,
    /// The seeds `--force` applies to: `seeds/a.txt`, `a.txt` or `a`.
    #[arg(value_name = "SEED", requires = "force")]
    pub seeds: Vec<PathBuf>,
    /// Print the report as one JSON document on stdout instead of the
    /// table (see docs/guide.md for its fields).
    #[arg(long)]
    pub json: bool,
}

pub fn execute(root: &Path, args: Args) -> anyhow::Result<()> {
    let config = Config::load(root)?;
    let force = match (args.force, args.seeds.is_empty()) {
        (false, _) => Force::None,
        (true, true) => Force::All,
        (true, false) => Force::Seeds(named_seeds(root, &args.seeds)?),
    };
    let report = ingest_project(
        root,
        &config,
        &IngestOptions {
            force,
            ..IngestOptions::default()
        },
    )?;
    if args.json {
        super::print_json(&JsonReport::of(root, &report))?;
        if report.failed() {
            anyhow::bail!(
                "{} could not be ingested (listed under \"errors\")",
                super::count(report.errors.len(), "seed")
            );
        }
        return Ok(());
    }
    print_report(root, &report);
    let others = report.documents.len();
    let rest = format!(
        "the other {others} {}",
        if others == 1 { "was" } else { "were" }
    );
    super::fail_on_seed_errors(&report.errors, &rest)
}

fn print_report(root: &Path, report: &IngestReport) {
    say(table(report).trim_end());
    let series = new_series(&report.new_series);
    if !series.is_empty() {
        say(series.trim_end());
    }
    for doc in &report.documents {
        detail(format_args!(
            "{} -> {}",
            shown(root, &doc.seed),
            shown(root, &doc.content)
        ));
    }
    for skipped in &report.skipped {
        super::note(format_args!("skipped {skipped}"));
    }
    for warning in &report.warnings {
        warn(warning);
    }
    if let Some(backup) = &report.backup {
        say(format_args!(
            "hand-edited files that --force replaced are kept in {}",
            shown(root, backup)
        ));
    }
}

/// What the table's last column says of a document.
pub fn outcome_text(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Written => "written",
        Outcome::Unchanged => "unchanged",
        Outcome::KeptHandEdit => "edited by hand (kept)",
        Outcome::KeptHandEditSeedChanged => "edited by hand (kept; seed changed since)",
        Outcome::ReplacedHandEdit => "written (hand edit replaced, copy kept)",
    }
}

/// `outcome` as `--json` names it.
fn outcome_key(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Written => "written",
        Outcome::Unchanged => "unchanged",
        Outcome::KeptHandEdit => "kept-hand-edit",
        Outcome::KeptHandEditSeedChanged => "kept-hand-edit-seed-changed",
        Outcome::ReplacedHandEdit => "replaced-hand-edit",
    }
}

/// `briefing ingest --json`: the table's rows, and every proposal,
/// skipped file, warning and error.
#[derive(Serialize)]
struct JsonReport<'a> {
    documents: Vec<JsonDocument<'a>>,
    new_series: Vec<JsonSeries<'a>>,
    skipped: Vec<Problem>,
    warnings: &'a [String],
    errors: Vec<Problem>,
    /// Where copies of the hand edits `--force` replaced are.
    backup: Option<String>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    seed: String,
    content: String,
    format: &'static str,
    title: &'a str,
    date: Option<&'a str>,
    date_source: &'a str,
    dialogues: &'a [String],
    themes: &'a [String],
    /// The keys ingest guessed or left empty (the table's `check` column).
    check: &'a [&'static str],
    outcome: &'static str,
}

#[derive(Serialize)]
struct JsonSeries<'a> {
    slug: &'a str,
    name: &'a str,
    aliases: &'a [String],
    seeds: &'a [String],
}

impl<'a> JsonReport<'a> {
    fn of(root: &Path, report: &'a IngestReport) -> JsonReport<'a> {
        let documents = report.documents.iter().map(|d| JsonDocument {
            seed: shown(root, &d.seed),
            content: shown(root, &d.content),
            format: d.format.name(),
            title: &d.title,
            date: (!d.date.is_empty()).then_some(d.date.as_str()),
            date_source: &d.date_source,
            dialogues: &d.dialogues,
            themes: &d.top_themes,
            check: &d.unsure,
            outcome: outcome_key(d.outcome),
        });
        let new_series = report.new_series.iter().map(|s| JsonSeries {
            slug: &s.slug,
            name: &s.name,
            aliases: &s.aliases,
            seeds: &s.seeds,
        });
        let skipped = report.skipped.iter().map(|s| {
            let message = s.to_string();
            let message = message
                .strip_prefix(&format!("{}: ", s.file))
                .unwrap_or(&message);
            Problem::in_file(&s.file, message)
        });
        JsonReport {
            documents: documents.collect(),
            new_series: new_series.collect(),
            skipped: skipped.collect(),
            warnings: &report.warnings,
            errors: (report.errors.iter())
                .flat_map(Problem::of_error)
                .map(|p| super::problem_in_project(root, p))
                .collect(),
            backup: report.backup.as_deref().map(|b| shown(root, b)),
        }
    }
}

fn table(report: &IngestReport) -> String {
    let header = [
        "file", "format", "title", "date", "dialogue", "themes", "check", "",
    ]
    .map(String::from);
    let header_len = header.len();
    let mut rows = vec![header];
    for d in &report.documents {
        let outcome = outcome_text(d.outcome);
        rows.push([
            d.seed
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            d.format.name().to_string(),
            match d.title.is_empty() {
                true => "(front matter does not parse: see briefing check)".into(),
                false => shorten(&d.title, 48),
            },
            match d.date.is_empty() {
                true => "-".into(),
                false => format!("{} ({})", d.date, d.date_source),
            },
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
            d.unsure.join(", "),
            outcome.to_string(),
        ]);
    }
    let widths: Vec<usize> = (0..header_len)
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
    if report.documents.iter().any(|d| !d.unsure.is_empty()) {
        out.push_str(
            "check: keys ingest guessed (a title made from the opening, a date inferred from a \
             mention) or left empty (organisations).\n       Set them in seeds/<stem>.yaml, \
             e.g. `date: 2023-11-16`; ingest keeps what that file sets.\n",
        );
    }
    out
}

/// The proposed `dialogues:` entries, ready to paste into `briefing.yaml`.
fn new_series(proposals: &[NewSeries]) -> String {
    if proposals.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "\nseries that no dialogue of briefing.yaml covers; to file their documents, \
         add (and edit) under `dialogues:`\n",
    );
    for p in proposals {
        out.push_str(&format!(
            "  - slug: {}\n    name: {}\n",
            p.slug,
            yaml_scalar(&p.name)
        ));
        if !p.aliases.is_empty() {
            out.push_str("    aliases:\n");
            for alias in &p.aliases {
                out.push_str(&format!("      - {}\n", yaml_scalar(alias)));
            }
        }
        out.push_str(&format!("    # named in {}\n", p.seeds.join(", ")));
    }
    out
}

/// `text` as a YAML scalar, quoted when YAML would read it as syntax.
fn yaml_scalar(text: &str) -> String {
    yaml_serde::to_string(text).map_or_else(|_| format!("{text:?}"), |y| y.trim_end().to_string())
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}
