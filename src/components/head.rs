//! What a page puts in `<head>`: its title and a description written from the data, which
//! search engines show under the link (pre-rendering writes both into the HTML).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn PageHead(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] description: String,
) -> impl IntoView {
    view! {
        <Title text=move || title.get() />
        <Meta name="description" content=description />
    }
}
