//! Follow-up tracking: which resolution parts ask someone to do something (submit a report,
//! provide information, arrange a briefing or visit, bring an update, write a letter), and
//! whether anything in the data answers them. The rules are set out in docs/follow-ups.md;
//! each one is tested below and against the seed papers in crates/tools/tests/followups.rs.
//!
//! ## Due dates
//!
//! A part that asks for something "in N months' time" is due N calendar months after its
//! meeting ([`due_date`]). The papers are outside input, so the wording is not trusted:
//! when N is more than [`MAX_DUE_MONTHS`] (100 years), or the date would fall after
//! [`LAST_DUE_YEAR`] (2200, the latest year the published contract reads), no due date is
//! worked out and the follow-up has none, as when the wording gives no span at all. "In
//! 2147483647 months' time" and "in 100000 months' time" are misprints, not deadlines.

use crate::dates::{date_from_days, days_from_epoch, in_cycle, municipal_year, out_of_cycle};
use crate::decisions::{
    indexes, key, link_to, meeting_link, minute_link, targets, Occurrence, Place,
};
use chrono::Months;
use minutebook_data::{
    Catalogue, Date, Decision, Evidence, EvidenceKind, FollowUp, FollowUpEvidence, FollowUpStatus,
    FollowUpsFile, Meeting, MinutesStatus, PaperLink, ResolutionPart, WorkProgramme, FORMAT,
};
use std::collections::{BTreeMap, HashMap};

// The wording rules live in `requests`, below both this module and `decisions`.
use crate::requests::{months_in, norm, part_request};

/// The longest span, in months, that a request's wording can set a due date by: 100
/// years. Anything longer is taken as a misprint and gives no due date.
pub const MAX_DUE_MONTHS: u32 = 1200;

/// The latest year a due date may fall in: 2200, the latest year a published date may
/// have (the contract refuses later ones as typing slips).
pub const LAST_DUE_YEAR: i32 = 2200;

/// The same day `n` months later (the month's last day when it has fewer days), or `None`
/// when the year would not fit in an `i32`.
pub fn add_months(d: Date, n: u32) -> Option<Date> {
    // chrono counts the months; whole 400-year cycles (4,800 months) are counted apart, so
    // it is only asked about the years 0 to 799 (see `dates::in_cycle`).
    const CYCLE_MONTHS: u32 = 4_800;
    let (cycles, start) = in_cycle(d);
    let later = start.checked_add_months(Months::new(n % CYCLE_MONTHS))?;
    out_of_cycle(cycles + i64::from(n / CYCLE_MONTHS), later)
}

/// When a request made at a meeting on `meeting` for "in `months` months' time" is due:
/// `None` for a span over [`MAX_DUE_MONTHS`] or a date after [`LAST_DUE_YEAR`] (see the
/// module docs).
pub fn due_date(meeting: Date, months: u32) -> Option<Date> {
    if months > MAX_DUE_MONTHS {
        return None;
    }
    add_months(meeting, months).filter(|d| d.year <= LAST_DUE_YEAR)
}

pub fn days_between(from: Date, to: Date) -> i64 {
    days_from_epoch(to) - days_from_epoch(from)
}

/// Whole calendar months from `from` to `to`.
pub fn months_between(from: Date, to: Date) -> i64 {
    let mut m = (to.year as i64 - from.year as i64) * 12 + to.month as i64 - from.month as i64;
    if to.day < from.day {
        m -= 1;
    }
    m.max(0)
}

/// "4 months (125 days)", "12 days", "1 month (31 days)": how long something has waited.
pub fn describe_wait(from: Date, to: Date) -> String {
    let days = days_between(from, to).max(0);
    let months = months_between(from, to);
    let d = if days == 1 {
        "1 day".to_string()
    } else {
        format!("{days} days")
    };
    match months {
        0 => d,
        1 => format!("1 month ({d})"),
        m => format!("{m} months ({d})"),
    }
}

