//! The preview under load: sixteen clients fetch a document page and a theme
//! page of the real `site-basic` build for a few seconds while the document
//! is edited every 300 ms. No request may fail, and every page served is
//! whole and shows one version of the document, never a mix or an older
//! one than the client saw before; after the last edit the new version is
//! what is served.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use briefing::serve::{self, ServeOptions};

use crate::client::{get, try_request, Events, Response};
use crate::real_build::fixture_project;

const CLIENTS: usize = 16;
const LOAD_FOR: Duration = Duration::from_secs(5);
const EDIT_EVERY: Duration = Duration::from_millis(300);
/// A bound on each client's loop besides the time.
const MAX_REQUESTS_PER_CLIENT: usize = 20_000;
const DOCUMENT: &str = "content/open-ran-note.md";
const DOCUMENT_PAGE: &str = "/documents/open-ran-note.html";
const THEME_PAGE: &str = "/themes/telecom.html";
/// The sentence of the document's body the edits extend with a marker.
const BODY_LINE: &str =
    "Open RAN equipment must be tested for interoperability before it is deployed.";
const MARKER: &str = "loadmark-";

/// What the clients and the editor share.
#[derive(Default)]
struct Tally {
    requests: AtomicUsize,
    errors: AtomicUsize,
    /// The number of the newest marker written (set before the file is).
    latest: AtomicUsize,
    stop: AtomicBool,
    /// The first problems seen, for the failure message.
    problems: Mutex<Vec<String>>,
}

impl Tally {
    fn problem(&self, text: String) {
        let mut problems = self.problems.lock().unwrap();
        if problems.len() < 20 {
            problems.push(text);
        }
    }
}

#[test]
fn pages_stay_whole_and_current_under_load_while_a_document_is_edited() {
    let project = fixture_project();
    let root = project.path().to_path_buf();
    let template = std::fs::read_to_string(root.join(DOCUMENT)).unwrap();
    assert!(
        template.contains(BODY_LINE),
        "the fixture's body line is where the test expects"
    );
    write_marker(&root, &template, 0);

    let mut options = ServeOptions::new(&root);
    options.port = 0;
    options.quiet = true;
    let rebuild = serve::site_rebuild(&root, &options.output).unwrap();
    let server = serve::Server::start(options, rebuild).expect("the server starts");
    let addr = server.address();
    let mut events = Events::connect(addr);
    assert_eq!(events.next().field("error"), None, "the fixture builds");

    let tally = Arc::new(Tally::default());
    let counter = thread::spawn(move || count_events(events));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let tally = Arc::clone(&tally);
            thread::spawn(move || fetch_in_a_loop(addr, &tally))
        })
        .collect();
    let last = edit_in_a_loop(&root, &template, &tally);
    tally.stop.store(true, Ordering::SeqCst);
    for client in clients {
        client.join().expect("a client thread ends");
    }
    let settled = wait_for_marker(addr, last);
    let (reloads, build_errors) = counter.join().expect("the event counter ends");

    let requests = tally.requests.load(Ordering::SeqCst);
    let errors = tally.errors.load(Ordering::SeqCst);
    eprintln!(
        "load: {CLIENTS} clients, {requests} requests in {LOAD_FOR:?}, {errors} errors, \
         {last} edits, {reloads} reloads, {build_errors} build errors, \
         last edit served after {settled:?}"
    );
    let problems = tally.problems.lock().unwrap();
    assert!(
        problems.is_empty(),
        "problems under load:\n{}",
        problems.join("\n")
    );
    assert_eq!(errors, 0);
    assert_eq!(build_errors, 0, "every edit builds");
    assert!(reloads > 0, "the edits rebuilt the site");
    assert!(
        requests > CLIENTS * 10,
        "the clients made real load: {requests}"
    );
    assert!(
        settled.is_some(),
        "the last edit (marker {last}) is served within 10 s, no stale page"
    );
}

