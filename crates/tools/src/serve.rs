//! A small static file server for the built app (`dist/`), std only.
//!
//! * `GET` and `HEAD`, with content types for everything the app publishes.
//! * Deep-link fallback: a path that is not a file gets `404.html` (if the build
//!   produced one) or `index.html`, so the app's router can take over. Extensionless
//!   paths (app routes such as `/meetings/x`) answer 200; a missing *file*
//!   (`/data/missing.json`, a path whose last segment has an extension) answers 404
//!   with the same body, as GitHub Pages does, so the app can report the failure.
//! * Optional sub-path mount ([`Server::start_at`]): the dist is served under a prefix
//!   such as `/meetings/`, as when the app is built with `trunk --public-url /meetings/`.
//! * Path traversal (`..`, encoded slashes, symlinks out of the root) is refused.
//! * Test hooks: [`Server::fail_next`] makes the next requests for a path fail with a
//!   chosen status, [`Server::delay_next`] slows them down, [`Server::hits`] counts them.
//! * Measuring: [`Server::sent`] totals the bytes and responses sent, so a benchmark counts
//!   what a page really downloads (a Web Worker's requests included). The benchmarks use
//!   this server too.
//!
//! Why not `tiny_http`: it was tried (issue 10). It writes a response's head and body (and
//! each chunk) separately and keeps connections alive, and with two browsers at once pages
//! stalled until Chromium's renderer timed out (6 of 11 browser tests), even with
//! TCP_NODELAY and no chunking. This server answers each request in one write and closes.
//!
//! The server binds 127.0.0.1 and runs in a background thread, one thread per
//! connection; every response is `Connection: close`. Dropping the [`Server`] stops it.

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A running server. Stops when dropped.
pub struct Server {
    addr: SocketAddr,
    state: Arc<State>,
    accept: Option<JoinHandle<()>>,
}

struct State {
    root: PathBuf,
    base: String,
    stop: AtomicBool,
    log: AtomicBool,
    faults: Mutex<HashMap<String, Vec<Fault>>>,
    hits: Mutex<HashMap<String, u32>>,
    /// (URL path, body bytes) of every response sent.
    sent: Mutex<Vec<(String, u64)>>,
}

#[derive(Clone, Copy)]
enum Fault {
    Status(u16),
    Delay(Duration),
}

impl Server {
    /// Serve `root` at `/` on 127.0.0.1:`port` (0 = any free port). Panics if it cannot bind.
    pub fn start(root: PathBuf, port: u16) -> Server {
        Server::start_at(root, port, "/")
    }

    /// Serve `root` under the URL prefix `base` (e.g. `"/meetings/"`). Panics if it cannot bind.
    pub fn start_at(root: PathBuf, port: u16, base: &str) -> Server {
        match Server::try_start_at(root.clone(), port, base) {
            Ok(server) => server,
            Err(e) => panic!("cannot serve {} on 127.0.0.1:{port}: {e}", root.display()),
        }
    }

