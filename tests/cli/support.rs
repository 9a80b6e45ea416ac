//! Running the binary, and a fresh project to run it on.

use std::path::Path;
use std::process::{Command, Output};

/// `briefing ARGS` in `dir`, which must succeed; its stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "briefing {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `briefing ARGS` in `dir`, which must fail; its stderr.
pub fn fails(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(!out.status.success(), "briefing {args:?} passed");
    String::from_utf8(out.stderr).unwrap()
}

pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// A project made by `briefing init` in a temporary folder, and its path.
pub fn starter() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["init", "project"]);
    let project = dir.path().join("project");
    (dir, project)
}

/// Writes a hand-written content file `content/<name>.md`.
pub fn content(project: &Path, name: &str, front: &str, body: &str) {
    let text = format!("---\n{front}\n---\n\n{body}\n");
    std::fs::write(project.join(format!("content/{name}.md")), text).unwrap();
}

pub fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
