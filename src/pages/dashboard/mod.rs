//! A performance dashboard or report: what it is and where the committee considered it (with
//! the resolutions made on it), then each category's narrative, headline figures, tables
//! with their charts, and the charts whose data were published only as pictures.
//!
//! [`DashboardView`] is the body without the page chrome, for reuse (e.g. embeds).

mod considered;
mod figures;
pub mod improvement_plan;

pub use considered::Considerations;
pub use figures::{source_text, DataTableView, IndicatorCards, TableBlock};

use crate::components::catalogue_view::WithCatalogue;
use crate::components::head::PageHead;
use crate::components::layout::Breadcrumbs;
use crate::components::not_found::NotFound;
use crate::components::status::{Loads, NotPublished};
use crate::components::text::Blocks;
use crate::data::{fetch_shared, Load, Loaded};
use crate::routes;
use improvement_plan::ImprovementPlanView;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use minutebook_data::{paths, Catalogue, Dashboard, DashboardKind, Section};
use minutebook_domain::dates::{long_date, short_date};
use std::sync::Arc;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || view! { <DocumentPage id=id.get() tracker=false /> }
}

/// `dashboards/<id>.json`, loaded for the page (and for its embed).
pub(crate) fn dashboard_file(id: String) -> Load<Loaded<Dashboard>> {
    Load::new(move || {
        let id = id.clone();
        async move { fetch_shared::<Dashboard>(&paths::dashboard(&id)).await }
    })
}

/// Loads `dashboards/<id>.json` and shows it as a dashboard or as a plan tracker.
#[component]
pub(crate) fn DocumentPage(id: String, tracker: bool) -> impl IntoView {
    let file = dashboard_file(id.clone());
    view! {
        <WithCatalogue render={move |c: Arc<Catalogue>| {
            if !c.dashboards.iter().any(|l| l.id == id) {
                return view! { <NotFound detail="There is no dashboard or plan with this address in the published data." /> }.into_any();
            }
            view! {
                <Loads what="the dashboard" retry=move || file.refetch() content={
                        let c = c.clone();
                        move || {
                            let c = c.clone();
                            async move { file.await.map(|d| page(c, d, tracker)) }
                        }
                    } />
            }
            .into_any()
        }} />
    }
}

fn page(c: Arc<Catalogue>, d: Arc<Dashboard>, tracker: bool) -> AnyView {
    let committee = d
        .committee
        .as_ref()
        .and_then(|k| c.committee(k))
        .map(|k| (k.title.clone(), routes::committee(&k.id)));
    let council = c
        .council(&d.council)
        .map(|x| x.name.clone())
        .unwrap_or_default();
    let mut trail = vec![("Home".to_string(), routes::home())];
    trail.extend(committee.clone());
    let is_plan = d.kind == DashboardKind::ImprovementPlan;
    let body = if is_plan == tracker {
        if is_plan {
            view! { <ImprovementPlanView dashboard=d.clone() catalogue=c.clone() /> }.into_any()
        } else {
            view! { <DashboardView dashboard=d.clone() catalogue=c.clone() /> }.into_any()
        }
    } else {
        // The same file under the other address: say so and link to the right one.
        let (what, link) = if is_plan {
            ("an improvement plan", routes::improvement_plan(&d.id))
        } else {
            ("a performance dashboard", routes::dashboard(&d.id))
        };
        view! { <p>{format!("This is {what}. ")}<a href=link>{format!("Open {}", d.title)}</a></p> }
            .into_any()
    };
    view! {
        <PageHead title=d.title.clone() description=format!("{}: the figures as published, in tables and charts.", d.title) />
        <Breadcrumbs trail=trail current=d.title.clone() />
        <span class="caption">{format!("{council} · {}", d.kind.label())}</span>
        <h1>{d.title.clone()}</h1>
        {body}
    }
    .into_any()
}

