//! `briefing pdf`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use briefing::pdf::{book_pdf, PdfOptions};

#[derive(clap::Args)]
pub struct Args {
    /// The Chromium or Chrome executable (default: the first of chromium,
    /// chromium-browser, google-chrome, google-chrome-stable, chrome on PATH).
    #[arg(long, value_name = "PATH")]
    browser: Option<PathBuf>,
    /// Write the PDF here (default: print.output in briefing.yaml).
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Print the public/print.html already built instead of building first.
    #[arg(long, conflicts_with_all = ["drafts", "base_url"])]
    no_build: bool,
    /// Stop the browser after this many seconds.
    #[arg(long, default_value_t = 120, value_name = "SECONDS")]
    timeout: u64,
    #[command(flatten)]
    site: super::build::SiteArgs,
}

pub fn execute(root: &Path, args: Args) -> anyhow::Result<()> {
    let mut options = PdfOptions {
        browser: args.browser,
        output: args.output,
        no_build: args.no_build,
        timeout: Some(Duration::from_secs(args.timeout)),
        ..PdfOptions::default()
    };
    args.site.apply(&mut options.build);
    let report = book_pdf(root, &options)?;
    if let Some(build) = &report.build {
        for warning in &build.warnings {
            super::warn(warning);
        }
    }
    super::say(format_args!(
        "wrote {} ({} KB) with {}",
        report.output.display(),
        report.bytes.div_ceil(1024),
        report.browser.display()
    ));
    Ok(())
}
