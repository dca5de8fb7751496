//! Search: results as you type, with highlighted snippets, facets and a URL per query
//! (`/search?q=housing&committee=<id>&year=2022&kind=minute`).
//!
//! The words and filters live in the URL: typing updates it (debounced, replacing the
//! history entry), ticking a filter adds a history entry, and reloading the URL gives the
//! same results. The index is fetched piece by piece (components/search_data.rs).

mod facets;
mod results;

use crate::components::address_state::use_address_state;
use crate::components::head::PageHead;
use crate::components::status::Loads;
use crate::data::search::{self as search_data, measure, now};
use crate::data::Load;
use crate::routes;
use leptos::prelude::*;
use leptos_router::params::ParamsMap;
use minutebook_data::LoadError;
use minutebook_domain::query::query_string;
use minutebook_search::query::{parse, Filters, Outcome, Query};
use minutebook_search::{Doc, Manifest};
use results::SearchResult;
use std::sync::Arc;

/// Results shown at first and added by each "Show more".
const PAGE: usize = 10;

/// The facet dimensions, as named in the URL.
const DIMS: [&str; 4] = ["council", "committee", "year", "kind"];

/// What the URL asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchState {
    pub q: String,
    /// Selected values per dimension, in the order of [`DIMS`].
    pub filters: [Vec<String>; 4],
}

impl SearchState {
    fn from_params(p: &ParamsMap) -> SearchState {
        let all = |k: &str| {
            p.get_all(k)
                .unwrap_or_default()
                .into_iter()
                .filter(|v| !v.is_empty())
                .collect()
        };
        SearchState {
            q: p.get("q").unwrap_or_default(),
            filters: DIMS.map(all),
        }
    }

    fn url(&self) -> String {
        let words = (!self.q.is_empty()).then_some(("q", self.q.as_str()));
        let filters = DIMS
            .iter()
            .zip(&self.filters)
            .flat_map(|(dim, values)| values.iter().map(move |v| (*dim, v.as_str())));
        routes::with_query("/search", &query_string(words.into_iter().chain(filters)))
    }

    pub fn toggled(&self, dim: usize, value: &str) -> SearchState {
        let mut next = self.clone();
        let values = &mut next.filters[dim];
        match values.iter().position(|v| v == value) {
            Some(i) => {
                values.remove(i);
            }
            None => values.push(value.to_string()),
        }
        next
    }

    /// URL values to manifest indexes (unknown values match nothing rather than everything).
    fn filters(&self, m: &Manifest) -> Filters {
        let pick = |values: &[String], find: &dyn Fn(&str) -> Option<usize>| -> Vec<u32> {
            values
                .iter()
                .map(|v| find(v).map_or(u32::MAX, |i| i as u32))
                .collect()
        };
        Filters {
            councils: pick(&self.filters[0], &|v| {
                m.councils.iter().position(|c| c.id == v)
            }),
            committees: pick(&self.filters[1], &|v| {
                m.committees.iter().position(|c| c.id == v)
            }),
            years: pick(&self.filters[2], &|v| {
                m.years.iter().position(|y| y.to_string() == v)
            }),
            kinds: pick(&self.filters[3], &|v| {
                m.kinds.iter().position(|k| k.id == v)
            }),
        }
    }
}

/// A finished search, ready to show.
pub struct Found {
    state: SearchState,
    manifest: Arc<Manifest>,
    query: Query,
    outcome: Outcome,
    docs: Vec<Doc>,
    #[cfg_attr(feature = "ssr", allow(dead_code))]
    started: f64,
}

