//! `briefing check`.

use std::path::{Path, PathBuf};

use briefing::build::DEFAULT_OUTPUT;
use briefing::check::{check_content, check_site, Problem};
use briefing::Config;
use serde::Serialize;

use super::{count, say, warn};

#[derive(clap::Args)]
pub struct Args {
    /// The built site to check; default <root>/public.
    #[arg(long, value_name = "DIR")]
    site: Option<PathBuf>,
    /// Print the findings as one JSON document on stdout instead of lines
    /// (see docs/guide.md for its fields).
    #[arg(long)]
    json: bool,
}

/// `briefing check --json`.
#[derive(Serialize)]
struct JsonReport<'a> {
    /// Pages and internal links checked in the built site.
    pages: usize,
    links: usize,
    problems: &'a [Problem],
    warnings: &'a [String],
}

pub fn execute(root: &Path, args: Args) -> anyhow::Result<()> {
    let config = Config::load(root)?;
    let content = check_content(root, &config)?;
    let mut problems = content.problems;
    if args.json {
        let shown = |p| super::problem_in_project(root, p);
        problems = problems.into_iter().map(shown).collect();
    }
    let site = args.site.unwrap_or_else(|| root.join(DEFAULT_OUTPUT));
    let report = check_site(&site)?;
    problems.extend(report.problems);
    if args.json {
        super::print_json(&JsonReport {
            pages: report.pages,
            links: report.links,
            problems: &problems,
            warnings: &content.warnings,
        })?;
    } else {
        for warning in &content.warnings {
            warn(warning);
        }
        // The problems are what `check` is for: printed even with -q.
        for problem in &problems {
            println!("{problem}");
        }
        say(format_args!(
            "checked content and {} pages with {} internal links: {}",
            report.pages,
            report.links,
            count(problems.len(), "problem")
        ));
    }
    if !problems.is_empty() {
        anyhow::bail!("{} found", count(problems.len(), "problem"));
    }
    Ok(())
}
