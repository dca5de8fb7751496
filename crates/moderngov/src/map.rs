//! Mapping what the ModernGov web service gives ([`crate::xml`]) into `minutebook/1`.
//!
//! Nothing is invented: what the service does not give stays absent, and the app shows it
//! as "not published". Where the service gives something the contract cannot hold as it
//! is, or that cannot be published (an exempt document's link, an item the council does
//! not display), the mapper leaves it out and says so in a [`Warning`], so the importer can
//! print warnings by kind.
//!
//! Ids (docs/data-format.md, section 2):
//! - committee: `<council>-<title as a slug>`; when two live committees share a title, the
//!   one with the lowest ModernGov id keeps the plain slug and the others get `-<id>`;
//! - meeting: `<committee id>-<YYYY-MM-DD>`; when a committee has two meetings on one day,
//!   the one with the lowest ModernGov meeting id keeps that and the others get
//!   `-<meeting id>`, so an id never changes when another meeting is added later;
//! - person: `<council>-<name without its title as a slug>`, with `-<member id>` on a clash.

mod attendance;
mod meeting;
mod people;
#[cfg(test)]
mod tests;

pub use attendance::{parse_apologies, parse_declarations};
pub use meeting::{map_meeting, normalise_url, Mapped};
pub use people::people_register;

use crate::xml::{self, MgAttendee, MgMeeting};
use minutebook_data::{Block, Committee, Council, Date, Member, MemberRole};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The council, as given on the command line: the service says nothing about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CouncilConfig {
    /// Stable, URL-safe id, e.g. `gloucester`.
    pub id: String,
    /// The council's name as it styles itself, e.g. "Gloucester City Council".
    pub name: String,
    /// The folder that holds the `mg*.aspx` pages, e.g. `https://democracy.gloucester.gov.uk`.
    pub base_url: String,
}

impl CouncilConfig {
    /// A council; the base URL loses any trailing `/`.
    pub fn new(id: &str, name: &str, base_url: &str) -> CouncilConfig {
        CouncilConfig {
            id: id.to_string(),
            name: name.to_string(),
            base_url: base_url.trim().trim_end_matches('/').to_string(),
        }
    }

    fn page(&self, page: &str) -> String {
        format!("{}/{page}", self.base_url)
    }
}

/// What kind of thing a [`Warning`] reports, for the importer's "warnings by kind".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningKind {
    /// A value the service sent could not be read; it was left out.
    BadValue,
    /// A whole meeting or committee entry could not be read and was left out.
    Rejected,
    /// A deleted committee, left out.
    CommitteeDeleted,
    /// A meeting the council does not display (`isdisplayallowed=False`), left out.
    MeetingNotDisplayed,
    /// An item the council does not display, left out.
    ItemNotDisplayed,
    /// An exempt document: its title is published, its link is not.
    ExemptDocument,
    /// A document link that is not http(s), left out.
    UnsafeLink,
    /// An item without a printed number.
    MissingItemNumber,
    /// A minute (or decision) that says "RESOLVED" but whose parts were not recognised:
    /// published as paragraphs.
    ResolutionsNotItemised,
    /// The service flags minutes as published but sent no minute text.
    MinutesMissing,
    /// "Expected" on a meeting already held: who attended is not recorded.
    AttendanceNotRecorded,
    /// An attendance value the mapper does not know: that person's attendance is left out.
    UnknownAttendance,
    /// Neither the service nor the Apologies minute (in the usual wording) gives apologies.
    ApologiesNotPublished,
    /// The service counts declarations of interest, but the minute does not say who and
    /// what in the usual wording: only the count is published.
    DeclarationsNotItemised,
    /// Two committees, meetings or people would share an id or a name: disambiguated.
    Duplicate,
}

