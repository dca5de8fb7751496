//! `meetings/<id>.json`: one meeting, its agenda, attendance and minutes.

use crate::council::schema_derive;
use crate::{Date, Time};
use serde::{Deserialize, Serialize};

schema_derive! {
/// One meeting of a committee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// Always `"minutebook/1"`.
    pub format: String,
    /// Stable, URL-safe id: `<committee id>-<YYYY-MM-DD>`.
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    /// Id of the committee.
    pub committee: String,
    pub date: Date,
    /// `month` when the papers give only the month ("January 2022"): the day in `date`
    /// is then 1 and is never shown.
    #[serde(default, skip_serializing_if = "DatePrecision::is_day")]
    pub date_precision: DatePrecision,
    /// Start time in Europe/London; absent when the papers do not give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Time>,
    /// The time the meeting was planned to finish, when published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_finish_time: Option<Time>,
    /// The time the meeting actually started, when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_start_time: Option<Time>,
    /// The time the meeting actually finished, when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_finish_time: Option<Time>,
    /// The kind of meeting when the council names one, as written, e.g. "Special Meeting",
    /// "Budget Council". Absent for an ordinary meeting or when not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<Venue>,
    /// The room, when the council gives it apart from the venue, e.g. "Civic Suite".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    /// The officer to contact about the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    pub status: MeetingStatus,
    /// Whether the agenda is in the data (the items' titles and report details).
    pub agenda_published: bool,
    pub minutes: MinutesStatus,
    /// Whether the council has published its decisions for the meeting (executive
    /// meetings); absent when not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decisions_published: Option<bool>,
    /// The id the council's own committee system gives the meeting (e.g. the ModernGov
    /// meeting id), so an importer can find it again. Never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// The meeting whose minutes confirmed these minutes as a correct record, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_confirmed_at: Option<String>,
    #[serde(default)]
    pub supplementary_agendas: Vec<SupplementaryAgenda>,
    /// The papers this record was transcribed from.
    #[serde(default)]
    pub sources: Vec<SourceDocument>,
    /// Absent when no paper in the data records who attended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<Attendance>,
    #[serde(default)]
    pub items: Vec<AgendaItem>,
    /// Notes about the record itself, e.g. where a source is cut off.
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Venue {
    /// The room or building, e.g. "Committee Room - Bootle Town Hall".
    pub name: String,
    /// Street address as printed, e.g. "Trinity Road, Bootle, L20 7AE".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    /// Job title, e.g. "Senior Democratic Services Officer".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telephone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    #[default]
    Day,
    Month,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Scheduled,
    Held,
    Cancelled,
    Postponed,
}

/// The state of a meeting's minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MinutesStatus {
    /// No minutes are in the data.
    NotPublished,
    /// Published but not yet confirmed by the committee.
    Draft,
    /// Confirmed as a correct record at a later meeting.
    Confirmed,
    /// Published, but the source does not say whether draft or confirmed.
    Published,
}

/// An agenda issued after the main agenda, e.g. with a report that was "to follow".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplementaryAgenda {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    /// Agenda item numbers it contains.
    pub items: Vec<String>,
    /// The covering text, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Id of the source document (see `sources`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A paper the record was transcribed from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDocument {
    /// Short id used by other fields, e.g. `pack-2022-11-07`.
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    pub title: String,
    pub kind: SourceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// Link to the paper (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    AgendaPack,
    SupplementaryAgenda,
    Minutes,
    WebPage,
    Other,
}

/// Who attended, who sent apologies and who declared an interest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attendance {
    /// Members present. Absent when the source does not record it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<Vec<Attendee>>,
    /// Cabinet members, co-optees, officers and others recorded as also present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub also_present: Option<Vec<Attendee>>,
    /// Members recorded as not present (some councils list them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_present: Option<Vec<Attendee>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apologies: Option<Vec<Apology>>,
    /// The apologies minute as written, e.g. "Apologies for absence were received from ...".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apologies_text: Option<String>,
    pub declarations: Declarations,
    /// How many declarations of interest the council's system records for the meeting,
    /// when it gives only a count (ModernGov): who declared what may still be unpublished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declarations_count: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    /// Name as printed, e.g. "Councillor June Burns", "Mr. M. Byrne".
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// Capacity as printed, e.g. "Healthwatch Representative",
    /// "Cabinet Member – Children’s Social Care".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<String>,
    /// Set when the minutes record the person as chairing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<ChairRole>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChairRole {
    /// "(in the Chair)"
    InTheChair,
    /// "(Vice-Chair)"
    ViceChair,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Apology {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<String>,
    /// The substitute named for this member, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substitute: Option<String>,
    /// Whether the substitute attended; absent when not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substitute_attended: Option<bool>,
}

