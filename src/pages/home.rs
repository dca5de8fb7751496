//! Home: every council and committee in the data, with each committee's latest and next meeting.

use crate::components::catalogue_view::WithCatalogue;
use crate::components::head::PageHead;
use crate::data::today;
use crate::routes;
use leptos::prelude::*;
use minutebook_data::{Catalogue, Committee, MeetingStatus, MeetingSummary};
use minutebook_domain::dates::{date_and_time, short_date};
use std::sync::Arc;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <PageHead title="Committee meetings".to_string() description="Council committee meetings, agendas, minutes, attendance and decisions, as the councils published them.".to_string() />
        <h1>"Committee meetings"</h1>
        <p class="lead">
            "Agendas, minutes, attendance and decisions of council committees, as the councils published them."
        </p>
        <WithCatalogue render={|c: Arc<Catalogue>| home(&c).into_any()} />
    }
}

fn home(c: &Catalogue) -> impl IntoView {
    let today = today();
    // Pre-rendered pages are written for the build date; the app corrects them on the day.
    let as_of = view! { <p class="hint mb-as-of">{format!("Latest and next meetings as of {}.", short_date(today))}</p> };
    let councils = c.councils
        .iter()
        .map(|council| {
            let committees: Vec<&Committee> = c.committees.iter().filter(|k| k.council == council.id).collect();
            view! {
                <section class="council" aria-labelledby=format!("council-{}", council.id)>
                    <h2 id=format!("council-{}", council.id)>{council.name.clone()}</h2>
                    {council.website.as_deref().and_then(minutebook_domain::links::safe_href).map(|w| view! {
                        <p><a href=w.clone()>{format!("{} website", council.name)}</a></p>
                    })}
                    <ul class="card-list">
                        {committees.into_iter().map(|k| committee_card(c, k, today)).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view();
    view! { {as_of} {councils} }
}

fn meeting_line(m: &MeetingSummary) -> AnyView {
    let when = date_and_time(m.date, m.date_precision, m.start_time);
    let status = match m.status {
        MeetingStatus::Held => None,
        s => Some(format!(" ({})", s.label().to_lowercase())),
    };
    view! { <a href=routes::meeting(&m.id, None)>{when}</a>{status} }.into_any()
}

fn committee_card(c: &Catalogue, k: &Committee, today: minutebook_data::Date) -> impl IntoView {
    let meetings: Vec<&MeetingSummary> = c.meetings_of(&k.id).collect();
    // The latest meeting a record shows was held; past meetings only ever "scheduled" in the
    // papers are not presented as having happened.
    let latest = meetings
        .iter()
        .rev()
        .find(|m| m.date <= today && m.status == MeetingStatus::Held)
        .copied();
    let next = meetings
        .iter()
        .find(|m| m.date > today && m.status != MeetingStatus::Cancelled)
        .copied();
    let count = meetings.len();
    view! {
        <li class="card">
            <h3 class="card__title"><a href=routes::committee(&k.id)>{k.title.clone()}</a></h3>
            <dl class="summary-list summary-list--compact">
                <div>
                    <dt>"Latest meeting held"</dt>
                    <dd>{latest.map(meeting_line).unwrap_or_else(|| "None in the published data".into_any())}</dd>
                </div>
                <div>
                    <dt>"Next meeting"</dt>
                    <dd>{next.map(meeting_line).unwrap_or_else(|| "No future meeting is in the published data".into_any())}</dd>
                </div>
                <div>
                    <dt>"Meetings in the data"</dt>
                    <dd>{count}</dd>
                </div>
            </dl>
        </li>
    }
}
