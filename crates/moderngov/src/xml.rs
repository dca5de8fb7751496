//! Reading the ModernGov web service's XML documents into plain Rust types, with the
//! service's quirks undone (fixtures and SPEC.md in `../shared/fixtures/moderngov/`):
//!
//! - dates are `dd/mm/yyyy`, times `6.30 pm` (12-hour, a dot, lower-case am/pm);
//! - counts carry a leading space (`<committeescount> 131</committeescount>`);
//! - an empty value is whitespace, not a self-closing element: whitespace-only is `None`;
//! - booleans are `True`/`False`;
//! - titles and names are HTML-escaped before being XML-escaped (`&amp;#39;`), so they get
//!   one more HTML unescape here ([`unescape_once`]);
//! - a status can be compound: "Confirmed; Special Meeting" is a status and a meeting type.
//!
//! What is not XML at all (an HTML error page, a JavaScript redirect stub, an empty body)
//! and XML with the wrong root element are told apart by [`XmlError`], so the client can
//! report them with the URL. A bad value inside one meeting of a list is reported for that
//! meeting ([`Rejected`]) and the rest of the list is still read.
//!
//! Only what Minutebook publishes is read: from GetCouncillorsByWard that is the name,
//! party and ward of each councillor, never an address, telephone number or email.

use minutebook_data::{Date, Time};
use roxmltree::{Document, Node};
use std::fmt;

/// Why a body could not be read as the document expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum XmlError {
    /// The body is empty or only whitespace.
    Empty,
    /// The body is an HTML page (an error page, a login or bot wall), not XML.
    HtmlPage { title: Option<String> },
    /// The body is a script that sends the browser elsewhere (e.g. to https), not XML.
    RedirectStub,
    /// The body is neither XML nor recognisably HTML; `start` is its first characters.
    NotXml { start: String },
    /// The body is not valid UTF-8.
    NotUtf8,
    /// XML that does not parse (cut off, or damaged).
    Malformed {
        line: u32,
        column: u32,
        message: String,
    },
    /// Valid XML whose root is not the one the method returns.
    WrongRoot {
        expected: &'static str,
        found: String,
    },
    /// A value the document cannot do without (an id, a meeting's date) is missing or bad.
    Field(FieldProblem),
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            XmlError::Empty => write!(f, "the service sent an empty body where XML was expected"),
            XmlError::HtmlPage { title: Some(t) } => write!(
                f,
                "the service sent an HTML page (\"{t}\") where XML was expected: the web service may be switched off, blocked or failing"
            ),
            XmlError::HtmlPage { title: None } => write!(
                f,
                "the service sent an HTML page where XML was expected: the web service may be switched off, blocked or failing"
            ),
            XmlError::RedirectStub => write!(
                f,
                "the service sent a JavaScript redirect page where XML was expected: try the base URL with https"
            ),
            XmlError::NotXml { start } => write!(
                f,
                "the service sent something that is not XML (it starts \"{}\")",
                start.escape_debug()
            ),
            XmlError::NotUtf8 => write!(f, "the service sent a body that is not UTF-8 text"),
            XmlError::Malformed {
                line,
                column,
                message,
            } => write!(
                f,
                "the XML is malformed or cut off at line {line}, column {column}: {message}"
            ),
            XmlError::WrongRoot { expected, found } => write!(
                f,
                "the XML is a <{found}> document, not the <{expected}> this method returns"
            ),
            XmlError::Field(p) => write!(f, "{p}"),
        }
    }
}

impl std::error::Error for XmlError {}

/// A value that could not be read: which element, what it held, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The element (or attribute) name, e.g. `meetingdate`.
    pub field: String,
    /// The value as sent (whitespace trimmed); empty when the element is missing.
    pub value: String,
    pub problem: String,
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.is_empty() {
            write!(f, "<{}> {}", self.field, self.problem)
        } else {
            write!(
                f,
                "<{}> \"{}\" {}",
                self.field,
                self.value.escape_debug(),
                self.problem
            )
        }
    }
}

