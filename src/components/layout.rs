//! Skip link, header, main landmark and footer around every page — except embeds
//! (`/embed/...`), which are only their `<main>`, for a council's iframe. The council's
//! theme (name, logo, colours) is applied here for both.

use crate::components::theme::use_theme;
use crate::data::site;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Whether an app path (with or without the base path) is an embed.
pub fn is_embed_path(pathname: &str) -> bool {
    let path = pathname
        .strip_prefix(site().base.as_str())
        .unwrap_or(pathname);
    path.starts_with("/embed/") || path == "/embed"
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let location = use_location();
    let embed = Memo::new(move |_| is_embed_path(&location.pathname.get()));
    let branding = use_theme();
    // Pre-rendered pages carry the council's colours from theme.json (the app applies
    // them itself, with any URL overrides, when it takes over).
    #[cfg(feature = "ssr")]
    let theme_on_root = {
        let style = branding.get_untracked().root_style;
        (!style.is_empty())
            .then(|| view! { <leptos_meta::Html {..} style=style data-mb-theme="custom" /> })
    };
    #[cfg(not(feature = "ssr"))]
    let theme_on_root = ();
    // Both forms share one <main>, so the routes inside are built once.
    view! {
        {theme_on_root}
        <Show when=move || !embed.get()>
            <a class="skip-link" href="#main">"Skip to main content"</a>
            <header class="site-header">
                <div class="container site-header__inner">
                    <a class="site-header__name" href=routes::home()>
                        {move || branding.get().logo.map(|(src, alt)| {
                            // Beside the council's name in text the logo is decorative.
                            let alt = if branding.get().name.is_some() { String::new() } else { alt };
                            view! { <img class="site-header__logo" src=src alt=alt /> }
                        })}
                        {move || {
                            let b = branding.get();
                            match (b.name, b.logo) {
                                (Some(name), _) => view! { <span>{name}</span> }.into_any(),
                                (None, Some(_)) => ().into_any(),
                                (None, None) => view! { <span>"Minutebook"</span> }.into_any(),
                            }
                        }}
                    </a>
                    <span class="site-header__tagline">"Council committee meetings, agendas and minutes"</span>
                </div>
                <nav class="container site-nav" aria-label="Main">
                    <ul>
                        <li><a href=routes::home()>"Committees"</a></li>
                        <li><a href=routes::href("/decisions")>"Decisions"</a></li>
                        <li><a href=routes::href("/follow-ups")>"Follow-ups"</a></li>
                        <li><a href=routes::href("/search")>"Search"</a></li>
                        <li><a href=routes::href("/people")>"People"</a></li>
                        <li><a href=routes::href("/glossary")>"Glossary"</a></li>
                    </ul>
                </nav>
            </header>
        </Show>
        <div class=move || if embed.get() { "mb-embed" } else { "container" }>
            <main id="main" tabindex="-1">{children()}</main>
        </div>
        <Show when=move || !embed.get()>
            <footer class="site-footer">
                <div class="container">
                    <p>
                        "Minutebook shows committee papers exactly as councils published them. "
                        "Where a paper does not say something, this site says “not published” rather than guess."
                    </p>
                    <p>"Dates and times are UK local time (Europe/London)."</p>
                    {move || branding.get().problem.map(|p| view! {
                        <p class="hint mb-theme-problem">
                            {format!("This site’s theme could not be used, so the standard colours are shown. {p}")}
                        </p>
                    })}
                </div>
            </footer>
        </Show>
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
