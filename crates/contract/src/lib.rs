//! The published meeting JSON contract, format `minutebook/1`.
//!
//! A publisher (a council's web team, or a native tool) writes these files to any static
//! host; the Minutebook app and the native tools read them through this one crate so the
//! two can never disagree about the shape of the data.
//!
//! Conventions that hold everywhere:
//! - A field that is absent or `null` means *the papers do not say*; the app shows
//!   "Not published" rather than guessing.
//! - Dates are ISO `YYYY-MM-DD`, times are 24-hour `HH:MM`, both in Europe/London local time
//!   as the council wrote them.
//! - Text is plain text exactly as written in the papers; it is never interpreted as HTML.

mod calendar;
mod council;
mod dashboard;
mod decisions;
mod forward_plan;
mod load;
mod meeting;
mod theme;
mod work_programme;

pub use calendar::{Date, Time};
pub use council::*;
pub use dashboard::*;
pub use decisions::*;
pub use forward_plan::*;
pub use work_programme::*;
pub use load::{parse, parse_bytes, FormatError, LoadError, LoadErrorKind, Versioned};
pub use meeting::*;
pub use theme::{Logo, Theme};

/// The format identifier every published file carries in its `format` field.
pub const FORMAT: &str = "minutebook/1";

/// The file names a publisher uses, relative to the data root.
pub mod paths {
    /// The catalogue: councils, committees and a summary of every meeting.
    pub const CATALOGUE: &str = "index.json";
    /// One file per meeting: `meetings/<meeting id>.json`.
    pub fn meeting(id: &str) -> String {
        format!("meetings/{id}.json")
    }
    pub fn work_programme(id: &str) -> String {
        format!("work-programmes/{id}.json")
    }
    pub fn forward_plan(id: &str) -> String {
        format!("forward-plans/{id}.json")
    }
    pub fn dashboard(id: &str) -> String {
        format!("dashboards/{id}.json")
    }
    /// Optional: the council's theme (name, colours, font, logo).
    pub const THEME: &str = "theme.json";
    /// Written at build time by `minutebook feeds`: a committee's calendar.
    pub fn calendar(committee: &str) -> String {
        format!("calendars/{committee}.ics")
    }
    /// Written at build time by `minutebook feeds`: Atom feed of a committee or a council.
    pub fn feed(committee_or_council: &str) -> String {
        format!("feeds/{committee_or_council}.atom")
    }
}

/// A published file that the catalogue lists (everything but councils and meetings).
pub trait Listed: Versioned {
    /// The directory it lives in under the data root.
    const DIR: &'static str;
    fn listing(&self) -> Listing;
}
