//! A work programme version as a schedule: a grid of items × meetings (an accessible
//! table with a caption and row and column headers) on wide screens, and a list per
//! meeting on narrow ones. Past and future meetings differ in words as well as shade.

use crate::routes;
use leptos::prelude::*;
use minutebook_data::DatePrecision;
use minutebook_data::{
    Catalogue, Date, MeetingStatus, ProgrammeMeeting, ProgrammeRow, WorkProgramme,
};
use minutebook_domain::dates::long_date;

/// Where a meeting stands as at `today`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum When {
    Held,
    /// The date has passed but the data has no record of the meeting being held.
    Past,
    Upcoming,
}

impl When {
    pub fn of(col: &ProgrammeMeeting, c: &Catalogue, today: Date) -> When {
        let held = col
            .meeting
            .as_ref()
            .and_then(|id| c.meeting(id))
            .is_some_and(|m| m.status == MeetingStatus::Held);
        // As at today: a date still to come is upcoming, whatever the data says.
        if col.date >= today {
            When::Upcoming
        } else if held {
            When::Held
        } else {
            When::Past
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            When::Held => "Held",
            When::Past => "Date passed",
            When::Upcoming => "Upcoming",
        }
    }
    pub fn class(self) -> &'static str {
        match self {
            When::Upcoming => "is-future",
            _ => "is-past",
        }
    }
}

/// "Lead: Amy Riley/Debbie Campbell".
fn leads(row: &ProgrammeRow) -> Option<String> {
    (!row.leads.is_empty()).then(|| format!("Lead: {}", row.leads.join("/")))
}

fn row_heading(row: &ProgrammeRow) -> impl IntoView {
    view! {
        <span class="schedule__title">{row.title.clone()}</span>
        {leads(row).map(|l| view! { <span class="schedule__leads">{l}</span> })}
        {row.notes.iter().map(|n| view! { <span class="schedule__note">{format!("Note: {n}")}</span> }).collect_view()}
    }
}

/// The grid and the narrow-screen list, both in the page; CSS shows one of them.
#[component]
pub fn ScheduleView(
    programme: WorkProgramme,
    catalogue: std::sync::Arc<Catalogue>,
    today: Date,
    version_label: String,
) -> impl IntoView {
    let cols = programme.meetings.clone();
    let when: Vec<When> = cols
        .iter()
        .map(|c| When::of(c, &catalogue, today))
        .collect();
    let span = (cols.len() + 1).to_string();
    let header = cols
        .iter()
        .zip(&when)
        .map(|(c, w)| {
            let date = long_date(c.date, DatePrecision::Day);
            view! {
                <th scope="col" class=format!("schedule__meeting {}", w.class()) data-date=c.date.to_string()>
                    {match &c.meeting {
                        Some(id) => view! { <a href=routes::meeting(id, None)>{c.label.clone()}</a> }.into_any(),
                        None => c.label.clone().into_any(),
                    }}
                    <span class="visually-hidden">{format!(" ({date})")}</span>
                    <span class="schedule__when">{w.label()}</span>
                </th>
            }
        })
        .collect_view();
    let body = programme
        .sections
        .iter()
        .map(|s| {
            let rows = s
                .rows
                .iter()
                .map(|r| {
                    let cells = cols
                        .iter()
                        .zip(&when)
                        .map(|(c, w)| {
                            if r.planned.contains(&c.date) {
                                view! { <td class=format!("schedule__cell is-planned {}", w.class())><span aria-hidden="true">"✓"</span><span class="visually-hidden">"Planned"</span></td> }.into_any()
                            } else {
                                view! { <td class=format!("schedule__cell {}", w.class())><span class="visually-hidden">"Not planned"</span></td> }.into_any()
                            }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{row_heading(r)}</th>{cells}</tr> }
                })
                .collect_view();
            view! {
                {s.heading.clone().map(|h| view! { <tr class="schedule__section"><th scope="colgroup" colspan=span.clone()>{h}</th></tr> })}
                {rows}
            }
        })
        .collect_view();
    let list = cols
        .iter()
        .zip(&when)
        .map(|(c, w)| {
            let planned: Vec<ProgrammeRow> = programme.planned_for(c.date).cloned().collect();
            view! {
                <section class=format!("schedule-list__meeting {}", w.class())>
                    <h3 class="schedule-list__title">
                        {match &c.meeting {
                            Some(id) => view! { <a href=routes::meeting(id, None)>{long_date(c.date, DatePrecision::Day)}</a> }.into_any(),
                            None => long_date(c.date, DatePrecision::Day).into_any(),
                        }}
                        {c.venue.clone().map(|v| format!(", {v}"))}
                        " " <span class="schedule__when">{w.label()}</span>
                    </h3>
                    {if planned.is_empty() {
                        view! { <p>"Nothing planned."</p> }.into_any()
                    } else {
                        view! { <ul class="list list--bullet">{planned.iter().map(|r| view! { <li>{row_heading(r)}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap schedule-grid">
            <table class="table schedule">
                <caption>{format!("Items planned for each meeting — {version_label}")}</caption>
                <thead><tr><th scope="col">"Item"</th>{header}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <div class="schedule-list">{list}</div>
    }
}