/// An entry of a list that was left out because a value it needs is bad.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// Its id, when that at least could be read.
    pub id: Option<u64>,
    pub problem: FieldProblem,
}

// ---------------------------------------------------------------------------------------
// Values

/// One more HTML unescape, for the service's double-escaped titles and names
/// (`&amp;#39;` arrives from the XML parser as `&#39;`). Only complete references ending
/// in `;` are decoded, so "K&W" and "Q&A" stay as they are.
pub fn unescape_once(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail[1..]
            .char_indices()
            .take(32)
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|(j, c)| (j + 1, c));
        match end {
            Some((j, ';')) if j > 1 => {
                let reference = &tail[..=j];
                let decoded = html_escape::decode_html_entities(reference);
                out.push_str(&decoded);
                rest = &tail[j + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A whitespace-only value is no value (SPEC §4.5).
fn clean(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

/// `dd/mm/yyyy`, strictly: a real calendar date in 1900–2200.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let parts: Vec<&str> = s.trim().split('/').collect();
    let ok = parts.len() == 3
        && parts[0].len() <= 2
        && parts[1].len() <= 2
        && parts[2].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !ok {
        return Err("is not a date in the form dd/mm/yyyy".into());
    }
    let (d, m, y) = (
        parts[0].parse::<u8>().unwrap_or(0),
        parts[1].parse::<u8>().unwrap_or(0),
        parts[2].parse::<i32>().unwrap_or(0),
    );
    if !(Date::MIN_YEAR..=Date::MAX_YEAR).contains(&y) {
        return Err(format!(
            "has a year outside {} to {}",
            Date::MIN_YEAR,
            Date::MAX_YEAR
        ));
    }
    Date::new(y, m, d).ok_or_else(|| "is not a real calendar date".to_string())
}

/// A 12-hour time as the service writes it ("6.30 pm", "10.00 am", "12.30 pm") to 24-hour
/// wall-clock time. The service gives UK local time, so no time zone is applied. "12 noon"
/// and "midday" are read as 12:00; a colon is accepted in place of the dot.
pub fn parse_time(s: &str) -> Result<Time, String> {
    let t = s.trim().to_ascii_lowercase();
    if matches!(
        t.as_str(),
        "12 noon" | "noon" | "midday" | "12 midday" | "12.00 noon"
    ) {
        return Ok(Time {
            hour: 12,
            minute: 0,
        });
    }
    let bad = || "is not a time in the form h.mm am or h.mm pm".to_string();
    let (clock, pm) = if let Some(c) = t.strip_suffix("pm") {
        (c.trim_end(), true)
    } else if let Some(c) = t.strip_suffix("am") {
        (c.trim_end(), false)
    } else {
        return Err(bad());
    };
    let (h, m) = match clock.split_once(['.', ':']) {
        Some((h, m)) => (h, m),
        None => (clock, "00"),
    };
    let digits = |x: &str, max_len: usize| {
        !x.is_empty() && x.len() <= max_len && x.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 2) || !digits(m, 2) || m.len() != 2 {
        return Err(bad());
    }
    let (h, m): (u8, u8) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if !(1..=12).contains(&h) || m > 59 {
        return Err(bad());
    }
    let hour = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, false) => h,
        (h, true) => h + 12,
    };
    Ok(Time { hour, minute: m })
}

/// `True`/`False` (any letter case).
pub fn parse_bool(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err("is not True or False".into()),
    }
}

/// A count or id, with the leading space some counts carry trimmed.
pub fn parse_number(s: &str) -> Result<u64, String> {
    s.trim()
        .parse::<u64>()
        .map_err(|_| "is not a whole number".to_string())
}

/// A meeting status as sent, split into the status and the meeting type:
/// "Confirmed; Special Meeting" → ("Confirmed", Some("Special Meeting")).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub status: String,
    pub meeting_type: Option<String>,
}

