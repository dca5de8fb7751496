//! `minutebook import moderngov` end to end: the real client over loopback against a real
//! HTTP server serving the real Gloucester responses, into a temporary data folder that
//! must then pass `minutebook check`; a second run makes only conditional requests and
//! rewrites no file; a failing council never stops the others; a failure leaves the data
//! folder as it was.

#[path = "../../moderngov/tests/server/mod.rs"]
mod server;

use minutebook_data::Date;
use minutebook_tools::import::{self, CouncilSpec, Options};
use server::{fixture, Reply, Server};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

fn d(y: i32, m: u8, dd: u8) -> Date {
    Date::new(y, m, dd).unwrap()
}

/// Gloucester's Cabinet (committee 129) in the fortnight of its meeting of 21 November 2025.
fn cabinet(base: &str) -> CouncilSpec {
    CouncilSpec {
        base: base.to_string(),
        id: "gloucester".into(),
        name: "Gloucester City Council".into(),
        committees: vec![129],
        include_expired: false,
        from: Some(d(2025, 11, 15)),
        to: Some(d(2025, 11, 30)),
        councillors: false,
    }
}

fn options(data: &Path, cache: &Path) -> Options {
    let mut o = Options::new(data.to_path_buf());
    o.throttle = Duration::ZERO;
    o.cache = Some(cache.to_path_buf());
    o.today = d(2026, 1, 20);
    o.progress = false;
    o.backoff = Duration::from_millis(10);
    o
}

/// Every file under `dir` with its modification time.
fn mtimes(dir: &Path) -> BTreeMap<String, SystemTime> {
    minutebook_tools::files::list_files(dir)
        .into_iter()
        .map(|rel| {
            let t = std::fs::metadata(dir.join(&rel))
                .unwrap()
                .modified()
                .unwrap();
            (rel, t)
        })
        .collect()
}

#[test]
fn a_council_imports_into_an_empty_folder_that_passes_check_and_a_second_run_changes_nothing() {
    let s = Server::start(server::gloucester);
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let data_dir = data.path().join("data");
    let opts = options(&data_dir, cache.path());

    let report = import::run(&[cabinet(&s.base)], &opts);
    let summary = report.summary();
    // Shown with --nocapture: what a publisher sees.
    eprintln!("{summary}");
    assert_eq!(report.exit_code(), import::exit::OK, "{summary}");
    let c = &report.councils[0];
    assert_eq!(c.committees, 1, "{summary}");
    assert_eq!(
        (c.meetings_new, c.meetings_changed, c.meetings_unchanged),
        (1, 0, 0),
        "{summary}"
    );
    assert_eq!(c.items, 5, "{summary}");
    assert!(summary.contains(&s.base), "{summary}");
    minutebook_tools::check(&data_dir).unwrap_or_else(|e| panic!("{e:#?}"));
    let meeting = data_dir.join("meetings/gloucester-cabinet-2025-11-21.json");
    let text = std::fs::read_to_string(&meeting).unwrap();
    assert!(text.contains("\"source_id\": \"7837\""), "{text}");
    for f in [
        "index.json",
        "councils/gloucester.json",
        "people/gloucester.json",
        "attendance/gloucester.json",
    ] {
        assert!(
            data_dir.join(f).exists(),
            "{f} missing; wrote {:?}",
            report.written
        );
    }
    // GetCommittees, one GetMeetings (one window), one GetMeeting.
    let first = s.seen();
    assert_eq!(first.len(), 3, "{first:#?}");
    assert!(first.iter().all(|r| !r.conditional()));
    assert!(first.iter().all(|r| r
        .user_agent
        .as_deref()
        .unwrap()
        .starts_with("Minutebook-importer/")));

    // Next week: the recent meeting is asked for again, but only conditionally, and no file is rewritten.
    let before = mtimes(&data_dir);
    s.clear();
    let report = import::run(&[cabinet(&s.base)], &opts);
    let summary = report.summary();
    assert_eq!(report.exit_code(), import::exit::OK, "{summary}");
    let again = s.seen();
    assert_eq!(again.len(), 3, "{again:#?}");
    assert!(again.iter().all(|r| r.conditional()), "{again:#?}");
    assert_eq!(report.councils[0].requests.not_modified, 3);
    assert!(report.written.is_empty(), "{:?}", report.written);
    assert!(report.removed.is_empty(), "{:?}", report.removed);
    let c = &report.councils[0];
    assert_eq!(
        (c.meetings_new, c.meetings_changed, c.meetings_unchanged),
        (0, 0, 1),
        "{summary}"
    );
    assert_eq!(mtimes(&data_dir), before, "a file was rewritten");
    minutebook_tools::check(&data_dir).unwrap();
}

