//! The page for any address that does not match a page or a meeting in the data.

use crate::data::href;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound(#[prop(optional, into)] detail: Option<String>) -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <h1>"Page not found"</h1>
        <p>
            {detail.unwrap_or_else(|| {
                "If you typed the web address, check it is correct. If you followed a link, the page may have moved or the meeting may no longer be published.".into()
            })}
        </p>
        <p><a href=href("/")>"Go to the list of councils and committees"</a></p>
    }
}