impl Status {
    pub fn parse(s: &str) -> Status {
        let s = s.trim();
        match s.split_once(';') {
            Some((a, b)) => Status {
                status: a.trim().to_string(),
                meeting_type: clean(b).map(str::to_string),
            },
            None => Status {
                status: s.to_string(),
                meeting_type: None,
            },
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.status.eq_ignore_ascii_case("cancelled")
    }

    pub fn is_postponed(&self) -> bool {
        self.status.eq_ignore_ascii_case("postponed")
    }
}

// ---------------------------------------------------------------------------------------
// Reading a body

/// Check the body is XML and parse it, telling "not XML at all" from damaged XML.
fn document(body: &[u8]) -> Result<Document<'_>, XmlError> {
    let text = std::str::from_utf8(body).map_err(|_| XmlError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(XmlError::Empty);
    }
    let lower: String = trimmed.chars().take(600).collect::<String>().to_lowercase();
    if !lower.starts_with("<?xml") {
        if lower.contains("window.location") || lower.contains("http-equiv=\"refresh\"") {
            return Err(XmlError::RedirectStub);
        }
        if lower.starts_with("<!doctype html") || lower.starts_with("<html") || html_page(&lower) {
            return Err(XmlError::HtmlPage {
                title: html_title(trimmed),
            });
        }
        if !trimmed.starts_with('<') {
            return Err(XmlError::NotXml {
                start: trimmed.chars().take(40).collect(),
            });
        }
    }
    let doc = Document::parse(text).map_err(|e| {
        let pos = e.pos();
        XmlError::Malformed {
            line: pos.row,
            column: pos.col,
            message: e.to_string(),
        }
    })?;
    if doc
        .root_element()
        .tag_name()
        .name()
        .eq_ignore_ascii_case("html")
    {
        return Err(XmlError::HtmlPage {
            title: html_title(trimmed),
        });
    }
    Ok(doc)
}

fn html_page(lower: &str) -> bool {
    ["<head", "<body", "<script", "<title"]
        .iter()
        .any(|t| lower.contains(t))
}

fn html_title(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let start = lower.find("<title")?;
    let open_end = start + lower[start..].find('>')? + 1;
    let end = open_end + lower[open_end..].find("</title")?;
    let t = text.get(open_end..end)?;
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then(|| unescape_once(&t))
}

fn root<'a, 'i>(doc: &'a Document<'i>, expected: &'static str) -> Result<Node<'a, 'i>, XmlError> {
    let r = doc.root_element();
    if r.tag_name().name() == expected {
        Ok(r)
    } else {
        Err(XmlError::WrongRoot {
            expected,
            found: r.tag_name().name().to_string(),
        })
    }
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn children<'a, 'i: 'a>(n: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    n.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// The text of a child element, whitespace-only as `None`.
fn text(n: Node, name: &str) -> Option<String> {
    child(n, name)
        .and_then(|c| c.text())
        .and_then(clean)
        .map(str::to_string)
}

fn problem(field: &str, value: &str, problem: impl Into<String>) -> FieldProblem {
    FieldProblem {
        field: field.to_string(),
        value: value.trim().to_string(),
        problem: problem.into(),
    }
}

fn required<T>(
    n: Node,
    name: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<T, FieldProblem> {
    match text(n, name) {
        None => Err(problem(name, "", "is missing or empty")),
        Some(v) => parse(&v).map_err(|p| problem(name, &v, p)),
    }
}

/// An optional value: absent is `None`; a bad value is `None` and noted in `problems`.
fn optional<T>(
    n: Node,
    name: &str,
    parse: impl Fn(&str) -> Result<T, String>,
    problems: &mut Vec<FieldProblem>,
) -> Option<T> {
    let v = text(n, name)?;
    match parse(&v) {
        Ok(x) => Some(x),
        Err(p) => {
            problems.push(problem(name, &v, p));
            None
        }
    }
}

fn flag(n: Node, name: &str, problems: &mut Vec<FieldProblem>) -> Option<bool> {
    optional(n, name, parse_bool, problems)
}

fn title(n: Node, name: &str) -> Option<String> {
    text(n, name).map(|t| unescape_once(&t))
}

// ---------------------------------------------------------------------------------------
// GetCommittees

/// A committee from GetCommittees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Committee {
    pub id: u64,
    /// Unescaped once more.
    pub title: String,
    pub deleted: bool,
    pub expired: bool,
    /// The council's free-text grouping, e.g. "Overview and Scrutiny".
    pub category: Option<String>,
}

/// Committees read from a GetCommittees body, and those left out for a bad value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Committees {
    pub committees: Vec<Committee>,
    pub rejected: Vec<Rejected>,
}

