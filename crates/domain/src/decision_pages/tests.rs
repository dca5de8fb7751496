use super::*;
use minutebook_data::{Date, DatePrecision, KindCounts, FORMAT};

fn listing(committee: &str, year: i32, noted: u32, requested: u32) -> DecisionsListing {
    DecisionsListing {
        file: format!("decisions/{committee}/{year}.json"),
        council: committee.split('-').next().unwrap().to_string(),
        committee: committee.to_string(),
        year,
        counts: KindCounts {
            noted,
            requested,
            ..KindCounts::default()
        },
    }
}

fn index() -> DecisionsIndex {
    DecisionsIndex {
        format: FORMAT.into(),
        files: vec![
            listing("a-one", 2022, 60, 10),
            listing("b-two", 2022, 50, 0),
            listing("a-one", 2021, 100, 5),
            listing("a-one", 2020, 40, 0),
        ],
        follow_ups: vec![],
    }
}

#[test]
fn query_round_trip() {
    let f = DecisionFilter {
        council: Some("sefton".into()),
        committee: None,
        year: Some(2022),
        kind: Some(ResolutionKind::Requested),
    };
    let q = f.to_query(2);
    assert_eq!(q, "?council=sefton&year=2022&kind=requested&page=2");
    let pairs: Vec<(String, String)> = q[1..]
        .split('&')
        .map(|p| {
            p.split_once('=')
                .map(|(a, b)| (a.into(), b.into()))
                .unwrap()
        })
        .collect();
    let get = |k: &str| pairs.iter().find(|(a, _)| a == k).map(|(_, b)| b.clone());
    assert_eq!(DecisionFilter::from_query(get), f);
    assert_eq!(page_from(get), 2);
    assert_eq!(DecisionFilter::default().to_query(1), "");
    // Junk is ignored rather than failing.
    let junk = |k: &str| Some(if k == "page" { "-3" } else { "nonsense" }.to_string());
    let f = DecisionFilter::from_query(junk);
    assert_eq!((f.year, f.kind), (None, None));
    assert_eq!(page_from(junk), 1);
    // "2022/23" (as a reader might type it) means 2022.
    assert_eq!(
        DecisionFilter::from_query(|k| (k == "year").then(|| "2022/23".to_string())).year,
        Some(2022)
    );
}

#[test]
fn first_page_needs_only_the_newest_year() {
    let p = plan(&index(), &DecisionFilter::default(), 1, 100);
    assert_eq!((p.total, p.pages, p.page), (265, 3, 1));
    assert_eq!(
        p.files,
        vec!["decisions/a-one/2022.json", "decisions/b-two/2022.json"]
    );
    assert_eq!((p.skip, p.take), (0, 100));
}

#[test]
fn a_page_spanning_two_years_fetches_both() {
    let p = plan(&index(), &DecisionFilter::default(), 2, 100);
    assert_eq!(
        p.files,
        vec![
            "decisions/a-one/2022.json",
            "decisions/b-two/2022.json",
            "decisions/a-one/2021.json"
        ]
    );
    assert_eq!((p.skip, p.take), (100, 100));
    let p = plan(&index(), &DecisionFilter::default(), 3, 100);
    assert_eq!(
        p.files,
        vec!["decisions/a-one/2021.json", "decisions/a-one/2020.json"]
    );
    assert_eq!((p.skip, p.take), (80, 65));
    // Beyond the end: the last page.
    assert_eq!(plan(&index(), &DecisionFilter::default(), 99, 100).page, 3);
}

#[test]
fn filters_choose_files_by_counts() {
    let f = DecisionFilter {
        kind: Some(ResolutionKind::Requested),
        ..Default::default()
    };
    let p = plan(&index(), &f, 1, 100);
    assert_eq!(p.total, 15);
    assert_eq!(
        p.files,
        vec!["decisions/a-one/2022.json", "decisions/a-one/2021.json"]
    );
    let f = DecisionFilter {
        council: Some("b".into()),
        ..Default::default()
    };
    assert_eq!(
        plan(&index(), &f, 1, 100).files,
        vec!["decisions/b-two/2022.json"]
    );
    let f = DecisionFilter {
        year: Some(2019),
        ..Default::default()
    };
    let p = plan(&index(), &f, 1, 100);
    assert_eq!((p.total, p.pages, p.files.len()), (0, 1, 0));
}

fn decision(meeting: &str, date: &str, minute: &str, kind: ResolutionKind) -> Decision {
    Decision {
        meeting: meeting.into(),
        date: Date::parse(date).unwrap(),
        date_precision: DatePrecision::Day,
        item: "Item".into(),
        item_number: None,
        minute: minute.into(),
        part: None,
        anchor: format!("minute-{minute}"),
        preamble: None,
        text: "text".into(),
        bullets: vec![],
        parts: vec![],
        kind,
        refers_to: vec![],
        referred_by: vec![],
        follow_up: None,
    }
}

#[test]
fn rows_merge_newest_first_keeping_agenda_order() {
    use ResolutionKind::*;
    let a = DecisionsFile {
        format: FORMAT.into(),
        committee: "a-one".into(),
        year: 2022,
        decisions: vec![
            decision("a-2022-11-07", "2022-11-07", "22", Agreed),
            decision("a-2022-11-07", "2022-11-07", "23", Noted),
            decision("a-2022-09-27", "2022-09-27", "12", Noted),
        ],
    };
    let b = DecisionsFile {
        format: FORMAT.into(),
        committee: "b-two".into(),
        year: 2022,
        decisions: vec![decision("b-2022-10-01", "2022-10-01", "5", Noted)],
    };
    let f = DecisionFilter::default();
    let p = PagePlan {
        total: 4,
        pages: 1,
        page: 1,
        files: vec![],
        skip: 0,
        take: 100,
    };
    let got: Vec<String> = page_rows(&[a.clone(), b.clone()], &f, &p)
        .iter()
        .map(|d| d.minute.clone())
        .collect();
    assert_eq!(got, vec!["22", "23", "5", "12"]);
    let f = DecisionFilter {
        kind: Some(Noted),
        ..Default::default()
    };
    let p = PagePlan {
        total: 3,
        pages: 2,
        page: 2,
        files: vec![],
        skip: 2,
        take: 2,
    };
    let got: Vec<String> = page_rows(&[a, b], &f, &p)
        .iter()
        .map(|d| d.minute.clone())
        .collect();
    assert_eq!(got, vec!["12"]);
}

#[test]
fn page_link_gaps() {
    assert_eq!(page_links(1, 1), vec![Some(1)]);
    assert_eq!(page_links(1, 3), vec![Some(1), Some(2), Some(3)]);
    assert_eq!(
        page_links(10, 20),
        vec![
            Some(1),
            None,
            Some(8),
            Some(9),
            Some(10),
            Some(11),
            Some(12),
            None,
            Some(20)
        ]
    );
}

#[test]
fn follow_up_filter_query() {
    let f = FollowUpFilter {
        council: None,
        committee: Some("st-helens-cyp-scrutiny".into()),
        status: Some(FollowUpStatus::Outstanding),
    };
    assert_eq!(
        f.to_query(1),
        "?committee=st-helens-cyp-scrutiny&status=outstanding"
    );
    let q = f.to_query(1);
    let get = |k: &str| {
        q[1..]
            .split('&')
            .find_map(|p| p.strip_prefix(&format!("{k}=")).map(str::to_string))
    };
    assert_eq!(FollowUpFilter::from_query(get), f);
}
