//! People: matching names as the papers print them ("Councillor Danny Burns", "Councillors
//! Danny Burns, Carlin…", "Mr. M. Byrne, Healthwatch Representative") to the people in a
//! council's register, and working out each person's attendance from the meeting files.
//!
//! Matching, in order (see docs/data-format.md, "People"):
//! 1. an explicit `person` id in the data;
//! 2. a printed name equal to one of a person's `aliases` (the register's explicit mapping);
//! 3. the name itself: titles (Councillor, Cllr., Cr., Mr., Mrs., Ms., Miss, Father, Dr)
//!    dropped, hyphens and full stops ignored, compared from the surname backwards, so an
//!    initial matches a first name ("M. Byrne" → "Maurice Byrne") and a surname alone
//!    matches ("Carlin" → "Natasha Carlin") — only when exactly one person in the council
//!    fits. "Councillor Burns" fits June Burns and Danny Burns, so it stays unmatched.
//!    "Councillor" only fits councillors, and Mr/Mrs/Ms/Miss/Father only non-councillors.
//!
//! Only one council's register is ever searched, so nobody is matched across councils.

use minutebook_data::{
    AtMeeting, AttendanceCounts, Committee, CommitteeRecord, CouncilAttendance, DeclarationMade,
    Declarations, Meeting, MeetingRecord, MeetingStatus, PeopleRegister, Person, PersonAttendance,
    PersonKind, UnmatchedName, FORMAT,
};
use std::collections::BTreeMap;

/// A title printed before a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Title {
    Councillor,
    Mr,
    Mrs,
    Ms,
    Miss,
    Father,
    Doctor,
}

fn title_of(word: &str) -> Option<Title> {
    Some(match word {
        "councillor" | "councillors" | "cllr" | "cllrs" | "cr" => Title::Councillor,
        "mr" => Title::Mr,
        "mrs" => Title::Mrs,
        "ms" => Title::Ms,
        "miss" => Title::Miss,
        "father" | "fr" => Title::Father,
        "dr" => Title::Doctor,
        _ => return None,
    })
}

/// A printed name reduced to what matching compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedName {
    pub title: Option<Title>,
    /// Lower-case words, titles removed: "Cllr. Iain Brodie - Browne" → iain, brodie, browne.
    pub words: Vec<String>,
}

/// Reduce a printed name: drop anything in brackets and the titles; hyphens, dashes and
/// full stops separate words; case is ignored.
pub fn parse_name(printed: &str) -> ParsedName {
    let mut text = String::new();
    let mut depth = 0u32;
    for c in printed.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '.' | ',' | '-' | '–' | '—' => text.push(' '),
            '’' => text.push('\''),
            c => text.extend(c.to_lowercase()),
        }
    }
    let mut title = None;
    let mut words: Vec<String> = Vec::new();
    for w in text.split_whitespace() {
        match title_of(w) {
            Some(t) if words.is_empty() => title = Some(t),
            _ => words.push(w.to_string()),
        }
    }
    ParsedName { title, words }
}

fn is_initial_of(initial: &str, word: &str) -> bool {
    initial.chars().count() == 1 && word.starts_with(initial)
}

/// Whether two names can be the same person: compared from the last word backwards over
/// the shorter name; the surname must be equal, earlier words equal or an initial of each other.
pub fn names_fit(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let n = a.len().min(b.len());
    (0..n).all(|i| {
        let (x, y) = (&a[a.len() - 1 - i], &b[b.len() - 1 - i]);
        x == y || (i > 0 && (is_initial_of(x, y) || is_initial_of(y, x)))
    })
}

fn title_fits(title: Option<Title>, kind: PersonKind) -> bool {
    match title {
        None => true,
        Some(Title::Councillor) => kind == PersonKind::Councillor,
        Some(_) => kind != PersonKind::Councillor,
    }
}

/// The fullest form of a person's name among their display name and aliases.
fn fullest(person: &Person) -> Vec<String> {
    std::iter::once(&person.name)
        .chain(&person.aliases)
        .map(|n| parse_name(n).words)
        .max_by_key(|w| (w.len(), w.iter().map(String::len).sum::<usize>()))
        .unwrap_or_default()
}

