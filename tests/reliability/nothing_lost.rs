//! Nothing the user has is lost, whatever they type: an output folder that
//! is not a site is left alone, hand edits survive `ingest --force`, a
//! broken content file keeps its seed, and a bad seed stops only itself.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::*;

const BINARY: &str = env!("CARGO_BIN_EXE_briefing");

fn run(root: &Path, args: &[&str]) -> Output {
    Command::new(BINARY)
        .arg("--root")
        .arg(root)
        .args(args)
        .env_remove("CI")
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The bundled seeds and `briefing.yaml` in a temporary project.
fn seeded_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("briefing.yaml"), dir.path().join("briefing.yaml")).unwrap();
    copy_dir(&repo.join("seeds"), &dir.path().join("seeds"));
    dir
}

#[test]
fn output_pointed_at_the_project_or_its_sources_is_refused_and_nothing_is_touched() {
    let project = seeded_project();
    let root = project.path();
    assert!(run(root, &["ingest"]).status.success());
    let before = snapshot(root);
    for (output, forced) in [
        (".", false),
        (".", true),
        ("content", false),
        ("content", true),
        ("seeds", true),
        ("templates", true),
        ("..", true),
    ] {
        let target = root.join(output);
        let mut args = vec!["build", "-o", target.to_str().unwrap()];
        if forced {
            args.push("--force-output");
        }
        let out = run(root, &args);
        let msg = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "-o {output}: {msg}");
        assert!(msg.contains("not writing the site here"), "{msg}");
        assert!(msg.contains("even with --force-output"), "{msg}");
        assert_eq!(before, snapshot(root), "-o {output} changed the project");
    }
}

#[test]
fn a_foreign_folder_is_kept_unless_forced_and_a_site_folder_is_replaced() {
    let project = seeded_project();
    let root = project.path();
    let precious = root.join("precious");
    std::fs::create_dir(&precious).unwrap();
    std::fs::write(precious.join("thesis.docx"), b"three years of work").unwrap();
    let target = precious.to_str().unwrap();

    let out = run(root, &["build", "-o", target]);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{msg}");
    assert!(msg.contains("precious"), "{msg}");
    assert!(msg.contains("thesis.docx"), "{msg}");
    assert!(msg.contains("--force-output"), "{msg}");
    assert_eq!(
        std::fs::read(precious.join("thesis.docx")).unwrap(),
        b"three years of work"
    );

    let out = run(root, &["build", "-o", target, "--force-output"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(precious.join("index.html").is_file());
    assert!(!precious.join("thesis.docx").exists());

    let site = root.join("site");
    let out = run(root, &["build", "-o", site.to_str().unwrap()]);
    assert!(out.status.success(), "a new folder: {}", stderr(&out));
    let out = run(root, &["build", "-o", site.to_str().unwrap()]);
    assert!(out.status.success(), "its own site: {}", stderr(&out));
}

#[test]
fn a_folder_without_briefing_yaml_is_not_built() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    for command in ["build", "ingest", "check"] {
        let out = run(dir.path(), &[command]);
        let msg = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{command}: {msg}");
        assert!(msg.contains("briefing.yaml"), "{msg}");
        assert!(msg.contains("briefing init"), "{msg}");
        assert!(!dir.path().join("public").exists());
    }
}

#[cfg(unix)]
#[test]
fn written_files_get_the_mode_the_umask_gives() {
    use std::os::unix::fs::PermissionsExt;
    let project = seeded_project();
    let root = project.path();
    let built = Command::new("sh")
        .arg("-c")
        .arg("umask 022 && exec \"$0\" --root \"$1\" build")
        .arg(BINARY)
        .arg(root)
        .status()
        .unwrap();
    assert!(built.success());
    for folder in ["content", "public"] {
        let dir = root.join(folder);
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o055, 0o055, "{folder}/ is {mode:o}");
        for (path, _) in snapshot(&dir) {
            let mode = std::fs::metadata(dir.join(&path))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(
                mode & 0o044,
                0o044,
                "{folder}/{} is {mode:o}",
                path.display()
            );
        }
    }
}
