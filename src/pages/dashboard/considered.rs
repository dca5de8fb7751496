//! Where the committee considered a dashboard or plan: links to the meeting, the agenda
//! item and the minute, and the resolutions made on it, each linking to its part of the
//! minutes.

use crate::components::status::NotPublished;
use crate::data::{fetch_meeting, Load};
use crate::routes;
use leptos::prelude::*;
use minutebook_data::{Catalogue, Consideration, Dashboard, Meeting, ResolutionPart};
use minutebook_domain::dates::long_date;
use minutebook_domain::references::anchor;
use std::sync::Arc;

#[component]
pub fn Considerations(dashboard: Arc<Dashboard>, catalogue: Arc<Catalogue>) -> impl IntoView {
    let items = dashboard
        .considered
        .iter()
        .map(|c| view! { <ConsideredAt consideration=c.clone() catalogue=catalogue.clone() /> })
        .collect_view();
    view! {
        <section class="considered" aria-labelledby="considered">
            <h2 id="considered">"Where the committee considered it"</h2>
            {if dashboard.considered.is_empty() {
                view! { <p><NotPublished what="The meeting that considered it" /></p> }.into_any()
            } else {
                items.into_any()
            }}
        </section>
    }
}

#[component]
fn ConsideredAt(consideration: Consideration, catalogue: Arc<Catalogue>) -> impl IntoView {
    let c = consideration;
    let Some(summary) = catalogue.meeting(&c.meeting).cloned() else {
        return view! { <p>{format!("A meeting not in the published data ({}).", c.meeting)}</p> }
            .into_any();
    };
    let committee = catalogue
        .committee(&summary.committee)
        .map(|k| k.title.clone())
        .unwrap_or_default();
    let date = long_date(summary.date, summary.date_precision);
    // The minute's anchor needs only its number; the item's anchor and the resolutions need
    // the meeting file.
    let minute_link = c.minute.clone().map(|m| {
        (
            format!("Minute {m}"),
            routes::meeting(&c.meeting, Some(&anchor(&m, None))),
        )
    });
    let meeting = Load::new({
        let id = c.meeting.clone();
        move || fetch_meeting(id.clone())
    });
    let detail = {
        let c = c.clone();
        move || {
            let c = c.clone();
            Suspend::new(async move {
                match meeting.await {
                    Ok(m) => item_and_resolutions(&m, &c).into_any(),
                    Err(e) => view! { <p class="hint">{format!("The minutes could not be loaded: {e}")}</p> }.into_any(),
                }
            })
        }
    };
    view! {
        <div class="consideration">
            <h3 class="consideration__meeting"><a href=routes::meeting(&c.meeting, None)>{date}</a></h3>
            <p class="hint">{committee}</p>
            {c.note.clone().map(|n| view! { <p>{n}</p> })}
            {minute_link.map(|(label, link)| view! { <p><a href=link>{label}</a>" in the minutes"</p> })}
            <Suspense fallback=|| view! { <p class="hint">"Loading the minutes…"</p> }>{detail}</Suspense>
        </div>
    }
    .into_any()
}

fn item_and_resolutions(m: &Meeting, c: &Consideration) -> AnyView {
    let found = m.items.iter().enumerate().find(|(_, i)| {
        c.item
            .as_ref()
            .is_some_and(|n| i.number.as_ref() == Some(n))
            || (c.item.is_none()
                && c.minute
                    .as_ref()
                    .is_some_and(|n| i.minute.as_ref().is_some_and(|x| &x.number == n)))
    });
    let Some((index, item)) = found else {
        return view! { <p><NotPublished what="The agenda item" /></p> }.into_any();
    };
    let item_label = match &item.number {
        Some(n) => format!("Agenda item {n}: {}", item.title),
        None => format!("Agenda item: {}", item.title),
    };
    let item_link = routes::meeting(&m.id, Some(&format!("item-{}", index + 1)));
    let resolution = item
        .minute
        .as_ref()
        .and_then(|x| x.resolution.as_ref().map(|r| (x.number.clone(), r.clone())));
    view! {
        <p><a href=item_link>{item_label}</a></p>
        {match resolution {
            None => view! { <p><NotPublished what="A resolution on this item" /></p> }.into_any(),
            Some((minute, r)) => view! {
                <div class="resolution">
                    <p class="resolution__label"><strong>"Resolved:"</strong>{r.preamble.clone().map(|p| format!(" {p}"))}</p>
                    <ul class="resolution__parts">{parts(&m.id, &minute, &[], &r.parts)}</ul>
                </div>
            }.into_any(),
        }}
    }
    .into_any()
}

/// Each part with a link to it in the minutes ("Minute 26 (1)").
fn parts(meeting: &str, minute: &str, path: &[String], list: &[ResolutionPart]) -> AnyView {
    list.iter()
        .map(|p| {
            let mut here = path.to_vec();
            if let Some(n) = &p.number {
                here.push(n.clone());
            }
            let part = (!here.is_empty()).then(|| here.join("-"));
            let label = format!("Minute {minute}{}", here.iter().map(|h| format!(" ({h})")).collect::<String>());
            let link = routes::meeting(meeting, Some(&anchor(minute, part.as_deref())));
            view! {
                <li class="resolution__part">
                    {p.number.clone().map(|n| view! { <span class="resolution__number">{format!("({n})")}</span> " " })}
                    {p.text.clone()}
                    " "
                    <a class="resolution__link" href=link>{label}</a>
                    {(!p.bullets.is_empty()).then(|| view! {
                        <ul class="list list--bullet">{p.bullets.iter().map(|b| view! { <li>{b.clone()}</li> }).collect_view()}</ul>
                    })}
                    {(!p.parts.is_empty()).then(|| view! { <ul class="resolution__parts">{parts(meeting, minute, &here, &p.parts)}</ul> })}
                </li>
            }
        })
        .collect_view()
        .into_any()
}
