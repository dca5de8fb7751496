//! One GetMeeting answer mapped into a meeting file: status, times, venue, items, minutes,
//! decisions and documents. Attendance is in [`super::attendance`].

use super::attendance::attendance;
use super::{warn, CouncilConfig, Warning, WarningKind};
use crate::minutes::{agenda_blocks, convert_minute, MinuteText};
use crate::xml::{self, MgItem, MgMeeting};
use minutebook_data::{
    Committee, Date, Document, DocumentKind, ItemDecision, Meeting, MeetingStatus, Minute,
    MinutesStatus, SourceDocument, SourceKind, Venue, FORMAT,
};

/// One meeting mapped, with what was left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapped {
    pub meeting: Meeting,
    pub warnings: Vec<Warning>,
}

/// Map one GetMeeting answer into a meeting file.
///
/// - `committee` is the mapped committee (its `source_id` is the ModernGov committee id,
///   used for the link to the meeting's page);
/// - `id` is the meeting's id, from [`super::meeting_ids`] (or [`super::meeting_id`]);
/// - `today` decides what "Expected" means: on a meeting already held it means "not
///   recorded", never "present".
///
/// Returns `Err` with the reason when the meeting must not be published at all (the council
/// does not display it).
pub fn map_meeting(
    cfg: &CouncilConfig,
    committee: &Committee,
    m: &MgMeeting,
    id: &str,
    today: Date,
) -> Result<Mapped, Warning> {
    if !m.display_allowed {
        return Err(warn(
            WarningKind::MeetingNotDisplayed,
            Some(id),
            None,
            format!(
                "meeting {} is not displayed by the council (isdisplayallowed=False): left out",
                m.id
            ),
        ));
    }
    let mut w: Vec<Warning> = m
        .problems
        .iter()
        .map(|p| {
            warn(
                WarningKind::BadValue,
                Some(id),
                None,
                format!("{p}: left out"),
            )
        })
        .collect();
    let items: Vec<(&MgItem, minutebook_data::AgendaItem)> = m
        .items_in_order()
        .into_iter()
        .filter_map(|it| map_item(cfg, m, it, id, &mut w).map(|mapped| (it, mapped)))
        .collect();

    let any_minute = items.iter().any(|(_, i)| i.minute.is_some());
    let any_present = m.attendees.iter().any(|a| {
        a.attendance
            .as_deref()
            .is_some_and(|v| v.to_ascii_lowercase().starts_with("present"))
    });
    let status = if m.status.is_cancelled() {
        MeetingStatus::Cancelled
    } else if m.status.is_postponed() {
        MeetingStatus::Postponed
    } else if m.date <= today
        && (m.actual_start.is_some() || m.actual_finish.is_some() || any_minute || any_present)
    {
        MeetingStatus::Held
    } else {
        // A past meeting with no sign that it took place stays "scheduled": not known held.
        MeetingStatus::Scheduled
    };
    if m.minutes_published == Some(true) && !any_minute && status != MeetingStatus::Cancelled {
        w.push(warn(
            WarningKind::MinutesMissing,
            Some(id),
            None,
            "the service flags the minutes as published but sent no minute text".into(),
        ));
    }
    let mut notes = Vec::new();
    let attendance = if status == MeetingStatus::Held {
        attendance(m, &items, id, &mut w, &mut notes)
    } else {
        None
    };
    let web_page = committee
        .source_id
        .as_ref()
        .map(|cid| cfg.page(&format!("ieListDocuments.aspx?CId={cid}&MId={}", m.id)));
    let meeting = Meeting {
        format: FORMAT.to_string(),
        id: id.to_string(),
        committee: committee.id.clone(),
        date: m.date,
        date_precision: Default::default(),
        start_time: m.time,
        planned_finish_time: m.planned_finish,
        actual_start_time: m.actual_start,
        actual_finish_time: m.actual_finish,
        meeting_type: m.status.meeting_type.clone(),
        venue: m.location.clone().map(|name| Venue {
            name,
            address: None,
        }),
        room: m.room.clone(),
        contact: None,
        status,
        agenda_published: !items.is_empty() && m.agenda_published != Some(false),
        minutes: if any_minute {
            // The service does not say whether the minutes are draft or confirmed.
            MinutesStatus::Published
        } else {
            MinutesStatus::NotPublished
        },
        decisions_published: m.decision_published,
        source_id: Some(m.id.to_string()),
        minutes_confirmed_at: None,
        supplementary_agendas: Vec::new(),
        sources: vec![SourceDocument {
            id: "moderngov".into(),
            title: format!(
                "{}: the meeting's page on the council's website",
                committee.title
            ),
            kind: SourceKind::WebPage,
            published: None,
            url: web_page,
            note: Some(format!(
                "Imported from the council's ModernGov web service (GetMeeting, meeting {}).",
                m.id
            )),
        }],
        attendance,
        items: items.into_iter().map(|(_, i)| i).collect(),
        notes,
    };
    Ok(Mapped {
        meeting,
        warnings: w,
    })
}

/// A minute's or decision's words (`what` says which), with a warning when its resolutions
/// were not recognised and so are published as paragraphs.
fn convert_warned(
    html: &str,
    what: &str,
    meeting: &str,
    label: &str,
    w: &mut Vec<Warning>,
) -> MinuteText {
    let text = convert_minute(html);
    if text.resolutions_not_itemised {
        w.push(warn(
            WarningKind::ResolutionsNotItemised,
            Some(meeting),
            Some(label),
            format!("the {what}'s resolutions were not recognised: published as paragraphs"),
        ));
    }
    text
}

