//! Watching the project's sources: `seeds/`, `content/`, `templates/`,
//! `static/` and `briefing.yaml` (those that exist, and those created
//! later), never the output folder. Events are debounced into one
//! [`Changes`] per burst of saves (a burst ends after a short quiet spell
//! with no file left open for writing); editors' temp and swap files, files that
//! came and went within a burst (atomic saves), and the files the last build
//! wrote itself are left out.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use super::Changes;
use crate::config::CONFIG_FILE;
use crate::error::{Error, Result};

/// The folders of a project whose files are inputs to the build.
pub const SOURCE_DIRS: [&str; 4] = ["seeds", "content", "templates", "static"];

/// What [`SourceWatcher::changes_within`] found.
pub enum Next {
    Changes(Changes),
    /// Nothing the build reads changed in the time given.
    Idle,
    Stopped,
}

/// How long a burst waits for a file still open for writing to be closed
/// (some platforms never report the close).
const OPEN_WRITE_LIMIT: Duration = Duration::from_millis(150);

/// The quiet that ends a burst once its last event closed the last file
/// open for writing: a save is whole then, and what else it writes (a
/// rename into place, a second file) follows within microseconds.
const SETTLED_QUIET: Duration = Duration::from_millis(2);

enum Message {
    Fs(notify::Result<notify::Event>),
    Stop,
}

/// Ends [`SourceWatcher::next_changes`] from another thread.
#[derive(Clone)]
pub struct StopHandle(Sender<Message>);

impl StopHandle {
    pub fn stop(&self) {
        let _ = self.0.send(Message::Stop);
    }
}

pub struct SourceWatcher {
    root: PathBuf,
    output: PathBuf,
    quiet: Duration,
    watcher: RecommendedWatcher,
    messages: Receiver<Message>,
    watched: HashSet<PathBuf>,
    stirred: Arc<AtomicBool>,
    /// Files the last build wrote into the sources (re-ingested content),
    /// by content hash: their events are the build's echo, not an edit.
    written_by_build: HashMap<PathBuf, String>,
}

impl SourceWatcher {
    /// Starts watching `root`; a burst of events ends after `quiet` without one.
    pub fn new(root: &Path, output: &Path, quiet: Duration) -> Result<(SourceWatcher, StopHandle)> {
        let root = root.canonicalize().map_err(|e| Error::io(root, e))?;
        let output = output.canonicalize().unwrap_or_else(|_| root.join(output));
        let (sender, messages) = channel();
        let events = sender.clone();
        let stirred = Arc::new(AtomicBool::new(false));
        let stir = Arc::clone(&stirred);
        let watcher = notify::recommended_watcher(move |event| {
            stir.store(true, Ordering::SeqCst);
            let _ = events.send(Message::Fs(event));
        })
        .map_err(|e| Error::Other(format!("cannot watch {}: {e}", root.display())))?;
        let mut source_watcher = SourceWatcher {
            root,
            output,
            quiet,
            watcher,
            messages,
            stirred,
            watched: HashSet::new(),
            written_by_build: HashMap::new(),
        };
        source_watcher.watch_sources()?;
        Ok((source_watcher, StopHandle(sender)))
    }

    /// Blocks until the sources change (returns what changed) or the
    /// watcher is stopped (returns `None`).
    pub fn next_changes(&mut self) -> Option<Changes> {
        match self.changes_within(None) {
            Next::Changes(changes) => Some(changes),
            _ => None,
        }
    }

    /// What changed, if a change comes within `wait` (`None`: however long).
    pub fn changes_within(&mut self, wait: Option<Duration>) -> Next {
        loop {
            let burst = match self.next_burst(wait) {
                Ok(burst) => burst,
                Err(ended) => return ended,
            };
            if let Err(err) = self.watch_sources() {
                eprintln!("warning: {err}");
            }
            let changes = self.relevant(&burst);
            if !changes.paths.is_empty() {
                return Next::Changes(changes);
            }
            if wait.is_some() {
                return Next::Idle;
            }
        }
    }

    /// Remembers the files a build wrote into the sources, so their events
    /// do not start another build.
    pub fn expect_written(&mut self, paths: &[PathBuf]) {
        self.written_by_build = paths
            .iter()
            .filter_map(|p| {
                let path = self.root.join(p);
                let hash = hash_file(&path)?;
                Some((path, hash))
            })
            .collect();
    }

    /// Watches the root (for sources created later) and each source folder.
    fn watch_sources(&mut self) -> Result<()> {
        if self.watched.insert(self.root.clone()) {
            self.watch(self.root.clone(), RecursiveMode::NonRecursive)?;
        }
        for dir in SOURCE_DIRS.map(|d| self.root.join(d)) {
            if !dir.is_dir() {
                self.watched.remove(&dir);
            } else if self.watched.insert(dir.clone()) {
                self.watch(dir, RecursiveMode::Recursive)?;
            }
        }
        Ok(())
    }

    fn watch(&mut self, path: PathBuf, mode: RecursiveMode) -> Result<()> {
        self.watcher
            .watch(&path, mode)
            .map_err(|e| Error::Other(format!("cannot watch {}: {e}", path.display())))
    }