/// Read a GetCommittees body (root `<committees>`).
pub fn parse_committees(body: &[u8]) -> Result<Committees, XmlError> {
    let doc = document(body)?;
    let r = root(&doc, "committees")?;
    let mut out = Committees::default();
    for c in children(r, "committee") {
        let id = required(c, "committeeid", parse_number);
        let read = || -> Result<Committee, FieldProblem> {
            Ok(Committee {
                id: id.clone()?,
                title: title(c, "committeetitle")
                    .ok_or_else(|| problem("committeetitle", "", "is missing or empty"))?,
                deleted: match text(c, "committeedeleted") {
                    Some(v) => parse_bool(&v).map_err(|p| problem("committeedeleted", &v, p))?,
                    None => false,
                },
                expired: match text(c, "committeeexpired") {
                    Some(v) => parse_bool(&v).map_err(|p| problem("committeeexpired", &v, p))?,
                    None => false,
                },
                category: title(c, "committeecategory"),
            })
        };
        match read() {
            Ok(k) => out.committees.push(k),
            Err(p) => out.rejected.push(Rejected {
                id: id.ok(),
                problem: p,
            }),
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// GetMeetings

/// A meeting as GetMeetings lists it: enough to decide whether to fetch it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingStub {
    pub id: u64,
    pub committee_id: Option<u64>,
    pub date: Date,
    pub status: Status,
    pub time: Option<Time>,
}

/// The meetings of a GetMeetings body, and those left out for a bad value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meetings {
    pub meetings: Vec<MeetingStub>,
    pub rejected: Vec<Rejected>,
}

/// Read a GetMeetings body (root `<getmeetings>`). A meeting whose id or date cannot be
/// read is listed in `rejected`; the others are still returned. A bad time is dropped to
/// `None` (the meeting itself will be fetched with GetMeeting).
pub fn parse_meetings(body: &[u8]) -> Result<Meetings, XmlError> {
    let doc = document(body)?;
    let r = root(&doc, "getmeetings")?;
    let mut out = Meetings::default();
    for m in r.descendants().filter(|n| n.has_tag_name("meeting")) {
        let committee_id = m
            .ancestors()
            .find(|a| a.has_tag_name("committee"))
            .and_then(|c| text(c, "committeeid"))
            .and_then(|v| parse_number(&v).ok());
        let id = required(m, "meetingid", parse_number);
        let date = required(m, "meetingdate", parse_date);
        match (id, date) {
            (Ok(id), Ok(date)) => out.meetings.push(MeetingStub {
                id,
                committee_id,
                date,
                status: Status::parse(&text(m, "meetingstatus").unwrap_or_default()),
                time: text(m, "meetingtime").and_then(|t| parse_time(&t).ok()),
            }),
            (id, date) => out.rejected.push(Rejected {
                id: id.as_ref().ok().copied(),
                problem: match (id, date) {
                    (Err(p), _) | (_, Err(p)) => p,
                    _ => unreachable!("one of them failed"),
                },
            }),
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// GetMeeting

/// One meeting from GetMeeting, everything the service gives about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MgMeeting {
    pub id: u64,
    pub date: Date,
    pub status: Status,
    /// `isdisplayallowed`: the council shows the meeting on its public site.
    pub display_allowed: bool,
    pub time: Option<Time>,
    pub planned_finish: Option<Time>,
    pub actual_start: Option<Time>,
    pub actual_finish: Option<Time>,
    /// `meetinglocation`, the one-line venue.
    pub location: Option<String>,
    /// `meetingroom/roomdisplaytitle` (or `roomtitle`).
    pub room: Option<String>,
    pub webcast: Option<bool>,
    pub agenda_published: Option<bool>,
    pub decision_published: Option<bool>,
    pub minutes_published: Option<bool>,
    /// In the service's order; sort with [`MgMeeting::items_in_order`].
    pub items: Vec<MgItem>,
    pub attendees: Vec<MgAttendee>,
    /// Values that were present but could not be read; each was left out (`None`).
    pub problems: Vec<FieldProblem>,
}

/// An agenda item (`agendaitem`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MgItem {
    pub id: u64,
    /// Unescaped once more.
    pub title: String,
    /// `agendatext`: Word HTML.
    pub agenda_html: Option<String>,
    /// `agendaitemnumber`, the internal order (never shown).
    pub order: Option<u64>,
    pub sub_order: Option<String>,
    /// `fulldisplaynumberformat` without its trailing dot: the printed number.
    pub display_number: Option<String>,
    /// `minutesitemnumber`, with `minutesitemsubnumber` appended when there is one.
    pub minute_number: Option<String>,
    pub minutes_html: Option<String>,
    pub decision_html: Option<String>,
    pub declaration_count: Option<u32>,
    pub is_decision: Option<bool>,
    pub decision_published: Option<bool>,
    pub minute_published: Option<bool>,
    pub call_in: Option<bool>,
    pub restricted: Option<bool>,
    /// `isdisplayallowed`; an item the council does not display is never published.
    pub display_allowed: Option<bool>,
    pub documents: Vec<MgDocument>,
}

/// A linked document (`linkeddoc`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MgDocument {
    pub id: Option<u64>,
    /// Unescaped once more.
    pub title: String,
    pub is_url: Option<bool>,
    pub url: Option<String>,
    pub restricted: Option<bool>,
    pub restrictions_ref: Option<String>,
    pub order: Option<u64>,
    pub published: Option<Date>,
}

/// An attendee (`attendee`, data in attributes). Addresses, photos and contact details are
/// not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MgAttendee {
    pub member_id: Option<String>,
    /// As sent, unescaped once more: "Councillor Jeremy Hilton", or an officer's name.
    pub name: String,
    /// `roledescription`: "Chair", "Vice-Chair", "Committee Member", "Officer"…
    pub role: Option<String>,
    /// `attendance`: "Expected", "Present, as expected", "In attendance"…; open text.
    pub attendance: Option<String>,
    pub party: Option<String>,
    pub ward: Option<String>,
    pub key_posts: Option<String>,
    /// Officers' job title.
    pub representing: Option<String>,
}

