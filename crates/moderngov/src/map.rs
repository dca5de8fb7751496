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

use crate::minutes::{agenda_blocks, convert_minute, paragraphs};
use crate::xml::{self, MgAttendee, MgItem, MgMeeting};
use minutebook_data::{
    Apology, Attendance, Attendee, Block, ChairRole, Committee, Council, Date, Declaration,
    Declarations, Document, DocumentKind, InterestKind, ItemDecision, Meeting, MeetingStatus,
    Member, MemberRole, Minute, MinutesStatus, PeopleRegister, Person, PersonKind, SourceDocument,
    SourceKind, Venue, FORMAT,
};
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

// ---------------------------------------------------------------------------------------
// Meetings

/// One meeting mapped, with what was left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapped {
    pub meeting: Meeting,
    pub warnings: Vec<Warning>,
}

/// Map one GetMeeting answer into a meeting file.
///
/// - `committee` is the mapped committee (its `source_id` is the ModernGov committee id,
///   used for the link to the meeting's page);
/// - `id` is the meeting's id, from [`meeting_ids`] (or [`meeting_id`]);
/// - `today` decides what "Expected" means: on a meeting already held it means "not
///   recorded", never "present".
///
/// Returns `Err` with the reason when the meeting must not be published at all (the council
/// does not display it).
pub fn map_meeting(
    cfg: &CouncilConfig,
    committee: &Committee,
    m: &MgMeeting,
    id: &str,
    today: Date,
) -> Result<Mapped, Warning> {
    if !m.display_allowed {
        return Err(warn(
            WarningKind::MeetingNotDisplayed,
            Some(id),
            None,
            format!(
                "meeting {} is not displayed by the council (isdisplayallowed=False): left out",
                m.id
            ),
        ));
    }
    let mut w: Vec<Warning> = m
        .problems
        .iter()
        .map(|p| {
            warn(
                WarningKind::BadValue,
                Some(id),
                None,
                format!("{p}: left out"),
            )
        })
        .collect();
    let items: Vec<(&MgItem, minutebook_data::AgendaItem)> = m
        .items_in_order()
        .into_iter()
        .filter_map(|it| map_item(cfg, m, it, id, &mut w).map(|mapped| (it, mapped)))
        .collect();

    let any_minute = items.iter().any(|(_, i)| i.minute.is_some());
    let any_present = m.attendees.iter().any(|a| {
        a.attendance
            .as_deref()
            .is_some_and(|v| v.to_ascii_lowercase().starts_with("present"))
    });
    let status = if m.status.is_cancelled() {
        MeetingStatus::Cancelled
    } else if m.status.is_postponed() {
        MeetingStatus::Postponed
    } else if m.date <= today
        && (m.actual_start.is_some() || m.actual_finish.is_some() || any_minute || any_present)
    {
        MeetingStatus::Held
    } else {
        // A past meeting with no sign that it took place stays "scheduled": not known held.
        MeetingStatus::Scheduled
    };
    if m.minutes_published == Some(true) && !any_minute && status != MeetingStatus::Cancelled {
        w.push(warn(
            WarningKind::MinutesMissing,
            Some(id),
            None,
            "the service flags the minutes as published but sent no minute text".into(),
        ));
    }
    let mut notes = Vec::new();
    let attendance = if status == MeetingStatus::Held {
        attendance(m, &items, id, &mut w, &mut notes)
    } else {
        None
    };
    let web_page = committee
        .source_id
        .as_ref()
        .map(|cid| cfg.page(&format!("ieListDocuments.aspx?CId={cid}&MId={}", m.id)));
    let meeting = Meeting {
        format: FORMAT.to_string(),
        id: id.to_string(),
        committee: committee.id.clone(),
        date: m.date,
        date_precision: Default::default(),
        start_time: m.time,
        planned_finish_time: m.planned_finish,
        actual_start_time: m.actual_start,
        actual_finish_time: m.actual_finish,
        meeting_type: m.status.meeting_type.clone(),
        venue: m.location.clone().map(|name| Venue {
            name,
            address: None,
        }),
        room: m.room.clone(),
        contact: None,
        status,
        agenda_published: !items.is_empty() && m.agenda_published != Some(false),
        minutes: if any_minute {
            // The service does not say whether the minutes are draft or confirmed.
            MinutesStatus::Published
        } else {
            MinutesStatus::NotPublished
        },
        decisions_published: m.decision_published,
        source_id: Some(m.id.to_string()),
        minutes_confirmed_at: None,
        supplementary_agendas: Vec::new(),
        sources: vec![SourceDocument {
            id: "moderngov".into(),
            title: format!(
                "{}: the meeting's page on the council's website",
                committee.title
            ),
            kind: SourceKind::WebPage,
            published: None,
            url: web_page,
            note: Some(format!(
                "Imported from the council's ModernGov web service (GetMeeting, meeting {}).",
                m.id
            )),
        }],
        attendance,
        items: items.into_iter().map(|(_, i)| i).collect(),
        notes,
    };
    Ok(Mapped {
        meeting,
        warnings: w,
    })
}

