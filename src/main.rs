//! The `briefing` command line: parses arguments and dispatches to `cmd/`.

mod cmd;

/// mimalloc rather than the system allocator: a build allocates millions of
/// small strings across threads, where glibc's malloc took a tenth of the time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's option number for the purge delay (`mi_option_purge_delay`,
/// which the bindings leave unnamed).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// A one-off command keeps the memory it frees for its next allocations
/// instead of handing it back to the kernel a second later: returning and
/// faulting it in again was a tenth of a cold build's system time. `serve`
/// runs for hours, so it keeps the default. `MIMALLOC_PURGE_DELAY` still
/// wins over this.
fn keep_freed_memory() {
    // SAFETY: called before any other thread is started.
    unsafe { libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, -1) }
}

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The heading the options every command takes are listed under.
const GLOBAL: &str = "Global options";

/// Turn raw policy documents into a cross-linked briefing website, a live
/// preview and a print-ready briefing book.
#[derive(Parser)]
#[command(name = "briefing", version, about, long_about = None)]
struct Cli {
    /// The project folder, holding briefing.yaml, seeds/ and content/
    /// [default: the current folder].
    #[arg(long, global = true, value_name = "DIR", help_heading = GLOBAL)]
    root: Option<PathBuf>,
    /// Print errors only: no report, no warnings.
    #[arg(long, short, global = true, conflicts_with = "verbose", help_heading = GLOBAL)]
    quiet: bool,
    /// Print more: each stage's time, and a line per file.
    #[arg(long, short, global = true, help_heading = GLOBAL)]
    verbose: bool,
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
    /// Start a new briefing project: a commented briefing.yaml and an example document.
    Init(cmd::init::Args),
    /// Propose themes, dialogues, organisations and chrome from the documents.
    Suggest(cmd::suggest::Args),
    /// Delete the built site and the build's own files; never seeds/ or content/.
    Clean(cmd::clean::Args),
}

/// No transparent huge pages: mimalloc asks for them on its whole arena
/// (before `main`, so its option comes too late), and each first touch of
/// a 2 MiB page then zeroes all of it, which was a twentieth of a cold
/// build's time and a fifth of its peak memory.
#[cfg(target_os = "linux")]
fn no_huge_pages() {
    // SAFETY: a plain prctl on this process; failing (an old kernel) changes nothing.
    unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
}

#[cfg(not(target_os = "linux"))]
fn no_huge_pages() {}

fn main() -> ExitCode {
    no_huge_pages();
    briefing::util::start_trace_clock();
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_)) {
        keep_freed_memory();
    }
    cmd::set_verbosity(match (cli.quiet, cli.verbose) {
        (true, _) => cmd::Verbosity::Quiet,
        (_, true) => cmd::Verbosity::Verbose,
        _ => cmd::Verbosity::Normal,
    });
    let root = cli.root.clone().unwrap_or_else(|| PathBuf::from("."));
    let result = match cli.command {
        Command::Build(args) => cmd::build::execute(&root, args),
        Command::Ingest(args) => cmd::ingest::execute(&root, args),
        Command::Serve(args) => cmd::serve::execute(&root, args),
        Command::Check(args) => cmd::check::execute(&root, args),
        Command::Pdf(args) => cmd::pdf::execute(&root, args),
        Command::Init(args) => cmd::init::execute(cli.root.as_deref(), args),
        Command::Suggest(args) => cmd::suggest::execute(&root, args),
        Command::Clean(args) => cmd::clean::execute(&root, args),
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
