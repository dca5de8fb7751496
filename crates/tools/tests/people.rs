//! People and the glossary against the bundled dataset: every name printed in the papers is
//! matched (by the logic alone, not only by the register's aliases), the apologies minutes
//! as written name the same people as the structured lists, each person's attendance is as
//! stated below, the attendance files are current, and the glossary is consistent.

use minutebook_data::{AtMeeting, CouncilAttendance, Person};
use minutebook_domain::people::{apologies_names, infer, match_name, NameMatch};
use minutebook_tools::{catalogue, people};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

fn dataset() -> catalogue::DataSet {
    catalogue::read_dataset(&root()).unwrap_or_else(|e| panic!("dataset errors:\n{}", e.join("\n")))
}

fn register<'a>(data: &'a catalogue::DataSet, council: &str) -> &'a [Person] {
    &data
        .people
        .iter()
        .find(|r| r.council == council)
        .expect("register")
        .people
}

fn council_of(data: &catalogue::DataSet, committee: &str) -> String {
    data.councils
        .iter()
        .find(|c| c.committees.iter().any(|k| k.id == committee))
        .unwrap()
        .council
        .id
        .clone()
}

/// Every printed name in the attendance records and membership lists, with its council.
fn printed_names(data: &catalogue::DataSet) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for c in &data.councils {
        for k in &c.committees {
            out.extend(
                k.membership
                    .iter()
                    .map(|m| (c.council.id.clone(), m.name.clone())),
            );
        }
    }
    for m in &data.meetings {
        let council = council_of(data, &m.committee);
        let Some(a) = &m.attendance else { continue };
        for list in [&a.present, &a.also_present, &a.not_present] {
            out.extend(
                list.iter()
                    .flatten()
                    .map(|x| (council.clone(), x.name.clone())),
            );
        }
        for x in a.apologies.iter().flatten() {
            out.push((council.clone(), x.name.clone()));
            out.extend(x.substitute.iter().map(|s| (council.clone(), s.clone())));
        }
        if let minutebook_data::Declarations::Declared { declarations } = &a.declarations {
            out.extend(
                declarations
                    .iter()
                    .map(|d| (council.clone(), d.member.clone())),
            );
        }
    }
    out
}

#[test]
fn every_printed_name_is_matched_by_the_logic_as_well_as_by_the_register() {
    let data = dataset();
    let names = printed_names(&data);
    assert!(names.len() > 90, "only {} printed names", names.len());
    for (council, name) in &names {
        let people = register(&data, council);
        let explicit = match_name(name, None, people)
            .person()
            .map(|p| p.id.clone());
        let logic = infer(name, people).person().map(|p| p.id.clone());
        assert!(explicit.is_some(), "{council}: \"{name}\" matches no one");
        assert_eq!(
            logic, explicit,
            "{council}: \"{name}\": the logic and the register's aliases disagree"
        );
        // Never across councils.
        for other in data.people.iter().filter(|r| &r.council != council) {
            assert!(
                infer(name, &other.people).person().is_none(),
                "\"{name}\" ({council}) matched someone in {}",
                other.council
            );
        }
    }
}

#[test]
fn a_bare_surname_shared_by_two_councillors_is_not_guessed() {
    let data = dataset();
    let sefton = register(&data, "sefton");
    match infer("Councillor Burns", sefton) {
        NameMatch::Ambiguous(ps) => {
            let ids: Vec<&str> = ps.iter().map(|p| p.id.as_str()).collect();
            assert_eq!(ids, ["sefton-june-burns", "sefton-danny-burns"]);
        }
        other => panic!("Councillor Burns: {other:?}"),
    }
    assert_eq!(
        infer("Councillor Carlin", register(&data, "st-helens")),
        NameMatch::NoMatch
    );
}

#[test]
fn apologies_minutes_as_written_name_the_same_people_as_the_lists() {
    let data = dataset();
    let mut checked = 0;
    for m in &data.meetings {
        let Some(a) = &m.attendance else { continue };
        let (Some(text), Some(list)) = (&a.apologies_text, &a.apologies) else {
            continue;
        };
        let people = register(&data, &council_of(&data, &m.committee));
        let id = |n: &str| {
            match_name(n, None, people)
                .person()
                .map(|p| p.id.clone())
                .unwrap_or_else(|| format!("unmatched {n}"))
        };
        let mut from_text: Vec<String> =
            apologies_names(text).iter().map(|l| id(&l.name)).collect();
        let mut from_list: Vec<String> = list.iter().map(|x| id(&x.name)).collect();
        from_list.extend(list.iter().filter_map(|x| x.substitute.as_deref()).map(id));
        from_text.sort();
        from_list.sort();
        assert_eq!(
            from_text, from_list,
            "{}: the apologies minute and the apologies list name different people",
            m.id
        );
        checked += 1;
    }
    assert_eq!(checked, 4, "meetings with an apologies minute");
}

