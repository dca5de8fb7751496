//! Every resolution part as a decision a reader can find: what kind of decision it is
//! (noted, agreed, requested a report, arranged a briefing, recommended to Cabinet...),
//! which meeting and item it belongs to, what it refers to and what later refers back.
//!
//! The rules are documented in docs/follow-ups.md; `resolution_kind` is also used by
//! search to label resolutions.

use crate::references::{anchor, resolve, segments, Context, Segment};
use crate::requests::{norm, request};
use minutebook_data::{
    AgendaItem, Block, Catalogue, Decision, Meeting, Minute, PaperLink, RequestKind,
    ResolutionKind, ResolutionPart,
};
use std::collections::HashMap;

pub use minutebook_data::ResolutionKind as Kind;

/// Words that make a part a recommendation to another body.
const RECOMMENDED: &[&str] = &[
    "be recommended to",
    "recommended to approve",
    "recommend to the",
    "recommends that",
    "recommended that",
    "recommend the cabinet",
    "recommend the council",
];
/// A briefing or visit ...
const OCCASIONS: &[&str] = &["briefing", "visit", "workshop", "tour of"];
/// ... being arranged (or its arrangements recorded).
const ARRANGING: &[&str] = &["arrange", "invited to participate", "to be held"];
const NOTED: &[&str] = &["be noted", "received and noted", "be received", "noted"];
const AGREED: &[&str] = &[
    "be agreed",
    "be approved",
    "confirmed as a correct record",
    "approved and signed",
    "be endorsed",
    "be adopted",
    "be accepted",
    "be supported",
    "be confirmed",
    "be appointed",
    "agreed",
    "approved",
];
const DEFERRED: &[&str] = &[
    "be deferred",
    "deferred to",
    "be considered at",
    "be considered further",
];

/// What kind of decision a resolution part records. Pass the resolution's preamble and
/// the part's text together ("That the Cabinet and the Council be recommended to approve
/// ...: that the Council be requested to ..."): the preamble can make every part a
/// recommendation.
///
/// In order: a recommendation to another body; a briefing or visit arranged; a request
/// (see [`crate::requests::request`]), or a matter put off to a later meeting; then
/// "noted" or "agreed", whichever verb comes first; otherwise "other".
pub fn resolution_kind(text: &str) -> ResolutionKind {
    let t = norm(text);
    if RECOMMENDED.iter().any(|p| t.contains(p)) {
        return ResolutionKind::Recommended;
    }
    if OCCASIONS.iter().any(|p| t.contains(p)) && ARRANGING.iter().any(|p| t.contains(p)) {
        return ResolutionKind::Arranged;
    }
    if let Some(r) = request(text) {
        return if r.asks == RequestKind::Consideration {
            ResolutionKind::Deferred
        } else {
            ResolutionKind::Requested
        };
    }
    let first = |words: &[&str]| words.iter().filter_map(|w| t.find(w)).min();
    match (first(NOTED), first(AGREED)) {
        (Some(n), Some(a)) if a < n => ResolutionKind::Agreed,
        (Some(_), _) => ResolutionKind::Noted,
        (None, Some(_)) => ResolutionKind::Agreed,
        (None, None) if DEFERRED.iter().any(|p| t.contains(p)) => ResolutionKind::Deferred,
        (None, None) => ResolutionKind::Other,
    }
}

/// The preamble when it says more than "That".
pub fn meaningful_preamble(p: Option<&str>) -> Option<String> {
    let p = p?.trim();
    let bare = p.trim_end_matches(':').trim().to_ascii_lowercase();
    (!bare.is_empty() && bare != "that").then(|| p.to_string())
}

/// The text a part is classified by: preamble and part, with its bullets and sub-parts.
pub fn classified_text(preamble: Option<&str>, part: &ResolutionPart) -> String {
    let mut s = String::new();
    if let Some(p) = meaningful_preamble(preamble) {
        s.push_str(&p);
        s.push(' ');
    }
    s.push_str(&part.text);
    s
}