/// Declarations of interest, with "none" recorded as such.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Declarations {
    /// The minutes record that no declarations were made; `text` is the wording used.
    NoneDeclared { text: String },
    Declared { declarations: Vec<Declaration> },
    /// The source does not record declarations.
    NotPublished,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declaration {
    pub member: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// Minute number the declaration relates to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute: Option<String>,
    /// The nature of the interest, as written.
    pub nature: String,
    pub kind: InterestKind,
    /// Whether the member left the room; absent when not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_room: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterestKind {
    DisclosablePecuniary,
    Personal,
    Prejudicial,
    Other,
    NotStated,
}

/// One item on the agenda, with its report and its minute when they are in the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// Agenda number as printed; absent when only the minutes survive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub title: String,
    /// e.g. "Report of the Executive Director of Children’s Social Care and Education".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_of: Option<String>,
    /// Pages in the agenda pack, e.g. "3 - 10".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// Text printed under the item on the agenda.
    #[serde(default)]
    pub agenda_note: Vec<Block>,
    /// The report was marked "to follow" on the agenda.
    #[serde(default)]
    pub to_follow: bool,
    /// The item came on a supplementary agenda.
    #[serde(default)]
    pub supplementary: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<Report>,
    #[serde(default)]
    pub documents: Vec<Document>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute: Option<Minute>,
    /// The whole item is exempt or confidential (taken in private); absent when not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt: Option<bool>,
    /// The item is an executive decision (e.g. of the Cabinet); absent when not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executive_decision: Option<bool>,
    /// The decision can be called in by scrutiny; absent when not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_in: Option<bool>,
    /// The formal decision as the council publishes it apart from the minute (executive
    /// decisions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<ItemDecision>,
    /// How many declarations of interest the council's system records for this item, when
    /// it gives only a count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declarations_count: Option<u32>,
}

/// A formal decision published apart from the minute, e.g. a Cabinet decision notice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDecision {
    /// The text of the decision, paragraph by paragraph, when it is not itemised below.
    #[serde(default)]
    pub narrative: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
    /// The text says "RESOLVED" but its parts could not be recognised: it is given as
    /// paragraphs in `narrative` instead.
    #[serde(default, skip_serializing_if = "crate::rules::is_false")]
    pub resolutions_not_itemised: bool,
    /// The decision's page on the council's site (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The front sheet of an officer's report.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Report {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portfolio: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_decision: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_forward_plan: Option<bool>,
    /// "Exempt / Confidential Report".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt: Option<bool>,
    /// Wards affected, e.g. `["All"]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wards: Option<Vec<String>>,
    #[serde(default)]
    pub summary: Vec<Block>,
    #[serde(default)]
    pub recommendations: Vec<Block>,
    #[serde(default)]
    pub reasons: Vec<Block>,
    #[serde(default)]
    pub alternatives: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// Appendix titles as listed, e.g. "Appendix A - Improvement Plan".
    #[serde(default)]
    pub appendices: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background_papers: Option<String>,
    /// The body of the report (or its appendices) where it is short enough to transcribe
    /// in full, e.g. Cabinet Member update reports; one entry per headed section.
    #[serde(default)]
    pub sections: Vec<ReportSection>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSection {
    pub heading: String,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

/// A paper attached to an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub title: String,
    pub kind: DocumentKind,
    /// Size as published, e.g. "PDF 294 KB".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Link (http or https); absent when not published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default)]
    pub to_follow: bool,
    /// The document is exempt or confidential: its link is never published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt: Option<bool>,
    /// The date the document was published, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Report,
    Appendix,
    Minutes,
    Agenda,
    Presentation,
    Other,
}

/// A block of text: a paragraph (a JSON string) or a bulleted list (an array of strings).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Block {
    Paragraph(String),
    List(Vec<String>),
}

