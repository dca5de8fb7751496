//! One person: their roles on each committee, every meeting's record of them (present,
//! apologies with substitutes, not recorded…), declarations of interest and attendance rate.

use crate::components::catalogue_view::WithCatalogue;
use crate::components::chunked::Chunked;
use crate::components::head::PageHead;
use crate::components::layout::Breadcrumbs;
use crate::components::people::{
    counts_explained, fetch_attendance, listing_for_person, rate_text, record_view,
};
use crate::components::status::Loads;
use crate::components::table::column_heads;
use crate::data::Load;
use crate::routes;

use crate::components::not_found::NotFound;
use crate::components::people::role_text;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use minutebook_data::{Catalogue, CommitteeRecord, CouncilAttendance, MeetingRecord, Person};
use minutebook_domain::dates::{long_date, short_date};
use std::sync::Arc;

#[component]
pub fn PersonPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || {
        let id = id.get();
        view! {
            <WithCatalogue render={move |c: Arc<Catalogue>| {
                match listing_for_person(&c, &id) {
                    Some(l) => view! { <PersonForId id=id.clone() council=l.council.clone() catalogue=c.clone() /> }.into_any(),
                    None => view! { <NotFound detail="There is no person with this address in the published data." /> }.into_any(),
                }
            }} />
        }
    }
}

#[component]
fn PersonForId(id: String, council: String, catalogue: Arc<Catalogue>) -> impl IntoView {
    let attendance = Load::new(move || fetch_attendance(council.clone()));
    view! {
        <Loads what="this person’s record" retry=move || attendance.refetch() content={
                let (id, catalogue) = (id.clone(), catalogue.clone());
                move || {
                    let (id, catalogue) = (id.clone(), catalogue.clone());
                    async move { attendance.await.map(|a| person_view(&catalogue, &a, &id)) }
                }
            } />
    }
}

fn person_view(c: &Catalogue, a: &CouncilAttendance, id: &str) -> AnyView {
    let Some(p) = a.person(id) else {
        return view! { <NotFound detail="There is no person with this address in the published data." /> }.into_any();
    };
    let person = &p.person;
    let council = c
        .council(&a.council)
        .map(|k| k.name.clone())
        .unwrap_or_else(|| a.council.clone());
    view! {
        <PageHead title=person.name.clone() description=format!("{} ({council}): committee roles and attendance as recorded in the minutes.", person.name) />
        <Breadcrumbs trail=vec![("Home".into(), routes::home()), ("People".into(), routes::href("/people"))] current=person.name.clone() />
        <span class="caption">{council}</span>
        <h1>{person.name.clone()}</h1>
        <dl class="summary-list">
            <div><dt>"Kind"</dt><dd>{person.kind.label()}</dd></div>
            {person.represents.clone().map(|r| view! { <div><dt>"Represents"</dt><dd>{r}</dd></div> })}
            <div>
                <dt>"Named in the papers as"</dt>
                <dd>{if person.aliases.is_empty() { person.name.clone() } else { person.aliases.iter().map(|x| format!("“{x}”")).collect::<Vec<_>>().join(", ") }}</dd>
            </div>
        </dl>
        {(!person.notes.is_empty()).then(|| view! {
            <div class="person-notes">{person.notes.iter().map(|n| view! { <p class="hint">{n.clone()}</p> }).collect_view()}</div>
        })}
        {if p.committees.is_empty() {
            view! { <p>"No committee paper in the data names this person."</p> }.into_any()
        } else {
            p.committees.iter().map(|r| committee_view(c, person, r)).collect_view().into_any()
        }}
    }
    .into_any()
}

fn committee_view(c: &Catalogue, person: &Person, r: &CommitteeRecord) -> impl IntoView {
    // A long record is rendered in chunks; the dates are worked out first.
    let meetings: Vec<(String, MeetingRecord)> = r
        .meetings
        .iter()
        .map(|m| (meeting_date(c, &m.meeting, m.date), m.clone()))
        .collect();
    let title = c
        .committee(&r.committee)
        .map(|k| k.title.clone())
        .unwrap_or_else(|| r.committee.clone());
    let source = c
        .committee(&r.committee)
        .and_then(|k| k.membership_source.clone());
    let heading = format!("committee-{}", r.committee);
    let heading_id = heading.clone();
    view! {
        <section class="person-committee" aria-labelledby=heading>
            <h2 id=heading_id><a href=routes::committee(&r.committee)>{title.clone()}</a></h2>
            <dl class="summary-list">
                <div>
                    <dt>"Role"</dt>
                    <dd>
                        {role_text(person, r)}
                        {(!r.roles.is_empty()).then(|| source.map(|s| view! { <br /><span class="hint">{format!("Membership list: {s}")}</span> })).flatten()}
                    </dd>
                </div>
                {(!r.capacities.is_empty()).then(|| view! {
                    <div><dt>"Capacity in the minutes"</dt><dd>{r.capacities.join("; ")}</dd></div>
                })}
                <div>
                    <dt>"Attendance"</dt>
                    <dd class="person-rate">
                        <strong>{rate_text(&r.counts)}</strong>
                        {counts_explained(&r.counts).into_iter().map(|s| view! { <br /><span class="hint">{s}</span> }).collect_view()}
                    </dd>
                </div>
            </dl>
            <h3>"Meetings"</h3>
            <div class="table-wrap">
                <table class="table person-meetings">
                    <caption>{format!("{} at meetings of the {title} held in the data", person.name)}</caption>
                    {column_heads(&["Meeting", "What the papers record"])}
                    <tbody>
                        <Chunked items=meetings row=|_, (date, m): (String, MeetingRecord)| view! {
                            <tr>
                                <th scope="row"><a href=routes::meeting(&m.meeting, Some("attendance"))>{date}</a></th>
                                <td>{record_view(&m.record)}</td>
                            </tr>
                        } />
                    </tbody>
                </table>
            </div>
            <h3>"Declarations of interest"</h3>
            {if r.declarations.is_empty() {
                view! { <p>"None recorded in the data for this person."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table">
                            <caption>{format!("Declarations of interest made by {}", person.name)}</caption>
                            {column_heads(&["Meeting", "Minute", "Nature of interest", "Kind", "Left the room"])}
                            <tbody>
                                {r.declarations.iter().map(|d| view! {
                                    <tr>
                                        <th scope="row"><a href=routes::meeting(&d.meeting, Some("declarations"))>{meeting_date(c, &d.meeting, d.date)}</a></th>
                                        <td>{d.minute.clone().unwrap_or_else(|| "Not recorded".into())}</td>
                                        <td>{d.nature.clone()}</td>
                                        <td>{d.kind.label()}</td>
                                        <td>{match d.left_room { Some(true) => "Yes", Some(false) => "No", None => "Not recorded" }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

/// A meeting's date as the committee page shows it (a month alone when only the month is known).
fn meeting_date(c: &Catalogue, id: &str, date: minutebook_data::Date) -> String {
    c.meeting(id)
        .map(|m| long_date(m.date, m.date_precision))
        .unwrap_or_else(|| short_date(date))
}
