//! `serve` — serve a built app folder on 127.0.0.1 with the deep-link fallback.
//!
//! ```text
//! serve [--port 8080] [--base /] [--quiet] <dir>
//! ```
//!
//! `--base /meetings/` serves the folder under that prefix, for a build made with
//! `trunk build --public-url /meetings/`.

use minutebook_tools::serve::Server;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: serve [--port 8080] [--base /] [--quiet] <dir>";

fn main() -> ExitCode {
    let mut port: u16 = 8080;
    let mut base = "/".to_string();
    let mut quiet = false;
    let mut dir: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" | "-p" => match args.next().and_then(|p| p.parse().ok()) {
                Some(p) => port = p,
                None => return usage("--port needs a number"),
            },
            "--base" => match args.next() {
                Some(b) => base = b,
                None => return usage("--base needs a path"),
            },
            "--quiet" | "-q" => quiet = true,
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--port=") => match s["--port=".len()..].parse() {
                Ok(p) => port = p,
                Err(_) => return usage("--port needs a number"),
            },
            s if s.starts_with("--base=") => base = s["--base=".len()..].to_string(),
            s if s.starts_with('-') => return usage(&format!("unknown option {s}")),
            s if dir.is_none() => dir = Some(PathBuf::from(s)),
            s => return usage(&format!("unexpected argument {s}")),
        }
    }
    let Some(dir) = dir else {
        return usage("missing <dir>");
    };
    if !dir.join("index.html").is_file() {
        eprintln!(
            "warning: {} has no index.html (run `trunk build index.html --release` first?)",
            dir.display()
        );
    }
    let server = match Server::try_start_at(dir.clone(), port, &base) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "error: cannot serve {} on 127.0.0.1:{port}: {e}",
                dir.display()
            );
            return ExitCode::FAILURE;
        }
    };
    server.log_requests(!quiet);
    println!(
        "Serving {} at {}  (Ctrl-C to stop)",
        dir.display(),
        server.url()
    );
    loop {
        std::thread::park();
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("error: {msg}\n{USAGE}");
    ExitCode::from(2)
}
