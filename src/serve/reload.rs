//! Live reload: the state of the last build (which site generation is
//! served, which error stands), its broadcast to open pages over server-sent
//! events, and the script tag injected into served HTML.
//!
//! A page carries the generation it was built in; every new event stream
//! starts with a `hello` naming the current one, so a page that missed a
//! reload (it connected after the build finished) still reloads.

use std::convert::Infallible;
use std::sync::{Arc, RwLock};

use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::{broadcast, watch};

/// The reload script, served at [`SCRIPT_PATH`].
pub const SCRIPT: &str = include_str!("reload.js");
pub const SCRIPT_PATH: &str = "/__briefing/reload.js";
pub const EVENTS_PATH: &str = "/__briefing/events";

/// What the open pages are told after a build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The site changed: reload the page.
    Reload,
    /// Only stylesheets changed: swap them in place.
    Css,
    /// The build failed; the last good site stays. Carries the error text.
    BuildError(String),
}

/// Which site is served and what error, if any, stands over it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub generation: String,
    pub error: Option<String>,
}

/// Shared between the rebuild loop (which publishes) and the HTTP handlers
/// (which read the status and stream notices).
#[derive(Clone)]
pub struct LiveReload {
    inner: Arc<Inner>,
}

struct Inner {
    /// Tells pages apart across server restarts.
    instance: String,
    status: RwLock<(u64, Option<String>)>,
    notices: broadcast::Sender<(Notice, Status)>,
    shutdown: watch::Receiver<bool>,
}

impl LiveReload {
    pub fn new(shutdown: watch::Receiver<bool>) -> LiveReload {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let (notices, _) = broadcast::channel(64);
        LiveReload {
            inner: Arc::new(Inner {
                instance: format!("{nanos:x}"),
                status: RwLock::new((0, None)),
                notices,
                shutdown,
            }),
        }
    }

    pub fn status(&self) -> Status {
        let (n, error) = self
            .inner
            .status
            .read()
            .map(|s| s.clone())
            .unwrap_or_default();
        Status {
            generation: format!("{}-{n}", self.inner.instance),
            error,
        }
    }

    /// Records a finished build and tells every open page. `error` is set
    /// when the build failed (`new_site` false: the old site stays) or when
    /// it succeeded with problems worth showing (`new_site` true).
    pub fn publish(&self, new_site: bool, css_only: bool, error: Option<String>) -> Notice {
        let had_error = {
            let mut status = match self.inner.status.write() {
                Ok(guard) => guard,
                Err(poisoned) => poisoned.into_inner(),
            };
            let had_error = status.1.is_some();
            if new_site {
                status.0 += 1;
            }
            status.1 = error.clone();
            had_error
        };
        let notice = match error {
            Some(text) if !new_site => Notice::BuildError(text),
            _ if css_only && !had_error => Notice::Css,
            _ => Notice::Reload,
        };
        // No receivers (no open page) is not an error.
        let _ = self.inner.notices.send((notice.clone(), self.status()));
        notice
    }

    /// The event stream of one open page: `hello`, then every notice, until
    /// the server shuts down.
    pub fn events(&self) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
        let receiver = self.inner.notices.subscribe();
        let hello = sse_event("hello", &self.status());
        let shutdown = self.inner.shutdown.clone();
        let notices = stream::unfold((receiver, shutdown), next_notice);
        let stream = stream::once(async move { hello })
            .chain(notices)
            .map(Ok::<Event, Infallible>);
        Sse::new(stream).keep_alive(KeepAlive::default())
    }

    /// `html` with the reload script tag added; the tag carries the site
    /// generation and any standing error, so the overlay shows at once.
    pub fn inject(&self, html: &str) -> String {
        inject_script(html, &self.status())
    }
}

type NoticeState = (broadcast::Receiver<(Notice, Status)>, watch::Receiver<bool>);

async fn next_notice((mut receiver, mut shutdown): NoticeState) -> Option<(Event, NoticeState)> {
    if *shutdown.borrow() {
        return None;
    }
    let received = tokio::select! {
        received = receiver.recv() => received,
        _ = shutdown.changed() => return None,
    };
    let event = match received {
        Ok((notice, status)) => notice_event(&notice, &status),
        // Missed notices: reloading is always right.
        Err(broadcast::error::RecvError::Lagged(_)) => sse_event("reload", &Status::default()),
        Err(broadcast::error::RecvError::Closed) => return None,
    };
    Some((event, (receiver, shutdown)))
}

fn notice_event(notice: &Notice, status: &Status) -> Event {
    match notice {
        Notice::Reload => sse_event("reload", status),
        Notice::Css => sse_event("css", status),
        Notice::BuildError(_) => sse_event("build-error", status),
    }
}

fn sse_event(name: &str, status: &Status) -> Event {
    let data = serde_json::json!({ "generation": status.generation, "error": status.error });
    Event::default().event(name).data(data.to_string())
}

/// Puts the script tag before the last `</body>` (any case), or at the end.
pub fn inject_script(html: &str, status: &Status) -> String {
    let mut tag = format!(
        "<script src=\"{SCRIPT_PATH}\" data-generation=\"{}\"",
        escape_attribute(&status.generation)
    );
    if let Some(error) = &status.error {
        tag.push_str(&format!(" data-error=\"{}\"", escape_attribute(error)));
    }
    tag.push_str(" defer></script>");
    let at = html
        .to_ascii_lowercase()
        .rfind("</body>")
        .unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + tag.len());
    out.push_str(&html[..at]);
    out.push_str(&tag);
    out.push_str(&html[at..]);
    out
}

fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("&#10;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(error: Option<&str>) -> Status {
        Status {
            generation: "g-1".into(),
            error: error.map(String::from),
        }
    }

    #[test]
    fn script_goes_before_the_closing_body() {
        let html = "<html><body><p>hi</p></BODY></html>";
        let out = inject_script(html, &status(None));
        assert_eq!(
            out,
            "<html><body><p>hi</p><script src=\"/__briefing/reload.js\" \
             data-generation=\"g-1\" defer></script></BODY></html>"
        );
        let bare = inject_script("<p>fragment</p>", &status(None));
        assert!(bare.starts_with("<p>fragment</p><script src="), "{bare}");
    }

    #[test]
    fn a_standing_error_travels_escaped_in_the_tag() {
        let out = inject_script(
            "<body></body>",
            &status(Some("a.md:2:1: bad \"x\" <y>\n2 | z")),
        );
        assert!(
            out.contains("data-error=\"a.md:2:1: bad &quot;x&quot; &lt;y&gt;&#10;2 | z\""),
            "{out}"
        );
    }

    #[test]
    fn publishing_moves_the_generation_only_for_a_new_site() {
        let (_tx, rx) = watch::channel(false);
        let live = LiveReload::new(rx);
        let first = live.status().generation;
        live.publish(false, false, Some("broken".into()));
        assert_eq!(
            live.status().generation,
            first,
            "a failed build keeps the site"
        );
        assert_eq!(live.status().error.as_deref(), Some("broken"));
        live.publish(true, true, None);
        assert_ne!(live.status().generation, first);
        assert_eq!(live.status().error, None);
    }
}
