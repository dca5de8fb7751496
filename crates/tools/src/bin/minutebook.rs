//! `minutebook` — the publisher's command-line tool (`minutebook --help` for everything).
//!
//! ```text
//! minutebook check <data-dir>                 refuse anything the app would refuse or show wrongly
//! minutebook catalogue <data-dir>             (re)write index.json, decisions/ and attendance/
//! minutebook schema <out-dir>                 write the JSON Schemas
//! minutebook decisions <data-dir>             (re)write decisions/ (also done by `catalogue`)
//! minutebook index <data-dir> <out-dir>       write the search index (see docs/search.md)
//! minutebook feeds <data-dir> <out-dir>       write calendars/<committee>.ics and feeds/<id>.atom
//! minutebook import moderngov <base-url> --council <id> --name <name> <data-dir>
//!                                             import a council from its ModernGov web service
//! ```
//!
//! Exit status: 0 when it worked, 1 when the data were refused or a file could not be
//! written (every problem is printed as `error: ...`), 2 for a usage error; `import` adds 3
//! when every council failed (see its --help).

use clap::{Args, Parser, Subcommand};
use minutebook_tools::{feeds, import};
use std::path::PathBuf;
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Examples:
  minutebook check public/data
  minutebook catalogue public/data
  minutebook index dist/data dist/data/search --docs-per-file 4
  minutebook feeds dist/data dist/data --base /meetings/ --site-url https://council.example
  minutebook schema docs/schema
  minutebook import moderngov https://democracy.gloucester.gov.uk \\
      --council gloucester --name \"Gloucester City Council\" --from 2024-05-01 public/data

From the repository, put `cargo run -q -p minutebook-tools --bin minutebook --` in front.

Exit status: 0 when it worked; 1 when the data were refused or a file could not be
written (each problem is printed as `error: <file> at <JSON path>: ... Fix: ...`);
2 when the command line is wrong. `import` adds 3 when every council failed (see
`minutebook import moderngov --help`).";

/// The publisher's tool for Minutebook data folders (format minutebook/1):
/// check them before publishing, and generate the files the app reads.
#[derive(Parser, Debug)]
#[command(name = "minutebook", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

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
    /// Import committee business from a council's own system into a data folder.
    #[command(subcommand)]
    Import(ImportSource),
}

/// Where to import from.
#[derive(Subcommand, Debug)]
enum ImportSource {
    /// From a council's ModernGov (Civica modern.gov) web service, mgWebService.asmx.
    ///
    /// Fetches the committees, their meetings in each municipal year of the span, and each
    /// meeting's agenda, minutes, decisions, documents and attendance; maps them into
    /// minutebook/1; regenerates index.json, decisions/ and attendance/ (as `minutebook
    /// catalogue` does) and writes only the files that changed, each atomically, and only
    /// when `minutebook check` passes on the result. A run that fails leaves the data folder
    /// as it was. Later runs ask the council only for what changed (conditional requests
    /// backed by the cache folder) and fetch a meeting again while its minutes are
    /// unpublished or it is less than 12 weeks old. See docs/importing.md.
    #[command(after_help = IMPORT_AFTER_HELP)]
    Moderngov(ModernGovArgs),
}

const IMPORT_AFTER_HELP: &str = "\
Examples:
  minutebook import moderngov https://democracy.gloucester.gov.uk \\
      --council gloucester --name \"Gloucester City Council\" --from 2024-05-01 public/data
  minutebook import moderngov https://democracy.gloucester.gov.uk \\
      --council gloucester --name \"Gloucester City Council\" --committee 129 --dry-run public/data
  minutebook import moderngov --config councils.toml --contact data@council.example public/data

councils.toml lists councils as tables; one council's failure never stops the others:
  [[council]]
  base = \"https://democracy.gloucester.gov.uk\"
  id = \"gloucester\"
  name = \"Gloucester City Council\"
  from = \"2024-05-01\"        # optional, as --from; also to, committees = [129],
                               # include_expired = true, councillors = true

Exit status (for scheduled jobs):
  0  every council imported and the data folder passes `minutebook check`
  1  some council failed (the others were imported), or the imported data were
     refused and nothing was written
  2  the command line is wrong
  3  every council failed (network, service switched off or blocked, not XML)";

