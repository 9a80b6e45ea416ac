//! Faults: a build killed at random moments, a full disk, a read-only
//! output folder, and two builds at once. Each leaves the previous site and
//! every content file whole, and says what went wrong and what to do.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use briefing::build::{lock_path, BuildLock};
use briefing::util::sha256_hex;

use crate::support::*;

const BINARY: &str = env!("CARGO_BIN_EXE_briefing");
const CONFIG: &str = "title: Kill test\npaginate_by: 5\nthemes:\n  - {slug: ai, name: AI, keywords: [artificial intelligence, AI]}\n  - {slug: data, name: Data, keywords: [data flows]}\n  - {slug: privacy, name: Privacy, keywords: [privacy]}\ndialogues:\n  - {slug: d, name: The Dialogue, aliases: [Digital Dialogue]}\n";

/// Path → sha256 of every file under `dir`.
type Manifest = BTreeMap<PathBuf, String>;

fn manifest(dir: &Path) -> Manifest {
    snapshot(dir)
        .into_iter()
        .map(|(p, bytes)| (p, sha256_hex(&bytes)))
        .collect()
}

/// A captured page; `variant` changes every paragraph, so each version of
/// the seeds gives other content files and another site.
fn seed(i: usize, variant: &str) -> String {
    let mut text = format!(
        "Policy Note {i}: The Digital Dialogue on Data\nMarch {}, 2024\n\n",
        1 + i % 28
    );
    for section in 1..=6 {
        text.push_str(&format!(
            "{section}. Section {section} on artificial intelligence\n\n"
        ));
        for p in 0..4 {
            text.push_str(&format!(
                "The participants {variant} discussed data flows, privacy and AI governance in paragraph {p} of section {section}, and urged further cooperation under the Digital Dialogue.\n\n"
            ));
        }
    }
    text
}

fn write_seeds(root: &Path, count: usize, variant: &str) {
    let dir = root.join("seeds");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..count {
        std::fs::write(dir.join(format!("note-{i:03}.txt")), seed(i, variant)).unwrap();
    }
}

fn run_build(root: &Path) -> std::process::Output {
    Command::new(BINARY)
        .arg("--root")
        .arg(root)
        .arg("build")
        .output()
        .unwrap()
}

/// A small deterministic generator: the seed is printed so a failing run can be replayed.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_site_and_content_whole() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    std::fs::write(root.join("briefing.yaml"), CONFIG).unwrap();
    let count = 12;
    // The two complete states each trial must end in (or stay in).
    let mut sites = Vec::new();
    let mut contents: Vec<Manifest> = Vec::new();
    let mut durations = Vec::new();
    for variant in ["first", "second"] {
        write_seeds(root, count, variant);
        let started = Instant::now();
        let out = run_build(root);
        durations.push(started.elapsed());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        sites.push(manifest(&root.join("public")));
        contents.push(manifest(&root.join("content")));
    }
    assert_ne!(sites[0], sites[1]);
    assert_eq!(
        contents[0].keys().collect::<Vec<_>>(),
        contents[1].keys().collect::<Vec<_>>()
    );
    let span = durations.iter().max().unwrap().as_millis() as u64 * 6 / 5;
    let seed = std::env::var("BRIEFING_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("kill loop: seed {seed} (BRIEFING_KILL_SEED), builds take ~{durations:?}, kills within {span} ms");
    let mut rng = Lcg(seed);
    let trials = 50;
    let (mut old, mut new, mut finished) = (0, 0, 0);
    // The site in public/ now; each trial asks for the other one.
    let mut current = 1;
    for trial in 0..trials {
        let variant = 1 - current;
        write_seeds(root, count, ["first", "second"][variant]);
        let delay = Duration::from_millis(rng.next() % span.max(1));
        let mut child = Command::new(BINARY)
            .arg("--root")
            .arg(root)
            .arg("build")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_some() {
            finished += 1;
        } else {
            child.kill().unwrap(); // SIGKILL
        }
        child.wait().unwrap();
        let site = manifest(&root.join("public"));
        if site == sites[variant] {
            new += 1;
            current = variant;
        } else if site == sites[current] {
            old += 1;
        } else {
            panic!("trial {trial} (seed {seed}, killed after {delay:?}): public/ is neither the previous site nor the new one");
        }
        let content = manifest(&root.join("content"));
        for (path, hash) in &content {
            let whole = contents.iter().any(|c| c.get(path) == Some(hash));
            let temporary = path
                .to_string_lossy()
                .starts_with(briefing::util::TEMP_PREFIX);
            assert!(
                whole || temporary,
                "trial {trial} (seed {seed}): content/{} is partial",
                path.display()
            );
        }
    }
    eprintln!("kill loop: {trials} trials: {old} left the previous site, {new} the new one ({finished} finished before the kill)");
    // The next build cleans up whatever the killed ones left and writes the whole site.
    write_seeds(root, count, "first");
    let out = run_build(root);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(manifest(&root.join("public")), sites[0]);
    assert_eq!(manifest(&root.join("content")), contents[0]);
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
}