/// A minute-level link (or, with `part`, a part-level one) into a meeting's page.
pub fn minute_link(m: &Meeting, item: &AgendaItem, minute: &str, part: Option<&str>) -> PaperLink {
    PaperLink {
        minute: Some(minute.to_string()),
        part: part.map(str::to_string),
        item: Some(item.title.clone()),
        anchor: anchor(minute, part),
        ..meeting_link(m)
    }
}

/// A link to an agenda item (its report or note) on the meeting page: `#item-3`, the id
/// the meeting page gives the third item.
pub fn item_link(m: &Meeting, index: usize, item: &AgendaItem) -> PaperLink {
    PaperLink {
        item: Some(item.title.clone()),
        anchor: format!("item-{}", index + 1),
        ..meeting_link(m)
    }
}

/// A link to a meeting as a whole.
pub fn meeting_link(m: &Meeting) -> PaperLink {
    PaperLink {
        meeting: m.id.clone(),
        date: m.date,
        date_precision: m.date_precision,
        minute: None,
        part: None,
        item: None,
        anchor: String::new(),
    }
}

/// Where in a meeting's papers a reference to a minute was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A paragraph of a minute's narrative (`first`: the opening paragraph, where "Further
    /// to Minute No. ..., the Committee considered the report" says what the item answers).
    Narrative {
        first: bool,
    },
    MattersRaised,
    /// A resolution part of the minute (the part's top-level number, if numbered).
    Resolution {
        part: Option<String>,
    },
    /// An officer's report or the agenda's note under an item.
    Report,
    /// `Minute.references` in the data.
    Explicit,
}

/// One reference from somewhere in the papers to a minute (or a part of one).
#[derive(Clone, Debug, PartialEq)]
pub struct Occurrence {
    pub from: PaperLink,
    pub place: Place,
    /// The paragraph, point or part the reference is in, as written.
    pub text: String,
    /// The referring minute confirms earlier minutes as a correct record.
    pub confirms_minutes: bool,
    pub to_meeting: String,
    pub to_minute: String,
    pub to_part: Option<String>,
}

fn block_texts(blocks: &[Block]) -> Vec<&str> {
    blocks.iter().flat_map(Block::texts).collect()
}

fn part_texts(p: &ResolutionPart) -> Vec<&str> {
    let mut out = vec![p.text.as_str()];
    out.extend(p.bullets.iter().map(String::as_str));
    for sub in &p.parts {
        out.extend(part_texts(sub));
    }
    out
}

/// Whether a minute's resolution confirms earlier minutes ("be confirmed as a correct
/// record", "be approved and signed"): its references amend a record, not follow it up.
fn confirms_minutes(minute: &Minute) -> bool {
    minute.resolution.as_ref().is_some_and(|r| {
        r.parts.iter().any(|p| {
            let t = norm(&p.text);
            t.contains("correct record") || t.contains("approved and signed")
        }) || r
            .preamble
            .as_deref()
            .is_some_and(|p| norm(p).contains("correct record"))
    })
}

