//! Attendance from the attendees' attributes, apologies from the service or the Apologies
//! minute in its usual wording, declarations from the Declarations of Interest minute in its
//! usual wording beside the service's count. Never guessed: anything else is "not published".

use super::{is_officer, warn, Warning, WarningKind, TITLES};
use crate::minutes::paragraphs;
use crate::xml::{MgAttendee, MgItem, MgMeeting};
use minutebook_data::{
    Apology, Attendance, Attendee, ChairRole, Declaration, Declarations, InterestKind,
};

fn chair_of(a: &MgAttendee) -> Option<ChairRole> {
    match a.role.as_deref()?.to_ascii_lowercase().as_str() {
        "chair" | "chairman" | "chairperson" => Some(ChairRole::InTheChair),
        "vice-chair" | "vice chair" | "vice-chairman" => Some(ChairRole::ViceChair),
        _ => None,
    }
}

/// Whether a role is a seat on the committee (so it is not worth printing as a capacity).
fn committee_role(role: &str) -> bool {
    matches!(
        role.to_ascii_lowercase().as_str(),
        "chair"
            | "chairman"
            | "chairperson"
            | "vice-chair"
            | "vice chair"
            | "vice-chairman"
            | "committee member"
            | "member"
    )
}

pub(super) fn attendance(
    m: &MgMeeting,
    items: &[(&MgItem, minutebook_data::AgendaItem)],
    id: &str,
    w: &mut Vec<Warning>,
    notes: &mut Vec<String>,
) -> Option<Attendance> {
    let mut present = Vec::new();
    let mut also = Vec::new();
    let mut absent = Vec::new();
    let mut apologies = Vec::new();
    let mut expected = 0;
    for a in &m.attendees {
        let value = a.attendance.clone().unwrap_or_default();
        let v = value.to_ascii_lowercase();
        let officer = is_officer(a);
        let capacity = if officer {
            a.representing.clone().or_else(|| a.key_posts.clone())
        } else {
            a.role.clone().filter(|r| !committee_role(r))
        };
        if v.is_empty() || v == "expected" {
            expected += 1;
        } else if v.contains("apolog") {
            if v.contains("substitut") {
                // The service says a substitute was sent, not who: say so, name no one.
                notes.push(format!(
                    "The council's system records \"{value}\" for {}, without naming the substitute.",
                    a.name
                ));
            }
            apologies.push(Apology {
                name: a.name.clone(),
                person: None,
                capacity: None,
                substitute: None,
                substitute_attended: None,
            });
        } else if v.starts_with("present") {
            // "Present, as expected" says nothing more than present; other wordings
            // ("Present as substitute", "Present, virtual") are kept as the capacity.
            let plain = v == "present" || v == "present, as expected";
            let capacity = if plain || officer {
                capacity
            } else {
                Some(value.clone())
            };
            let attendee = Attendee {
                name: a.name.clone(),
                person: None,
                capacity,
                chair: if officer { None } else { chair_of(a) },
            };
            if officer {
                also.push(attendee);
            } else {
                present.push(attendee);
            }
        } else if v.starts_with("in attendance") {
            also.push(Attendee {
                name: a.name.clone(),
                person: None,
                capacity,
                chair: None,
            });
        } else if v.starts_with("absent") || v.starts_with("not present") {
            absent.push(Attendee {
                name: a.name.clone(),
                person: None,
                capacity,
                chair: None,
            });
        } else {
            w.push(warn(
                WarningKind::UnknownAttendance,
                Some(id),
                None,
                format!(
                    "{}: attendance \"{value}\" is not recognised: left out",
                    a.name
                ),
            ));
        }
    }
    let recorded =
        !present.is_empty() || !also.is_empty() || !absent.is_empty() || !apologies.is_empty();
    if expected > 0 {
        w.push(warn(
            WarningKind::AttendanceNotRecorded,
            Some(id),
            None,
            format!("{expected} attendee(s) still \"Expected\" on a meeting already held: their attendance is not recorded"),
        ));
        notes.push(format!(
            "The council's system still lists {expected} {} as expected, without recording whether they attended.",
            if expected == 1 { "person" } else { "people" },
        ));
    }
    let (apologies, apologies_text) = if !apologies.is_empty() {
        (Some(apologies), None)
    } else {
        match minute_of(items, |t| t.contains("apolog"))
            .and_then(|text| parse_apologies(&text).map(|l| (l, text)))
        {
            Some((list, text)) => (Some(list), Some(text)),
            None => {
                w.push(warn(
                    WarningKind::ApologiesNotPublished,
                    Some(id),
                    None,
                    "neither the service nor an Apologies minute in the usual wording gives the apologies".into(),
                ));
                (None, None)
            }
        }
    };
    let count: Option<u32> = items
        .iter()
        .filter_map(|(it, _)| it.declaration_count)
        .fold(None, |acc, n| Some(acc.unwrap_or(0).saturating_add(n)));
    let declarations = declarations(items, count, id, w);
    let some = |v: Vec<Attendee>| (!v.is_empty()).then_some(v);
    if !recorded
        && apologies.is_none()
        && matches!(declarations, Declarations::NotPublished)
        && count.unwrap_or(0) == 0
    {
        return None;
    }
    Some(Attendance {
        present: recorded.then_some(present),
        also_present: some(also),
        not_present: some(absent),
        apologies,
        apologies_text,
        declarations,
        declarations_count: count,
    })
}

/// The whole text of the minute of the first item whose lower-case title passes `title`.
fn minute_of(
    items: &[(&MgItem, minutebook_data::AgendaItem)],
    title: impl Fn(&str) -> bool,
) -> Option<String> {
    let (it, _) = items
        .iter()
        .find(|(it, _)| title(&it.title.to_lowercase()))?;
    let html = it.minutes_html.as_deref()?;
    let text = paragraphs(html)
        .into_iter()
        .map(|p| p.text)
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}

