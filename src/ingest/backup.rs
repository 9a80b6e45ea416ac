//! Copies of hand-edited content files, kept in `.briefing/backup/<time>/`
//! before `ingest --force` replaces or removes them: an edit is never lost,
//! even when the user asked for the seed's version.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::error::{Error, Result};

/// Where a project's backups go, one folder per ingest run.
pub const BACKUP_DIR: &str = ".briefing/backup";

/// One run's backup folder, made when the first file is kept.
pub struct Backup {
    root: PathBuf,
    folder: OnceLock<std::result::Result<PathBuf, String>>,
}

impl Backup {
    pub fn new(root: &Path) -> Backup {
        Backup {
            root: root.to_path_buf(),
            folder: OnceLock::new(),
        }
    }

    /// Copies `file` (a content file) into the run's folder, under the
    /// same path relative to the project; returns the copy's path.
    pub fn keep(&self, file: &Path) -> Result<PathBuf> {
        let folder = self
            .folder
            .get_or_init(|| self.make_folder().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|message| Error::Other(format!("{message}; nothing was overwritten")))?;
        let relative = file.strip_prefix(&self.root).unwrap_or(file);
        let copy = folder.join(relative);
        if let Some(parent) = copy.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::copy(file, &copy).map_err(|e| Error::io(&copy, e))?;
        Ok(copy)
    }

    /// The run's folder, if anything was kept in it.
    pub fn folder(&self) -> Option<&Path> {
        self.folder.get()?.as_ref().ok().map(PathBuf::as_path)
    }

    /// `.briefing/backup/<local time>`, with `-2`, `-3` … when a run in the
    /// same second made one already.
    fn make_folder(&self) -> Result<PathBuf> {
        let parent = self.root.join(BACKUP_DIR);
        std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let stamp = chrono::Local::now().format("%Y-%m-%dT%H-%M-%S").to_string();
        let mut n = 1;
        loop {
            let name = match n {
                1 => stamp.clone(),
                n => format!("{stamp}-{n}"),
            };
            let folder = parent.join(name);
            match std::fs::create_dir(&folder) {
                Ok(()) => return Ok(folder),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => n += 1,
                Err(e) => return Err(Error::io(&folder, e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_files_keep_their_bytes_and_path_and_runs_never_share_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("content/a.md");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "edited").unwrap();
        let first = Backup::new(dir.path());
        assert!(first.folder().is_none(), "nothing kept, no folder");
        let copy = first.keep(&file).unwrap();
        assert_eq!(std::fs::read_to_string(&copy).unwrap(), "edited");
        assert!(copy.ends_with("content/a.md"), "{}", copy.display());
        assert!(copy.starts_with(dir.path().join(BACKUP_DIR)));
        let second = Backup::new(dir.path());
        let other = second.keep(&file).unwrap();
        assert_ne!(first.folder(), second.folder());
        assert_eq!(std::fs::read_to_string(other).unwrap(), "edited");
    }
}
