//! The preview's HTTP/1 connections: each accepted socket served by the
//! router, closed when its request head does not arrive in time, and all of
//! them finished (or given up on) before a stop returns.

use std::io;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

/// How long to wait after the listener fails for want of resources (too
/// many open files): retrying at once would only spin.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(200);

/// Serves `app` on `listener` until `stop` turns true, then lets the open
/// connections finish the response they are writing.
///
/// `header_timeout` bounds the wait for each request head, the first and
/// every one after on a kept-alive connection: a client that sends part of
/// a request and then nothing (slow loris) would otherwise hold its socket
/// for as long as it likes.
pub(super) async fn serve(
    listener: TcpListener,
    app: Router,
    header_timeout: Duration,
    stop: watch::Receiver<bool>,
) -> io::Result<()> {
    // HTTP/1 only: telling versions apart would read the first bytes before
    // the header timeout starts, and a silent client would wait on that.
    let mut builder = auto::Builder::new(TokioExecutor::new()).http1_only();
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((socket, _)) => {
                    let connection = serve_one(builder.clone(), socket, app.clone(), stop.clone());
                    connections.spawn(connection);
                }
                Err(e) if is_per_connection(&e) => {}
                Err(_) => {
                    tokio::select! {
                        _ = tokio::time::sleep(ACCEPT_BACKOFF) => {}
                        _ = until_true(stop.clone()) => break,
                    }
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            _ = until_true(stop.clone()) => break,
        }
    }
    drop(listener);
    while connections.join_next().await.is_some() {}
    Ok(())
}

async fn serve_one(
    builder: auto::Builder<TokioExecutor>,
    socket: tokio::net::TcpStream,
    app: Router,
    stop: watch::Receiver<bool>,
) {
    let connection = builder.serve_connection(TokioIo::new(socket), TowerToHyperService::new(app));
    tokio::pin!(connection);
    // An error here is the client's doing (a timed-out head, a reset, a
    // malformed request) and concerns no one else.
    tokio::select! {
        _ = connection.as_mut() => return,
        _ = until_true(stop) => {}
    }
    connection.as_mut().graceful_shutdown();
    let _ = connection.await;
}

/// An accept error that concerns only the connection it was for.
fn is_per_connection(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

async fn until_true(mut signal: watch::Receiver<bool>) {
    let _ = signal.wait_for(|stop| *stop).await;
}
