//! One file per command, each with its clap `Args` and an `execute` function.

pub mod build;
pub mod check;
pub mod clean;
pub mod ingest;
pub mod init;
pub mod pdf;
pub mod serve;
pub mod suggest;

use std::fmt::Display;
use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU8, Ordering};

use briefing::check::Problem;

/// How much a command prints, from `-q` and `-v`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    /// Errors only.
    Quiet = 0,
    Normal = 1,
    /// Also each stage's time and a line per file.
    Verbose = 2,
}

static VERBOSITY: AtomicU8 = AtomicU8::new(Verbosity::Normal as u8);

/// Sets how much every command prints, once, before it runs.
pub fn set_verbosity(verbosity: Verbosity) {
    VERBOSITY.store(verbosity as u8, Ordering::Relaxed);
    if verbosity == Verbosity::Verbose {
        briefing::util::trace_stages();
    }
}

pub fn verbosity() -> Verbosity {
    match VERBOSITY.load(Ordering::Relaxed) {
        0 => Verbosity::Quiet,
        1 => Verbosity::Normal,
        _ => Verbosity::Verbose,
    }
}

/// A line of a command's report, on stdout; `-q` silences it. Output
/// piped into `head` that stops reading is no reason to fail (or panic).
pub fn say(line: impl Display) {
    if verbosity() > Verbosity::Quiet {
        let _ = writeln!(std::io::stdout().lock(), "{line}");
    }
}

/// A warning on stderr; `-q` silences it.
pub fn warn(line: impl Display) {
    if verbosity() > Verbosity::Quiet {
        let _ = writeln!(std::io::stderr().lock(), "warning: {line}");
    }
}

/// A line on stderr beside the report (what was left out); `-q` silences it.
pub fn note(line: impl Display) {
    if verbosity() > Verbosity::Quiet {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
}

/// A detail only `-v` asks for, on stderr (stdout stays the report).
pub fn detail(line: impl Display) {
    if verbosity() == Verbosity::Verbose {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
}

/// `path` inside the project at `root`, as the user names it (`seeds/a.txt`).
pub fn in_project(root: &std::path::Path, path: &std::path::Path) -> String {
    let inside = path.strip_prefix(root).unwrap_or(path);
    inside.to_string_lossy().replace('\\', "/")
}

/// `problem` with its file named as inside the project at `root`.
pub fn problem_in_project(root: &std::path::Path, mut problem: Problem) -> Problem {
    if let Some(file) = &problem.file {
        problem.file = Some(in_project(root, std::path::Path::new(file)));
    }
    problem
}

/// `value` as one JSON document on stdout (`--json`).
pub fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Prints an error with its cause chain and maps the outcome to an exit code.
/// A broken pipe (output piped into `head`) is not an error.
pub fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let broken_pipe = err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

/// "1 seed", "2 seeds".
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// Names each seed that could not be ingested, then fails saying how many
/// (and `rest`, what became of the others), so that scripts and CI notice.
pub fn fail_on_seed_errors(errors: &[briefing::Error], rest: &str) -> anyhow::Result<()> {
    for error in errors {
        eprintln!("error: {error}");
    }
    if errors.is_empty() {
        return Ok(());
    }
    anyhow::bail!(
        "{} could not be ingested (each is named above, with what to do); {rest}",
        count(errors.len(), "seed")
    )
}
