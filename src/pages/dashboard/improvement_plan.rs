//! The improvement plan tracker: the RAG distribution overall and per priority (chart and
//! counts), the plan's key, and every action in a table a reader filters by priority,
//! status, lead and milestone month. Status words are always shown with the colour.

use super::{AboutDocument, Considerations, DataTableView, DocumentPage, RecordNotes};
use crate::components::address_state::use_address_state;
use crate::components::charts::{BarChart, StackedShareChart};
use crate::components::csv_download::CsvDownload;
use crate::components::status::NotPublished;
use crate::components::table::column_heads;
use crate::components::text::Blocks;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use minutebook_data::{Catalogue, Dashboard, RagStatus, Unit};
use minutebook_domain::charts::{ChartPoint, SeriesData};
use minutebook_domain::csv_export::{actions_csv, file_name, rag_counts_csv};
use minutebook_domain::rag::{
    action_rows, counts_by_priority, leads, milestones, rag_stacked, status_label, ActionFilter,
    ActionRow, RagCounts, NO_LEAD, NO_STATUS, UNRATED,
};
use std::sync::Arc;

#[component]
pub fn ImprovementPlanPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || view! { <DocumentPage id=id.get() tracker=true /> }
}

/// The CSS class of a status's colour (see style/dashboard.css).
pub fn rag_class(s: Option<RagStatus>) -> String {
    format!("rag-fill--{}", s.map_or("unrated", RagStatus::key))
}

/// A status as a badge: a shape and the words, on the status colour.
#[component]
pub fn RagBadge(status: Option<RagStatus>) -> impl IntoView {
    let icon = match status {
        Some(RagStatus::Complete) => "✓",
        Some(RagStatus::OnTrack) => "➜",
        Some(RagStatus::SomeIssues) => "!",
        Some(RagStatus::NotOnTrack) => "✕",
        Some(RagStatus::NotStarted) => "○",
        Some(RagStatus::BusinessAsUsual) => "↻",
        None => "?",
    };
    view! {
        <span class=format!("rag rag--{}", status.map_or("unrated", RagStatus::key))>
            <span class="rag__icon" aria-hidden="true">{icon}</span>
            {status_label(status)}
        </span>
    }
}

/// The tracker without the page chrome.
#[component]
pub fn ImprovementPlanView(dashboard: Arc<Dashboard>, catalogue: Arc<Catalogue>) -> impl IntoView {
    let d = dashboard;
    let Some(plan) = d.plan.clone() else {
        return view! { <p><NotPublished what="The plan's actions" /></p> }.into_any();
    };
    let rows: Arc<Vec<ActionRow>> = Arc::new(action_rows(&plan));
    view! {
        <div class="plan">
            <AboutDocument dashboard=d.clone() />
            <Considerations dashboard=d.clone() catalogue=catalogue />
            <Glance id=d.id.clone() rows=rows.clone() />
            <section aria-labelledby="plan-key">
                <h2 id="plan-key">"The plan’s key"</h2>
                <p>"The plan rates every action with one of these statuses. The words are the plan’s; the colours and symbols are Minutebook’s."</p>
                <ul class="list plan-key">
                    {plan.statuses.iter().map(|k| view! { <li><RagBadge status=Some(k.status) /> " " <span class="source-wording">{format!("“{}”", k.label)}</span></li> }).collect_view()}
                    {rows.iter().any(|r| r.status.is_none()).then(|| view! { <li><RagBadge status=None /> " " <span class="hint">"The plan leaves the rating blank."</span></li> })}
                </ul>
            </section>
            <ActionsTable id=d.id.clone() rows=rows.clone() priorities=plan.priorities.iter().map(|p| (p.number.clone(), p.title.clone())).collect() />
            {(!plan.appendices.is_empty()).then(|| view! {
                <section aria-labelledby="plan-appendices">
                    <h2 id="plan-appendices">"Inspection findings and the actions that answer them"</h2>
                    {plan.appendices.iter().map(|t| view! { <DataTableView dashboard=d.clone() table=t.clone() /> }).collect_view()}
                </section>
            })}
            <RecordNotes dashboard=d.clone() />
        </div>
    }
    .into_any()
}

