//! The `briefing` command line: parses arguments and dispatches to `cmd/`.

mod cmd;

/// mimalloc rather than the system allocator: a build allocates millions of
/// small strings across threads, where glibc's malloc took a tenth of the time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turn raw policy documents into a cross-linked briefing website, a live
/// preview and a print-ready briefing book.
#[derive(Parser)]
#[command(name = "briefing", version, about, long_about = None)]
struct Cli {
    /// The project folder (holds briefing.yaml, seeds/, content/).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest what changed, then render the whole site into public/.
    Build(cmd::build::Args),
    /// Turn seeds/*.txt into annotated content/*.md; prints what it inferred.
    Ingest(cmd::ingest::Args),
    /// Build, serve on 127.0.0.1 and rebuild + reload open pages on change.
    Serve(cmd::serve::Args),
    /// Validate content and the built site (front matter, links, anchors).
    Check(cmd::check::Args),
    /// Print the briefing book (public/print.html) to PDF with Chromium.
    Pdf(cmd::pdf::Args),
    /// Scaffold a new briefing project from the built-in defaults.
    Init(cmd::init::Args),
}

fn main() -> ExitCode {
    briefing::util::start_trace_clock();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => cmd::build::execute(&cli.root, args),
        Command::Ingest(args) => cmd::ingest::execute(&cli.root, args),
        Command::Serve(args) => cmd::serve::execute(&cli.root, args),
        Command::Check(args) => cmd::check::execute(&cli.root, args),
        Command::Pdf(args) => cmd::pdf::execute(&cli.root, args),
        Command::Init(args) => cmd::init::execute(&cli.root, args),
    };
    cmd::report(result)
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
