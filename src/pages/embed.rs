//! Embeddable views for a council's iframe (no site header or footer; see
//! docs/embedding.md), routed in app.rs as children of `/embed`:
//!
//! * `committees/<id>/next` — the committee's next meeting and last meeting held
//! * `meetings/<id>` — one meeting, as on its own page
//! * `committees/<id>/work-programme` — the committee's work programme
//! * `dashboards/<id>` — one dashboard
//!
//! Query parameters: `parent` (the host page's origin, for height messages), `links`
//! (`top` or `new`) and the theme overrides `brand`, `link`, `font`.

use crate::components::catalogue_view::WithCatalogue;
use crate::components::head::PageHead;
use crate::components::status::Loads;
use crate::data::today;
use crate::pages::dashboard::improvement_plan::ImprovementPlanView;
use crate::pages::dashboard::{dashboard_file, DashboardView};
use crate::pages::meeting::MeetingView;
use crate::pages::work_programme::WorkProgrammePage;
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params_map;
use minutebook_data::{
    paths, Catalogue, Committee, Dashboard, DashboardKind, Listing, MeetingStatus, MeetingSummary,
};
use minutebook_domain::dates::{date_and_time, short_date};
use std::sync::Arc;

/// The `:id` route parameter of the embed on screen.
fn id_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").unwrap_or_default())
}

/// The frame every embed shares (app.rs routes `/embed/…` once, as children of this). The
/// bare layout itself — no header or footer — is `components::layout`'s embed mode.
#[component]
pub fn EmbedFrame() -> impl IntoView {
    view! { <Outlet /> }
}

/// `/embed/committees/:id/next`: the committee's next meeting and last meeting held.
#[component]
pub fn EmbedNextPage() -> impl IntoView {
    let id = id_param();
    move || view! { <NextAndLast id=id.get() /> }
}

/// `/embed/meetings/:id`: one meeting, as on its own page.
#[component]
pub fn EmbedMeetingPage() -> impl IntoView {
    let id = id_param();
    move || view! { <MeetingView id=id.get() embedded=true /> }
}

/// `/embed/committees/:id/work-programme`: the work programme page itself (it reads the
/// `:id` route parameter), inside the embed frame.
#[component]
pub fn EmbedWorkProgrammePage() -> impl IntoView {
    view! { <WorkProgrammePage /> }
}

/// `/embed/dashboards/:id`: one dashboard or improvement plan.
#[component]
pub fn EmbedDashboardPage() -> impl IntoView {
    let id = id_param();
    move || view! { <DashboardEmbed id=id.get() /> }
}

/// Any other `/embed/…` address: what can be embedded.
#[component]
pub fn EmbedUnknownPage() -> impl IntoView {
    unknown()
}

fn unknown() -> impl IntoView {
    view! {
        <PageHead title="Page not found".to_string() description="There is no embeddable view at this address.".to_string() />
        <h1>"Page not found"</h1>
        <p>"There is no embeddable view at this address. Embeddable views are:"</p>
        <ul class="list list--bullet">
            <li><code>"embed/committees/<committee id>/next"</code>" — next and last meetings"</li>
            <li><code>"embed/meetings/<meeting id>"</code>" — one meeting"</li>
            <li><code>"embed/committees/<committee id>/work-programme"</code>" — a work programme"</li>
            <li><code>"embed/dashboards/<dashboard id>"</code>" — a dashboard"</li>
        </ul>
        <p><a href=routes::home()>"Go to the list of councils and committees"</a></p>
    }
}

fn missing(what: &str) -> AnyView {
    view! {
        <PageHead title="Page not found".to_string() description="There is no embeddable view at this address.".to_string() />
        <h1>"Page not found"</h1>
        <p>{format!("There is no {what} with this address in the published data.")}</p>
        <p><a href=routes::home()>"Go to the list of councils and committees"</a></p>
    }
    .into_any()
}

/// The committee's next meeting and the last one held, with links to both and to the
/// committee's calendar.
#[component]
fn NextAndLast(id: String) -> impl IntoView {
    view! {
        <WithCatalogue render={move |c: Arc<Catalogue>| match c.committee(&id) {
            Some(k) => next_and_last(&c, k),
            None => missing("committee"),
        }} />
    }
}

