//! `briefing build`.

use std::path::{Path, PathBuf};

use briefing::build::{build, BuildOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Write the site here instead of <root>/public.
    #[arg(long, short, value_name = "DIR")]
    output: Option<PathBuf>,
}

pub fn execute(root: &Path, args: Args) -> anyhow::Result<()> {
    let options = BuildOptions {
        output: args.output,
        progress: true,
    };
    let report = build(root, &options)?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    println!(
        "built {} pages ({} files) in {} ms{}",
        report.pages,
        report.files,
        report.elapsed.as_millis(),
        match report.warnings.len() {
            0 => String::new(),
            n => format!(", {n} warning{}", if n == 1 { "" } else { "s" }),
        }
    );
    Ok(())
}
