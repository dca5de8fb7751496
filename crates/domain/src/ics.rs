//! Calendar files (iCalendar, RFC 5545) for meetings: the project's only iCalendar writer,
//! used by `minutebook feeds` (`calendars/<committee>.ics`) and by the pre-renderer
//! (the downloads on meeting and committee pages).
//!
//! Times in the papers are Europe/London wall-clock times; events carry them as UTC
//! (converted by [`crate::london::to_utc`]), which every calendar program reads the same
//! way whatever its own time zone. A meeting whose start time is not published becomes an
//! all-day event on its date, saying so, rather than a guessed time; no event gets an
//! end time, because the papers never give one.
//!
//! ## Escaping and folding
//!
//! Titles and venues come from the published data, and a line break in them must not
//! end the event and start another (`…\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nATTACH:…`), so
//! the file is written here by hand rather than with the `icalendar` crate, which (0.17)
//! left the calendar name unescaped, carriage returns raw and URLs as given:
//!
//! * every TEXT value — summary, location, description, UID and the calendar name
//!   (`NAME`, `X-WR-CALNAME`) — is escaped per RFC 5545 §3.3.11: `\` `;` `,` get a
//!   backslash, and each line break (CRLF, LF or a bare CR) becomes `\n`; other control
//!   characters are dropped (TAB is kept);
//! * a URL is written only when it is an `http(s)` address, with spaces, control
//!   characters, non-ASCII and the characters URIs forbid percent-encoded, so it cannot
//!   hold a line break either;
//! * every content line is folded at 75 octets (CRLF and a space), never inside a UTF-8
//!   character, and preferably not next to a space, so that a parser which trims line
//!   ends still reads the text back whole. Lines end in CRLF only.
//!
//! ```ignore
//! let events: Vec<CalendarEvent> = meetings.iter().filter_map(|m| meeting_event(m, &committee, url)).collect();
//! let text = calendar("Overview and Scrutiny Committee ...", &events);
//! ```

use crate::dates::{council_time, date_from_days, days_from_epoch};
use crate::london;
use chrono::{DateTime, Datelike, Timelike};
use minutebook_data::{Committee, Date, DatePrecision, MeetingStatus, MeetingSummary, Time};

/// When an event starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventStart {
    /// The whole day (the start time is not published).
    AllDay(Date),
    /// A Europe/London wall-clock time.
    London(Date, Time),
}

/// One calendar event, before it is written out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable across downloads, so a calendar updates the event instead of adding another.
    pub uid: String,
    pub summary: String,
    pub start: EventStart,
    pub location: Option<String>,
    pub description: Option<String>,
    /// A link to the meeting's page (absolute http(s) URL).
    pub url: Option<String>,
    pub cancelled: bool,
}

/// The event for one meeting; `None` when only the month of the meeting is known.
/// `page_url` is the absolute address of the meeting's page, when there is one.
pub fn meeting_event(
    meeting: &MeetingSummary,
    committee: &Committee,
    page_url: Option<&str>,
) -> Option<CalendarEvent> {
    if meeting.date_precision != DatePrecision::Day {
        return None;
    }
    let start = match meeting.start_time {
        Some(t) => EventStart::London(meeting.date, t),
        None => EventStart::AllDay(meeting.date),
    };
    let mut description = vec![committee.title.clone()];
    match meeting.start_time {
        Some(t) => description.push(format!(
            "Starts {} ({}, UK time).",
            council_time(t),
            london::zone_name(meeting.date, t)
        )),
        None => description.push("Start time not published.".into()),
    }
    if meeting.status != MeetingStatus::Scheduled {
        description.push(format!("Status: {}.", meeting.status.label()));
    }
    if let Some(url) = page_url {
        description.push(format!("Agenda and minutes: {url}"));
    }
    Some(CalendarEvent {
        uid: format!("{}@minutebook", meeting.id),
        summary: committee.title.clone(),
        start,
        location: meeting.venue.as_ref().map(|v| match &v.address {
            Some(a) => format!("{}, {a}", v.name),
            None => v.name.clone(),
        }),
        description: Some(description.join("\n")),
        url: page_url
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .map(str::to_string),
        cancelled: meeting.status == MeetingStatus::Cancelled,
    })
}

/// `PRODID`: who wrote the file (RFC 5545 §3.7.3).
const PRODID: &str = "-//Minutebook//Minutebook calendars//EN";

/// The longest content line, in octets, without its CRLF (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// A whole calendar file (CRLF line endings, folded lines) with one event per entry.
/// An event whose date cannot be written (not a real date, or a year outside 0–9999) is
/// left out rather than written without a start.
pub fn calendar(name: &str, events: &[CalendarEvent]) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: &str| content_line(&mut out, name, value);
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", PRODID);
    line("CALSCALE", "GREGORIAN");
    line("NAME", &escape_text(name));
    line("X-WR-CALNAME", &escape_text(name));
    let stamp = now_stamp();
    for e in events {
        let Some(start) = start_lines(e.start) else {
            continue;
        };
        line("BEGIN", "VEVENT");
        line("UID", &escape_text(&e.uid));
        line("DTSTAMP", &stamp);
        for (n, v) in &start {
            line(n, v);
        }
        line("SUMMARY", &escape_text(&e.summary));
        if let Some(l) = &e.location {
            line("LOCATION", &escape_text(l));
        }
        if let Some(d) = &e.description {
            line("DESCRIPTION", &escape_text(d));
        }
        if let Some(u) = e.url.as_deref().and_then(uri) {
            line("URL", &u);
        }
        line(
            "STATUS",
            if e.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            },
        );
        line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
    out
}