#[test]
fn an_old_meeting_with_minutes_is_not_fetched_again() {
    let s = Server::start(server::gloucester);
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut opts = options(data.path(), cache.path());
    assert_eq!(import::run(&[cabinet(&s.base)], &opts).exit_code(), 0);
    // A year on, with its minutes published, the meeting is left alone.
    opts.today = d(2026, 11, 21);
    s.clear();
    let report = import::run(&[cabinet(&s.base)], &opts);
    assert_eq!(report.exit_code(), 0, "{}", report.summary());
    assert!(
        s.seen()
            .iter()
            .all(|r| server::method(&r.url) != "GetMeeting"),
        "{:#?}",
        s.seen()
    );
    assert_eq!(report.councils[0].meetings_unchanged, 1);
}

#[test]
fn a_dry_run_says_what_would_change_and_writes_nothing() {
    let s = Server::start(server::gloucester);
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut opts = options(data.path(), cache.path());
    opts.dry_run = true;
    let report = import::run(&[cabinet(&s.base)], &opts);
    assert_eq!(report.exit_code(), 0, "{}", report.summary());
    assert!(report
        .written
        .contains(&"meetings/gloucester-cabinet-2025-11-21.json".to_string()));
    assert!(
        report.summary().contains("would write"),
        "{}",
        report.summary()
    );
    assert!(
        mtimes(data.path()).is_empty(),
        "the dry run wrote {:?}",
        mtimes(data.path())
    );
}

#[test]
fn one_failing_council_never_stops_the_others() {
    let good = Server::start(server::gloucester);
    let walled = Server::start(|_: &str, _: usize| Reply::Status(403));
    let page = Server::start(|_: &str, _: usize| {
        Reply::Body(
            fixture("errors/leeds-2016-not-xml-sharepoint-error.html"),
            "text/html",
        )
    });
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let opts = options(data.path(), cache.path());
    let mut other = cabinet(&walled.base);
    other.id = "walled".into();
    let mut third = cabinet(&page.base);
    third.id = "web-page".into();
    let report = import::run(&[other, cabinet(&good.base), third], &opts);
    let summary = report.summary();
    assert_eq!(report.exit_code(), import::exit::PARTIAL, "{summary}");
    assert!(
        summary.contains(&format!(
            "{}/mgWebService.asmx/GetCommittees answered HTTP 403",
            walled.base
        )),
        "{summary}"
    );
    assert!(
        summary.contains(&format!(
            "{}/mgWebService.asmx/GetCommittees answered a web page, not XML (HTTP 200, text/html)",
            page.base
        )),
        "{summary}"
    );
    assert_eq!(report.councils[1].meetings_new, 1, "{summary}");
    minutebook_tools::check(data.path()).unwrap();
}

#[test]
fn when_every_council_fails_the_folder_is_untouched_and_the_status_says_so() {
    let down = Server::start(|_: &str, _: usize| Reply::Status(503));
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let opts = options(data.path(), cache.path());
    let report = import::run(&[cabinet(&down.base)], &opts);
    assert_eq!(
        report.exit_code(),
        import::exit::ALL_FAILED,
        "{}",
        report.summary()
    );
    assert!(mtimes(data.path()).is_empty());
    assert_eq!(down.seen().len(), 4, "one attempt and three retries");
}

