//! One file per command, each with its clap `Args` and an `execute` function.

pub mod build;
pub mod check;
pub mod ingest;
pub mod init;
pub mod pdf;
pub mod serve;

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
