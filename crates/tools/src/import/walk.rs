//! The walk through one council's web service: committees, meetings per municipal year,
//! each meeting that is new, unpublished or recent; mapped through
//! `minutebook_moderngov::map` into the files to write.

use super::stage::Folder;
use super::{CouncilReport, CouncilSpec, Options};
use minutebook_data::{
    paths, Committee, CouncilFile, Date, Meeting, MinutesStatus, PeopleRegister, FORMAT,
};
use minutebook_domain::dates;
use minutebook_moderngov::client::{self, Client, Config};
use minutebook_moderngov::{map, xml};
use std::collections::{BTreeMap, BTreeSet};

/// The meetings of `spec` already in the data: ModernGov meeting id → meeting.
pub(super) fn existing_meetings(data: &Folder, council: &str) -> BTreeMap<String, Meeting> {
    let committees: BTreeSet<String> = data
        .read_council(council)
        .map(|c| c.committees.into_iter().map(|c| c.id).collect())
        .unwrap_or_default();
    let mut out = BTreeMap::new();
    for m in data.read_meetings() {
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

pub(super) fn import_council(
    spec: &CouncilSpec,
    opts: &Options,
    data: &Folder,
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
    let files = match walk(spec, opts, data, &client, &mut report) {
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
    data: &Folder,
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
    let existing = existing_meetings(data, &spec.id);

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
        match data.read(&rel) {
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
    let old_people = data
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
        data.read_council(&spec.id),
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

pub(super) fn paths_council(id: &str) -> String {
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
