//! Skip link, header, main landmark and footer around every page.

use crate::data::href;
use leptos::prelude::*;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to main content"</a>
        <header class="site-header">
            <div class="container site-header__inner">
                <a class="site-header__name" href=href("/")>"Minutebook"</a>
                <span class="site-header__tagline">"Council committee meetings, agendas and minutes"</span>
            </div>
            <nav class="container site-nav" aria-label="Main">
                <ul>
                    <li><a href=href("/")>"Committees"</a></li>
                    <li><a href=href("/decisions")>"Decisions"</a></li>
                    <li><a href=href("/follow-ups")>"Follow-ups"</a></li>
                    <li><a href=href("/search")>"Search"</a></li>
                    <li><a href=href("/people")>"People"</a></li>
                    <li><a href=href("/glossary")>"Glossary"</a></li>
                </ul>
            </nav>
        </header>
        <div class="container">
            <main id="main" tabindex="-1">{children()}</main>
        </div>
        <footer class="site-footer">
            <div class="container">
                <p>
                    "Minutebook shows committee papers exactly as councils published them. "
                    "Where a paper does not say something, this site says “not published” rather than guess."
                </p>
                <p>"Dates and times are UK local time (Europe/London)."</p>
            </div>
        </footer>
    }
}

/// Breadcrumbs: a trail of (label, link) with the current page last and unlinked.
#[component]
pub fn Breadcrumbs(trail: Vec<(String, String)>, current: String) -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <ol>
                {trail
                    .into_iter()
                    .map(|(label, link)| view! { <li><a href=link>{label}</a></li> })
                    .collect_view()}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}
