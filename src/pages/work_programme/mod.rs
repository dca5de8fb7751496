//! A committee's work programme: choose a version, see it as a schedule, see whether each
//! meeting took what was planned, and what changed between versions.

mod schedule_compare;
mod schedule_grid;

use crate::components::catalogue_view::WithCatalogue;
use crate::components::head::PageHead;
use crate::components::layout::Breadcrumbs;
use crate::components::not_found::NotFound;
use crate::components::status::{Loads, NotPublished};
use crate::components::text::Blocks;
use crate::data::{fetch_file, fetch_meeting, today, Load};
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use minutebook_data::{Catalogue, Date, LoadError, Meeting, MeetingStatus, WorkProgramme};
use minutebook_domain::dates::{municipal_year_label, short_date};
use minutebook_domain::planned::business_known;
use minutebook_domain::programme_diff::diff;
use schedule_compare::{PlannedVsHeld, ProgrammeDiffView};
use schedule_grid::ScheduleView;
use std::collections::BTreeMap;
use std::sync::Arc;

#[component]
pub fn WorkProgrammePage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || view! { <ProgrammeFor committee=id.get() /> }
}

/// Every version of a committee's programmes (oldest first) and the meetings they name
/// whose business is in the data.
struct Programmes {
    versions: Vec<Arc<WorkProgramme>>,
    meetings: BTreeMap<String, Arc<Meeting>>,
}

/// When a version was current: its own date, else the meeting it was printed for.
fn version_key(p: &WorkProgramme, c: &Catalogue) -> (Option<Date>, String) {
    let printed_for = p
        .published_in
        .as_ref()
        .and_then(|id| c.meeting(id))
        .map(|m| m.date);
    (p.date.or(printed_for), p.id.clone())
}

async fn load(c: Arc<Catalogue>, committee: String) -> Result<Arc<Programmes>, LoadError> {
    let mut versions = Vec::new();
    for l in c
        .work_programmes
        .iter()
        .filter(|l| l.committee.as_deref() == Some(committee.as_str()))
    {
        versions.push(Arc::new(fetch_file::<WorkProgramme>(&l.file).await?));
    }
    versions.sort_by_key(|p| version_key(p, &c));
    let mut meetings = BTreeMap::new();
    for p in &versions {
        for id in p.meetings.iter().filter_map(|m| m.meeting.as_ref()) {
            let known = c
                .meeting(id)
                .is_some_and(|s| s.status == MeetingStatus::Held && s.item_count > 0);
            if known && !meetings.contains_key(id) {
                meetings.insert(id.clone(), fetch_meeting(id.clone()).await?);
            }
        }
    }
    Ok(Arc::new(Programmes { versions, meetings }))
}

/// "Draft dated 15 September 2022 (agenda pack for 27 September 2022)".
pub fn version_label(p: &WorkProgramme, c: &Catalogue) -> String {
    let pack = p
        .published_in
        .as_ref()
        .and_then(|id| c.meeting(id))
        .map(|m| short_date(m.date));
    match (p.date, pack) {
        (Some(d), Some(m)) => format!(
            "{} dated {} (agenda pack for {m})",
            p.status.label(),
            short_date(d)
        ),
        (Some(d), None) => format!("{} dated {}", p.status.label(), short_date(d)),
        (None, Some(m)) => format!("{}, undated, in the agenda pack for {m}", p.status.label()),
        (None, None) => format!("{}, undated", p.status.label()),
    }
}

#[component]
fn ProgrammeFor(committee: String) -> impl IntoView {
    view! {
        <WithCatalogue render={move |c: Arc<Catalogue>| {
            let Some(k) = c.committee(&committee).cloned() else {
                return view! { <NotFound detail="There is no committee with this address in the published data." /> }.into_any();
            };
            let data = Load::new({
                let (c, id) = (c.clone(), committee.clone());
                move || load(c.clone(), id.clone())
            });
            view! {
                <PageHead title=format!("Work programme – {}", k.title) description=format!("The work programme of the {}: what it planned to consider at each meeting, and whether it did.", k.title) />
                <Breadcrumbs
                    trail=vec![("Home".into(), routes::home()), (k.title.clone(), routes::committee(&k.id))]
                    current="Work programme".to_string()
                />
                <span class="caption">{k.title.clone()}</span>
                <Loads what="the work programme" heading="Work programme" retry=move || data.refetch() content={
                        let c = c.clone();
                        move || {
                            let c = c.clone();
                            async move { data.await.map(|d| view! { <ProgrammeView c=c d=d /> }) }
                        }
                    } />
            }
            .into_any()
        }} />
    }
}

#[component]
fn ProgrammeView(c: Arc<Catalogue>, d: Arc<Programmes>) -> impl IntoView {
    let query = use_query_map();
    move || {
        let q = query.read();
        let (c, d) = (c.clone(), d.clone());
        if d.versions.is_empty() {
            return view! {
                <h1>"Work programme"</h1>
                <p><NotPublished what="A work programme for this committee" /></p>
            }
            .into_any();
        }
        let chosen = q
            .get("version")
            .and_then(|v| d.versions.iter().position(|p| p.id == v))
            .unwrap_or(d.versions.len() - 1);
        let compare = q
            .get("compare")
            .and_then(|v| d.versions.iter().position(|p| p.id == v))
            .filter(|i| *i != chosen)
            .or_else(|| chosen.checked_sub(1));
        version_page(&c, &d, chosen, compare)
    }
}

