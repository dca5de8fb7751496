//! Calendar (.ics) downloads. The file is written at build time beside the pre-rendered page
//! (`downloads/<page>/<name>.ics`, text from `minutebook_domain::ics`), so the link is a
//! plain link that works without JavaScript, and the app links to the same file: the
//! iCalendar writer is never in the wasm.

use leptos::prelude::*;
#[cfg(not(feature = "ssr"))]
use minutebook_data::DatePrecision;
use minutebook_data::{Catalogue, MeetingSummary};
use minutebook_domain::ics::file_name;

/// A calendar of some meetings of one committee (its text only exists at build time).
pub struct CalendarFile {
    #[cfg(feature = "ssr")]
    text: String,
}

/// An absolute URL for an in-app path, for links inside calendar events (from
/// `MINUTEBOOK_SITE_URL` when it is set; otherwise from the site root).
#[cfg(feature = "ssr")]
fn absolute(path: &str) -> Option<String> {
    let origin = std::env::var("MINUTEBOOK_SITE_URL").unwrap_or_default();
    Some(format!(
        "{}{}",
        origin.trim_end_matches('/'),
        crate::routes::href(path)
    ))
}

/// The calendar for some meetings of one committee; `None` when none can be dated.
pub fn meetings_calendar<'a>(
    c: &Catalogue,
    committee: &str,
    meetings: impl Iterator<Item = &'a MeetingSummary>,
) -> Option<CalendarFile> {
    let k = c.committee(committee)?;
    #[cfg(feature = "ssr")]
    {
        use minutebook_domain::ics::{calendar, meeting_event};
        let events: Vec<_> = meetings
            .filter_map(|m| {
                meeting_event(m, k, absolute(&format!("/meetings/{}", m.id)).as_deref())
            })
            .collect();
        (!events.is_empty()).then(|| CalendarFile {
            text: calendar(&k.title, &events),
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        // The same rule as `ics::meeting_event`: only meetings whose day is known.
        let _ = k;
        let mut meetings = meetings;
        meetings
            .any(|m| m.date_precision == DatePrecision::Day)
            .then_some(CalendarFile {})
    }
}

/// A download link for a calendar file.
#[component]
pub fn IcsDownload(
    file: CalendarFile,
    /// File name stem, e.g. the meeting id.
    #[prop(into)]
    name: String,
    #[prop(into)] label: String,
) -> impl IntoView {
    let download = file_name(&name);
    #[cfg(feature = "ssr")]
    let href = crate::data::publish_download(&crate::routes::current_page(), &download, file.text);
    #[cfg(not(feature = "ssr"))]
    let href = {
        let _ = file;
        crate::data::download_link(&crate::routes::current_page(), &download)
    };
    view! {
        <a class="button button--secondary ics-download" href=href download=download type="text/calendar">
            {label}
            <span class="visually-hidden">" (iCalendar file)"</span>
        </a>
    }
}
