//! A real HTTP server on 127.0.0.1 (tiny_http, port 0) that answers as a ModernGov
//! install does, from the real responses in `shared/fixtures/moderngov`, or with the
//! faults a test asks for. It records every request, with its conditional headers, and
//! answers conditional requests itself (ETag and Last-Modified), so the client's cache is
//! tested against real HTTP. Shared with the import tests in crates/tools (`#[path]`).

#![allow(dead_code)]

use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The real responses: `shared/` sits beside the repository clone. Found from whichever
/// package includes this module (this crate, the tools' tests, the app's browser test).
pub fn fixtures() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .map(|a| a.join("shared/fixtures/moderngov"))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| panic!("no shared/fixtures/moderngov above {}", manifest.display()))
}

pub fn fixture(rel: &str) -> Vec<u8> {
    let p = fixtures().join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    /// Path and query, e.g. `/mgWebService.asmx/GetMeeting?lMeetingId=7837`.
    pub url: String,
    pub if_none_match: Option<String>,
    pub if_modified_since: Option<String>,
    pub user_agent: Option<String>,
}

impl Seen {
    pub fn conditional(&self) -> bool {
        self.if_none_match.is_some() || self.if_modified_since.is_some()
    }
}

/// What to answer.
pub enum Reply {
    /// 200 with a body, an ETag and a Last-Modified; 304 when the request's validators match.
    Xml(Vec<u8>),
    /// 200 with a body and content type, no validators.
    Body(Vec<u8>, &'static str),
    /// A bare status with a short text body.
    Status(u16),
    /// Wait, then answer (a slow install).
    Slow(Duration, Box<Reply>),
    /// A 200 XML answer whose body breaks off after these bytes and the connection closes;
    /// `Some(n)` announces a Content-Length of `n`, `None` sends it chunked.
    Cut(Vec<u8>, Option<usize>),
}

pub type Route = dyn Fn(&str, usize) -> Reply + Send + Sync;

/// A running server; it stops when the test process ends.
pub struct Server {
    /// `http://127.0.0.1:<port>`: the council's base address.
    pub base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    /// Serve `route(path_and_query, n)`, where `n` counts earlier requests for the same
    /// path and query (so "500, then success" is one route).
    pub fn start(route: impl Fn(&str, usize) -> Reply + Send + Sync + 'static) -> Server {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let seen = Arc::new(Mutex::new(Vec::<Seen>::new()));
        let route: Arc<Route> = Arc::new(route);
        let log = seen.clone();
        let active = Arc::new(AtomicUsize::new(0));
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let header = |name: &'static str| {
                    request
                        .headers()
                        .iter()
                        .find(|h| h.field.equiv(name))
                        .map(|h| h.value.as_str().to_string())
                };
                let s = Seen {
                    url: request.url().to_string(),
                    if_none_match: header("If-None-Match"),
                    if_modified_since: header("If-Modified-Since"),
                    user_agent: header("User-Agent"),
                };
                let n = {
                    let mut log = log.lock().unwrap();
                    let n = log.iter().filter(|x| x.url == s.url).count();
                    log.push(s.clone());
                    n
                };
                let route = route.clone();
                let active = active.clone();
                // A thread per request, so one slow answer does not hold up the others.
                active.fetch_add(1, Ordering::SeqCst);
                std::thread::spawn(move || {
                    answer(request, &s, route(&s.url, n));
                    active.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        Server {
            base: format!("http://127.0.0.1:{port}"),
            seen,
        }
    }

    /// Every request so far, oldest first.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// Forget the requests so far (between two runs of a test).
    pub fn clear(&self) {
        self.seen.lock().unwrap().clear();
    }
}

/// A reader that fails: the server's end of the connection breaking mid-body.
struct Broken;

impl std::io::Read for Broken {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(
            std::io::ErrorKind::BrokenPipe,
            "cut off",
        ))
    }
}

