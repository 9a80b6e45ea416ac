//! `briefing build`.

use std::path::Path;

#[derive(clap::Args)]
pub struct Args {}

pub fn execute(_root: &Path, _args: Args) -> anyhow::Result<()> {
    super::not_yet("build", 3)
}
