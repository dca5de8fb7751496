//! Name matching on names exactly as the seed papers print them.

use super::*;

fn person(id: &str, name: &str, kind: PersonKind) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: Vec::new(),
        represents: None,
        notes: Vec::new(),
        party: None,
        ward: None,
        source_id: None,
    }
}

/// A few of Sefton's people, with their names as the front page of the 7 November 2022
/// agenda pack prints them (seed 002) — no aliases, so only the logic can match.
fn sefton() -> Vec<Person> {
    use PersonKind::*;
    vec![
        person("sefton-june-burns", "Cllr. June Burns", Councillor),
        person("sefton-danny-burns", "Cllr. Danny Burns", Councillor),
        person("sefton-natasha-carlin", "Cllr. Natasha Carlin", Councillor),
        person("sefton-john-kelly", "Cllr. John Kelly", Councillor),
        person(
            "sefton-iain-brodie-browne",
            "Cllr. Iain Brodie - Browne",
            Councillor,
        ),
        person("sefton-maurice-byrne", "Maurice Byrne", CoOptee),
        person("sefton-karen-christie", "Karen Christie", CoOptee),
        person("sefton-sandra-cain", "Mrs Sandra Cain", CoOptee),
        person("sefton-des-seddon", "Father Des Seddon", CoOptee),
    ]
}

fn st_helens() -> Vec<Person> {
    use PersonKind::*;
    vec![
        person("st-helens-t-long", "Councillor T Long", Councillor),
        person("st-helens-a-johnson", "Councillor A Johnson", Councillor),
        person("st-helens-d-thorpe", "Mr D Thorpe", CoOptee),
    ]
}

fn id_of(printed: &str, people: &[Person]) -> Option<String> {
    infer(printed, people).person().map(|p| p.id.clone())
}

#[test]
fn titles_full_stops_and_hyphens_are_ignored() {
    let p = parse_name("Cllr. Iain Brodie - Browne");
    assert_eq!(p.title, Some(Title::Councillor));
    assert_eq!(p.words, ["iain", "brodie", "browne"]);
    assert_eq!(parse_name("Mr. M. Byrne").words, ["m", "byrne"]);
    assert_eq!(parse_name("Councillor T Long (Chair)").words, ["t", "long"]);
    assert_eq!(parse_name("Cr. Doyle").title, Some(Title::Councillor));
    assert_eq!(parse_name("Father Des Seddon").title, Some(Title::Father));
}

#[test]
fn names_as_printed_in_the_minutes_match_the_membership_list() {
    let people = sefton();
    for (printed, id) in [
        ("Councillor June Burns", "sefton-june-burns"),
        ("Councillor Danny Burns", "sefton-danny-burns"),
        ("Councillor Carlin", "sefton-natasha-carlin"),
        ("Councillor J. Kelly", "sefton-john-kelly"),
        ("Councillor Brodie Browne", "sefton-iain-brodie-browne"),
        ("Mr. M. Byrne", "sefton-maurice-byrne"),
        ("Ms. K. Christie", "sefton-karen-christie"),
        ("Ms. Karen Christie", "sefton-karen-christie"),
        ("Karen Christie", "sefton-karen-christie"),
        ("Mrs. S. Cain", "sefton-sandra-cain"),
        ("Father Des Seddon", "sefton-des-seddon"),
    ] {
        assert_eq!(id_of(printed, &people).as_deref(), Some(id), "{printed}");
    }
}

#[test]
fn a_surname_shared_by_two_people_is_ambiguous() {
    let people = sefton();
    match infer("Councillor Burns", &people) {
        NameMatch::Ambiguous(ps) => {
            let ids: Vec<&str> = ps.iter().map(|p| p.id.as_str()).collect();
            assert_eq!(ids, ["sefton-june-burns", "sefton-danny-burns"]);
        }
        other => panic!("expected ambiguous, got {other:?}"),
    }
    // An initial settles it.
    assert_eq!(
        id_of("Councillor J. Burns", &people).as_deref(),
        Some("sefton-june-burns")
    );
    assert_eq!(
        id_of("Councillor D Burns", &people).as_deref(),
        Some("sefton-danny-burns")
    );
}

#[test]
fn titles_keep_councillors_and_co_optees_apart() {
    let people = sefton();
    // Maurice Byrne is not a councillor; Natasha Carlin is.
    assert_eq!(infer("Councillor M. Byrne", &people), NameMatch::NoMatch);
    assert_eq!(infer("Mrs Carlin", &people), NameMatch::NoMatch);
    // A wrong initial is a different person.
    assert_eq!(infer("Mr. P. Byrne", &people), NameMatch::NoMatch);
}

#[test]
fn names_never_match_across_councils() {
    assert_eq!(infer("Councillor Carlin", &st_helens()), NameMatch::NoMatch);
    assert_eq!(infer("Mr Thorpe", &sefton()), NameMatch::NoMatch);
    assert_eq!(
        id_of("Mr Thorpe", &st_helens()).as_deref(),
        Some("st-helens-d-thorpe")
    );
    assert_eq!(
        id_of("Councillor Long", &st_helens()).as_deref(),
        Some("st-helens-t-long")
    );
}

#[test]
fn aliases_and_explicit_ids_come_first() {
    let mut people = sefton();
    people[0].aliases.push("Councillor Burns".into());
    assert_eq!(
        match_name("Councillor  Burns", None, &people)
            .person()
            .map(|p| p.id.as_str()),
        Some("sefton-june-burns")
    );
    assert!(
        matches!(match_name("Councillor Burns", Some("sefton-danny-burns"), &people), NameMatch::Explicit(p) if p.id == "sefton-danny-burns")
    );
    assert_eq!(
        match_name("Anyone", Some("sefton-nobody"), &people),
        NameMatch::UnknownId("sefton-nobody".into())
    );
}