/// RAG distribution: counts per priority and overall, as stacked shares and as bars.
#[component]
fn Glance(id: String, rows: Arc<Vec<ActionRow>>) -> impl IntoView {
    let (stacked, cats) = rag_stacked(&rows);
    let per = counts_by_priority(&rows);
    let overall = RagCounts::of(rows.iter());
    let tones: Vec<String> = cats.iter().map(|s| rag_class(*s)).collect();
    let bars = SeriesData {
        title: "Actions by RAG status, all priorities".into(),
        unit: Unit::Count,
        decimals: None,
        label_heading: "Status".into(),
        value_heading: "Actions".into(),
        points: cats
            .iter()
            .map(|s| ChartPoint {
                label: status_label(*s).into(),
                value: stacked.bars[0].values[cats.iter().position(|c| c == s).unwrap_or(0)],
            })
            .collect(),
    };
    let csv = rag_counts_csv(&per, &overall);
    let head = cats
        .iter()
        .map(|s| view! { <th scope="col" class="num"><RagBadge status=*s /></th> })
        .collect_view();
    let count_row = move |label: String, c: RagCounts, total_row: bool| {
        let cells = cats
            .iter()
            .map(|s| view! { <td class="num">{match s { Some(s) => c.get(*s), None => c.unrated }}</td> })
            .collect_view();
        view! { <tr class=total_row.then_some("table__total")><th scope="row">{label}</th>{cells}<td class="num">{c.total()}</td></tr> }
    };
    let body = per
        .iter()
        .map(|(_, title, c)| count_row.clone()(title.clone(), *c, false))
        .chain(std::iter::once(count_row.clone()(
            "All priorities".into(),
            overall,
            true,
        )))
        .collect_view();
    view! {
        <section aria-labelledby="glance">
            <h2 id="glance">"Progress at a glance"</h2>
            <p>{format!("{} actions in the plan; {} of them rated.", overall.total(), overall.total() - overall.unrated)}</p>
            <StackedShareChart id="rag-distribution".to_string() data=stacked tones=tones.clone()>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="rag-counts-caption">
                    <table class="table rag-counts">
                        <caption id="rag-counts-caption">"Actions by RAG status, per priority and overall"</caption>
                        <thead><tr><th scope="col">"Priority"</th>{head}<th scope="col" class="num">"Total"</th></tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
                <CsvDownload csv=Signal::derive(move || csv.clone()) filename=file_name(&[&id, "rag-counts"]) label="Download the RAG counts (CSV)" />
            </StackedShareChart>
            <BarChart id="rag-overall".to_string() data=bars tones=tones />
        </section>
    }
}