/// `DTSTART` (and, for an all-day event, `DTEND`) as (name with parameters, value).
fn start_lines(start: EventStart) -> Option<Vec<(&'static str, String)>> {
    match start {
        EventStart::AllDay(d) => {
            // RFC 5545: an all-day event ends (exclusively) on the next day.
            let next = days_from_epoch(d).checked_add(1).map(date_from_days)?;
            Some(vec![
                ("DTSTART;VALUE=DATE", date_value(d)?),
                ("DTEND;VALUE=DATE", date_value(next)?),
            ])
        }
        EventStart::London(d, t) => {
            date_value(d)?;
            Time::new(t.hour, t.minute)?;
            let (ud, ut) = london::to_utc(d, t);
            Some(vec![(
                "DTSTART",
                format!("{}T{:02}{:02}00Z", date_value(ud)?, ut.hour, ut.minute),
            )])
        }
    }
}

/// `YYYYMMDD`, for a real date with a four-digit year.
fn date_value(d: Date) -> Option<String> {
    Date::new(d.year, d.month, d.day)
        .filter(|d| (0..=9999).contains(&d.year))
        .map(|d| format!("{:04}{:02}{:02}", d.year, d.month, d.day))
}

/// `DTSTAMP`: when the file was written, in UTC.
fn now_stamp() -> String {
    // The browser build never writes calendars, and has no clock without JavaScript.
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
    let secs = 0u64;
    // A clock chrono cannot read (past the year 262,143) gives the epoch, as one set before
    // 1970 does.
    let now = i64::try_from(secs)
        .ok()
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
        .unwrap_or_default();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.year(),
        now.month(),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    )
}

/// A TEXT value escaped per RFC 5545 §3.3.11: backslash, `;` and `,` get a backslash;
/// CRLF, LF and a bare CR each become `\n`; other control characters except TAB are
/// dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URL value: only `http(s)` addresses, with every character a URI may not hold
/// (controls, spaces, non-ASCII, quotes, angle brackets, backslash, caret, backtick,
/// braces and bar) percent-encoded.
fn uri(u: &str) -> Option<String> {
    let u = u.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return None;
    }
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        if c.is_ascii_graphic() && !"\"<>\\^`{|}".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    Some(out)
}

/// Appends `name:value` folded to lines of at most [`LINE_OCTETS`] octets, each ending
/// in CRLF; a continuation line starts with a space (RFC 5545 §3.1).
fn content_line(out: &mut String, name: &str, value: &str) {
    let line = format!("{name}:{value}");
    let mut rest = line.as_str();
    let mut limit = LINE_OCTETS;
    while rest.len() > limit {
        let cut = fold_point(rest, limit);
        let (head, tail) = rest.split_at(cut);
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        // The leading space counts towards the 75 octets.
        limit = LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// Where to fold `s` (longer than `limit` octets): the last character boundary within
/// `limit`, preferably one with no space, tab or backslash just before it and no space
/// or tab just after it, so that parsers which trim the ends of lines lose nothing.
fn fold_point(s: &str, limit: usize) -> usize {
    let is_blank = |c: char| c == ' ' || c == '\t';
    let mut last = 0;
    let mut preferred = 0;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if i > limit {
            break;
        }
        if i > 0 {
            last = i;
            if prev.is_some_and(|p| !is_blank(p) && p != '\\') && !is_blank(c) {
                preferred = i;
            }
        }
        prev = Some(c);
    }
    // A run of blanks too long for one line is folded where it must be.
    if preferred > 0 {
        preferred
    } else {
        last
    }
}

/// A file name for a download: letters, digits and hyphens only, ending ".ics".
pub fn file_name(stem: &str) -> String {
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    format!("{}.ics", out.trim_end_matches('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_per_rfc_5545() {
        assert_eq!(
            escape_text("a\\b;c,d\r\ne\rf\ng\th\u{1}i\u{7f}"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng\thi"
        );
    }

    #[test]
    fn lines_fold_at_75_octets_on_character_boundaries() {
        let mut out = String::new();
        content_line(&mut out, "SUMMARY", &"ŵ".repeat(100));
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.len() <= 75));
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        let unfolded: String = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "ŵ".repeat(100)));
        // Not next to a space when a word boundary is near.
        let mut out = String::new();
        content_line(&mut out, "SUMMARY", &format!("{}end", "word ".repeat(30)));
        for l in out.split("\r\n") {
            assert!(!l.ends_with(' '), "{l:?}");
        }
    }

    #[test]
    fn only_http_urls_with_no_spaces_or_controls() {
        assert_eq!(uri("javascript:alert(1)"), None);
        assert_eq!(
            uri(" https://x.example/a b\r\nc\"é "),
            Some("https://x.example/a%20b%0D%0Ac%22%C3%A9".into())
        );
    }
}
