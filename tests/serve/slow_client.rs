//! Clients that never finish a request head (slow loris): the server closes
//! their connections once `header_timeout` has passed, and serves everyone
//! else meanwhile.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::client::get;
use crate::fixture::Project;

const HEADER_TIMEOUT: Duration = Duration::from_secs(1);
/// How long the test waits for a stalled connection to be closed.
const CLOSED_WITHIN: Duration = Duration::from_secs(5);

#[test]
fn a_request_head_left_unfinished_is_closed_while_other_requests_are_served() {
    let project = Project::new();
    let running = project.serve_adjusted(|options| options.header_timeout = HEADER_TIMEOUT);
    let addr = running.addr();
    assert!(addr.ip().is_loopback(), "the test talks to loopback only");

    let opened = Instant::now();
    let mut stalled = TcpStream::connect(addr).expect("connect to the server");
    stalled
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .expect("send part of a request head");
    let silent = TcpStream::connect(addr).expect("connect to the server");

    let home = get(addr, "/");
    assert_eq!(home.status, 200, "a whole request is served meanwhile");
    assert!(home.text().contains("Alpha title"), "{}", home.text());

    for (what, stream) in [("part of a head", stalled), ("nothing", silent)] {
        let closed = closed_within(stream, CLOSED_WITHIN).unwrap_or_else(|| {
            panic!("a client that sent {what} still connected after {CLOSED_WITHIN:?}")
        });
        let held = closed.duration_since(opened);
        assert!(
            held >= HEADER_TIMEOUT.mul_f32(0.9),
            "a client that sent {what} was closed after {held:?}, before the timeout"
        );
    }
    assert_eq!(get(addr, "/").status, 200, "the server still serves");
}

/// When the server closed `stream` (a read gave end of stream or an error),
/// if it did within `limit`. Whatever it sent before closing is read past.
fn closed_within(mut stream: TcpStream, limit: Duration) -> Option<Instant> {
    let deadline = Instant::now() + limit;
    let mut buffer = [0u8; 1024];
    // Bounded besides the deadline: a server that kept sending would
    // otherwise keep the loop going.
    for _ in 0..64 {
        let left = deadline.checked_duration_since(Instant::now())?;
        stream
            .set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .ok()?;
        match stream.read(&mut buffer) {
            Ok(0) => return Some(Instant::now()),
            Ok(_) => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return None
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return Some(Instant::now()),
        }
    }
    None
}
