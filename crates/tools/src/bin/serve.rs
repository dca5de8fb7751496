//! `serve` — serve a built app folder on 127.0.0.1 with the deep-link fallback.
//!
//! `--base /meetings/` serves the folder under that prefix, for a build made with
//! `trunk build --public-url /meetings/`.

use clap::Parser;
use minutebook_tools::serve::{Options, Server};
use std::path::PathBuf;
use std::process::ExitCode;

/// Serve a built Minutebook site (dist/) on 127.0.0.1, as a static host would: every
/// address the app routes answers with its page, and a missing file is a 404.
#[derive(Parser, Debug)]
#[command(
    name = "serve",
    version,
    after_help = "Examples:\n  serve dist\n  serve --port 8081 --base /meetings/ target/dist-subpath\n  serve --gzip --quiet dist\n\nExit status: 1 when the folder cannot be served; 2 when the command line is wrong."
)]
struct Cli {
    /// Port on 127.0.0.1 (0 = any free port).
    #[arg(short, long, default_value_t = 8080)]
    port: u16,
    /// URL prefix the site is mounted under, for a build with `--public-url`.
    #[arg(long, default_value = "/")]
    base: String,
    /// Compress responses with gzip when the browser accepts it, as a CDN would.
    #[arg(long)]
    gzip: bool,
    /// Do not print a line per request.
    #[arg(short, long)]
    quiet: bool,
    /// The built site folder (with index.html).
    dir: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !cli.dir.join("index.html").is_file() {
        eprintln!(
            "warning: {} has no index.html (run `trunk build index.html --release` first?)",
            cli.dir.display()
        );
    }
    let options = Options {
        base: cli.base.clone(),
        gzip: cli.gzip,
    };
    let server = match Server::try_start(cli.dir.clone(), cli.port, &options) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "error: cannot serve {} on 127.0.0.1:{}: {e}",
                cli.dir.display(),
                cli.port
            );
            return ExitCode::FAILURE;
        }
    };
    server.log_requests(!cli.quiet);
    println!(
        "Serving {} at {}  (Ctrl-C to stop)",
        cli.dir.display(),
        server.url()
    );
    loop {
        std::thread::park();
    }
}
