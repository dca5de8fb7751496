//! Decisions: every resolution part of every meeting in the data, newest first, filtered
//! by council, committee, municipal year and kind, 100 to a page. The filters and the page
//! number are the URL's query (`/decisions?committee=sefton-osc-children&kind=requested`),
//! so a filtered view can be shared. Rows come from the decisions index
//! (`data/decisions/`, see docs/follow-ups.md): only the files a page needs are fetched.

use crate::components::address_state::{form_fields, use_address_state, AddressState};
use crate::components::catalogue_view::{committee_council_name, committee_title, WithCatalogue};
use crate::components::decision_view::{
    decision_reference, decision_text, link_list, pagination, select_field, showing, status_badge,
    when,
};
use crate::components::head::PageHead;
use crate::components::layout::Breadcrumbs;
use crate::components::status::Loads;
use crate::data::{fetch_shared, Load};
use crate::routes;
use leptos::prelude::*;
use minutebook_data::{
    decision_paths, Catalogue, Decision, DecisionsFile, DecisionsIndex, LoadError, ResolutionKind,
};
use minutebook_domain::dates::{long_date, municipal_year_label};
use minutebook_domain::decision_pages::{
    page_from, page_rows, plan, DecisionFilter, FollowUpFilter, PagePlan, PER_PAGE,
};
use std::sync::Arc;

type Page = Arc<(PagePlan, Vec<Decision>)>;

#[component]
pub fn DecisionsPage() -> impl IntoView {
    let address = use_address_state(
        |q| {
            (
                DecisionFilter::from_query(|k| q.get(k)),
                page_from(|k| q.get(k)),
            )
        },
        |(f, page)| routes::with_query("/decisions", &f.to_query(*page)),
    );
    let filter = Memo::new(move |_| address.get().0);
    let page = Memo::new(move |_| address.get().1);
    let index = Load::new(|| async { fetch_shared::<DecisionsIndex>(decision_paths::INDEX).await });
    let rows = Load::new(move || {
        let (f, p) = (filter.get(), page.get());
        async move {
            let idx = index.await?;
            let plan = plan(&idx, &f, p, PER_PAGE);
            let files = crate::data::fetch_all::<DecisionsFile>(&plan.files).await?;
            let rows = page_rows(&files, &f, &plan);
            Ok::<Page, LoadError>(Arc::new((plan, rows)))
        }
    });
    view! {
        <PageHead title="Decisions".to_string() description="Every resolution in the published committee minutes, newest first, filterable by council, committee, year and kind.".to_string() />
        <Breadcrumbs trail=vec![("Home".into(), routes::home())] current="Decisions".to_string() />
        <h1>"Decisions"</h1>
        <p class="lead">
            "Every resolution in the published minutes, newest first: what each committee noted, agreed, "
            "asked for, arranged or recommended. Each links to its place in the minutes."
        </p>
        <WithCatalogue render={move |c: Arc<Catalogue>| {
            view! {
                <Loads what="the decisions index" retry=move || { index.refetch(); rows.refetch(); } content={
                        let c = c.clone();
                        move || {
                            let c = c.clone();
                            let f = filter.get();
                            async move {
                                let idx = index.await?;
                                let page = rows.await?;
                                Ok::<_, LoadError>(view! {
                                    {filters(&c, &idx, &f, address)}
                                    {results(&c, &f, &page)}
                                })
                            }
                        }
                    } />
            }
            .into_any()
        }} />
    }
}

fn filters(
    c: &Catalogue,
    idx: &DecisionsIndex,
    f: &DecisionFilter,
    address: AddressState<(DecisionFilter, usize)>,
) -> AnyView {
    let council = f.council.clone().unwrap_or_default();
    let committee = f.committee.clone().unwrap_or_default();
    let year = f.year.map(|y| y.to_string()).unwrap_or_default();
    let kind = f.kind.map(|k| k.key().to_string()).unwrap_or_default();
    let any = |label: &str| (String::new(), label.to_string());
    let councils = std::iter::once(any("All councils"))
        .chain(c.councils.iter().map(|x| (x.id.clone(), x.name.clone())))
        .collect();
    let committees = std::iter::once(any("All committees"))
        .chain(c.committees.iter().map(|k| {
            (
                k.id.clone(),
                format!("{} – {}", committee_council_name(c, &k.id), k.title),
            )
        }))
        .collect();
    let mut years: Vec<i32> = idx.files.iter().map(|l| l.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let years = std::iter::once(any("All years"))
        .chain(
            years
                .into_iter()
                .map(|y| (y.to_string(), municipal_year_label(y))),
        )
        .collect();
    let kinds = std::iter::once(any("Any kind"))
        .chain(
            ResolutionKind::ALL
                .iter()
                .map(|k| (k.key().to_string(), k.label().to_string())),
        )
        .collect();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        address.push((DecisionFilter::from_query(form_fields(&ev)), 1));
    };
    let filtered = !f.is_empty();
    view! {
        <form class="filters" aria-labelledby="filters-title" on:submit=on_submit>
            <noscript><p class="hint mb-needs-js">"Filtering needs JavaScript, which is off or has not loaded. Without it the full list is shown, newest first."</p></noscript>
            <h2 id="filters-title" class="filters__title">"Filter decisions"</h2>
            <div class="filters__fields">
                {select_field("council", "Council", councils, council)}
                {select_field("committee", "Committee", committees, committee)}
                {select_field("year", "Municipal year", years, year)}
                {select_field("kind", "Kind of decision", kinds, kind)}
            </div>
            <div class="button-group">
                <button type="submit" class="button">"Show decisions"</button>
                {filtered.then(|| view! { <a href=routes::href("/decisions")>"Clear filters"</a> })}
            </div>
        </form>
    }
    .into_any()
}

