//! A page moved while `briefing serve` runs (a `slug:` edited under it)
//! leaves a redirect at its old address at once, and the next `build`
//! keeps it.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{content, ok, read, starter};

/// `briefing serve` on a free port, stopped (Ctrl-C) when dropped.
struct Serving(Child);

impl Serving {
    fn start(project: &Path) -> Serving {
        let child = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(["serve", "--port", "0"])
            .current_dir(project)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        Serving(child)
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let pid = self.0.id().to_string();
        let _ = Command::new("kill").args(["-INT", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.0.try_wait().ok().flatten().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits until the file at `path` holds `needle`; false after 30 s.
fn eventually_holds(path: &Path, needle: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if std::fs::read_to_string(path).is_ok_and(|t| t.contains(needle)) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

fn refresh_to(page: &str) -> String {
    format!(r#"<meta http-equiv="refresh" content="0; url={page}">"#)
}

#[test]
fn a_page_moved_while_serving_leaves_a_redirect_the_next_build_keeps() {
    let (_dir, project) = starter();
    let front = |slug: &str| format!("title: Harbour Notes\nslug: {slug}");
    content(
        &project,
        "harbour",
        &front("harbour"),
        "The channel is dredged.",
    );
    let documents = project.join("public/documents");
    let serving = Serving::start(&project);
    assert!(
        eventually_holds(&documents.join("harbour.html"), "Harbour Notes"),
        "serve built no site"
    );

    content(
        &project,
        "harbour",
        &front("channel"),
        "The channel is dredged.",
    );
    let old = documents.join("harbour.html");
    assert!(
        eventually_holds(&old, &refresh_to("channel.html")),
        "no redirect at the old address while serving: {:?}",
        std::fs::read_to_string(&old)
    );
    assert!(read(documents.join("channel.html")).contains("Harbour Notes"));
    drop(serving);

    // Moved again, by a build: both old addresses lead to the newest page.
    content(
        &project,
        "harbour",
        &front("dredging"),
        "The channel is dredged.",
    );
    let out = ok(&project, &["build"]);
    assert!(out.contains("2 old addresses"), "{out}");
    assert!(read(&old).contains(&refresh_to("dredging.html")));
    assert!(read(documents.join("channel.html")).contains(&refresh_to("dredging.html")));
}
