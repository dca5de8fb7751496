//! `minutebook` — the publisher's command-line tool (`minutebook --help` for everything).
//!
//! ```text
//! minutebook check <data-dir>                 refuse anything the app would refuse or show wrongly
//! minutebook catalogue <data-dir>             (re)write index.json, decisions/ and attendance/
//! minutebook schema <out-dir>                 write the JSON Schemas
//! minutebook decisions <data-dir>             (re)write decisions/ (also done by `catalogue`)
//! minutebook index <data-dir> <out-dir>       write the search index (see docs/search.md)
//! minutebook feeds <data-dir> <out-dir>       write calendars/<committee>.ics and feeds/<id>.atom
//! ```
//!
//! Exit status: 0 when it worked, 1 when the data were refused or a file could not be
//! written (every problem is printed as `error: ...`), 2 for a usage error.

use clap::{Args, Parser, Subcommand};
use minutebook_tools::feeds;
use std::path::PathBuf;
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Examples:
  minutebook check public/data
  minutebook catalogue public/data
  minutebook index dist/data dist/data/search --docs-per-file 4
  minutebook feeds dist/data dist/data --base /meetings/ --site-url https://council.example
  minutebook schema docs/schema

From the repository, put `cargo run -q -p minutebook-tools --bin minutebook --` in front.

Exit status: 0 when it worked; 1 when the data were refused or a file could not be
written (each problem is printed as `error: <file> at <JSON path>: ... Fix: ...`);
2 when the command line is wrong.";

/// The publisher's tool for Minutebook data folders (format minutebook/1):
/// check them before publishing, and generate the files the app reads.
#[derive(Parser, Debug)]
#[command(name = "minutebook", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Room for more: e.g. a future `import` subcommand is one more variant here and one more
// arm in `run`.
#[derive(Subcommand, Debug)]
enum Command {
    /// Refuse anything the app would refuse or show wrongly; run it before publishing.
    ///
    /// Reads every file as the app does, plus the publishing rules (ids in a-z, 0-9 and
    /// "-", unique where they must be; dates 1900-2200; figures within 1e12), regenerates
    /// index.json, decisions/ and attendance/ and refuses them when they differ from the
    /// files on disk or when the app would refuse them. Every problem names the file,
    /// the JSON path and the fix. theme.json settings the app would adjust are warnings.
    #[command(after_help = "Example:\n  minutebook check public/data")]
    Check(DataDir),
    /// (Re)write index.json, decisions/ and attendance/ from the other files.
    ///
    /// Nothing is written when the data are refused or when the app would refuse a
    /// generated file.
    #[command(after_help = "Example:\n  minutebook catalogue public/data")]
    Catalogue(DataDir),
    /// Write the JSON Schema of every published file type into a folder.
    #[command(after_help = "Example:\n  minutebook schema docs/schema")]
    Schema {
        /// Folder to write the *.schema.json files into (created if missing).
        out_dir: PathBuf,
    },
    /// (Re)write decisions/ only (`catalogue` does this too).
    #[command(after_help = "Example:\n  minutebook decisions public/data")]
    Decisions(DataDir),
    /// Write the search index of a data folder (see docs/search.md).
    ///
    /// Replaces the t/ and d/ folders and the manifest in the output folder, and nothing else.
    #[command(
        after_help = "Examples:\n  minutebook index public/data public/data/search\n  minutebook index dist/data dist/data/search --docs-per-file 4 --max-shard-kb 64"
    )]
    Index(IndexArgs),
    /// Write calendars/<committee>.ics and feeds/<committee or council>.atom.
    ///
    /// Empty option values are ignored, so a build hook can pass
    /// `--site-url "$MINUTEBOOK_SITE_URL"` whether or not it is set.
    #[command(
        after_help = "Examples:\n  minutebook feeds dist/data dist/data\n  minutebook feeds dist/data dist/data --base /meetings/ --site-url https://council.example"
    )]
    Feeds(FeedsArgs),
}

