//! The decisions index: every resolution part of every meeting, and the follow-up tracker,
//! generated from the meeting files by `minutebook decisions <data-dir>` (also run by
//! `minutebook catalogue`). The Decisions and Follow-ups pages read these instead of
//! opening every meeting file, so a council with 100,000 resolutions stays fast:
//!
//! - `decisions/index.json` ([`DecisionsIndex`]): one entry per committee and municipal
//!   year with its counts by kind, and one per committee's follow-up file;
//! - `decisions/<committee id>/<year>.json` ([`DecisionsFile`]): that year's resolution
//!   parts, newest meeting first, agenda order within a meeting;
//! - `decisions/<committee id>/follow-ups-<year>.json` ([`FollowUpsFile`]): every request
//!   the committee made in that municipal year, with its status and evidence.
//!
//! These files are derived data: never edit them by hand.

use crate::council::schema_derive;
use crate::{Date, DatePrecision, EvidenceKind, ResolutionPart, Versioned};
use serde::{Deserialize, Serialize};

schema_derive! {
/// `decisions/index.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionsIndex {
    /// Always `"minutebook/1"`.
    pub format: String,
    /// One file per committee and municipal year, newest year first.
    pub files: Vec<DecisionsListing>,
    /// One follow-up file per committee and municipal year with requests, newest year first.
    pub follow_ups: Vec<FollowUpsListing>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionsListing {
    /// Path relative to the data root, e.g. `decisions/sefton-osc-children/2022.json`.
    pub file: String,
    pub council: String,
    pub committee: String,
    /// The municipal year by its first calendar year: 2022 is 2022/23.
    #[serde(deserialize_with = "crate::rules::year")]
    pub year: i32,
    /// Resolution parts in the file, by kind.
    pub counts: KindCounts,
}

/// How many resolution parts there are of each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindCounts {
    pub noted: u32,
    pub agreed: u32,
    pub requested: u32,
    pub arranged: u32,
    pub recommended: u32,
    pub deferred: u32,
    pub other: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUpsListing {
    /// Path relative to the data root, e.g. `decisions/sefton-osc-children/follow-ups-2022.json`.
    pub file: String,
    pub council: String,
    pub committee: String,
    /// The municipal year the requests were made in.
    #[serde(deserialize_with = "crate::rules::year")]
    pub year: i32,
    /// The committee's statuses are as of this date (see [`FollowUpsFile::as_of`]).
    pub as_of: Date,
    /// Requests in the file by status: delivered, arranged, planned, outstanding.
    pub counts: StatusCounts,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCounts {
    pub delivered: u32,
    pub arranged: u32,
    pub planned: u32,
    pub outstanding: u32,
}

/// `decisions/<committee id>/<year>.json`: one committee's resolution parts in one
/// municipal year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionsFile {
    pub format: String,
    pub committee: String,
    #[serde(deserialize_with = "crate::rules::year")]
    pub year: i32,
    /// Newest meeting first; within a meeting, in agenda order.
    pub decisions: Vec<Decision>,
}

/// One numbered part of a resolution (or a whole unnumbered resolution).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub meeting: String,
    pub date: Date,
    #[serde(default, skip_serializing_if = "DatePrecision::is_day")]
    pub date_precision: DatePrecision,
    /// The agenda item's title (the minute's heading when the item has none).
    pub item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_number: Option<String>,
    pub minute: String,
    /// The part's number, e.g. "3"; absent for a single unnumbered resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// The element id on the meeting page: `minute-19-3`.
    pub anchor: String,
    /// The resolution's words before its numbered parts, when they say more than "That".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preamble: Option<String>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullets: Vec<String>,
    /// Lettered sub-parts, as in the meeting file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<ResolutionPart>,
    pub kind: ResolutionKind,
    /// Minutes this part (or its minute) refers to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refers_to: Vec<PaperLink>,
    /// Minutes and papers that refer back to this part (or to its whole minute).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub referred_by: Vec<PaperLink>,
    /// Set when the part asks someone to do something (see the follow-up file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUpStatus>,
}

/// A place in a meeting's papers: a minute (and part), or an agenda item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperLink {
    pub meeting: String,
    pub date: Date,
    #[serde(default, skip_serializing_if = "DatePrecision::is_day")]
    pub date_precision: DatePrecision,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// The agenda item's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The element id on the meeting page.
    pub anchor: String,
}