#[derive(Args, Debug)]
struct ModernGovArgs {
    /// The folder of the council's mg*.aspx pages, e.g. https://democracy.gloucester.gov.uk
    /// (a pasted page address is cut back to it). Not with --config.
    #[arg(value_name = "BASE_URL")]
    base_url: Option<String>,
    /// The data folder to write into (created if missing).
    #[arg(value_name = "DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// The council's id in the data (a-z, 0-9 and -), e.g. gloucester.
    #[arg(long, value_name = "ID")]
    council: Option<String>,
    /// The council's name as it styles itself, e.g. "Gloucester City Council".
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// First meeting date to import [default: 1 May of the previous municipal year].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    from: Option<minutebook_data::Date>,
    /// Last meeting date to import [default: 26 weeks from today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    to: Option<minutebook_data::Date>,
    /// Only this ModernGov committee id (repeat for more) [default: every current committee].
    #[arg(long = "committee", value_name = "ID")]
    committees: Vec<u64>,
    /// Also import committees the council marks expired.
    #[arg(long)]
    include_expired: bool,
    /// Also fetch GetCouncillorsByWard for councillors' full party and ward names (names,
    /// party and ward only: never addresses or telephone numbers).
    #[arg(long)]
    councillors: bool,
    /// Least time between two requests to a council, in milliseconds (0: no throttling).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    throttle_ms: u64,
    /// Give up on a request after this many seconds (it is retried 3 times).
    #[arg(long, value_name = "N", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout_s: u64,
    /// Cache folder for conditional requests [default: ~/.cache/minutebook/moderngov].
    /// Keep it between runs; never put it inside the data folder, which is published.
    #[arg(long, value_name = "DIR")]
    cache: Option<PathBuf>,
    /// Fetch without a cache (every request unconditional).
    #[arg(long, conflicts_with = "cache")]
    no_cache: bool,
    /// Say what would change and write nothing into the data folder.
    #[arg(long)]
    dry_run: bool,
    /// A TOML file listing councils ([[council]] tables); replaces BASE_URL, --council,
    /// --name, --from, --to, --committee, --include-expired and --councillors.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["council", "name", "from", "to", "committees", "include_expired", "councillors"])]
    config: Option<PathBuf>,
    /// An email address or web page for the User-Agent, so a council's web team can reach
    /// whoever runs the import.
    #[arg(long, value_name = "EMAIL_OR_URL")]
    contact: Option<String>,
    /// Count this day as today (for tests and reruns).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, hide = true)]
    today: Option<minutebook_data::Date>,
}

