//! Planned vs held: which rows of a work programme a meeting actually took, matched to its
//! agenda items by title, plus the explicit links the data gives where wording alone does
//! not show it.
//!
//! Titles are compared as sets of significant words ("Integrated Care System Update and
//! Start Well Overview" and "Integrated Care Systems and Start Well Update" share
//! integrated, care, system, start, well), scored by the overlap coefficient so that a
//! short agenda title inside a longer programme title ("Ofsted Inspection Reports" in
//! "Ofsted Inspection Reports (Termly Basis)") still counts.

use minutebook_data::{AgendaItem, Meeting, ProgrammeRow, WorkProgramme};
use std::collections::BTreeSet;

/// Words that carry no meaning for matching.
const STOP_WORDS: [&str; 13] = [
    "a", "an", "and", "by", "for", "in", "of", "on", "the", "to", "with", "update", "s",
];

/// The minimum overlap score for two titles to be the same business.
pub const THRESHOLD: f64 = 0.75;

/// Significant words of a title: lower case, apostrophes dropped, "&" read as "and",
/// split on anything else that is not a letter or digit, plural "s" taken off.
pub fn words(title: &str) -> BTreeSet<String> {
    let folded: String = title
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '‘'))
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    folded
        .split_whitespace()
        .filter(|w| !STOP_WORDS.contains(w))
        .map(|w| {
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w.to_string()
            }
        })
        .collect()
}

/// How alike two titles are, 0.0 to 1.0: shared words over the smaller set. Two titles
/// must share at least two words (or be the same single word) to score at all.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    let shared = wa.intersection(&wb).count();
    let smaller = wa.len().min(wb.len());
    if smaller == 0 || (shared < 2 && !(shared == 1 && wa == wb)) {
        return 0.0;
    }
    shared as f64 / smaller as f64
}

/// Shared words over all words: breaks ties between equally good overlaps.
fn jaccard(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    let union = wa.union(&wb).count();
    if union == 0 {
        0.0
    } else {
        wa.intersection(&wb).count() as f64 / union as f64
    }
}

/// Items every meeting has that no programme lists: apologies, declarations of interest,
/// the previous minutes and matters arising from them.
pub fn is_standing_item(title: &str) -> bool {
    let t = title.to_lowercase();
    let t = t.trim();
    [
        "apologies for absence",
        "declarations of interest",
        "declaration of interest",
        "minutes of the previous meeting",
        "matters arising",
    ]
    .iter()
    .any(|s| t.starts_with(s))
        || t == "minutes"
}

/// What happened to one planned row at one meeting.
#[derive(Clone, Debug, PartialEq)]
pub enum RowOutcome {
    /// Taken as agenda item `item` (index into `Meeting::items`).
    Considered {
        item: usize,
        how: MatchedBy,
    },
    NotOnAgenda,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    /// The titles name the same business.
    Title,
    /// The data links the row to the item (see `ProgrammeRow::agenda_links`).
    Link,
}

/// One meeting's planned-vs-held comparison for one programme version.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingComparison {
    /// Each planned row (index into `WorkProgramme::rows()`), in programme order.
    pub planned: Vec<(usize, RowOutcome)>,
    /// Agenda items (indexes) no planned row accounts for: business added to the plan.
    pub added: Vec<usize>,
    /// Standing items (apologies, declarations, minutes), not expected in a programme.
    pub standing: Vec<usize>,
}

/// Index of the agenda item a link names: by printed number, else by 1-based position.
fn item_by_number(meeting: &Meeting, number: &str) -> Option<usize> {
    meeting
        .items
        .iter()
        .position(|i| i.number.as_deref() == Some(number))
        .or_else(|| {
            number
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1 && *n <= meeting.items.len())
                .map(|n| n - 1)
        })
}

