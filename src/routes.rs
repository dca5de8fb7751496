//! Every in-app link, built in one place beside the route table in `app.rs`, under the
//! deployment's base path (`BASE=/meetings/` gives `/meetings/committees/<id>`). Pages
//! never format a path themselves, so a route can be changed by touching this file and
//! `app.rs`. [`prerender_paths`] lists every address the data holds, for the generator.

use crate::data::site;
use leptos::prelude::GetUntracked;
use minutebook_data::{Catalogue, DashboardKind, Listing};

/// An in-app link target under the base path: `href("/meetings/x")`.
pub fn href(path: &str) -> String {
    format!("{}{}", site().base, path)
}

pub fn home() -> String {
    href("/")
}

pub fn committee(id: &str) -> String {
    href(&format!("/committees/{id}"))
}

pub fn meeting(id: &str, anchor: Option<&str>) -> String {
    match anchor {
        Some(a) => href(&format!("/meetings/{id}#{a}")),
        None => href(&format!("/meetings/{id}")),
    }
}

pub fn work_programme(committee: &str) -> String {
    href(&format!("/committees/{committee}/work-programme"))
}

/// A work programme version, optionally compared with another.
pub fn work_programme_version(committee: &str, version: &str, compare: Option<&str>) -> String {
    let mut s = format!("/committees/{committee}/work-programme?version={version}");
    if let Some(c) = compare {
        s.push_str(&format!("&compare={c}"));
    }
    href(&s)
}

pub fn forward_plan(id: &str) -> String {
    href(&format!("/forward-plans/{id}"))
}

pub fn key_decision(plan: &str, decision: &str) -> String {
    href(&format!("/forward-plans/{plan}/decisions/{decision}"))
}

pub fn dashboard(id: &str) -> String {
    href(&format!("/dashboards/{id}"))
}

pub fn improvement_plan(id: &str) -> String {
    href(&format!("/improvement-plans/{id}"))
}

/// Where a catalogue listing of `dashboards` opens: the tracker for improvement plans.
pub fn dashboard_listing(l: &Listing) -> String {
    match DashboardKind::from_label(l.note.as_deref()) {
        DashboardKind::ImprovementPlan => improvement_plan(&l.id),
        _ => dashboard(&l.id),
    }
}

pub fn person(id: &str) -> String {
    href(&format!("/people/{id}"))
}

/// A list page (`/decisions`, `/follow-ups`, …) with its query string (`""` or `"?a=b"`).
pub fn with_query(path: &str, query: &str) -> String {
    href(&format!("{path}{query}"))
}

/// The app path of the page on screen, without the base path (`/meetings/x`).
pub fn current_page() -> String {
    let page = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    page.strip_prefix(site().base.as_str())
        .unwrap_or(&page)
        .to_string()
}

/// A published file under the data root (a download, a calendar, a feed).
pub fn data_file(rel: &str) -> String {
    format!("{}{rel}", site().data_root)
}

/// Every address the data holds, without the base path: what `prerender` writes as a file.
/// Embeds come last; `/404` stands for the not-found page (written as `404.html`).
pub fn prerender_paths(
    c: &Catalogue,
    plans: &[(String, Vec<String>)],
    people: &[String],
) -> Vec<String> {
    let mut out: Vec<String> = [
        "/",
        "/decisions",
        "/follow-ups",
        "/search",
        "/people",
        "/glossary",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for k in &c.committees {
        out.push(format!("/committees/{}", k.id));
        if c.work_programmes
            .iter()
            .any(|l| l.committee.as_deref() == Some(k.id.as_str()))
        {
            out.push(format!("/committees/{}/work-programme", k.id));
        }
    }
    out.extend(c.meetings.iter().map(|m| format!("/meetings/{}", m.id)));
    for (plan, decisions) in plans {
        out.push(format!("/forward-plans/{plan}"));
        out.extend(
            decisions
                .iter()
                .map(|d| format!("/forward-plans/{plan}/decisions/{d}")),
        );
    }
    for l in &c.dashboards {
        let page = match DashboardKind::from_label(l.note.as_deref()) {
            DashboardKind::ImprovementPlan => format!("/improvement-plans/{}", l.id),
            _ => format!("/dashboards/{}", l.id),
        };
        out.push(page);
    }
    out.extend(people.iter().map(|p| format!("/people/{p}")));
    // Embeds.
    for k in &c.committees {
        out.push(format!("/embed/committees/{}/next", k.id));
        if c.work_programmes
            .iter()
            .any(|l| l.committee.as_deref() == Some(k.id.as_str()))
        {
            out.push(format!("/embed/committees/{}/work-programme", k.id));
        }
    }
    out.extend(
        c.meetings
            .iter()
            .map(|m| format!("/embed/meetings/{}", m.id)),
    );
    out.extend(
        c.dashboards
            .iter()
            .map(|l| format!("/embed/dashboards/{}", l.id)),
    );
    out.push("/404".into());
    out
}
