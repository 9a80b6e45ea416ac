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
    let commands: [&[&str]; 4] = [
        &["build"],
        &["ingest"],
        &["check"],
        &["serve", "--port", "0"],
    ];
    for command in commands {
        let out = run(dir.path(), command);
        let msg = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{command:?}: {msg}");
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

/// The content file ingest wrote for the seed whose name starts with `prefix`.
fn content_of(root: &Path, prefix: &str) -> std::path::PathBuf {
    let seed = format!("seeds/{prefix}");
    std::fs::read_dir(root.join("content"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains(&format!("file: {seed}"))))
        .unwrap_or_else(|| panic!("no content file from {seed}"))
}

fn edit_body(path: &Path, line: &str) -> String {
    let edited = format!("{}\n{line}\n", std::fs::read_to_string(path).unwrap());
    std::fs::write(path, &edited).unwrap();
    edited
}

fn content_count(root: &Path) -> usize {
    std::fs::read_dir(root.join("content")).unwrap().count()
}

#[test]
fn force_with_a_named_seed_replaces_only_its_edit_and_keeps_a_copy() {
    let project = seeded_project();
    let root = project.path();
    assert!(run(root, &["ingest"]).status.success());
    let (first, second) = (content_of(root, "001_"), content_of(root, "003_"));
    let first_edit = edit_body(&first, "A note of mine on the first document.");
    let second_edit = edit_body(&second, "A note of mine on the second document.");

    let out = run(root, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("edited by hand"), "{}", stderr(&out));
    let table = run(root, &["ingest"]);
    let table = String::from_utf8_lossy(&table.stdout).into_owned();
    assert_eq!(table.matches("edited by hand (kept)").count(), 2, "{table}");

    let out = run(
        root,
        &["ingest", "--force", "seeds/001_124cfd008041aaae.txt"],
    );
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(out.status.success(), "{said}");
    assert!(said.contains(".briefing/backup/"), "{said}");
    let replaced = std::fs::read_to_string(&first).unwrap();
    assert!(
        !replaced.contains("A note of mine"),
        "the seed's version is back"
    );
    assert_eq!(std::fs::read_to_string(&second).unwrap(), second_edit);
    let backups: Vec<_> = walkdir::WalkDir::new(root.join(".briefing/backup"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(
        std::fs::read_to_string(backups[0].path()).unwrap(),
        first_edit
    );

    let out = run(root, &["ingest", "--force", "seeds/no-such-seed.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not a seed of this project"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&second).unwrap(), second_edit);
}

#[test]
fn an_edit_whose_seed_changed_is_kept_and_said_once_per_build() {
    let project = seeded_project();
    let root = project.path();
    assert!(run(root, &["ingest"]).status.success());
    let content = content_of(root, "004_");
    let edit = edit_body(&content, "My own closing remark.");
    let seed = root.join("seeds/004_3c93a3b70b66d52e.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(
        &seed,
        format!("{text}\nOne more paragraph that the seed gained later on.\n"),
    )
    .unwrap();
    let out = run(root, &["build"]);
    let msg = stderr(&out);
    assert!(out.status.success(), "{msg}");
    assert!(
        msg.contains("edited by hand, and seeds/004_3c93a3b70b66d52e.txt"),
        "{msg}"
    );
    assert!(
        msg.contains("briefing ingest --force seeds/004_3c93a3b70b66d52e.txt"),
        "{msg}"
    );
    assert_eq!(std::fs::read_to_string(&content).unwrap(), edit);
}

#[test]
fn a_yaml_typo_keeps_its_seed_points_at_its_line_and_the_fix_builds() {
    let project = seeded_project();
    let root = project.path();
    assert!(run(root, &["build"]).status.success());
    let content = content_of(root, "003_");
    let good = std::fs::read_to_string(&content).unwrap();
    let typo = good.replacen("title: ", "title: \"", 1);
    std::fs::write(&content, &typo).unwrap();
    let files = content_count(root);

    let out = run(root, &["build"]);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{msg}");
    let name = content.file_name().unwrap().to_string_lossy();
    assert!(
        msg.contains(&format!("{name}:2:8: this quoted value is never closed")),
        "{msg}"
    );
    assert_eq!(content_count(root), files, "no second file for the seed");
    assert_eq!(std::fs::read_to_string(&content).unwrap(), typo);

    std::fs::write(&content, &good).unwrap();
    let out = run(root, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(content_count(root), files);
    let pages = std::fs::read_dir(root.join("public/documents"))
        .unwrap()
        .count();
    assert_eq!(pages, 5, "one page per document");
    let check = run(root, &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn two_content_files_of_one_seed_are_a_problem_check_reports() {
    let project = seeded_project();
    let root = project.path();
    assert!(run(root, &["build"]).status.success());
    let content = content_of(root, "003_");
    std::fs::copy(&content, root.join("content/a-copy.md")).unwrap();
    let check = run(root, &["check"]);
    let said = String::from_utf8_lossy(&check.stdout).into_owned();
    assert_eq!(check.status.code(), Some(1), "{said}");
    assert!(
        said.contains("all come from seeds/003_4286cd13c5110f0e.txt"),
        "{said}"
    );
    assert!(said.contains(": 1 problem\n"), "{said}");
}

#[test]
fn a_bad_seed_stops_only_itself_and_the_exit_code_says_so() {
    let project = seeded_project();
    let root = project.path();
    let config = std::fs::read_to_string(root.join("briefing.yaml")).unwrap();
    let config = config.replace("max_seed_mb: 20", "max_seed_mb: 1");
    std::fs::write(root.join("briefing.yaml"), config).unwrap();
    std::fs::write(root.join("seeds/empty.txt"), "\n \n").unwrap();
    std::fs::write(root.join("seeds/huge.txt"), "word ".repeat(300_000)).unwrap();

    let out = run(root, &["build"]);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{msg}");
    assert!(msg.contains("seeds/empty.txt: is empty"), "{msg}");
    assert!(
        msg.contains("seeds/huge.txt: is 1.4 MB, over the 1 MB limit"),
        "{msg}"
    );
    assert!(msg.contains("ingest.max_seed_mb"), "{msg}");
    assert!(msg.contains("2 seeds could not be ingested"), "{msg}");
    let pages = std::fs::read_dir(root.join("public/documents"))
        .unwrap()
        .count();
    assert_eq!(pages, 5, "every good document is published");
    assert_eq!(content_count(root), 5);
}

#[test]
fn utf16_legacy_and_japanese_seeds_ingest() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    std::fs::write(root.join("briefing.yaml"), "title: Encodings\n").unwrap();
    std::fs::create_dir(root.join("seeds")).unwrap();
    let english = "Joint Statement on Digital Cooperation\n\nMay 1, 2024\n\n\
                   The two ministries issued a joint statement on data flows and the security of submarine cables today.\n";
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(english.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(root.join("seeds/utf16.txt"), utf16).unwrap();
    let latin = b"Caf\xe9 Policy Note\n\nMay 2, 2024\n\nThe minister\x92s office published a note on the caf\xe9 economy and its data.\n";
    std::fs::write(root.join("seeds/latin.txt"), latin).unwrap();
    let japanese = "日EUデジタルパートナーシップ閣僚会合の開催\n\n総務省\n\n\
                    ブリュッセルにおいて第2回日EUデジタルパートナーシップ閣僚会合が開催されました。\
                    会合では、半導体、人工知能、海底ケーブル等の分野での協力について議論しました。\n";
    std::fs::write(root.join("seeds/japanese.txt"), japanese).unwrap();

    let out = run(root, &["build"]);
    let msg = stderr(&out);
    assert!(out.status.success(), "{msg}");
    assert!(
        msg.contains("seeds/latin.txt: not UTF-8; read as windows-1252"),
        "{msg}"
    );
    let texts: Vec<String> = std::fs::read_dir(root.join("content"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let has = |needle: &str| texts.iter().any(|t| t.contains(needle));
    assert!(
        has("title: Joint Statement on Digital Cooperation"),
        "{texts:?}"
    );
    assert!(has("title: Café Policy Note"), "{texts:?}");
    assert!(
        has("the minister’s office") || has("The minister’s office"),
        "{texts:?}"
    );
    assert!(
        has("title: 日EUデジタルパートナーシップ閣僚会合の開催"),
        "{texts:?}"
    );
    assert!(
        root.join("content/japanese.md").is_file(),
        "named after its seed"
    );
    let pages = std::fs::read_dir(root.join("public/documents"))
        .unwrap()
        .count();
    assert_eq!(pages, 3);
}