/// The Apologies minute in its usual wordings: "There were no apologies." → none;
/// "Apologies for absence were received from Councillors A, B and C." → three names. Any
/// other wording (substitutes, reasons, several sentences) → `None`: not guessed at.
pub fn parse_apologies(text: &str) -> Option<Vec<Apology>> {
    let t = text.trim();
    let lower = t.to_lowercase();
    if (lower.starts_with("there were no apologies") || lower.starts_with("no apologies"))
        && t.matches('.').count() <= 1
    {
        return Some(Vec::new());
    }
    let list = [
        "apologies for absence were received from ",
        "apologies were received from ",
        "apologies for absence were submitted by ",
        "apologies were submitted by ",
        "apologies for absence were received on behalf of ",
    ]
    .iter()
    .find_map(|p| lower.starts_with(p).then(|| &t[p.len()..]))?;
    let list = list.strip_suffix('.').unwrap_or(list);
    if list.contains(['.', ';', '(', ')']) || lower.contains("substitut") {
        return None;
    }
    names(list).map(|ns| {
        ns.into_iter()
            .map(|name| Apology {
                name,
                person: None,
                capacity: None,
                substitute: None,
                substitute_attended: None,
            })
            .collect()
    })
}

/// "Councillors A, B and Mr C" → ["Councillor A", "Councillor B", "Mr C"]; `None` when a
/// piece does not look like a name.
fn names(list: &str) -> Option<Vec<String>> {
    let (plural, list) = match list.strip_prefix("Councillors ") {
        Some(rest) => (true, rest),
        None => (false, list),
    };
    let mut out = Vec::new();
    for piece in list.split(", ").flat_map(|p| p.split(" and ")) {
        let piece = piece.trim();
        let words: Vec<&str> = piece.split_whitespace().collect();
        let looks = !words.is_empty()
            && words.len() <= 5
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
        if !looks {
            return None;
        }
        let titled = TITLES.iter().any(|t| piece.starts_with(t));
        out.push(if plural && !titled {
            format!("Councillor {piece}")
        } else {
            piece.to_string()
        });
    }
    (!out.is_empty()).then_some(out)
}

/// Declarations from the Declarations of Interest minute when it is in the usual wording,
/// checked against the service's count. Never guessed: anything else is `not_published`
/// (with the count kept beside it).
fn declarations(
    items: &[(&MgItem, minutebook_data::AgendaItem)],
    count: Option<u32>,
    id: &str,
    w: &mut Vec<Warning>,
) -> Declarations {
    let text = minute_of(items, |t| {
        t.contains("declaration") && t.contains("interest")
    });
    let parsed = text.as_deref().and_then(parse_declarations);
    let n = count.unwrap_or(0);
    match parsed {
        Some(Declarations::NoneDeclared { text }) if n == 0 => Declarations::NoneDeclared { text },
        Some(Declarations::Declared { declarations })
            if n == 0 || declarations.len() == n as usize =>
        {
            Declarations::Declared { declarations }
        }
        _ => {
            if n > 0 {
                w.push(warn(
                    WarningKind::DeclarationsNotItemised,
                    Some(id),
                    None,
                    format!("the service counts {n} declaration(s) of interest, but the minute does not say who and what in the usual wording: only the count is published"),
                ));
            }
            Declarations::NotPublished
        }
    }
}

/// The Declarations of Interest minute in its usual wordings: "There were no declarations
/// of interest." → none declared; one paragraph per declaration of the form "Councillor X
/// declared a personal interest in item 7 as …" → declared. Anything else → `None`.
pub fn parse_declarations(text: &str) -> Option<Declarations> {
    let t = text.trim();
    let lower = t.to_lowercase();
    if (lower.starts_with("there were no declarations of interest")
        || lower.starts_with("no declarations of interest"))
        && t.matches('.').count() <= 1
    {
        return Some(Declarations::NoneDeclared {
            text: t.to_string(),
        });
    }
    // Each sentence "<name> declared a … interest …".
    let mut out = Vec::new();
    for sentence in split_sentences(t) {
        let (name, rest) = sentence.split_once(" declared ")?;
        let words: Vec<&str> = name.split_whitespace().collect();
        if !TITLES.iter().any(|p| name.starts_with(p))
            || words.len() > 5
            || !words
                .iter()
                .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        {
            return None;
        }
        let r = rest.to_lowercase();
        if !r.contains("interest") {
            return None;
        }
        let kind = if r.contains("disclosable pecuniary") {
            InterestKind::DisclosablePecuniary
        } else if r.contains("prejudicial") {
            InterestKind::Prejudicial
        } else if r.contains("non-pecuniary") || r.contains("other registrable") {
            InterestKind::Other
        } else if r.contains("personal") {
            InterestKind::Personal
        } else {
            InterestKind::NotStated
        };
        let minute = ["minute ", "item ", "agenda item "].iter().find_map(|k| {
            let i = r.find(k)?;
            let n: String = r[i + k.len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            (!n.is_empty()).then_some(n)
        });
        out.push(Declaration {
            member: name.to_string(),
            person: None,
            minute,
            nature: rest.to_string(),
            kind,
            left_room: None,
        });
    }
    (!out.is_empty()).then_some(Declarations::Declared { declarations: out })
}

fn split_sentences(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in t.match_indices(". ") {
        out.push(t[start..=i].trim());
        start = i + 2;
    }
    if start < t.len() {
        out.push(t[start..].trim());
    }
    out.into_iter().filter(|s| !s.is_empty()).collect()
}
