//! Ids, links and the usual wordings of apologies and declarations.

use super::*;
use minutebook_data::{Declarations, InterestKind};

#[test]
fn ids() {
    assert_eq!(
        slug("Leader and Cabinet Members' Question Time"),
        "leader-and-cabinet-members-question-time"
    );
    assert_eq!(
        slug("Audit & Governance Committee"),
        "audit-and-governance-committee"
    );
    let d = |n| Date::new(2025, 11, n).unwrap();
    let ids = meeting_ids(
        "gloucester-cabinet",
        [(7900, d(21)), (7837, d(21)), (7838, d(22))],
    );
    assert_eq!(ids[&7837], "gloucester-cabinet-2025-11-21");
    assert_eq!(ids[&7900], "gloucester-cabinet-2025-11-21-7900");
    assert_eq!(ids[&7838], "gloucester-cabinet-2025-11-22");
    let long = id_with("gloucester", &"word ".repeat(40), 0);
    assert!(long.len() <= 100 && minutebook_data::id_problem(&long).is_none());
}

#[test]
fn urls() {
    let cfg = CouncilConfig::new("g", "G", "https://democracy.gloucester.gov.uk/");
    assert_eq!(
        normalise_url(
            &cfg,
            "https://democracy.Gloucester.gov.uk/mgConvert2PDF.aspx?ID=65461"
        )
        .as_deref(),
        Some("https://democracy.gloucester.gov.uk/mgConvert2PDF.aspx?ID=65461")
    );
    assert_eq!(
        normalise_url(&cfg, "http://democracy.gloucester.gov.uk/x").as_deref(),
        Some("https://democracy.gloucester.gov.uk/x")
    );
    assert_eq!(
        normalise_url(&cfg, "http://other.example/x").as_deref(),
        Some("http://other.example/x")
    );
    assert_eq!(normalise_url(&cfg, "javascript:alert(1)"), None);
    assert_eq!(normalise_url(&cfg, "mgConvert2PDF.aspx?ID=1"), None);
}

#[test]
fn apologies_and_declarations_wording() {
    let a = parse_apologies("Apologies for absence were received from Councillors Barton-Ainsworth, Greaves, A Johnson, Preston, Mr Williams and Miss Kirman.").unwrap();
    let names: Vec<_> = a.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Councillor Barton-Ainsworth",
            "Councillor Greaves",
            "Councillor A Johnson",
            "Councillor Preston",
            "Mr Williams",
            "Miss Kirman"
        ]
    );
    assert_eq!(parse_apologies("There were no apologies.").unwrap(), vec![]);
    assert!(parse_apologies(
        "Apologies were received from Councillor A (Councillor B substituting)."
    )
    .is_none());
    assert!(parse_apologies("Councillor A sent apologies.").is_none());
    assert!(matches!(
        parse_declarations("There were no declarations of interest."),
        Some(Declarations::NoneDeclared { .. })
    ));
    let Some(Declarations::Declared { declarations }) = parse_declarations(
        "Councillor Sarah Sawyer declared a personal interest in item 55 as a member of the County Council.",
    ) else {
        panic!("declared")
    };
    assert_eq!(declarations[0].member, "Councillor Sarah Sawyer");
    assert_eq!(declarations[0].kind, InterestKind::Personal);
    assert_eq!(declarations[0].minute.as_deref(), Some("55"));
    assert!(parse_declarations("Members noted the register.").is_none());
}