/// (person id, attended, apologies, absent, not named, not recorded) on the person's committee.
/// Sefton: 4 meetings held in the data (15 March, 5 July, 27 September, 7 November 2022);
/// 15 March has no attendance record, 7 November records apologies but not who was present.
/// St Helens: 2 held (20 September, 6 December 2021); only 6 December records attendance.
const EXPECTED: &[(&str, u32, u32, u32, u32, u32)] = &[
    ("sefton-june-burns", 1, 1, 0, 0, 2),
    ("sefton-paula-spencer", 2, 0, 0, 0, 2),
    ("sefton-danny-burns", 2, 0, 0, 0, 2),
    ("sefton-natasha-carlin", 1, 1, 0, 0, 2),
    ("sefton-leo-evans", 1, 1, 0, 0, 2),
    ("sefton-judy-hardman", 2, 0, 0, 0, 2),
    ("sefton-christine-maher", 0, 1, 0, 1, 2),
    ("sefton-paula-murphy", 2, 0, 0, 0, 2),
    ("sefton-mike-prendergast", 2, 1, 0, 0, 1),
    ("sefton-andrew-wilson", 1, 1, 0, 1, 1),
    ("sefton-maurice-byrne", 2, 0, 0, 0, 2),
    ("sefton-karen-christie", 0, 3, 0, 0, 1),
    ("sefton-sandra-cain", 2, 0, 0, 0, 2),
    ("sefton-stuart-harrison", 0, 0, 0, 2, 2),
    ("sefton-des-seddon", 0, 1, 0, 1, 2),
    ("sefton-robert-brennan", 0, 0, 0, 2, 2),
    ("sefton-christine-howard", 0, 0, 0, 2, 2),
    ("sefton-greg-myers", 0, 0, 0, 2, 2),
    // Named as substitutes on 27 September 2022 (not attending): not named on 5 July.
    ("sefton-john-kelly", 0, 0, 0, 1, 2),
    ("sefton-iain-brodie-browne", 0, 0, 0, 1, 2),
    ("sefton-dave-robinson", 0, 0, 0, 2, 2),
    ("sefton-jennifer-corcoran", 0, 0, 0, 2, 2),
    ("sefton-steve-mcginnity", 0, 0, 0, 2, 2),
    ("sefton-tony-brough", 1, 0, 0, 1, 2),
    ("sefton-killen", 1, 0, 0, 1, 2),
    ("sefton-m-mcdermott", 2, 0, 0, 0, 2),
    ("sefton-c-mcdonough", 1, 0, 0, 1, 2),
    ("sefton-mhairi-doyle", 2, 1, 0, 0, 1),
    ("sefton-diane-roscoe", 2, 0, 0, 0, 2),
    ("st-helens-t-long", 1, 0, 0, 0, 1),
    ("st-helens-barton-ainsworth", 0, 1, 0, 0, 1),
    ("st-helens-greaves", 0, 1, 0, 0, 1),
    ("st-helens-a-johnson", 0, 1, 0, 0, 1),
    ("st-helens-mcdonnell", 1, 0, 0, 0, 1),
    ("st-helens-mussell", 1, 0, 0, 0, 1),
    ("st-helens-osundeko", 1, 0, 0, 0, 1),
    ("st-helens-preston", 0, 1, 0, 0, 1),
    ("st-helens-sims", 1, 0, 0, 0, 1),
    ("st-helens-sweeney", 1, 0, 0, 0, 1),
    ("st-helens-williams", 0, 1, 0, 0, 1),
    ("st-helens-d-thorpe", 0, 1, 0, 0, 1),
    ("st-helens-a-kirman", 0, 1, 0, 0, 1),
    // Recorded as not present, with no apologies from her.
    ("st-helens-p-lawson", 0, 0, 1, 0, 1),
];

#[test]
fn each_persons_attendance_is_as_stated() {
    let data = dataset();
    let all: Vec<CouncilAttendance> = people::attendance(&data);
    let mut seen = 0;
    for a in &all {
        assert!(
            a.unmatched.is_empty(),
            "{}: unmatched names {:?}",
            a.council,
            a.unmatched
        );
        for p in &a.people {
            assert_eq!(
                p.committees.len(),
                1,
                "{} is on one committee in the data",
                p.person.id
            );
            let k = &p.committees[0];
            let c = k.counts;
            println!(
                "{:32} attended {} of {} (apologies {}, absent {}), not named {}, not recorded {}, rate {}",
                p.person.name,
                c.attended,
                c.counted(),
                c.apologies,
                c.absent,
                c.not_named,
                c.not_recorded,
                c.rate_percent().map(|r| format!("{r}%")).unwrap_or_else(|| "none".into())
            );
            let want = EXPECTED
                .iter()
                .find(|e| e.0 == p.person.id)
                .unwrap_or_else(|| panic!("{} has no stated counts", p.person.id));
            let got = (
                p.person.id.as_str(),
                c.attended,
                c.apologies,
                c.absent,
                c.not_named,
                c.not_recorded,
            );
            assert_eq!(got, *want, "{}", p.person.name);
            assert_eq!(c.held, if a.council == "sefton" { 4 } else { 2 });
            assert_eq!(
                c.attended
                    + c.apologies
                    + c.absent
                    + c.substitute_only
                    + c.not_named
                    + c.not_recorded,
                c.held
            );
            seen += 1;
        }
    }
    assert_eq!(seen, EXPECTED.len());
    let sefton = all.iter().find(|a| a.council == "sefton").unwrap();
    // Rates: 2 of 3 is 67%; June Burns 1 of 2 is 50%.
    assert_eq!(
        sefton.person("sefton-mike-prendergast").unwrap().committees[0]
            .counts
            .rate_percent(),
        Some(67)
    );
    assert_eq!(
        sefton.person("sefton-june-burns").unwrap().committees[0]
            .counts
            .rate_percent(),
        Some(50)
    );
    assert_eq!(
        sefton.person("sefton-stuart-harrison").unwrap().committees[0]
            .counts
            .rate_percent(),
        None
    );
}

