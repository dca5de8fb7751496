//! Follow-ups: every resolution that asked someone to do something — a report, information,
//! a briefing or visit, an update, a letter — with what came of it: delivered, arranged,
//! planned or outstanding, and the words in later papers that show it. Statuses are stated
//! as of each committee's latest meeting in the data. The rules are in docs/follow-ups.md.

use crate::components::address_state::AddressState;
use crate::components::catalogue_view::{committee_council_name, committee_title};
use crate::components::decision_list::{
    committee_options, council_options, filter_form, meeting_group, options, results, use_list,
    Page,
};
use crate::components::decision_view::{
    decision_reference, decision_text, paper_link, permalink, select_field, status_badge, when,
};
use crate::components::head::PageHead;
use crate::components::layout::Breadcrumbs;
use crate::data::Load;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use minutebook_data::{
    Catalogue, Date, DecisionsIndex, Evidence, FollowUp, FollowUpStatus, LoadError, StatusCounts,
};
use minutebook_domain::dates::{long_date, short_date};
use minutebook_domain::decision_pages::FollowUpFilter;
use minutebook_domain::followups::describe_wait;
use std::collections::BTreeMap;

#[component]
pub fn FollowUpsPage() -> impl IntoView {
    let list = use_list::<FollowUpFilter>();
    scroll_to_hash_when_loaded(list.rows);
    view! {
        <PageHead title="Follow-ups".to_string() description="Every request a committee made in its resolutions, and whether the papers show it was delivered.".to_string() />
        <Breadcrumbs trail=vec![("Home".into(), routes::home())] current="Follow-ups".to_string() />
        <h1>"Follow-ups"</h1>
        <p class="lead">
            "What committees asked for – a report, information, a briefing or visit, an update, a letter – "
            "and whether anything in the published papers shows it happened."
        </p>
        {list.view("the follow-ups", move |c, idx, f, page| {
            view! {
                {overview(c, idx, f)}
                {filters(c, f, list.address)}
                {results(f, &page.0, follow_up_groups(c, idx, page))}
            }
            .into_any()
        })}
    }
}

/// Bring `#fu-...` (a link from a meeting or the Decisions page) into view once it exists.
fn scroll_to_hash_when_loaded(rows: Load<Result<Page<FollowUp>, LoadError>>) {
    let location = use_location();
    // As on the meeting page: after a take-over the browser has already scrolled there.
    let first = StoredValue::new(crate::takeover::taking_over());
    Effect::new(move |_| {
        // Not on the pre-rendered page the app is about to replace: on its own, once live.
        if !crate::takeover::is_live() {
            return;
        }
        let hash = location.hash.get();
        if !matches!(rows.get(), Some(Ok(_))) || hash.len() < 2 {
            return;
        }
        let move_there = !first.get_value();
        first.set_value(false);
        let target = hash.trim_start_matches('#').to_string();
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&target) {
                let _ = el.class_list().add_1("is-target");
                if move_there {
                    el.scroll_into_view();
                }
            }
        });
    });
}