impl MgMeeting {
    /// The items in agenda order (`agendaitemnumber`, then `agendaitemsubnumber`), never
    /// renumbered.
    pub fn items_in_order(&self) -> Vec<&MgItem> {
        let mut items: Vec<&MgItem> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (a.order.unwrap_or(u64::MAX), sub_key(&a.sub_order))
                .cmp(&(b.order.unwrap_or(u64::MAX), sub_key(&b.sub_order)))
        });
        items
    }
}

fn sub_key(s: &Option<String>) -> (u64, String) {
    match s {
        None => (0, String::new()),
        Some(s) => (s.parse().unwrap_or(u64::MAX), s.clone()),
    }
}

/// Read a GetMeeting body (root `<meeting>`). The meeting's id and date are required; any
/// other value that cannot be read is left out and listed in `problems`.
pub fn parse_meeting(body: &[u8]) -> Result<MgMeeting, XmlError> {
    let doc = document(body)?;
    let r = root(&doc, "meeting")?;
    let id = required(r, "meetingid", parse_number).map_err(XmlError::Field)?;
    let date = required(r, "meetingdate", parse_date).map_err(XmlError::Field)?;
    let mut problems = Vec::new();
    let p = &mut problems;
    let room = child(r, "meetingroom")
        .and_then(|room| title(room, "roomdisplaytitle").or_else(|| title(room, "roomtitle")));
    let mut items = Vec::new();
    if let Some(list) = child(r, "agendaitems") {
        for it in children(list, "agendaitem") {
            match parse_item(it, p) {
                Ok(i) => items.push(i),
                Err(e) => p.push(e),
            }
        }
    }
    let attendees = child(r, "attendees")
        .map(|a| children(a, "attendee").filter_map(attendee).collect())
        .unwrap_or_default();
    Ok(MgMeeting {
        id,
        date,
        status: Status::parse(&text(r, "meetingstatus").unwrap_or_default()),
        display_allowed: flag(r, "isdisplayallowed", p).unwrap_or(true),
        time: optional(r, "meetingtime", parse_time, p),
        planned_finish: optional(r, "meetingplannedfinishtime", parse_time, p),
        actual_start: optional(r, "meetingactualstarttime", parse_time, p),
        actual_finish: optional(r, "meetingactualfinishtime", parse_time, p),
        location: title(r, "meetinglocation"),
        room,
        webcast: flag(r, "iswebcast", p),
        agenda_published: flag(r, "agendapublished", p),
        decision_published: flag(r, "decisionpublished", p),
        minutes_published: flag(r, "minutepublished", p),
        items,
        attendees,
        problems,
    })
}