    /// The events of one burst: everything until `quiet` passes without
    /// one and no file is left open for writing (a save in progress), or
    /// [`OPEN_WRITE_LIMIT`] passes. `first_wait` bounds the wait for the
    /// first event (`None`: forever); [`Next::Stopped`] or [`Next::Idle`]
    /// (nothing came) when there is no burst.
    fn next_burst(
        &self,
        first_wait: Option<Duration>,
    ) -> std::result::Result<Vec<notify::Event>, Next> {
        let first = match first_wait {
            None => self.messages.recv().map_err(|_| Next::Stopped)?,
            Some(wait) => match self.messages.recv_timeout(wait) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => return Err(Next::Idle),
                Err(RecvTimeoutError::Disconnected) => return Err(Next::Stopped),
            },
        };
        let mut burst = Vec::new();
        let mut writing = HashSet::new();
        let started = Instant::now();
        let mut message = first;
        loop {
            let mut quiet = self.quiet;
            match message {
                Message::Stop => return Err(Next::Stopped),
                Message::Fs(Ok(event)) => {
                    track_open_writes(&event, &mut writing);
                    if writing.is_empty() && closes_a_write(&event.kind) {
                        quiet = quiet.min(SETTLED_QUIET);
                    }
                    burst.push(event);
                }
                Message::Fs(Err(err)) => eprintln!("warning: watching the sources: {err}"),
            }
            message = loop {
                match self.messages.recv_timeout(quiet) {
                    Ok(message) => break message,
                    Err(RecvTimeoutError::Disconnected) => return Err(Next::Stopped),
                    Err(RecvTimeoutError::Timeout) => {
                        if writing.is_empty() || started.elapsed() > OPEN_WRITE_LIMIT {
                            return Ok(burst);
                        }
                    }
                }
            };
        }
    }

    /// Set by every file-system event as it arrives (before any debounce):
    /// work that can wait stops for it.
    pub fn stirred(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stirred)
    }

    fn relevant(&self, burst: &[notify::Event]) -> Changes {
        let mut created = HashSet::new();
        let mut touched = BTreeSet::new();
        for event in burst {
            if event.need_rescan() {
                touched.insert(self.root.join(CONFIG_FILE));
            }
            if !is_change(&event.kind) {
                continue;
            }
            for path in &event.paths {
                if matches!(event.kind, EventKind::Create(_)) {
                    created.insert(path.clone());
                }
                touched.insert(path.clone());
            }
        }
        let paths = touched
            .into_iter()
            // Created and gone again within the burst: an editor's temp file.
            .filter(|path| path.exists() || !created.contains(path))
            .filter(|path| !self.is_build_echo(path))
            .filter_map(|path| self.source_path(&path))
            .collect();
        Changes { paths }
    }

    /// `path` relative to the root, if it is a source the build reads.
    fn source_path(&self, path: &Path) -> Option<PathBuf> {
        if path.starts_with(&self.output) {
            return None;
        }
        let relative = path.strip_prefix(&self.root).ok()?;
        let first = relative.components().next()?.as_os_str().to_str()?;
        let is_source = relative == Path::new(CONFIG_FILE) || SOURCE_DIRS.contains(&first);
        let name = relative.file_name()?.to_str()?;
        (is_source && !is_editor_temp(name)).then(|| relative.to_path_buf())
    }

    /// A file the last build wrote, still as it wrote it; or a folder
    /// holding only such files (the build created `content/`).
    fn is_build_echo(&self, path: &Path) -> bool {
        if path.is_dir() {
            return walkdir::WalkDir::new(path)
                .into_iter()
                .flatten()
                .filter(|entry| entry.file_type().is_file())
                .all(|entry| self.is_written_file(entry.path()));
        }
        self.is_written_file(path)
    }

    fn is_written_file(&self, path: &Path) -> bool {
        self.written_by_build
            .get(path)
            .is_some_and(|hash| hash_file(path).as_ref() == Some(hash))
    }
}

/// Events that can mean new content; reads and opens are not changes.
/// Files written to and not yet closed, as far as the events of a burst tell.
fn track_open_writes(event: &notify::Event, writing: &mut HashSet<PathBuf>) {
    match event.kind {
        EventKind::Modify(ModifyKind::Data(_)) => writing.extend(event.paths.iter().cloned()),
        EventKind::Access(AccessKind::Close(AccessMode::Write)) | EventKind::Remove(_) => {
            for path in &event.paths {
                writing.remove(path);
            }
        }
        _ => {}
    }
}

fn closes_a_write(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
    )
}

fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Names editors and tools give their swap, backup, lock and temp files.
pub fn is_editor_temp(name: &str) -> bool {
    const SUFFIXES: [&str; 9] = [
        "~",
        ".swp",
        ".swo",
        ".swx",
        ".tmp",
        ".bak",
        ".kate-swp",
        "___jb_tmp___",
        "___jb_old___",
    ];
    name.starts_with('.')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || SUFFIXES.iter().any(|s| name.ends_with(s))
}

fn hash_file(path: &Path) -> Option<String> {
    std::fs::read(path)
        .ok()
        .map(|bytes| crate::util::sha256_hex(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temp_files_are_recognised() {
        for name in [
            ".report.md.swp",
            "report.md~",
            ".#report.md",
            "#report.md#",
            "4913",
            "report.md.tmp",
            ".tmpA1b2C3",
            "style.css___jb_tmp___",
        ] {
            assert!(is_editor_temp(name), "{name}");
        }
        for name in [
            "report.md",
            "style.css",
            "briefing.yaml",
            "4914.md",
            "page.html",
        ] {
            assert!(!is_editor_temp(name), "{name}");
        }
    }
}
