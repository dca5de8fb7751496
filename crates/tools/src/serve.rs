//! The static file server for the built app (`dist/`): `serve`, `scripts/serve.sh`, the
//! browser tests and the benchmarks all use it.
//!
//! HTTP is axum (hyper) on a Tokio runtime of its own; files are sent by tower-http's
//! `ServeFile` (content types from `mime_guess`, `HEAD`, ranges). What this module adds is
//! what a static host does and the tests need:
//! * Deep-link fallback: a path that is not a file gets `404.html` (if the build produced
//!   one) or `index.html`. Extensionless paths (app routes such as `/meetings/x`) answer
//!   200; a missing *file* (`/data/missing.json`, a path whose last segment has an
//!   extension) answers 404 with the same body, as GitHub Pages does, so the app can
//!   report the failure.
//! * A folder answers its `index.html` directly, without a redirect, so the pre-rendered
//!   `meetings/<id>/index.html` is the page at `/meetings/<id>`.
//! * Optional sub-path mount ([`Server::start_at`]): the dist is served under a prefix
//!   such as `/meetings/`, as when the app is built with `trunk --public-url /meetings/`.
//! * Path traversal (`..`, encoded slashes, symlinks out of the root) is refused with 403.
//! * Optional gzip ([`Options::gzip`]), as a CDN would send, for the page benchmarks.
//! * Test hooks: [`Server::fail_next`] makes the next requests for a path fail with a
//!   chosen status, [`Server::delay_next`] slows them down, [`Server::hits`] counts them.
//! * Measuring: [`Server::sent`] totals the bytes (before any gzip) and responses sent, so
//!   a benchmark counts what a page really downloads (a Web Worker's requests included).
//!
//! Why not `tiny_http`: it was tried (issue 10). Its connections stalled under two
//! browsers at once until Chromium's renderer timed out. hyper keeps connections alive
//! without holding up other requests.
//!
//! The server binds 127.0.0.1 and runs in a background thread. Dropping the [`Server`]
//! stops it and closes its connections.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::collections::HashMap;
use std::io;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeFile;

/// How a [`Server`] answers, beyond its folder and port.
#[derive(Debug, Clone)]
pub struct Options {
    /// The URL prefix the folder is mounted under, e.g. `"/meetings/"`.
    pub base: String,
    /// Compress responses with gzip when the client accepts it.
    pub gzip: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            base: "/".into(),
            gzip: false,
        }
    }
}

/// A running server. Stops when dropped.
pub struct Server {
    addr: SocketAddr,
    state: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

struct Shared {
    root: PathBuf,
    base: String,
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
        let options = Options {
            base: base.to_string(),
            ..Options::default()
        };
        Server::try_start(root, port, &options)
    }

