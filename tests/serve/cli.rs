//! `briefing serve` as a user runs it: the next free port when the asked
//! one is taken, the URL printed, and a clean exit on Ctrl-C.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::client::get;

#[test]
fn a_taken_port_moves_to_the_next_and_ctrl_c_exits_cleanly() {
    let project = crate::fixture::Project::new();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("--root")
        .arg(project.root())
        .args(["serve", "--port", &port.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let url = read_url(&mut stdout).expect("the URL is printed");
    let served: u16 = url
        .trim_start_matches("http://127.0.0.1:")
        .trim_end_matches('/')
        .parse()
        .unwrap_or_else(|_| panic!("a loopback URL, got {url}"));
    assert!(served > port, "{url} after taken port {port}");

    let addr = format!("127.0.0.1:{served}").parse().unwrap();
    let page = get(addr, "/");
    assert!(
        page.text().contains("/__briefing/reload.js"),
        "{}",
        page.text()
    );

    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit after Ctrl-C: {status}");
    let rest: Vec<String> = stdout.lines().map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l == "Stopped."), "{rest:?}");
    drop(taken);
}

fn read_url(stdout: &mut impl BufRead) -> Option<String> {
    for line in stdout.lines() {
        let line = line.ok()?;
        if let Some(at) = line.find("http://") {
            return line[at..].split_whitespace().next().map(String::from);
        }
    }
    None
}

#[test]
fn a_missing_project_folder_is_an_error_before_anything_starts() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("no-such-project");
    let run = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("--root")
        .arg(&root)
        .args(["serve", "--port", "0"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "{stderr}");
    assert!(
        stderr.contains("no-such-project: no such project folder")
            && stderr.contains("briefing init"),
        "{stderr}"
    );
    assert!(run.stdout.is_empty(), "nothing is served");
    assert!(!root.exists());
}

#[test]
fn a_second_serve_of_one_project_is_refused_while_the_first_runs() {
    let project = crate::fixture::Project::new();
    project.write(
        "content/alpha.md",
        "---\ntitle: Alpha\n---\n\nAlpha body.\n",
    );
    project.write("content/beta.md", "---\ntitle: Beta\n---\n\nBeta body.\n");
    let mut first = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("--root")
        .arg(project.root())
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(first.stdout.take().unwrap());
    read_url(&mut stdout).expect("the first serve is up");
    let before = site_files(project.root());
    for command in [&["serve", "--port", "0"][..], &["build"][..]] {
        let second = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .arg("--root")
            .arg(project.root())
            .args(command)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&second.stderr);
        assert_eq!(second.status.code(), Some(1), "{command:?}: {stderr}");
        assert!(
            stderr.contains("another briefing build or serve is writing"),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!("(pid {})", first.id())),
            "{stderr}"
        );
    }
    assert_eq!(before, site_files(project.root()));
    first.kill().unwrap();
    first.wait().unwrap();
}

/// Every file of the built site with its bytes.
fn site_files(root: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(root.join("public"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}