impl WarningKind {
    /// A short plural label, e.g. for a summary line.
    pub fn label(self) -> &'static str {
        match self {
            WarningKind::BadValue => "values that could not be read",
            WarningKind::Rejected => "entries that could not be read",
            WarningKind::CommitteeDeleted => "deleted committees left out",
            WarningKind::MeetingNotDisplayed => "meetings the council does not display",
            WarningKind::ItemNotDisplayed => "items the council does not display",
            WarningKind::ExemptDocument => "exempt documents (link not published)",
            WarningKind::UnsafeLink => "links that are not http(s)",
            WarningKind::MissingItemNumber => "items without a printed number",
            WarningKind::ResolutionsNotItemised => "minutes whose resolutions were not itemised",
            WarningKind::MinutesMissing => "minutes flagged published but not sent",
            WarningKind::AttendanceNotRecorded => "held meetings without recorded attendance",
            WarningKind::UnknownAttendance => "attendance values not recognised",
            WarningKind::ApologiesNotPublished => "meetings without published apologies",
            WarningKind::DeclarationsNotItemised => "declarations counted but not itemised",
            WarningKind::Duplicate => "duplicate ids or names disambiguated",
        }
    }
}

/// Something the mapper left out or could not do, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub kind: WarningKind,
    /// The meeting id (Minutebook's), when it concerns a meeting.
    pub meeting: Option<String>,
    /// The item's printed number (or ModernGov item id), when it concerns an item.
    pub item: Option<String>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(m) = &self.meeting {
            write!(f, "{m}: ")?;
        }
        if let Some(i) = &self.item {
            write!(f, "item {i}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

fn warn(kind: WarningKind, meeting: Option<&str>, item: Option<&str>, message: String) -> Warning {
    Warning {
        kind,
        meeting: meeting.map(str::to_string),
        item: item.map(str::to_string),
        message,
    }
}

// ---------------------------------------------------------------------------------------
// Ids

/// Lower-case ASCII letters and digits, everything else a single hyphen; "&" is "and".
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.replace('&', " and ").chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' {
            // "Members' Question Time" → "members-question-time".
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// `prefix-slug`, cut so that a suffix of `reserve` characters still fits in an id.
fn id_with(prefix: &str, s: &str, reserve: usize) -> String {
    let max = minutebook_data::MAX_ID_LEN - reserve;
    let mut id = format!("{prefix}-{}", slug(s));
    if id.len() > max {
        id.truncate(max);
        while id.ends_with('-') {
            id.pop();
        }
    }
    id
}

/// The meeting id for a committee's only meeting on a date: `<committee>-<YYYY-MM-DD>`.
pub fn meeting_id(committee_id: &str, date: Date) -> String {
    format!("{committee_id}-{date}")
}

/// Ids for a committee's meetings (ModernGov meeting id, date), as listed by GetMeetings:
/// on a day with more than one meeting, the lowest meeting id keeps `<committee>-<date>`
/// and the others get `-<meeting id>` after it.
pub fn meeting_ids(
    committee_id: &str,
    meetings: impl IntoIterator<Item = (u64, Date)>,
) -> BTreeMap<u64, String> {
    let mut by_day: BTreeMap<Date, BTreeSet<u64>> = BTreeMap::new();
    for (mid, date) in meetings {
        by_day.entry(date).or_default().insert(mid);
    }
    let mut out = BTreeMap::new();
    for (date, mids) in by_day {
        for (k, mid) in mids.into_iter().enumerate() {
            let base = meeting_id(committee_id, date);
            out.insert(
                mid,
                if k == 0 {
                    base
                } else {
                    format!("{base}-{mid}")
                },
            );
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Council and committees

/// The council from the flags: id, name and the ModernGov site as its website.
pub fn council(cfg: &CouncilConfig) -> Council {
    Council {
        id: cfg.id.clone(),
        name: cfg.name.clone(),
        website: Some(cfg.base_url.clone()),
        address: None,
    }
}

/// Committees mapped from GetCommittees, with what was left out.
#[derive(Clone, Debug, PartialEq)]
pub struct MappedCommittees {
    pub committees: Vec<Committee>,
    pub warnings: Vec<Warning>,
}

/// Map GetCommittees: deleted committees are left out, expired ones kept and marked
/// (`expired: true`; the importer decides whether to fetch their meetings), the category
/// kept as written. The service gives no remit or membership, and each committee's notes
/// say so.
pub fn map_committees(cfg: &CouncilConfig, list: &xml::Committees) -> MappedCommittees {
    let mut warnings: Vec<Warning> = list
        .rejected
        .iter()
        .map(|r| {
            warn(
                WarningKind::Rejected,
                None,
                None,
                format!(
                    "committee {} left out: {}",
                    r.id.map_or("(no id)".into(), |i| i.to_string()),
                    r.problem
                ),
            )
        })
        .collect();
    let live: Vec<&xml::Committee> = list
        .committees
        .iter()
        .filter(|c| {
            if c.deleted {
                warnings.push(warn(
                    WarningKind::CommitteeDeleted,
                    None,
                    None,
                    format!("committee {} \"{}\" is deleted: left out", c.id, c.title),
                ));
            }
            !c.deleted
        })
        .collect();
    // The lowest ModernGov id keeps the plain slug (see the module docs).
    let mut taken: BTreeMap<String, u64> = BTreeMap::new();
    let mut sorted = live.clone();
    sorted.sort_by_key(|c| c.id);
    let mut ids: BTreeMap<u64, String> = BTreeMap::new();
    for c in sorted {
        let plain = id_with(&cfg.id, &c.title, 0);
        let id = match taken.get(&plain) {
            None => plain,
            Some(first) => {
                warnings.push(warn(
                    WarningKind::Duplicate,
                    None,
                    None,
                    format!(
                        "committees {first} and {} share the title \"{}\": the second is {}-{}",
                        c.id,
                        c.title,
                        id_with(&cfg.id, &c.title, 12),
                        c.id
                    ),
                ));
                format!("{}-{}", id_with(&cfg.id, &c.title, 12), c.id)
            }
        };
        taken.entry(id.clone()).or_insert(c.id);
        ids.insert(c.id, id);
    }
    let committees = live
        .into_iter()
        .map(|c| Committee {
            id: ids[&c.id].clone(),
            council: cfg.id.clone(),
            title: c.title.clone(),
            remit: Vec::new(),
            remit_source: None,
            membership: Vec::new(),
            membership_source: None,
            contact: None,
            notes: vec![format!(
                "Imported from the council's ModernGov web service (committee {}), which does not give the committee's remit or membership list.",
                c.id
            )],
            category: c.category.clone(),
            expired: Some(c.expired),
            source_id: Some(c.id.to_string()),
        })
        .collect();
    MappedCommittees {
        committees,
        warnings,
    }
}

/// The members expected at one meeting (attendees other than officers), for a committee's
/// `membership` when nothing better is published, with the `membership_source` wording.
/// Roles come from `roledescription`; an attendee whose role is not a committee role is
/// left out.
pub fn membership_from(m: &MgMeeting) -> (Vec<Member>, String) {
    let members = m
        .attendees
        .iter()
        .filter_map(|a| {
            let role = a.role.as_deref()?.to_ascii_lowercase();
            let role = match role.as_str() {
                "chair" | "chairman" | "chairperson" => MemberRole::Chair,
                "vice-chair" | "vice chair" | "vice-chairman" => MemberRole::ViceChair,
                "committee member" | "member" => MemberRole::Member,
                r if r.contains("substitute") || r.contains("reserve") => MemberRole::Substitute,
                r if r.contains("co-opt") || r.contains("coopt") => MemberRole::CoOpted,
                _ => return None,
            };
            Some(Member {
                name: a.name.clone(),
                person: None,
                role,
                represents: None,
            })
        })
        .collect();
    (
        members,
        format!(
            "The members the council's ModernGov web service lists for the meeting of {} (meeting {}), with their roles; the service publishes no membership list.",
            m.date, m.id
        ),
    )
}

pub(crate) fn is_officer(a: &MgAttendee) -> bool {
    a.role
        .as_deref()
        .is_some_and(|r| r.eq_ignore_ascii_case("officer"))
}

pub(crate) const TITLES: [&str; 9] = [
    "Councillor ",
    "Cllr ",
    "Cllr. ",
    "Mr ",
    "Mrs ",
    "Ms ",
    "Miss ",
    "Dr ",
    "Mr. ",
];

/// "Councillor Jeremy Hilton" → "Jeremy Hilton".
pub(crate) fn strip_title(name: &str) -> &str {
    TITLES
        .iter()
        .find_map(|t| name.strip_prefix(t))
        .unwrap_or(name)
        .trim()
}

/// Blocks as plain strings, for callers that print a summary.
pub fn block_text(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .flat_map(|b| b.texts().into_iter().map(str::to_string))
        .collect()
}
