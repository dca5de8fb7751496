//! Renders a page from the shared catalogue, with the loading and error states every
//! catalogue-backed page needs.

use crate::components::status::{error_fallback, Loading};
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
        <Transition fallback=|| view! { <Loading what="the list of councils and meetings" /> }>
            <ErrorBoundary fallback=error_fallback(move || catalogue.refetch())>
                {
                    let render = render.clone();
                    move || {
                        let render = render.clone();
                        Suspend::new(async move { catalogue.await.map(|c| render(c)) })
                    }
                }
            </ErrorBoundary>
        </Transition>
    }
}
