//! Decisions: every resolution part of every meeting in the data, newest first, filtered
//! by council, committee, municipal year and kind, 100 to a page. The filters and the page
//! number are the URL's query (`/decisions?committee=sefton-osc-children&kind=requested`),
//! so a filtered view can be shared. Rows come from the decisions index
//! (`data/decisions/`, see docs/follow-ups.md): only the files a page needs are fetched.

use crate::components::address_state::AddressState;
use crate::components::decision_list::{
    committee_options, council_options, filter_form, meeting_group, options, results, use_list,
    Page,
};
use crate::components::decision_view::{
    decision_text, link_list, permalink, select_field, status_badge, when,
};
use crate::components::head::PageHead;
use crate::components::layout::Breadcrumbs;
use crate::routes;
use leptos::prelude::*;
use minutebook_data::{Catalogue, Decision, DecisionsIndex, ResolutionKind};
use minutebook_domain::dates::municipal_year_label;
use minutebook_domain::decision_pages::{DecisionFilter, FollowUpFilter};

#[component]
pub fn DecisionsPage() -> impl IntoView {
    let list = use_list::<DecisionFilter>();
    view! {
        <PageHead title="Decisions".to_string() description="Every resolution in the published committee minutes, newest first, filterable by council, committee, year and kind.".to_string() />
        <Breadcrumbs trail=vec![("Home".into(), routes::home())] current="Decisions".to_string() />
        <h1>"Decisions"</h1>
        <p class="lead">
            "Every resolution in the published minutes, newest first: what each committee noted, agreed, "
            "asked for, arranged or recommended. Each links to its place in the minutes."
        </p>
        {list.view("the decisions index", move |c, idx, f, page| {
            view! {
                {filters(c, idx, f, list.address)}
                {results(f, &page.0, decision_groups(c, page))}
            }
            .into_any()
        })}
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
    let mut years: Vec<i32> = idx.files.iter().map(|l| l.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let years = options(
        "All years",
        years
            .into_iter()
            .map(|y| (y.to_string(), municipal_year_label(y))),
    );
    let kinds = options(
        "Any kind",
        ResolutionKind::ALL
            .iter()
            .map(|k| (k.key().to_string(), k.label().to_string())),
    );
    let fields = view! {
        {select_field("council", "Council", council_options(c), council)}
        {select_field("committee", "Committee", committee_options(c), committee)}
        {select_field("year", "Municipal year", years, year)}
        {select_field("kind", "Kind of decision", kinds, kind)}
    };
    filter_form(f, address, fields.into_any())
}

/// Consecutive rows of one meeting, then of one minute.
fn decision_groups(c: &Catalogue, page: &Page<Decision>) -> impl IntoView {
    page.1
        .chunk_by(|a, b| a.meeting == b.meeting)
        .map(|g| meeting_group(c, &g[0], |committee| minutes(committee, g)))
        .collect_view()
}

fn minutes(committee: &str, rows: &[Decision]) -> AnyView {
    rows.chunk_by(|a, b| a.minute == b.minute)
        .map(|g| {
            let d = &g[0];
            let item = match &d.item_number {
                Some(n) => format!("Minute {}: item {n}, {}", d.minute, d.item),
                None => format!("Minute {}: {}", d.minute, d.item),
            };
            view! {
                <h4 class="decision-minute">{item}</h4>
                <ol class="decision-list">{g.iter().map(|d| decision_row(committee, d)).collect_view()}</ol>
            }
        })
        .collect_view()
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
                {permalink(d)}
                " "<span class="hint">{format!("({})", when(d.date, d.date_precision))}</span>
            </p>
        </li>
    }
    .into_any()
}
