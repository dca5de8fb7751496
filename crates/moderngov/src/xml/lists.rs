//! The list methods: GetCommittees, GetMeetings and GetCouncillorsByWard.

use super::*;

// ---------------------------------------------------------------------------------------
// GetCommittees

/// A committee from GetCommittees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Committee {
    pub id: u64,
    /// Unescaped once more.
    pub title: String,
    pub deleted: bool,
    pub expired: bool,
    /// The council's free-text grouping, e.g. "Overview and Scrutiny".
    pub category: Option<String>,
}

/// Committees read from a GetCommittees body, and those left out for a bad value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Committees {
    pub committees: Vec<Committee>,
    pub rejected: Vec<Rejected>,
}

/// Read a GetCommittees body (root `<committees>`).
pub fn parse_committees(body: &[u8]) -> Result<Committees, XmlError> {
    let doc = document(body)?;
    let r = root(&doc, "committees")?;
    let mut out = Committees::default();
    for c in children(r, "committee") {
        let id = required(c, "committeeid", parse_number);
        let read = || -> Result<Committee, FieldProblem> {
            Ok(Committee {
                id: id.clone()?,
                title: title(c, "committeetitle")
                    .ok_or_else(|| problem("committeetitle", "", "is missing or empty"))?,
                deleted: match text(c, "committeedeleted") {
                    Some(v) => parse_bool(&v).map_err(|p| problem("committeedeleted", &v, p))?,
                    None => false,
                },
                expired: match text(c, "committeeexpired") {
                    Some(v) => parse_bool(&v).map_err(|p| problem("committeeexpired", &v, p))?,
                    None => false,
                },
                category: title(c, "committeecategory"),
            })
        };
        match read() {
            Ok(k) => out.committees.push(k),
            Err(p) => out.rejected.push(Rejected {
                id: id.ok(),
                problem: p,
            }),
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// GetMeetings

/// A meeting as GetMeetings lists it: enough to decide whether to fetch it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingStub {
    pub id: u64,
    pub committee_id: Option<u64>,
    pub date: Date,
    pub status: Status,
    pub time: Option<Time>,
}

/// The meetings of a GetMeetings body, and those left out for a bad value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meetings {
    pub meetings: Vec<MeetingStub>,
    pub rejected: Vec<Rejected>,
}

/// Read a GetMeetings body (root `<getmeetings>`). A meeting whose id or date cannot be
/// read is listed in `rejected`; the others are still returned. A bad time is dropped to
/// `None` (the meeting itself will be fetched with GetMeeting).
pub fn parse_meetings(body: &[u8]) -> Result<Meetings, XmlError> {
    let doc = document(body)?;
    let r = root(&doc, "getmeetings")?;
    let mut out = Meetings::default();
    for m in r.descendants().filter(|n| n.has_tag_name("meeting")) {
        let committee_id = m
            .ancestors()
            .find(|a| a.has_tag_name("committee"))
            .and_then(|c| text(c, "committeeid"))
            .and_then(|v| parse_number(&v).ok());
        let id = required(m, "meetingid", parse_number);
        let date = required(m, "meetingdate", parse_date);
        match (id, date) {
            (Ok(id), Ok(date)) => out.meetings.push(MeetingStub {
                id,
                committee_id,
                date,
                status: Status::parse(&text(m, "meetingstatus").unwrap_or_default()),
                time: text(m, "meetingtime").and_then(|t| parse_time(&t).ok()),
            }),
            (id, date) => out.rejected.push(Rejected {
                id: id.as_ref().ok().copied(),
                problem: match (id, date) {
                    (Err(p), _) | (_, Err(p)) => p,
                    _ => unreachable!("one of them failed"),
                },
            }),
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// GetCouncillorsByWard

/// A councillor from GetCouncillorsByWard: name, party and ward only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Councillor {
    pub id: String,
    /// `fullusername`, e.g. "Councillor Andrew Gravells MBE".
    pub name: String,
    /// `politicalpartytitle`, e.g. "Conservative".
    pub party: Option<String>,
    /// `wardtitle` of the ward listing them.
    pub ward: Option<String>,
}

/// Read a GetCouncillorsByWard (root `<councillorsbyward>`) or GetCouncillorsByWardId
/// (root `<councillorsbywardid>`) body. An empty `<wards>` gives an empty list.
pub fn parse_councillors(body: &[u8]) -> Result<Vec<Councillor>, XmlError> {
    let doc = document(body)?;
    let r = doc.root_element();
    if !matches!(
        r.tag_name().name(),
        "councillorsbyward" | "councillorsbywardid"
    ) {
        return Err(XmlError::WrongRoot {
            expected: "councillorsbyward",
            found: r.tag_name().name().to_string(),
        });
    }
    let mut out = Vec::new();
    for ward in r.descendants().filter(|n| n.has_tag_name("ward")) {
        let ward_title = title(ward, "wardtitle");
        for c in ward.descendants().filter(|n| n.has_tag_name("councillor")) {
            let (Some(id), Some(name)) = (text(c, "councillorid"), title(c, "fullusername")) else {
                continue;
            };
            out.push(Councillor {
                id,
                name,
                party: title(c, "politicalpartytitle"),
                ward: ward_title.clone(),
            });
        }
    }
    Ok(out)
}
