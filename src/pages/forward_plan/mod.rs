//! A Key Decision Forward Plan: what it covers, its key decisions, and the front pages
//! (the key-decision definition and the exempt-information paragraphs).

pub mod key_decision;

use crate::components::catalogue_view::council_name;
use crate::components::catalogue_view::WithCatalogue;
use crate::components::head::PageHead;
use crate::components::layout::Breadcrumbs;
use crate::components::not_found::NotFound;
use crate::components::status::{Loads, NotPublished};
use crate::components::table::column_heads;
use crate::components::text::Blocks;
use crate::data::{fetch_shared, Load, Loaded};
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use minutebook_data::{Catalogue, ForwardPlan, KeyDecision};
use minutebook_domain::dates::short_date;
use std::sync::Arc;

pub async fn fetch_plan(c: Arc<Catalogue>, id: String) -> Loaded<ForwardPlan> {
    let file = c
        .forward_plans
        .iter()
        .find(|l| l.id == id)
        .map(|l| l.file.clone())
        .unwrap_or_else(|| minutebook_data::paths::forward_plan(&id));
    fetch_shared::<ForwardPlan>(&file).await
}

/// Loads the plan named in the route and renders it with `render`, or says it is missing.
#[component]
pub fn WithPlan<F>(id: String, render: F) -> impl IntoView
where
    F: Fn(Arc<Catalogue>, Arc<ForwardPlan>) -> AnyView + Clone + Send + Sync + 'static,
{
    view! {
        <WithCatalogue render={move |c: Arc<Catalogue>| {
            if !c.forward_plans.iter().any(|l| l.id == id) {
                return view! { <NotFound detail="There is no Forward Plan with this address in the published data." /> }.into_any();
            }
            let plan = Load::new({
                let (c, id) = (c.clone(), id.clone());
                move || fetch_plan(c.clone(), id.clone())
            });
            let render = render.clone();
            view! {
                <Loads what="the Forward Plan" retry=move || plan.refetch() content={
                        let (c, render) = (c.clone(), render.clone());
                        move || {
                            let (c, render) = (c.clone(), render.clone());
                            async move { plan.await.map(|p| render(c, p)) }
                        }
                    } />
            }
            .into_any()
        }} />
    }
}

#[component]
pub fn ForwardPlanPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || view! { <WithPlan id=id.get() render=plan_view /> }
}

fn yes_no(v: Option<bool>) -> AnyView {
    match v {
        Some(true) => "Yes".into_any(),
        Some(false) => "No".into_any(),
        None => view! { <NotPublished /> }.into_any(),
    }
}

fn decision_row(plan: &str, d: &KeyDecision) -> impl IntoView {
    view! {
        <tr>
            <th scope="row"><a href=routes::key_decision(plan, &d.id)>{d.title.clone()}</a></th>
            <td>{d.decision_maker.clone().unwrap_or_else(|| "Not published".into())}</td>
            <td>{d.decision_expected.clone().unwrap_or_else(|| "Not published".into())}
                {(!d.date_changes.is_empty()).then(|| view! { " " <span class="tag">{format!("Date changed {}×", d.date_changes.len())}</span> })}</td>
            <td>{d.scrutiny_area.clone().unwrap_or_else(|| "Not published".into())}</td>
            <td>{yes_no(d.criteria.financial)}" / "{yes_no(d.criteria.community_impact)}</td>
        </tr>
    }
}

fn plan_view(c: Arc<Catalogue>, p: Arc<ForwardPlan>) -> AnyView {
    let council = council_name(&c, &p.council);
    let committee = p.committee.as_ref().and_then(|id| c.committee(id)).cloned();
    let mut trail = vec![("Home".to_string(), routes::home())];
    if let Some(k) = &committee {
        trail.push((k.title.clone(), routes::committee(&k.id)));
    }
    view! {
        <PageHead title=p.title.clone() description=format!("{} ({council}): every key decision, when it is due and where scrutiny considered it.", p.title) />
        <Breadcrumbs trail=trail current="Forward Plan".to_string() />
        <span class="caption">{council}</span>
        <h1>{p.title.clone()}</h1>
        <dl class="summary-list">
            <div><dt>"Period"</dt><dd>{format!("{} to {}", short_date(p.period_start), short_date(p.period_end))}</dd></div>
            <div><dt>"Published"</dt><dd>{match p.date {
                Some(d) => short_date(d).into_any(),
                None => view! { <NotPublished /> }.into_any(),
            }}{p.date_source.clone().map(|s| view! { <p class="source-wording">{s}</p> })}</dd></div>
            <div><dt>"Heading as printed"</dt><dd>{p.heading.clone().unwrap_or_else(|| "Not printed".into())}</dd></div>
            {committee.map(|k| view! {
                <div><dt>"Printed for"</dt><dd><a href=routes::committee(&k.id)>{k.title.clone()}</a></dd></div>
            })}
            {p.signed_by.clone().map(|s| view! {
                <div><dt>"Signed"</dt><dd>{s.name}{s.role.map(|r| format!(", {r}"))}</dd></div>
            })}
        </dl>
        <section aria-labelledby="decisions">
            <h2 id="decisions">{format!("Key decisions ({})", p.decisions.len())}</h2>
            <div class="table-wrap">
                <table class="table">
                    <caption>"Key decisions in this plan"</caption>
                    {column_heads(&["Decision", "Decision maker", "Expected", "Scrutiny committee area", "Criteria: financial / community impact"])}
                    <tbody>{p.decisions.iter().map(|d| decision_row(&p.id, d)).collect_view()}</tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="about-plan">
            <h2 id="about-plan">"About this plan"</h2>
            <Blocks blocks=p.introduction.clone() />
            <h3>"What a key decision is"</h3>
            <Blocks blocks=p.key_decision_definition.clone() />
            <Blocks blocks=p.information.clone() />
            {(!p.exempt_paragraphs.is_empty()).then(|| view! {
                <h3>"Exempt information"</h3>
                {p.exempt_intro.clone().map(|t| view! { <p>{t}</p> })}
                <ol class="list exempt-paragraphs">
                    {p.exempt_paragraphs.iter().map(|e| view! {
                        <li id=format!("exempt-{}", e.number)>
                            <strong>{format!("{}. ", e.number)}</strong>{e.text.clone()}
                            {(!e.parts.is_empty()).then(|| view! {
                                <ul class="list">{e.parts.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                            })}
                            {e.text_after.clone().map(|t| view! { <p>{t}</p> })}
                        </li>
                    }).collect_view()}
                </ol>
            })}
        </section>
        <crate::components::sources::SourcesSection heading_id="fp-sources" sources=p.sources.clone() notes=p.notes.clone() />
    }
    .into_any()
}
