//! Bad files give messages that name the file and say what is wrong.

use minutebook_data::{parse, Catalogue, FormatError, LoadErrorKind, Meeting};

const GOOD: &str = r#"{
  "format": "minutebook/1",
  "id": "x-2022-11-07",
  "committee": "x",
  "date": "2022-11-07",
  "status": "held",
  "agenda_published": true,
  "minutes": "draft"
}"#;

#[test]
fn a_minimal_meeting_parses() {
    let m: Meeting = parse("data/meetings/x.json", GOOD).unwrap();
    assert_eq!(m.date.to_string(), "2022-11-07");
    assert!(
        m.attendance.is_none(),
        "absent attendance means not published"
    );
}

#[test]
fn malformed_json_names_file_and_position() {
    let e =
        parse::<Meeting>("data/meetings/x.json", "{\"format\": \"minutebook/1\",, }").unwrap_err();
    assert!(
        matches!(e.kind, LoadErrorKind::Malformed { line: 1, .. }),
        "{e:?}"
    );
    let msg = e.to_string();
    assert!(
        msg.starts_with("data/meetings/x.json is not valid JSON"),
        "{msg}"
    );
    assert!(msg.contains("line 1, column"), "{msg}");
    assert_eq!(e.headline(), "A data file is damaged");
}

#[test]
fn truncated_file_is_reported_as_cut_off() {
    let cut = &GOOD[..GOOD.len() / 2];
    let e = parse::<Meeting>("data/meetings/x.json", cut).unwrap_err();
    assert!(matches!(e.kind, LoadErrorKind::Truncated { .. }), "{e:?}");
    assert!(e.to_string().contains("is cut off"), "{e}");
    let e = parse::<Meeting>("data/meetings/x.json", "").unwrap_err();
    assert!(
        matches!(e.kind, LoadErrorKind::Truncated { .. }),
        "empty file: {e:?}"
    );
}

#[test]
fn wrong_types_name_the_field_path() {
    let bad = GOOD.replace(
        "\"agenda_published\": true",
        "\"agenda_published\": \"yes\"",
    );
    let e = parse::<Meeting>("data/meetings/x.json", &bad).unwrap_err();
    match &e.kind {
        LoadErrorKind::WrongShape { path, .. } => assert_eq!(path, "agenda_published"),
        other => panic!("{other:?}"),
    }
    let bad = GOOD.replace(
        "2022-11-07\",\n  \"status",
        "7 November 2022\",\n  \"status",
    );
    let e = parse::<Meeting>("data/meetings/x.json", &bad).unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("at date") && msg.contains("YYYY-MM-DD"),
        "{msg}"
    );
    let bad = GOOD.replace("\"held\"", "\"adjourned\"");
    let e = parse::<Meeting>("data/meetings/x.json", &bad).unwrap_err();
    assert!(e.to_string().contains("at status"), "{e}");
    let nested = GOOD.replace(
        "\"minutes\": \"draft\"",
        "\"minutes\": \"draft\", \"items\": [{\"title\": \"A\"}, {\"title\": 5}]",
    );
    let e = parse::<Meeting>("data/meetings/x.json", &nested).unwrap_err();
    assert!(e.to_string().contains("items[1].title"), "{e}");
}

#[test]
fn missing_required_field_is_named() {
    let bad = GOOD.replace("  \"committee\": \"x\",\n", "");
    let e = parse::<Meeting>("data/meetings/x.json", &bad).unwrap_err();
    assert!(e.to_string().contains("missing field `committee`"), "{e}");
}

#[test]
fn unknown_or_missing_format_version() {
    let e = parse::<Meeting>(
        "data/index.json",
        &GOOD.replace("minutebook/1", "minutebook/2"),
    )
    .unwrap_err();
    assert_eq!(
        e.kind,
        LoadErrorKind::Format(FormatError::Unknown {
            found: "minutebook/2".into()
        })
    );
    assert!(
        e.to_string().contains("this viewer reads \"minutebook/1\""),
        "{e}"
    );
    assert_eq!(
        e.headline(),
        "This data is in a format this viewer does not read"
    );
    let e = parse::<Catalogue>("data/index.json", "{\"councils\": []}").unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::Format(FormatError::Missing));
    let e = parse::<Catalogue>("data/index.json", "[1, 2]").unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::Format(FormatError::NotAnObject));
    let e = parse::<Catalogue>("data/index.json", "{\"format\": 1}").unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::Format(FormatError::NotAString));
}

#[test]
fn http_and_network_errors_are_retryable_but_bad_files_are_not() {
    use minutebook_data::LoadError;
    let e = LoadError::new("data/index.json", LoadErrorKind::Http { status: 404 });
    assert_eq!(
        e.to_string(),
        "data/index.json was not found on the server (HTTP 404)."
    );
    assert!(e.is_retryable());
    assert!(LoadError::new("f", LoadErrorKind::Http { status: 503 }).is_retryable());
    assert!(!LoadError::new("f", LoadErrorKind::Http { status: 403 }).is_retryable());
    assert!(!parse::<Meeting>("f", "{").unwrap_err().is_retryable());
}