/// Compare a programme version with what a meeting took. Explicit links come first; then
/// each remaining planned row takes the best remaining agenda item whose title matches
/// (highest score first, ties to the closer wording, then programme and agenda order).
pub fn compare(programme: &WorkProgramme, meeting: &Meeting) -> MeetingComparison {
    let rows: Vec<(usize, &ProgrammeRow)> = programme
        .rows()
        .map(|(_, r)| r)
        .enumerate()
        .filter(|(_, r)| r.planned.contains(&meeting.date))
        .collect();
    let items: Vec<(usize, &AgendaItem)> = meeting.items.iter().enumerate().collect();
    let standing: Vec<usize> = items
        .iter()
        .filter(|(_, i)| is_standing_item(&i.title))
        .map(|(n, _)| *n)
        .collect();
    let mut taken_item = vec![false; meeting.items.len()];
    for n in &standing {
        taken_item[*n] = true;
    }
    let mut outcome: Vec<Option<RowOutcome>> = vec![None; rows.len()];

    for (k, (_, row)) in rows.iter().enumerate() {
        let linked = row
            .agenda_links
            .iter()
            .filter(|l| l.meeting == meeting.id)
            .find_map(|l| item_by_number(meeting, &l.item));
        if let Some(item) = linked {
            outcome[k] = Some(RowOutcome::Considered {
                item,
                how: MatchedBy::Link,
            });
            taken_item[item] = true;
        }
    }

    let mut pairs: Vec<(f64, f64, usize, usize)> = Vec::new();
    for (k, (_, row)) in rows.iter().enumerate() {
        if outcome[k].is_some() {
            continue;
        }
        for (n, item) in &items {
            if taken_item[*n] {
                continue;
            }
            let score = similarity(&row.title, &item.title);
            if score >= THRESHOLD {
                pairs.push((score, jaccard(&row.title, &item.title), k, *n));
            }
        }
    }
    pairs.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    for (_, _, k, n) in pairs {
        if outcome[k].is_none() && !taken_item[n] {
            outcome[k] = Some(RowOutcome::Considered {
                item: n,
                how: MatchedBy::Title,
            });
            taken_item[n] = true;
        }
    }

    MeetingComparison {
        planned: rows
            .iter()
            .zip(outcome)
            .map(|((i, _), o)| (*i, o.unwrap_or(RowOutcome::NotOnAgenda)))
            .collect(),
        added: (0..meeting.items.len())
            .filter(|n| !taken_item[*n])
            .collect(),
        standing,
    }
}

/// Whether the data records the business a meeting took: it was held and has items
/// (from its agenda, or from its minutes when the agenda itself is not in the data).
pub fn business_known(meeting: &Meeting) -> bool {
    meeting.status == minutebook_data::MeetingStatus::Held && !meeting.items.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_that_differ_in_wording_match() {
        let s = similarity(
            "Integrated Care System Update and Start Well Overview",
            "Integrated Care Systems and Start Well Update",
        );
        assert!(s >= THRESHOLD, "{s}");
        assert_eq!(
            similarity(
                "Ofsted Inspection Reports (Termly Basis)",
                "Ofsted Inspection Reports"
            ),
            1.0
        );
        assert_eq!(
            similarity(
                "Work Programme Update",
                "Work Programme Key Decision Forward Plan"
            ),
            1.0
        );
        assert_eq!(
            similarity(
                "Children's Commissioner",
                "Children's Services Commissioner"
            ),
            1.0
        );
        assert_eq!(similarity("Domestic Abuse", "Domestic Abuse Update"), 1.0);
        assert_eq!(
            similarity(
                "Update on Ofsted Report & Children's Services Improvement Plan/Programme",
                "Children's Services Improvement Programme"
            ),
            1.0
        );
    }

    #[test]
    fn different_business_does_not_match() {
        for (a, b) in [
            (
                "Children's Services Commissioner",
                "Children's Services Improvement Programme",
            ),
            (
                "Update on Ofsted Report and Improvement Plan",
                "Children's Services Improvement Programme",
            ),
            (
                "Ofsted Inspection Reports (Termly Basis)",
                "OFSTED REPORT AND IMPROVEMENT PLAN",
            ),
            ("Exam/Test Data", "Summer 2022 Data"),
            (
                "Early Help Services",
                "Children's Services Improvement Programme",
            ),
            ("Cabinet Member Update Reports", "Ofsted Inspection Reports"),
        ] {
            assert!(
                similarity(a, b) < THRESHOLD,
                "{a} ~ {b}: {}",
                similarity(a, b)
            );
        }
    }

    #[test]
    fn words_are_folded() {
        let w: Vec<String> = words("Children’s Services & the SEND Reports")
            .into_iter()
            .collect();
        assert_eq!(w, vec!["children", "report", "send", "service"]);
        assert!(words("Exam/Test Data").contains("exam"));
    }

    #[test]
    fn standing_items() {
        assert!(is_standing_item("Apologies for Absence"));
        assert!(is_standing_item("DECLARATIONS OF INTEREST"));
        assert!(is_standing_item("Minutes of the Previous Meeting"));
        assert!(is_standing_item("MATTERS ARISING FROM THE MINUTES"));
        assert!(!is_standing_item("Cabinet Member Reports"));
    }
}