/// The date statuses are stated as of for one committee: its latest meeting whose papers
/// (agenda or minutes) are in the data. Nothing after it is known.
pub fn as_of(meetings: &[&Meeting]) -> Option<Date> {
    meetings
        .iter()
        .filter(|m| m.agenda_published || m.minutes != MinutesStatus::NotPublished)
        .map(|m| m.date)
        .max()
}

/// The status the evidence supports, strongest first: delivered, arranged, planned (for a
/// date after `as_of`, or with no date), otherwise outstanding.
pub fn status(evidence: &[Evidence], as_of: Date) -> FollowUpStatus {
    let any = |k: EvidenceKind| evidence.iter().any(|e| e.kind == k);
    if any(EvidenceKind::Delivered) {
        FollowUpStatus::Delivered
    } else if any(EvidenceKind::Arranged) {
        FollowUpStatus::Arranged
    } else if evidence
        .iter()
        .any(|e| e.kind == EvidenceKind::Planned && e.date.is_none_or(|d| d > as_of))
    {
        FollowUpStatus::Planned
    } else {
        FollowUpStatus::Outstanding
    }
}

/// Whether a reference delivers what it refers to: the opening paragraph of a later
/// minute that begins "Further to Minute No. ..." and says the committee considered the
/// item ("..., the Committee considered the report of ...").
pub fn delivers(o: &Occurrence) -> bool {
    let t = norm(&o.text);
    o.place == Place::Narrative { first: true }
        && t.starts_with("further to minute")
        && t.contains("considered")
}