fn version_page(
    c: &Arc<Catalogue>,
    d: &Programmes,
    chosen: usize,
    compare: Option<usize>,
) -> AnyView {
    let p = d.versions[chosen].clone();
    let committee = p.committee.clone().unwrap_or_default();
    let label = version_label(&p, c);
    let now = today();
    let nav = d
        .versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let text = format!("{} — {}", municipal_year_label(v.municipal_year), version_label(v, c));
            view! {
                <li>
                    <a href=routes::work_programme_version(&committee, &v.id, None) aria-current=(i == chosen).then_some("page")>{text}</a>
                    {(i == chosen).then(|| view! { <span class="visually-hidden">" (shown)"</span> })}
                </li>
            }
        })
        .collect_view();
    let held: Vec<Arc<Meeting>> = p
        .meetings
        .iter()
        .filter_map(|m| m.meeting.as_ref().and_then(|id| d.meetings.get(id)))
        .filter(|m| business_known(m))
        .cloned()
        .collect();
    let unknown: Vec<String> = p
        .meetings
        .iter()
        .filter(|m| {
            m.meeting
                .as_ref()
                .and_then(|id| d.meetings.get(id))
                .is_none()
        })
        .map(|m| short_date(m.date))
        .collect();
    let diff_view = match compare {
        Some(other) => {
            let (a, b) = if other < chosen { (other, chosen) } else { (chosen, other) };
            let (older, newer) = (&d.versions[a], &d.versions[b]);
            view! {
                <ProgrammeDiffView diff=diff(older, newer) older=version_label(older, c) newer=version_label(newer, c) />
            }
            .into_any()
        }
        None => view! { <p>"This is the only version in the data, so there is nothing to compare it with."</p> }.into_any(),
    };
    let others = d
        .versions
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != chosen)
        .map(|(i, v)| {
            view! {
                <li><a href=routes::work_programme_version(&committee, &p.id, Some(&v.id)) aria-current=(Some(i) == compare).then_some("true")>{version_label(v, c)}</a></li>
            }
        })
        .collect_view();
    view! {
        <h1>{format!("Work programme {}", municipal_year_label(p.municipal_year))}</h1>
        <nav class="versions" aria-labelledby="versions-title">
            <h2 id="versions-title" class="versions__title">"Versions"</h2>
            <ul class="list">{nav}</ul>
        </nav>
        <dl class="summary-list">
            <div><dt>"Title"</dt><dd>{p.title.clone()}</dd></div>
            <div><dt>"Version"</dt><dd>{label.clone()}</dd></div>
            <div><dt>"Heading as printed"</dt><dd>{p.heading.clone().unwrap_or_else(|| "Not printed".into())}</dd></div>
            <div><dt>"Status"</dt><dd><span class="status">{p.status.label()}</span>
                {p.status_wording.clone().map(|w| view! { <p class="source-wording">{w}</p> })}</dd></div>
            <div><dt>"Printed in"</dt><dd>{match p.published_in.as_ref().and_then(|id| c.meeting(id)) {
                Some(m) => view! { <a href=routes::meeting(&m.id, None)>{format!("The agenda pack for {}", short_date(m.date))}</a> }.into_any(),
                None => view! { <NotPublished /> }.into_any(),
            }}</dd></div>
        </dl>
        <section aria-labelledby="schedule">
            <h2 id="schedule">"Schedule"</h2>
            <p class="hint">{format!("Meetings before today ({}) are marked as held or past; later ones as upcoming.", short_date(now))}</p>
            <ScheduleView programme=(*p).clone() catalogue=c.clone() today=now version_label=label.clone() />
        </section>
        <section aria-labelledby="planned-held">
            <h2 id="planned-held">"Planned and held"</h2>
            <p>"For each meeting whose business is in the data: every item this version planned for it, whether the meeting considered it, and any items it took that were not planned."</p>
            {held.into_iter().map(|m| view! { <PlannedVsHeld programme=p.clone() meeting=m /> }).collect_view()}
            {(!unknown.is_empty()).then(|| view! {
                <p class="hint">{format!("No agenda or minutes in the data for the meetings of {}.", unknown.join(", "))}</p>
            })}
        </section>
        <section aria-labelledby="changes">
            <h2 id="changes">"What changed"</h2>
            {(d.versions.len() > 2).then(|| view! {
                <p>"Compare this version with:"</p>
                <ul class="list">{others}</ul>
            })}
            {diff_view}
        </section>
        {(!p.reference.is_empty()).then(|| view! {
            <section aria-labelledby="reference">
                <h2 id="reference">"Reference"</h2>
                {p.reference.iter().map(|r| view! {
                    <details class="details">
                        <summary>{r.title.clone()}</summary>
                        <div class="details__text">
                            {r.source.clone().map(|s| view! { <p class="hint">{s}</p> })}
                            {r.sections.iter().map(|s| view! { <h3>{s.heading.clone()}</h3><Blocks blocks=s.blocks.clone() /> }).collect_view()}
                        </div>
                    </details>
                }).collect_view()}
            </section>
        })}
        <crate::components::sources::SourcesSection heading_id="wp-sources" sources=p.sources.clone() notes=p.notes.clone() />
    }
    .into_any()
}
