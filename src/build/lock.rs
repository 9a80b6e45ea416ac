//! The build lock: one `briefing build` (or serve rebuild) at a time per
//! output folder. Two builds at once would race on the swap of `public/`;
//! the second one stops with a message instead.
//!
//! The lock is an OS file lock (`flock` on Unix) on `.<name>.lock` beside
//! the output folder (`.public.lock`), so the project folder itself is never
//! written to for it and a build that crashes or is killed releases it with
//! its process. The file stays (deleting it would let two builds lock
//! different files).

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The lock file of an output folder: `.<name>.lock` beside it.
pub fn lock_path(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
    output.with_file_name(format!(".{name}.lock"))
}

/// Held for the whole build; dropping it releases the lock.
#[derive(Debug)]
pub struct BuildLock {
    _file: File,
}

impl BuildLock {
    /// Takes the lock of the output folder `output`, or says which process
    /// holds it. The folder's parent must exist.
    pub fn acquire(output: &Path) -> Result<BuildLock> {
        let path = lock_path(output);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| super::swap::output_error(path.parent().unwrap_or(&path), e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(held(output, &path, &mut file)),
            Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        // The holder's pid, for the message another build prints.
        let record = format!("{}\n", std::process::id());
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(record.as_bytes()))
            .map_err(|e| Error::io(&path, e))?;
        Ok(BuildLock { _file: file })
    }
}

fn held(output: &Path, path: &Path, file: &mut File) -> Error {
    let mut text = String::new();
    let pid = match file.read_to_string(&mut text) {
        Ok(_) if !text.trim().is_empty() => format!(" (pid {})", text.trim()),
        _ => String::new(),
    };
    Error::Locked {
        path: PathBuf::from(path),
        message: format!(
            "another briefing build or serve is writing {}{pid}; wait for it to finish or stop it \
             (the lock is released when that process exits; if none is running, remove {})",
            output.display(),
            path.display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_with_the_holders_pid_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let first = BuildLock::acquire(&output).unwrap();
        let msg = BuildLock::acquire(&output).unwrap_err().to_string();
        assert!(
            msg.contains("another briefing build or serve is writing"),
            "{msg}"
        );
        assert!(
            msg.contains(&format!("(pid {})", std::process::id())),
            "{msg}"
        );
        assert!(msg.contains(".public.lock"), "{msg}");
        BuildLock::acquire(&dir.path().join("other")).unwrap();
        drop(first);
        BuildLock::acquire(&output).unwrap();
    }
}