/// The dashboard's body: facts, considerations and resolutions, sections, notes.
#[component]
pub fn DashboardView(dashboard: Arc<Dashboard>, catalogue: Arc<Catalogue>) -> impl IntoView {
    let d = dashboard;
    let place = catalogue
        .council(&d.council)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| d.council.clone());
    let contents = d
        .sections
        .iter()
        .map(|s| view! { <li><a href=format!("#{}", s.id)>{s.title.clone()}</a></li> })
        .collect_view();
    view! {
        <div class="dashboard">
            <AboutDocument dashboard=d.clone() />
            <Considerations dashboard=d.clone() catalogue=catalogue.clone() />
            {(!d.sections.is_empty()).then(|| view! {
                <nav class="contents" aria-labelledby="dashboard-contents">
                    <h2 id="dashboard-contents">"Categories"</h2>
                    <ol class="list">{contents}</ol>
                </nav>
            })}
            {d.sections.iter().map(|s| section(&d, s, &place)).collect_view()}
            <RecordNotes dashboard=d.clone() />
        </div>
    }
}

/// Period, report and summary, with "not published" said where the paper does not say.
#[component]
pub fn AboutDocument(dashboard: Arc<Dashboard>) -> impl IntoView {
    let d = dashboard;
    view! {
        <dl class="summary-list">
            <div><dt>"Period"</dt><dd>{match &d.period {
                Some(p) => p.clone().into_any(),
                None => view! { <NotPublished /> }.into_any(),
            }}</dd></div>
            {d.as_at.map(|a| view! { <div><dt>"As at"</dt><dd>{long_date(a, Default::default())}</dd></div> })}
            <div><dt>"Report"</dt><dd>{match &d.report_of {
                Some(r) => r.clone().into_any(),
                None => view! { <NotPublished /> }.into_any(),
            }}</dd></div>
            {d.date.map(|x| view! { <div><dt>"Date"</dt><dd>{short_date(x)}</dd></div> })}
        </dl>
        {(!d.summary.is_empty()).then(|| view! { <div class="dashboard__summary"><Blocks blocks=d.summary.clone() /></div> })}
    }
}

fn section(d: &Arc<Dashboard>, s: &Section, place: &str) -> AnyView {
    let heading = format!("{}-title", s.id);
    let labelled_by = heading.clone();
    view! {
        <section class="dashboard-section" id=s.id.clone() aria-labelledby=labelled_by>
            <h2 id=heading>{s.title.clone()}</h2>
            <Blocks blocks=s.narrative.clone() />
            {s.source.as_ref().map(|r| view! { <p class="hint">{format!("Source: {}", source_text(d, r))}</p> })}
            {(!s.indicators.is_empty()).then(|| view! { <IndicatorCards dashboard=d.clone() section=s.clone() place=place.to_string() /> })}
            {s.tables.iter().map(|t| view! { <TableBlock dashboard=d.clone() table=t.clone() /> }).collect_view()}
            {(!s.charts_without_data.is_empty()).then(|| view! {
                <div class="not-charted">
                    <h3>{format!("Charts published only as pictures ({})", s.charts_without_data.len())}</h3>
                    <p class="inset-text">
                        "These charts were printed as pictures. Their data were not published as text, "
                        "so Minutebook lists them but cannot show their figures, charts or tables."
                    </p>
                    <ul class="list list--bullet">
                        {s.charts_without_data.iter().map(|c| view! {
                            <li>
                                <span class="not-charted__title">{c.title.clone()}</span>
                                " — " <span class="not-published">"data not published"</span>
                                {c.source.as_ref().and_then(|r| r.page.clone()).map(|p| if p.contains('-') { format!(" (pages {p})") } else { format!(" (page {p})") })}
                                {(!c.legend.is_empty()).then(|| view! { <br /><span class="hint">{format!("Legend printed: {}", c.legend.join(", "))}</span> })}
                                {c.note.clone().map(|n| view! { <br /><span class="hint">{n}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
        </section>
    }
    .into_any()
}

/// Sources and transcription notes.
#[component]
pub fn RecordNotes(dashboard: Arc<Dashboard>) -> impl IntoView {
    let d = dashboard;
    view! {
        <section aria-labelledby="record-notes">
            <h2 id="record-notes">"Where this record comes from"</h2>
            {if d.sources.is_empty() {
                view! { <p><NotPublished what="Sources" /></p> }.into_any()
            } else {
                view! {
                    <ul class="list list--bullet">
                        {d.sources.iter().map(|s| view! {
                            <li>{s.title.clone()}{s.note.clone().map(|n| view! { " — " <span class="hint">{n}</span> })}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(!d.notes.is_empty()).then(|| view! {
                <h3>"Notes on this record"</h3>
                {d.notes.iter().map(|n| view! { <p>{n.clone()}</p> }).collect_view()}
            })}
        </section>
    }
}