    /// Serve `root` on 127.0.0.1:`port` as `options` say.
    pub fn try_start(root: PathBuf, port: u16, options: &Options) -> io::Result<Server> {
        let root = root
            .canonicalize()
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", root.display())))?;
        if !root.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{} is not a directory", root.display()),
            ));
        }
        // Bind here, not in the thread, so that a taken port is this call's error.
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let state = Arc::new(Shared {
            root,
            base: normalise_base(&options.base),
            log: AtomicBool::new(false),
            faults: Mutex::new(HashMap::new()),
            hits: Mutex::new(HashMap::new()),
            sent: Mutex::new(Vec::new()),
        });
        let mut app = Router::new()
            .fallback(answer)
            .with_state(Arc::clone(&state));
        if options.gzip {
            app = app.layer(CompressionLayer::new().gzip(true));
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name(format!("serve:{}", addr.port()))
            .enable_all()
            .build()?;
        let listener = {
            let _entered = runtime.enter();
            tokio::net::TcpListener::from_std(listener)?
        };
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name(format!("serve:{}", addr.port()))
            .spawn(move || {
                runtime.block_on(async move {
                    tokio::select! {
                        _ = axum::serve(listener, app) => {}
                        _ = stopped => {}
                    }
                });
                // Connections still open (a browser's keep-alive) are dropped here.
                runtime.shutdown_timeout(Duration::from_secs(1));
            })?;
        Ok(Server {
            addr,
            state,
            stop: Some(stop),
            thread: Some(thread),
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
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
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

/// A short plain-text answer, for errors and injected faults.
fn text(status: u16, message: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let reason = status.canonical_reason().unwrap_or("Status");
    let body = format!("{} {reason}\n{message}\n", status.as_u16());
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Every request: faults first, then the file, the fallback page or a refusal.
async fn answer(State(state): State<Arc<Shared>>, mut request: Request) -> Response {
    let method = request.method().clone();
    let target = request.uri().to_string();
    let path = request.uri().path().to_string();

    let mut response = if method != Method::GET && method != Method::HEAD {
        let mut r = text(405, "only GET and HEAD");
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        r
    } else {
        *state.hits.lock().unwrap().entry(path.clone()).or_insert(0) += 1;
        match injected_fault(&state, &path).await {
            Some(r) => r,
            None => {
                // Always a full answer: tests rewrite files within the second that
                // Last-Modified can tell apart.
                for h in [
                    header::IF_MODIFIED_SINCE,
                    header::IF_NONE_MATCH,
                    header::IF_RANGE,
                ] {
                    request.headers_mut().remove(h);
                }
                match resolve(&state, &path) {
                    Resolved::File(file, status) => send(file, status, request).await,
                    Resolved::Refused(r) => r,
                }
            }
        }
    };

    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    // mime_guess names text types without a charset; everything published is UTF-8.
    if let Some(ty) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    {
        if ty.starts_with("text/") && !ty.contains("charset") {
            if let Ok(v) = HeaderValue::from_str(&format!("{ty}; charset=utf-8")) {
                headers.insert(header::CONTENT_TYPE, v);
            }
        }
    }
    if state.log.load(Ordering::SeqCst) {
        eprintln!("{} {method} {target}", response.status().as_u16());
    }
    let bytes = if method == Method::HEAD {
        0
    } else {
        body_length(&response)
    };
    state.sent.lock().unwrap().push((path, bytes));
    response
}

/// Runs the queued faults for `path`: delays are waited out, a status is the answer.
async fn injected_fault(state: &Shared, path: &str) -> Option<Response> {
    loop {
        let fault = {
            let mut faults = state.faults.lock().unwrap();
            match faults.get_mut(path) {
                Some(queue) if !queue.is_empty() => Some(queue.remove(0)),
                _ => None,
            }
        };
        match fault? {
            Fault::Delay(d) => tokio::time::sleep(d).await,
            Fault::Status(s) => return Some(text(s, "injected failure (test)")),
        }
    }
}

/// Sends a file through tower-http, with `status` in place of its 200.
async fn send(file: PathBuf, status: StatusCode, request: Request) -> Response {
    match ServeFile::new(file).oneshot(request).await {
        Ok(r) => {
            let mut r = r.map(Body::new);
            if r.status() == StatusCode::OK {
                *r.status_mut() = status;
            }
            r
        }
        Err(e) => text(500, &e.to_string()),
    }
}

fn body_length(response: &Response) -> u64 {
    response
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .or_else(|| http_body::Body::size_hint(response.body()).exact())
        .unwrap_or(0)
}

enum Resolved {
    /// A file to send, with its status: 200, or for the fallback page 200 (an app route)
    /// or 404 (a missing file).
    File(PathBuf, StatusCode),
    Refused(Response),
}

/// Maps a URL path (starting with `/`) to what answers it.
fn resolve(state: &Shared, path: &str) -> Resolved {
    let base = state.base.as_str();
    let rest = if let Some(rest) = path.strip_prefix(base) {
        rest
    } else if base != "/" && path == base.trim_end_matches('/') {
        let mut r = text(301, "moved");
        if let Ok(v) = HeaderValue::from_str(base) {
            r.headers_mut().insert(header::LOCATION, v);
        }
        return Resolved::Refused(r);
    } else {
        return Resolved::Refused(text(
            404,
            &format!("this server serves the app under {base}"),
        ));
    };

    // Decode each segment separately so an encoded slash cannot create a new segment.
    let mut segments = Vec::new();
    for raw in rest.split('/') {
        let Ok(seg) = percent_encoding::percent_decode_str(raw).decode_utf8() else {
            return Resolved::Refused(text(400, "bad percent-encoding"));
        };
        if seg == ".." || seg.contains(['/', '\\', '\0']) {
            return Resolved::Refused(text(403, "path traversal refused"));
        }
        if seg.is_empty() || seg == "." {
            continue;
        }
        segments.push(seg.into_owned());
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
        return match file.canonicalize() {
            Ok(real) if real.starts_with(&state.root) => Resolved::File(real, StatusCode::OK),
            _ => Resolved::Refused(text(403, "outside the served directory")),
        };
    }

    // Deep-link fallback.
    let has_extension = segments
        .last()
        .is_some_and(|s| s.trim_start_matches('.').contains('.'));
    let status = if has_extension {
        StatusCode::NOT_FOUND
    } else {
        StatusCode::OK
    };
    ["404.html", "index.html"]
        .into_iter()
        .map(|name| state.root.join(name))
        .find(|f| f.is_file())
        .map_or_else(
            || Resolved::Refused(text(404, "not found (and no index.html to fall back to)")),
            |f| Resolved::File(f, status),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpStream;

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
            ("/x.xml", "text/xml; charset=utf-8"),
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
    fn gzip_when_asked_and_accepted() {
        let d = dist("gzip", false);
        let page = "<p>Minutes of the meeting</p>\n".repeat(100);
        std::fs::write(d.path().join("page.html"), &page).unwrap();
        let options = Options {
            gzip: true,
            ..Options::default()
        };
        let server = Server::try_start(d.path(), 0, &options).unwrap();
        let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
        s.write_all(b"GET /page.html HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let head =
            String::from_utf8_lossy(&raw[..raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap()])
                .to_ascii_lowercase();
        assert!(head.contains("content-encoding: gzip"), "{head}");
        assert!(
            raw.len() < page.len() / 4,
            "{} bytes on the wire",
            raw.len()
        );
        // Counted as the file's own size, as a page weighs before compression.
        assert_eq!(server.sent("/page.html"), (page.len() as u64, 1));
        // Without Accept-Encoding the file comes as it is.
        assert_eq!(get(&server, "/page.html").text(), page);
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
                    s.write_all(b"GET /style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
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
