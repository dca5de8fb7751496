//! One agenda item: what the agenda and report said, then what the minutes record.

use crate::components::resolution::ResolutionView;
use crate::components::status::NotPublished;
use crate::components::text::{data_link, rich_text, Blocks};
use crate::routes;
use leptos::prelude::*;
use minutebook_data::{AgendaItem, Block, Contact, Document, ItemDecision, Minute, Report};
use minutebook_domain::links::{mailto_href, tel_href};
use minutebook_domain::references::anchor;

/// The id of an item's section, for the contents list.
pub fn item_id(index: usize) -> String {
    format!("item-{}", index + 1)
}

/// "5. Children's Services Improvement Programme".
pub fn item_heading(item: &AgendaItem) -> String {
    match &item.number {
        Some(n) => format!("{n}. {}", item.title),
        None => item.title.clone(),
    }
}

/// One item. A `folded` item is a closed `<details>` with its heading as the summary: on a
/// very long agenda the browser then neither lays out nor paints its text until a reader
/// opens it, and Chromium opens it itself when an address's `#minute-…` points inside.
#[component]
pub fn AgendaItemView(
    index: usize,
    item: AgendaItem,
    #[prop(optional)] folded: bool,
) -> impl IntoView {
    let id = item_id(index);
    let title_id = format!("{id}-title");
    let heading =
        view! { <h3 class="agenda-item__title" id=title_id.clone()>{item_heading(&item)}</h3> };
    if folded {
        view! {
            <details class="agenda-item agenda-item--folded" id=id>
                <summary>{heading}</summary>
                {item_body(item)}
            </details>
        }
        .into_any()
    } else {
        view! {
            <section class="agenda-item" id=id aria-labelledby=title_id>
                {heading}
                {item_body(item)}
            </section>
        }
        .into_any()
    }
}

/// Everything under an item's heading.
fn item_body(item: AgendaItem) -> impl IntoView {
    let tags = item_tags(&item);
    view! {
            {(!tags.is_empty()).then(|| view! {
                <ul class="tags" aria-label="About this item">
                    {tags.into_iter().map(|t| view! { <li class="tag">{t}</li> }).collect_view()}
                </ul>
            })}
            {item.report_of.clone().map(|r| view! { <p class="agenda-item__report-of">{r}</p> })}
            {item.pages.clone().map(|p| view! { <p class="hint">{format!("Agenda pack pages {p}")}</p> })}
            <Blocks blocks=item.agenda_note.clone() />
            {item.report.clone().map(|r| view! { <ReportView report=r /> })}
            {documents(item.documents.clone())}
            {match item.minute.clone() {
                Some(m) => view! { <MinuteView minute=m /> }.into_any(),
                // An executive decision published without a minute (the minute, when there
                // is one, carries the same resolution).
                None if item.decision.is_some() => view! {
                    <p class="minute-missing"><NotPublished what="Minute for this item" /></p>
                    {item.decision.clone().map(decision)}
                }
                .into_any(),
                None => view! {
                    <p class="minute-missing"><NotPublished what="Minute for this item" /></p>
                }
                .into_any(),
            }}
    }
}

/// Status words shown with every item ("Key decision", "Report to follow"...), never colour alone.
fn item_tags(item: &AgendaItem) -> Vec<&'static str> {
    let mut tags = Vec::new();
    if item.supplementary {
        tags.push("Supplementary agenda");
    }
    if item.to_follow {
        tags.push("Report to follow");
    }
    if let Some(r) = &item.report {
        if r.key_decision == Some(true) {
            tags.push("Key decision");
        }
        if r.exempt == Some(true) {
            tags.push("Exempt or confidential");
        }
    }
    if item.exempt == Some(true) && !tags.contains(&"Exempt or confidential") {
        tags.push("Exempt or confidential");
    }
    if item.executive_decision == Some(true) {
        tags.push("Executive decision");
    }
    if item.call_in == Some(true) {
        tags.push("Can be called in");
    }
    tags
}

fn yes_no(v: Option<bool>) -> AnyView {
    match v {
        Some(true) => "Yes".into_any(),
        Some(false) => "No".into_any(),
        None => view! { <NotPublished /> }.into_any(),
    }
}