fn parse_item(it: Node, p: &mut Vec<FieldProblem>) -> Result<MgItem, FieldProblem> {
    let id = required(it, "agendaitemid", parse_number)?;
    let item_title = title(it, "agendaitemtitle").ok_or_else(|| {
        problem(
            "agendaitemtitle",
            "",
            format!("is missing or empty (item {id})"),
        )
    })?;
    let minute_number =
        text(it, "minutesitemnumber").map(|n| match text(it, "minutesitemsubnumber") {
            Some(s) => format!("{n}{s}"),
            None => n,
        });
    let documents = child(it, "linkeddocuments")
        .map(|d| {
            children(d, "linkeddoc")
                .filter_map(|doc| {
                    let t = title(doc, "title")?;
                    Some(MgDocument {
                        id: optional(doc, "attachmentid", parse_number, p),
                        title: t,
                        is_url: flag(doc, "isurl", p),
                        url: text(doc, "url"),
                        restricted: flag(doc, "isrestricted", p),
                        restrictions_ref: text(doc, "restrictionsRef"),
                        order: optional(doc, "itemnum", parse_number, p),
                        published: optional(doc, "publicationdate", parse_date, p),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(MgItem {
        id,
        title: item_title,
        agenda_html: text(it, "agendatext"),
        order: optional(it, "agendaitemnumber", parse_number, p),
        sub_order: text(it, "agendaitemsubnumber"),
        display_number: text(it, "fulldisplaynumberformat")
            .map(|n| n.trim_end_matches('.').trim().to_string())
            .filter(|n| !n.is_empty()),
        minute_number,
        minutes_html: text(it, "minutesnonemptyhtmlbody"),
        decision_html: text(it, "decisionnonemptyhtmlbody"),
        declaration_count: optional(it, "declarationcount", parse_number, p)
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        is_decision: flag(it, "isdecision", p),
        decision_published: flag(it, "isdecisionpublished", p),
        minute_published: flag(it, "isminutepublished", p),
        call_in: flag(it, "iscallin", p),
        restricted: flag(it, "isrestricted", p),
        display_allowed: flag(it, "isdisplayallowed", p),
        documents,
    })
}

fn attendee(a: Node) -> Option<MgAttendee> {
    let attr = |name: &str| a.attribute(name).and_then(clean).map(unescape_once);
    Some(MgAttendee {
        member_id: attr("memberid"),
        name: attr("name")?,
        role: attr("roledescription"),
        attendance: attr("attendance"),
        party: attr("politicalparty"),
        ward: attr("ward"),
        key_posts: attr("keyposts"),
        representing: attr("representing"),
    })
}

// ---------------------------------------------------------------------------------------
// GetCouncillorsByWard

/// A councillor from GetCouncillorsByWard: name, party and ward only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Councillor {
    pub id: String,
    /// `fullusername`, e.g. "Councillor Andrew Gravells MBE".
    pub name: String,
    /// `politicalpartytitle`, e.g. "Conservative".
    pub party: Option<String>,
    /// `wardtitle` of the ward listing them.
    pub ward: Option<String>,
}

/// Read a GetCouncillorsByWard (root `<councillorsbyward>`) or GetCouncillorsByWardId
/// (root `<councillorsbywardid>`) body. An empty `<wards>` gives an empty list.
pub fn parse_councillors(body: &[u8]) -> Result<Vec<Councillor>, XmlError> {
    let doc = document(body)?;
    let r = doc.root_element();
    if !matches!(
        r.tag_name().name(),
        "councillorsbyward" | "councillorsbywardid"
    ) {
        return Err(XmlError::WrongRoot {
            expected: "councillorsbyward",
            found: r.tag_name().name().to_string(),
        });
    }
    let mut out = Vec::new();
    for ward in r.descendants().filter(|n| n.has_tag_name("ward")) {
        let ward_title = title(ward, "wardtitle");
        for c in ward.descendants().filter(|n| n.has_tag_name("councillor")) {
            let (Some(id), Some(name)) = (text(c, "councillorid"), title(c, "fullusername")) else {
                continue;
            };
            out.push(Councillor {
                id,
                name,
                party: title(c, "politicalpartytitle"),
                ward: ward_title.clone(),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(
            parse_date("13/01/2026"),
            Ok(Date::new(2026, 1, 13).unwrap())
        );
        assert!(parse_date("2026-01-13").is_err());
        assert!(parse_date("31/02/2026")
            .unwrap_err()
            .contains("real calendar"));
        assert!(parse_date("13/01/26").is_err());
        let t = |s| parse_time(s).map(|t| t.to_string());
        assert_eq!(t("6.30 pm").as_deref(), Ok("18:30"));
        assert_eq!(t("10.00 am").as_deref(), Ok("10:00"));
        assert_eq!(t("12.30 pm").as_deref(), Ok("12:30"));
        assert_eq!(t("12.15 am").as_deref(), Ok("00:15"));
        assert_eq!(t("12 noon").as_deref(), Ok("12:00"));
        assert_eq!(t("2 pm").as_deref(), Ok("14:00"));
        assert!(parse_time("18.30").is_err() && parse_time("13.00 pm").is_err());
        assert_eq!(parse_number(" 131"), Ok(131));
        assert_eq!(parse_bool("True"), Ok(true));
        assert!(parse_bool("Yes").is_err());
        assert_eq!(
            Status::parse("Confirmed; Special Meeting"),
            Status {
                status: "Confirmed".into(),
                meeting_type: Some("Special Meeting".into())
            }
        );
        assert_eq!(
            unescape_once("Members&#39; Question &amp; K&W &pound Q&A"),
            "Members' Question & K&W &pound Q&A"
        );
    }

    #[test]
    fn not_xml() {
        assert_eq!(parse_meeting(b"").unwrap_err(), XmlError::Empty);
        assert_eq!(parse_meeting(b"  \r\n").unwrap_err(), XmlError::Empty);
        let stub = b"<!-- beginning of HttpRedirect.htm file -->\n<script type=\"text/javascript\">\nwindow.location = x;</script>";
        assert_eq!(parse_meeting(stub).unwrap_err(), XmlError::RedirectStub);
        let page = b"<!DOCTYPE html>\n<html><head><title>\n Error\n</title></head></html>";
        assert_eq!(
            parse_meeting(page).unwrap_err(),
            XmlError::HtmlPage {
                title: Some("Error".into())
            }
        );
        assert!(matches!(
            parse_meeting(b"<?xml version=\"1.0\"?><meeting><meetingid>1</meet").unwrap_err(),
            XmlError::Malformed { .. }
        ));
        assert_eq!(
            parse_meeting(b"<?xml version=\"1.0\"?><committees/>").unwrap_err(),
            XmlError::WrongRoot {
                expected: "meeting",
                found: "committees".into()
            }
        );
        assert!(matches!(
            parse_meeting(b"Service Unavailable").unwrap_err(),
            XmlError::NotXml { .. }
        ));
    }
}
