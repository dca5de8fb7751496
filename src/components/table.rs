//! Table pieces several pages share.

use leptos::prelude::*;

/// A table's column headings: a `<thead>` row of `<th scope="col">`, so every table names
/// its columns the same way for screen readers.
pub fn column_heads(columns: &[&'static str]) -> impl IntoView {
    let heads = columns
        .iter()
        .map(|c| view! { <th scope="col">{*c}</th> })
        .collect_view();
    view! { <thead><tr>{heads}</tr></thead> }
}
