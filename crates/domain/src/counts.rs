//! The figures a reader (and a closing note) sees for a meeting.

use minutebook_data::{Declarations, Meeting};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MeetingCounts {
    pub agenda_items: usize,
    pub minutes: usize,
    /// Resolution parts: each numbered part counts once; an unnumbered resolution counts once.
    pub resolutions: usize,
    /// Present plus also present.
    pub attendees: usize,
    pub apologies: usize,
    pub declarations: usize,
}

pub fn meeting_counts(m: &Meeting) -> MeetingCounts {
    let att = m.attendance.as_ref();
    let len = |v: Option<&Vec<_>>| v.map_or(0, Vec::len);
    MeetingCounts {
        agenda_items: m.items.len(),
        minutes: m.minutes().count(),
        resolutions: m
            .minutes()
            .filter_map(|x| x.resolution.as_ref())
            .map(|r| r.parts.len())
            .sum(),
        attendees: att.map_or(0, |a| {
            len(a.present.as_ref()) + len(a.also_present.as_ref())
        }),
        apologies: att.map_or(0, |a| a.apologies.as_ref().map_or(0, Vec::len)),
        declarations: att.map_or(0, |a| match &a.declarations {
            Declarations::Declared { declarations } => declarations.len(),
            _ => 0,
        }),
    }
}
