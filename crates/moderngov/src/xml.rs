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

mod lists;
mod meeting;
#[cfg(test)]
mod tests;

pub use lists::{
    parse_committees, parse_councillors, parse_meetings, Committee, Committees, Councillor,
    MeetingStub, Meetings,
};
pub use meeting::{parse_meeting, MgAttendee, MgDocument, MgItem, MgMeeting};

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