/// Writes the document with marker `n` in its body, as editors that save
/// through a temporary file and a rename do.
fn write_marker(root: &Path, template: &str, n: usize) {
    let text = template.replacen(BODY_LINE, &format!("{BODY_LINE} Edit {MARKER}{n}-end."), 1);
    let path = root.join(DOCUMENT);
    let temporary: PathBuf = path.with_file_name(".open-ran-note.md.saving");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, &path).unwrap();
}

/// Edits the document every [`EDIT_EVERY`] for [`LOAD_FOR`]; returns the
/// last marker written.
fn edit_in_a_loop(root: &Path, template: &str, tally: &Tally) -> usize {
    let deadline = Instant::now() + LOAD_FOR;
    let mut n = 0;
    while Instant::now() < deadline {
        thread::sleep(EDIT_EVERY);
        n += 1;
        tally.latest.store(n, Ordering::SeqCst);
        write_marker(root, template, n);
    }
    n
}

fn fetch_in_a_loop(addr: SocketAddr, tally: &Tally) {
    let mut seen = 0;
    for i in 0..MAX_REQUESTS_PER_CLIENT {
        if tally.stop.load(Ordering::SeqCst) {
            break;
        }
        let target = if i % 2 == 0 {
            DOCUMENT_PAGE
        } else {
            THEME_PAGE
        };
        tally.requests.fetch_add(1, Ordering::SeqCst);
        match try_request(addr, "GET", target, &[]) {
            Ok(response) => {
                let latest = tally.latest.load(Ordering::SeqCst);
                if let Err(problem) = check(target, &response, &mut seen, latest) {
                    tally.problem(format!("{target}: {problem}"));
                }
            }
            Err(e) => {
                tally.errors.fetch_add(1, Ordering::SeqCst);
                tally.problem(format!("{target}: request failed: {e}"));
            }
        }
    }
}

/// A served page is whole and shows one version no older than `seen` (the
/// newest this client saw) and no newer than `latest` (the newest written).
fn check(target: &str, response: &Response, seen: &mut usize, latest: usize) -> Result<(), String> {
    if response.status != 200 {
        return Err(format!("status {}", response.status));
    }
    if let Some(length) = response.header("content-length") {
        if length.parse::<usize>().ok() != Some(response.body.len()) {
            return Err(format!(
                "Content-Length {length}, body {} bytes",
                response.body.len()
            ));
        }
    }
    let text = response.text();
    if !text.trim_end().ends_with("</html>") {
        return Err("the page is cut short (no closing </html>)".into());
    }
    let marker = match markers(&text).as_slice() {
        [] if target == DOCUMENT_PAGE => {
            return Err("the document page has no version marker".into())
        }
        [] => return Ok(()),
        [one] => *one,
        many => return Err(format!("a mix of versions {many:?}")),
    };
    if marker < *seen || marker > latest {
        return Err(format!(
            "version {marker} after {seen} was seen, {latest} written"
        ));
    }
    *seen = marker;
    Ok(())
}

/// The distinct version numbers of the markers in `text`, sorted.
fn markers(text: &str) -> Vec<usize> {
    let mut found: Vec<usize> = text
        .match_indices(MARKER)
        .filter_map(|(at, _)| {
            let rest = &text[at + MARKER.len()..];
            let (number, _) = rest.split_once("-end")?;
            number.parse().ok()
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Counts reload and build-error events until the stream is quiet for 3 s.
fn count_events(mut events: Events) -> (usize, usize) {
    let (mut reloads, mut errors) = (0, 0);
    while let Some(event) = events.next_within(Duration::from_secs(3)) {
        match event.name.as_str() {
            "reload" => reloads += 1,
            "build-error" => errors += 1,
            _ => {}
        }
    }
    (reloads, errors)
}

/// How long after the load ended the page showed marker `last`; `None` if
/// not within 10 s.
fn wait_for_marker(addr: SocketAddr, last: usize) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if markers(&get(addr, DOCUMENT_PAGE).text()) == [last] {
            return Some(start.elapsed());
        }
        thread::sleep(Duration::from_millis(50));
    }
    None
}