/// Build every committee's follow-up file from the decisions, the references between
/// minutes and the explicit `follow_up` links in the meeting files, and mark each
/// requesting decision with its status. Broken explicit links are errors naming the file.
pub fn follow_ups(
    meetings: &[Meeting],
    catalogue: &Catalogue,
    work_programmes: &[WorkProgramme],
    rows: &mut [Decision],
    occurrences: &[Occurrence],
) -> Result<Vec<FollowUpsFile>, Vec<String>> {
    let mut errors = Vec::new();
    let by_id: HashMap<&str, &Meeting> = meetings.iter().map(|m| (m.id.as_str(), m)).collect();
    let (index, by_minute) = indexes(rows);
    // The explicit links, by the part they belong to.
    let mut explicit: HashMap<(String, String, Option<String>), &[FollowUpEvidence]> =
        HashMap::new();
    for m in meetings {
        for minute in m.minutes() {
            for p in minute.resolution.iter().flat_map(|r| &r.parts) {
                explicit.insert(
                    (m.id.clone(), minute.number.clone(), p.number.clone()),
                    &p.follow_up,
                );
                check_nested(m, &minute.number, p, &mut errors);
            }
        }
    }
    let is_request: Vec<bool> = rows
        .iter()
        .map(|r| part_request(r.preamble.as_deref(), &part_of(r)).is_some())
        .collect();
    let requests: Vec<usize> = (0..rows.len()).filter(|&i| is_request[i]).collect();
    let mut evidence: HashMap<usize, Vec<Evidence>> = HashMap::new();
    // Automatic: later references to the request's part (or to its minute).
    for o in occurrences {
        if o.confirms_minutes {
            continue;
        }
        let to: Vec<usize> = targets(
            &index,
            &by_minute,
            &o.to_meeting,
            &o.to_minute,
            o.to_part.as_deref(),
        )
        .into_iter()
        .filter(|&i| is_request[i] && o.from.date > rows[i].date)
        .collect();
        let precise = to.len() == 1;
        for i in to {
            let kind = if precise && delivers(o) {
                EvidenceKind::Delivered
            } else {
                EvidenceKind::Mentioned
            };
            let e = Evidence {
                kind,
                text: o.text.clone(),
                at: Some(o.from.clone()),
                work_programme: None,
                planned_meeting: None,
                date: Some(o.from.date),
                source: None,
                note: None,
                automatic: true,
            };
            let list = evidence.entry(i).or_default();
            if !list.iter().any(|x| x.at == e.at && x.text == e.text) {
                list.push(e);
            }
        }
    }
    // Explicit: the links in the meeting files.
    let mut back_links: Vec<(usize, PaperLink, bool)> = Vec::new();
    for &i in &requests {
        let Some(links) = explicit.get(&key(&rows[i])) else {
            continue;
        };
        let file = format!("meetings/{}.json", rows[i].meeting);
        for link in links.iter() {
            match explicit_evidence(link, rows[i].date, &by_id, work_programmes) {
                Ok(e) => {
                    if let Some(at) = &e.at {
                        back_links.push((i, at.clone(), false));
                        if let Some(min) = &at.minute {
                            // The evidence's own part refers back; a whole minute's parts do not.
                            let from =
                                targets(&index, &by_minute, &at.meeting, min, at.part.as_deref());
                            if at.part.is_some() || from.len() == 1 {
                                from.into_iter()
                                    .for_each(|j| back_links.push((j, link_to(&rows[i]), true)));
                            }
                        }
                    }
                    evidence.entry(i).or_default().push(e);
                }
                Err(e) => errors.push(format!("{file}: minute {} follow_up: {e}", rows[i].anchor)),
            }
        }
    }
    crate::decisions::attach_links(rows, back_links);
    // One file per committee and municipal year with requests, newest request first.
    let mut files: BTreeMap<(String, i32), Vec<FollowUp>> = BTreeMap::new();
    let mut of_committee: HashMap<&str, Vec<&Meeting>> = HashMap::new();
    meetings.iter().for_each(|m| {
        of_committee
            .entry(m.committee.as_str())
            .or_default()
            .push(m)
    });
    of_committee
        .values_mut()
        .for_each(|v| v.sort_by_key(|m| m.date));
    let as_of_by: HashMap<&str, Option<Date>> =
        of_committee.iter().map(|(k, v)| (*k, as_of(v))).collect();
    let committee_as_of = |committee: &str| as_of_by.get(committee).copied().flatten();
    for &i in &requests {
        let d = &rows[i];
        let Some(m) = by_id.get(d.meeting.as_str()) else {
            continue;
        };
        let committee_as_of = committee_as_of(&m.committee).unwrap_or(d.date);
        let req = part_request(d.preamble.as_deref(), &part_of(d)).expect("a request");
        let mut ev = evidence.remove(&i).unwrap_or_default();
        ev.sort_by_key(|e| (e.date.or(e.at.as_ref().map(|a| a.date)), e.kind));
        let st = status(&ev, committee_as_of);
        let due_meeting = req
            .timing
            .as_deref()
            .filter(|t| norm(t).contains("next meeting"))
            .and_then(|_| {
                of_committee
                    .get(m.committee.as_str())
                    .and_then(|v| v.iter().find(|x| x.date > d.date))
                    .map(|x| meeting_link(x))
            });
        let due = req
            .timing
            .as_deref()
            .and_then(months_in)
            .and_then(|n| due_date(d.date, n));
        rows[i].follow_up = Some(st);
        let year = municipal_year(rows[i].date);
        files
            .entry((m.committee.clone(), year))
            .or_default()
            .push(FollowUp {
                decision: rows[i].clone(),
                asks: req.asks,
                asked: req.asked,
                timing: req.timing,
                due_meeting,
                due,
                status: st,
                evidence: ev,
            });
    }
    let out = files
        .into_iter()
        .map(|((committee, year), follow_ups)| FollowUpsFile {
            format: FORMAT.to_string(),
            council: catalogue
                .committee(&committee)
                .map(|c| c.council.clone())
                .unwrap_or_default(),
            as_of: committee_as_of(&committee).unwrap_or(Date {
                year: 1970,
                month: 1,
                day: 1,
            }),
            committee,
            year,
            follow_ups,
        })
        .collect();
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Explicit links belong on top-level parts, where the tracker looks for them.
fn check_nested(m: &Meeting, minute: &str, p: &ResolutionPart, errors: &mut Vec<String>) {
    for sub in &p.parts {
        if !sub.follow_up.is_empty() {
            errors.push(format!(
                "meetings/{}.json: minute {minute}: follow_up belongs on the numbered part, not on sub-part ({})",
                m.id,
                sub.number.as_deref().unwrap_or("?")
            ));
        }
        check_nested(m, minute, sub, errors);
    }
}

fn part_of(d: &Decision) -> ResolutionPart {
    ResolutionPart {
        number: d.part.clone(),
        text: d.text.clone(),
        bullets: d.bullets.clone(),
        parts: d.parts.clone(),
        follow_up: Vec::new(),
    }
}

/// Check an explicit link against the data and turn it into evidence. A link into a work
/// programme quotes a row's title exactly; its date and meeting come from that row (the
/// first meeting it is planned for after the request) unless the link gives them.
fn explicit_evidence(
    link: &FollowUpEvidence,
    asked_on: Date,
    by_id: &HashMap<&str, &Meeting>,
    work_programmes: &[WorkProgramme],
) -> Result<Evidence, String> {
    let at = match &link.meeting {
        None => None,
        Some(id) => {
            let m = by_id
                .get(id.as_str())
                .ok_or_else(|| format!("meeting {id} is not in the data"))?;
            match &link.minute {
                None => Some(meeting_link(m)),
                Some(min) => {
                    let item = m
                        .items
                        .iter()
                        .find(|i| i.minute.as_ref().is_some_and(|x| &x.number == min))
                        .ok_or_else(|| format!("meeting {id} has no minute {min}"))?;
                    let l = minute_link(m, item, min, link.part.as_deref());
                    if !crate::references::anchors(m).contains(&l.anchor) {
                        return Err(format!(
                            "meeting {id} has no minute {min} part {:?}",
                            link.part
                        ));
                    }
                    Some(l)
                }
            }
        }
    };
    let (mut date, mut planned_id) = (link.date, link.planned_meeting.clone());
    if let Some(id) = &link.work_programme {
        let wp = work_programmes
            .iter()
            .find(|w| &w.id == id)
            .ok_or_else(|| format!("work programme {id} is not in the data"))?;
        let row = wp
            .rows()
            .map(|(_, r)| r)
            .find(|r| r.title == link.text)
            .ok_or_else(|| format!("work programme {id} has no row titled {:?}", link.text))?;
        let when = row.planned.iter().copied().filter(|d| *d > asked_on).min();
        date = date.or(when);
        if planned_id.is_none() {
            planned_id = when.and_then(|d| {
                wp.meetings
                    .iter()
                    .find(|m| m.date == d)
                    .and_then(|m| m.meeting.clone())
            });
        }
    }
    let planned_meeting = match &planned_id {
        None => None,
        Some(id) => {
            Some(meeting_link(by_id.get(id.as_str()).ok_or_else(|| {
                format!("planned meeting {id} is not in the data")
            })?))
        }
    };
    if link.text.trim().is_empty() {
        return Err("text is empty: quote the words that make the connection".into());
    }
    if at.is_none() && link.source.is_none() && link.work_programme.is_none() {
        return Err(
            "say where the words are: a meeting (and minute), a work programme or a source".into(),
        );
    }
    Ok(Evidence {
        kind: link.kind,
        text: link.text.clone(),
        // A plan's date is when it is to happen; anything else defaults to its paper's date.
        date: match link.kind {
            EvidenceKind::Planned => date.or(planned_meeting.as_ref().map(|p| p.date)),
            _ => date.or(at.as_ref().map(|a| a.date)),
        },
        at,
        work_programme: link.work_programme.clone(),
        planned_meeting,
        source: link.source.clone(),
        note: link.note.clone(),
        automatic: false,
    })
}

/// The municipal year a decision belongs to (its file).
pub fn year_of(d: &Decision) -> i32 {
    municipal_year(d.date)
}

/// A date `days` after `d` (the furthest date there is, rather than an overflow, for
/// absurd spans).
pub fn plus_days(d: Date, days: i64) -> Date {
    date_from_days(days_from_epoch(d).saturating_add(days))
}

#[cfg(test)]
mod tests;
