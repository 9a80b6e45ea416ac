//! `briefing init [DIR]`: a new project, from the starter files or
//! (`--example`) the bundled corpus. A folder that holds anything is filled
//! only with `--force`, and no file in it is ever overwritten.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use briefing::render::assets::{STATIC_DIR, STATIC_FILES, TEMPLATES, TEMPLATE_DIR};
use briefing::scaffold;

use super::{detail, say};

#[derive(clap::Args)]
pub struct Args {
    /// The folder to make the project in [default: --root, or the current folder].
    dir: Option<PathBuf>,
    /// Copy the bundled example corpus (its seeds and its briefing.yaml)
    /// instead of the starter files.
    #[arg(long)]
    example: bool,
    /// Also write the default templates/ and static/ files, to edit them.
    #[arg(long)]
    templates: bool,
    /// Add the project's files to a folder that is not empty; a file that
    /// is already there is kept, never overwritten.
    #[arg(long)]
    force: bool,
}

pub fn execute(root: Option<&Path>, args: Args) -> anyhow::Result<()> {
    let dir = match (args.dir.as_deref(), root) {
        (Some(_), Some(_)) => {
            bail!("name the new project's folder once: as DIR or with --root, not both")
        }
        (Some(dir), None) | (None, Some(dir)) => dir.to_path_buf(),
        (None, None) => PathBuf::from("."),
    };
    refuse_unless_empty(&dir, args.force)?;
    let mut files: Vec<(PathBuf, &[u8])> = match args.example {
        true => scaffold::example(),
        false => scaffold::starter(),
    }
    .into_iter()
    .map(|(path, bytes)| (PathBuf::from(path), bytes))
    .collect();
    if args.templates {
        let templates = TEMPLATES
            .iter()
            .map(|(n, t)| (Path::new(TEMPLATE_DIR).join(n), t.as_bytes()));
        let statics = STATIC_FILES
            .iter()
            .map(|(n, b)| (Path::new(STATIC_DIR).join(n), *b));
        files.extend(templates.chain(statics));
    }
    for sub in ["seeds", "content"] {
        let path = dir.join(sub);
        std::fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
    }
    let mut kept = Vec::new();
    for (path, bytes) in &files {
        match write_new(&dir.join(path), bytes)? {
            true => detail(format_args!("wrote {}", path.display())),
            false => kept.push(path.display().to_string()),
        }
    }
    say(format_args!(
        "created a briefing project in {}{}",
        dir.display(),
        match args.example {
            true => " from the bundled example corpus",
            false => "",
        }
    ));
    if !kept.is_empty() {
        say(format_args!(
            "kept the files already there (not overwritten): {}",
            kept.join(", ")
        ));
    }
    let cd = match dir.as_os_str() == "." {
        true => String::new(),
        false => format!("cd {} && ", dir.display()),
    };
    say(format_args!(
        "next: {cd}briefing build (or briefing serve --open)"
    ));
    Ok(())
}

/// A folder with anything in it is filled only when the user says so.
fn refuse_unless_empty(dir: &Path, force: bool) -> anyhow::Result<()> {
    let mut entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
            bail!("{} is a file, not a folder", dir.display())
        }
        Err(e) => return Err(e).with_context(|| format!("reading {}", dir.display())),
    };
    match entries.next() {
        Some(entry) if !force => bail!(
            "{} is not empty (it holds {}, among others): pass --force to add a project's \
             files to it (no file already there is overwritten)",
            dir.display(),
            entry?.file_name().to_string_lossy()
        ),
        _ => Ok(()),
    }
}

/// Writes `bytes` at `path` unless a file is there; `false` when one was (kept).
fn write_new(path: &Path, bytes: &[u8]) -> anyhow::Result<bool> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    match file {
        Ok(mut file) => {
            use std::io::Write;
            file.write_all(bytes)
                .with_context(|| format!("writing {}", path.display()))?;
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e).with_context(|| format!("writing {}", path.display())),
    }
}