/// How a printed name was matched.
#[derive(Clone, Debug, PartialEq)]
pub enum NameMatch<'a> {
    /// The data gives the person's id.
    Explicit(&'a Person),
    /// The printed name is one of the person's aliases.
    Alias(&'a Person),
    /// Matched by the name itself (titles, initials, surname alone).
    Inferred(&'a Person),
    /// Fits more than one person.
    Ambiguous(Vec<&'a Person>),
    /// The data gives an id that is not in the register.
    UnknownId(String),
    /// Fits no one.
    NoMatch,
}

impl<'a> NameMatch<'a> {
    pub fn person(&self) -> Option<&'a Person> {
        match self {
            NameMatch::Explicit(p) | NameMatch::Alias(p) | NameMatch::Inferred(p) => Some(p),
            _ => None,
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Match a printed name (with the data's explicit id, if any) to one council's people.
pub fn match_name<'a>(
    printed: &str,
    explicit: Option<&str>,
    people: &'a [Person],
) -> NameMatch<'a> {
    if let Some(id) = explicit {
        return match people.iter().find(|p| p.id == id) {
            Some(p) => NameMatch::Explicit(p),
            None => NameMatch::UnknownId(id.to_string()),
        };
    }
    let wanted = collapse(printed);
    if let Some(p) = people
        .iter()
        .find(|p| p.aliases.iter().any(|a| collapse(a) == wanted))
    {
        return NameMatch::Alias(p);
    }
    infer(printed, people)
}

/// Match by the name alone, ignoring aliases and ids (the tested logic).
pub fn infer<'a>(printed: &str, people: &'a [Person]) -> NameMatch<'a> {
    let parsed = parse_name(printed);
    let fits: Vec<&Person> = people
        .iter()
        .filter(|p| title_fits(parsed.title, p.kind) && names_fit(&parsed.words, &fullest(p)))
        .collect();
    match fits.len() {
        0 => NameMatch::NoMatch,
        1 => NameMatch::Inferred(fits[0]),
        _ => NameMatch::Ambiguous(fits),
    }
}

mod lists;
pub use lists::{apologies_names, split_names, ListedName};

/// Works out attendance for one council.
struct Work<'a> {
    council: &'a str,
    people: &'a [Person],
    unmatched: Vec<UnmatchedName>,
}

impl<'a> Work<'a> {
    fn resolve(
        &mut self,
        name: &str,
        explicit: Option<&str>,
        committee: &str,
        meeting: Option<&str>,
        context: &str,
    ) -> Option<&'a Person> {
        let m = match_name(name, explicit, self.people);
        if let Some(p) = m.person() {
            return Some(p);
        }
        let file = format!("people/{}.json", self.council);
        let (candidates, reason) = match m {
            NameMatch::Ambiguous(ps) => {
                let names: Vec<&str> = ps.iter().map(|p| p.name.as_str()).collect();
                (
                    ps.iter().map(|p| p.id.clone()).collect(),
                    format!(
                        "could be any of {}; the papers do not say which",
                        names.join(", ")
                    ),
                )
            }
            NameMatch::UnknownId(id) => (
                Vec::new(),
                format!("the data gives person id \"{id}\", which is not in {file}"),
            ),
            _ => (Vec::new(), format!("no one in {file} has this name")),
        };
        self.unmatched.push(UnmatchedName {
            name: name.to_string(),
            committee: committee.to_string(),
            meeting: meeting.map(str::to_string),
            context: context.to_string(),
            candidates,
            reason,
        });
        None
    }
}

/// Keep each printed capacity once (a straight and a curly apostrophe are the same).
fn add_capacity<'p>(
    caps: &mut BTreeMap<&'p str, Vec<String>>,
    id: &'p str,
    capacity: &Option<String>,
) {
    let Some(c) = capacity else { return };
    let list = caps.entry(id).or_default();
    let same = |x: &String| x.replace('’', "'") == c.replace('’', "'");
    if !list.iter().any(same) {
        list.push(c.clone());
    }
}

