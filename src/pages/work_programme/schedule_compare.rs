//! Planned vs held for each meeting whose business is in the data, and what changed
//! between two versions of a programme. The matching is `minutebook_domain::planned` and
//! `programme_diff`; this file only shows the results.

use crate::components::table::column_heads;
use crate::routes;
use leptos::prelude::*;
use minutebook_data::{DatePrecision, Meeting, ProgrammeRow, WorkProgramme};
use minutebook_domain::dates::{long_date, short_date};
use minutebook_domain::planned::{compare, MatchedBy, RowOutcome};
use minutebook_domain::programme_diff::{planned_phrase, ProgrammeDiff, RowRef};
use std::sync::Arc;

fn item_label(m: &Meeting, n: usize) -> String {
    let item = &m.items[n];
    match &item.number {
        Some(num) => format!("{num}. {}", item.title),
        None => item.title.clone(),
    }
}

fn item_link(m: &Meeting, n: usize) -> impl IntoView {
    view! { <a href=routes::meeting(&m.id, Some(&format!("item-{}", n + 1)))>{item_label(m, n)}</a> }
}

/// One meeting's table: every planned row with its outcome, then the added items.
#[component]
pub fn PlannedVsHeld(programme: Arc<WorkProgramme>, meeting: Arc<Meeting>) -> impl IntoView {
    let rows: Vec<ProgrammeRow> = programme.rows().map(|(_, r)| r.clone()).collect();
    let c = compare(&programme, &meeting);
    let m = meeting.clone();
    let date = long_date(m.date, DatePrecision::Day);
    let basis = if m.agenda_published {
        "Compared with the meeting’s agenda."
    } else {
        "The agenda of this meeting is not in the data; compared with the items its minutes record."
    };
    let planned = c
        .planned
        .iter()
        .map(|(r, o)| {
            let row = &rows[*r];
            let (status, class, item) = match o {
                RowOutcome::Considered { item, how } => (
                    "Considered",
                    "outcome outcome--considered",
                    view! {
                        {item_link(&m, *item)}
                        {(*how == MatchedBy::Link).then(|| {
                            let note = row.agenda_links.iter().find(|l| l.meeting == m.id).and_then(|l| l.note.clone());
                            view! { <span class="schedule__note">{format!("Linked in the data{}", note.map(|n| format!(": {n}")).unwrap_or_default())}</span> }
                        })}
                    }
                    .into_any(),
                ),
                RowOutcome::NotOnAgenda => ("Not on the agenda", "outcome outcome--missing", "—".into_any()),
            };
            view! {
                <tr>
                    <th scope="row">{row.title.clone()}</th>
                    <td><span class=class>{status}</span></td>
                    <td>{item}</td>
                </tr>
            }
        })
        .collect_view();
    let added = c
        .added
        .iter()
        .map(|n| {
            view! {
                <tr>
                    <th scope="row"><span class="not-published">"Not in the programme"</span></th>
                    <td><span class="outcome outcome--added">"Added"</span></td>
                    <td>{item_link(&m, *n)}</td>
                </tr>
            }
        })
        .collect_view();
    let standing: Vec<String> = c.standing.iter().map(|n| item_label(&m, *n)).collect();
    let id = format!("held-{}", m.date);
    view! {
        <section class="planned-held" aria-labelledby=id.clone() data-meeting=m.id.clone()>
            <h3 id=id.clone()>{date.clone()}</h3>
            <p class="hint">{basis}</p>
            <div class="table-wrap">
                <table class="table">
                    <caption>{format!("Planned and held, {}", short_date(m.date))}</caption>
                    {column_heads(&["Programme item", "Outcome", "Agenda item"])}
                    <tbody>{planned}{added}</tbody>
                </table>
            </div>
            {(!standing.is_empty()).then(|| view! {
                <p class="hint">{format!("Standing items, not expected in a programme: {}.", standing.join("; "))}</p>
            })}
        </section>
    }
}

fn row_line(r: &RowRef) -> String {
    let lead = if r.leads.is_empty() {
        String::new()
    } else {
        format!(" (lead: {})", r.leads.join("/"))
    };
    format!("{}{lead} — {}", r.title, planned_phrase(r))
}

/// What changed from `older` to `newer`.
#[component]
pub fn ProgrammeDiffView(diff: ProgrammeDiff, older: String, newer: String) -> impl IntoView {
    let count = diff.added.len() + diff.removed.len() + diff.merged.len() + diff.changed.len();
    let group = |heading: &'static str, class: &'static str, lines: Vec<AnyView>| {
        (!lines.is_empty()).then(|| {
            let n = lines.len();
            view! {
                <h3 class=format!("diff__heading {class}")>{format!("{heading} ({n})")}</h3>
                <ul class=format!("list list--bullet diff__list {class}")>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            }
        })
    };
    let added = diff.added.iter().map(|r| row_line(r).into_any()).collect();
    let removed = diff
        .removed
        .iter()
        .map(|r| row_line(r).into_any())
        .collect();
    let merged = diff
        .merged
        .iter()
        .map(|(o, n)| format!("{} — folded into “{}”", row_line(o), n.title).into_any())
        .collect();
    let changed = diff
        .changed
        .iter()
        .map(|c| {
            view! {
                <strong>{c.new.title.clone()}</strong>
                <ul class="list">{c.descriptions().into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
            }
            .into_any()
        })
        .collect();
    let unchanged: Vec<String> = diff.unchanged.iter().map(|r| r.title.clone()).collect();
    view! {
        <p>{format!("From {older} to {newer}: {count} change{}.", if count == 1 { "" } else { "s" })}</p>
        {group("Added", "diff--added", added)}
        {group("Removed", "diff--removed", removed)}
        {group("Merged", "diff--merged", merged)}
        {group("Changed", "diff--changed", changed)}
        {(!unchanged.is_empty()).then(|| view! {
            <details class="details">
                <summary>{format!("Unchanged ({})", unchanged.len())}</summary>
                <ul class="list list--bullet details__text">{unchanged.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </details>
        })}
    }
}
