//! Links from a meeting page to the key decisions in a Forward Plan that the meeting
//! considered (the other direction of `KeyDecision::considered_by`).

use crate::components::schedule_download::IcsDownload;
use crate::components::status::NotPublished;
use crate::data::{fetch_file, Load};
use crate::routes;
use leptos::prelude::*;
use minutebook_data::{Catalogue, ForwardPlan};
use std::sync::Arc;

/// (plan id, decision id, decision title) for every key decision this meeting considered.
async fn considered(c: Arc<Catalogue>, meeting: String) -> Vec<(String, String, String)> {
    let council = c
        .meeting(&meeting)
        .and_then(|m| c.committee(&m.committee))
        .map(|k| k.council.clone());
    let mut out = Vec::new();
    for l in c
        .forward_plans
        .iter()
        .filter(|l| Some(&l.council) == council.as_ref())
    {
        // A plan that fails to load only loses these links; the meeting page stands.
        if let Ok(plan) = fetch_file::<ForwardPlan>(&l.file).await {
            for d in plan
                .decisions
                .iter()
                .filter(|d| d.considered_by.iter().any(|s| s.meeting == meeting))
            {
                out.push((plan.id.clone(), d.id.clone(), d.title.clone()));
            }
        }
    }
    out
}

#[component]
pub fn MeetingKeyDecisions(catalogue: Arc<Catalogue>, meeting: String) -> impl IntoView {
    if catalogue.forward_plans.is_empty() {
        return ().into_any();
    }
    let found = Load::new(move || considered(catalogue.clone(), meeting.clone()));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = found.await;
                (!list.is_empty()).then(|| view! {
                    <p class="key-decision-links">
                        "Key decisions in the Forward Plan that this meeting considered: "
                        {list.into_iter().enumerate().map(|(i, (plan, id, title))| view! {
                            {(i > 0).then_some("; ")}
                            <a href=routes::key_decision(&plan, &id)>{title}</a>
                        }).collect_view()}
                    </p>
                })
            })}
        </Suspense>
    }
    .into_any()
}

/// The meeting page's calendar download and its links to key decisions.
pub fn meeting_links(c: Arc<Catalogue>, meeting: &str) -> impl IntoView {
    let calendar = c.meeting(meeting).and_then(|m| {
        crate::components::schedule_download::meetings_calendar(
            &c,
            &m.committee,
            std::iter::once(m),
        )
    });
    view! {
        <div class="meeting-links">
            {calendar.map(|file| view! {
                <IcsDownload file=file name=meeting.to_string() label="Add this meeting to your calendar" />
            })}
            <MeetingKeyDecisions catalogue=c.clone() meeting=meeting.to_string() />
        </div>
    }
}

/// The committee page's section: its work programme, the Forward Plans printed for it,
/// and a calendar file of all its meetings.
pub fn committee_links(c: &Catalogue, committee: &str) -> impl IntoView {
    let has_programme = c
        .work_programmes
        .iter()
        .any(|l| l.committee.as_deref() == Some(committee));
    let plans: Vec<_> = c
        .forward_plans
        .iter()
        .filter(|l| l.committee.as_deref() == Some(committee))
        .cloned()
        .collect();
    let calendar = crate::components::schedule_download::meetings_calendar(
        c,
        committee,
        c.meetings_of(committee),
    );
    view! {
        <section aria-labelledby="work-programme">
            <h2 id="work-programme">"Work programme and key decisions"</h2>
            <ul class="list list--bullet">
                {if has_programme {
                    view! { <li><a href=routes::work_programme(committee)>"Work programme: what the committee plans to consider, and whether it did"</a></li> }.into_any()
                } else {
                    view! { <li><NotPublished what="Work programme" /></li> }.into_any()
                }}
                {plans.into_iter().map(|l| view! {
                    <li><a href=routes::forward_plan(&l.id)>{l.title}</a></li>
                }).collect_view()}
            </ul>
            {calendar.map(|file| view! {
                <p><IcsDownload file=file name=format!("{committee}-meetings") label="Add all this committee’s meetings to your calendar" /></p>
            })}
        </section>
    }
}
