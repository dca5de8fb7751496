//! Placeholder until its issue is built: the route exists so links and tests can be
//! written against it; it shows the not-found page meanwhile.

use crate::pages::not_found::NotFound;
use leptos::prelude::*;

#[component]
pub fn GlossaryPage() -> impl IntoView {
    view! { <NotFound detail="This part of Minutebook is not available yet." /> }
}