#[derive(Args, Debug)]
struct DataDir {
    /// The data folder: index.json, councils/, meetings/ and the rest.
    data_dir: PathBuf,
}

#[derive(Args, Debug)]
struct IndexArgs {
    /// The data folder to index.
    data_dir: PathBuf,
    /// Folder to write the index into, e.g. <data-dir>/search.
    out_dir: PathBuf,
    /// Records per document file (1: a result costs exactly its own record).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    docs_per_file: Option<u32>,
    /// Term shards hold consecutive terms up to about this many kilobytes.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_048_576))]
    max_shard_kb: Option<u32>,
}

#[derive(Args, Debug)]
struct FeedsArgs {
    /// The data folder.
    data_dir: PathBuf,
    /// Folder to write calendars/ and feeds/ into (usually the data folder).
    out_dir: PathBuf,
    /// The path the site is served under, e.g. /meetings/ (Trunk's public URL).
    #[arg(long, value_name = "PATH")]
    base: Option<String>,
    /// The site's address, for absolute links in feeds, e.g. https://council.example.
    #[arg(long, value_name = "URL")]
    site_url: Option<String>,
}

fn main() -> ExitCode {
    // Usage errors, --help and --version: clap prints them and exits (2 for errors).
    let cli = Cli::parse();
    minutebook_tools::quiet_panics();
    let result = minutebook_tools::guarded(|| run(cli.command)).unwrap_or_else(|panic| {
        Err(vec![format!(
            "Minutebook stopped unexpectedly ({panic}). Please report this as a Minutebook bug, with the data folder"
        )])
    });
    match result {
        Ok(msg) => {
            println!("{msg}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in errors {
                eprintln!("error: {e}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<String, Vec<String>> {
    match command {
        Command::Check(d) => minutebook_tools::check(&d.data_dir),
        Command::Catalogue(d) => minutebook_tools::write_catalogue(&d.data_dir),
        Command::Schema { out_dir } => minutebook_tools::write_schemas(&out_dir),
        Command::Decisions(d) => minutebook_tools::decisions::write(&d.data_dir)
            .map(|w| format!("wrote {}", w.join(", "))),
        Command::Index(a) => {
            let mut o = minutebook_search::build::Options::default();
            if let Some(n) = a.docs_per_file {
                o.docs_per_file = n;
            }
            if let Some(kb) = a.max_shard_kb {
                // At most 1 GiB (the parser's range), so this fits.
                o.max_shard_bytes = kb as usize * 1024;
            }
            minutebook_tools::index::run(&a.data_dir, &a.out_dir, &o)
        }
        Command::Feeds(a) => {
            let site =
                feeds::Site::new(a.base.as_deref(), a.site_url.as_deref()).map_err(|e| vec![e])?;
            let written = feeds::write(&a.data_dir, &a.out_dir, &site)?;
            Ok(format!(
                "wrote {} calendars and feeds to {}",
                written.len(),
                a.out_dir.display()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn options_keep_their_old_spelling() {
        let cli = Cli::try_parse_from([
            "minutebook",
            "feeds",
            "d",
            "o",
            "--base",
            "",
            "--site-url",
            "",
        ])
        .unwrap();
        assert!(matches!(cli.command, Command::Feeds(ref a) if a.base.as_deref() == Some("")));
        let cli = Cli::try_parse_from([
            "minutebook",
            "index",
            "d",
            "o",
            "--docs-per-file",
            "4",
            "--max-shard-kb",
            "64",
        ])
        .unwrap();
        assert!(matches!(
            cli.command,
            Command::Index(IndexArgs {
                docs_per_file: Some(4),
                max_shard_kb: Some(64),
                ..
            })
        ));
        for bad in [
            vec!["minutebook", "index", "d", "o", "--docs-per-file", "0"],
            vec!["minutebook", "check"],
            vec!["minutebook", "check", "a", "b"],
            vec!["minutebook", "frobnicate"],
        ] {
            let e = Cli::try_parse_from(&bad).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{bad:?}");
        }
    }
}
