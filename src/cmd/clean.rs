//! `briefing clean`.

use std::path::{Path, PathBuf};

use briefing::build::clean;

#[derive(clap::Args)]
pub struct Args {
    /// The site folder to remove, if not <root>/public (as given to `build -o`).
    #[arg(long, short, value_name = "DIR")]
    output: Option<PathBuf>,
}

pub fn execute(root: &Path, args: Args) -> anyhow::Result<()> {
    let cleaned = clean(root, args.output.as_deref())?;
    for path in &cleaned.removed {
        super::detail(format_args!("removed {}", path.display()));
    }
    match cleaned.removed.len() {
        0 => super::say("nothing to clean: no site has been built here"),
        n => super::say(format_args!(
            "removed the built site and the build's files ({}); seeds/ and content/ are untouched",
            super::count(n, "path")
        )),
    }
    Ok(())
}
