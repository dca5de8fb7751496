//! The two paged lists read from the decisions index, Decisions and Follow-ups, built one
//! way: the filter and page number in the address, the index and the rows of one page, the
//! filter form, the results section and its groups by meeting. Each page supplies only what
//! differs: its filter (through [`ListFilter`]), its fields and how it shows a row.

use crate::components::address_state::{form_fields, use_address_state, AddressState};
use crate::components::catalogue_view::{committee_council_name, committee_title, WithCatalogue};
use crate::components::decision_view::{pagination, showing};
use crate::components::status::Loads;
use crate::data::{fetch_shared, Load, Loaded};
use crate::routes;
use leptos::prelude::*;
use minutebook_data::{
    decision_paths, Catalogue, Decision, DecisionsFile, DecisionsIndex, FollowUp, FollowUpsFile,
    LoadError, Versioned,
};
use minutebook_domain::dates::long_date;
use minutebook_domain::decision_pages::{
    follow_up_rows, page_from, page_rows, plan, plan_follow_ups, DecisionFilter, FollowUpFilter,
    PagePlan, PER_PAGE,
};
use std::sync::Arc;

/// One page of a list: its plan and its rows.
pub type Page<R> = Arc<(PagePlan, Vec<R>)>;

/// A list's filter: how it is read from and written to the address, and which files and rows
/// of the decisions index it wants.
pub trait ListFilter: Clone + Default + PartialEq + Send + Sync + 'static {
    /// The files the rows are read from.
    type File: Versioned;
    type Row: Send + Sync + 'static;
    /// The list's address.
    const PATH: &'static str;
    /// What one row and several rows are called ("decision", "decisions").
    const ONE: &'static str;
    const MANY: &'static str;

    fn read(get: impl Fn(&str) -> Option<String>) -> Self;
    fn to_query(&self, page: usize) -> String;
    fn plan(&self, index: &DecisionsIndex, page: usize) -> PagePlan;
    fn rows(&self, files: &[Self::File], plan: &PagePlan) -> Vec<Self::Row>;
}

impl ListFilter for DecisionFilter {
    type File = DecisionsFile;
    type Row = Decision;
    const PATH: &'static str = "/decisions";
    const ONE: &'static str = "decision";
    const MANY: &'static str = "decisions";

    fn read(get: impl Fn(&str) -> Option<String>) -> Self {
        DecisionFilter::from_query(get)
    }
    fn to_query(&self, page: usize) -> String {
        DecisionFilter::to_query(self, page)
    }
    fn plan(&self, index: &DecisionsIndex, page: usize) -> PagePlan {
        plan(index, self, page, PER_PAGE)
    }
    fn rows(&self, files: &[DecisionsFile], plan: &PagePlan) -> Vec<Decision> {
        page_rows(files, self, plan)
    }
}

impl ListFilter for FollowUpFilter {
    type File = FollowUpsFile;
    type Row = FollowUp;
    const PATH: &'static str = "/follow-ups";
    const ONE: &'static str = "follow-up";
    const MANY: &'static str = "follow-ups";

    fn read(get: impl Fn(&str) -> Option<String>) -> Self {
        FollowUpFilter::from_query(get)
    }
    fn to_query(&self, page: usize) -> String {
        FollowUpFilter::to_query(self, page)
    }
    fn plan(&self, index: &DecisionsIndex, page: usize) -> PagePlan {
        plan_follow_ups(index, self, page, PER_PAGE)
    }
    fn rows(&self, files: &[FollowUpsFile], plan: &PagePlan) -> Vec<FollowUp> {
        follow_up_rows(files, self, plan)
    }
}

/// The address of page `page` of the list filtered by `f`.
fn list_href<F: ListFilter>(f: &F, page: usize) -> String {
    routes::with_query(F::PATH, &f.to_query(page))
}

/// A list on screen: its filter and page in the address, the index, and the page's rows.
pub struct List<F: ListFilter> {
    pub address: AddressState<(F, usize)>,
    pub filter: Memo<F>,
    pub index: Load<Loaded<DecisionsIndex>>,
    pub rows: Load<Result<Page<F::Row>, LoadError>>,
}

impl<F: ListFilter> Clone for List<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: ListFilter> Copy for List<F> {}

/// Read the list's filter from the address and load the index and the rows it asks for:
/// only the files that page needs are fetched.
pub fn use_list<F: ListFilter>() -> List<F> {
    let address = use_address_state(
        |q| (F::read(|k| q.get(k)), page_from(|k| q.get(k))),
        |(f, page)| list_href(f, *page),
    );
    let filter = Memo::new(move |_| address.get().0);
    let page = Memo::new(move |_| address.get().1);
    let index = Load::new(|| async { fetch_shared::<DecisionsIndex>(decision_paths::INDEX).await });
    let rows = Load::new(move || {
        let (f, p) = (filter.get(), page.get());
        async move {
            let idx = index.await?;
            let plan = f.plan(&idx, p);
            let files = crate::data::fetch_all::<F::File>(&plan.files).await?;
            let rows = f.rows(&files, &plan);
            Ok::<Page<F::Row>, LoadError>(Arc::new((plan, rows)))
        }
    });
    List {
        address,
        filter,
        index,
        rows,
    }
}