fn map_item(
    cfg: &CouncilConfig,
    m: &MgMeeting,
    it: &MgItem,
    meeting: &str,
    w: &mut Vec<Warning>,
) -> Option<minutebook_data::AgendaItem> {
    let label = it
        .display_number
        .clone()
        .unwrap_or_else(|| format!("(id {})", it.id));
    if it.display_allowed == Some(false) {
        w.push(warn(
            WarningKind::ItemNotDisplayed,
            Some(meeting),
            Some(&label),
            format!("item {} is not displayed by the council: left out", it.id),
        ));
        return None;
    }
    if it.display_number.is_none() {
        w.push(warn(
            WarningKind::MissingItemNumber,
            Some(meeting),
            Some(&label),
            format!("item {} \"{}\" has no printed number", it.id, it.title),
        ));
    }
    let mut docs: Vec<&xml::MgDocument> = it.documents.iter().collect();
    docs.sort_by_key(|d| d.order.unwrap_or(u64::MAX));
    let documents = docs
        .into_iter()
        .map(|d| {
            let exempt = d.restricted == Some(true);
            let url = if exempt {
                w.push(warn(
                    WarningKind::ExemptDocument,
                    Some(meeting),
                    Some(&label),
                    format!(
                        "\"{}\" is exempt: its title is published, its link is not",
                        d.title
                    ),
                ));
                None
            } else {
                d.url.as_deref().and_then(|u| {
                    let safe = normalise_url(cfg, u);
                    if safe.is_none() {
                        w.push(warn(
                            WarningKind::UnsafeLink,
                            Some(meeting),
                            Some(&label),
                            format!("the link of \"{}\" is not http(s): left out", d.title),
                        ));
                    }
                    safe
                })
            };
            Document {
                title: d.title.clone(),
                kind: document_kind(&d.title),
                size: None,
                url,
                to_follow: false,
                exempt: d.restricted,
                published: d.published,
            }
        })
        .collect();
    let minute = it
        .minutes_html
        .as_deref()
        // Published only when neither the item nor the meeting says it is not.
        .filter(|_| it.minute_published != Some(false) && m.minutes_published != Some(false))
        .and_then(|html| {
            let number = it
                .minute_number
                .clone()
                .or_else(|| it.display_number.clone());
            let Some(number) = number else {
                w.push(warn(
                    WarningKind::MissingItemNumber,
                    Some(meeting),
                    Some(&label),
                    "the minute has no number: left out".into(),
                ));
                return None;
            };
            let text = convert_warned(html, "minute", meeting, &label, w);
            Some(Minute {
                number,
                title: None,
                narrative: text.narrative,
                matters_raised: None,
                narrative_after: Vec::new(),
                resolution: text.resolution,
                references: Vec::new(),
                incomplete: None,
                resolutions_not_itemised: text.resolutions_not_itemised,
            })
        });
    let decision = it
        .decision_html
        .as_deref()
        .filter(|_| it.decision_published != Some(false) && m.decision_published != Some(false))
        .map(|html| {
            let text = convert_warned(html, "decision", meeting, &label, w);
            ItemDecision {
                narrative: text.narrative,
                resolution: text.resolution,
                resolutions_not_itemised: text.resolutions_not_itemised,
                url: (it.is_decision == Some(true))
                    .then(|| cfg.page(&format!("ieDecisionDetails.aspx?AIId={}", it.id))),
            }
        });
    Some(minutebook_data::AgendaItem {
        number: it.display_number.clone(),
        title: it.title.clone(),
        report_of: None,
        pages: None,
        agenda_note: it
            .agenda_html
            .as_deref()
            .map(agenda_blocks)
            .unwrap_or_default(),
        to_follow: false,
        supplementary: false,
        report: None,
        documents,
        minute,
        exempt: it.restricted,
        executive_decision: it.is_decision,
        call_in: it.call_in,
        decision,
        declarations_count: it.declaration_count,
    })
}

/// What a document is, from the start of its title as the council wrote it; `other` when
/// the title does not say.
fn document_kind(title: &str) -> DocumentKind {
    let t = title.trim().to_lowercase();
    if t.starts_with("appendix") || t.starts_with("annex") {
        DocumentKind::Appendix
    } else if t.split_whitespace().any(|w| w == "minutes") {
        // e.g. Manchester's "CHAIR APPROVED Minutes Audit Committee 25 Nov 2025".
        DocumentKind::Minutes
    } else if t.starts_with("agenda") {
        DocumentKind::Agenda
    } else if t.split_whitespace().any(|w| w == "presentation") {
        DocumentKind::Presentation
    } else {
        DocumentKind::Other
    }
}

/// An http(s) link with its host in lower case (the service writes
/// `democracy.Gloucester.gov.uk`), upgraded to https when the council's base is https and
/// the host is the same. Anything else (no scheme, `javascript:`, spaces) is `None`.
pub fn normalise_url(cfg: &CouncilConfig, url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>'))
    {
        return None;
    }
    let (host, path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if host.is_empty() {
        return None;
    }
    let host = host.to_ascii_lowercase();
    let base_host = cfg.base_url.split_once("://").map(|(_, r)| {
        r.split(['/', '?', '#'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    });
    let scheme = if scheme == "http"
        && cfg.base_url.to_ascii_lowercase().starts_with("https://")
        && base_host.as_deref() == Some(host.as_str())
    {
        "https".to_string()
    } else {
        scheme
    };
    Some(format!("{scheme}://{host}{path}"))
}
