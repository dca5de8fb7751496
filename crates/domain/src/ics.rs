//! Calendar files (iCalendar, RFC 5545) for meetings, built with the `icalendar` crate.
//!
//! Times in the papers are Europe/London wall-clock times; events carry them as UTC
//! (converted by [`crate::london::to_utc`]), which every calendar program reads the same
//! way whatever its own time zone. A meeting whose start time is not published becomes an
//! all-day event on its date, saying so, rather than a guessed time; no event gets an
//! end time, because the papers never give one.
//!
//! ```ignore
//! let events: Vec<CalendarEvent> = meetings.iter().filter_map(|m| meeting_event(m, &committee, url)).collect();
//! let text = calendar("Overview and Scrutiny Committee ...", &events);
//! ```

use crate::dates::council_time;
use crate::london;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
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

fn naive_date(d: Date) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(d.year, d.month as u32, d.day as u32)
}

fn utc(date: Date, time: Time) -> Option<chrono::DateTime<chrono::Utc>> {
    let (d, t) = london::to_utc(date, time);
    naive_date(d)?
        .and_hms_opt(t.hour as u32, t.minute as u32, 0)
        .map(|n| n.and_utc())
}

/// A whole calendar file (CRLF line endings, folded lines) with one event per entry.
pub fn calendar(name: &str, events: &[CalendarEvent]) -> String {
    let mut cal = Calendar::new();
    cal.name(name);
    for e in events {
        let mut ev = Event::new();
        ev.uid(&e.uid).summary(&e.summary);
        match e.start {
            EventStart::AllDay(d) => {
                // RFC 5545: an all-day event ends (exclusively) on the next day.
                if let Some(nd) = naive_date(d) {
                    ev.starts(nd);
                    if let Some(next) = nd.succ_opt() {
                        ev.ends(next);
                    }
                }
            }
            EventStart::London(d, t) => {
                if let Some(dt) = utc(d, t) {
                    ev.starts(dt);
                }
            }
        }
        if let Some(l) = &e.location {
            ev.location(l);
        }
        if let Some(desc) = &e.description {
            ev.description(desc);
        }
        if let Some(u) = &e.url {
            ev.url(u);
        }
        ev.status(if e.cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
        cal.push(ev.done());
    }
    cal.done().to_string()
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