async fn run(state: SearchState, shown: usize) -> Result<Arc<Found>, LoadError> {
    let started = now();
    let query = parse(&state.q);
    // Nothing is downloaded until there is something to look for.
    if query.words.is_empty() {
        return Ok(Arc::new(Found {
            state,
            manifest: Arc::default(),
            query,
            outcome: Outcome::default(),
            docs: vec![],
            started,
        }));
    }
    let manifest = search_data::manifest().await?;
    let filters = state.filters(&manifest);
    let outcome = search_data::search(&manifest, &query, &filters).await?;
    measure("minutebook-search-query", started);
    let ids: Vec<u32> = outcome.hits.iter().take(shown).map(|h| h.id).collect();
    let docs = search_data::docs(&manifest, &ids).await?;
    measure("minutebook-search-fetch", started);
    Ok(Arc::new(Found {
        state,
        manifest,
        query,
        outcome,
        docs,
        started,
    }))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The sentence the live region announces.
fn status(f: &Found) -> String {
    let q = f.state.q.trim();
    if q.is_empty() {
        return "Type a word or two to search.".into();
    }
    if f.query.words.is_empty() {
        return format!(
            "“{q}” has only very common words, which are not searched. Try a more specific word."
        );
    }
    let filtered = f.state.filters.iter().map(Vec::len).sum::<usize>();
    let within = if filtered > 0 {
        format!(", with {}", plural(filtered, "filter", "filters"))
    } else {
        String::new()
    };
    let mut s = format!(
        "{} for “{q}”{within}.",
        plural(f.outcome.total, "result", "results")
    );
    if f.outcome.total > f.outcome.hits.len() {
        s.push_str(&format!(" The best {} can be shown.", f.outcome.hits.len()));
    }
    if !f.outcome.unmatched.is_empty() {
        let words: Vec<String> = f
            .outcome
            .unmatched
            .iter()
            .map(|w| format!("“{w}”"))
            .collect();
        s.push_str(&format!(" Nothing contains {}.", words.join(" or ")));
    }
    s
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let address = use_address_state(SearchState::from_params, SearchState::url);
    let state = Memo::new(move |_| address.get());
    let text = RwSignal::new(state.get_untracked().q);
    // The query this page last put in the URL: a different one came from elsewhere
    // (Back, a link), so the box is brought in line with it.
    let sent = StoredValue::new(state.get_untracked().q);
    Effect::new(move |_| {
        let q = state.get().q;
        if q != sent.get_value() {
            sent.set_value(q.clone());
            text.set(q);
        }
    });
    let go = move |next: SearchState, replace: bool| {
        sent.set_value(next.q.clone());
        if replace {
            address.replace(next);
        } else {
            address.push(next);
        }
    };
    // Typing searches once the reader pauses, replacing the history entry.
    let on_input = move |ev: leptos::ev::Event| {
        text.set(event_target_value(&ev));
        let next = SearchState {
            q: text.get_untracked(),
            ..state.get_untracked()
        };
        sent.set_value(next.q.clone());
        address.replace_soon(next);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go(
            SearchState {
                q: text.get_untracked(),
                ..state.get_untracked()
            },
            false,
        );
    };
    // How many results to show: PAGE for a new search, more after "Show more".
    let shown = RwSignal::new((state.get_untracked(), PAGE));
    let limit = Memo::new(move |_| {
        let st = state.get();
        shown.with(|(s, n)| if *s == st { *n } else { PAGE })
    });
    let focus_from = StoredValue::new(None::<usize>);
    let results = Load::new(move || run(state.get(), limit.get()));
    let announce = move || match results.get() {
        None => "Searching…".to_string(),
        Some(Ok(f)) => status(&f),
        Some(Err(_)) => "The search could not be completed.".to_string(),
    };
    let title = move || {
        let q = state.get().q;
        if q.trim().is_empty() {
            "Search".to_string()
        } else {
            format!("Search: {}", q.trim())
        }
    };
    let render = move |f: Arc<Found>| -> AnyView {
        #[cfg(not(feature = "ssr"))]
        let elapsed = f.started;
        // Browser only: timings for the benchmark, and focus after "Show more".
        #[cfg(not(feature = "ssr"))]
        request_animation_frame(move || {
            measure("minutebook-search", elapsed);
            if let Some(i) = focus_from.get_value() {
                focus_from.set_value(None);
                if let Some(el) = document()
                    .query_selector(&format!("#search-result-{i} a"))
                    .ok()
                    .flatten()
                {
                    use wasm_bindgen::JsCast;
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        });
        results_view(f, go, move |from| {
            focus_from.set_value(Some(from));
            shown.set((state.get_untracked(), from + PAGE));
        })
    };
    view! {
        <PageHead title=Signal::derive(title) description="Search the committee papers: agenda items, minutes, resolutions, reports, work programmes and the Forward Plan.".to_string() />
        <h1>"Search"</h1>
        <noscript>
            <p class="mb-needs-js">
                "Searching needs JavaScript, which is off or has not loaded. Every resolution is listed on the "
                <a href=routes::href("/decisions")>"Decisions"</a>" page, and every meeting from the "
                <a href=routes::home()>"list of committees"</a>"."
            </p>
        </noscript>
        <form class="search-form" role="search" aria-label="Committee papers" on:submit=on_submit>
            <label class="search-form__label" for="search-q">
                "Search agenda items, minutes, resolutions, reports, work programmes and the forward plan"
            </label>
            <div class="search-form__row">
                <input
                    id="search-q"
                    class="search-form__input"
                    type="search"
                    name="q"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="search-hint"
                    prop:value=move || text.get()
                    on:input=on_input
                />
                <button type="submit" class="button">"Search"</button>
            </div>
            <p id="search-hint" class="hint">
                "Results appear as you type. Every word must match; the last one also matches longer words that begin with it."
            </p>
        </form>
        <p class="search-status" role="status" aria-live="polite" aria-atomic="true">{announce}</p>
        <Loads what="the search index" retry=move || results.refetch() content={
                move || async move { results.await.map(render) }
            } />
    }
}

fn results_view(
    f: Arc<Found>,
    go: impl Fn(SearchState, bool) + Clone + Send + Sync + 'static,
    more: impl Fn(usize) + Clone + Send + Sync + 'static,
) -> AnyView {
    if f.query.words.is_empty() {
        return ().into_any();
    }
    let runs = f.manifest.runs();
    let kinds: Vec<String> = f
        .outcome
        .hits
        .iter()
        .take(f.docs.len())
        .map(|h| kind_of(&f.manifest, &runs, h.id))
        .collect();
    let items = f
        .docs
        .iter()
        .cloned()
        .zip(kinds)
        .enumerate()
        .map(|(i, (doc, kind))| view! { <SearchResult index=i doc=doc kind=kind terms=f.outcome.terms.clone() /> })
        .collect_view();
    let shown = f.docs.len();
    let can_more = shown < f.outcome.hits.len();
    let next = (f.outcome.hits.len() - shown).min(PAGE);
    view! {
        <div class="search-layout">
            {facets::facets(&f.manifest, &f.outcome.facets, &f.state, go)}
            <section class="search-layout__results" aria-labelledby="search-results-title">
                <h2 id="search-results-title" class="search-results__heading">
                    {if f.outcome.total == 0 { "No results".to_string() } else { format!("Results 1 to {shown} of {}", f.outcome.total) }}
                </h2>
                {(f.outcome.total == 0).then(|| view! {
                    <p>"Check the spelling, use fewer words, or clear some filters."</p>
                })}
                <ol class="search-results">{items}</ol>
                {can_more.then(|| view! {
                    <button type="button" class="button button--secondary search-more" on:click=move |_| more(shown)>
                        {format!("Show {next} more results")}
                    </button>
                })}
            </section>
        </div>
    }
    .into_any()
}

/// The kind label of a record, from the manifest's facet runs.
fn kind_of(m: &Manifest, runs: &[(u32, u32, minutebook_search::FacetKey)], id: u32) -> String {
    runs.iter()
        .find(|r| r.0 <= id && id < r.1)
        .and_then(|r| m.kinds.get(r.2.kind as usize))
        .map(|k| k.name.clone())
        .unwrap_or_default()
}