#[test]
fn substitutes_declarations_and_roles_are_recorded() {
    let data = dataset();
    let all = people::attendance(&data);
    let sefton = all.iter().find(|a| a.council == "sefton").unwrap();
    let at = |id: &str, meeting: &str| {
        sefton.person(id).unwrap().committees[0]
            .meetings
            .iter()
            .find(|m| m.meeting == meeting)
            .unwrap()
            .record
            .clone()
    };
    let sep = "sefton-osc-children-2022-09-27";
    match at("sefton-natasha-carlin", sep) {
        AtMeeting::Apologies {
            substitute,
            substitute_person,
            substitute_attended,
            ..
        } => {
            assert_eq!(substitute.as_deref(), Some("Councillor J. Kelly"));
            assert_eq!(substitute_person.as_deref(), Some("sefton-john-kelly"));
            assert_eq!(substitute_attended, Some(false));
        }
        other => panic!("Carlin on 27 September 2022: {other:?}"),
    }
    match at("sefton-iain-brodie-browne", sep) {
        AtMeeting::Substitute {
            for_person,
            attended,
            ..
        } => {
            assert_eq!(for_person.as_deref(), Some("sefton-leo-evans"));
            assert_eq!(attended, Some(false));
        }
        other => panic!("Brodie-Browne on 27 September 2022: {other:?}"),
    }
    assert_eq!(at("sefton-andrew-wilson", sep), AtMeeting::NotNamed);
    assert!(matches!(
        at("sefton-andrew-wilson", "sefton-osc-children-2022-11-07"),
        AtMeeting::Apologies { .. }
    ));
    assert!(matches!(
        at("sefton-danny-burns", "sefton-osc-children-2022-11-07"),
        AtMeeting::NotRecorded {
            apologies_published: true
        }
    ));
    assert!(matches!(
        at("sefton-danny-burns", "sefton-osc-children-2022-03-15"),
        AtMeeting::NotRecorded {
            apologies_published: false
        }
    ));
    let prendergast = &sefton.person("sefton-mike-prendergast").unwrap().committees[0];
    assert_eq!(prendergast.declarations.len(), 1);
    assert_eq!(prendergast.declarations[0].minute.as_deref(), Some("18"));
    assert_eq!(
        sefton
            .people
            .iter()
            .filter(|p| p.committees.iter().any(|k| !k.declarations.is_empty()))
            .count(),
        1,
        "one declaration of interest in the data"
    );
    let roles = |id: &str| sefton.person(id).unwrap().committees[0].roles.clone();
    use minutebook_data::MemberRole::*;
    assert_eq!(roles("sefton-june-burns"), [Chair]);
    assert_eq!(roles("sefton-paula-spencer"), [ViceChair]);
    assert_eq!(roles("sefton-maurice-byrne"), [Advisory]);
    assert_eq!(roles("sefton-des-seddon"), [CoOpted]);
    assert_eq!(roles("sefton-tony-brough"), [Substitute]);
    assert!(
        roles("sefton-killen").is_empty(),
        "not on the 7 November 2022 membership list"
    );
}

#[test]
fn attendance_files_and_glossary_are_current_and_consistent() {
    people::check(&root()).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let data = dataset();
    let g = data.glossary.as_ref().expect("public/data/glossary.json");
    for term in [
        "CAMHS", "SEND", "ICPC", "CfC", "CiN", "CP", "NEET", "EET", "EHE", "LAC", "MASH", "DfE",
        "HOS", "DLT", "RAG",
    ] {
        assert!(
            g.entries.iter().any(|e| e.term == term),
            "the glossary has no {term}"
        );
    }
    // St Helens' own expansions (seed 004, minute 23) are quoted as printed.
    let hos = g.entries.iter().find(|e| e.term == "HOS").unwrap();
    assert_eq!(hos.meaning, "Heads of Services");
    assert!(hos
        .source
        .as_ref()
        .unwrap()
        .quote
        .contains("Heads of Services (HOS)"));
    // RAG is never expanded in the papers, and says so.
    assert!(g
        .entries
        .iter()
        .find(|e| e.term == "RAG")
        .unwrap()
        .source
        .is_none());
}