fn parse_date(s: &str) -> Result<minutebook_data::Date, String> {
    minutebook_data::Date::parse(s)
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
    if let Command::Import(ImportSource::Moderngov(args)) = cli.command {
        return run_import(args);
    }
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
        Command::Import(_) => unreachable!("handled in main"),
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

/// A usage error, printed as clap prints its own (exit status 2).
fn usage(msg: &str) -> ExitCode {
    use clap::CommandFactory;
    let mut cli = Cli::command().bin_name("minutebook");
    cli.build();
    let cmd = cli
        .find_subcommand_mut("import")
        .and_then(|c| c.find_subcommand_mut("moderngov"));
    let e = match cmd {
        Some(c) => c.error(clap::error::ErrorKind::MissingRequiredArgument, msg),
        None => Cli::command().error(clap::error::ErrorKind::MissingRequiredArgument, msg),
    };
    let _ = e.print();
    ExitCode::from(import::exit::USAGE)
}

/// The councils and options of `import moderngov`, or a usage error.
fn import_plan(a: ModernGovArgs) -> Result<(Vec<import::CouncilSpec>, import::Options), String> {
    let (councils, data_dir) = match &a.config {
        Some(config) => {
            // With --config, the one positional is the data folder.
            let data_dir = match (a.base_url, a.data_dir) {
                (Some(d), None) => PathBuf::from(d),
                _ => return Err("with --config give only DATA_DIR, not BASE_URL".into()),
            };
            (import::read_config(config)?, data_dir)
        }
        None => {
            let (Some(base), Some(data_dir)) = (a.base_url, a.data_dir) else {
                return Err("give BASE_URL and DATA_DIR (or --config FILE and DATA_DIR)".into());
            };
            let (Some(id), Some(name)) = (a.council, a.name) else {
                return Err("give --council ID and --name NAME for the council".into());
            };
            let spec = import::CouncilSpec {
                base,
                id,
                name,
                committees: a.committees,
                include_expired: a.include_expired,
                from: a.from,
                to: a.to,
                councillors: a.councillors,
            };
            (vec![spec], data_dir)
        }
    };
    for c in &councils {
        minutebook_moderngov::client::normalise_base(&c.base)
            .map_err(|e| format!("council {}: {e}", c.id))?;
        if let Some(p) = minutebook_data::id_problem(&c.id) {
            return Err(format!("council id \"{}\": {p}", c.id));
        }
        if c.name.trim().is_empty() {
            return Err(format!("council {}: the name is empty", c.id));
        }
        if let (Some(f), Some(t)) = (c.from, c.to) {
            if f > t {
                return Err(format!("council {}: --from {f} is after --to {t}", c.id));
            }
        }
    }
    let mut opts = import::Options::new(data_dir);
    opts.throttle = std::time::Duration::from_millis(a.throttle_ms);
    opts.timeout = std::time::Duration::from_secs(a.timeout_s);
    if a.no_cache {
        opts.cache = None;
    } else if let Some(c) = a.cache {
        opts.cache = Some(c);
    }
    opts.dry_run = a.dry_run;
    opts.contact = a.contact;
    if let Some(t) = a.today {
        opts.today = t;
    }
    Ok((councils, opts))
}

fn run_import(a: ModernGovArgs) -> ExitCode {
    let (councils, opts) = match import_plan(a) {
        Ok(p) => p,
        Err(e) => return usage(&e),
    };
    let report = match minutebook_tools::guarded(|| import::run(&councils, &opts)) {
        Ok(r) => r,
        Err(panic) => {
            eprintln!("error: Minutebook stopped unexpectedly ({panic}); the data folder was not changed. Please report this as a Minutebook bug");
            return ExitCode::FAILURE;
        }
    };
    let summary = report.summary();
    let code = report.exit_code();
    if code == import::exit::OK {
        print!("{summary}");
    } else {
        eprint!("{summary}");
    }
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// `minutebook <args>`, parsed.
    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("minutebook").chain(args.iter().copied()))
    }

    /// Each of `cases` is refused as a usage error (exit code 2), as clap refuses it.
    fn assert_usage_errors(cases: &[&[&str]]) {
        for bad in cases {
            let e = parse(bad).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{bad:?}");
        }
    }

    /// The arguments of `minutebook import moderngov <args>`.
    fn moderngov(args: &[&str]) -> ModernGovArgs {
        let cli = parse(&[&["import", "moderngov"], args].concat()).unwrap();
        let Command::Import(ImportSource::Moderngov(a)) = cli.command else {
            panic!("not an import");
        };
        a
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn options_keep_their_old_spelling() {
        let cli = parse(&["feeds", "d", "o", "--base", "", "--site-url", ""]).unwrap();
        assert!(matches!(cli.command, Command::Feeds(ref a) if a.base.as_deref() == Some("")));
        let cli = parse(&[
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
        assert_usage_errors(&[
            &["index", "d", "o", "--docs-per-file", "0"],
            &["check"],
            &["check", "a", "b"],
            &["frobnicate"],
        ]);
    }

    #[test]
    fn import_moderngov_parses_as_documented() {
        let a = moderngov(&[
            "https://democracy.gloucester.gov.uk",
            "--council",
            "gloucester",
            "--name",
            "Gloucester City Council",
            "--from",
            "2024-05-01",
            "--committee",
            "129",
            "--committee",
            "130",
            "--throttle-ms",
            "0",
            "--dry-run",
            "public/data",
        ]);
        assert_eq!(a.committees, vec![129, 130]);
        assert!(a.dry_run);
        let (councils, opts) = import_plan(a).unwrap();
        assert_eq!(councils[0].id, "gloucester");
        assert_eq!(councils[0].from, minutebook_data::Date::new(2024, 5, 1));
        assert_eq!(opts.throttle, std::time::Duration::ZERO);
        assert_eq!(opts.data_dir, PathBuf::from("public/data"));

        // With --config the one positional is the data folder.
        let a = moderngov(&["--config", "councils.toml", "public/data"]);
        assert_eq!(a.base_url.as_deref(), Some("public/data"));
        assert!(a.data_dir.is_none());

        assert_usage_errors(&[
            &["import", "moderngov", "u", "d", "--from", "2024-5-1"],
            &[
                "import",
                "moderngov",
                "--config",
                "c",
                "--council",
                "x",
                "d",
            ],
            &["import", "moderngov", "u", "d", "--committee", "abc"],
            &["import", "elsewhere", "u", "d"],
        ]);
        // Parsed, but incomplete: a usage error from the plan.
        let a = moderngov(&["u", "d"]);
        assert!(import_plan(a).unwrap_err().contains("--council"));
        let a = moderngov(&[
            "democracy.gloucester.gov.uk",
            "d",
            "--council",
            "g",
            "--name",
            "G",
        ]);
        assert!(import_plan(a).unwrap_err().contains("is not a web address"));
    }
}
