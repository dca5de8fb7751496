//! A meeting: header facts, attendance, then each agenda item with its report and minute.

mod attendance;

use crate::components::agenda_item::{contact, item_heading, item_id, AgendaItemView};
use crate::components::catalogue_view::WithCatalogue;
use crate::components::chunked::Chunked;
use crate::components::head::PageHead;
use crate::components::layout::Breadcrumbs;
use crate::components::not_found::NotFound;
use crate::components::sources::source_item;
use crate::components::status::{Loads, NotPublished};
use crate::components::text::RefScope;
use crate::data::{fetch_meeting, use_catalogue, Load};
use crate::routes;
use attendance::AttendanceView;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};
use minutebook_data::{AgendaItem, Catalogue, Meeting, MinutesStatus};
use minutebook_domain::dates::{date_and_time, long_date, short_date};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// An agenda longer than this is folded after its first [`OPEN_ITEMS`] items. Real agendas
/// run to a few dozen items; thousands (bad data, or an export gone wrong) made a 25 MB page
/// that froze a phone for seconds at a time while the browser laid out text nobody had
/// scrolled to. Folded items are still in the page, for finding, reading without
/// JavaScript and links to their minutes.
pub const LONG_AGENDA: usize = 100;
/// Items shown open at the top of a long agenda.
pub const OPEN_ITEMS: usize = 50;

/// The index of the first folded item of an agenda of `len` items (`len` when none is).
pub fn first_folded(len: usize) -> usize {
    if len > LONG_AGENDA {
        OPEN_ITEMS
    } else {
        len
    }
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    // A new id (e.g. following a reference to another meeting) builds a fresh page.
    move || view! { <MeetingView id=id.get() /> }
}

/// One meeting, loaded by id. `embedded` (for /embed/meetings/<id>) leaves out the breadcrumbs.
#[component]
pub fn MeetingView(id: String, #[prop(optional)] embedded: bool) -> impl IntoView {
    let meeting = Load::new({
        let id = id.clone();
        move || fetch_meeting(id.clone())
    });
    scroll_to_hash_when_loaded(meeting);
    view! {
        <WithCatalogue render={move |c: Arc<Catalogue>| {
            if c.meeting(&id).is_none() {
                return view! { <NotFound detail="There is no meeting with this address in the published data." /> }.into_any();
            }
            view! {
                <Loads what="the meeting" retry=move || meeting.refetch() content={
                        let c = c.clone();
                        move || {
                            let c = c.clone();
                            async move { meeting.await.map(|m| meeting_view(c, m, embedded)) }
                        }
                    } />
            }
            .into_any()
        }} />
    }
}

/// Bring `#minute-19-3` into view once the content it names exists, and move focus there
/// so keyboard and screen-reader users land on it too.
fn scroll_to_hash_when_loaded(meeting: Load<crate::data::Loaded<Meeting>>) {
    let location = use_location();
    let catalogue = use_catalogue();
    // On a page the app took over, the browser has already scrolled to the fragment and the
    // reader may have moved on: the first time, only mark the target.
    let first = StoredValue::new(crate::takeover::taking_over());
    Effect::new(move |_| {
        // Not on the pre-rendered page the app is about to replace: on its own, once live.
        if !crate::takeover::is_live() {
            return;
        }
        let hash = location.hash.get();
        let ready = matches!(meeting.get(), Some(Ok(_))) && matches!(catalogue.get(), Some(Ok(_)));
        if !ready || hash.len() < 2 {
            return;
        }
        let move_there = !first.get_value();
        first.set_value(false);
        let target = hash.trim_start_matches('#').to_string();
        request_animation_frame(move || {
            let doc = document();
            if let Ok(Some(old)) = doc.query_selector(".is-target") {
                let _ = old.class_list().remove_1("is-target");
            }
            if let Some(el) = doc.get_element_by_id(&target) {
                // A folded item of a long agenda: open it (Chromium does this itself on a
                // first visit, other browsers may not).
                if let Ok(Some(details)) = el.closest("details") {
                    let _ = details.set_attribute("open", "");
                }
                let _ = el.class_list().add_1("is-target");
                if !el.has_attribute("tabindex") {
                    let _ = el.set_attribute("tabindex", "-1");
                }
                if move_there {
                    el.scroll_into_view();
                    if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = h.focus();
                    }
                }
            }
        });
    });
}

