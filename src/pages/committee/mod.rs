//! A committee: remit, membership by role, and its meetings grouped by municipal year.

mod dashboards;
mod embed_subscribe;

use crate::components::agenda_item::contact;
use crate::components::catalogue_view::WithCatalogue;
use crate::components::chunked::Chunked;
use crate::components::head::PageHead;
use crate::components::layout::Breadcrumbs;
use crate::components::people::ROLE_ORDER;
use crate::components::status::NotPublished;
use crate::components::table::column_heads;
use crate::routes;

use crate::components::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use minutebook_data::{Catalogue, Committee, MeetingSummary};
use minutebook_domain::dates::{date_and_time, municipal_year, municipal_year_label};
use std::sync::Arc;

#[component]
pub fn CommitteePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    view! {
        <WithCatalogue render={move |c: Arc<Catalogue>| {
            match c.committee(&id()) {
                Some(k) => committee_page(&c, k).into_any(),
                None => view! { <NotFound detail="There is no committee with this address in the published data." /> }.into_any(),
            }
        }} />
    }
}

/// A committee with more meetings than this shows its latest [`OPEN_YEARS`] municipal years
/// open and folds the earlier ones into closed `<details>`: laying out thousands of table
/// rows held up the first paint by over a second, and a reader rarely wants the 1990s first.
pub const MANY_MEETINGS: usize = 200;
/// Municipal years shown open on a committee with many meetings.
pub const OPEN_YEARS: usize = 3;

fn committee_page(c: &Catalogue, k: &Committee) -> impl IntoView {
    // Membership names link to person pages once the council's register has loaded.
    crate::components::people::provide_register_links(c, &k.council);
    let council = c
        .council(&k.council)
        .map(|x| x.name.clone())
        .unwrap_or_default();
    let mut meetings: Vec<&MeetingSummary> = c.meetings_of(&k.id).collect();
    meetings.sort_by_key(|m| std::cmp::Reverse(m.date));
    let total = meetings.len();
    // Newest municipal year first; meetings within a year newest first.
    let mut years: Vec<(i32, Vec<MeetingSummary>)> = Vec::new();
    for m in meetings.into_iter().cloned() {
        let y = municipal_year(m.date);
        match years.last_mut() {
            Some((year, list)) if *year == y => list.push(m),
            _ => years.push((y, vec![m])),
        }
    }
    view! {
        <PageHead title=k.title.clone() description=format!("{}: its meetings, agendas, minutes, members and decisions, as published.", k.title) />
        <Breadcrumbs trail=vec![("Home".into(), routes::home())] current=k.title.clone() />
        <span class="caption">{council}</span>
        <h1>{k.title.clone()}</h1>
        <section aria-labelledby="remit">
            <h2 id="remit">"Remit"</h2>
            {if k.remit.is_empty() {
                view! { <p><NotPublished what="The committee’s remit" /></p> }.into_any()
            } else {
                view! {
                    {k.remit.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                    {k.remit_source.clone().map(|s| view! { <p class="hint">{format!("Source: {s}")}</p> })}
                }
                .into_any()
            }}
        </section>
        {membership(k)}
        {k.contact.clone().map(|x| view! {
            <section aria-labelledby="contact"><h2 id="contact">"Contact"</h2><p>{contact(x)}</p></section>
        })}
        {crate::components::schedule_links::committee_links(c, &k.id)}
        <section aria-labelledby="meetings">
            <h2 id="meetings">"Meetings"</h2>
            {(total > MANY_MEETINGS && years.len() > OPEN_YEARS).then(|| view! {
                <p class="inset-text">{format!(
                    "This committee has {total} meetings. To keep the page quick, the latest {OPEN_YEARS} municipal years are shown and earlier years are folded: open one to see its meetings."
                )}</p>
            })}
            // Years, and the meetings in each, are rendered in chunks: a committee may have thousands.
            <Chunked items=years chunk=2 row=move |i, (y, list)| meetings_table(y, list, total > MANY_MEETINGS && i >= OPEN_YEARS) />
        </section>
        {dashboards::committee_dashboards(c, &k.id)}
        {embed_subscribe::subscribe(c, k)}
    }
}

fn membership(k: &Committee) -> impl IntoView {
    let rows = ROLE_ORDER
        .iter()
        .flat_map(|role| k.membership.iter().filter(move |m| m.role == *role))
        .map(|m| {
            view! {
                <tr>
                    <th scope="row">{crate::components::people::person_link(m.name.clone(), m.person.clone())}</th>
                    <td>{m.role.label()}</td>
                    <td>{m.represents.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="membership">
            <h2 id="membership">"Membership"</h2>
            {if k.membership.is_empty() {
                view! { <p><NotPublished what="Membership" /></p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table">
                            <caption>{format!("Membership{}", k.membership_source.as_ref().map(|s| format!(" — {s}")).unwrap_or_default())}</caption>
                            {column_heads(&["Name", "Role", "Represents"])}
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

/// One municipal year's meetings; `folded`, a closed `<details>` with the year as summary.
fn meetings_table(year: i32, list: Vec<MeetingSummary>, folded: bool) -> AnyView {
    let label = municipal_year_label(year);
    let id = format!("year-{year}");
    if folded {
        let count = match list.len() {
            1 => "1 meeting".to_string(),
            n => format!("{n} meetings"),
        };
        view! {
            <details class="meetings-year" id=id>
                <summary><h3 class="meetings-year__title">{label.clone()}</h3>" "<span class="hint">{format!("({count})")}</span></summary>
                {year_table(label, list)}
            </details>
        }
        .into_any()
    } else {
        view! {
            <h3 id=id>{label.clone()}</h3>
            {year_table(label, list)}
        }
        .into_any()
    }
}

fn year_table(label: String, list: Vec<MeetingSummary>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{format!("Meetings in the municipal year {label}")}</caption>
                {column_heads(&["Date and time", "Venue", "Status", "Agenda", "Minutes"])}
                <tbody>
                    <Chunked items=list row=|_, m: MeetingSummary| {
                            view! {
                                <tr>
                                    <th scope="row"><a href=routes::meeting(&m.id, None)>{date_and_time(m.date, m.date_precision, m.start_time)}</a></th>
                                    <td>{m.venue.as_ref().map(|v| v.name.clone()).unwrap_or_else(|| "Not published".into())}</td>
                                    <td><span class=format!("status status--{}", m.status.label().to_lowercase())>{m.status.label()}</span></td>
                                    <td>{if m.agenda_published { format!("{} items", m.item_count) } else { "Not published".into() }}</td>
                                    <td>{m.minutes.label()}</td>
                                </tr>
                            }
                        } />
                </tbody>
            </table>
        </div>
    }
}