#[test]
fn a_meeting_that_cannot_be_fetched_is_a_warning_and_the_rest_is_imported() {
    let s = Server::start(server::gloucester);
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let opts = options(data.path(), cache.path());
    let mut spec = cabinet(&s.base);
    // 12 November (meeting 7609: no fixture, the server answers 404) and 21 November.
    spec.from = Some(d(2025, 11, 1));
    let report = import::run(&[spec], &opts);
    let summary = report.summary();
    assert_eq!(report.exit_code(), 0, "{summary}");
    assert!(
        summary.contains("warning meetings that could not be fetched: 1"),
        "{summary}"
    );
    assert!(
        summary.contains("GetMeeting?lMeetingId=7609 answered HTTP 404"),
        "{summary}"
    );
    assert_eq!(report.councils[0].meetings_new, 1);
}

#[test]
fn the_command_runs_with_its_exit_statuses() {
    let s = Server::start(server::gloucester);
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_minutebook");
    let out = Command::new(bin)
        .args(["import", "moderngov", &s.base, "--council", "gloucester"])
        .args(["--name", "Gloucester City Council", "--committee", "129"])
        .args([
            "--from",
            "2025-11-15",
            "--to",
            "2025-11-30",
            "--throttle-ms",
            "0",
        ])
        .args(["--today", "2026-01-20", "--cache"])
        .arg(cache.path())
        .arg(data.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("meetings 1 new, 0 changed, 0 unchanged; 5 agenda items"),
        "{stdout}"
    );
    let check = Command::new(bin)
        .arg("check")
        .arg(data.path())
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    // A usage error is 2; a council that cannot be reached at all is 3.
    let usage = Command::new(bin)
        .args(["import", "moderngov", &s.base])
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
    let config = data.path().join("../councils-test.toml");
    std::fs::write(
        &config,
        "[[council]]\nbase = \"http://127.0.0.1:9\"\nid = \"nowhere\"\nname = \"Nowhere\"\n",
    )
    .unwrap();
    let unreachable = Command::new(bin)
        .args(["import", "moderngov", "--config"])
        .arg(&config)
        .args(["--throttle-ms", "0", "--timeout-s", "1", "--no-cache"])
        .arg(data.path())
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&config);
    assert_eq!(
        unreachable.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&unreachable.stderr)
    );
    assert!(String::from_utf8_lossy(&unreachable.stderr)
        .contains("http://127.0.0.1:9/mgWebService.asmx/GetCommittees could not be reached"));
}

#[test]
fn when_the_staged_data_are_refused_nothing_is_written() {
    let s = Server::start(server::gloucester);
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let opts = options(data.path(), cache.path());
    let mut spec = cabinet(&s.base);
    spec.to = Some(d(2025, 11, 20));
    // First run: nothing in that window but the committee itself.
    assert_eq!(import::run(&[spec], &opts).exit_code(), 0);
    // A hand-written council file claims the same committee id: the catalogue refuses it.
    let clash = r#"{"format":"minutebook/1","council":{"id":"other","name":"Other"},
        "committees":[{"id":"gloucester-cabinet","council":"other","title":"Cabinet"}]}"#;
    std::fs::write(data.path().join("councils/other.json"), clash).unwrap();
    let before = mtimes(data.path());
    let report = import::run(&[cabinet(&s.base)], &opts);
    let summary = report.summary();
    assert_eq!(report.exit_code(), import::exit::PARTIAL, "{summary}");
    assert!(
        summary.contains("The data would not pass `minutebook check`, so nothing was written"),
        "{summary}"
    );
    assert!(summary.contains("gloucester-cabinet"), "{summary}");
    assert_eq!(mtimes(data.path()), before, "the data folder changed");
    assert!(!data
        .path()
        .join("meetings/gloucester-cabinet-2025-11-21.json")
        .exists());
}