fn names(list: &[ListedName]) -> Vec<&str> {
    list.iter().map(|l| l.name.as_str()).collect()
}

#[test]
fn present_lists_as_printed_split_into_people() {
    // Seed 003, minutes of 5 July 2022 (the line break after "Hardman," is the paper's).
    let present = split_names(
        "Councillor June Burns (in the Chair)\nCouncillor Spencer (Vice-Chair)\nCouncillors Danny Burns, Carlin, Evans, Hardman,\nKillen, Murphy, Prendergast and Wilson",
    );
    assert_eq!(
        names(&present),
        [
            "Councillor June Burns",
            "Councillor Spencer",
            "Councillor Danny Burns",
            "Councillor Carlin",
            "Councillor Evans",
            "Councillor Hardman",
            "Councillor Killen",
            "Councillor Murphy",
            "Councillor Prendergast",
            "Councillor Wilson"
        ]
    );
    assert_eq!(present[0].chair.as_deref(), Some("in the Chair"));
    assert_eq!(present[1].chair.as_deref(), Some("Vice-Chair"));

    let also = split_names(
        "Mr. M. Byrne, Healthwatch Representative\nMs. M. McDermott, Parent Governor Representative\nCouncillor Doyle – Cabinet Member – Children’s Social Care\nCouncillor Roscoe, Cabinet Member – Education\nCouncillor Brough",
    );
    assert_eq!(
        names(&also),
        [
            "Mr. M. Byrne",
            "Ms. M. McDermott",
            "Councillor Doyle",
            "Councillor Roscoe",
            "Councillor Brough"
        ]
    );
    assert_eq!(
        also[0].capacity.as_deref(),
        Some("Healthwatch Representative")
    );
    assert_eq!(
        also[2].capacity.as_deref(),
        Some("Cabinet Member – Children’s Social Care")
    );
    assert_eq!(
        also[3].capacity.as_deref(),
        Some("Cabinet Member – Education")
    );
    assert_eq!(also[4].capacity, None);

    // Seed 004, St Helens, 6 December 2021.
    let not_present = split_names(
        "Councillors Barton-Ainsworth, A Johnson, Greaves and Preston\nMr Williams (Roman Catholic Church Representative)\nMr D Thorpe (Church of England Representative)\nMiss A Kirman (Parent Governor – Primary)",
    );
    assert_eq!(
        names(&not_present),
        [
            "Councillor Barton-Ainsworth",
            "Councillor A Johnson",
            "Councillor Greaves",
            "Councillor Preston",
            "Mr Williams",
            "Mr D Thorpe",
            "Miss A Kirman"
        ]
    );
    assert_eq!(
        not_present[4].capacity.as_deref(),
        Some("Roman Catholic Church Representative")
    );
    assert_eq!(
        not_present[6].capacity.as_deref(),
        Some("Parent Governor – Primary")
    );
}

#[test]
fn apologies_minutes_split_into_people_substitutes_and_capacities() {
    // Seed 002, minutes of 27 September 2022, minute 10.
    let list = apologies_names("Apologies for absence were received from Councillors June Burns and Christine Maher; Councillor Carlin and her Substitute Councillor J. Kelly; Councillor Evans and his Substitute Councillor Brodie Browne; Ms. Karen Christie, Healthwatch Representative; and Father Des Seddon, Archdiocese Representative.");
    assert_eq!(
        names(&list),
        [
            "Councillor June Burns",
            "Councillor Christine Maher",
            "Councillor Carlin",
            "Councillor J. Kelly",
            "Councillor Evans",
            "Councillor Brodie Browne",
            "Ms. Karen Christie",
            "Father Des Seddon"
        ]
    );
    assert_eq!(list[3].substitute_for.as_deref(), Some("Councillor Carlin"));
    assert_eq!(list[5].substitute_for.as_deref(), Some("Councillor Evans"));
    assert_eq!(
        list[6].capacity.as_deref(),
        Some("Healthwatch Representative")
    );
    assert_eq!(
        list[7].capacity.as_deref(),
        Some("Archdiocese Representative")
    );

    // Seed 000, 7 November 2022: a councillor's capacity, then an untitled name.
    let list = apologies_names("Apologies for absence were received from Councillors Prendergast and Wilson, Councillor Doyle, Cabinet Member – Children’s Social Care and Karen Christie, Healthwatch.");
    assert_eq!(
        names(&list),
        [
            "Councillor Prendergast",
            "Councillor Wilson",
            "Councillor Doyle",
            "Karen Christie"
        ]
    );
    assert_eq!(
        list[2].capacity.as_deref(),
        Some("Cabinet Member – Children’s Social Care")
    );
    assert_eq!(list[3].capacity.as_deref(), Some("Healthwatch"));

    // Seed 004: "Councillors" carries on until "Mr".
    let list = apologies_names("Apologies for absence were received from Councillors Barton-Ainsworth, Greaves, A Johnson, Preston, Mr Williams, Mr Thorpe and Miss Kirman.");
    assert_eq!(
        names(&list),
        [
            "Councillor Barton-Ainsworth",
            "Councillor Greaves",
            "Councillor A Johnson",
            "Councillor Preston",
            "Mr Williams",
            "Mr Thorpe",
            "Miss Kirman"
        ]
    );
}