fn meeting_view(c: Arc<Catalogue>, m: Arc<Meeting>, embedded: bool) -> AnyView {
    let committee = c
        .committee(&m.committee)
        .map(|k| k.title.clone())
        .unwrap_or_else(|| m.committee.clone());
    let date = long_date(m.date, m.date_precision);
    provide_context(RefScope {
        catalogue: c.clone(),
        meeting: m.id.clone(),
        committee: m.committee.clone(),
    });
    let confirmed_at = m
        .minutes_confirmed_at
        .as_ref()
        .and_then(|id| c.meeting(id))
        .map(|s| (s.id.clone(), short_date(s.date)));
    let minutes_text = m.minutes.label();
    let items = m.items.clone();
    let contents = view! {
        <Chunked items=items.clone() row=|i, item: AgendaItem| view! {
            <li><a href=format!("#{}", item_id(i))>{item_heading(&item)}</a></li>
        } />
    };
    view! {
        <PageHead title=format!("{committee}, {date}") description=format!("{committee}, {date}: attendance, {} agenda items and the minutes, as published.", m.items.len()) />
        {(!embedded).then(|| view! {
            <Breadcrumbs
                trail=vec![("Home".into(), routes::home()), (committee.clone(), routes::committee(&m.committee))]
                current=date.clone()
            />
        })}
        <span class="caption">{committee.clone()}</span>
        <h1>{date.clone()}</h1>
        <dl class="summary-list">
            <div><dt>"Date and time"</dt><dd>{date_and_time(m.date, m.date_precision, m.start_time)}
                {m.start_time.is_none().then(|| view! { " " <span class="hint">"(start time not published)"</span> })}</dd></div>
            <div><dt>"Venue"</dt><dd>{match &m.venue {
                Some(v) => view! { {v.name.clone()} {v.address.clone().map(|a| view! { <br /> {a} })} }.into_any(),
                None => view! { <NotPublished /> }.into_any(),
            }}</dd></div>
            <div><dt>"Status"</dt><dd><span class="status">{m.status.label()}</span></dd></div>
            <div><dt>"Agenda"</dt><dd>{if m.agenda_published { "Published".into_any() } else { view! { <NotPublished /> }.into_any() }}</dd></div>
            <div><dt>"Minutes"</dt><dd>{minutes_text}
                {confirmed_at.map(|(id, d)| view! { " — confirmed at the meeting of " <a href=routes::meeting(&id, None)>{d}</a> })}
                {(m.minutes == MinutesStatus::NotPublished).then(|| view! { <span class="visually-hidden">" (not published)"</span> })}
            </dd></div>
            <div><dt>"Contact"</dt><dd>{m.contact.clone().map(contact).unwrap_or_else(|| view! { <NotPublished /> }.into_any())}</dd></div>
        </dl>
        {crate::components::schedule_links::meeting_links(c.clone(), &m.id)}
        {(!m.supplementary_agendas.is_empty()).then(|| view! {
            <h2>"Supplementary agendas"</h2>
            <ul class="list list--bullet">
                {m.supplementary_agendas.iter().map(|s| view! {
                    <li>
                        {format!("Items {}", s.items.join(", "))}
                        {s.issued.map(|d| format!(", issued {}", short_date(d)))}
                        {s.note.clone().map(|n| view! { <p class="source-wording">{n}</p> })}
                    </li>
                }).collect_view()}
            </ul>
        })}
        {(!items.is_empty()).then(|| view! {
            <nav class="contents" aria-labelledby="contents-title">
                <h2 id="contents-title">"On this page"</h2>
                <ol class="list">
                    <li><a href="#attendance">"Attendance"</a></li>
                    {contents}
                </ol>
            </nav>
        })}
        <AttendanceView attendance=m.attendance.clone() />
        <section aria-labelledby="agenda">
            <h2 id="agenda">"Agenda and minutes"</h2>
            {if items.is_empty() {
                view! { <p>"No agenda items for this meeting are in the published data."</p> }.into_any()
            } else {
                let folded_from = first_folded(items.len());
                view! {
                    {(folded_from < items.len()).then(|| view! {
                        <p class="inset-text">{format!(
                            "This meeting has {} agenda items. To keep the page quick, items {} onwards are folded: open one to read it, or choose it from the list above.",
                            items.len(),
                            folded_from + 1,
                        )}</p>
                    })}
                    <Chunked items=items row=move |i, item| view! { <AgendaItemView index=i item=item folded={i >= folded_from} /> } />
                }.into_any()
            }}
        </section>
        <section aria-labelledby="sources">
            <h2 id="sources">"Where this record comes from"</h2>
            {(!m.notes.is_empty()).then(|| view! {
                <details class="details" open=m.notes.len() <= 2>
                    <summary>{format!("Notes on this record ({})", m.notes.len())}</summary>
                    // Editorial notes are plain text: their minute numbers are not links.
                    <div class="details__text">{m.notes.iter().map(|n| view! { <p>{n.clone()}</p> }).collect_view()}</div>
                </details>
            })}
            {if m.sources.is_empty() {
                view! { <p><NotPublished what="Sources" /></p> }.into_any()
            } else {
                view! {
                    <ul class="list list--bullet">
                        {m.sources.iter().map(source_item).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}
