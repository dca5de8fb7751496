//! Minutebook: a public viewer of local-government committee business. Everything it
//! shows comes from published meeting JSON. Every page is pre-rendered to HTML at build
//! time (`src/bin/prerender.rs`, feature `ssr`); in the browser the app (feature `csr`)
//! takes the page over (`takeover`) and navigates client-side from then on.

#![recursion_limit = "256"]

pub mod app;
mod components;
pub mod data;
mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;
pub mod takeover;