#[component]
fn ReportView(report: Report) -> impl IntoView {
    let wards = report.wards.clone().map(|w| w.join(", "));
    view! {
        <div class="report">
            <h4>"The report"</h4>
            <dl class="summary-list">
                {report.subject.clone().map(|s| view! { <div><dt>"Subject"</dt><dd>{s}</dd></div> })}
                <div><dt>"Cabinet portfolio"</dt><dd>{report.portfolio.clone().map(|p| p.into_any()).unwrap_or_else(|| view! { <NotPublished /> }.into_any())}</dd></div>
                <div><dt>"Key decision"</dt><dd>{yes_no(report.key_decision)}</dd></div>
                <div><dt>"Included in the Forward Plan"</dt><dd>{yes_no(report.in_forward_plan)}</dd></div>
                <div><dt>"Exempt or confidential"</dt><dd>{yes_no(report.exempt)}</dd></div>
                <div><dt>"Wards affected"</dt><dd>{wards.map(|w| w.into_any()).unwrap_or_else(|| view! { <NotPublished /> }.into_any())}</dd></div>
                {report.contact.clone().map(|c| view! { <div><dt>"Contact officer"</dt><dd>{contact(c)}</dd></div> })}
            </dl>
            {(!report.summary.is_empty()).then(|| view! { <h5>"Summary"</h5> <Blocks blocks=report.summary.clone() /> })}
            {(!report.recommendations.is_empty()).then(|| view! { <h5>"Recommendations"</h5> <Blocks blocks=report.recommendations.clone() /> })}
            {(!report.reasons.is_empty() || !report.alternatives.is_empty() || !report.sections.is_empty() || !report.appendices.is_empty() || report.background_papers.is_some()).then(|| view! {
                <details class="details">
                    <summary>"More from the report"</summary>
                    <div class="details__text">
                        {(!report.reasons.is_empty()).then(|| view! { <h5>"Reasons for the recommendations"</h5> <Blocks blocks=report.reasons.clone() /> })}
                        {(!report.alternatives.is_empty()).then(|| view! { <h5>"Alternative options considered and rejected"</h5> <Blocks blocks=report.alternatives.clone() /> })}
                        {(!report.appendices.is_empty()).then(|| view! {
                            <h5>"Appendices"</h5>
                            <ul class="list list--bullet">{report.appendices.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul>
                        })}
                        {report.background_papers.clone().map(|b| view! { <h5>"Background papers"</h5> <p>{b}</p> })}
                        {report.sections.iter().map(|s| view! { <h5>{s.heading.clone()}</h5> <Blocks blocks=s.blocks.clone() /> }).collect_view()}
                    </div>
                </details>
            })}
        </div>
    }
}

/// A contact with safe telephone and email links.
pub fn contact(c: Contact) -> AnyView {
    view! {
        <span>{c.name}</span>
        {c.role.map(|r| view! { ", " <span>{r}</span> })}
        {c.telephone.map(|t| {
            let link = tel_href(&t);
            view! { <br /> "Telephone: " {match link { Some(h) => view! { <a href=h>{t}</a> }.into_any(), None => t.into_any() }} }
        })}
        {c.email.map(|e| {
            let link = mailto_href(&e);
            view! { <br /> "Email: " {match link { Some(h) => view! { <a href=h>{e}</a> }.into_any(), None => e.into_any() }} }
        })}
    }
    .into_any()
}

fn documents(docs: Vec<Document>) -> Option<AnyView> {
    (!docs.is_empty()).then(|| {
        view! {
            <h4>"Documents"</h4>
            <ul class="list documents">
                {docs
                    .into_iter()
                    .map(|d| {
                        let detail = match (&d.size, d.to_follow) {
                            (_, true) => " (to follow)".to_string(),
                            (Some(s), false) => format!(" ({s})"),
                            (None, false) => String::new(),
                        };
                        let title = d.title.clone();
                        let link = match (&d.url, d.exempt) {
                            (Some(u), _) => data_link(u, title),
                            // An exempt document's link is never published; say why.
                            (None, Some(true)) => view! { <span>{title}</span> " " <span class="hint">"(exempt or confidential: not published)"</span> }.into_any(),
                            (None, _) => view! { <span>{title}</span> " " <span class="hint">"(link not published)"</span> }.into_any(),
                        };
                        view! { <li>{link}{detail}</li> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    })
}

#[component]
fn MinuteView(minute: Minute) -> impl IntoView {
    let id = anchor(&minute.number, None);
    let heading = match &minute.title {
        Some(t) => format!("Minute {}: {t}", minute.number),
        None => format!("Minute {}", minute.number),
    };
    let number = minute.number.clone();
    view! {
        <div class="minute" id=id.clone()>
            <h4>{heading} " " <a class="permalink" href=format!("#{id}")>"Link"<span class="visually-hidden">{format!(" to minute {number}")}</span></a></h4>
            <Blocks blocks=minute.narrative.clone() />
            {minute.matters_raised.clone().map(|m| view! {
                <p>{m.intro}</p>
                <ul class="list list--bullet matters-raised">
                    {m.points.iter().map(|p| view! { <li>{rich_text(p)}</li> }).collect_view()}
                </ul>
            })}
            <Blocks blocks=minute.narrative_after.clone() />
            {minute.resolution.clone().map(|r| view! { <ResolutionView minute=minute.number.clone() resolution=r /> })}
            {minute.resolutions_not_itemised.then(|| view! {
                <p class="hint">"The resolutions in this minute could not be numbered part by part: the text above is the minute as published."</p>
            })}
            {related(&minute)}
            {minute.incomplete.clone().map(|n| view! {
                <div class="inset-text"><strong>"Incomplete record: "</strong>{n}</div>
            })}
        </div>
    }
}

/// A decision published apart from the minute, as plain text (no anchors: the minute's
/// resolution parts own those).
fn decision(d: ItemDecision) -> AnyView {
    let parts: Vec<Block> = d
        .resolution
        .iter()
        .flat_map(|r| {
            let mut out: Vec<Block> = r
                .preamble
                .iter()
                .map(|p| Block::Paragraph(format!("RESOLVED: {p}")))
                .collect();
            if r.preamble.is_none() {
                out.push(Block::Paragraph("RESOLVED:".into()));
            }
            for p in &r.parts {
                let n = p
                    .number
                    .as_ref()
                    .map(|n| format!("({n}) "))
                    .unwrap_or_default();
                out.push(Block::Paragraph(format!("{n}{}", p.text)));
                if !p.bullets.is_empty() {
                    out.push(Block::List(p.bullets.clone()));
                }
                for s in &p.parts {
                    let n = s
                        .number
                        .as_ref()
                        .map(|n| format!("({n}) "))
                        .unwrap_or_default();
                    out.push(Block::Paragraph(format!("{n}{}", s.text)));
                }
            }
            out
        })
        .collect();
    view! {
        <div class="decision">
            <h4>"Decision"</h4>
            <Blocks blocks=d.narrative />
            <Blocks blocks=parts />
            {d.url.map(|u| view! { <p>{data_link(&u, "The decision on the council's website".to_string())}</p> })}
        </div>
    }
    .into_any()
}

/// Links the data makes explicitly, where the papers connect minutes in other words.
fn related(minute: &Minute) -> Option<AnyView> {
    let scope = use_context::<crate::components::text::RefScope>()?;
    let items: Vec<_> = minute
        .references
        .iter()
        .map(|r| {
            let target = r.meeting.as_ref().and_then(|id| scope.catalogue.meeting(id));
            let label = match (target, &r.part) {
                (Some(t), Some(p)) => format!("Minute {} ({p}) of {}", r.minute, minutebook_domain::dates::short_date(t.date)),
                (Some(t), None) => format!("Minute {} of {}", r.minute, minutebook_domain::dates::short_date(t.date)),
                (None, _) => format!("Minute {}", r.minute),
            };
            let link = match target {
                Some(t) => view! { <a href=routes::meeting(&t.id, Some(&anchor(&r.minute, r.part.as_deref())))>{label}</a> }.into_any(),
                None => view! { <span class="minute-ref-unresolved">{label}</span> }.into_any(),
            };
            view! { <li>{link} " — “" {r.text.clone()} "”"</li> }
        })
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <div class="related">
                <h5>"Related minutes"</h5>
                <ul class="list list--bullet">{items}</ul>
            </div>
        }
        .into_any()
    })
}