/// Counts by status and the "as of" date of each committee in view.
fn overview(c: &Catalogue, idx: &DecisionsIndex, f: &FollowUpFilter) -> AnyView {
    let mut counts = StatusCounts::default();
    let mut as_of: BTreeMap<String, Date> = BTreeMap::new();
    for l in idx
        .follow_ups
        .iter()
        .filter(|l| f.wants_committee(&l.council, &l.committee))
    {
        counts.delivered += l.counts.delivered;
        counts.arranged += l.counts.arranged;
        counts.planned += l.counts.planned;
        counts.outstanding += l.counts.outstanding;
        as_of.insert(l.committee.clone(), l.as_of);
    }
    view! {
        <section aria-labelledby="overview-title">
            <h2 id="overview-title">"At a glance"</h2>
            <div class="table-wrap">
                <table class="table fu-summary">
                    <caption>"Follow-ups by status"{(f.council.is_some() || f.committee.is_some()).then_some(" (filtered)")}</caption>
                    <thead><tr><th scope="col">"Status"</th><th scope="col">"What it means"</th><th scope="col" class="num">"Follow-ups"</th></tr></thead>
                    <tbody>
                        {FollowUpStatus::ALL.into_iter().map(|s| view! {
                            <tr>
                                <th scope="row">{status_badge(s)}</th>
                                <td>{s.meaning()}</td>
                                <td class="num">{counts.get(s).to_string()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>"Statuses are as of"</h3>
            <ul class="list list--bullet">
                {as_of.into_iter().map(|(k, d)| view! {
                    <li>{format!("{} – {}: ", committee_council_name(c, &k), committee_title(c, &k))}<strong>{short_date(d)}</strong>
                        ", the date of its latest meeting whose papers are in the data."</li>
                }).collect_view()}
            </ul>
            <details class="details">
                <summary>"How the statuses are worked out"</summary>
                <div class="details__text">
                    <p>"A resolution is a request when it asks someone to submit a report, provide information, arrange a briefing or visit, bring an update, write a letter or attend, or puts a matter to a later meeting. Noting arrangements, an intention or an earlier request is not a new request."</p>
                    <p><strong>"Delivered"</strong>": a later minute begins “Further to Minute No. … of …, the Committee considered the report”, or a later paper says in other words that it came (linked in the data with its words quoted)."</p>
                    <p><strong>"Arranged"</strong>": a later paper records the arrangements, with their date."</p>
                    <p><strong>"Planned"</strong>": a work programme or report plans it for a meeting after the “as of” date."</p>
                    <p><strong>"Outstanding"</strong>": nothing in the data answers it yet. Other later mentions are listed, but do not change the status."</p>
                </div>
            </details>
        </section>
    }
    .into_any()
}

fn filters(
    c: &Catalogue,
    f: &FollowUpFilter,
    address: AddressState<(FollowUpFilter, usize)>,
) -> AnyView {
    let council = f.council.clone().unwrap_or_default();
    let committee = f.committee.clone().unwrap_or_default();
    let status = f.status.map(|s| s.key().to_string()).unwrap_or_default();
    let statuses = options(
        "Any status",
        FollowUpStatus::ALL
            .iter()
            .map(|s| (s.key().to_string(), s.label().to_string())),
    );
    let fields = view! {
        {select_field("council", "Council", council_options(c), council)}
        {select_field("committee", "Committee", committee_options(c), committee)}
        {select_field("status", "Status", statuses, status)}
    };
    filter_form(f, address, fields.into_any())
}

/// Consecutive follow-ups of one meeting, each group stated as of its committee's latest
/// meeting in the data.
fn follow_up_groups(c: &Catalogue, idx: &DecisionsIndex, page: &Page<FollowUp>) -> impl IntoView {
    let as_of = |committee: &str| {
        idx.follow_ups
            .iter()
            .find(|l| l.committee == committee)
            .map(|l| l.as_of)
    };
    page.1
        .chunk_by(|a, b| a.decision.meeting == b.decision.meeting)
        .map(|g| {
            let d = &g[0].decision;
            meeting_group(c, d, |committee| {
                let as_of = as_of(committee).unwrap_or(d.date);
                view! {
                    <ol class="decision-list">{g.iter().map(|fu| follow_up(fu, committee, as_of)).collect_view()}</ol>
                }
                .into_any()
            })
        })
        .collect_view()
}

/// "in 6 months’ time (about 5 January 2023, after 7 November 2022)".
fn when_asked(f: &FollowUp, as_of: Date) -> Option<String> {
    let timing = f.timing.clone()?;
    let mut s = format!("“{timing}”");
    if let Some(m) = &f.due_meeting {
        s.push_str(&format!(
            " – the next meeting in the data is {}",
            long_date(m.date, m.date_precision)
        ));
    } else if let Some(d) = f.due {
        let due = if d > as_of {
            "not yet due as of the data"
        } else {
            "now past"
        };
        s.push_str(&format!(" – about {}, {due}", short_date(d)));
    }
    Some(s)
}

fn follow_up(f: &FollowUp, committee: &str, as_of: Date) -> AnyView {
    let d = &f.decision;
    let waited = match f.status {
        FollowUpStatus::Outstanding if d.date == as_of => format!(
            "Asked at the latest meeting in the data ({}).",
            short_date(as_of)
        ),
        FollowUpStatus::Outstanding => format!(
            "Outstanding for {} as of {}.",
            describe_wait(d.date, as_of),
            short_date(as_of)
        ),
        _ => String::new(),
    };
    view! {
        <li class="follow-up decision" id=format!("fu-{}-{}", d.meeting, d.anchor)>
            <h4 class="follow-up__title">{format!("{} – {}", decision_reference(d), d.item)}</h4>
            <p class="follow-up__status">{status_badge(f.status)} " " {waited}</p>
            <blockquote class="follow-up__request">{decision_text(d)}</blockquote>
            <dl class="summary-list summary-list--compact">
                <div><dt>"Asks for"</dt><dd>{f.asks.label()}</dd></div>
                {f.asked.clone().map(|a| view! { <div><dt>"Asked of"</dt><dd>{a}</dd></div> })}
                {when_asked(f, as_of).map(|w| view! { <div><dt>"When"</dt><dd>{w}</dd></div> })}
            </dl>
            {if f.evidence.is_empty() {
                view! { <p class="follow-up__none">"Nothing in the data refers to it since."</p> }.into_any()
            } else {
                view! {
                    <h5 class="follow-up__evidence-title">"Evidence"</h5>
                    <ol class="follow-up__evidence">{f.evidence.iter().map(|e| evidence(e, committee)).collect_view()}</ol>
                }.into_any()
            }}
            <p class="decision__permalink">{permalink(d)}</p>
        </li>
    }
    .into_any()
}

fn evidence(e: &Evidence, committee: &str) -> AnyView {
    let when = e.date.map(|d| format!(" – {}", short_date(d)));
    let programme = e.work_programme.as_ref().map(|_| {
        view! { <li>"In: "<a href=routes::work_programme(committee)>"the committee’s work programme"</a></li> }
    });
    view! {
        <li class=format!("evidence evidence--{}", e.kind.label().to_lowercase().replace(' ', "-"))>
            <strong>{e.kind.label()}</strong>{when}
            <q class="evidence__text">{e.text.clone()}</q>
            <ul class="list evidence__where">
                {e.at.as_ref().map(|a| view! { <li>"In: "{paper_link(a)}</li> })}
                {programme}
                {e.planned_meeting.as_ref().map(|p| view! {
                    <li>"For the meeting of "<a href=routes::meeting(&p.meeting, None)>{when_label(p)}</a></li>
                })}
                {e.source.clone().map(|s| view! { <li>"Source: "{s}</li> })}
                {e.note.clone().map(|n| view! { <li>"Note: "{n}</li> })}
                {e.automatic.then(|| view! { <li class="hint">"Found from the minute reference in the papers."</li> })}
            </ul>
        </li>
    }
    .into_any()
}

fn when_label(p: &minutebook_data::PaperLink) -> String {
    when(p.date, p.date_precision)
}
