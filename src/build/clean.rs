//! `clean`: removes what builds wrote, the site and the files beside it
//! (its manifest, its lock, what a killed build left), and nothing else:
//! not `seeds/`, `content/`, the book's PDF or a folder no build wrote.

use std::path::{Path, PathBuf};

use super::{lock, manifest, output, swap, BuildLock, DEFAULT_OUTPUT};
use crate::config::Config;
use crate::error::{Error, Result};

/// What a clean removed, by path.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub removed: Vec<PathBuf>,
}

/// Removes the site at `site` (default `<root>/public`) of the project at
/// `root` and the build's files beside it. A folder that is not a
/// project, a site folder no build wrote and a site a build or `serve` is
/// writing are refused, with nothing removed.
pub fn clean(root: &Path, site: Option<&Path>) -> Result<Cleaned> {
    Config::load(root)?;
    let site = site.map_or_else(|| root.join(DEFAULT_OUTPUT), Path::to_path_buf);
    output::check(root, &site, true)?;
    if !output::may_replace(&site)? {
        return Err(refused(&site));
    }
    let parent = match site.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut cleaned = Cleaned::default();
    if !parent.is_dir() {
        return Ok(cleaned);
    }
    let lock_file = lock::lock_path(&site);
    let had_lock_file = lock_file.exists();
    let held = BuildLock::acquire(&site)?;
    let name = site.file_name().map_or_else(
        || DEFAULT_OUTPUT.to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    swap::clean_leftovers(&parent, &name, &site)?;
    if site.is_dir() {
        std::fs::remove_dir_all(&site).map_err(|e| Error::io(&site, e))?;
        cleaned.removed.push(site.clone());
    }
    remove_file(&manifest::manifest_path(&site), &mut cleaned)?;
    remove_file(&lock_file, &mut cleaned)?;
    if !had_lock_file {
        // Made just now by taking the lock: nothing a build left.
        cleaned.removed.retain(|p| p != &lock_file);
    }
    // Removed while held, so no build took it in between; a build that
    // starts now makes a new one.
    drop(held);
    Ok(cleaned)
}

fn remove_file(file: &Path, cleaned: &mut Cleaned) -> Result<()> {
    match std::fs::remove_file(file) {
        Ok(()) => cleaned.removed.push(file.to_path_buf()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(file, e)),
    }
    Ok(())
}

fn refused(site: &Path) -> Error {
    Error::input(
        site,
        "is not a site that briefing built (it has no .briefing-site marker): `briefing clean` \
         removes only what builds wrote, so it leaves this folder alone",
    )
}
