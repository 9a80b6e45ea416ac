//! Which folder a build may put its site in. A build replaces its output
//! folder whole, so it writes only into one that is absent, empty, or marked
//! as a site an earlier build wrote ([`MARKER`], written with every site).
//! Any other folder is refused unless the user says `--force-output`; the
//! project's own folders, and any folder holding them, are refused even then.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The file every built site holds, so that the next build knows the folder
/// is its own to replace.
pub const MARKER: &str = ".briefing-site";

/// What the marker says to a person who opens it.
pub const MARKER_TEXT: &str = "This folder is a site written by `briefing build`.\n\
    The next build replaces it whole: keep nothing else in it.\n";

/// The project folders a site must never replace or be written into: they
/// hold the user's sources.
const PROJECT_FOLDERS: &[&str] = &["seeds", "content", "templates", "static", ".briefing"];

/// Checks that a build may replace `output` (a path as the user gave it)
/// with a new site, for the project at `root`.
pub fn check(root: &Path, output: &Path, force: bool) -> Result<()> {
    let root = absolute(root);
    let target = absolute(output);
    if let Some(why) = project_clash(&root, &target) {
        return Err(refused(output, &why));
    }
    if force || may_replace(output)? {
        return Ok(());
    }
    let example = first_entry(output)
        .map(|name| format!(" (it holds {name})"))
        .unwrap_or_default();
    Err(refused(
        output,
        &format!(
            "is not a site that briefing wrote{example}, and a build replaces its output \
             folder whole; pick a new or empty folder, or pass --force-output to replace \
             everything in it"
        ),
    ))
}

/// Why `target` may not hold a site of the project at `root`, if it may not.
fn project_clash(root: &Path, target: &Path) -> Option<String> {
    let why = if target == root {
        "is the project folder itself".to_string()
    } else if root.starts_with(target) {
        format!("holds the project folder {}", root.display())
    } else {
        let name = PROJECT_FOLDERS
            .iter()
            .find(|name| target.starts_with(root.join(name)))?;
        format!("is inside the project's {name}/ folder, which holds your sources")
    };
    Some(format!(
        "{why}; a build replaces its output folder whole, so it never writes there \
         (even with --force-output): pick another folder, such as the default `public`"
    ))
}

/// An absent or empty folder, or one a build wrote (its marker, or the
/// manifest an earlier build left beside it).
pub fn may_replace(output: &Path) -> Result<bool> {
    let metadata = match std::fs::symlink_metadata(output) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        Err(e) => return Err(Error::io(output, e)),
    };
    if !metadata.is_dir() {
        return Ok(false);
    }
    if output.join(MARKER).is_file() || super::manifest::manifest_path(output).is_file() {
        return Ok(true);
    }
    let mut entries = std::fs::read_dir(output).map_err(|e| Error::io(output, e))?;
    Ok(entries.next().is_none())
}

/// The first name in `output`, to show the user what would be lost.
fn first_entry(output: &Path) -> Option<String> {
    let mut names: Vec<String> = std::fs::read_dir(output)
        .ok()?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.into_iter().next()
}

fn refused(output: &Path, why: &str) -> Error {
    Error::Output {
        path: output.to_path_buf(),
        message: format!("not writing the site here: this folder {why}"),
    }
}

/// `path` made absolute and, as far as it exists, free of symlinks and `..`,
/// so that two spellings of one folder compare equal.
fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.iter().rev().fold(real, |p, name| p.join(name));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return path,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for name in ["seeds", "content"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
        }
        dir
    }

    #[test]
    fn the_project_and_its_source_folders_are_refused_even_when_forced() {
        let dir = project();
        let root = dir.path();
        for output in [
            root.to_path_buf(),
            root.join("seeds"),
            root.join("content"),
            root.join("content/site"),
            root.join("templates"),
            root.join("static"),
            root.join("seeds/../content"),
            root.parent().unwrap().to_path_buf(),
        ] {
            let msg = check(root, &output, true).unwrap_err().to_string();
            assert!(msg.contains("not writing the site here"), "{msg}");
            assert!(msg.contains("even with --force-output"), "{msg}");
        }
    }

    #[test]
    fn a_foreign_folder_is_refused_unless_forced_and_a_site_or_empty_folder_is_taken() {
        let dir = project();
        let root = dir.path();
        let precious = root.join("precious");
        std::fs::create_dir(&precious).unwrap();
        assert!(check(root, &precious, false).is_ok(), "an empty folder");
        std::fs::write(precious.join("thesis.docx"), "x").unwrap();
        let msg = check(root, &precious, false).unwrap_err().to_string();
        assert!(msg.contains("precious"), "{msg}");
        assert!(msg.contains("thesis.docx"), "{msg}");
        assert!(msg.contains("--force-output"), "{msg}");
        assert!(check(root, &precious, true).is_ok());
        std::fs::write(precious.join(MARKER), MARKER_TEXT).unwrap();
        assert!(check(root, &precious, false).is_ok(), "a marked site");
        assert!(check(root, &root.join("public"), false).is_ok(), "absent");
    }
}
