//! GetMeeting (root `<meeting>`): everything the service gives about one meeting.

use super::*;

/// One meeting from GetMeeting, everything the service gives about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MgMeeting {
    pub id: u64,
    pub date: Date,
    pub status: Status,
    /// `isdisplayallowed`: the council shows the meeting on its public site.
    pub display_allowed: bool,
    pub time: Option<Time>,
    pub planned_finish: Option<Time>,
    pub actual_start: Option<Time>,
    pub actual_finish: Option<Time>,
    /// `meetinglocation`, the one-line venue.
    pub location: Option<String>,
    /// `meetingroom/roomdisplaytitle` (or `roomtitle`).
    pub room: Option<String>,
    pub webcast: Option<bool>,
    pub agenda_published: Option<bool>,
    pub decision_published: Option<bool>,
    pub minutes_published: Option<bool>,
    /// In the service's order; sort with [`MgMeeting::items_in_order`].
    pub items: Vec<MgItem>,
    pub attendees: Vec<MgAttendee>,
    /// Values that were present but could not be read; each was left out (`None`).
    pub problems: Vec<FieldProblem>,
}

/// An agenda item (`agendaitem`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MgItem {
    pub id: u64,
    /// Unescaped once more.
    pub title: String,
    /// `agendatext`: Word HTML.
    pub agenda_html: Option<String>,
    /// `agendaitemnumber`, the internal order (never shown).
    pub order: Option<u64>,
    pub sub_order: Option<String>,
    /// `fulldisplaynumberformat` without its trailing dot: the printed number.
    pub display_number: Option<String>,
    /// `minutesitemnumber`, with `minutesitemsubnumber` appended when there is one.
    pub minute_number: Option<String>,
    pub minutes_html: Option<String>,
    pub decision_html: Option<String>,
    pub declaration_count: Option<u32>,
    pub is_decision: Option<bool>,
    pub decision_published: Option<bool>,
    pub minute_published: Option<bool>,
    pub call_in: Option<bool>,
    pub restricted: Option<bool>,
    /// `isdisplayallowed`; an item the council does not display is never published.
    pub display_allowed: Option<bool>,
    pub documents: Vec<MgDocument>,
}

/// A linked document (`linkeddoc`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MgDocument {
    pub id: Option<u64>,
    /// Unescaped once more.
    pub title: String,
    pub is_url: Option<bool>,
    pub url: Option<String>,
    pub restricted: Option<bool>,
    pub restrictions_ref: Option<String>,
    pub order: Option<u64>,
    pub published: Option<Date>,
}

/// An attendee (`attendee`, data in attributes). Addresses, photos and contact details are
/// not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MgAttendee {
    pub member_id: Option<String>,
    /// As sent, unescaped once more: "Councillor Jeremy Hilton", or an officer's name.
    pub name: String,
    /// `roledescription`: "Chair", "Vice-Chair", "Committee Member", "Officer"…
    pub role: Option<String>,
    /// `attendance`: "Expected", "Present, as expected", "In attendance"…; open text.
    pub attendance: Option<String>,
    pub party: Option<String>,
    pub ward: Option<String>,
    pub key_posts: Option<String>,
    /// Officers' job title.
    pub representing: Option<String>,
}

impl MgMeeting {
    /// The items in agenda order (`agendaitemnumber`, then `agendaitemsubnumber`), never
    /// renumbered.
    pub fn items_in_order(&self) -> Vec<&MgItem> {
        let mut items: Vec<&MgItem> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (a.order.unwrap_or(u64::MAX), sub_key(&a.sub_order))
                .cmp(&(b.order.unwrap_or(u64::MAX), sub_key(&b.sub_order)))
        });
        items
    }
}

fn sub_key(s: &Option<String>) -> (u64, String) {
    match s {
        None => (0, String::new()),
        Some(s) => (s.parse().unwrap_or(u64::MAX), s.clone()),
    }
}