fn results(c: &Catalogue, f: &DecisionFilter, page: &Page) -> AnyView {
    let (plan, rows) = (&page.0, &page.1);
    let f2 = f.clone();
    let nav = pagination(plan, "decisions", move |n| {
        routes::with_query("/decisions", &f2.to_query(n))
    });
    // Consecutive rows of one meeting, then of one minute.
    let mut meetings: Vec<Vec<&Decision>> = Vec::new();
    for d in rows {
        match meetings.last_mut() {
            Some(g) if g[0].meeting == d.meeting => g.push(d),
            _ => meetings.push(vec![d]),
        }
    }
    view! {
        <section class="dec-results" aria-labelledby="results-title">
            <h2 id="results-title">"Results"</h2>
            <p class="dec-results__count" role="status">{showing(plan, "decision", "decisions")}</p>
            {(plan.total == 0).then(|| view! {
                <p>"No decisions in the published data match these filters. "<a href=routes::href("/decisions")>"Show all decisions"</a></p>
            })}
            {meetings.into_iter().map(|g| meeting_group(c, g)).collect_view()}
            {nav}
        </section>
    }
    .into_any()
}

fn meeting_group(c: &Catalogue, rows: Vec<&Decision>) -> AnyView {
    let first = rows[0];
    let committee = c
        .meeting(&first.meeting)
        .map(|m| m.committee.clone())
        .unwrap_or_default();
    let title = format!(
        "{} – {}",
        long_date(first.date, first.date_precision),
        committee_title(c, &committee)
    );
    let mut minutes: Vec<Vec<&Decision>> = Vec::new();
    for d in rows {
        match minutes.last_mut() {
            Some(g) if g[0].minute == d.minute => g.push(d),
            _ => minutes.push(vec![d]),
        }
    }
    view! {
        <div class="decision-meeting">
            <h3 class="decision-meeting__title"><a href=routes::meeting(&first.meeting, None)>{title}</a></h3>
            {minutes.into_iter().map(|g| {
                let d = g[0];
                let item = match &d.item_number {
                    Some(n) => format!("Minute {}: item {n}, {}", d.minute, d.item),
                    None => format!("Minute {}: {}", d.minute, d.item),
                };
                view! {
                    <h4 class="decision-minute">{item}</h4>
                    <ol class="decision-list">{g.into_iter().map(|d| decision_row(&committee, d)).collect_view()}</ol>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}

fn decision_row(committee: &str, d: &Decision) -> AnyView {
    let follow_up = d.follow_up.map(|s| {
        let f = FollowUpFilter {
            committee: Some(committee.to_string()),
            ..Default::default()
        };
        let link = format!(
            "{}#fu-{}-{}",
            routes::with_query("/follow-ups", &f.to_query(1)),
            d.meeting,
            d.anchor
        );
        view! {
            <li><a class="tag tag--link" href=link>"Follow-up: "{status_badge(s)}</a></li>
        }
    });
    view! {
        <li class="decision" id=format!("{}-{}", d.meeting, d.anchor)>
            {decision_text(d)}
            <ul class="tags" aria-label="About this decision">
                <li class="tag">{d.kind.label()}</li>
                {follow_up}
            </ul>
            {link_list("Refers to:", &d.refers_to)}
            {link_list("Referred to by:", &d.referred_by)}
            <p class="decision__permalink">
                <a class="permalink" href=routes::meeting(&d.meeting, Some(&d.anchor))>
                    "Permalink"<span class="visually-hidden">{format!(" to {}", decision_reference(d))}</span>
                </a>
                " "<span class="hint">{format!("({})", when(d.date, d.date_precision))}</span>
            </p>
        </li>
    }
    .into_any()
}
