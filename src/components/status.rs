//! Loading and error states. An error names the file and what is wrong with it, and offers
//! a way on: try again, or go back to the home page.

use crate::routes;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    view! {
        <p class="mb-loading" role="status" aria-live="polite">
            "Loading…" <span class="visually-hidden">{what}</span>
        </p>
    }
}

/// The ErrorBoundary fallback for a failed load, with a retry that refetches.
pub fn error_fallback(
    retry: impl Fn() + Clone + Send + Sync + 'static,
) -> impl Fn(ArcRwSignal<Errors>) -> AnyView + Clone + Send + Sync + 'static {
    move |errors: ArcRwSignal<Errors>| {
        let retry = retry.clone();
        let messages = move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .map(|(_, e)| view! { <p>{e.to_string()}</p> })
                    .collect_view()
            })
        };
        // A page whose own heading failed to load needs this message to be its h1 and its
        // title; a page that already has one gets a section heading instead.
        #[cfg(not(feature = "ssr"))]
        let page_has_h1 = crate::takeover::query("main h1").is_some();
        // Pre-rendering has no document: a failed load on the server is the page's heading.
        #[cfg(feature = "ssr")]
        let page_has_h1 = false;
        let heading = if page_has_h1 {
            view! { <h2 class="mb-error__title">"Sorry, this could not be shown"</h2> }.into_any()
        } else {
            view! {
                <Title text="Sorry, this could not be shown" />
                <h1 class="mb-error__title">"Sorry, this could not be shown"</h1>
            }
            .into_any()
        };
        view! {
            <div class="mb-error" role="alert">
                {heading}
                {messages}
                <p>
                    "If the problem was the connection, trying again may work. "
                    "Otherwise the council that publishes this data may need to correct the file."
                </p>
                <div class="button-group">
                    <button type="button" class="button mb-retry" on:click=move |_| retry()>"Try again"</button>
                    <a class="button button--secondary" href=routes::home()>"Go to the home page"</a>
                </div>
            </div>
        }
        .into_any()
    }
}

/// A plain "not published" marker, so absence is always said in words.
#[component]
pub fn NotPublished(#[prop(optional, into)] what: Option<String>) -> impl IntoView {
    view! {
        <span class="not-published">
            {match what {
                Some(w) => format!("{w}: not published"),
                None => "Not published".to_string(),
            }}
        </span>
    }
}
