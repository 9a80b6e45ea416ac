//! The build lock: one `briefing build` (or serve rebuild) at a time per
//! project. Two builds at once would race on `content/` and on the swap of
//! `public/`; the second one stops with a message instead.
//!
//! The lock is an OS file lock (`flock` on Unix) on `<root>/.briefing.lock`,
//! so a build that crashes or is killed releases it with its process; the
//! file itself stays (deleting it would let two builds lock different files).

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The lock file's name in the project root.
pub const LOCK_FILE: &str = ".briefing.lock";

/// Held for the whole build; dropping it releases the lock.
#[derive(Debug)]
pub struct BuildLock {
    _file: File,
}

impl BuildLock {
    /// Takes the lock of `root`, or says which process holds it.
    pub fn acquire(root: &Path) -> Result<BuildLock> {
        let path = root.join(LOCK_FILE);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(held(root, &path, &mut file)),
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

fn held(root: &Path, path: &Path, file: &mut File) -> Error {
    let mut text = String::new();
    let pid = match file.read_to_string(&mut text) {
        Ok(_) if !text.trim().is_empty() => format!(" (pid {})", text.trim()),
        _ => String::new(),
    };
    Error::Locked {
        path: PathBuf::from(path),
        message: format!(
            "another briefing build is running in {}{pid}; wait for it to finish \
             (the lock is released when that process exits; if none is running, remove {})",
            root.display(),
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
        let first = BuildLock::acquire(dir.path()).unwrap();
        let msg = BuildLock::acquire(dir.path()).unwrap_err().to_string();
        assert!(
            msg.contains("another briefing build is running in"),
            "{msg}"
        );
        assert!(
            msg.contains(&format!("(pid {})", std::process::id())),
            "{msg}"
        );
        assert!(msg.contains(LOCK_FILE), "{msg}");
        drop(first);
        BuildLock::acquire(dir.path()).unwrap();
    }
}
