//! The preview in a real browser: headless Chromium opens a page, a content
//! file is edited, and the page changes by itself. Chromium is driven only
//! through its DevTools HTTP endpoint (`/json/list` shows each tab's title).
//! Without Chromium the test says it was skipped and passes, except under
//! `CI=true`, where it fails.

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::client::get;

#[path = "../common/skip.rs"]
mod skip;
use crate::fixture::Project;
use skip::skip;

#[test]
fn an_open_page_follows_edits_and_shows_build_errors() {
    let Some(chromium) = find_chromium() else {
        skip(
            "the live-reload browser test",
            "no chromium on PATH (apt-get install chromium)",
        );
        return;
    };
    let project = Project::new();
    let running = project.serve();
    let profile = tempfile::tempdir().unwrap();
    let page_url = format!("http://{}/alpha.html", running.addr());
    let browser = Browser::launch(&chromium, profile.path(), &page_url);

    browser.wait_for_title(&page_url, |t| t == "Alpha title");
    project.write("content/alpha.md", "Alpha renamed\n\nEdited while open.\n");
    browser.wait_for_title(&page_url, |t| t == "Alpha renamed");

    project.write("content/alpha.md", "Alpha renamed\n\nBROKEN\n");
    browser.wait_for_title(&page_url, |t| t.starts_with("\u{26a0} Build error"));
    project.write("content/alpha.md", "Alpha fixed\n\nGood again.\n");
    browser.wait_for_title(&page_url, |t| t == "Alpha fixed");
}

fn find_chromium() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
        .map(String::from)
}

struct Browser {
    child: Child,
    devtools: SocketAddr,
}

impl Browser {
    fn launch(chromium: &str, profile: &Path, url: &str) -> Browser {
        let child = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium");
        let port_file = profile.join("DevToolsActivePort");
        let deadline = Instant::now() + Duration::from_secs(30);
        let port = loop {
            let port = std::fs::read_to_string(&port_file)
                .ok()
                .and_then(|text| text.lines().next()?.trim().parse::<u16>().ok());
            if let Some(port) = port {
                break port;
            }
            assert!(Instant::now() < deadline, "chromium did not open DevTools");
            std::thread::sleep(Duration::from_millis(100));
        };
        Browser {
            child,
            devtools: SocketAddr::from(([127, 0, 0, 1], port)),
        }
    }

    /// The title of the tab showing `url`, as Chromium reports it.
    fn title(&self, url: &str) -> Option<String> {
        let list = get(self.devtools, "/json/list").text();
        let targets: Vec<serde_json::Value> = serde_json::from_str(&list).ok()?;
        targets
            .iter()
            .find(|t| t["type"] == "page" && t["url"] == url)
            .and_then(|t| t["title"].as_str().map(String::from))
    }

    fn wait_for_title(&self, url: &str, wanted: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut seen = None;
        while Instant::now() < deadline {
            seen = self.title(url);
            if seen.as_deref().is_some_and(&wanted) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the page's title never changed as expected; last seen {seen:?}");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
