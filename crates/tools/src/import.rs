//! `minutebook import moderngov`: fetch one or more councils' committee business from their
//! ModernGov web service and write it into a data folder as `minutebook/1` files.
//!
//! The walk (SPEC.md §5): GetCommittees → GetMeetings per committee per municipal year
//! (1 May–30 April) of the requested span → GetMeeting for each meeting not yet imported,
//! and again for one whose minutes are unpublished or that is recent, since minutes and
//! decisions appear weeks after a meeting. Every request after the first run is conditional
//! (the client's cache), so an unchanged council costs a 304 per document.
//!
//! Safety: everything is staged in a copy of the data folder, the existing catalogue tool
//! regenerates index.json, decisions/ and attendance/ there and `check` must pass on it;
//! only then are the files whose bytes changed written into the data folder, each
//! atomically (temporary file + rename). A failure anywhere before that leaves the data
//! folder as it was. One council's failure never stops the others.

use minutebook_data::{
    paths, Committee, CouncilFile, Date, Meeting, MinutesStatus, PeopleRegister, FORMAT,
};
use minutebook_domain::dates;
use minutebook_moderngov::client::{self, Client, Config};
use minutebook_moderngov::{map, xml};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
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
            s.push_str("The imported data were refused, so nothing was written:\n");
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
    let stage = match Stage::copy_of(&opts.data_dir) {
        Ok(s) => s,
        Err(e) => {
            report.refused.push(e);
            return report;
        }
    };
    for spec in councils {
        let (council_report, files) = import_council(spec, opts, &stage);
        if council_report.failed.is_none() {
            for (rel, bytes) in files {
                if let Err(e) = stage.put(&rel, &bytes) {
                    report.refused.push(e);
                }
            }
        }
        report.councils.push(council_report);
    }
    if !report.refused.is_empty() || report.councils.iter().all(|c| c.failed.is_some()) {
        return report;
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

/// The meetings of `spec` already in the data: ModernGov meeting id → meeting.
fn existing_meetings(stage: &Stage, council: &str) -> BTreeMap<String, Meeting> {
    let committees: BTreeSet<String> = stage
        .read_council(council)
        .map(|c| c.committees.into_iter().map(|c| c.id).collect())
        .unwrap_or_default();
    let mut out = BTreeMap::new();
    for m in stage.read_meetings() {
        if let (true, Some(src)) = (committees.contains(&m.committee), m.source_id.clone()) {
            out.insert(src, m);
        }
    }
    out
}

/// The municipal years (1 May–30 April) that cover `from`..=`to`, clipped to it.
pub fn windows(from: Date, to: Date) -> Vec<(Date, Date)> {
    let mut out = Vec::new();
    if from > to {
        return out;
    }
    for y in dates::municipal_year(from)..=dates::municipal_year(to) {
        let (Some(start), Some(end)) = (Date::new(y, 5, 1), Date::new(y + 1, 4, 30)) else {
            continue;
        };
        out.push((start.max(from), end.min(to)));
    }
    out
}

fn days(d: Date) -> i64 {
    dates::days_from_epoch(d)
}

/// Whether an imported meeting must be fetched again: its minutes (or decisions) are not
/// out yet, or it is recent enough that they may still change.
pub fn refetch(m: &Meeting, today: Date, recent_days: i64) -> bool {
    m.minutes == MinutesStatus::NotPublished
        || m.decisions_published == Some(false)
        || days(m.date) >= days(today) - recent_days
}

/// Serialise as the other tools write: pretty JSON and a final newline.
fn to_json<T: serde::Serialize>(v: &T) -> Vec<u8> {
    let mut s = serde_json::to_vec_pretty(v).unwrap_or_default();
    s.push(b'\n');
    s
}

fn import_council(
    spec: &CouncilSpec,
    opts: &Options,
    stage: &Stage,
) -> (CouncilReport, Vec<(String, Vec<u8>)>) {
    let mut report = CouncilReport {
        id: spec.id.clone(),
        base: spec.base.clone(),
        ..CouncilReport::default()
    };
    let mut config = match Config::new(&spec.base) {
        Ok(c) => c,
        Err(e) => {
            report.failed = Some(e);
            return (report, Vec::new());
        }
    };
    report.base = config.base.clone();
    config.user_agent = client::user_agent(opts.contact.as_deref());
    config.throttle = opts.throttle;
    config.timeout = opts.timeout;
    config.retries = opts.retries;
    config.backoff = opts.backoff;
    config.cache = opts.cache.clone();
    let client = Client::new(config);
    let files = match walk(spec, opts, stage, &client, &mut report) {
        Ok(files) => files,
        Err(e) => {
            report.failed = Some(e);
            Vec::new()
        }
    };
    report.requests = client.stats();
    (report, files)
}

/// The walk for one council; `Err` when nothing can be imported from it.
fn walk(
    spec: &CouncilSpec,
    opts: &Options,
    stage: &Stage,
    client: &Client,
    report: &mut CouncilReport,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let cfg = map::CouncilConfig::new(&spec.id, &spec.name, &client.config().base);
    let committees_url = client.url("GetCommittees", &[]);
    let listed = client
        .committees()
        .and_then(|f| f.read(xml::parse_committees))
        .map_err(|e| e.to_string())?;
    let mapped = map::map_committees(&cfg, &listed);
    for w in &mapped.warnings {
        report.warn(w.kind.label(), format!("{committees_url}: {w}"));
    }
    let source = |c: &Committee| c.source_id.as_deref().and_then(|s| s.parse::<u64>().ok());
    let wanted: Vec<&Committee> = mapped
        .committees
        .iter()
        .filter(|c| match source(c) {
            None => false,
            Some(id) if !spec.committees.is_empty() => spec.committees.contains(&id),
            Some(_) => spec.include_expired || c.expired != Some(true),
        })
        .collect();
    for id in &spec.committees {
        if !wanted.iter().any(|c| source(c) == Some(*id)) {
            report.warn(
                "committees asked for but not listed",
                format!("{committees_url}: committee {id} is not listed (or is deleted)"),
            );
        }
    }
    if wanted.is_empty() {
        return Err(format!(
            "{committees_url} lists no committee to import (check --committee and --include-expired)"
        ));
    }
    report.committees = wanted.len();
    let today = opts.today;
    let from = spec
        .from
        .unwrap_or_else(|| Date::new(dates::municipal_year(today) - 1, 5, 1).unwrap_or(today));
    let to = spec
        .to
        .unwrap_or_else(|| dates::date_from_days(days(today) + 26 * 7));
    let existing = existing_meetings(stage, &spec.id);

    // The meetings to fetch, committee by committee, found window by window.
    let mut plan: Vec<(&Committee, xml::MeetingStub, String)> = Vec::new();
    for committee in &wanted {
        let Some(cid) = source(committee) else {
            continue;
        };
        let mut stubs: Vec<xml::MeetingStub> = Vec::new();
        for (start, end) in windows(from, to) {
            let listed = match client
                .meetings(cid as i64, start, end)
                .and_then(|f| f.read(xml::parse_meetings))
            {
                Ok(l) => l,
                Err(e) => {
                    report.warn("meeting lists that could not be fetched", e.to_string());
                    continue;
                }
            };
            let url = client.url("GetMeetings", &[("lCommitteeId", cid.to_string())]);
            for r in &listed.rejected {
                let which = r.id.map_or("a meeting".into(), |i| format!("meeting {i}"));
                report.warn(
                    map::WarningKind::Rejected.label(),
                    format!("{url}: {which} left out: {}", r.problem),
                );
            }
            // The window again, client-side: some installs ignore it (SPEC §4.2).
            for stub in listed.meetings {
                let other_committee = stub.committee_id.is_some_and(|c| c != cid);
                if stub.date < start || stub.date > end || other_committee {
                    continue;
                }
                if !stubs.iter().any(|s| s.id == stub.id) {
                    stubs.push(stub);
                }
            }
        }
        let ids = map::meeting_ids(&committee.id, stubs.iter().map(|s| (s.id, s.date)));
        for stub in stubs {
            // A meeting already imported keeps its id, whatever else is listed that day.
            let id = match existing.get(&stub.id.to_string()) {
                Some(old) => old.id.clone(),
                None => ids
                    .get(&stub.id)
                    .cloned()
                    .unwrap_or_else(|| map::meeting_id(&committee.id, stub.date)),
            };
            plan.push((committee, stub, id));
        }
    }

    let progress = progress_bar(opts, plan.len() as u64, &report.base);
    let mut outputs: Vec<(String, Vec<u8>)> = Vec::new();
    let mut fetched_meetings: Vec<(String, xml::MgMeeting)> = Vec::new();
    for (committee, stub, id) in &plan {
        progress.inc(1);
        if let Some(old) = existing.get(&stub.id.to_string()) {
            if !refetch(old, today, opts.recent_days) {
                report.meetings_unchanged += 1;
                report.items += old.items.len();
                continue;
            }
        }
        let fetched = match client.meeting(stub.id as i64) {
            Ok(f) => f,
            Err(e) => {
                report.warn("meetings that could not be fetched", e.to_string());
                continue;
            }
        };
        let mg = match fetched.read(xml::parse_meeting) {
            Ok(m) => m,
            Err(e) => {
                report.warn("meetings that could not be read", e.to_string());
                continue;
            }
        };
        let mapped = match map::map_meeting(&cfg, committee, &mg, id, today) {
            Ok(m) => m,
            Err(w) => {
                report.warn(w.kind.label(), format!("{}: {w}", fetched.url));
                continue;
            }
        };
        for w in &mapped.warnings {
            report.warn(w.kind.label(), format!("{}: {w}", fetched.url));
        }
        let meeting = mapped.meeting;
        let rel = paths::meeting(&meeting.id);
        let bytes = to_json(&meeting);
        report.items += meeting.items.len();
        match stage.read(&rel) {
            None => report.meetings_new += 1,
            Some(b) if b == bytes => report.meetings_unchanged += 1,
            Some(_) => report.meetings_changed += 1,
        }
        outputs.push((rel, bytes));
        fetched_meetings.push((committee.id.clone(), mg));
    }
    progress.finish_and_clear();

    // Names, party and ward only: the reader never keeps addresses or telephone numbers.
    let councillors = if spec.councillors {
        match client
            .councillors_by_ward()
            .and_then(|f| f.read(xml::parse_councillors))
        {
            Ok(c) => c,
            Err(e) => {
                report.warn("councillor lists that could not be fetched", e.to_string());
                Vec::new()
            }
        }
    } else {
        Vec::new()
    };
    let people_rel = paths::people(&spec.id);
    let old_people = stage
        .read(&people_rel)
        .and_then(|b| minutebook_data::parse_bytes::<PeopleRegister>(&people_rel, &b).ok());
    let attendees = fetched_meetings.iter().flat_map(|(_, m)| &m.attendees);
    if old_people.is_some()
        || fetched_meetings
            .iter()
            .any(|(_, m)| !m.attendees.is_empty())
    {
        let (register, warnings) =
            map::people_register(&cfg, attendees, &councillors, old_people.as_ref());
        for w in &warnings {
            report.warn(w.kind.label(), format!("{}: {w}", report.base.clone()));
        }
        if !register.people.is_empty() {
            outputs.push((people_rel, to_json(&register)));
        }
    }
    let council = council_file(
        &cfg,
        &wanted,
        &fetched_meetings,
        today,
        stage.read_council(&spec.id),
    );
    outputs.push((paths_council(&spec.id), to_json(&council)));
    Ok(outputs)
}

/// The council file: the council from the flags, the imported committees, and any
/// committee already in the file that this import does not cover (kept as it is). A
/// committee's membership is the members listed for its latest meeting held that this run
/// fetched, labelled as such; otherwise what the file already had.
fn council_file(
    cfg: &map::CouncilConfig,
    wanted: &[&Committee],
    fetched: &[(String, xml::MgMeeting)],
    today: Date,
    existing: Option<CouncilFile>,
) -> CouncilFile {
    let mut council = map::council(cfg);
    let old_committees = existing
        .as_ref()
        .map(|f| f.committees.clone())
        .unwrap_or_default();
    if let Some(old) = &existing {
        council.address = old.council.address.clone();
    }
    let mut committees: Vec<Committee> = Vec::new();
    for c in wanted {
        let mut c = (*c).clone();
        let latest = fetched
            .iter()
            .filter(|(cid, m)| *cid == c.id && m.date <= today && !m.attendees.is_empty())
            .max_by_key(|(_, m)| m.date);
        let old = old_committees.iter().find(|o| o.id == c.id);
        if let Some((_, m)) = latest {
            let (members, source) = map::membership_from(m);
            if !members.is_empty() {
                c.membership = members;
                c.membership_source = Some(source);
            }
        } else if let Some(old) = old {
            c.membership = old.membership.clone();
            c.membership_source = old.membership_source.clone();
        }
        if let Some(old) = old {
            // What a person added by hand (remit, contact) stays.
            if c.remit.is_empty() {
                c.remit = old.remit.clone();
                c.remit_source = old.remit_source.clone();
            }
            c.contact = c.contact.or_else(|| old.contact.clone());
        }
        committees.push(c);
    }
    for old in old_committees {
        if !committees.iter().any(|c| c.id == old.id) {
            committees.push(old);
        }
    }
    CouncilFile {
        format: FORMAT.to_string(),
        council,
        committees,
    }
}

fn paths_council(id: &str) -> String {
    format!("councils/{id}.json")
}

fn progress_bar(opts: &Options, len: u64, base: &str) -> indicatif::ProgressBar {
    if !opts.progress || len < 20 {
        return indicatif::ProgressBar::hidden();
    }
    // Hidden by indicatif itself when stderr is not a terminal (a scheduled job's log).
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{msg} [{bar:30}] {pos}/{len} meetings, about {eta} left",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(base.to_string());
    bar
}

// ---- staging ----

/// A copy of the data folder that the run writes into and checks before anything reaches
/// the real one.
struct Stage {
    dir: tempfile::TempDir,
}

impl Stage {
    fn copy_of(data: &Path) -> Result<Stage, String> {
        let dir = tempfile::Builder::new()
            .prefix("minutebook-import-")
            .tempdir()
            .map_err(|e| format!("cannot make a staging folder: {e}"))?;
        if data.exists() {
            copy_tree(data, dir.path())?;
        }
        for sub in ["councils", "meetings"] {
            fs::create_dir_all(dir.path().join(sub)).map_err(|e| format!("staging folder: {e}"))?;
        }
        Ok(Stage { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn read(&self, rel: &str) -> Option<Vec<u8>> {
        fs::read(self.path().join(rel)).ok()
    }

    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        let p = self.path().join(rel);
        if fs::read(&p).ok().as_deref() == Some(bytes) {
            return Ok(());
        }
        if let Some(d) = p.parent() {
            fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
        }
        fs::write(&p, bytes).map_err(|e| format!("{}: {e}", p.display()))
    }

    fn read_council(&self, id: &str) -> Option<CouncilFile> {
        let rel = paths_council(id);
        minutebook_data::parse_bytes::<CouncilFile>(&rel, &self.read(&rel)?).ok()
    }

    fn read_meetings(&self) -> Vec<Meeting> {
        let Ok(entries) = fs::read_dir(self.path().join("meetings")) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|e| {
                let bytes = fs::read(e.path()).ok()?;
                minutebook_data::parse_bytes::<Meeting>("meeting", &bytes).ok()
            })
            .collect()
    }

    /// Write into `data` every file whose bytes differ and remove every file the stage no
    /// longer has; `dry_run` only lists them. Returns (written, removed), relative paths.
    fn sync_into(&self, data: &Path, dry_run: bool) -> Result<(Vec<String>, Vec<String>), String> {
        let mut staged = Vec::new();
        list_files(self.path(), self.path(), &mut staged);
        let mut present = Vec::new();
        if data.exists() {
            list_files(data, data, &mut present);
        }
        let mut written = Vec::new();
        for rel in &staged {
            let new = fs::read(self.path().join(rel)).map_err(|e| format!("{rel}: {e}"))?;
            if fs::read(data.join(rel)).ok().as_deref() == Some(new.as_slice()) {
                continue;
            }
            if !dry_run {
                client::write_atomically(&data.join(rel), &new).map_err(|e| e.to_string())?;
            }
            written.push(rel.clone());
        }
        let staged: BTreeSet<&String> = staged.iter().collect();
        let mut removed = Vec::new();
        for rel in present.iter().filter(|r| !staged.contains(r)) {
            if !dry_run {
                let p = data.join(rel);
                fs::remove_file(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            }
            removed.push(rel.clone());
        }
        Ok((written, removed))
    }
}

/// Files under `dir` (relative to `root`, `/`-separated), skipping hidden entries.
fn list_files(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let p = e.path();
        if p.is_dir() {
            list_files(&p, root, out);
        } else if let Ok(rel) = p.strip_prefix(root) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    out.sort();
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    list_files(from, from, &mut files);
    for rel in files {
        let dest = to.join(&rel);
        if let Some(d) = dest.parent() {
            fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
        }
        fs::copy(from.join(&rel), &dest).map_err(|e| format!("{rel}: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, dd: u8) -> Date {
        Date::new(y, m, dd).unwrap()
    }

    #[test]
    fn windows_are_municipal_years_clipped_to_the_span() {
        assert_eq!(
            windows(d(2024, 5, 1), d(2026, 1, 31)),
            vec![
                (d(2024, 5, 1), d(2025, 4, 30)),
                (d(2025, 5, 1), d(2026, 1, 31))
            ]
        );
        assert_eq!(
            windows(d(2025, 11, 15), d(2025, 11, 30)),
            vec![(d(2025, 11, 15), d(2025, 11, 30))]
        );
        assert_eq!(
            windows(d(2024, 3, 1), d(2024, 6, 1)),
            vec![
                (d(2024, 3, 1), d(2024, 4, 30)),
                (d(2024, 5, 1), d(2024, 6, 1))
            ]
        );
        assert!(windows(d(2025, 1, 2), d(2025, 1, 1)).is_empty());
    }
}
