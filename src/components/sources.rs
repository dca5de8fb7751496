//! "Where this record comes from": the papers a published document was transcribed from,
//! and the transcriber's notes, shown as plain text.

use crate::components::text::data_link;
use leptos::prelude::*;
use minutebook_data::SourceDocument;
use minutebook_domain::dates::short_date;

#[component]
pub fn SourcesSection(
    /// Id of the section heading (unique on the page).
    #[prop(into)]
    heading_id: String,
    sources: Vec<SourceDocument>,
    notes: Vec<String>,
) -> impl IntoView {
    let labelled_by = heading_id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>"Where this record comes from"</h2>
            {notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
            <ul class="list list--bullet">
                {sources
                    .into_iter()
                    .map(|s| source_item(&s))
                    .collect_view()}
            </ul>
        </section>
    }
}

/// One paper in a "Where this record comes from" list: its title (linked when it has a safe
/// address), when it was published and the transcriber's note.
pub fn source_item(s: &SourceDocument) -> impl IntoView {
    let title = s.title.clone();
    view! {
        <li>
            {match &s.url { Some(u) => data_link(u, title), None => title.into_any() }}
            {s.published.map(|d| format!(", published {}", short_date(d)))}
            {s.note.clone().map(|n| view! { " — " <span class="hint">{n}</span> })}
        </li>
    }
}
