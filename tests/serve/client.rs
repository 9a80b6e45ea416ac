//! A tiny blocking HTTP/1.1 client over `TcpStream`: it sends request
//! targets exactly as written (a real client would clean up `/../`), and
//! reads server-sent events.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub fn get(addr: SocketAddr, target: &str) -> Response {
    request(addr, "GET", target, &[])
}

/// Sends one request with `Connection: close` and reads the whole response.
pub fn request(addr: SocketAddr, method: &str, target: &str, headers: &[(&str, &str)]) -> Response {
    try_request(addr, method, target, headers).expect("a whole response from the server")
}

/// [`request`], with connection and read failures returned, not panicked
/// on: the load test counts them.
pub fn try_request(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    read_response(&mut stream, method == "HEAD")
}

/// Reads the head, then a body of `Content-Length` bytes (a server may keep
/// the connection open past it), or to the end of the stream.
fn read_response(stream: &mut TcpStream, head_only: bool) -> std::io::Result<Response> {
    let mut raw = Vec::new();
    let mut buffer = [0u8; 8192];
    loop {
        if let Some(mut response) = parse(&raw) {
            let length = response
                .header("content-length")
                .and_then(|l| l.parse::<usize>().ok());
            let expected = if head_only || response.status == 304 {
                Some(0)
            } else {
                length
            };
            if expected.is_some_and(|n| response.body.len() >= n) {
                response.body.truncate(expected.unwrap_or_default());
                return Ok(response);
            }
        }
        let read = stream.read(&mut buffer)?;
        if read == 0 {
            return parse(&raw).ok_or_else(|| {
                std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "no whole response head")
            });
        }
        raw.extend_from_slice(&buffer[..read]);
    }
}

fn parse(raw: &[u8]) -> Option<Response> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    assert!(
        !headers
            .iter()
            .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked")),
        "this client reads only whole bodies"
    );
    Some(Response {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    })
}

/// An open `/__briefing/events` stream.
pub struct Events {
    reader: BufReader<TcpStream>,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub name: String,
    pub data: String,
}

impl Event {
    /// A field of the event's JSON data.
    pub fn field(&self, name: &str) -> Option<String> {
        let value: serde_json::Value = serde_json::from_str(&self.data).ok()?;
        value.get(name)?.as_str().map(String::from)
    }
}

impl Events {
    /// Connects with HTTP/1.0, so the stream comes without chunked framing.
    pub fn connect(addr: SocketAddr) -> Events {
        let mut stream = TcpStream::connect(addr).expect("connect to the server");
        stream
            .write_all(b"GET /__briefing/events HTTP/1.0\r\nAccept: text/event-stream\r\n\r\n")
            .unwrap();
        let mut reader = BufReader::new(stream);
        loop {
            let mut line = String::new();
            reader
                .read_line(&mut line)
                .expect("read the event stream head");
            if line.trim().is_empty() {
                break;
            }
        }
        Events { reader }
    }

    /// The next event within `timeout`, or `None`.
    pub fn next_within(&mut self, timeout: Duration) -> Option<Event> {
        let deadline = Instant::now() + timeout;
        let (mut name, mut data) = (String::new(), String::new());
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let stream = self.reader.get_ref();
            stream
                .set_read_timeout(Some(left.max(Duration::from_millis(1))))
                .ok()?;
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) | Err(_) => return None,
                Ok(_) => {}
            }
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() && !name.is_empty() {
                return Some(Event { name, data });
            }
            if let Some(value) = line.strip_prefix("event:") {
                name = value.trim().to_string();
            } else if let Some(value) = line.strip_prefix("data:") {
                data.push_str(value.trim_start());
            }
        }
    }

    /// The next event, which must come within 20 s.
    pub fn next(&mut self) -> Event {
        self.next_within(Duration::from_secs(20))
            .expect("an event within 20 s")
    }
}