/// Every reference in the papers that resolves to a minute in the data.
pub fn occurrences(meetings: &[Meeting], catalogue: &Catalogue) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for m in meetings {
        let ctx = Context {
            meeting: &m.id,
            committee: &m.committee,
        };
        for (index, item) in m.items.iter().enumerate() {
            let mut found: Vec<(PaperLink, Place, &str, bool)> = Vec::new();
            let mut report_texts: Vec<&str> = block_texts(&item.agenda_note);
            if let Some(r) = &item.report {
                for b in [&r.summary, &r.recommendations, &r.reasons, &r.alternatives] {
                    report_texts.extend(block_texts(b));
                }
                r.sections
                    .iter()
                    .for_each(|s| report_texts.extend(block_texts(&s.blocks)));
            }
            let at_item = item_link(m, index, item);
            found.extend(
                report_texts
                    .into_iter()
                    .map(|t| (at_item.clone(), Place::Report, t, false)),
            );
            if let Some(minute) = &item.minute {
                let confirms = confirms_minutes(minute);
                let at_minute = minute_link(m, item, &minute.number, None);
                for (i, t) in block_texts(&minute.narrative).into_iter().enumerate() {
                    found.push((
                        at_minute.clone(),
                        Place::Narrative { first: i == 0 },
                        t,
                        confirms,
                    ));
                }
                for t in block_texts(&minute.narrative_after) {
                    found.push((
                        at_minute.clone(),
                        Place::Narrative { first: false },
                        t,
                        confirms,
                    ));
                }
                if let Some(mr) = &minute.matters_raised {
                    found.extend(mr.points.iter().map(|p| {
                        (
                            at_minute.clone(),
                            Place::MattersRaised,
                            p.as_str(),
                            confirms,
                        )
                    }));
                }
                if let Some(r) = &minute.resolution {
                    if let Some(p) = &r.preamble {
                        found.push((
                            at_minute.clone(),
                            Place::Resolution { part: None },
                            p.as_str(),
                            confirms,
                        ));
                    }
                    for part in &r.parts {
                        let at = minute_link(m, item, &minute.number, part.number.as_deref());
                        for t in part_texts(part) {
                            found.push((
                                at.clone(),
                                Place::Resolution {
                                    part: part.number.clone(),
                                },
                                t,
                                confirms,
                            ));
                        }
                    }
                }
                for r in &minute.references {
                    let Some(target) = &r.meeting else { continue };
                    out.push(Occurrence {
                        from: at_minute.clone(),
                        place: Place::Explicit,
                        text: r.text.clone(),
                        confirms_minutes: confirms,
                        to_meeting: target.clone(),
                        to_minute: r.minute.clone(),
                        to_part: r.part.clone(),
                    });
                }
            }
            for (from, place, text, confirms) in found {
                for seg in segments(text) {
                    let Segment::Ref(_, r) = seg else { continue };
                    let Some(target) = resolve(&r, ctx, catalogue) else {
                        continue;
                    };
                    out.push(Occurrence {
                        from: from.clone(),
                        place: place.clone(),
                        text: text.to_string(),
                        confirms_minutes: confirms,
                        to_meeting: target.meeting,
                        to_minute: r.minute.clone(),
                        to_part: r.part.clone(),
                    });
                }
            }
        }
    }
    out
}

/// A decision's identity: meeting, minute and top-level part.
pub type Key = (String, String, Option<String>);

pub fn key(d: &Decision) -> Key {
    (d.meeting.clone(), d.minute.clone(), d.part.clone())
}

/// The rows a reference lands on: the part it names, or every part of the minute when
/// it names only the minute (or a part that is not a top-level part).
pub fn targets(
    index: &HashMap<Key, usize>,
    by_minute: &HashMap<(String, String), Vec<usize>>,
    meeting: &str,
    minute: &str,
    part: Option<&str>,
) -> Vec<usize> {
    if let Some(p) = part {
        if let Some(i) = index.get(&(meeting.to_string(), minute.to_string(), Some(p.to_string())))
        {
            return vec![*i];
        }
    }
    by_minute
        .get(&(meeting.to_string(), minute.to_string()))
        .cloned()
        .unwrap_or_default()
}