#[test]
fn a_held_lock_stops_a_second_build_with_the_holders_pid() {
    let project = project("hostile");
    let root = project.path();
    build_ok(root);
    let before = snapshot(&root.join("public"));
    let lock = BuildLock::acquire(&root.join("public")).unwrap();
    let out = run_build(root);
    assert!(!out.status.success());
    let msg = String::from_utf8_lossy(&out.stderr);
    let public = root.join("public");
    let writing = format!(
        "another briefing build or serve is writing {}",
        public.display()
    );
    assert!(msg.contains(&writing), "{msg}");
    assert!(
        msg.contains(&format!("(pid {})", std::process::id())),
        "{msg}"
    );
    assert!(
        msg.contains(&lock_path(&public).display().to_string()),
        "{msg}"
    );
    assert_eq!(before, snapshot(&root.join("public")));
    drop(lock);
    assert!(
        run_build(root).status.success(),
        "the lock is released with its holder"
    );
}

#[test]
fn concurrent_builds_never_corrupt_the_site() {
    let project = project("hostile");
    let root = project.path();
    build_ok(root);
    let whole = manifest(&root.join("public"));
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(BINARY)
                .arg("--root")
                .arg(root)
                .arg("build")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let msg = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() || msg.contains("another briefing build or serve is writing"),
            "{msg}"
        );
    }
    assert_eq!(manifest(&root.join("public")), whole);
    assert!(leftovers(root).is_empty());
}

/// A tmpfs mounted for the test, unmounted when dropped; `None` without the right to mount.
struct Mount(PathBuf);

impl Mount {
    fn tmpfs(dir: &Path, options: &str) -> Option<Mount> {
        std::fs::create_dir_all(dir).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Mount(dir.to_path_buf()))
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn build_into(root: &Path, output: &Path) -> briefing::Result<briefing::build::BuildReport> {
    let options = briefing::build::BuildOptions {
        output: Some(output.to_path_buf()),
        progress: false,
        force: false,
        ..Default::default()
    };
    briefing::build::build(root, &options)
}

#[test]
fn a_full_disk_is_a_clear_error_and_leaves_the_previous_site() {
    let project = project("hostile");
    let root = project.path();
    let disk = root.join("small-disk");
    let Some(_mount) = Mount::tmpfs(&disk, "size=400k") else {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root); the disk-full message is unit-tested in build::swap");
        return;
    };
    let output = disk.join("public");
    build_into(root, &output).unwrap();
    let before = snapshot(&output);
    content(
        root,
        "big.md",
        &format!(
            "---\ntitle: Big\n---\n\n{}\n",
            "A long paragraph. ".repeat(40_000)
        ),
    );
    let msg = build_into(root, &output).unwrap_err().to_string();
    assert!(
        msg.starts_with(&format!("{}: cannot write the site", output.display())),
        "{msg}"
    );
    assert!(msg.contains("the disk is full: free some space"), "{msg}");
    assert_eq!(before, snapshot(&output));
    let left: Vec<_> = std::fs::read_dir(&disk)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        left.iter().all(
            |n| ["public", ".public.lock", ".public.build.json"].contains(&n.to_str().unwrap())
        ),
        "the half-written site is removed: {left:?}"
    );
}

#[test]
fn a_read_only_output_folder_is_a_clear_error() {
    let project = project("hostile");
    let root = project.path();
    let folder = root.join("read-only");
    let mount = Mount::tmpfs(&folder, "ro");
    if mount.is_none() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::write(folder.join("probe"), "").is_ok() {
            eprintln!("skipped: cannot make a read-only folder here");
            return;
        }
    }
    let msg = build_into(root, &folder.join("public"))
        .unwrap_err()
        .to_string();
    assert!(
        msg.starts_with(&format!("{}: cannot write the site", folder.display())),
        "{msg}"
    );
    assert!(
        msg.contains("make it writable, or build elsewhere with `briefing build --output DIR`"),
        "{msg}"
    );
}