fn etag_of(body: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in body {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("\"{h:016x}\"")
}

const LAST_MODIFIED: &str = "Fri, 21 Nov 2025 18:00:00 GMT";

fn answer(request: tiny_http::Request, seen: &Seen, reply: Reply) {
    let h = |k: &str, v: &str| tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).unwrap();
    match reply {
        Reply::Xml(body) => {
            let etag = etag_of(&body);
            let unchanged = seen.if_none_match.as_deref() == Some(etag.as_str())
                || (seen.if_none_match.is_none()
                    && seen.if_modified_since.as_deref() == Some(LAST_MODIFIED));
            let response = if unchanged {
                tiny_http::Response::from_data(Vec::new()).with_status_code(304)
            } else {
                tiny_http::Response::from_data(body)
                    .with_header(h("Content-Type", "text/xml; charset=utf-8"))
            };
            let _ = request.respond(
                response
                    .with_header(h("ETag", &etag))
                    .with_header(h("Last-Modified", LAST_MODIFIED)),
            );
        }
        Reply::Body(body, content_type) => {
            let _ = request.respond(
                tiny_http::Response::from_data(body).with_header(h("Content-Type", content_type)),
            );
        }
        Reply::Status(code) => {
            let _ = request.respond(
                tiny_http::Response::from_string(format!("HTTP {code}"))
                    .with_status_code(code)
                    .with_header(h("Content-Type", "text/plain")),
            );
        }
        Reply::Slow(wait, then) => {
            std::thread::sleep(wait);
            answer(request, seen, *then);
        }
        Reply::Cut(bytes, length) => {
            let response = tiny_http::Response::new(
                tiny_http::StatusCode(200),
                vec![
                    h("Content-Type", "text/xml; charset=utf-8"),
                    h("Connection", "close"),
                ],
                std::io::Cursor::new(bytes).chain(Broken),
                length,
                None,
            );
            let _ = request.respond(response);
        }
    }
}

/// The query value of `key` in a path and query.
pub fn param<'a>(url: &'a str, key: &str) -> Option<&'a str> {
    url.split_once('?')?
        .1
        .split('&')
        .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
}

/// The method called: `/mgWebService.asmx/GetMeeting?…` → `GetMeeting`.
pub fn method(url: &str) -> &str {
    let path = url.split('?').next().unwrap_or(url);
    path.rsplit('/').next().unwrap_or(path)
}

/// Gloucester as the fixtures have it: GetCommittees, GetMeetings of Cabinet (129; the
/// same answer whatever the window, as some installs do: SPEC §4.2), GetMeeting 7837 and
/// GetCouncillorsByWard (addresses and mobiles already redacted in the fixture). Anything
/// else, including the other meetings of that list, answers 404, which the importer must
/// report and carry on past.
pub fn gloucester(url: &str, _n: usize) -> Reply {
    match method(url) {
        "GetCommittees" => Reply::Xml(fixture("gloucester/GetCommittees.xml")),
        "GetMeetings" if param(url, "lCommitteeId") == Some("129") => {
            Reply::Xml(fixture("gloucester/GetMeetings_committee129_2024-2025.xml"))
        }
        "GetMeeting" if param(url, "lMeetingId") == Some("7837") => {
            Reply::Xml(fixture("gloucester/GetMeeting_7837.xml"))
        }
        "GetCouncillorsByWard" => {
            Reply::Xml(fixture("gloucester/GetCouncillorsByWard.redacted.xml"))
        }
        _ => Reply::Status(404),
    }
}

/// Manchester as the fixtures have it: three committees (one expired), the Audit
/// Committee's (144) meetings of January–February 2026 and its cancelled meeting 4966;
/// anything else answers 404.
pub fn manchester(url: &str, _n: usize) -> Reply {
    match method(url) {
        "GetCommittees" => Reply::Xml(fixture("manchester/GetCommittees.trimmed.xml")),
        "GetMeetings" if param(url, "lCommitteeId") == Some("144") => {
            Reply::Xml(fixture("manchester/GetMeetings_committee144.xml"))
        }
        "GetMeeting" if param(url, "lMeetingId") == Some("4966") => {
            Reply::Xml(fixture("manchester/GetMeeting_4966_cancelled.xml"))
        }
        _ => Reply::Status(404),
    }
}