/// Every resolution part of every meeting, newest meeting first and in agenda order
/// within a meeting, with links both ways. `follow_up` is left for the follow-up rules.
pub fn decisions(meetings: &[Meeting], occurrences: &[Occurrence]) -> Vec<Decision> {
    let mut rows: Vec<Decision> = Vec::new();
    for m in meetings {
        for item in &m.items {
            let Some(minute) = &item.minute else { continue };
            let Some(res) = &minute.resolution else {
                continue;
            };
            for part in &res.parts {
                let text = classified_text(res.preamble.as_deref(), part);
                rows.push(Decision {
                    meeting: m.id.clone(),
                    date: m.date,
                    date_precision: m.date_precision,
                    item: item.title.clone(),
                    item_number: item.number.clone(),
                    minute: minute.number.clone(),
                    part: part.number.clone(),
                    anchor: anchor(&minute.number, part.number.as_deref()),
                    preamble: meaningful_preamble(res.preamble.as_deref()),
                    text: part.text.clone(),
                    bullets: part.bullets.clone(),
                    parts: part.parts.clone(),
                    kind: resolution_kind(&text),
                    refers_to: Vec::new(),
                    referred_by: Vec::new(),
                    follow_up: None,
                });
            }
        }
    }
    // Newest first; the sort is stable, so agenda order survives within a meeting.
    rows.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.meeting.cmp(&b.meeting)));
    let (index, by_minute) = indexes(&rows);
    let by_id: HashMap<&str, &Meeting> = meetings.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut links: Vec<(usize, PaperLink, bool)> = Vec::new(); // (row, link, outgoing)
    for o in occurrences {
        // A minute quoting itself is not a cross-reference.
        if o.from.meeting == o.to_meeting && o.from.minute.as_deref() == Some(o.to_minute.as_str())
        {
            continue;
        }
        let to = targets(
            &index,
            &by_minute,
            &o.to_meeting,
            &o.to_minute,
            o.to_part.as_deref(),
        );
        let from_rows: Vec<usize> = match (&o.from.minute, &o.place) {
            (Some(min), Place::Resolution { part }) => {
                targets(&index, &by_minute, &o.from.meeting, min, part.as_deref())
            }
            (Some(min), _) => by_minute
                .get(&(o.from.meeting.clone(), min.clone()))
                .cloned()
                .unwrap_or_default(),
            (None, _) => Vec::new(),
        };
        for &t in &to {
            links.push((t, o.from.clone(), false));
        }
        for &f in &from_rows {
            for &t in &to {
                links.push((f, link_to(&rows[t]), true));
            }
            // A minute with no resolution (apologies, say) is still a place to link to.
            if to.is_empty() {
                if let Some(m) = by_id.get(o.to_meeting.as_str()) {
                    let item = m
                        .items
                        .iter()
                        .find(|i| i.minute.as_ref().is_some_and(|x| x.number == o.to_minute));
                    if let Some(item) = item {
                        links.push((
                            f,
                            minute_link(m, item, &o.to_minute, o.to_part.as_deref()),
                            true,
                        ));
                    }
                }
            }
        }
    }
    attach_links(&mut rows, links);
    rows
}

/// Add `(row, link, outgoing)` links to the rows' "refers to" (outgoing) or "referred to
/// by" lists, each once, then [`tidy_links`]. The decisions index and the follow-ups both
/// link rows this way, so a link reads the same in either.
pub fn attach_links(rows: &mut [Decision], links: Vec<(usize, PaperLink, bool)>) {
    for (row, link, outgoing) in links {
        let list = if outgoing {
            &mut rows[row].refers_to
        } else {
            &mut rows[row].referred_by
        };
        if !list.contains(&link) {
            list.push(link);
        }
    }
    tidy_links(rows);
}

/// Drop a minute-level link where a link to one of that minute's parts is beside it
/// ("Minute 29" says less than "Minute 29 (3)"), and order links oldest first.
pub fn tidy_links(rows: &mut [Decision]) {
    for r in rows.iter_mut() {
        for list in [&mut r.refers_to, &mut r.referred_by] {
            let precise: Vec<(String, String)> = list
                .iter()
                .filter(|l| l.part.is_some())
                .filter_map(|l| Some((l.meeting.clone(), l.minute.clone()?)))
                .collect();
            list.retain(|l| {
                l.part.is_some()
                    || !l
                        .minute
                        .as_ref()
                        .is_some_and(|m| precise.contains(&(l.meeting.clone(), m.clone())))
            });
            list.sort_by(|a, b| {
                (a.date, &a.meeting, &a.anchor).cmp(&(b.date, &b.meeting, &b.anchor))
            });
        }
    }
}

/// Rows by key, and by (meeting, minute).
pub type Indexes = (HashMap<Key, usize>, HashMap<(String, String), Vec<usize>>);

