//! The committee page's "Performance" section: links to the dashboards, reports and plans
//! the committee considered.

use crate::routes;
use leptos::prelude::*;
use minutebook_data::{Catalogue, DashboardKind, Listing};
use minutebook_domain::dates::short_date;

/// The committee page's "Performance" section: its dashboards, reports and plans, newest
/// first, each linked to its page.
pub fn committee_dashboards(c: &Catalogue, committee: &str) -> Option<AnyView> {
    let mut list: Vec<&Listing> = c
        .dashboards
        .iter()
        .filter(|l| l.committee.as_deref() == Some(committee))
        .collect();
    if list.is_empty() {
        return None;
    }
    list.sort_by(|a, b| (b.date, &a.title).cmp(&(a.date, &b.title)));
    Some(
        view! {
            <section aria-labelledby="performance">
                <h2 id="performance">"Performance"</h2>
                <p>"Performance dashboards, reports and improvement plans the committee has considered, with their figures as tables and charts."</p>
                <ul class="list list--bullet committee-dashboards">
                    {list.into_iter().map(|l| view! {
                        <li>
                            <a href=routes::dashboard_listing(l)>{l.title.clone()}</a>
                            {format!(" — {}", DashboardKind::from_label(l.note.as_deref()).label())}
                            {l.date.map(|d| format!(", {}", short_date(d)))}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
        .into_any(),
    )
}