    /// Like [`Server::start_at`], returning the error instead of panicking.
    pub fn try_start_at(root: PathBuf, port: u16, base: &str) -> io::Result<Server> {
        let root = root
            .canonicalize()
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", root.display())))?;
        if !root.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{} is not a directory", root.display()),
            ));
        }
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State {
            root,
            base: normalise_base(base),
            stop: AtomicBool::new(false),
            log: AtomicBool::new(false),
            faults: Mutex::new(HashMap::new()),
            hits: Mutex::new(HashMap::new()),
            sent: Mutex::new(Vec::new()),
        });
        let st = Arc::clone(&state);
        let accept = std::thread::Builder::new()
            .name(format!("serve:{}", addr.port()))
            .spawn(move || {
                for conn in listener.incoming() {
                    if st.stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = conn else { continue };
                    let st = Arc::clone(&st);
                    let _ =
                        std::thread::Builder::new()
                            .name("serve-conn".into())
                            .spawn(move || {
                                let _ = handle(&st, stream);
                            });
                }
            })?;
        Ok(Server {
            addr,
            state,
            accept: Some(accept),
        })
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// `http://127.0.0.1:<port>` (no trailing slash, no base).
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port())
    }

    /// The app's URL: origin plus base, e.g. `http://127.0.0.1:8080/` or `http://127.0.0.1:8080/meetings/`.
    pub fn url(&self) -> String {
        format!("{}{}", self.origin(), self.state.base)
    }

    /// The URL of an app path, e.g. `url_for("/meetings/x")` under base `/b/` = `http://127.0.0.1:<port>/b/meetings/x`.
    pub fn url_for(&self, path: &str) -> String {
        format!("{}{}", self.url(), path.trim_start_matches('/'))
    }

    /// The URL prefix the dist is mounted under (always starts and ends with `/`).
    pub fn base(&self) -> &str {
        &self.state.base
    }

    /// Print one line per request to stderr.
    pub fn log_requests(&self, on: bool) {
        self.state.log.store(on, Ordering::SeqCst);
    }

    /// The next `times` requests whose URL path (without query) is `path` answer `status`
    /// (e.g. 500) instead of the file. `path` is the full URL path, including any base.
    pub fn fail_next(&self, path: &str, times: u32, status: u16) {
        self.push_fault(path, times, Fault::Status(status));
    }

    /// The next `times` requests for `path` are held for `delay` before being answered
    /// (after any earlier queued faults for that path). Useful to observe loading states.
    pub fn delay_next(&self, path: &str, times: u32, delay: Duration) {
        self.push_fault(path, times, Fault::Delay(delay));
    }

    /// How many requests for `path` (URL path without query) have been received.
    pub fn hits(&self, path: &str) -> u32 {
        self.state
            .hits
            .lock()
            .unwrap()
            .get(path)
            .copied()
            .unwrap_or(0)
    }

    /// (body bytes, responses) sent since the last [`Server::clear_sent`] for URL paths
    /// starting with `prefix`.
    pub fn sent(&self, prefix: &str) -> (u64, usize) {
        let sent = self.state.sent.lock().unwrap();
        sent.iter()
            .filter(|(p, _)| p.starts_with(prefix))
            .fold((0, 0), |(bytes, n), (_, b)| (bytes + b, n + 1))
    }

    /// Forget what [`Server::sent`] has counted.
    pub fn clear_sent(&self) {
        self.state.sent.lock().unwrap().clear();
    }

    fn push_fault(&self, path: &str, times: u32, fault: Fault) {
        let mut faults = self.state.faults.lock().unwrap();
        let queue = faults.entry(path.to_string()).or_default();
        queue.extend(std::iter::repeat_n(fault, times as usize));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.state.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(handle) = self.accept.take() {
            let _ = handle.join();
        }
    }
}

fn normalise_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

/// The content type for a file name, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "ics" => "text/calendar; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn text(status: u16, msg: &str) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
            body: format!("{status} {}\n{msg}\n", reason(status)).into_bytes(),
        }
    }
}

fn handle(state: &State, mut stream: TcpStream) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(15)))?;
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    if reader.by_ref().take(8192).read_line(&mut request_line)? == 0 {
        return Ok(()); // preconnect socket closed without a request
    }
    // Skip the headers (GET/HEAD have no body we care about).
    let mut header_bytes = 0usize;
    loop {
        let mut line = String::new();
        let n = reader.by_ref().take(8192).read_line(&mut line)?;
        header_bytes += n;
        if n == 0 || line == "\r\n" || line == "\n" || header_bytes > 64 * 1024 {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let head = method == "HEAD";
    let path = target.split(['?', '#']).next().unwrap_or("");

    let response = if method != "GET" && !head {
        let mut r = Response::text(405, "only GET and HEAD");
        r.headers.push(("Allow", "GET, HEAD".into()));
        r
    } else if !path.starts_with('/') {
        Response::text(400, "bad request target")
    } else {
        *state
            .hits
            .lock()
            .unwrap()
            .entry(path.to_string())
            .or_insert(0) += 1;
        let mut injected = None;
        loop {
            let fault = {
                let mut faults = state.faults.lock().unwrap();
                match faults.get_mut(path) {
                    Some(queue) if !queue.is_empty() => Some(queue.remove(0)),
                    _ => None,
                }
            };
            match fault {
                Some(Fault::Delay(d)) => std::thread::sleep(d),
                Some(Fault::Status(s)) => {
                    injected = Some(Response::text(s, "injected failure (test)"));
                    break;
                }
                None => break,
            }
        }
        match injected {
            Some(r) => r,
            None => respond(state, path),
        }
    };

    if state.log.load(Ordering::SeqCst) {
        eprintln!("{} {} {}", response.status, method, target);
    }
    let mut out = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (k, v) in &response.headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        response.body.len()
    ));
    let mut buf = out.into_bytes();
    if !head {
        buf.extend_from_slice(&response.body);
    }
    stream.write_all(&buf)?;
    let bytes = if head { 0 } else { response.body.len() as u64 };
    state.sent.lock().unwrap().push((path.to_string(), bytes));
    stream.flush()?;
    let _ = stream.shutdown(Shutdown::Write);
    // Drain anything the client still sends so the close is clean (no RST).
    let mut sink = [0u8; 1024];
    stream.set_read_timeout(Some(Duration::from_millis(200)))?;
    while matches!(reader.read(&mut sink), Ok(n) if n > 0) {}
    Ok(())
}

