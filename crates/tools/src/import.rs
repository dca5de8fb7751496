//! `minutebook import moderngov`: fetch one or more councils' committee business from their
//! ModernGov web service and write it into a data folder as `minutebook/1` files.
//!
//! The walk (SPEC.md §5): GetCommittees → GetMeetings per committee per municipal year
//! (1 May–30 April) of the requested span → GetMeeting for each meeting not yet imported,
//! and again for one whose minutes are unpublished or that is recent, since minutes and
//! decisions appear weeks after a meeting. Every request after the first run is conditional
//! (the client's cache), so an unchanged council costs a 304 per document.
//!
//! Safety: the walk only reads the data folder. The files whose bytes differ are staged in
//! a copy of it, the existing catalogue tool regenerates index.json, decisions/ and
//! attendance/ there and `check` must pass on it; only then are the changed files written
//! into the data folder, each atomically (temporary file + rename). A failure anywhere
//! before that leaves the data folder as it was. When nothing differs, `check` runs on the
//! folder as it is and nothing is copied. One council's failure never stops the others.

mod stage;
mod walk;

pub use walk::{refetch, windows};

use minutebook_data::Date;
use minutebook_domain::dates;
use minutebook_moderngov::client;
use serde::Deserialize;
use stage::{Folder, Stage};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One council to import (from the command line or a `[[council]]` of the config file).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CouncilSpec {
    /// The folder of the council's `mg*.aspx` pages, e.g. https://democracy.gloucester.gov.uk.
    pub base: String,
    /// The council's id in the data, e.g. `gloucester`.
    pub id: String,
    /// The council's name as it styles itself.
    pub name: String,
    /// Only these ModernGov committee ids (all current committees when empty).
    #[serde(default)]
    pub committees: Vec<u64>,
    /// Also committees the council marks expired.
    #[serde(default)]
    pub include_expired: bool,
    #[serde(default, deserialize_with = "opt_date")]
    pub from: Option<Date>,
    #[serde(default, deserialize_with = "opt_date")]
    pub to: Option<Date>,
    /// Also fetch GetCouncillorsByWard, for councillors' full party and ward names.
    #[serde(default)]
    pub councillors: bool,
}

fn opt_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    s.map(|s| Date::parse(&s).map_err(serde::de::Error::custom))
        .transpose()
}

/// `councils.toml`: `[[council]]` tables with the fields of [`CouncilSpec`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    council: Vec<CouncilSpec>,
}

/// Read a config file listing councils.
pub fn read_config(path: &Path) -> Result<Vec<CouncilSpec>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let cfg: ConfigFile = toml::from_str(&text).map_err(|e| {
        format!(
            "{}: {e}Fix: list councils as [[council]] tables with base, id and name (docs/importing.md)",
            path.display()
        )
    })?;
    if cfg.council.is_empty() {
        return Err(format!("{}: no [[council]] listed", path.display()));
    }
    Ok(cfg.council)
}

/// How the run behaves.
#[derive(Clone, Debug)]
pub struct Options {
    pub data_dir: PathBuf,
    /// Least time between two requests to one council (zero: no throttling).
    pub throttle: Duration,
    pub timeout: Duration,
    /// Further attempts after a 5xx, a time-out or a broken connection, and the first wait
    /// (it doubles).
    pub retries: u32,
    pub backoff: Duration,
    /// Raw documents and their validators, for conditional requests next time.
    pub cache: Option<PathBuf>,
    pub dry_run: bool,
    /// An email address or web page for the User-Agent, so a council can reach the operator.
    pub contact: Option<String>,
    /// The day the run counts as "today" (what is recent, what default window).
    pub today: Date,
    /// A meeting this recent is fetched again even when its minutes are published.
    pub recent_days: i64,
    /// Draw a progress bar on stderr (it hides itself when stderr is not a terminal).
    pub progress: bool,
}

impl Options {
    pub fn new(data_dir: PathBuf) -> Options {
        Options {
            data_dir,
            throttle: Duration::from_secs(1),
            timeout: Duration::from_secs(60),
            retries: 3,
            backoff: Duration::from_secs(2),
            cache: default_cache(),
            dry_run: false,
            contact: None,
            today: today(),
            recent_days: 12 * 7,
            progress: true,
        }
    }
}

/// `$XDG_CACHE_HOME/minutebook/moderngov`, else `~/.cache/minutebook/moderngov`: never
/// inside the data folder, which is published.
pub fn default_cache() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("minutebook").join("moderngov"))
}

/// Today's date (UTC; a day either side of midnight changes nothing that matters here).
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    dates::date_from_days((secs / 86_400) as i64)
}

/// What happened to one council.
#[derive(Debug, Default)]
pub struct CouncilReport {
    pub id: String,
    pub base: String,
    pub committees: usize,
    pub meetings_new: usize,
    pub meetings_changed: usize,
    pub meetings_unchanged: usize,
    pub items: usize,
    /// Warnings by kind, each with what it is about (a URL or a file).
    pub warnings: BTreeMap<String, Vec<String>>,
    /// Why the council could not be imported at all.
    pub failed: Option<String>,
    pub requests: client::Stats,
}

impl CouncilReport {
    fn warn(&mut self, kind: &str, what: String) {
        self.warnings
            .entry(kind.to_string())
            .or_default()
            .push(what);
    }
}

/// What the whole run did.
#[derive(Debug, Default)]
pub struct Report {
    pub councils: Vec<CouncilReport>,
    /// Data-folder files written (or, on a dry run, that would be), relative to it.
    pub written: Vec<String>,
    /// Files removed (generated files nothing generates any more).
    pub removed: Vec<String>,
    /// Why nothing was written: the staged data were refused.
    pub refused: Vec<String>,
    pub dry_run: bool,
}

