//! The people register from the attendees of a council's meetings.

use super::{id_with, is_officer, slug, strip_title, warn, CouncilConfig, Warning, WarningKind};
use crate::xml::{self, MgAttendee};
use minutebook_data::{PeopleRegister, Person, PersonKind, FORMAT};
use std::collections::BTreeSet;

/// The people register of a council from the attendees of its meetings: name as printed
/// (an alias, so the existing name matching finds them), party, ward and ModernGov member
/// id. With GetCouncillorsByWard's list, a councillor's party and ward are its full titles
/// (the attendee list abbreviates them). An `existing` register is kept: its people keep
/// their ids, and are found again by member id.
pub fn people_register<'a>(
    cfg: &CouncilConfig,
    attendees: impl IntoIterator<Item = &'a MgAttendee>,
    councillors: &[xml::Councillor],
    existing: Option<&PeopleRegister>,
) -> (PeopleRegister, Vec<Warning>) {
    let mut w = Vec::new();
    let mut people: Vec<Person> = existing.map(|r| r.people.clone()).unwrap_or_default();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for a in attendees {
        let key = a.member_id.clone().unwrap_or_else(|| a.name.clone());
        if !seen.insert(key) {
            continue;
        }
        let cllr = a
            .member_id
            .as_deref()
            .and_then(|mid| councillors.iter().find(|c| c.id == mid));
        let party = cllr
            .and_then(|c| c.party.clone())
            .or_else(|| a.party.clone());
        let ward = cllr.and_then(|c| c.ward.clone()).or_else(|| a.ward.clone());
        if let Some(p) = people
            .iter_mut()
            .find(|p| p.source_id.is_some() && p.source_id == a.member_id)
        {
            if !p.aliases.contains(&a.name)
                && !alias_taken(&people_aliases(existing), &a.name, &p.id)
            {
                p.aliases.push(a.name.clone());
            }
            p.party = party.or(p.party.take());
            p.ward = ward.or(p.ward.take());
            continue;
        }
        if let Some(owner) = people.iter_mut().find(|p| p.aliases.contains(&a.name)) {
            // A printed name equal to an alias always means that person (the register's
            // rule), so a hand-written entry without a member id takes this one.
            if owner.source_id.is_none() {
                owner.source_id = a.member_id.clone();
                owner.party = owner.party.take().or(party);
                owner.ward = owner.ward.take().or(ward);
            } else {
                w.push(warn(
                    WarningKind::Duplicate,
                    None,
                    None,
                    format!(
                        "\"{}\" (member {}) has the same printed name as {} (member {}): not added to the register, so the name is matched to {}",
                        a.name,
                        a.member_id.as_deref().unwrap_or("?"),
                        owner.id,
                        owner.source_id.as_deref().unwrap_or("?"),
                        owner.id
                    ),
                ));
            }
            continue;
        }
        let bare = strip_title(&a.name);
        let mut id = id_with(&cfg.id, bare, 0);
        if people.iter().any(|p| p.id == id) {
            id = format!(
                "{}-{}",
                id_with(&cfg.id, bare, 12),
                a.member_id
                    .as_deref()
                    .map_or(people.len().to_string(), slug)
            );
        }
        let kind = if is_officer(a) {
            PersonKind::Officer
        } else if cllr.is_some() || a.name.starts_with("Councillor ") || a.name.starts_with("Cllr")
        {
            PersonKind::Councillor
        } else if a
            .role
            .as_deref()
            .is_some_and(|r| r.to_lowercase().contains("co-opt"))
        {
            PersonKind::CoOptee
        } else {
            PersonKind::Other
        };
        people.push(Person {
            id,
            name: a.name.clone(),
            kind,
            aliases: vec![a.name.clone()],
            represents: None,
            notes: vec![format!(
                "From the council's ModernGov web service{}.",
                a.member_id
                    .as_deref()
                    .map(|m| format!(" (member {m})"))
                    .unwrap_or_default()
            )],
            party: if kind == PersonKind::Officer {
                None
            } else {
                party
            },
            ward: if kind == PersonKind::Officer {
                None
            } else {
                ward
            },
            source_id: a.member_id.clone(),
        });
    }
    (
        PeopleRegister {
            format: FORMAT.to_string(),
            council: cfg.id.clone(),
            people,
        },
        w,
    )
}

fn people_aliases(r: Option<&PeopleRegister>) -> Vec<(String, String)> {
    r.map(|r| {
        r.people
            .iter()
            .flat_map(|p| p.aliases.iter().map(|a| (a.clone(), p.id.clone())))
            .collect()
    })
    .unwrap_or_default()
}

fn alias_taken(aliases: &[(String, String)], name: &str, id: &str) -> bool {
    aliases.iter().any(|(a, owner)| a == name && owner != id)
}
