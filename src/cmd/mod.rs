//! One file per command, each with its clap `Args` and an `execute` function.

pub mod build;
pub mod check;
pub mod ingest;
pub mod init;
pub mod pdf;
pub mod serve;
pub mod suggest;

use std::process::ExitCode;

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
