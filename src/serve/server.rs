//! The running preview: the first build, the listening socket (with the
//! next free port when the asked one is taken), the HTTP server, the
//! watch-and-rebuild thread, and a clean stop on Ctrl-C.

use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::runtime::Runtime;
use tokio::sync::watch;

use super::connections;
use super::http::{self, AppState};
use super::pending::Pending;
use super::reload::LiveReload;
use super::watch::{Next, SourceWatcher, StopHandle};
use super::{Changes, Rebuild};
use crate::error::{Error, Result};

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// The built site; never watched.
    pub output: PathBuf,
    pub bind: IpAddr,
    /// 0 lets the system pick a free port.
    pub port: u16,
    /// How many ports after `port` to try when it is taken.
    pub port_attempts: u16,
    /// How long the sources must be still before a rebuild starts.
    pub debounce: Duration,
    /// Print only errors (`-q`, and tests); otherwise each build is
    /// reported on the terminal.
    pub quiet: bool,
    /// How long a connection may take to send a request's headers before
    /// it is closed.
    pub header_timeout: Duration,
}

impl ServeOptions {
    /// Loopback, port 4000, output `<root>/public`.
    pub fn new(root: &Path) -> ServeOptions {
        ServeOptions {
            root: root.to_path_buf(),
            output: root.join("public"),
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 4000,
            port_attempts: 20,
            debounce: Duration::from_millis(10),
            quiet: false,
            header_timeout: Duration::from_secs(5),
        }
    }
}

/// A started preview; stops when [`Server::stop`] is called or it is dropped.
pub struct Server {
    address: SocketAddr,
    runtime: Option<Runtime>,
    shutdown: watch::Sender<bool>,
    serving: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    stop_watcher: StopHandle,
    rebuilding: Option<JoinHandle<()>>,
}

