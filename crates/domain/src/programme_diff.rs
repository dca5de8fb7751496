//! What changed between two versions of a work programme: rows added, removed, merged,
//! moved to another meeting, renamed and re-assigned to other lead officers.
//!
//! Rows are paired first by the same title, then by the title matching of
//! [`crate::planned`] (the best match first; ties go to the pair that shares more
//! meetings, then more lead officers). An old row that matches a new row already paired
//! with another old row has been merged into it.

use crate::dates::short_date;
use crate::planned::{similarity, THRESHOLD};
use minutebook_data::{Date, ProgrammeRow, WorkProgramme};

/// A row as it stands in one version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowRef {
    pub title: String,
    pub section: Option<String>,
    pub leads: Vec<String>,
    pub planned: Vec<Date>,
    pub notes: Vec<String>,
}

/// A row in both versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowChange {
    pub old: RowRef,
    pub new: RowRef,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgrammeDiff {
    /// Rows only in the newer version.
    pub added: Vec<RowRef>,
    /// Rows only in the older version, matching nothing in the newer.
    pub removed: Vec<RowRef>,
    /// (older row, the newer row it was folded into).
    pub merged: Vec<(RowRef, RowRef)>,
    /// Rows in both versions with something different.
    pub changed: Vec<RowChange>,
    /// Rows in both versions, the same in every respect.
    pub unchanged: Vec<RowRef>,
}

fn rows(p: &WorkProgramme) -> Vec<RowRef> {
    p.rows()
        .map(|(section, r): (Option<&str>, &ProgrammeRow)| RowRef {
            title: r.title.clone(),
            section: section.map(str::to_string),
            leads: r.leads.clone(),
            planned: {
                let mut d = r.planned.clone();
                d.sort();
                d
            },
            notes: r.notes.clone(),
        })
        .collect()
}

/// Titles that differ only in quote marks, case or spacing are the same title.
fn same_title(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.replace(['’', '‘'], "'")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    fold(a) == fold(b)
}

fn shared<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    a.iter().filter(|x| b.contains(x)).count()
}

/// Compare an older version with a newer one.
pub fn diff(older: &WorkProgramme, newer: &WorkProgramme) -> ProgrammeDiff {
    let (old, new) = (rows(older), rows(newer));
    let mut pair_of_old: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_taken = vec![false; new.len()];

    for (i, o) in old.iter().enumerate() {
        if let Some(j) =
            (0..new.len()).find(|&j| !new_taken[j] && same_title(&o.title, &new[j].title))
        {
            pair_of_old[i] = Some(j);
            new_taken[j] = true;
        }
    }

    let mut candidates: Vec<(f64, usize, usize, usize, usize)> = Vec::new();
    for (i, o) in old
        .iter()
        .enumerate()
        .filter(|(i, _)| pair_of_old[*i].is_none())
    {
        for (j, n) in new.iter().enumerate().filter(|(j, _)| !new_taken[*j]) {
            let score = similarity(&o.title, &n.title);
            if score >= THRESHOLD {
                candidates.push((
                    score,
                    shared(&o.planned, &n.planned),
                    shared(&o.leads, &n.leads),
                    i,
                    j,
                ));
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(b.2.cmp(&a.2))
            .then(a.3.cmp(&b.3))
            .then(a.4.cmp(&b.4))
    });
    for (_, _, _, i, j) in candidates {
        if pair_of_old[i].is_none() && !new_taken[j] {
            pair_of_old[i] = Some(j);
            new_taken[j] = true;
        }
    }

    let mut out = ProgrammeDiff::default();
    for (i, o) in old.iter().enumerate() {
        match pair_of_old[i] {
            Some(j) => {
                let n = &new[j];
                if o == n {
                    out.unchanged.push(n.clone());
                } else {
                    out.changed.push(RowChange {
                        old: o.clone(),
                        new: n.clone(),
                    });
                }
            }
            None => {
                // Folded into a newer row that another older row continues?
                let into = (0..new.len())
                    .filter(|&j| new_taken[j])
                    .map(|j| (similarity(&o.title, &new[j].title), j))
                    .filter(|(s, _)| *s >= THRESHOLD)
                    .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
                match into {
                    Some((_, j)) => out.merged.push((o.clone(), new[j].clone())),
                    None => out.removed.push(o.clone()),
                }
            }
        }
    }
    out.added = new
        .iter()
        .enumerate()
        .filter(|(j, _)| !new_taken[*j])
        .map(|(_, n)| n.clone())
        .collect();
    out
}

fn dates(list: &[Date]) -> String {
    let words: Vec<String> = list.iter().map(|d| short_date(*d)).collect();
    match words.len() {
        0 => "no meeting".into(),
        1 => words[0].clone(),
        n => format!("{} and {}", words[..n - 1].join(", "), words[n - 1]),
    }
}

fn leads(list: &[String]) -> String {
    if list.is_empty() {
        "no lead officer".into()
    } else {
        list.join("/")
    }
}

impl RowChange {
    pub fn renamed(&self) -> bool {
        !same_title(&self.old.title, &self.new.title)
    }
    pub fn reassigned(&self) -> bool {
        self.old.leads != self.new.leads
    }
    pub fn moved(&self) -> bool {
        self.old.planned != self.new.planned
    }

    /// What changed, one plain sentence each, as the app shows it.
    pub fn descriptions(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.renamed() {
            out.push(format!(
                "Renamed from “{}” to “{}”.",
                self.old.title, self.new.title
            ));
        }
        if self.moved() {
            let dropped: Vec<Date> = self
                .old
                .planned
                .iter()
                .filter(|d| !self.new.planned.contains(d))
                .copied()
                .collect();
            let added: Vec<Date> = self
                .new
                .planned
                .iter()
                .filter(|d| !self.old.planned.contains(d))
                .copied()
                .collect();
            if dropped.len() == 1 && added.len() == 1 {
                out.push(format!(
                    "Moved from the meeting of {} to {}.",
                    dates(&dropped),
                    dates(&added)
                ));
            } else {
                if !added.is_empty() {
                    out.push(format!("Now also planned for {}.", dates(&added)));
                }
                if !dropped.is_empty() {
                    out.push(format!("No longer planned for {}.", dates(&dropped)));
                }
            }
        }
        if self.reassigned() {
            let to = leads(&self.new.leads);
            let stop = if to.ends_with('.') { "" } else { "." };
            out.push(format!(
                "Lead changed from {} to {to}{stop}",
                leads(&self.old.leads)
            ));
        }
        if self.old.section != self.new.section {
            out.push(format!(
                "Moved from the section “{}” to “{}”.",
                self.old.section.as_deref().unwrap_or("(none)"),
                self.new.section.as_deref().unwrap_or("(none)")
            ));
        }
        if self.old.notes != self.new.notes {
            out.push(format!(
                "Notes changed from “{}” to “{}”.",
                self.old.notes.join("; "),
                self.new.notes.join("; ")
            ));
        }
        out
    }
}

/// "planned for 7 November 2022" / "not planned for any meeting".
pub fn planned_phrase(row: &RowRef) -> String {
    if row.planned.is_empty() {
        "not planned for any meeting".into()
    } else {
        format!("planned for {}", dates(&row.planned))
    }
}
