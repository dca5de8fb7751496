//! Calendar (.ics) downloads made in the browser: the file text is built in Rust
//! (`minutebook_domain::ics`), put in a Blob, and offered as an `<a download>` link — no
//! server needed, so it works on any static host.

use crate::data::href;
use leptos::prelude::*;
use minutebook_data::{Catalogue, MeetingSummary};
use minutebook_domain::ics::{calendar, file_name, meeting_event};

/// An absolute URL for an in-app path, for links inside calendar events.
pub fn absolute(path: &str) -> Option<String> {
    let origin = window().location().origin().ok()?;
    Some(format!("{origin}{}", href(path)))
}

/// The calendar text for some meetings of one committee; `None` when none can be dated.
pub fn meetings_calendar<'a>(c: &Catalogue, committee: &str, meetings: impl Iterator<Item = &'a MeetingSummary>) -> Option<String> {
    let k = c.committee(committee)?;
    let events: Vec<_> = meetings
        .filter_map(|m| meeting_event(m, k, absolute(&format!("/meetings/{}", m.id)).as_deref()))
        .collect();
    (!events.is_empty()).then(|| calendar(&k.title, &events))
}

/// A download link for calendar text; the object URL is released with the link.
#[component]
pub fn IcsDownload(
    /// The file's text (iCalendar).
    text: String,
    /// File name stem, e.g. the meeting id.
    #[prop(into)]
    name: String,
    #[prop(into)] label: String,
) -> impl IntoView {
    let url = object_url(&text);
    if let Some(u) = url.clone() {
        on_cleanup(move || {
            let _ = web_sys::Url::revoke_object_url(&u);
        });
    }
    match url {
        Some(u) => view! {
            <a class="button button--secondary ics-download" href=u download=file_name(&name) type="text/calendar">
                {label}
                <span class="visually-hidden">" (iCalendar file)"</span>
            </a>
        }
        .into_any(),
        None => view! { <p class="not-published">"The calendar file could not be made in this browser."</p> }.into_any(),
    }
}

fn object_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/calendar;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
