//! People: every member and co-optee each council's papers name, grouped by committee and
//! role, with their attendance as worked out from the minutes (`attendance/<council>.json`).

pub mod person;

use crate::components::catalogue_view::WithCatalogue;
use crate::components::head::PageHead;
use crate::components::layout::Breadcrumbs;
use crate::components::people::{fetch_attendance, rate_text, role_text, ROLE_ORDER};
use crate::components::status::Loads;
use crate::components::table::column_heads;
use crate::data::Load;
use crate::routes;

use leptos::prelude::*;
use minutebook_data::{Catalogue, CommitteeRecord, CouncilAttendance, Person};
use std::sync::Arc;

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! {
        <PageHead title="People".to_string() description="Councillors and co-opted members of each committee, with their attendance as recorded in the minutes.".to_string() />
        <Breadcrumbs trail=vec![("Home".into(), routes::home())] current="People".into() />
        <h1>"People"</h1>
        <p class="lead">"Members, co-optees and others the committee papers name, with their attendance as the minutes record it."</p>
        <details class="details">
            <summary>"How attendance is counted"</summary>
            <div class="details__text">
                <p>"Attendance is worked out from the minutes in the data, meeting by meeting. A meeting counts towards a person’s rate only when its minutes name them as present, as sending apologies, or as not present."</p>
                <p>"Where the papers do not record who was present — for example a web page that lists apologies but not the members present — that meeting is “attendance not recorded”, unless the person sent apologies to it. A meeting whose present list does not name the person at all is shown but not counted, because the papers do not show whether they were on the committee then."</p>
                <p>"Names are matched to people by the council’s register of names as printed and by their titles, initials and surnames; a name that could be more than one person is never guessed."</p>
            </div>
        </details>
        <WithCatalogue render={|c: Arc<Catalogue>| people_list(c)} />
    }
}

fn people_list(c: Arc<Catalogue>) -> AnyView {
    if c.people.is_empty() {
        return view! { <p>"No council in the data publishes a list of people."</p> }.into_any();
    }
    c.people
        .iter()
        .map(|l| {
            let name = c
                .council(&l.council)
                .map(|k| k.name.clone())
                .unwrap_or_else(|| l.council.clone());
            view! { <CouncilPeople council=l.council.clone() name=name catalogue=c.clone() /> }
        })
        .collect_view()
        .into_any()
}

#[component]
fn CouncilPeople(council: String, name: String, catalogue: Arc<Catalogue>) -> impl IntoView {
    let attendance = Load::new({
        let council = council.clone();
        move || fetch_attendance(council.clone())
    });
    let heading = format!("council-{council}");
    let heading_id = heading.clone();
    view! {
        <section class="council" aria-labelledby=heading>
            <h2 id=heading_id>{name}</h2>
            <Loads what="the people of this council" retry=move || attendance.refetch() content={
                    let catalogue = catalogue.clone();
                    move || {
                        let catalogue = catalogue.clone();
                        async move { attendance.await.map(|a| council_view(&catalogue, &a)) }
                    }
                } />
        </section>
    }
}

fn council_view(c: &Catalogue, a: &CouncilAttendance) -> AnyView {
    let committees: Vec<_> = c
        .committees
        .iter()
        .filter(|k| k.council == a.council)
        .collect();
    view! {
        {committees
            .into_iter()
            .map(|k| {
                let mut rows: Vec<(&Person, &CommitteeRecord)> = a
                    .people
                    .iter()
                    .filter_map(|p| p.committees.iter().find(|r| r.committee == k.id).map(|r| (&p.person, r)))
                    .collect();
                // Membership-list order of roles; people not on the list last.
                rows.sort_by_key(|(_, r)| r.roles.iter().filter_map(|x| ROLE_ORDER.iter().position(|o| o == x)).min().unwrap_or(ROLE_ORDER.len()));
                let title = k.title.clone();
                view! {
                    <h3 id=format!("committee-{}", k.id)><a href=routes::committee(&k.id)>{title.clone()}</a></h3>
                    {if rows.is_empty() {
                        view! { <p>"No one is named in this committee’s papers in the data."</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap">
                                <table class="table people-table">
                                    <caption>{format!("{title}: people, roles and attendance")}</caption>
                                    {column_heads(&["Name", "Role", "Attendance"])}
                                    <tbody>{rows.into_iter().map(|(p, r)| person_row(p, r)).collect_view()}</tbody>
                                </table>
                            </div>
                        }
                        .into_any()
                    }}
                }
            })
            .collect_view()}
        {(!a.unmatched.is_empty()).then(|| view! {
            <h3>"Names not matched to a person"</h3>
            <ul class="list list--bullet">
                {a.unmatched.iter().map(|u| view! {
                    <li>{format!("“{}” ({}{}): {}", u.name, u.context, u.meeting.as_ref().map(|m| format!(", {m}")).unwrap_or_default(), u.reason)}</li>
                }).collect_view()}
            </ul>
        })}
    }
    .into_any()
}

fn person_row(p: &Person, r: &CommitteeRecord) -> impl IntoView {
    let meetings = |n: u32| {
        if n == 1 {
            "1 meeting".to_string()
        } else {
            format!("{n} meetings")
        }
    };
    let short: Vec<String> = [
        (r.counts.not_recorded > 0)
            .then(|| format!("not recorded at {}", meetings(r.counts.not_recorded))),
        (r.counts.not_named > 0).then(|| format!("not named at {}", meetings(r.counts.not_named))),
    ]
    .into_iter()
    .flatten()
    .collect();
    view! {
        <tr>
            <th scope="row"><a href=routes::person(&p.id)>{p.name.clone()}</a></th>
            <td>{role_text(p, r)}</td>
            <td>
                {rate_text(&r.counts)}
                {(!short.is_empty()).then(|| view! { <br /><span class="hint">{format!("Attendance {}", short.join("; "))}</span> })}
            </td>
        </tr>
    }
}