/// Every action, filterable; the filters live in the address (so a filtered view can be
/// shared) and the CSV download follows them.
#[component]
fn ActionsTable(
    id: String,
    rows: Arc<Vec<ActionRow>>,
    priorities: Vec<(String, String)>,
) -> impl IntoView {
    let lead_options = leads(&rows);
    let milestone_options = milestones(&rows);
    let page = routes::improvement_plan(&id);
    let address = use_address_state(
        {
            let milestones = milestone_options.clone();
            move |q| ActionFilter::from_query(|k| q.get(k), &milestones)
        },
        move |f| format!("{page}{}", f.to_query()),
    );
    let initial = address.get_untracked();
    let status_key = initial
        .status
        .map(|s| s.map_or(NO_STATUS, RagStatus::key).to_string())
        .unwrap_or_default();
    let lead_key = initial
        .lead
        .clone()
        .map(|l| l.unwrap_or_else(|| NO_LEAD.to_string()))
        .unwrap_or_default();
    let milestone_key = initial
        .milestone
        .as_ref()
        .map(|m| m.key())
        .unwrap_or_default();
    let priority_key = initial.priority.clone().unwrap_or_default();
    let any_blank_lead = rows.iter().any(|r| r.lead.is_none());
    let total = rows.len();
    let shown = Memo::new({
        let rows = rows.clone();
        move |_| {
            let f = address.get();
            rows.iter()
                .filter(|r| f.matches(r))
                .map(|r| r.number)
                .collect::<Vec<_>>()
        }
    });
    let csv = Signal::derive({
        let rows = rows.clone();
        move || {
            let numbers = shown.get();
            let picked: Vec<&ActionRow> = rows
                .iter()
                .filter(|r| numbers.contains(&r.number))
                .collect();
            actions_csv(&picked)
        }
    });
    let milestone_choices = milestone_options.clone();
    let set_milestone = move |key: String| {
        let choice = milestone_choices.iter().find(|m| m.key() == key).cloned();
        address.replace_with(|f| f.milestone = choice);
    };
    let body = {
        let rows = rows.clone();
        move || {
            let numbers = shown.get();
            rows.iter()
                .filter(|r| numbers.contains(&r.number))
                .map(action_row)
                .collect_view()
        }
    };
    view! {
        <section aria-labelledby="actions">
            <h2 id="actions">"Actions"</h2>
            <form class="filters" on:submit=|ev| ev.prevent_default()>
                <noscript><p class="hint mb-needs-js">"Filtering needs JavaScript, which is off or has not loaded. Without it every action is shown."</p></noscript>
                <div class="filters__fields">
                <div class="filters__field">
                    <label class="filters__label" for="filter-priority">"Priority"</label>
                    <select class="filters__select" id="filter-priority" on:change=move |ev| { let v = event_target_value(&ev); address.replace_with(|f| f.priority = (!v.is_empty()).then_some(v)); }>
                        <option value="">"All priorities"</option>
                        {priorities.iter().map(|(n, t)| view! { <option value=n.clone() selected=*n == priority_key>{t.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="filters__field">
                    <label class="filters__label" for="filter-status">"Status"</label>
                    <select class="filters__select" id="filter-status" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        address.replace_with(|f| f.status = match v.as_str() { "" => None, NO_STATUS => Some(None), k => Some(RagStatus::from_key(k)) });
                    }>
                        <option value="">"All statuses"</option>
                        {RagStatus::ALL.iter().map(|s| view! { <option value=s.key() selected=s.key() == status_key>{s.label()}</option> }).collect_view()}
                        <option value=NO_STATUS selected=status_key == NO_STATUS>{UNRATED}</option>
                    </select>
                </div>
                <div class="filters__field">
                    <label class="filters__label" for="filter-lead">"Lead officer"</label>
                    <select class="filters__select" id="filter-lead" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        address.replace_with(|f| f.lead = match v.as_str() { "" => None, NO_LEAD => Some(None), _ => Some(Some(v.clone())) });
                    }>
                        <option value="">"All leads"</option>
                        {lead_options.iter().map(|l| view! { <option value=l.clone() selected=*l == lead_key>{l.clone()}</option> }).collect_view()}
                        {any_blank_lead.then(|| view! { <option value=NO_LEAD selected=lead_key == NO_LEAD>"No lead published"</option> })}
                    </select>
                </div>
                <div class="filters__field">
                    <label class="filters__label" for="filter-milestone">"Milestone"</label>
                    <select class="filters__select" id="filter-milestone" on:change=move |ev| set_milestone(event_target_value(&ev))>
                        <option value="">"All milestones"</option>
                        {milestone_options.iter().map(|m| view! { <option value=m.key() selected=m.key() == milestone_key>{m.label()}</option> }).collect_view()}
                    </select>
                </div>
                </div>
            </form>
            <p class="filters__count" role="status" aria-live="polite">
                {move || format!("Showing {} of {total} actions", shown.with(Vec::len))}
            </p>
            <CsvDownload csv=csv filename=file_name(&[&id, "actions"]) label="Download these actions (CSV)" />
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="actions-caption">
                <table class="table plan-table">
                    <caption id="actions-caption">"Actions, with their lead officer, RAG status and milestone"</caption>
                    {column_heads(&["Ref", "Action", "Lead officer", "Status", "Milestone"])}
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

fn action_row(r: &ActionRow) -> impl IntoView {
    let reference = r
        .reference
        .clone()
        .unwrap_or_else(|| format!("Priority {}", r.priority));
    view! {
        <tr class="plan-action" id=format!("action-{}", r.number) data-status=r.status.map_or("unrated", RagStatus::key)>
            <th scope="row">{reference}</th>
            <td>
                <Blocks blocks=r.action.clone() />
                <details class="details">
                    <summary>{format!("More about action {}", r.number)}</summary>
                    <div class="details__text">
                        <h4>"Priority"</h4><p>{r.priority_title.clone()}</p>
                        {(!r.outcome.is_empty()).then(|| view! { <h4>"The outcome we are aiming for"</h4> {r.outcome.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()} })}
                        {(!r.objective.is_empty()).then(|| view! { <h4>"Objective"</h4> {r.objective.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()} })}
                        <h4>"How we will know it has worked"</h4>
                        {if r.success.is_empty() { view! { <p><NotPublished /></p> }.into_any() } else { view! { <Blocks blocks=r.success.clone() /> }.into_any() }}
                        <h4>"Detailed action plan"</h4>
                        <p>{r.detailed_plan.clone().map(|p| p.into_any()).unwrap_or_else(|| view! { <NotPublished /> }.into_any())}</p>
                        {r.status_words.clone().map(|w| view! { <h4>"Rating as printed"</h4><p class="source-wording">{format!("“{w}”")}</p> })}
                        {r.note.clone().map(|n| view! { <h4>"Transcription note"</h4><p class="hint">{n}</p> })}
                    </div>
                </details>
            </td>
            <td data-label="Lead officer">{r.lead.clone().map(|l| l.into_any()).unwrap_or_else(|| view! { <NotPublished /> }.into_any())}</td>
            <td data-label="Status"><RagBadge status=r.status /></td>
            <td data-label="Milestone">{r.milestone.clone().map(|m| m.into_any()).unwrap_or_else(|| view! { <NotPublished /> }.into_any())}</td>
        </tr>
    }
}
