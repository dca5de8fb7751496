//! Long lists rendered a chunk at a time.
//!
//! A meeting can have thousands of agenda items, a committee thousands of meetings, a person
//! a thousand attendances. Building all of their DOM in one go froze the tab (100,000 items
//! took 105 s). In the browser, [`Chunked`] renders the first chunk at once and each further
//! chunk in its own task, so the first rows appear within a frame and the tab keeps
//! answering input while the rest are added. While the app is taking over a pre-rendered
//! page, the swap waits for the last chunk (`takeover::Busy`), so the reader never sees a
//! shorter list than the HTML had. Pre-rendering writes every row: HTML streams, and a
//! browser paints it as it arrives.

use leptos::prelude::*;
use std::sync::Arc;

/// Rows rendered per task: about a frame's work for the heaviest rows (agenda items).
pub const CHUNK: usize = 50;

/// `items`, each rendered by `row(index, item)`, in chunks of `chunk`.
#[component]
pub fn Chunked<T, F, V>(
    items: Vec<T>,
    row: F,
    #[prop(default = CHUNK)] chunk: usize,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(usize, T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let chunk = chunk.max(1);
    let items = Arc::new(items);
    let total = items.len();
    let render = move |start: usize| {
        let end = start.saturating_add(chunk).min(total);
        items[start..end]
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, item)| row(start + i, item))
            .collect_view()
    };
    if cfg!(feature = "ssr") || total <= chunk {
        return render_all(total, chunk, render).into_any();
    }
    let shown = RwSignal::new(chunk);
    more(shown, total, chunk, crate::takeover::Busy::start());
    view! {
        <For each=move || (0..shown.get()).step_by(chunk) key=|start| *start children=render />
    }
    .into_any()
}

fn render_all<V: IntoView + 'static>(
    total: usize,
    chunk: usize,
    render: impl Fn(usize) -> V,
) -> impl IntoView {
    (0..total).step_by(chunk).map(render).collect_view()
}

/// Show one more chunk after the browser has had a turn (paint, input), until all are shown.
/// `busy` holds the take-over back until the list is complete; it is dropped at the end, or
/// when the page has gone (the signal is disposed).
fn more(shown: RwSignal<usize>, total: usize, chunk: usize, busy: crate::takeover::Busy) {
    set_timeout(
        move || {
            let Some(now) = shown.try_update(|n| {
                *n = n.saturating_add(chunk).min(total);
                *n
            }) else {
                return;
            };
            if now < total {
                more(shown, total, chunk, busy);
            } else {
                drop(busy);
            }
        },
        std::time::Duration::ZERO,
    );
}