/// What a resolution part decided, as a reader would filter it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionKind {
    Noted,
    /// Agreed, approved, confirmed, endorsed.
    Agreed,
    /// Asked for a report, information, an update, a letter or someone's attendance.
    Requested,
    /// Arranged (or recorded the arrangements for) a visit or briefing.
    Arranged,
    /// Recommended to the Cabinet or the Council.
    Recommended,
    /// Put off to a later meeting: "be considered further at the next meeting".
    Deferred,
    Other,
}

/// `decisions/<committee id>/follow-ups-<year>.json`: the requests one committee made in
/// one municipal year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUpsFile {
    pub format: String,
    pub council: String,
    pub committee: String,
    #[serde(deserialize_with = "crate::rules::year")]
    pub year: i32,
    /// Statuses are as of this date: the latest meeting of the committee whose papers are
    /// in the data. Nothing later is known, so nothing later is claimed.
    pub as_of: Date,
    /// Newest meeting first; within a meeting, in agenda order.
    pub follow_ups: Vec<FollowUp>,
}

/// A resolution part that asks someone to do something, and what came of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The request itself, as on the Decisions page.
    pub decision: Decision,
    pub asks: RequestKind,
    /// Who is asked, as written ("the Head of Children’s Social Care"), when the words say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked: Option<String>,
    /// When it is asked for, as written ("in 6 months’ time", "to the next meeting").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<String>,
    /// The meeting it is asked for ("to the next meeting"), when that meeting is in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_meeting: Option<PaperLink>,
    /// The date "in 6 months’ time" works out to, counted from the meeting's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    pub status: FollowUpStatus,
    /// Everything later papers say about it, oldest first.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    Delivered,
    Arranged,
    Planned,
    Outstanding,
}

/// What the request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Report,
    Information,
    Update,
    Briefing,
    Visit,
    Letter,
    Attendance,
    /// The committee will consider the matter again at a later meeting.
    Consideration,
    Action,
}

/// One piece of evidence about a request, found by the rules or linked in the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// The words that show it, as written.
    pub text: String,
    /// Where the words are, when that is a meeting's papers in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<PaperLink>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_programme: Option<String>,
    /// The meeting it is planned for, when that meeting is in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_meeting: Option<PaperLink>,
    /// The date the evidence gives: when it was delivered, or when it is to happen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Found by the rules in docs/follow-ups.md (a "Minute No." reference), rather than
    /// linked explicitly in the meeting file.
    #[serde(default)]
    pub automatic: bool,
}
}

impl Versioned for DecisionsIndex {
    const WHAT: &'static str = "decisions index";
}
impl Versioned for DecisionsFile {
    const WHAT: &'static str = "decisions file";
}
impl Versioned for FollowUpsFile {
    const WHAT: &'static str = "follow-ups file";
}

/// File names under the data root.
pub mod decision_paths {
    pub const INDEX: &str = "decisions/index.json";
    pub fn year(committee: &str, year: i32) -> String {
        format!("decisions/{committee}/{year}.json")
    }
    pub fn follow_ups(committee: &str, year: i32) -> String {
        format!("decisions/{committee}/follow-ups-{year}.json")
    }
}

