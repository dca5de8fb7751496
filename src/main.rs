//! Minutebook: a public viewer of local-government committee business.
//! Client-side Leptos app; everything it shows comes from published meeting JSON.

mod app;
mod components;
mod data;
mod pages;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
