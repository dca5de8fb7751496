//! A static server that records every response it sends (path and body bytes), so the
//! benchmark counts what each engine really downloads, Pagefind's Web Worker included
//! (its requests never appear in the page's own Resource Timing). Same deep-link fallback
//! as `minutebook serve`: a path without an extension gets index.html. Keep-alive.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub struct LoggingServer {
    pub port: u16,
    log: Arc<Mutex<Vec<(String, u64)>>>,
}

impl LoggingServer {
    pub fn start(root: &Path) -> std::io::Result<LoggingServer> {
        let listener = TcpListener::bind(("127.0.0.1", 0))?;
        let port = listener.local_addr()?.port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (root, shared) = (root.to_path_buf(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, log) = (root.clone(), shared.clone());
                std::thread::spawn(move || {
                    let _ = serve(stream, &root, &log);
                });
            }
        });
        Ok(LoggingServer { port, log })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn clear(&self) {
        self.log.lock().unwrap().clear();
    }

    /// (bytes, requests) sent so far for paths starting with `prefix`.
    pub fn sent(&self, prefix: &str) -> (u64, usize) {
        let log = self.log.lock().unwrap();
        let hits: Vec<_> = log.iter().filter(|(p, _)| p.starts_with(prefix)).collect();
        (hits.iter().map(|h| h.1).sum(), hits.len())
    }
}

fn serve(stream: TcpStream, root: &Path, log: &Mutex<Vec<(String, u64)>>) -> std::io::Result<()> {
    // Keep-alive, as real static hosts do: both engines make many small requests.
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
                break;
            }
        }
        let path = line
            .split_whitespace()
            .nth(1)
            .unwrap_or("/")
            .split(['?', '#'])
            .next()
            .unwrap_or("/")
            .to_string();
        let mut file: PathBuf = root.join(path.trim_start_matches('/'));
        if path.contains("..") {
            file = root.join("missing");
        }
        if file.is_dir() {
            file = file.join("index.html");
        }
        let has_ext = Path::new(&path).extension().is_some();
        let (status, body, file) = match std::fs::read(&file) {
            Ok(b) => ("200 OK", b, file),
            Err(_) if !has_ext => (
                "200 OK",
                std::fs::read(root.join("index.html")).unwrap_or_default(),
                root.join("index.html"),
            ),
            Err(_) => ("404 Not Found", Vec::new(), file),
        };
        // One write per response (header and body together): no Nagle stalls.
        let mut response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n\r\n",
            minutebook_tools::serve::content_type(&file),
            body.len()
        )
        .into_bytes();
        response.extend_from_slice(&body);
        out.write_all(&response)?;
        log.lock().unwrap().push((path, body.len() as u64));
    }
}
