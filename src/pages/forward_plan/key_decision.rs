//! One key decision from a Forward Plan: every field the plan prints, the changes to its
//! expected date as a timeline, and where scrutiny considered the matter.

use crate::components::head::PageHead;
use crate::components::layout::Breadcrumbs;
use crate::components::status::NotPublished;
use crate::components::text::{data_link, Blocks};
use crate::routes;

use super::WithPlan;
use crate::components::catalogue_view::council_name;
use crate::components::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use minutebook_data::{Catalogue, ForwardPlan, KeyDecision};
use minutebook_domain::dates::short_date;
use minutebook_domain::links::{mailto_href, tel_href};
use std::sync::Arc;

#[component]
pub fn KeyDecisionPage() -> impl IntoView {
    let params = use_params_map();
    let ids = Memo::new(move |_| {
        let p = params.read();
        (
            p.get("id").unwrap_or_default(),
            p.get("decision").unwrap_or_default(),
        )
    });
    move || {
        let (plan, decision) = ids.get();
        let render = move |c: Arc<Catalogue>, p: Arc<ForwardPlan>| {
            match p.decision(&decision) {
            Some(d) => decision_view(&c, &p, d),
            None => view! { <NotFound detail="This Forward Plan has no key decision with this address." /> }.into_any(),
        }
        };
        view! { <WithPlan id=plan render=render /> }
    }
}

fn text_or_not_published(v: Option<String>) -> AnyView {
    match v {
        Some(t) => t.into_any(),
        None => view! { <NotPublished /> }.into_any(),
    }
}

fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "Not published",
    }
}

