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