impl Server {
    /// Builds once, then serves and watches. A failing build does not stop
    /// the start: its error stands over whatever site is on disk.
    pub fn start(options: ServeOptions, mut rebuild: impl Rebuild) -> Result<Server> {
        let (shutdown, shutdown_signal) = watch::channel(false);
        let live = LiveReload::new(shutdown_signal.clone());
        // Watching starts before the first build, so no save is lost between them.
        let (mut watcher, stop_watcher) =
            SourceWatcher::new(&options.root, &options.output, options.debounce)?;
        let log = Log {
            quiet: options.quiet,
            warnings: Vec::new(),
        };
        let pending = Arc::new(Pending::default());
        let mut session = Session {
            live: live.clone(),
            pending: Arc::clone(&pending),
            log,
        };
        session.build(&mut rebuild, &Changes::everything(), &mut watcher);

        let listener = bind(options.bind, options.port, options.port_attempts)?;
        let address = listener
            .local_addr()
            .map_err(|e| listen_error(options.bind, options.port, e))?;
        if options.port != 0 && address.port() != options.port {
            let moved = format!("port {} is taken; using {}", options.port, address.port());
            session.log.info(&moved);
        }
        let runtime = new_runtime()?;
        let header_timeout = options.header_timeout;
        let app = http::router(AppState {
            output: options.output.clone(),
            live: live.clone(),
            pending,
        });
        let serving = runtime.spawn(async move {
            let listener = tokio::net::TcpListener::from_std(listener)?;
            connections::serve(listener, app, header_timeout, shutdown_signal).await
        });
        let rebuilding = std::thread::Builder::new()
            .name("briefing-rebuild".into())
            .spawn(move || session.run(&mut rebuild, &mut watcher))
            .map_err(|e| Error::Other(format!("cannot start the rebuild thread: {e}")))?;
        Ok(Server {
            address,
            runtime: Some(runtime),
            shutdown,
            serving: Some(serving),
            stop_watcher,
            rebuilding: Some(rebuilding),
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The URL to open: a wildcard bind address is shown as loopback.
    pub fn url(&self) -> String {
        let mut shown = self.address;
        if shown.ip().is_unspecified() {
            shown.set_ip(IpAddr::V4(Ipv4Addr::LOCALHOST));
        }
        format!("http://{shown}/")
    }

    /// Serves until Ctrl-C (or SIGTERM), then stops cleanly.
    pub fn run_until_interrupted(mut self) {
        if let Some(runtime) = &self.runtime {
            runtime.block_on(interrupted());
        }
        self.stop_now();
    }

    pub fn stop(mut self) {
        self.stop_now();
    }

    fn stop_now(&mut self) {
        let _ = self.shutdown.send(true);
        self.stop_watcher.stop();
        if let Some(rebuilding) = self.rebuilding.take() {
            let _ = rebuilding.join();
        }
        if let Some(runtime) = self.runtime.take() {
            if let Some(serving) = self.serving.take() {
                let wait = async { tokio::time::timeout(Duration::from_secs(2), serving).await };
                let _ = runtime.block_on(wait);
            }
            runtime.shutdown_timeout(Duration::from_millis(500));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop_now();
    }
}

/// How long the sources must be still before deferred work starts: saves
/// in quick succession each get their reload first.
const IDLE_BEFORE_DEFERRED: Duration = Duration::from_millis(50);

/// The rebuild thread's side of the server.
struct Session {
    live: LiveReload,
    pending: Arc<Pending>,
    log: Log,
}

impl Session {
    /// Rebuilds on every change until the watcher stops; in between, writes
    /// what the last rebuild deferred, yielding to the next edit.
    fn run(mut self, rebuild: &mut impl Rebuild, watcher: &mut SourceWatcher) {
        let stirred = watcher.stirred();
        loop {
            let wait = (!self.pending.is_empty()).then_some(IDLE_BEFORE_DEFERRED);
            match watcher.changes_within(wait) {
                Next::Changes(changes) => self.build(rebuild, &changes, watcher),
                Next::Idle => {
                    stirred.store(false, Ordering::SeqCst);
                    self.finish(rebuild, &stirred);
                }
                Next::Stopped => return,
            }
        }
    }

    fn finish(&mut self, rebuild: &mut impl Rebuild, stop: &AtomicBool) {
        let result = catch_unwind(AssertUnwindSafe(|| rebuild.finish(stop)))
            .unwrap_or_else(|_| Err(Error::Other("the build panicked; this is a bug".into())));
        match result {
            Ok(left) => self.pending.set(left),
            Err(err) => {
                self.pending.set(Vec::new());
                self.log.error(&format!("build failed: {err}"));
                self.live.publish(false, false, Some(err.to_string()));
            }
        }
    }

    /// Runs one build and tells the open pages; never stops the server.
    fn build(
        &mut self,
        rebuild: &mut impl Rebuild,
        changes: &Changes,
        watcher: &mut SourceWatcher,
    ) {
        let result = catch_unwind(AssertUnwindSafe(|| rebuild.rebuild(changes)))
            .unwrap_or_else(|_| Err(Error::Other("the build panicked; this is a bug".into())));
        let log = &mut self.log;
        match result {
            Ok(outcome) => {
                self.pending.set(outcome.deferred.iter().cloned());
                watcher.expect_written(&outcome.written_sources);
                log.warnings(&outcome.warnings);
                for error in &outcome.errors {
                    log.error(error);
                }
                let what = if changes.css_only() {
                    "stylesheets updated".to_string()
                } else {
                    format!("built {} pages", outcome.pages)
                };
                let took = outcome.elapsed.as_millis();
                log.info(&format!("{what} in {took} ms ({})", changes.describe()));
                let errors = (!outcome.errors.is_empty()).then(|| outcome.errors.join("\n\n"));
                self.live.publish(true, changes.css_only(), errors);
            }
            Err(err) => {
                let message = err.to_string();
                log.error(&format!(
                    "build failed ({}); still serving the last good site:\n{message}",
                    changes.describe()
                ));
                self.live.publish(false, false, Some(message));
            }
        }
    }
}

fn new_runtime() -> Result<Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("briefing-serve")
        .enable_all()
        .build()
        .map_err(|e| Error::Other(format!("cannot start the server runtime: {e}")))
}

fn bind(ip: IpAddr, port: u16, attempts: u16) -> Result<std::net::TcpListener> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(attempts)
    };
    let mut candidate = port;
    loop {
        match std::net::TcpListener::bind((ip, candidate)) {
            Ok(listener) => {
                listener
                    .set_nonblocking(true)
                    .map_err(|e| listen_error(ip, candidate, e))?;
                return Ok(listener);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && candidate < last => {
                candidate += 1;
            }
            Err(e) => return Err(listen_error(ip, candidate, e)),
        }
    }
}

fn listen_error(ip: IpAddr, port: u16, err: std::io::Error) -> Error {
    Error::Other(format!(
        "cannot listen on {}: {err}; pick another port with --port",
        SocketAddr::new(ip, port)
    ))
}

async fn interrupted() {
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
}

/// The terminal lines of a serve session (silenced in tests).
struct Log {
    quiet: bool,
    /// The last build's warnings: the same ones are not repeated each save.
    warnings: Vec<String>,
}

impl Log {
    fn info(&self, line: &str) {
        if !self.quiet {
            println!("{line}");
        }
    }

    /// Errors are printed even when quiet (`-q` keeps errors).
    fn error(&self, line: &str) {
        eprintln!("error: {line}");
    }

    /// Prints the warnings that are new since the last build, then names
    /// those that still stand.
    fn warnings(&mut self, warnings: &[String]) {
        if self.quiet {
            return;
        }
        for line in warning_lines(&self.warnings, warnings) {
            eprintln!("{line}");
        }
        self.warnings = warnings.to_vec();
    }
}

/// How many standing warnings are named after a rebuild: every save prints
/// them again, so a long list would bury the build line.
const STANDING_NAMED: usize = 5;

/// The terminal lines for a build's `warnings`, given the `earlier` build's:
/// each new one in full, then a count of those that still stand with the
/// first [`STANDING_NAMED`] of them. No warnings, no lines.
fn warning_lines(earlier: &[String], warnings: &[String]) -> Vec<String> {
    let earlier: HashSet<&str> = earlier.iter().map(String::as_str).collect();
    let (old, new): (Vec<&String>, Vec<&String>) =
        warnings.iter().partition(|w| earlier.contains(w.as_str()));
    let mut lines: Vec<String> = new.iter().map(|w| format!("warning: {w}")).collect();
    match old.len() {
        0 => return lines,
        1 => lines.push("1 earlier warning still stands:".to_string()),
        n => lines.push(format!("{n} earlier warnings still stand:")),
    }
    lines.extend(
        old.iter()
            .take(STANDING_NAMED)
            .map(|w| format!("  still: {w}")),
    );
    if old.len() > STANDING_NAMED {
        lines.push(format!("  and {} more", old.len() - STANDING_NAMED));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn no_standing_warnings_print_only_the_new_ones() {
        assert!(warning_lines(&[], &[]).is_empty());
        let earlier = strings(&["a.md: no date"]);
        assert!(warning_lines(&earlier, &[]).is_empty(), "a fixed warning");
        assert_eq!(
            warning_lines(&earlier, &strings(&["b.md: no title"])),
            ["warning: b.md: no title"]
        );
    }

    #[test]
    fn one_standing_warning_is_named_in_the_singular() {
        let earlier = strings(&["a.md: no date", "b.md: no title"]);
        assert_eq!(
            warning_lines(&earlier, &strings(&["a.md: no date", "c.md: no date"])),
            [
                "warning: c.md: no date",
                "1 earlier warning still stands:",
                "  still: a.md: no date",
            ]
        );
    }

    #[test]
    fn two_standing_warnings_are_named_in_the_plural() {
        let earlier = strings(&["a.md: no date", "b.md: no title"]);
        assert_eq!(
            warning_lines(&earlier, &earlier),
            [
                "2 earlier warnings still stand:",
                "  still: a.md: no date",
                "  still: b.md: no title",
            ]
        );
    }

    #[test]
    fn a_long_list_of_standing_warnings_is_cut_short() {
        let earlier: Vec<String> = (1..=7).map(|n| format!("{n}.md: no date")).collect();
        let lines = warning_lines(&earlier, &earlier);
        assert_eq!(lines.len(), 1 + STANDING_NAMED + 1);
        assert_eq!(lines[0], "7 earlier warnings still stand:");
        assert_eq!(lines[STANDING_NAMED], "  still: 5.md: no date");
        assert_eq!(lines[STANDING_NAMED + 1], "  and 2 more");
    }
}