/// Read a GetMeeting body (root `<meeting>`). The meeting's id and date are required; any
/// other value that cannot be read is left out and listed in `problems`.
pub fn parse_meeting(body: &[u8]) -> Result<MgMeeting, XmlError> {
    let doc = document(body)?;
    let r = root(&doc, "meeting")?;
    let id = required(r, "meetingid", parse_number).map_err(XmlError::Field)?;
    let date = required(r, "meetingdate", parse_date).map_err(XmlError::Field)?;
    let mut problems = Vec::new();
    let p = &mut problems;
    let room = child(r, "meetingroom")
        .and_then(|room| title(room, "roomdisplaytitle").or_else(|| title(room, "roomtitle")));
    let mut items = Vec::new();
    if let Some(list) = child(r, "agendaitems") {
        for it in children(list, "agendaitem") {
            match parse_item(it, p) {
                Ok(i) => items.push(i),
                Err(e) => p.push(e),
            }
        }
    }
    let mut attendees = Vec::new();
    for a in child(r, "attendees")
        .into_iter()
        .flat_map(|a| children(a, "attendee"))
    {
        match attendee(a) {
            Some(x) => attendees.push(x),
            None => p.push(problem("attendee", "", "has no name: left out")),
        }
    }
    Ok(MgMeeting {
        id,
        date,
        status: Status::parse(&text(r, "meetingstatus").unwrap_or_default()),
        display_allowed: flag(r, "isdisplayallowed", p).unwrap_or(true),
        time: optional(r, "meetingtime", parse_time, p),
        planned_finish: optional(r, "meetingplannedfinishtime", parse_time, p),
        actual_start: optional(r, "meetingactualstarttime", parse_time, p),
        actual_finish: optional(r, "meetingactualfinishtime", parse_time, p),
        location: title(r, "meetinglocation"),
        room,
        webcast: flag(r, "iswebcast", p),
        agenda_published: flag(r, "agendapublished", p),
        decision_published: flag(r, "decisionpublished", p),
        minutes_published: flag(r, "minutepublished", p),
        items,
        attendees,
        problems,
    })
}

fn parse_item(it: Node, p: &mut Vec<FieldProblem>) -> Result<MgItem, FieldProblem> {
    let id = required(it, "agendaitemid", parse_number)?;
    let item_title = title(it, "agendaitemtitle").ok_or_else(|| {
        problem(
            "agendaitemtitle",
            "",
            format!("is missing or empty (item {id})"),
        )
    })?;
    let minute_number =
        text(it, "minutesitemnumber").map(|n| match text(it, "minutesitemsubnumber") {
            Some(s) => format!("{n}{s}"),
            None => n,
        });
    let documents = child(it, "linkeddocuments")
        .map(|d| {
            children(d, "linkeddoc")
                .filter_map(|doc| {
                    let Some(t) = title(doc, "title") else {
                        p.push(problem(
                            "linkeddoc",
                            "",
                            format!("of item {id} has no title: left out"),
                        ));
                        return None;
                    };
                    Some(MgDocument {
                        id: optional(doc, "attachmentid", parse_number, p),
                        title: t,
                        is_url: flag(doc, "isurl", p),
                        url: text(doc, "url"),
                        restricted: flag(doc, "isrestricted", p),
                        restrictions_ref: text(doc, "restrictionsRef"),
                        order: optional(doc, "itemnum", parse_number, p),
                        published: optional(doc, "publicationdate", parse_date, p),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(MgItem {
        id,
        title: item_title,
        agenda_html: text(it, "agendatext"),
        order: optional(it, "agendaitemnumber", parse_number, p),
        sub_order: text(it, "agendaitemsubnumber"),
        display_number: text(it, "fulldisplaynumberformat")
            .map(|n| n.trim_end_matches('.').trim().to_string())
            .filter(|n| !n.is_empty()),
        minute_number,
        minutes_html: text(it, "minutesnonemptyhtmlbody"),
        decision_html: text(it, "decisionnonemptyhtmlbody"),
        declaration_count: optional(it, "declarationcount", parse_number, p)
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        is_decision: flag(it, "isdecision", p),
        decision_published: flag(it, "isdecisionpublished", p),
        minute_published: flag(it, "isminutepublished", p),
        call_in: flag(it, "iscallin", p),
        restricted: flag(it, "isrestricted", p),
        display_allowed: flag(it, "isdisplayallowed", p),
        documents,
    })
}

fn attendee(a: Node) -> Option<MgAttendee> {
    let attr = |name: &str| a.attribute(name).and_then(clean).map(unescape_once);
    Some(MgAttendee {
        member_id: attr("memberid"),
        name: attr("name")?,
        role: attr("roledescription"),
        attendance: attr("attendance"),
        party: attr("politicalparty"),
        ward: attr("ward"),
        key_posts: attr("keyposts"),
        representing: attr("representing"),
    })
}