/// Exit statuses a scheduled job can act on.
pub mod exit {
    /// Everything imported and the data folder passes `minutebook check`.
    pub const OK: u8 = 0;
    /// Some council failed (the others were imported), or the data were refused and
    /// nothing was written.
    pub const PARTIAL: u8 = 1;
    /// The command line is wrong (clap's own status).
    pub const USAGE: u8 = 2;
    /// Every council failed: the network, the service or its answers.
    pub const ALL_FAILED: u8 = 3;
}

impl Report {
    /// The exit status for this run.
    pub fn exit_code(&self) -> u8 {
        let failed = self.councils.iter().filter(|c| c.failed.is_some()).count();
        if !self.councils.is_empty() && failed == self.councils.len() {
            exit::ALL_FAILED
        } else if failed > 0 || !self.refused.is_empty() {
            exit::PARTIAL
        } else {
            exit::OK
        }
    }

    /// The summary printed at the end.
    pub fn summary(&self) -> String {
        let mut s = String::new();
        for c in &self.councils {
            s.push_str(&format!("{} ({}):", c.base, c.id));
            if let Some(f) = &c.failed {
                s.push_str(&format!(" FAILED: {f}\n"));
            } else {
                s.push_str(&format!(
                    " {} committee{}; meetings {} new, {} changed, {} unchanged; {} agenda items\n",
                    c.committees,
                    plural(c.committees),
                    c.meetings_new,
                    c.meetings_changed,
                    c.meetings_unchanged,
                    c.items
                ));
            }
            let r = c.requests;
            s.push_str(&format!(
                "  {} requests ({} conditional, {} answered 304 Not Modified, {} retries)\n",
                r.requests, r.conditional, r.not_modified, r.retries
            ));
            for (kind, list) in &c.warnings {
                s.push_str(&format!("  warning {kind}: {} ({})\n", list.len(), c.base));
                for w in list.iter().take(5) {
                    s.push_str(&format!("    {w}\n"));
                }
                if list.len() > 5 {
                    s.push_str(&format!("    … and {} more\n", list.len() - 5));
                }
            }
        }
        if !self.councils.is_empty() && self.councils.iter().all(|c| c.failed.is_some()) {
            s.push_str("Nothing was written: every council failed.\n");
        } else if !self.refused.is_empty() {
            s.push_str("The data would not pass `minutebook check`, so nothing was written:\n");
            for e in &self.refused {
                s.push_str(&format!("  error: {e}\n"));
            }
        } else {
            let verb = if self.dry_run { "would write" } else { "wrote" };
            s.push_str(&format!(
                "{verb} {} file{}{}",
                self.written.len(),
                plural(self.written.len()),
                if self.removed.is_empty() {
                    String::new()
                } else {
                    format!(
                        " and {} {} file{}",
                        if self.dry_run {
                            "would remove"
                        } else {
                            "removed"
                        },
                        self.removed.len(),
                        plural(self.removed.len())
                    )
                }
            ));
            if self.dry_run {
                s.push_str(" (dry run: nothing written)");
            }
            // Every file on a dry run (that is what it is for); the first 20 otherwise.
            let lines: Vec<String> = (self.written.iter().map(|f| f.to_string()))
                .chain(self.removed.iter().map(|f| format!("remove {f}")))
                .collect();
            let shown = if self.dry_run { lines.len() } else { 20 };
            for l in lines.iter().take(shown) {
                s.push_str(&format!("\n  {l}"));
            }
            if lines.len() > shown {
                s.push_str(&format!("\n  … and {} more", lines.len() - shown));
            }
            s.push('\n');
        }
        s
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Import every council into `opts.data_dir`. Never panics on what a server sends; a
/// council that fails is reported and the others go on.
pub fn run(councils: &[CouncilSpec], opts: &Options) -> Report {
    let mut report = Report {
        dry_run: opts.dry_run,
        ..Report::default()
    };
    let data = Folder::new(&opts.data_dir);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for spec in councils {
        let (council_report, council_files) = walk::import_council(spec, opts, &data);
        if council_report.failed.is_none() {
            files.extend(council_files);
        }
        report.councils.push(council_report);
    }
    if report.councils.iter().all(|c| c.failed.is_some()) {
        return report;
    }
    let changed: Vec<&(String, Vec<u8>)> = files
        .iter()
        .filter(|(rel, bytes)| data.read(rel).as_deref() != Some(bytes.as_slice()))
        .collect();
    if changed.is_empty() {
        // Nothing imported differs from what is there: the folder must still pass.
        if let Err(e) = crate::check(&opts.data_dir) {
            report.refused = e;
        }
        return report;
    }
    let stage = match Stage::copy_of(&opts.data_dir) {
        Ok(s) => s,
        Err(e) => {
            report.refused.push(e);
            return report;
        }
    };
    for (rel, bytes) in changed {
        if let Err(e) = stage.put(rel, bytes) {
            report.refused.push(e);
            return report;
        }
    }
    // The tools that already exist, on the staged folder: what `minutebook catalogue` runs.
    if let Err(e) = crate::write_catalogue(stage.path()) {
        report.refused = e;
        return report;
    }
    if let Err(e) = crate::check(stage.path()) {
        report.refused = e;
        return report;
    }
    match stage.sync_into(&opts.data_dir, opts.dry_run) {
        Ok((written, removed)) => {
            report.written = written;
            report.removed = removed;
        }
        Err(e) => report.refused.push(e),
    }
    report
}
