//! The search filters: one group of checkboxes per facet (council, committee, year, kind),
//! each value with the number of results it would give. Ticking one updates the URL.

use super::SearchState;
use leptos::prelude::*;
use minutebook_search::query::FacetCounts;
use minutebook_search::Manifest;

/// (URL value, label, count) for each value of each dimension, in display order.
fn options(m: &Manifest, counts: &FacetCounts) -> [Vec<(String, String, u32)>; 4] {
    let councils = m
        .councils
        .iter()
        .zip(&counts.councils)
        .map(|(c, &n)| (c.id.clone(), c.name.clone(), n))
        .collect();
    let committees = m
        .committees
        .iter()
        .zip(&counts.committees)
        .map(|(c, &n)| (c.id.clone(), c.name.clone(), n))
        .collect();
    // Latest year first: that is usually what a reader is after.
    let years = m
        .years
        .iter()
        .zip(&counts.years)
        .rev()
        .map(|(y, &n)| (y.to_string(), Manifest::year_label(*y), n))
        .collect();
    let kinds = m
        .kinds
        .iter()
        .zip(&counts.kinds)
        .map(|(k, &n)| (k.id.clone(), k.name.clone(), n))
        .collect();
    [councils, committees, years, kinds]
}

const LEGENDS: [&str; 4] = ["Council", "Committee", "Municipal year", "Kind"];
const DIMS: [&str; 4] = ["council", "committee", "year", "kind"];

pub fn facets(
    m: &Manifest,
    counts: &FacetCounts,
    state: &SearchState,
    go: impl Fn(SearchState, bool) + Clone + Send + Sync + 'static,
) -> AnyView {
    let any_selected = state.filters.iter().any(|v| !v.is_empty());
    let groups = options(m, counts)
        .into_iter()
        .enumerate()
        .filter_map(|(dim, values)| {
            let selected = &state.filters[dim];
            let values: Vec<_> = values.into_iter().filter(|(v, _, n)| *n > 0 || selected.contains(v)).collect();
            if values.is_empty() {
                return None;
            }
            let options = values
                .into_iter()
                .map(|(value, label, n)| {
                    let id = format!("facet-{}-{}", DIMS[dim], value);
                    let checked = selected.contains(&value);
                    let next = state.toggled(dim, &value);
                    let go = go.clone();
                    view! {
                        <div class="search-facet__option">
                            <input type="checkbox" id=id.clone() prop:checked=checked on:change=move |_| go(next.clone(), false) />
                            <label for=id>
                                {label} " " <span class="search-facet__count">{format!("({n})")}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view();
            Some(view! {
                <fieldset class="search-facet">
                    <legend class="search-facet__legend">{LEGENDS[dim]}</legend>
                    {options}
                </fieldset>
            })
        })
        .collect_view();
    let cleared = SearchState {
        q: state.q.clone(),
        ..SearchState::default()
    };
    view! {
        <section class="search-facets" aria-labelledby="search-facets-title">
            <h2 id="search-facets-title" class="search-facets__title">"Filter results"</h2>
            {groups}
            {any_selected.then(|| view! {
                <button type="button" class="button button--secondary" on:click=move |_| go(cleared.clone(), false)>
                    "Clear filters"
                </button>
            })}
        </section>
    }
    .into_any()
}
