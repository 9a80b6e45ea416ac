//! The HTTP side of the preview: the routes, and the site's files served
//! safely (see [`super::paths`]) with their content type, HEAD, conditional
//! GET (ETag and Last-Modified), the site's own 404 page, and the reload
//! script injected into every HTML page on its way out.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::paths::{self, Rejection, Target};
use super::pending::Pending;
use super::reload::{self, LiveReload};

#[derive(Clone)]
pub struct AppState {
    /// The output folder, as configured (re-resolved on each request, since
    /// a build swaps it for a new one).
    pub output: PathBuf,
    pub live: LiveReload,
    /// Pages the last rebuild has yet to write: requests for them wait.
    pub pending: Arc<Pending>,
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route(reload::EVENTS_PATH, get(events))
        .route(reload::SCRIPT_PATH, get(script))
        .fallback(site_file)
        .with_state(state)
}

async fn events(State(state): State<AppState>) -> impl IntoResponse {
    state.live.events()
}

async fn script() -> Response {
    let mut response = reload::SCRIPT.into_response();
    set(
        &mut response,
        header::CONTENT_TYPE,
        "text/javascript; charset=utf-8",
    );
    set(&mut response, header::CACHE_CONTROL, "no-cache");
    response
}

/// A file read for a response, before the reload script goes in.
struct Found {
    path: PathBuf,
    bytes: Vec<u8>,
    modified: Option<SystemTime>,
}

async fn site_file(
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = StatusCode::METHOD_NOT_ALLOWED.into_response();
        set(&mut response, header::ALLOW, "GET, HEAD");
        return response;
    }
    let output = state.output.clone();
    let raw = uri.path().to_string();
    if let Ok(decoded) = percent_encoding::percent_decode_str(&raw).decode_utf8() {
        state
            .pending
            .wait_for(decoded.trim_start_matches('/'))
            .await;
    }
    let lookup = tokio::task::spawn_blocking(move || find(&output, &raw)).await;
    match lookup {
        Ok(Ok(Lookup::File(found))) => file_response(&state.live, found, &headers, StatusCode::OK),
        Ok(Ok(Lookup::Redirect)) => redirect_to_folder(&uri),
        Ok(Err(Rejection::BadRequest)) => plain(StatusCode::BAD_REQUEST, "400 bad request\n"),
        Ok(Err(Rejection::NotFound)) => not_found(&state).await,
        Err(_) => plain(StatusCode::INTERNAL_SERVER_ERROR, "500 server error\n"),
    }
}

enum Lookup {
    File(Found),
    Redirect,
}

fn find(output: &Path, raw: &str) -> Result<Lookup, Rejection> {
    match paths::resolve(output, raw)? {
        Target::AddSlash => Ok(Lookup::Redirect),
        Target::File(path) => read(path).ok_or(Rejection::NotFound).map(Lookup::File),
    }
}

fn read(path: PathBuf) -> Option<Found> {
    let bytes = std::fs::read(&path).ok()?;
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    Some(Found {
        path,
        bytes,
        modified,
    })
}

/// The site's own `404.html` with status 404, or a bare page (which still
/// reloads itself, so a page that appears with the next build shows up).
async fn not_found(state: &AppState) -> Response {
    let output = state.output.clone();
    let page = tokio::task::spawn_blocking(move || find(&output, "/404.html")).await;
    match page {
        Ok(Ok(Lookup::File(found))) => {
            file_response(&state.live, found, &HeaderMap::new(), StatusCode::NOT_FOUND)
        }
        _ => {
            let html = state.live.inject(
                "<!doctype html><meta charset=\"utf-8\"><title>Not found</title>\
                 <body><h1>404 — not found</h1></body>",
            );
            let mut response = (StatusCode::NOT_FOUND, html).into_response();
            set(
                &mut response,
                header::CONTENT_TYPE,
                "text/html; charset=utf-8",
            );
            response
        }
    }
}

fn file_response(
    live: &LiveReload,
    found: Found,
    headers: &HeaderMap,
    status: StatusCode,
) -> Response {
    let content_type = paths::content_type(&found.path);
    let html = paths::is_html(content_type);
    let live_status = live.status();
    let etag = entity_tag(&found, html.then_some(&live_status));
    if status == StatusCode::OK && not_modified(headers, &etag, found.modified) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        set_validators(&mut response, &etag, found.modified);
        return response;
    }
    let body = match (html, String::from_utf8(found.bytes)) {
        (true, Ok(text)) => Body::from(reload::inject_script(&text, &live_status)),
        (_, Ok(text)) => Body::from(text),
        (_, Err(bytes)) => Body::from(bytes.into_bytes()),
    };
    let mut response = (status, body).into_response();
    set(&mut response, header::CONTENT_TYPE, content_type);
    set(&mut response, header::CACHE_CONTROL, "no-cache");
    set(&mut response, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set_validators(&mut response, &etag, found.modified);
    response
}

/// A validator that changes with the file and, for pages, with what is
/// injected into them (the site generation and any standing error).
fn entity_tag(found: &Found, injected: Option<&reload::Status>) -> String {
    let nanos = found
        .modified
        .and_then(|m| m.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let mut tag = format!("{:x}-{nanos:x}", found.bytes.len());
    if let Some(status) = injected {
        let error = status.error.as_deref().unwrap_or_default();
        let state = crate::util::sha256_hex(format!("{}\n{error}", status.generation).as_bytes());
        tag.push('-');
        tag.push_str(&state[..16]);
    }
    format!("\"{tag}\"")
}

/// RFC 9110 §13.1: If-None-Match wins; If-Modified-Since counts only without it.
fn not_modified(headers: &HeaderMap, etag: &str, modified: Option<SystemTime>) -> bool {
    if let Some(candidates) = headers.get(header::IF_NONE_MATCH) {
        let candidates = candidates.to_str().unwrap_or_default();
        return candidates
            .split(',')
            .map(str::trim)
            .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == etag);
    }
    let since = headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok());
    match (since, modified) {
        (Some(since), Some(modified)) => whole_seconds(modified) <= whole_seconds(since),
        _ => false,
    }
}

fn whole_seconds(time: SystemTime) -> u64 {
    time.duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

fn set_validators(response: &mut Response, etag: &str, modified: Option<SystemTime>) {
    set(response, header::ETAG, etag);
    if let Some(modified) = modified {
        set(
            response,
            header::LAST_MODIFIED,
            &httpdate::fmt_http_date(modified),
        );
    }
}

fn redirect_to_folder(uri: &Uri) -> Response {
    // One leading slash only: `//host` would send the browser elsewhere.
    let mut location = format!("/{}/", uri.path().trim_start_matches('/'));
    if let Some(query) = uri.query() {
        location.push('?');
        location.push_str(query);
    }
    let mut response = StatusCode::MOVED_PERMANENTLY.into_response();
    set(&mut response, header::LOCATION, &location);
    response
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut response = (status, text).into_response();
    set(
        &mut response,
        header::CONTENT_TYPE,
        "text/plain; charset=utf-8",
    );
    response
}

fn set(response: &mut Response, name: header::HeaderName, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        response.headers_mut().insert(name, value);
    }
}