/// Everyone in a council's register with their roles, attendance and declarations on each
/// of the council's committees, from the committees' membership lists and held meetings.
pub fn council_attendance(
    register: &PeopleRegister,
    committees: &[Committee],
    meetings: &[Meeting],
) -> CouncilAttendance {
    let mut work = Work {
        council: &register.council,
        people: &register.people,
        unmatched: Vec::new(),
    };
    // person id -> committee records, in committee order
    let mut records: BTreeMap<&str, Vec<CommitteeRecord>> = BTreeMap::new();
    for k in committees.iter().filter(|k| k.council == register.council) {
        let mut roles: BTreeMap<&str, Vec<minutebook_data::MemberRole>> = BTreeMap::new();
        for m in &k.membership {
            if let Some(p) = work.resolve(&m.name, m.person.as_deref(), &k.id, None, "membership") {
                roles.entry(&p.id).or_default().push(m.role);
            }
        }
        let mut held: Vec<&Meeting> = meetings
            .iter()
            .filter(|m| m.committee == k.id && m.status == MeetingStatus::Held)
            .collect();
        held.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        let mut at: Vec<BTreeMap<&str, AtMeeting>> = Vec::new();
        let mut declarations: BTreeMap<&str, Vec<DeclarationMade>> = BTreeMap::new();
        // Every capacity printed beside a person's name, in any list.
        let mut capacities: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for m in &held {
            let mut map: BTreeMap<&str, AtMeeting> = BTreeMap::new();
            if let Some(a) = &m.attendance {
                for (list, also, context) in [
                    (&a.present, false, "present"),
                    (&a.also_present, true, "also present"),
                ] {
                    for x in list.iter().flatten() {
                        if let Some(p) =
                            work.resolve(&x.name, x.person.as_deref(), &k.id, Some(&m.id), context)
                        {
                            add_capacity(&mut capacities, &p.id, &x.capacity);
                            map.entry(&p.id).or_insert(AtMeeting::Present {
                                name: x.name.clone(),
                                also,
                                capacity: x.capacity.clone(),
                                chair: x.chair,
                                substitute_for: None,
                            });
                        }
                    }
                }
                for x in a.apologies.iter().flatten() {
                    let member = work.resolve(
                        &x.name,
                        x.person.as_deref(),
                        &k.id,
                        Some(&m.id),
                        "apologies",
                    );
                    let sub = x
                        .substitute
                        .as_ref()
                        .and_then(|s| work.resolve(s, None, &k.id, Some(&m.id), "substitute"));
                    if let Some(p) = member {
                        add_capacity(&mut capacities, &p.id, &x.capacity);
                        map.entry(&p.id).or_insert(AtMeeting::Apologies {
                            name: x.name.clone(),
                            capacity: x.capacity.clone(),
                            substitute: x.substitute.clone(),
                            substitute_person: sub.map(|s| s.id.clone()),
                            substitute_attended: x.substitute_attended,
                        });
                    }
                    if let (Some(s), Some(printed)) = (sub, &x.substitute) {
                        match map.get_mut(s.id.as_str()) {
                            Some(AtMeeting::Present { substitute_for, .. }) => {
                                *substitute_for = Some(x.name.clone())
                            }
                            Some(_) => {}
                            None => {
                                map.insert(
                                    &s.id,
                                    AtMeeting::Substitute {
                                        name: printed.clone(),
                                        for_member: x.name.clone(),
                                        for_person: member.map(|p| p.id.clone()),
                                        attended: x.substitute_attended,
                                    },
                                );
                            }
                        }
                    }
                }
                for x in a.not_present.iter().flatten() {
                    if let Some(p) = work.resolve(
                        &x.name,
                        x.person.as_deref(),
                        &k.id,
                        Some(&m.id),
                        "not present",
                    ) {
                        add_capacity(&mut capacities, &p.id, &x.capacity);
                        map.entry(&p.id).or_insert(AtMeeting::NotPresent {
                            name: x.name.clone(),
                            capacity: x.capacity.clone(),
                        });
                    }
                }
                if let Declarations::Declared { declarations: list } = &a.declarations {
                    for d in list {
                        if let Some(p) = work.resolve(
                            &d.member,
                            d.person.as_deref(),
                            &k.id,
                            Some(&m.id),
                            "declaration",
                        ) {
                            declarations
                                .entry(&p.id)
                                .or_default()
                                .push(DeclarationMade {
                                    meeting: m.id.clone(),
                                    date: m.date,
                                    name: d.member.clone(),
                                    minute: d.minute.clone(),
                                    nature: d.nature.clone(),
                                    kind: d.kind,
                                    left_room: d.left_room,
                                });
                        }
                    }
                }
            }
            at.push(map);
        }
        for person in &register.people {
            let id = person.id.as_str();
            let named = roles.contains_key(id)
                || declarations.contains_key(id)
                || at.iter().any(|m| m.contains_key(id));
            if !named {
                continue;
            }
            let mut counts = AttendanceCounts {
                held: held.len() as u32,
                ..Default::default()
            };
            let meetings: Vec<MeetingRecord> = held
                .iter()
                .zip(&at)
                .map(|(m, map)| {
                    let record = map.get(id).cloned().unwrap_or_else(|| match &m.attendance {
                        Some(a) if a.present.is_some() => AtMeeting::NotNamed,
                        a => AtMeeting::NotRecorded {
                            apologies_published: a.as_ref().is_some_and(|a| a.apologies.is_some()),
                        },
                    });
                    match &record {
                        AtMeeting::Present { .. } => counts.attended += 1,
                        AtMeeting::Apologies { .. } => counts.apologies += 1,
                        AtMeeting::NotPresent { .. } => counts.absent += 1,
                        AtMeeting::Substitute {
                            attended: Some(true),
                            ..
                        } => counts.attended += 1,
                        AtMeeting::Substitute { .. } => counts.substitute_only += 1,
                        AtMeeting::NotNamed => counts.not_named += 1,
                        AtMeeting::NotRecorded { .. } => counts.not_recorded += 1,
                    }
                    MeetingRecord {
                        meeting: m.id.clone(),
                        date: m.date,
                        record,
                    }
                })
                .collect();
            records
                .entry(&person.id)
                .or_default()
                .push(CommitteeRecord {
                    committee: k.id.clone(),
                    roles: roles.get(id).cloned().unwrap_or_default(),
                    capacities: capacities.remove(id).unwrap_or_default(),
                    meetings,
                    counts,
                    declarations: declarations.remove(id).unwrap_or_default(),
                });
        }
    }
    let people = register
        .people
        .iter()
        .map(|p| PersonAttendance {
            person: p.clone(),
            committees: records.remove(p.id.as_str()).unwrap_or_default(),
        })
        .collect();
    CouncilAttendance {
        format: FORMAT.to_string(),
        council: register.council.clone(),
        people,
        unmatched: work.unmatched,
    }
}

#[cfg(test)]
mod tests;
