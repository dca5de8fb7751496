//! Values, and what is not XML.

use super::*;

#[test]
fn values() {
    assert_eq!(
        parse_date("13/01/2026"),
        Ok(Date::new(2026, 1, 13).unwrap())
    );
    assert!(parse_date("2026-01-13").is_err());
    assert!(parse_date("31/02/2026")
        .unwrap_err()
        .contains("real calendar"));
    assert!(parse_date("13/01/26").is_err());
    let t = |s| parse_time(s).map(|t| t.to_string());
    assert_eq!(t("6.30 pm").as_deref(), Ok("18:30"));
    assert_eq!(t("10.00 am").as_deref(), Ok("10:00"));
    assert_eq!(t("12.30 pm").as_deref(), Ok("12:30"));
    assert_eq!(t("12.15 am").as_deref(), Ok("00:15"));
    assert_eq!(t("12 noon").as_deref(), Ok("12:00"));
    assert_eq!(t("2 pm").as_deref(), Ok("14:00"));
    assert!(parse_time("18.30").is_err() && parse_time("13.00 pm").is_err());
    assert_eq!(parse_number(" 131"), Ok(131));
    assert_eq!(parse_bool("True"), Ok(true));
    assert!(parse_bool("Yes").is_err());
    assert_eq!(
        Status::parse("Confirmed; Special Meeting"),
        Status {
            status: "Confirmed".into(),
            meeting_type: Some("Special Meeting".into())
        }
    );
    assert_eq!(
        unescape_once("Members&#39; Question &amp; K&W &pound Q&A"),
        "Members' Question & K&W &pound Q&A"
    );
}

#[test]
fn not_xml() {
    assert_eq!(parse_meeting(b"").unwrap_err(), XmlError::Empty);
    assert_eq!(parse_meeting(b"  \r\n").unwrap_err(), XmlError::Empty);
    let stub = b"<!-- beginning of HttpRedirect.htm file -->\n<script type=\"text/javascript\">\nwindow.location = x;</script>";
    assert_eq!(parse_meeting(stub).unwrap_err(), XmlError::RedirectStub);
    let page = b"<!DOCTYPE html>\n<html><head><title>\n Error\n</title></head></html>";
    assert_eq!(
        parse_meeting(page).unwrap_err(),
        XmlError::HtmlPage {
            title: Some("Error".into())
        }
    );
    assert!(matches!(
        parse_meeting(b"<?xml version=\"1.0\"?><meeting><meetingid>1</meet").unwrap_err(),
        XmlError::Malformed { .. }
    ));
    assert_eq!(
        parse_meeting(b"<?xml version=\"1.0\"?><committees/>").unwrap_err(),
        XmlError::WrongRoot {
            expected: "meeting",
            found: "committees".into()
        }
    );
    assert!(matches!(
        parse_meeting(b"Service Unavailable").unwrap_err(),
        XmlError::NotXml { .. }
    ));
}