fn next_and_last(c: &Catalogue, k: &Committee) -> AnyView {
    let today = today();
    let meetings: Vec<&MeetingSummary> = c.meetings_of(&k.id).collect();
    // As on the home page: the last meeting is one the record shows was held; the next is
    // the first from today on that is not cancelled or already held.
    let last = meetings
        .iter()
        .filter(|m| m.date <= today && m.status == MeetingStatus::Held)
        .max_by_key(|m| m.date)
        .copied();
    let next = meetings
        .iter()
        .filter(|m| {
            m.date >= today && !matches!(m.status, MeetingStatus::Cancelled | MeetingStatus::Held)
        })
        .min_by_key(|m| m.date)
        .copied();
    let council = c
        .council(&k.council)
        .map(|x| x.name.clone())
        .unwrap_or_default();
    let calendar = routes::data_file(&paths::calendar(&k.id));
    view! {
        <PageHead title=format!("{}: next and last meetings", k.title) description=format!("The next meeting of the {} and the last one held.", k.title) />
        <p class="caption">{council}</p>
        <h1 class="mb-embed__title"><a href=routes::committee(&k.id)>{k.title.clone()}</a></h1>
        <dl class="summary-list summary-list--compact mb-next-last">
            <div class="mb-next">
                <dt>"Next meeting"</dt>
                <dd>{match next {
                    Some(m) => meeting_summary(m),
                    None => "No future meeting is in the published data".into_any(),
                }}</dd>
            </div>
            <div class="mb-last">
                <dt>"Last meeting held"</dt>
                <dd>{match last {
                    Some(m) => view! { {meeting_summary(m)} <br /> <span class="hint">{m.minutes.label()}</span> }.into_any(),
                    None => "None in the published data".into_any(),
                }}</dd>
            </div>
        </dl>
        <p class="hint mb-as-of">{format!("As of {}.", short_date(today))}</p>
        <p class="mb-embed__more">
            <a href=routes::committee(&k.id)>"All meetings of this committee"</a>
            " · "
            <a href=calendar>"Calendar (.ics)"</a>
        </p>
    }
    .into_any()
}

/// Date and time (linked), venue and any status other than scheduled/held, in words.
fn meeting_summary(m: &MeetingSummary) -> AnyView {
    let status = match m.status {
        MeetingStatus::Scheduled | MeetingStatus::Held => None,
        s => Some(format!(" ({})", s.label().to_lowercase())),
    };
    view! {
        <a href=routes::meeting(&m.id, None)>{date_and_time(m.date, m.date_precision, m.start_time)}</a>
        {status}
        {m.start_time.is_none().then(|| view! { " " <span class="hint">"(start time not published)"</span> })}
        <br />
        {match &m.venue {
            Some(v) => v.name.clone().into_any(),
            None => view! { <span class="not-published">"Venue not published"</span> }.into_any(),
        }}
    }
    .into_any()
}

/// One dashboard (or improvement plan): the dashboard page's own body, under a heading
/// that links to the full page.
#[component]
fn DashboardEmbed(id: String) -> impl IntoView {
    let file = dashboard_file(id.clone());
    view! {
        <WithCatalogue render={move |c: Arc<Catalogue>| {
            let Some(listing) = c.dashboards.iter().find(|l| l.id == id).cloned() else {
                return missing("dashboard");
            };
            view! {
                <Loads what="the dashboard" retry=move || file.refetch() content={
                        let (c, listing) = (c.clone(), listing.clone());
                        move || {
                            let (c, listing) = (c.clone(), listing.clone());
                            async move { file.await.map(|d| dashboard(c, &listing, d)) }
                        }
                    } />
            }
            .into_any()
        }} />
    }
}

fn dashboard(c: Arc<Catalogue>, listing: &Listing, d: Arc<Dashboard>) -> AnyView {
    let council = c
        .council(&d.council)
        .map(|x| x.name.clone())
        .unwrap_or_default();
    view! {
        <PageHead title=d.title.clone() description=format!("{}: the figures as published, in tables and charts.", d.title) />
        <p class="caption">{format!("{council} · {}", d.kind.label())}</p>
        <h1 class="mb-embed__title"><a href=routes::dashboard_listing(listing)>{d.title.clone()}</a></h1>
        {if d.kind == DashboardKind::ImprovementPlan {
            view! { <ImprovementPlanView dashboard=d.clone() catalogue=c.clone() /> }.into_any()
        } else {
            view! { <DashboardView dashboard=d.clone() catalogue=c.clone() /> }.into_any()
        }}
    }
    .into_any()
}
