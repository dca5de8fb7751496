//! A site whose data is a ModernGov import (issue 11): the real Gloucester responses, served
//! over loopback, imported by `minutebook import moderngov` into an empty data folder, then
//! built as `trunk build` would (search index, feeds, pre-rendering) on a copy of `dist/`.
//! The imported meeting, its committee and the people page show what the service gave, and
//! axe finds nothing serious.

#[path = "../crates/moderngov/tests/server/mod.rs"]
mod mg_server;

mod common;

use common::{fail, run_dist, TestResult};
use minutebook_data::Date;
use minutebook_tools::import::{self, CouncilSpec, Options};
use std::path::PathBuf;
use std::time::Duration;

const MEETING: &str = "/meetings/gloucester-cabinet-2025-11-21";
const COMMITTEE: &str = "/committees/gloucester-cabinet";

/// A copy of the build whose only data is Gloucester's Cabinet of 21 November 2025, imported.
fn imported_build() -> PathBuf {
    let server = mg_server::Server::start(mg_server::gloucester);
    let copy = std::env::temp_dir().join(format!("minutebook-imported-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    common::copy_dir(&common::dist_dir(), &copy);
    let data = copy.join("data");
    std::fs::remove_dir_all(&data).unwrap();

    let date = |y, m, d| Date::new(y, m, d).unwrap();
    let spec = CouncilSpec {
        base: server.base.clone(),
        id: "gloucester".into(),
        name: "Gloucester City Council".into(),
        committees: vec![129],
        include_expired: false,
        from: Some(date(2025, 11, 15)),
        to: Some(date(2025, 11, 30)),
        councillors: false,
    };
    let mut opts = Options::new(data.clone());
    opts.throttle = Duration::ZERO;
    opts.cache = None;
    opts.today = date(2026, 1, 20);
    opts.progress = false;
    let report = import::run(&[spec], &opts);
    assert_eq!(report.exit_code(), import::exit::OK, "{}", report.summary());

    // What scripts/post-build.sh does after Trunk has staged the data.
    let (data_str, search) = (data.display().to_string(), data.join("search"));
    minutebook_tools::index::cli(&data_str, &search.display().to_string(), &[])
        .unwrap_or_else(|e| panic!("search index: {e:#?}"));
    let site = minutebook_tools::feeds::Site::new(Some("/"), None).unwrap();
    minutebook_tools::feeds::write(&data, &data, &site).unwrap_or_else(|e| panic!("feeds: {e:#?}"));
    common::prerender(&copy, "/");
    copy
}

#[tokio::test]
async fn an_imported_moderngov_meeting_is_published_with_every_feature() {
    let dist = imported_build();
    // Pre-rendered: the meeting is a real page before any script runs.
    let html = std::fs::read_to_string(dist.join(&MEETING[1..]).join("index.html")).unwrap();
    for text in ["Cabinet", "21 November 2025"] {
        assert!(html.contains(text), "pre-rendered meeting lacks {text:?}");
    }
    assert!(
        !html.contains("&lt;div") && !html.contains("MsoNormal"),
        "Word HTML reached the page"
    );

    run_dist(
        "an_imported_moderngov_meeting_is_published_with_every_feature",
        dist,
        "/",
        async |app| -> TestResult {
            app.goto(MEETING).await?;
            app.wait_for_text("h1", "Friday 21 November 2025").await?;
            app.wait_for_text("main", "Cabinet").await?;
            // Items keep their printed numbers (51 to 55), never the internal order.
            let titles = app.texts(".agenda-item__title").await?;
            if titles.len() != 5 || !titles[0].starts_with("51") || !titles[4].starts_with("55") {
                return fail(format!("agenda items as shown: {titles:?}"));
            }
            app.wait_for_text("body", "Present").await?;
            app.axe_check(MEETING).await?;

            app.goto(COMMITTEE).await?;
            app.wait_for_text("h1", "Cabinet").await?;
            app.wait_for_text("main", "21 November 2025").await?;
            app.axe_check(COMMITTEE).await?;

            app.goto("/people").await?;
            app.wait_for_text("main", "Gloucester City Council").await?;
            app.axe_check("/people").await?;

            app.goto("/search?q=cabinet").await?;
            app.wait_for(".search-result").await?;
            Ok(())
        },
    )
    .await;
}
