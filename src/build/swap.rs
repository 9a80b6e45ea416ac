//! Putting a freshly rendered site in place of the old one so that, whatever
//! moment the build dies at, the output folder holds the whole previous site
//! or the whole new one.
//!
//! On Linux the two folders are exchanged in one `renameat2(RENAME_EXCHANGE)`
//! call; elsewhere the old folder is renamed aside first and a build that dies
//! between the two renames leaves it beside the output, where the next build
//! puts it back. Leftover folders (`<name>.tmp-*`, `<name>.old-*`) are removed
//! by the next build, under the build lock.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Prefix of the folder a build renders into, beside the output folder.
pub fn fresh_prefix(name: &str) -> String {
    format!("{name}.tmp-")
}

fn old_prefix(name: &str) -> String {
    format!("{name}.old-")
}

/// Removes what killed builds left beside `output`; restores the previous
/// site if a build died with it renamed aside.
pub fn clean_leftovers(parent: &Path, name: &str, output: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    let mut leftovers: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let file_name = e.file_name().to_string_lossy().to_string();
            file_name.starts_with(&fresh_prefix(name)) || file_name.starts_with(&old_prefix(name))
        })
        .map(|e| e.path())
        .collect();
    leftovers.sort();
    if !output.exists() {
        let aside = leftovers.iter().position(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&old_prefix(name)))
        });
        if let Some(i) = aside {
            let old = leftovers.remove(i);
            std::fs::rename(&old, output).map_err(|e| output_error(output, e))?;
        }
    }
    for path in leftovers {
        std::fs::remove_dir_all(&path).map_err(|e| output_error(&path, e))?;
    }
    Ok(())
}

/// Puts `fresh` at `output`; the previous output, if any, is deleted.
pub fn swap_in(fresh: tempfile::TempDir, output: &Path, parent: &Path, name: &str) -> Result<()> {
    if !output.exists() {
        let fresh_path = fresh.keep();
        return std::fs::rename(&fresh_path, output).map_err(|e| {
            let _ = std::fs::remove_dir_all(&fresh_path);
            output_error(output, e)
        });
    }
    match exchange(fresh.path(), output) {
        // `fresh` now holds the previous site; dropping it deletes it.
        Ok(()) => drop(fresh),
        Err(e) if e.kind() == ErrorKind::Unsupported => {
            swap_by_two_renames(fresh, output, parent, name)?
        }
        Err(e) => return Err(output_error(output, e)),
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|e| std::io::Error::new(ErrorKind::InvalidInput, e))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both arguments are valid NUL-terminated paths that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    let err = std::io::Error::last_os_error();
    match err.raw_os_error() {
        // Old kernels and some file systems (e.g. some network mounts) lack the flag.
        Some(libc::EINVAL) | Some(libc::ENOSYS) => Err(ErrorKind::Unsupported.into()),
        _ => Err(err),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(ErrorKind::Unsupported.into())
}

fn swap_by_two_renames(
    fresh: tempfile::TempDir,
    output: &Path,
    parent: &Path,
    name: &str,
) -> Result<()> {
    let old = tempfile::Builder::new()
        .prefix(&old_prefix(name))
        .tempdir_in(parent)
        .map_err(|e| output_error(parent, e))?;
    let old_path = old.path().to_path_buf();
    // An empty folder is in the way of the rename; remove it, keep its unique name.
    drop(old);
    std::fs::rename(output, &old_path).map_err(|e| output_error(output, e))?;
    let fresh_path = fresh.keep();
    if let Err(e) = std::fs::rename(&fresh_path, output) {
        let _ = std::fs::rename(&old_path, output);
        let _ = std::fs::remove_dir_all(&fresh_path);
        return Err(output_error(output, e));
    }
    std::fs::remove_dir_all(&old_path).map_err(|e| output_error(&old_path, e))
}

/// An I/O error while writing the site, said in terms of what to do.
pub fn output_error(path: &Path, err: std::io::Error) -> Error {
    let advice = match err.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            "the folder is not writable: make it writable, or build elsewhere with `briefing build --output DIR`"
        }
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => {
            "the disk is full: free some space, or build elsewhere with `briefing build --output DIR`"
        }
        _ => return Error::io(path, err),
    };
    Error::Output {
        path: path.to_path_buf(),
        message: format!("cannot write the site ({err}); {advice}. The previous site is untouched"),
    }
}

/// Turns the disk and permission errors of a render into [`output_error`]s
/// naming the output folder rather than a temporary file inside it.
pub fn explain_write_error(output: &Path, err: Error) -> Error {
    match err {
        Error::Io { source, .. }
            if matches!(
                source.kind(),
                ErrorKind::PermissionDenied
                    | ErrorKind::ReadOnlyFilesystem
                    | ErrorKind::StorageFull
                    | ErrorKind::QuotaExceeded
                    | ErrorKind::FileTooLarge
            ) =>
        {
            output_error(output, source)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &Path, text: &str) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("index.html"), text).unwrap();
    }

    #[test]
    fn swap_replaces_the_whole_folder_and_leaves_nothing_beside_it() {
        let parent = tempfile::tempdir().unwrap();
        let output = parent.path().join("public");
        site(&output, "old");
        std::fs::write(output.join("stale.html"), "gone").unwrap();
        let fresh = tempfile::Builder::new()
            .prefix(&fresh_prefix("public"))
            .tempdir_in(parent.path())
            .unwrap();
        site(fresh.path(), "new");
        swap_in(fresh, &output, parent.path(), "public").unwrap();
        assert_eq!(
            std::fs::read_to_string(output.join("index.html")).unwrap(),
            "new"
        );
        assert!(!output.join("stale.html").exists());
        assert_eq!(std::fs::read_dir(parent.path()).unwrap().count(), 1);
    }

    #[test]
    fn leftovers_are_removed_and_a_site_left_aside_is_put_back() {
        let parent = tempfile::tempdir().unwrap();
        let output = parent.path().join("public");
        site(&parent.path().join("public.tmp-abc"), "half");
        site(&parent.path().join("public.old-xyz"), "previous");
        site(&parent.path().join("publicity"), "not ours");
        clean_leftovers(parent.path(), "public", &output).unwrap();
        assert_eq!(
            std::fs::read_to_string(output.join("index.html")).unwrap(),
            "previous"
        );
        assert!(!parent.path().join("public.tmp-abc").exists());
        assert!(parent.path().join("publicity").exists());
    }

    #[test]
    fn disk_and_permission_errors_say_what_to_do() {
        let full = output_error(Path::new("/x/public"), ErrorKind::StorageFull.into()).to_string();
        assert!(
            full.starts_with("/x/public: cannot write the site"),
            "{full}"
        );
        assert!(full.contains("free some space"), "{full}");
        let ro = output_error(Path::new("/x"), ErrorKind::ReadOnlyFilesystem.into()).to_string();
        assert!(
            ro.contains("make it writable") && ro.contains("--output"),
            "{ro}"
        );
    }
}
