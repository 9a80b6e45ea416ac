//! Files a rebuild left stale on purpose: after a content edit the pages an
//! author is looking at are rewritten and the browser told to reload at
//! once, while the heavy pages (briefing books and packs) follow. Until they
//! are written, a request for one of them waits, so the preview never
//! serves a page older than the last reload.

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::watch;

/// How long a request waits for a page still being written before it is
/// served as it is (a page left behind by a failed build, say).
const LONGEST_WAIT: Duration = Duration::from_secs(120);

pub struct Pending {
    /// Output paths, relative to the output folder, with `/` separators.
    paths: Mutex<BTreeSet<String>>,
    written: watch::Sender<u64>,
}

impl Default for Pending {
    fn default() -> Pending {
        Pending {
            paths: Mutex::new(BTreeSet::new()),
            written: watch::channel(0).0,
        }
    }
}

impl Pending {
    /// Marks exactly `paths` as still to be written (`dir/` for a folder).
    pub fn set(&self, paths: impl IntoIterator<Item = String>) {
        if let Ok(mut pending) = self.paths.lock() {
            *pending = paths.into_iter().collect();
        }
        self.written.send_modify(|n| *n += 1);
    }

    pub fn is_empty(&self) -> bool {
        self.paths.lock().map_or(true, |p| p.is_empty())
    }

    /// Whether `path` is pending itself or lies under a pending folder
    /// (an entry ending in `/`).
    fn contains(&self, path: &str) -> bool {
        self.paths.lock().is_ok_and(|pending| {
            pending.contains(path)
                || pending
                    .iter()
                    .any(|p| p.ends_with('/') && path.starts_with(p.as_str()))
        })
    }

    /// Returns once the file at `path` (as requested, without the leading
    /// `/`) is no longer pending.
    pub async fn wait_for(&self, path: &str) {
        let mut written = self.written.subscribe();
        let wait = async {
            while self.contains(path) {
                if written.changed().await.is_err() {
                    return;
                }
            }
        };
        let _ = tokio::time::timeout(LONGEST_WAIT, wait).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_request_for_a_pending_page_waits_until_it_is_written() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let pending = Arc::new(Pending::default());
        pending.set(["print.html".to_string()]);
        let waiting = Arc::clone(&pending);
        runtime.block_on(async move {
            let request = tokio::spawn(async move { waiting.wait_for("print.html").await });
            tokio::time::sleep(Duration::from_millis(50)).await;
            assert!(!request.is_finished(), "served before it was written");
            pending.set(Vec::new());
            tokio::time::timeout(Duration::from_secs(5), request)
                .await
                .expect("released once written")
                .unwrap();
            // Pages that are not pending are served at once.
            pending.wait_for("index.html").await;
            pending.set(["search/".to_string()]);
            assert!(pending.contains("search/3.js"));
            assert!(!pending.contains("search.html"));
        });
    }
}
