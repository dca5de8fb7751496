//! Loading and error states. An error names the file and what is wrong with it, and offers
//! a way on: try again, or go back to the home page.

use crate::routes;
use leptos::prelude::*;
use leptos_meta::Title;
use minutebook_data::LoadError;

#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    view! {
        <p class="mb-loading" role="status" aria-live="polite">
            "Loading…" <span class="visually-hidden">{what}</span>
        </p>
    }
}

/// The one loading skeleton: "Loading {what}…" until `content`'s future (which awaits the
/// page's loads) is ready, then its view; if a load failed, the message naming the file,
/// with a retry.
///
/// Failures are matched here rather than thrown to an `ErrorBoundary`: with two sections
/// loading at once (the people page), a thrown error was caught by the other section's
/// boundary, whose retry then fetched the wrong file (tests/hostile.rs). The retry calls
/// `retry` (which starts new loads) and rebuilds the whole view.
#[component]
pub fn Loads<R, F, Fut, V>(
    #[prop(into)] what: String,
    retry: R,
    content: F,
    /// Shown above "Loading…" while the page's own heading is not there yet.
    #[prop(optional, into)]
    heading: Option<String>,
) -> impl IntoView
where
    R: Fn() + Clone + Send + Sync + 'static,
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<V, LoadError>> + Send + 'static,
    V: IntoView + 'static,
{
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let (what, heading, content) = (what.clone(), heading.clone(), content.clone());
        let retry = retry.clone();
        let again = move || {
            retry();
            attempt.update(|n| *n += 1);
        };
        view! {
            <Transition fallback=move || view! {
                {heading.clone().map(|h| view! { <h1>{h}</h1> })}
                <Loading what=what.clone() />
            }>
                {
                    let again = again.clone();
                    let content = content.clone();
                    move || {
                        let (again, loaded) = (again.clone(), content());
                        Suspend::new(async move {
                            match loaded.await {
                                Ok(view) => view.into_any(),
                                Err(e) => failed(&e, again),
                            }
                        })
                    }
                }
            </Transition>
        }
    }
}

/// What a failed load shows: the message naming the file, a retry and a way home.
pub fn failed(error: &LoadError, retry: impl Fn() + Clone + Send + Sync + 'static) -> AnyView {
    let message = error.to_string();
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
            <p>{message}</p>
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