fn map_item(
    cfg: &CouncilConfig,
    m: &MgMeeting,
    it: &MgItem,
    meeting: &str,
    w: &mut Vec<Warning>,
) -> Option<minutebook_data::AgendaItem> {
    let label = it
        .display_number
        .clone()
        .unwrap_or_else(|| format!("(id {})", it.id));
    if it.display_allowed == Some(false) {
        w.push(warn(
            WarningKind::ItemNotDisplayed,
            Some(meeting),
            Some(&label),
            format!("item {} is not displayed by the council: left out", it.id),
        ));
        return None;
    }
    if it.display_number.is_none() {
        w.push(warn(
            WarningKind::MissingItemNumber,
            Some(meeting),
            Some(&label),
            format!("item {} \"{}\" has no printed number", it.id, it.title),
        ));
    }
    let mut docs: Vec<&xml::MgDocument> = it.documents.iter().collect();
    docs.sort_by_key(|d| d.order.unwrap_or(u64::MAX));
    let documents = docs
        .into_iter()
        .map(|d| {
            let exempt = d.restricted == Some(true);
            let url = if exempt {
                w.push(warn(
                    WarningKind::ExemptDocument,
                    Some(meeting),
                    Some(&label),
                    format!(
                        "\"{}\" is exempt: its title is published, its link is not",
                        d.title
                    ),
                ));
                None
            } else {
                d.url.as_deref().and_then(|u| {
                    let safe = normalise_url(cfg, u);
                    if safe.is_none() {
                        w.push(warn(
                            WarningKind::UnsafeLink,
                            Some(meeting),
                            Some(&label),
                            format!("the link of \"{}\" is not http(s): left out", d.title),
                        ));
                    }
                    safe
                })
            };
            Document {
                title: d.title.clone(),
                kind: document_kind(&d.title),
                size: None,
                url,
                to_follow: false,
                exempt: d.restricted,
                published: d.published,
            }
        })
        .collect();
    let minute = it
        .minutes_html
        .as_deref()
        // Published only when neither the item nor the meeting says it is not.
        .filter(|_| it.minute_published != Some(false) && m.minutes_published != Some(false))
        .and_then(|html| {
            let number = it
                .minute_number
                .clone()
                .or_else(|| it.display_number.clone());
            let Some(number) = number else {
                w.push(warn(
                    WarningKind::MissingItemNumber,
                    Some(meeting),
                    Some(&label),
                    "the minute has no number: left out".into(),
                ));
                return None;
            };
            let text = convert_minute(html);
            if text.resolutions_not_itemised {
                w.push(warn(
                    WarningKind::ResolutionsNotItemised,
                    Some(meeting),
                    Some(&label),
                    "the minute's resolutions were not recognised: published as paragraphs".into(),
                ));
            }
            Some(Minute {
                number,
                title: None,
                narrative: text.narrative,
                matters_raised: None,
                narrative_after: Vec::new(),
                resolution: text.resolution,
                references: Vec::new(),
                incomplete: None,
                resolutions_not_itemised: text.resolutions_not_itemised,
            })
        });
    let decision = it
        .decision_html
        .as_deref()
        .filter(|_| it.decision_published != Some(false) && m.decision_published != Some(false))
        .map(|html| {
            let text = convert_minute(html);
            if text.resolutions_not_itemised {
                w.push(warn(
                    WarningKind::ResolutionsNotItemised,
                    Some(meeting),
                    Some(&label),
                    "the decision's resolutions were not recognised: published as paragraphs"
                        .into(),
                ));
            }
            ItemDecision {
                narrative: text.narrative,
                resolution: text.resolution,
                resolutions_not_itemised: text.resolutions_not_itemised,
                url: (it.is_decision == Some(true))
                    .then(|| cfg.page(&format!("ieDecisionDetails.aspx?AIId={}", it.id))),
            }
        });
    Some(minutebook_data::AgendaItem {
        number: it.display_number.clone(),
        title: it.title.clone(),
        report_of: None,
        pages: None,
        agenda_note: it
            .agenda_html
            .as_deref()
            .map(agenda_blocks)
            .unwrap_or_default(),
        to_follow: false,
        supplementary: false,
        report: None,
        documents,
        minute,
        exempt: it.restricted,
        executive_decision: it.is_decision,
        call_in: it.call_in,
        decision,
        declarations_count: it.declaration_count,
    })
}

