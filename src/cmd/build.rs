//! `briefing build`.

use std::path::{Path, PathBuf};

use briefing::build::{build_then_exit, BuildOptions, BuildReport};

#[derive(clap::Args)]
pub struct Args {
    /// Write the site here instead of <root>/public.
    #[arg(long, short, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Render every page, even those the previous build's site holds
    /// unchanged (by default they are taken from it as they are).
    #[arg(long)]
    force: bool,
    /// Replace the output folder even when it holds files briefing did not
    /// write (everything in it is deleted). The project folder, seeds/,
    /// content/, templates/ and static/ are refused even so.
    #[arg(long)]
    force_output: bool,
}

pub fn execute(root: &Path, args: Args) -> anyhow::Result<()> {
    let options = BuildOptions {
        output: args.output,
        progress: true,
        force: args.force,
        force_output: args.force_output,
        lock_held: false,
    };
    let report = build_then_exit(root, &options)?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    println!(
        "built {} pages ({} files{}) in {} ms{}",
        report.pages,
        report.files,
        match report.reused {
            0 => String::new(),
            n => format!(", {n} unchanged since the last build"),
        },
        report.elapsed.as_millis(),
        match report.warnings.len() {
            0 => String::new(),
            n => format!(", {}", super::count(n, "warning")),
        }
    );
    println!("{}", search_summary(&report));
    let failed = report
        .ingest
        .as_ref()
        .map_or(&[][..], |i| i.errors.as_slice());
    super::fail_on_seed_errors(failed, "the site holds every other document")
}

/// "search index 412.3 KB + 12 term scripts 3.1 MB (largest 260.1 KB) + passages 1.9 MB".
fn search_summary(report: &BuildReport) -> String {
    format!(
        "search index {} + {} term script{} {} (largest {}) + passages {}",
        human_bytes(report.search_index_bytes),
        report.search_shards,
        if report.search_shards == 1 { "" } else { "s" },
        human_bytes(report.search_terms_bytes),
        human_bytes(report.search_largest_shard_bytes),
        human_bytes(report.search_text_bytes)
    )
}

fn human_bytes(bytes: u64) -> String {
    match bytes {
        0..=1023 => format!("{bytes} B"),
        1024..=1_048_575 => format!("{:.1} KB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}