impl ResolutionKind {
    pub const ALL: [ResolutionKind; 7] = [
        ResolutionKind::Noted,
        ResolutionKind::Agreed,
        ResolutionKind::Requested,
        ResolutionKind::Arranged,
        ResolutionKind::Recommended,
        ResolutionKind::Deferred,
        ResolutionKind::Other,
    ];
    /// What a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            ResolutionKind::Noted => "Noted",
            ResolutionKind::Agreed => "Agreed or approved",
            ResolutionKind::Requested => "Requested a report or information",
            ResolutionKind::Arranged => "Arranged a visit or briefing",
            ResolutionKind::Recommended => "Recommended to Cabinet or Council",
            ResolutionKind::Deferred => "Put off to a later meeting",
            ResolutionKind::Other => "Other",
        }
    }
    /// The value used in URLs and files.
    pub fn key(self) -> &'static str {
        match self {
            ResolutionKind::Noted => "noted",
            ResolutionKind::Agreed => "agreed",
            ResolutionKind::Requested => "requested",
            ResolutionKind::Arranged => "arranged",
            ResolutionKind::Recommended => "recommended",
            ResolutionKind::Deferred => "deferred",
            ResolutionKind::Other => "other",
        }
    }
    pub fn from_key(key: &str) -> Option<ResolutionKind> {
        ResolutionKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

impl KindCounts {
    pub fn get(&self, kind: ResolutionKind) -> u32 {
        match kind {
            ResolutionKind::Noted => self.noted,
            ResolutionKind::Agreed => self.agreed,
            ResolutionKind::Requested => self.requested,
            ResolutionKind::Arranged => self.arranged,
            ResolutionKind::Recommended => self.recommended,
            ResolutionKind::Deferred => self.deferred,
            ResolutionKind::Other => self.other,
        }
    }
    pub fn add(&mut self, kind: ResolutionKind) {
        let slot = match kind {
            ResolutionKind::Noted => &mut self.noted,
            ResolutionKind::Agreed => &mut self.agreed,
            ResolutionKind::Requested => &mut self.requested,
            ResolutionKind::Arranged => &mut self.arranged,
            ResolutionKind::Recommended => &mut self.recommended,
            ResolutionKind::Deferred => &mut self.deferred,
            ResolutionKind::Other => &mut self.other,
        };
        *slot += 1;
    }
    pub fn total(&self) -> u32 {
        ResolutionKind::ALL.iter().map(|k| self.get(*k)).sum()
    }
}

impl FollowUpStatus {
    pub const ALL: [FollowUpStatus; 4] = [
        FollowUpStatus::Delivered,
        FollowUpStatus::Arranged,
        FollowUpStatus::Planned,
        FollowUpStatus::Outstanding,
    ];
    pub fn label(self) -> &'static str {
        match self {
            FollowUpStatus::Delivered => "Delivered",
            FollowUpStatus::Arranged => "Arranged",
            FollowUpStatus::Planned => "Planned",
            FollowUpStatus::Outstanding => "Outstanding",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            FollowUpStatus::Delivered => "delivered",
            FollowUpStatus::Arranged => "arranged",
            FollowUpStatus::Planned => "planned",
            FollowUpStatus::Outstanding => "outstanding",
        }
    }
    pub fn from_key(key: &str) -> Option<FollowUpStatus> {
        FollowUpStatus::ALL.into_iter().find(|k| k.key() == key)
    }
    /// One line on what the status means.
    pub fn meaning(self) -> &'static str {
        match self {
            FollowUpStatus::Delivered => "a later meeting received what was asked for",
            FollowUpStatus::Arranged => "a later paper records the arrangements",
            FollowUpStatus::Planned => {
                "a work programme or report plans it for a meeting not yet held"
            }
            FollowUpStatus::Outstanding => "nothing in the data answers it yet",
        }
    }
}

impl StatusCounts {
    pub fn get(&self, s: FollowUpStatus) -> u32 {
        match s {
            FollowUpStatus::Delivered => self.delivered,
            FollowUpStatus::Arranged => self.arranged,
            FollowUpStatus::Planned => self.planned,
            FollowUpStatus::Outstanding => self.outstanding,
        }
    }
    pub fn add(&mut self, s: FollowUpStatus) {
        match s {
            FollowUpStatus::Delivered => self.delivered += 1,
            FollowUpStatus::Arranged => self.arranged += 1,
            FollowUpStatus::Planned => self.planned += 1,
            FollowUpStatus::Outstanding => self.outstanding += 1,
        }
    }
    pub fn total(&self) -> u32 {
        FollowUpStatus::ALL.iter().map(|s| self.get(*s)).sum()
    }
}

impl RequestKind {
    pub fn label(self) -> &'static str {
        match self {
            RequestKind::Report => "A report",
            RequestKind::Information => "Information",
            RequestKind::Update => "An update",
            RequestKind::Briefing => "A briefing",
            RequestKind::Visit => "A visit",
            RequestKind::Letter => "A letter",
            RequestKind::Attendance => "Someone’s attendance",
            RequestKind::Consideration => "Further consideration at a later meeting",
            RequestKind::Action => "Another action",
        }
    }
}

impl EvidenceKind {
    pub fn label(self) -> &'static str {
        match self {
            EvidenceKind::Delivered => "Delivered",
            EvidenceKind::Arranged => "Arranged",
            EvidenceKind::Planned => "Planned",
            EvidenceKind::Mentioned => "Mentioned later",
        }
    }
}
