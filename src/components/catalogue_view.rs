//! Renders a page from the shared catalogue, with the loading and error states every
//! catalogue-backed page needs.

use crate::components::status::Loads;
use crate::data::use_catalogue;
use leptos::prelude::*;
use minutebook_data::Catalogue;
use std::sync::Arc;

#[component]
pub fn WithCatalogue<F>(render: F) -> impl IntoView
where
    F: Fn(Arc<Catalogue>) -> AnyView + Clone + Send + Sync + 'static,
{
    let catalogue = use_catalogue();
    view! {
        <Loads what="the list of councils and meetings" retry=move || catalogue.refetch() content={
                let render = render.clone();
                move || {
                    let render = render.clone();
                    async move { catalogue.await.map(&render) }
                }
            } />
    }
}

/// The council's name, or its id when the catalogue does not know it.
pub fn council_name(c: &Catalogue, council: &str) -> String {
    c.council(council)
        .map(|k| k.name.clone())
        .unwrap_or_else(|| council.to_string())
}

/// The name of the council a committee belongs to (empty when the catalogue does not know).
pub fn committee_council_name(c: &Catalogue, committee: &str) -> String {
    c.committee(committee)
        .and_then(|k| c.council(&k.council))
        .map(|x| x.name.clone())
        .unwrap_or_default()
}

/// The committee's title, or its id when the catalogue does not know it.
pub fn committee_title(c: &Catalogue, id: &str) -> String {
    c.committee(id)
        .map(|k| k.title.clone())
        .unwrap_or_else(|| id.to_string())
}
