//! `briefing build`.

use std::path::{Path, PathBuf};

use briefing::build::{build_then_exit, BuildOptions, BuildReport};
use briefing::ingest::IngestReport;
use briefing::site::Drafts;

use super::{count, detail, in_project, say, warn};

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
    #[command(flatten)]
    site: SiteArgs,
}

/// What every command that builds the site (`build`, `serve`, `pdf`) may
/// change for that build, with the same flags and meaning in each.
#[derive(clap::Args)]
pub struct SiteArgs {
    /// Also publish the documents marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// The address the site will live at, for this build only (a deploy
    /// preview): replaces base_url of briefing.yaml.
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    pub base_url: Option<String>,
}

impl SiteArgs {
    pub fn apply(self, options: &mut BuildOptions) {
        options.drafts = match self.drafts {
            true => Drafts::Published,
            false => Drafts::LeftOut,
        };
        options.base_url = self.base_url;
    }
}

/// An absolute `http(s)://` address: feeds and canonical links need one.
fn parse_base_url(url: &str) -> Result<String, String> {
    let (scheme, rest) = url.split_once("://").unwrap_or_default();
    match matches!(scheme, "http" | "https") && !rest.is_empty() && !url.contains(char::is_whitespace) {
        true => Ok(url.to_string()),
        false => Err(format!(
            "{url:?} is not an absolute address: give one such as https://preview.example.org/briefing/"
        )),
    }
}

pub fn execute(root: &Path, args: Args) -> anyhow::Result<()> {
    let mut options = BuildOptions {
        output: args.output,
        progress: super::verbosity() > super::Verbosity::Quiet,
        force: args.force,
        force_output: args.force_output,
        ..BuildOptions::default()
    };
    args.site.apply(&mut options);
    let report = build_then_exit(root, &options)?;
    report_build(root, &report);
    let failed = report
        .ingest
        .as_ref()
        .map_or(&[][..], |i| i.errors.as_slice());
    super::fail_on_seed_errors(failed, "the site holds every other document")
}

/// The build's warnings, a line per seed with `-v`, and the summary.
pub fn report_build(root: &Path, report: &BuildReport) {
    for warning in &report.warnings {
        warn(warning);
    }
    if let Some(ingest) = &report.ingest {
        ingest_details(root, ingest);
    }
    say(format_args!(
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
            n => format!(", {}", count(n, "warning")),
        }
    ));
    match report.redirects {
        0 => {}
        1 => say("1 old address of a document that moved leads to its new page"),
        n => say(format_args!(
            "{n} old addresses of documents that moved lead to their new pages"
        )),
    }
    say(search_summary(report));
}

/// With `-v`: each seed, the content file it became, and what ingest did.
fn ingest_details(root: &Path, ingest: &IngestReport) {
    for doc in &ingest.documents {
        detail(format_args!(
            "{} -> {} ({})",
            in_project(root, &doc.seed),
            in_project(root, &doc.content),
            super::ingest::outcome_text(doc.outcome)
        ));
    }
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
