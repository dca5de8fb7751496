//! The application shell: routes, page titles and the layout every page shares.

use crate::components::layout::Layout;
use crate::data::{provide_catalogue, site};
use crate::pages::{committee::CommitteePage, home::HomePage, meeting::MeetingPage, not_found::NotFound};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_catalogue();
    let base = site().base.clone();
    view! {
        <Title formatter=|text: String| {
            if text.is_empty() { "Minutebook".to_string() } else { format!("{text} – Minutebook") }
        } />
        <Router base=base>
            <Layout>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/committees/:id") view=CommitteePage />
                    <Route path=path!("/meetings/:id") view=MeetingPage />
                </Routes>
            </Layout>
        </Router>
    }
}
