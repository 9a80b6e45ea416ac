//! `briefing check`.

use std::path::{Path, PathBuf};

use briefing::build::DEFAULT_OUTPUT;
use briefing::check::{check_content, check_site};
use briefing::Config;

#[derive(clap::Args)]
pub struct Args {
    /// The built site to check; default <root>/public.
    #[arg(long, value_name = "DIR")]
    site: Option<PathBuf>,
}

pub fn execute(root: &Path, args: Args) -> anyhow::Result<()> {
    let config = Config::load(root)?;
    let content = check_content(root, &config)?;
    for warning in &content.warnings {
        eprintln!("warning: {warning}");
    }
    let mut problems = content.problems;
    let site = args.site.unwrap_or_else(|| root.join(DEFAULT_OUTPUT));
    let report = check_site(&site)?;
    problems.extend(report.problems);
    for problem in &problems {
        println!("{problem}");
    }
    println!(
        "checked content and {} pages with {} internal links: {}",
        report.pages,
        report.links,
        super::count(problems.len(), "problem")
    );
    if !problems.is_empty() {
        anyhow::bail!("{} found", super::count(problems.len(), "problem"));
    }
    Ok(())
}