/// What a document is, from the start of its title as the council wrote it; `other` when
/// the title does not say.
fn document_kind(title: &str) -> DocumentKind {
    let t = title.trim().to_lowercase();
    if t.starts_with("appendix") || t.starts_with("annex") {
        DocumentKind::Appendix
    } else if t.split_whitespace().any(|w| w == "minutes") {
        // e.g. Manchester's "CHAIR APPROVED Minutes Audit Committee 25 Nov 2025".
        DocumentKind::Minutes
    } else if t.starts_with("agenda") {
        DocumentKind::Agenda
    } else if t.split_whitespace().any(|w| w == "presentation") {
        DocumentKind::Presentation
    } else {
        DocumentKind::Other
    }
}

/// An http(s) link with its host in lower case (the service writes
/// `democracy.Gloucester.gov.uk`), upgraded to https when the council's base is https and
/// the host is the same. Anything else (no scheme, `javascript:`, spaces) is `None`.
pub fn normalise_url(cfg: &CouncilConfig, url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>'))
    {
        return None;
    }
    let (host, path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if host.is_empty() {
        return None;
    }
    let host = host.to_ascii_lowercase();
    let base_host = cfg.base_url.split_once("://").map(|(_, r)| {
        r.split(['/', '?', '#'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    });
    let scheme = if scheme == "http"
        && cfg.base_url.to_ascii_lowercase().starts_with("https://")
        && base_host.as_deref() == Some(host.as_str())
    {
        "https".to_string()
    } else {
        scheme
    };
    Some(format!("{scheme}://{host}{path}"))
}

// ---------------------------------------------------------------------------------------
// Attendance, apologies, declarations

fn is_officer(a: &MgAttendee) -> bool {
    a.role
        .as_deref()
        .is_some_and(|r| r.eq_ignore_ascii_case("officer"))
}

fn chair_of(a: &MgAttendee) -> Option<ChairRole> {
    match a.role.as_deref()?.to_ascii_lowercase().as_str() {
        "chair" | "chairman" | "chairperson" => Some(ChairRole::InTheChair),
        "vice-chair" | "vice chair" | "vice-chairman" => Some(ChairRole::ViceChair),
        _ => None,
    }
}

/// Whether a role is a seat on the committee (so it is not worth printing as a capacity).
fn committee_role(role: &str) -> bool {
    matches!(
        role.to_ascii_lowercase().as_str(),
        "chair"
            | "chairman"
            | "chairperson"
            | "vice-chair"
            | "vice chair"
            | "vice-chairman"
            | "committee member"
            | "member"
    )
}

fn attendance(
    m: &MgMeeting,
    items: &[(&MgItem, minutebook_data::AgendaItem)],
    id: &str,
    w: &mut Vec<Warning>,
    notes: &mut Vec<String>,
) -> Option<Attendance> {
    let mut present = Vec::new();
    let mut also = Vec::new();
    let mut absent = Vec::new();
    let mut apologies = Vec::new();
    let mut expected = 0;
    for a in &m.attendees {
        let value = a.attendance.clone().unwrap_or_default();
        let v = value.to_ascii_lowercase();
        let officer = is_officer(a);
        let capacity = if officer {
            a.representing.clone().or_else(|| a.key_posts.clone())
        } else {
            a.role.clone().filter(|r| !committee_role(r))
        };
        if v.is_empty() || v == "expected" {
            expected += 1;
        } else if v.contains("apolog") {
            if v.contains("substitut") {
                // The service says a substitute was sent, not who: say so, name no one.
                notes.push(format!(
                    "The council's system records \"{value}\" for {}, without naming the substitute.",
                    a.name
                ));
            }
            apologies.push(Apology {
                name: a.name.clone(),
                person: None,
                capacity: None,
                substitute: None,
                substitute_attended: None,
            });
        } else if v.starts_with("present") {
            // "Present, as expected" says nothing more than present; other wordings
            // ("Present as substitute", "Present, virtual") are kept as the capacity.
            let plain = v == "present" || v == "present, as expected";
            let capacity = if plain || officer {
                capacity
            } else {
                Some(value.clone())
            };
            let attendee = Attendee {
                name: a.name.clone(),
                person: None,
                capacity,
                chair: if officer { None } else { chair_of(a) },
            };
            if officer {
                also.push(attendee);
            } else {
                present.push(attendee);
            }
        } else if v.starts_with("in attendance") {
            also.push(Attendee {
                name: a.name.clone(),
                person: None,
                capacity,
                chair: None,
            });
        } else if v.starts_with("absent") || v.starts_with("not present") {
            absent.push(Attendee {
                name: a.name.clone(),
                person: None,
                capacity,
                chair: None,
            });
        } else {
            w.push(warn(
                WarningKind::UnknownAttendance,
                Some(id),
                None,
                format!(
                    "{}: attendance \"{value}\" is not recognised: left out",
                    a.name
                ),
            ));
        }
    }
    let recorded =
        !present.is_empty() || !also.is_empty() || !absent.is_empty() || !apologies.is_empty();
    if expected > 0 {
        w.push(warn(
            WarningKind::AttendanceNotRecorded,
            Some(id),
            None,
            format!("{expected} attendee(s) still \"Expected\" on a meeting already held: their attendance is not recorded"),
        ));
        notes.push(format!(
            "The council's system still lists {expected} {} as expected, without recording whether they attended.",
            if expected == 1 { "person" } else { "people" },
        ));
    }
    let (apologies, apologies_text) = if !apologies.is_empty() {
        (Some(apologies), None)
    } else {
        match minute_of(items, |t| t.contains("apolog"))
            .and_then(|text| parse_apologies(&text).map(|l| (l, text)))
        {
            Some((list, text)) => (Some(list), Some(text)),
            None => {
                w.push(warn(
                    WarningKind::ApologiesNotPublished,
                    Some(id),
                    None,
                    "neither the service nor an Apologies minute in the usual wording gives the apologies".into(),
                ));
                (None, None)
            }
        }
    };
    let count: Option<u32> = items
        .iter()
        .filter_map(|(it, _)| it.declaration_count)
        .fold(None, |acc, n| Some(acc.unwrap_or(0).saturating_add(n)));
    let declarations = declarations(items, count, id, w);
    let some = |v: Vec<Attendee>| (!v.is_empty()).then_some(v);
    if !recorded
        && apologies.is_none()
        && matches!(declarations, Declarations::NotPublished)
        && count.unwrap_or(0) == 0
    {
        return None;
    }
    Some(Attendance {
        present: recorded.then_some(present),
        also_present: some(also),
        not_present: some(absent),
        apologies,
        apologies_text,
        declarations,
        declarations_count: count,
    })
}

/// The whole text of the minute of the first item whose lower-case title passes `title`.
fn minute_of(
    items: &[(&MgItem, minutebook_data::AgendaItem)],
    title: impl Fn(&str) -> bool,
) -> Option<String> {
    let (it, _) = items
        .iter()
        .find(|(it, _)| title(&it.title.to_lowercase()))?;
    let html = it.minutes_html.as_deref()?;
    let text = paragraphs(html)
        .into_iter()
        .map(|p| p.text)
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}

const TITLES: [&str; 9] = [
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

/// The Apologies minute in its usual wordings: "There were no apologies." → none;
/// "Apologies for absence were received from Councillors A, B and C." → three names. Any
/// other wording (substitutes, reasons, several sentences) → `None`: not guessed at.
pub fn parse_apologies(text: &str) -> Option<Vec<Apology>> {
    let t = text.trim();
    let lower = t.to_lowercase();
    if (lower.starts_with("there were no apologies") || lower.starts_with("no apologies"))
        && t.matches('.').count() <= 1
    {
        return Some(Vec::new());
    }
    let list = [
        "apologies for absence were received from ",
        "apologies were received from ",
        "apologies for absence were submitted by ",
        "apologies were submitted by ",
        "apologies for absence were received on behalf of ",
    ]
    .iter()
    .find_map(|p| lower.starts_with(p).then(|| &t[p.len()..]))?;
    let list = list.strip_suffix('.').unwrap_or(list);
    if list.contains(['.', ';', '(', ')']) || lower.contains("substitut") {
        return None;
    }
    names(list).map(|ns| {
        ns.into_iter()
            .map(|name| Apology {
                name,
                person: None,
                capacity: None,
                substitute: None,
                substitute_attended: None,
            })
            .collect()
    })
}

/// "Councillors A, B and Mr C" → ["Councillor A", "Councillor B", "Mr C"]; `None` when a
/// piece does not look like a name.
fn names(list: &str) -> Option<Vec<String>> {
    let (plural, list) = match list.strip_prefix("Councillors ") {
        Some(rest) => (true, rest),
        None => (false, list),
    };
    let mut out = Vec::new();
    for piece in list.split(", ").flat_map(|p| p.split(" and ")) {
        let piece = piece.trim();
        let words: Vec<&str> = piece.split_whitespace().collect();
        let looks = !words.is_empty()
            && words.len() <= 5
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
        if !looks {
            return None;
        }
        let titled = TITLES.iter().any(|t| piece.starts_with(t));
        out.push(if plural && !titled {
            format!("Councillor {piece}")
        } else {
            piece.to_string()
        });
    }
    (!out.is_empty()).then_some(out)
}

/// Declarations from the Declarations of Interest minute when it is in the usual wording,
/// checked against the service's count. Never guessed: anything else is `not_published`
/// (with the count kept beside it).
fn declarations(
    items: &[(&MgItem, minutebook_data::AgendaItem)],
    count: Option<u32>,
    id: &str,
    w: &mut Vec<Warning>,
) -> Declarations {
    let text = minute_of(items, |t| {
        t.contains("declaration") && t.contains("interest")
    });
    let parsed = text.as_deref().and_then(parse_declarations);
    let n = count.unwrap_or(0);
    match parsed {
        Some(Declarations::NoneDeclared { text }) if n == 0 => Declarations::NoneDeclared { text },
        Some(Declarations::Declared { declarations })
            if n == 0 || declarations.len() == n as usize =>
        {
            Declarations::Declared { declarations }
        }
        _ => {
            if n > 0 {
                w.push(warn(
                    WarningKind::DeclarationsNotItemised,
                    Some(id),
                    None,
                    format!("the service counts {n} declaration(s) of interest, but the minute does not say who and what in the usual wording: only the count is published"),
                ));
            }
            Declarations::NotPublished
        }
    }
}

/// The Declarations of Interest minute in its usual wordings: "There were no declarations
/// of interest." → none declared; one paragraph per declaration of the form "Councillor X
/// declared a personal interest in item 7 as …" → declared. Anything else → `None`.
pub fn parse_declarations(text: &str) -> Option<Declarations> {
    let t = text.trim();
    let lower = t.to_lowercase();
    if (lower.starts_with("there were no declarations of interest")
        || lower.starts_with("no declarations of interest"))
        && t.matches('.').count() <= 1
    {
        return Some(Declarations::NoneDeclared {
            text: t.to_string(),
        });
    }
    // Each sentence "<name> declared a … interest …".
    let mut out = Vec::new();
    for sentence in split_sentences(t) {
        let (name, rest) = sentence.split_once(" declared ")?;
        let words: Vec<&str> = name.split_whitespace().collect();
        if !TITLES.iter().any(|p| name.starts_with(p))
            || words.len() > 5
            || !words
                .iter()
                .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        {
            return None;
        }
        let r = rest.to_lowercase();
        if !r.contains("interest") {
            return None;
        }
        let kind = if r.contains("disclosable pecuniary") {
            InterestKind::DisclosablePecuniary
        } else if r.contains("prejudicial") {
            InterestKind::Prejudicial
        } else if r.contains("non-pecuniary") || r.contains("other registrable") {
            InterestKind::Other
        } else if r.contains("personal") {
            InterestKind::Personal
        } else {
            InterestKind::NotStated
        };
        let minute = ["minute ", "item ", "agenda item "].iter().find_map(|k| {
            let i = r.find(k)?;
            let n: String = r[i + k.len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            (!n.is_empty()).then_some(n)
        });
        out.push(Declaration {
            member: name.to_string(),
            person: None,
            minute,
            nature: rest.to_string(),
            kind,
            left_room: None,
        });
    }
    (!out.is_empty()).then_some(Declarations::Declared { declarations: out })
}

fn split_sentences(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in t.match_indices(". ") {
        out.push(t[start..=i].trim());
        start = i + 2;
    }
    if start < t.len() {
        out.push(t[start..].trim());
    }
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

// ---------------------------------------------------------------------------------------
// People

/// The people register of a council from the attendees of its meetings: name as printed
/// (an alias, so the existing name matching finds them), party, ward and ModernGov member
/// id. With GetCouncillorsByWard's list, a councillor's party and ward are its full titles
/// (the attendee list abbreviates them). An `existing` register is kept: its people keep
/// their ids, and are found again by member id.
pub fn people_register<'a>(
    cfg: &CouncilConfig,
    attendees: impl IntoIterator<Item = &'a MgAttendee>,
    councillors: &[xml::Councillor],
    existing: Option<&PeopleRegister>,
) -> (PeopleRegister, Vec<Warning>) {
    let mut w = Vec::new();
    let mut people: Vec<Person> = existing.map(|r| r.people.clone()).unwrap_or_default();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for a in attendees {
        let key = a.member_id.clone().unwrap_or_else(|| a.name.clone());
        if !seen.insert(key) {
            continue;
        }
        let cllr = a
            .member_id
            .as_deref()
            .and_then(|mid| councillors.iter().find(|c| c.id == mid));
        let party = cllr
            .and_then(|c| c.party.clone())
            .or_else(|| a.party.clone());
        let ward = cllr.and_then(|c| c.ward.clone()).or_else(|| a.ward.clone());
        if let Some(p) = people
            .iter_mut()
            .find(|p| p.source_id.is_some() && p.source_id == a.member_id)
        {
            if !p.aliases.contains(&a.name)
                && !alias_taken(&people_aliases(existing), &a.name, &p.id)
            {
                p.aliases.push(a.name.clone());
            }
            p.party = party.or(p.party.take());
            p.ward = ward.or(p.ward.take());
            continue;
        }
        if let Some(owner) = people.iter_mut().find(|p| p.aliases.contains(&a.name)) {
            // A printed name equal to an alias always means that person (the register's
            // rule), so a hand-written entry without a member id takes this one.
            if owner.source_id.is_none() {
                owner.source_id = a.member_id.clone();
                owner.party = owner.party.take().or(party);
                owner.ward = owner.ward.take().or(ward);
            } else {
                w.push(warn(
                    WarningKind::Duplicate,
                    None,
                    None,
                    format!(
                        "\"{}\" (member {}) has the same printed name as {} (member {}): not added to the register, so the name is matched to {}",
                        a.name,
                        a.member_id.as_deref().unwrap_or("?"),
                        owner.id,
                        owner.source_id.as_deref().unwrap_or("?"),
                        owner.id
                    ),
                ));
            }
            continue;
        }
        let bare = strip_title(&a.name);
        let mut id = id_with(&cfg.id, bare, 0);
        if people.iter().any(|p| p.id == id) {
            id = format!(
                "{}-{}",
                id_with(&cfg.id, bare, 12),
                a.member_id
                    .as_deref()
                    .map_or(people.len().to_string(), slug)
            );
        }
        let kind = if is_officer(a) {
            PersonKind::Officer
        } else if cllr.is_some() || a.name.starts_with("Councillor ") || a.name.starts_with("Cllr")
        {
            PersonKind::Councillor
        } else if a
            .role
            .as_deref()
            .is_some_and(|r| r.to_lowercase().contains("co-opt"))
        {
            PersonKind::CoOptee
        } else {
            PersonKind::Other
        };
        people.push(Person {
            id,
            name: a.name.clone(),
            kind,
            aliases: vec![a.name.clone()],
            represents: None,
            notes: vec![format!(
                "From the council's ModernGov web service{}.",
                a.member_id
                    .as_deref()
                    .map(|m| format!(" (member {m})"))
                    .unwrap_or_default()
            )],
            party: if kind == PersonKind::Officer {
                None
            } else {
                party
            },
            ward: if kind == PersonKind::Officer {
                None
            } else {
                ward
            },
            source_id: a.member_id.clone(),
        });
    }
    (
        PeopleRegister {
            format: FORMAT.to_string(),
            council: cfg.id.clone(),
            people,
        },
        w,
    )
}

fn people_aliases(r: Option<&PeopleRegister>) -> Vec<(String, String)> {
    r.map(|r| {
        r.people
            .iter()
            .flat_map(|p| p.aliases.iter().map(|a| (a.clone(), p.id.clone())))
            .collect()
    })
    .unwrap_or_default()
}

fn alias_taken(aliases: &[(String, String)], name: &str, id: &str) -> bool {
    aliases.iter().any(|(a, owner)| a == name && owner != id)
}

/// "Councillor Jeremy Hilton" → "Jeremy Hilton".
fn strip_title(name: &str) -> &str {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(
            slug("Leader and Cabinet Members' Question Time"),
            "leader-and-cabinet-members-question-time"
        );
        assert_eq!(
            slug("Audit & Governance Committee"),
            "audit-and-governance-committee"
        );
        let d = |n| Date::new(2025, 11, n).unwrap();
        let ids = meeting_ids(
            "gloucester-cabinet",
            [(7900, d(21)), (7837, d(21)), (7838, d(22))],
        );
        assert_eq!(ids[&7837], "gloucester-cabinet-2025-11-21");
        assert_eq!(ids[&7900], "gloucester-cabinet-2025-11-21-7900");
        assert_eq!(ids[&7838], "gloucester-cabinet-2025-11-22");
        let long = id_with("gloucester", &"word ".repeat(40), 0);
        assert!(long.len() <= 100 && minutebook_data::id_problem(&long).is_none());
    }

    #[test]
    fn urls() {
        let cfg = CouncilConfig::new("g", "G", "https://democracy.gloucester.gov.uk/");
        assert_eq!(
            normalise_url(
                &cfg,
                "https://democracy.Gloucester.gov.uk/mgConvert2PDF.aspx?ID=65461"
            )
            .as_deref(),
            Some("https://democracy.gloucester.gov.uk/mgConvert2PDF.aspx?ID=65461")
        );
        assert_eq!(
            normalise_url(&cfg, "http://democracy.gloucester.gov.uk/x").as_deref(),
            Some("https://democracy.gloucester.gov.uk/x")
        );
        assert_eq!(
            normalise_url(&cfg, "http://other.example/x").as_deref(),
            Some("http://other.example/x")
        );
        assert_eq!(normalise_url(&cfg, "javascript:alert(1)"), None);
        assert_eq!(normalise_url(&cfg, "mgConvert2PDF.aspx?ID=1"), None);
    }

    #[test]
    fn apologies_and_declarations_wording() {
        let a = parse_apologies("Apologies for absence were received from Councillors Barton-Ainsworth, Greaves, A Johnson, Preston, Mr Williams and Miss Kirman.").unwrap();
        let names: Vec<_> = a.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Councillor Barton-Ainsworth",
                "Councillor Greaves",
                "Councillor A Johnson",
                "Councillor Preston",
                "Mr Williams",
                "Miss Kirman"
            ]
        );
        assert_eq!(parse_apologies("There were no apologies.").unwrap(), vec![]);
        assert!(parse_apologies(
            "Apologies were received from Councillor A (Councillor B substituting)."
        )
        .is_none());
        assert!(parse_apologies("Councillor A sent apologies.").is_none());
        assert!(matches!(
            parse_declarations("There were no declarations of interest."),
            Some(Declarations::NoneDeclared { .. })
        ));
        let Some(Declarations::Declared { declarations }) = parse_declarations(
            "Councillor Sarah Sawyer declared a personal interest in item 55 as a member of the County Council.",
        ) else {
            panic!("declared")
        };
        assert_eq!(declarations[0].member, "Councillor Sarah Sawyer");
        assert_eq!(declarations[0].kind, InterestKind::Personal);
        assert_eq!(declarations[0].minute.as_deref(), Some("55"));
        assert!(parse_declarations("Members noted the register.").is_none());
    }
}