#[test]
fn councillors_give_names_party_and_ward_and_never_an_address_or_phone() {
    let s = Server::start(server::gloucester);
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let opts = options(data.path(), cache.path());
    let mut spec = cabinet(&s.base);
    spec.councillors = true;
    let report = import::run(&[spec], &opts);
    assert_eq!(report.exit_code(), 0, "{}", report.summary());
    assert!(s
        .seen()
        .iter()
        .any(|r| server::method(&r.url) == "GetCouncillorsByWard"));
    let people = std::fs::read_to_string(data.path().join("people/gloucester.json")).unwrap();
    // The attendee list abbreviates ("LIBDEM", "K&W"); the ward list gives the full titles.
    assert!(
        people.contains("\"party\": \"Liberal Democrat\""),
        "{people}"
    );
    assert!(
        people.contains("\"ward\": \"Kingsholm and Wotton\""),
        "{people}"
    );
    for f in mtimes(data.path()).keys() {
        let text = std::fs::read_to_string(data.path().join(f)).unwrap();
        for private in ["REDACTED", "homeaddress", "mobile", "postcode"] {
            assert!(!text.contains(private), "{f} contains {private}");
        }
    }
}

#[test]
fn two_real_councils_from_a_config_file() {
    let glos = Server::start(server::gloucester);
    let manc = Server::start(server::manchester);
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let config = data.path().join("councils.toml");
    std::fs::write(
        &config,
        format!(
            "[[council]]\nbase = \"{}\"\nid = \"gloucester\"\nname = \"Gloucester City Council\"\ncommittees = [129]\nfrom = \"2025-11-15\"\nto = \"2025-11-30\"\n\n[[council]]\nbase = \"{}/mgWebService.asmx\"\nid = \"manchester\"\nname = \"Manchester City Council\"\nfrom = \"2026-01-01\"\nto = \"2026-02-28\"\n",
            glos.base, manc.base
        ),
    )
    .unwrap();
    let councils = import::read_config(&config).unwrap();
    std::fs::remove_file(&config).unwrap();
    assert_eq!(councils.len(), 2);
    let report = import::run(&councils, &options(data.path(), cache.path()));
    let summary = report.summary();
    assert_eq!(report.exit_code(), 0, "{summary}");
    let m = &report.councils[1];
    // The expired appointment sub-committee is skipped; the Art Galleries Committee lists
    // nothing (404 here) and meeting 4967 cannot be fetched: warnings, not failures.
    assert_eq!(m.committees, 2, "{summary}");
    assert_eq!(m.meetings_new, 1, "{summary}");
    assert!(
        summary.contains(&format!(
            "{}/mgWebService.asmx/GetMeeting?lMeetingId=4967 answered HTTP 404",
            manc.base
        )),
        "{summary}"
    );
    assert!(
        summary.contains(&format!(
            "{}/mgWebService.asmx/GetMeetings?lCommitteeId=163",
            manc.base
        )),
        "{summary}"
    );
    let cancelled = std::fs::read_to_string(
        data.path()
            .join("meetings/manchester-audit-committee-2026-01-13.json"),
    )
    .unwrap();
    assert!(
        cancelled.contains("\"status\": \"cancelled\""),
        "{cancelled}"
    );
    minutebook_tools::check(data.path()).unwrap_or_else(|e| panic!("{e:#?}"));
}

#[test]
fn a_config_file_with_an_unknown_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("councils.toml");
    std::fs::write(
        &config,
        "[[council]]\nbase = \"https://x\"\nid = \"x\"\nname = \"X\"\ncommitee = [1]\n",
    )
    .unwrap();
    let e = import::read_config(&config).unwrap_err();
    assert!(e.contains("commitee"), "{e}");
    std::fs::write(&config, "").unwrap();
    assert!(import::read_config(&config).is_err());
}
