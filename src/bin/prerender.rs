//! `prerender`: write every page of a Minutebook build as HTML (run by Trunk after each
//! build; see Trunk.toml). Needs the `ssr` feature:
//!
//! ```sh
//! cargo run --no-default-features --features ssr --bin prerender -- dist --base /
//! ```

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Pre-render every page the data holds into a built Minutebook folder.
#[derive(Parser)]
#[command(
    version,
    about,
    after_help = "Example:\n  prerender dist --base /meetings/ --today 2022-11-08"
)]
struct Args {
    /// The built folder (Trunk's output, with `index.html` and `data/`).
    dist: PathBuf,
    /// The public URL the site is served under.
    #[arg(long, default_value = "/")]
    base: String,
    /// The date pages are rendered for (YYYY-MM-DD; default: today in Europe/London).
    #[arg(long)]
    today: Option<String>,
}

/// Today in Europe/London: UTC, an hour on in British Summer Time.
fn london_today() -> minutebook_data::Date {
    use chrono::{Datelike, Timelike, Utc};
    let as_date = |d: chrono::NaiveDate| minutebook_data::Date {
        year: d.year(),
        month: d.month() as u8,
        day: d.day() as u8,
    };
    let now = Utc::now();
    let time = minutebook_data::Time {
        hour: now.hour() as u8,
        minute: now.minute() as u8,
    };
    let bst = minutebook_domain::london::is_bst_utc(as_date(now.date_naive()), time);
    as_date((now + chrono::Duration::hours(if bst { 1 } else { 0 })).date_naive())
}

fn main() -> ExitCode {
    let args = Args::parse();
    let today = match args.today.as_deref() {
        Some(s) => match minutebook_data::Date::parse(s) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("prerender: --today {s}: {e}");
                return ExitCode::from(2);
            }
        },
        None => london_today(),
    };
    match minutebook::prerender::run(&args.dist, &args.base, today) {
        Ok(r) => {
            eprintln!(
                "prerender: {} pages and {} downloads, {} bytes in {:.1} s",
                r.pages, r.downloads, r.bytes, r.seconds
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