/// Lookups by key and by minute.
pub fn indexes(rows: &[Decision]) -> Indexes {
    let mut index = HashMap::new();
    let mut by_minute: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        index.insert(key(r), i);
        by_minute
            .entry((r.meeting.clone(), r.minute.clone()))
            .or_default()
            .push(i);
    }
    (index, by_minute)
}

/// "Minute 19 (3)" / "Minute 19".
pub fn minute_label(minute: &str, part: Option<&str>) -> String {
    match part {
        Some(p) => format!("Minute {minute} ({p})"),
        None => format!("Minute {minute}"),
    }
}

/// A link to the place in the papers where decision `d` was made.
pub(crate) fn link_to(d: &Decision) -> PaperLink {
    PaperLink {
        meeting: d.meeting.clone(),
        date: d.date,
        date_precision: d.date_precision,
        minute: Some(d.minute.clone()),
        part: d.part.clone(),
        item: Some(d.item.clone()),
        anchor: d.anchor.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ResolutionKind::*;

    #[test]
    fn kinds_of_the_seed_resolutions() {
        let cases = [
            ("That the Minutes of the meeting held on 15 March 2022 be confirmed as a correct record.", Agreed),
            ("that the minutes of the meeting held on 20 September 2021, be approved and signed.", Agreed),
            ("the report be noted;", Noted),
            ("That the Education Excellence Strategy for Sefton 2022-2027 be received and noted.", Noted),
            ("the revised draft Work Programme for 2022/23, as set out at Revised Appendix A to the report, be agreed, along with any additional items to be included and agreed;", Agreed),
            ("the Work Programme for 2022/23, as set out at Appendix A to the report, be noted, along with any additional items to be included and agreed;", Noted),
            ("the Head of Children’s Social Care be requested to submit a report on recruitment and support for newly qualified social workers to the Committee in 6 months’ time; and", Requested),
            ("a table be provided in reports to indicate the meanings of the acronyms used within the reports; and", Requested),
            ("an informal briefing on the Leeds Family Values model for all Committee Members be arranged in due course;", Arranged),
            ("visits by Committee Members to the Children's Services Teams based in Magdalen House, Bootle, be arranged in due course;", Arranged),
            ("the arrangements being made to hold a site visit for Committee Members to meet with Children’s Services Teams at Magdalen House, Bootle, at 2.00 p.m. on 23 November 2022, be noted;", Arranged),
            ("That the Cabinet and the Council be recommended to approve the following recommendations: that the Mayor of Sefton be requested to consider hosting an event", Recommended),
            ("the re-establishment of the Secondary School Performance and Attainment Working Group be considered further at the next meeting of the Committee;", Deferred),
            ("the Work Programme be discussed at the next meeting of the Committee scheduled for January 2022; and", Deferred),
            ("it be noted that the Committee had previously taken the decision to request to have sight of the Children's Services Improvement Plan; and", Noted),
            ("the intention to share education data at the next meeting be noted;", Noted),
            ("in relation to the cycle of performance reporting, a rotation of Children's Social Care, Education and Health performance be agreed.", Agreed),
            ("a letter be forwarded to the representatives of the Diocese and Archdiocese on the Committee, requesting them to attend meetings.", Requested),
            ("the Chair thanked officers", Other),
        ];
        for (text, kind) in cases {
            assert_eq!(resolution_kind(text), kind, "{text}");
        }
    }

    #[test]
    fn labels_are_plain_words() {
        assert_eq!(Requested.label(), "Requested a report or information");
        assert_eq!(ResolutionKind::from_key("arranged"), Some(Arranged));
        assert_eq!(ResolutionKind::from_key("nonsense"), None);
    }

    #[test]
    fn preambles_that_say_only_that_are_dropped() {
        assert_eq!(meaningful_preamble(Some("That")), None);
        assert_eq!(meaningful_preamble(Some("that:")), None);
        assert_eq!(meaningful_preamble(None), None);
        assert!(meaningful_preamble(Some(
            "That the Cabinet and the Council be recommended to approve:"
        ))
        .is_some());
    }
}