/// Resolve a URL path (already known to start with `/`) to a response.
fn respond(state: &State, path: &str) -> Response {
    let base = state.base.as_str();
    let rest = if let Some(rest) = path.strip_prefix(base) {
        rest
    } else if base != "/" && path == base.trim_end_matches('/') {
        let mut r = Response::text(301, "moved");
        r.headers.push(("Location", base.to_string()));
        return r;
    } else {
        return Response::text(404, &format!("this server serves the app under {base}"));
    };

    // Decode each segment separately so an encoded slash cannot create a new segment.
    let mut segments = Vec::new();
    for raw in rest.split('/') {
        let Some(seg) = percent_decode(raw) else {
            return Response::text(400, "bad percent-encoding");
        };
        if seg == ".." || seg.contains(['/', '\\', '\0']) {
            return Response::text(403, "path traversal refused");
        }
        if seg.is_empty() || seg == "." {
            continue;
        }
        segments.push(seg);
    }
    let mut file = state.root.clone();
    for seg in &segments {
        file.push(seg);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    if file.is_file() {
        // Refuse symlinks that lead out of the root.
        match file.canonicalize() {
            Ok(real) if real.starts_with(&state.root) => {}
            _ => return Response::text(403, "outside the served directory"),
        }
        return match std::fs::read(&file) {
            Ok(body) => Response {
                status: 200,
                headers: vec![("Content-Type", content_type(&file).into())],
                body,
            },
            Err(e) => Response::text(500, &e.to_string()),
        };
    }

    // Deep-link fallback.
    let has_extension = segments
        .last()
        .is_some_and(|s| s.trim_start_matches('.').contains('.'));
    let status = if has_extension { 404 } else { 200 };
    for name in ["404.html", "index.html"] {
        if let Ok(body) = std::fs::read(state.root.join(name)) {
            return Response {
                status,
                headers: vec![("Content-Type", "text/html; charset=utf-8".into())],
                body,
            };
        }
    }
    Response::text(404, "not found (and no index.html to fall back to)")
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    }

    impl Reply {
        fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }
        fn text(&self) -> String {
            String::from_utf8_lossy(&self.body).into_owned()
        }
    }

    fn request(server: &Server, method: &str, target: &str) -> Reply {
        let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
        write!(
            s,
            "{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("no header end");
        let head = String::from_utf8(raw[..split].to_vec()).unwrap();
        let body = raw[split + 4..].to_vec();
        let mut lines = head.lines();
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        Reply {
            status,
            headers,
            body,
        }
    }

    fn get(server: &Server, target: &str) -> Reply {
        request(server, "GET", target)
    }

    /// A throwaway dist folder, removed when dropped.
    struct Dist(PathBuf);

    impl Dist {
        fn path(&self) -> PathBuf {
            self.0.clone()
        }
    }

    impl Drop for Dist {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn dist(name: &str, with_404: bool) -> Dist {
        let dir = std::env::temp_dir().join(format!(
            "minutebook-serve-test-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data/meetings")).unwrap();
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<!doctype html><title>index</title>",
        )
        .unwrap();
        if with_404 {
            std::fs::write(
                dir.join("404.html"),
                "<!doctype html><title>fallback</title>",
            )
            .unwrap();
        }
        std::fs::write(dir.join("app-123.js"), "console.log(1)").unwrap();
        std::fs::write(dir.join("app-123_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        std::fs::write(dir.join("style.css"), "body{}").unwrap();
        std::fs::write(dir.join("data/index.json"), "{\"ok\":true}").unwrap();
        std::fs::write(dir.join("data/meetings/a b.json"), "{}").unwrap();
        std::fs::write(dir.join("data/cal.ics"), "BEGIN:VCALENDAR").unwrap();
        std::fs::write(dir.join("sub/index.html"), "sub index").unwrap();
        for f in ["x.svg", "x.png", "x.ico", "x.woff2", "x.xml", "x.csv"] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        Dist(dir)
    }

    #[test]
    fn serves_files_with_content_types() {
        let d = dist("types", false);
        let server = Server::start(d.path(), 0);
        let cases = [
            ("/", "text/html; charset=utf-8"),
            ("/index.html", "text/html; charset=utf-8"),
            ("/app-123.js", "text/javascript; charset=utf-8"),
            ("/app-123_bg.wasm", "application/wasm"),
            ("/style.css", "text/css; charset=utf-8"),
            ("/data/index.json", "application/json"),
            ("/data/cal.ics", "text/calendar; charset=utf-8"),
            ("/x.svg", "image/svg+xml"),
            ("/x.png", "image/png"),
            ("/x.ico", "image/x-icon"),
            ("/x.woff2", "font/woff2"),
            ("/x.xml", "application/xml"),
            ("/x.csv", "text/csv; charset=utf-8"),
        ];
        for (path, ty) in cases {
            let r = get(&server, path);
            assert_eq!(r.status, 200, "{path}");
            assert_eq!(r.header("content-type"), Some(ty), "{path}");
            assert_eq!(
                r.header("content-length").unwrap(),
                r.body.len().to_string(),
                "{path}"
            );
        }
        assert_eq!(get(&server, "/data/index.json").text(), "{\"ok\":true}");
        assert_eq!(get(&server, "/data/index.json?v=2").text(), "{\"ok\":true}");
        assert_eq!(get(&server, "/data/meetings/a%20b.json").status, 200);
        assert_eq!(get(&server, "/sub/").text(), "sub index");
        assert_eq!(get(&server, "/sub").text(), "sub index");
    }

    #[test]
    fn head_has_headers_but_no_body() {
        let d = dist("head", false);
        let server = Server::start(d.path(), 0);
        let r = request(&server, "HEAD", "/data/index.json");
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-length"), Some("11"));
        assert!(r.body.is_empty());
        let r = request(&server, "POST", "/data/index.json");
        assert_eq!(r.status, 405);
        assert_eq!(r.header("allow"), Some("GET, HEAD"));
    }

    #[test]
    fn deep_links_fall_back_to_index_html() {
        let d = dist("fallback-index", false);
        let server = Server::start(d.path(), 0);
        for path in [
            "/meetings/sefton-osc-children-2022-11-07",
            "/committees/x",
            "/no/such/page",
            "/x?y=1",
        ] {
            let r = get(&server, path);
            assert_eq!(r.status, 200, "{path}");
            assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
            assert!(r.text().contains("<title>index</title>"), "{path}");
        }
        // A missing file (has an extension) is a real 404, so the app can report it.
        let r = get(&server, "/data/missing.json");
        assert_eq!(r.status, 404);
        assert_eq!(get(&server, "/data/meetings/nope.json").status, 404);
        assert_eq!(get(&server, "/app-999.js").status, 404);
    }

    #[test]
    fn fallback_prefers_404_html() {
        let d = dist("fallback-404", true);
        let server = Server::start(d.path(), 0);
        let r = get(&server, "/meetings/x");
        assert_eq!(r.status, 200);
        assert!(r.text().contains("fallback"));
        let r = get(&server, "/data/missing.json");
        assert_eq!(r.status, 404);
        assert!(r.text().contains("fallback"));
        // Real files are still served as themselves.
        assert!(get(&server, "/").text().contains("<title>index</title>"));
    }

    #[test]
    fn path_traversal_is_refused() {
        let d = dist("traversal", false);
        let root = d.path();
        std::fs::write(
            root.parent()
                .unwrap()
                .join(format!("minutebook-secret-{}", std::process::id())),
            "secret",
        )
        .unwrap();
        let server = Server::start(root.clone(), 0);
        let secret = format!("minutebook-secret-{}", std::process::id());
        for path in [
            format!("/../{secret}"),
            format!("/data/../../{secret}"),
            format!("/%2e%2e/{secret}"),
            format!("/data%2f..%2f..%2f{secret}"),
            format!("/..%5c{secret}"),
            "/%2e%2e/%2e%2e/etc/passwd".to_string(),
        ] {
            let r = get(&server, &path);
            assert!(matches!(r.status, 400 | 403), "{path}: {}", r.status);
            assert!(!r.text().contains("secret"), "{path}");
        }
        // A symlink inside the root that points outside it is refused too.
        #[cfg(unix)]
        {
            let _ = std::os::unix::fs::symlink(
                root.parent().unwrap().join(&secret),
                root.join("link.txt"),
            );
            assert_eq!(get(&server, "/link.txt").status, 403);
        }
        assert_eq!(get(&server, "/data/./index.json").status, 200);
        let _ = std::fs::remove_file(root.parent().unwrap().join(&secret));
    }

    #[test]
    fn serves_under_a_sub_path() {
        let d = dist("subpath", true);
        let server = Server::start_at(d.path(), 0, "meetings");
        assert_eq!(server.base(), "/meetings/");
        assert!(server.url().ends_with("/meetings/"));
        assert_eq!(
            server.url_for("/data/index.json"),
            format!("{}/meetings/data/index.json", server.origin())
        );
        assert!(get(&server, "/meetings/")
            .text()
            .contains("<title>index</title>"));
        assert_eq!(
            get(&server, "/meetings/data/index.json").text(),
            "{\"ok\":true}"
        );
        assert_eq!(
            get(&server, "/meetings/app-123_bg.wasm").header("content-type"),
            Some("application/wasm")
        );
        // Fallback within the prefix.
        let r = get(&server, "/meetings/meetings/sefton-osc-children-2022-11-07");
        assert_eq!(r.status, 200);
        assert!(r.text().contains("fallback"));
        assert_eq!(get(&server, "/meetings/data/missing.json").status, 404);
        // Outside the prefix.
        assert_eq!(get(&server, "/data/index.json").status, 404);
        assert_eq!(get(&server, "/").status, 404);
        let r = get(&server, "/meetings");
        assert_eq!(r.status, 301);
        assert_eq!(r.header("location"), Some("/meetings/"));
    }

    #[test]
    fn fault_injection_fails_the_next_requests_then_recovers() {
        let d = dist("faults", false);
        let server = Server::start(d.path(), 0);
        server.fail_next("/data/index.json", 2, 500);
        server.fail_next("/data/cal.ics", 1, 503);
        assert_eq!(get(&server, "/data/index.json").status, 500);
        assert_eq!(get(&server, "/data/index.json?x").status, 500);
        assert_eq!(get(&server, "/data/index.json").status, 200);
        assert_eq!(get(&server, "/data/cal.ics").status, 503);
        assert_eq!(get(&server, "/data/cal.ics").status, 200);
        assert_eq!(server.hits("/data/index.json"), 3);
        assert_eq!(server.hits("/never"), 0);
        // Faults only affect their own path, and work on fallback paths as well.
        server.fail_next("/meetings/x", 1, 502);
        assert_eq!(get(&server, "/meetings/y").status, 200);
        assert_eq!(get(&server, "/meetings/x").status, 502);
        assert_eq!(get(&server, "/meetings/x").status, 200);
    }

    #[test]
    fn delay_holds_the_response() {
        let d = dist("delay", false);
        let server = Server::start(d.path(), 0);
        server.delay_next("/style.css", 1, Duration::from_millis(300));
        let t = std::time::Instant::now();
        assert_eq!(get(&server, "/style.css").status, 200);
        assert!(t.elapsed() >= Duration::from_millis(300));
        let t = std::time::Instant::now();
        assert_eq!(get(&server, "/style.css").status, 200);
        assert!(t.elapsed() < Duration::from_millis(300));
    }

    #[test]
    fn concurrent_requests_and_idle_connections() {
        let d = dist("concurrent", false);
        let server = Server::start(d.path(), 0);
        // An idle (preconnect-style) connection must not block others.
        let _idle = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let port = server.port();
                std::thread::spawn(move || {
                    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
                    s.write_all(b"GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n")
                        .unwrap();
                    let mut raw = String::new();
                    s.read_to_string(&mut raw).unwrap();
                    raw.starts_with("HTTP/1.1 200")
                })
            })
            .collect();
        assert!(handles.into_iter().all(|h| h.join().unwrap()));
    }

    #[test]
    fn stops_when_dropped_and_reports_bind_errors() {
        let d = dist("drop", false);
        let root = d.path();
        let server = Server::start(root.clone(), 0);
        let port = server.port();
        assert_eq!(get(&server, "/").status, 200);
        assert!(
            Server::try_start_at(root.clone(), port, "/").is_err(),
            "port should be taken"
        );
        drop(server);
        // The port is free again.
        let again = Server::try_start_at(root.clone(), port, "/").expect("rebind after drop");
        assert_eq!(again.port(), port);
        assert!(Server::try_start_at(root.join("no-such-dir"), 0, "/").is_err());
    }

    #[test]
    fn normalises_base() {
        assert_eq!(normalise_base(""), "/");
        assert_eq!(normalise_base("/"), "/");
        assert_eq!(normalise_base("meetings"), "/meetings/");
        assert_eq!(normalise_base("/meetings"), "/meetings/");
        assert_eq!(normalise_base("/a/b/"), "/a/b/");
    }
}