/// The expected date over time: the first date a change moved it from, each change, and
/// the date this plan gives.
fn timeline(d: &KeyDecision) -> impl IntoView {
    let first = d.date_changes.first().and_then(|c| c.from).map(|from| {
        view! {
            <li class="timeline__entry">
                <span class="timeline__date">{short_date(from)}</span>
                " — first expected date"
            </li>
        }
    });
    let changes = d
        .date_changes
        .iter()
        .map(|c| {
            view! {
                <li class="timeline__entry timeline__entry--change">
                    <span class="timeline__date">{c.to.map(short_date).unwrap_or_else(|| "Date not given".into())}</span>
                    " — date changed"
                    {c.reason.clone().map(|r| view! { <br /> {format!("Reason: {r}")} })}
                    <p class="source-wording">{c.text.clone()}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="timeline">
            {first}
            {changes}
            <li class="timeline__entry timeline__entry--current">
                <span class="timeline__date">{d.decision_expected_date.map(short_date).or(d.decision_expected.clone()).unwrap_or_else(|| "Not published".into())}</span>
                " — expected in this plan"
            </li>
        </ol>
    }
}

fn scrutiny(c: &Catalogue, d: &KeyDecision) -> AnyView {
    if d.considered_by.is_empty() {
        return view! { <p>"The data records no scrutiny meeting that considered this matter."</p> }.into_any();
    }
    view! {
        <ul class="list list--bullet">
            {d.considered_by.iter().map(|s| {
                let meeting = c.meeting(&s.meeting);
                let committee = meeting.and_then(|m| c.committee(&m.committee)).map(|k| k.title.clone()).unwrap_or_default();
                let when = meeting.map(|m| short_date(m.date)).unwrap_or_else(|| s.meeting.clone());
                let anchor = s.minute.as_ref().map(|m| format!("minute-{m}")).or_else(|| s.item.as_ref().map(|i| format!("item-{i}")));
                let what = [s.item.as_ref().map(|i| format!("agenda item {i}")), s.minute.as_ref().map(|m| format!("Minute No. {m}"))]
                    .into_iter().flatten().collect::<Vec<_>>().join(", ");
                view! {
                    <li>
                        <a class="scrutiny-link" href=routes::meeting(&s.meeting, anchor.as_deref())>{format!("{committee}, {when}{}", if what.is_empty() { String::new() } else { format!(" ({what})") })}</a>
                        {s.note.clone().map(|n| view! { <p class="source-wording">{n}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn decision_view(c: &Catalogue, p: &ForwardPlan, d: &KeyDecision) -> AnyView {
    let contacts = d
        .contacts
        .iter()
        .map(|x| {
            view! {
                <li>
                    {x.name.clone()}
                    {x.email.as_ref().and_then(|e| mailto_href(e).map(|h| (h, e.clone()))).map(|(h, e)| view! { ", " {data_link(&h, e)} })}
                    {x.telephone.as_ref().and_then(|t| tel_href(t).map(|h| (h, t.clone()))).map(|(h, t)| view! { ", " {data_link(&h, t)} })}
                </li>
            }
        })
        .collect_view();
    let scrutiny_committee = d
        .scrutiny_committee
        .as_ref()
        .and_then(|id| c.committee(id))
        .cloned();
    view! {
        <PageHead title=d.title.clone() description=format!("Key decision in the Forward Plan: {}.", d.title) />
        <Breadcrumbs
            trail=vec![("Home".into(), routes::home()), ("Forward Plan".into(), routes::forward_plan(&p.id))]
            current=d.title.clone()
        />
        <span class="caption">{format!("{}: key decision", council_name(c, &p.council))}</span>
        <h1>{d.title.clone()}</h1>
        <p>"From the "<a href=routes::forward_plan(&p.id)>{p.title.clone()}</a>"."</p>
        <section aria-labelledby="details"><h2 id="details">"Details of the decision to be taken"</h2><Blocks blocks=d.details.clone() /></section>
        <dl class="summary-list">
            <div><dt>"Decision maker"</dt><dd>{text_or_not_published(d.decision_maker.clone())}</dd></div>
            <div><dt>"Decision expected"</dt><dd>{text_or_not_published(d.decision_expected.clone())}</dd></div>
            <div><dt>"Key decision criteria"</dt><dd>{format!("Financial: {}. Community impact: {}.", yes_no(d.criteria.financial), yes_no(d.criteria.community_impact))}</dd></div>
            <div><dt>"Exempt report"</dt><dd>{text_or_not_published(d.exempt_report.clone())}
                {(!d.exempt_paragraphs.is_empty()).then(|| format!(" (paragraphs {})", d.exempt_paragraphs.join(", ")))}</dd></div>
            <div><dt>"Wards affected"</dt><dd>{text_or_not_published(d.wards.as_ref().map(|w| w.join(", ")))}</dd></div>
            <div><dt>"Scrutiny committee area"</dt><dd>{text_or_not_published(d.scrutiny_area.clone())}
                {scrutiny_committee.map(|k| view! { " — " <a href=routes::committee(&k.id)>{k.title.clone()}</a> })}</dd></div>
            <div><dt>"Persons/organisations to be consulted"</dt><dd>{text_or_not_published(d.consultees.clone())}</dd></div>
            <div><dt>"Method(s) of consultation"</dt><dd>{text_or_not_published(d.consultation_methods.clone())}</dd></div>
            <div><dt>"Background documents"</dt><dd>{if d.background_documents.is_empty() {
                view! { <NotPublished /> }.into_any()
            } else {
                view! { <ul class="list">{d.background_documents.iter().map(|b| view! { <li>{b.clone()}</li> }).collect_view()}</ul> }.into_any()
            }}</dd></div>
            <div><dt>"Contact officers"</dt><dd>
                <ul class="list">{contacts}</ul>
                {d.contacts_telephone.clone().map(|t| view! { <p>"Tel: " {match tel_href(&t) { Some(h) => data_link(&h, t), None => t.into_any() }}</p> })}
            </dd></div>
            <div><dt>"First listed in this plan"</dt><dd>{match d.first_listed {
                Some(true) => "Yes".into_any(),
                Some(false) => "No".into_any(),
                None => view! { <NotPublished what="Whether the item is new to this plan" /> }.into_any(),
            }}</dd></div>
        </dl>
        <section aria-labelledby="timeline">
            <h2 id="timeline">"Expected date over time"</h2>
            {if d.date_changes.is_empty() {
                view! { <p>"The plan records no change to the expected date."</p> }.into_any()
            } else {
                ().into_any()
            }}
            {timeline(d)}
        </section>
        <section aria-labelledby="scrutiny">
            <h2 id="scrutiny">"Where scrutiny considered this"</h2>
            {scrutiny(c, d)}
        </section>
    }
    .into_any()
}