/// The minute recording what happened on an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minute {
    /// Minute number as printed, e.g. "19".
    pub number: String,
    /// Heading as printed in the minutes, when it differs from the agenda title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default)]
    pub narrative: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matters_raised: Option<MattersRaised>,
    /// Narrative that follows the matters raised, before the resolution.
    #[serde(default)]
    pub narrative_after: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
    /// Explicit links to other minutes where the papers make the connection in words
    /// that are not a "Minute No. N (p) of <date>" reference.
    #[serde(default)]
    pub references: Vec<MinuteReference>,
    /// Set when the source does not contain the whole minute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<String>,
    /// The minute says "RESOLVED" but its parts could not be recognised: the whole text is
    /// given as paragraphs in `narrative` and `resolution` is absent.
    #[serde(default, skip_serializing_if = "crate::rules::is_false")]
    pub resolutions_not_itemised: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MattersRaised {
    /// The lead-in as written, e.g. "Members of the Committee asked questions/raised
    /// matters on the following issues:".
    pub intro: String,
    pub points: Vec<String>,
}

/// "RESOLVED: That (1) ...; and (2) ...".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    /// Words before the numbered parts, e.g. "That" or "That the Cabinet and the Council be
    /// recommended to approve the following recommendations:".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preamble: Option<String>,
    pub parts: Vec<ResolutionPart>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionPart {
    /// "1", "2" or "a"; absent for a single unnumbered resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub text: String,
    /// A bulleted list inside the part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullets: Vec<String>,
    /// Lettered sub-parts, (a), (b)...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<ResolutionPart>,
    /// What later papers say about a request made in this part, where they make the
    /// connection in words the app cannot recognise itself. (It finds "Further to Minute
    /// No.19 (3) of 27 September 2022, the Committee considered the report ..." on its own;
    /// see docs/follow-ups.md.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_up: Vec<FollowUpEvidence>,
}

/// One piece of evidence that a request was answered, arranged, planned or raised again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpEvidence {
    pub kind: EvidenceKind,
    /// The later paper's words that make the connection, as written.
    pub text: String,
    /// The meeting whose papers contain those words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// The minute of that meeting, when the words are in its minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute: Option<String>,
    /// The resolution part of that minute, e.g. "5".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Id of the work programme file, when the words are in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_programme: Option<String>,
    /// The meeting the papers plan it for (`planned`), when that meeting is in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_meeting: Option<String>,
    /// The date the papers give for what they record: the briefing's or visit's date
    /// (`arranged`), the meeting it is planned for (`planned`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where the words are, when that is not a minute in the data, e.g. "Agenda pack,
    /// 7 November 2022, item 10 (Work Programme report), paragraph 6.1".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A plain caveat, e.g. which part of the request the papers do not answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a later paper shows about a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// The report, information or update came to the committee (or its members).
    Delivered,
    /// The briefing, visit or attendance has been arranged for a date.
    Arranged,
    /// A work programme or report schedules it for a later meeting.
    Planned,
    /// Raised or referred to again, without answering it.
    Mentioned,
}

/// A link from one minute to another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinuteReference {
    /// The words in the papers that make the connection.
    pub text: String,
    /// Target meeting id; absent when the meeting is not in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    pub minute: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}
}

impl Block {
    /// All text in the block, for search and counting.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Paragraph(p) => vec![p.as_str()],
            Block::List(items) => items.iter().map(String::as_str).collect(),
        }
    }
}

impl Meeting {
    /// Every minute in agenda order.
    pub fn minutes(&self) -> impl Iterator<Item = &Minute> {
        self.items.iter().filter_map(|i| i.minute.as_ref())
    }
}

impl DatePrecision {
    pub fn is_day(&self) -> bool {
        *self == DatePrecision::Day
    }
}

impl MeetingStatus {
    pub fn label(self) -> &'static str {
        match self {
            MeetingStatus::Scheduled => "Scheduled",
            MeetingStatus::Held => "Held",
            MeetingStatus::Cancelled => "Cancelled",
            MeetingStatus::Postponed => "Postponed",
        }
    }
}

impl MinutesStatus {
    pub fn label(self) -> &'static str {
        match self {
            MinutesStatus::NotPublished => "Minutes not published",
            MinutesStatus::Draft => "Draft minutes",
            MinutesStatus::Confirmed => "Confirmed minutes",
            MinutesStatus::Published => "Minutes published (draft or confirmed not stated)",
        }
    }
}

impl InterestKind {
    pub fn label(self) -> &'static str {
        match self {
            InterestKind::DisclosablePecuniary => "Disclosable pecuniary interest",
            InterestKind::Personal => "Personal interest",
            InterestKind::Prejudicial => "Prejudicial interest",
            InterestKind::Other => "Other interest",
            InterestKind::NotStated => "Kind of interest not stated",
        }
    }
}