impl<F: ListFilter> List<F> {
    /// The catalogue, the index and the page loaded (`what` names them while loading, or
    /// when one fails), then `body`.
    pub fn view(
        self,
        what: &'static str,
        body: impl Fn(&Catalogue, &DecisionsIndex, &F, &Page<F::Row>) -> AnyView
            + Clone
            + Send
            + Sync
            + 'static,
    ) -> impl IntoView {
        let List {
            filter,
            index,
            rows,
            ..
        } = self;
        view! {
            <WithCatalogue render={move |c: Arc<Catalogue>| {
                let body = body.clone();
                view! {
                    <Loads what=what retry=move || { index.refetch(); rows.refetch(); } content={
                            let c = c.clone();
                            move || {
                                let (c, body) = (c.clone(), body.clone());
                                let f = filter.get();
                                async move {
                                    let idx = index.await?;
                                    let page = rows.await?;
                                    Ok::<_, LoadError>(body(&c, &idx, &f, &page))
                                }
                            }
                        } />
                }
                .into_any()
            }} />
        }
    }
}

/// A select's options: `any` (the empty value, no filter) first, then `choices`.
pub fn options(
    any: &str,
    choices: impl IntoIterator<Item = (String, String)>,
) -> Vec<(String, String)> {
    std::iter::once((String::new(), any.to_string()))
        .chain(choices)
        .collect()
}

pub fn council_options(c: &Catalogue) -> Vec<(String, String)> {
    options(
        "All councils",
        c.councils.iter().map(|x| (x.id.clone(), x.name.clone())),
    )
}

/// Committees by council and title, as two councils can have committees of one name.
pub fn committee_options(c: &Catalogue) -> Vec<(String, String)> {
    options(
        "All committees",
        c.committees.iter().map(|k| {
            (
                k.id.clone(),
                format!("{} – {}", committee_council_name(c, &k.id), k.title),
            )
        }),
    )
}

/// The filter form around `fields`: submitting it shows page 1 of what it asks for.
pub fn filter_form<F: ListFilter>(
    f: &F,
    address: AddressState<(F, usize)>,
    fields: AnyView,
) -> AnyView {
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        address.push((F::read(form_fields(&ev)), 1));
    };
    let filtered = *f != F::default();
    view! {
        <form class="filters" aria-labelledby="filters-title" on:submit=on_submit>
            <noscript><p class="hint mb-needs-js">"Filtering needs JavaScript, which is off or has not loaded. Without it the full list is shown, newest first."</p></noscript>
            <h2 id="filters-title" class="filters__title">{format!("Filter {}", F::MANY)}</h2>
            <div class="filters__fields">{fields}</div>
            <div class="button-group">
                <button type="submit" class="button">{format!("Show {}", F::MANY)}</button>
                {filtered.then(|| view! { <a href=routes::href(F::PATH)>"Clear filters"</a> })}
            </div>
        </form>
    }
    .into_any()
}

/// The results section: the count, a way back to everything when nothing matches, `groups`
/// and the page links.
pub fn results<F: ListFilter>(f: &F, plan: &PagePlan, groups: impl IntoView) -> AnyView {
    let f2 = f.clone();
    let nav = pagination(plan, F::MANY, move |n| list_href(&f2, n));
    view! {
        <section class="dec-results" aria-labelledby="results-title">
            <h2 id="results-title">"Results"</h2>
            <p class="dec-results__count" role="status">{showing(plan, F::ONE, F::MANY)}</p>
            {(plan.total == 0).then(|| view! {
                <p>{format!("No {} in the published data match these filters. ", F::MANY)}<a href=routes::href(F::PATH)>{format!("Show all {}", F::MANY)}</a></p>
            })}
            {groups}
            {nav}
        </section>
    }
    .into_any()
}

/// One meeting's rows under its date and committee, linked to the meeting. `first` is the
/// first row's decision; `body` is given the meeting's committee.
pub fn meeting_group(
    c: &Catalogue,
    first: &Decision,
    body: impl FnOnce(&str) -> AnyView,
) -> AnyView {
    let committee = c
        .meeting(&first.meeting)
        .map(|m| m.committee.clone())
        .unwrap_or_default();
    let title = format!(
        "{} – {}",
        long_date(first.date, first.date_precision),
        committee_title(c, &committee)
    );
    view! {
        <div class="decision-meeting">
            <h3 class="decision-meeting__title"><a href=routes::meeting(&first.meeting, None)>{title}</a></h3>
            {body(&committee)}
        </div>
    }
    .into_any()
}
