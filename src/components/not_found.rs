//! The page for any address that does not match a page or a meeting in the data.

use crate::components::head::PageHead;
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn NotFound(#[prop(optional, into)] detail: Option<String>) -> impl IntoView {
    view! {
        <PageHead title="Page not found".to_string() description="There is no page at this address in the published data.".to_string() />
        <h1>"Page not found"</h1>
        <p>
            {detail.unwrap_or_else(|| {
                "If you typed the web address, check it is correct. If you followed a link, the page may have moved or the meeting may no longer be published.".into()
            })}
        </p>
        <p><a href=routes::home()>"Go to the list of councils and committees"</a></p>
    }
}
