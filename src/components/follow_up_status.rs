//! The "Follow-up" line under each requesting resolution part on a meeting page: its status
//! and the evidence in a few words, from the committee's follow-up file for that municipal
//! year. The file is fetched once per committee-year and shared by every part (and kept for
//! the session); if it cannot be loaded the meeting page simply shows no lines.

use crate::components::decision_view::{link_label, status_badge, when};
use crate::components::text::RefScope;
use crate::data::fetch_file;
use crate::routes;
use leptos::prelude::*;
use minutebook_data::{
    decision_paths, DecisionsIndex, Evidence, EvidenceKind, FollowUp, FollowUpStatus, FollowUpsFile,
};
use minutebook_domain::dates::{municipal_year, short_date};
use minutebook_domain::decision_pages::FollowUpFilter;
use minutebook_domain::followups::describe_wait;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// A loaded follow-up file with its requests keyed by (meeting, part anchor), so that each
/// of a meeting's thousands of parts finds its own in constant time rather than by a scan.
struct Loaded {
    file: FollowUpsFile,
    by_part: HashMap<(String, String), usize>,
}

impl Loaded {
    fn new(file: FollowUpsFile) -> Self {
        let by_part = file
            .follow_ups
            .iter()
            .enumerate()
            .map(|(i, f)| ((f.decision.meeting.clone(), f.decision.anchor.clone()), i))
            .collect();
        Self { file, by_part }
    }

    fn find(&self, meeting: &str, anchor: &str) -> Option<&FollowUp> {
        let i = self
            .by_part
            .get(&(meeting.to_string(), anchor.to_string()))?;
        self.file.follow_ups.get(*i)
    }
}

/// `None` while loading; `Some(None)` when there is no file (or it failed).
type Shared = ArcRwSignal<Option<Option<Arc<Loaded>>>>;

thread_local! {
    static FILES: RefCell<HashMap<String, Shared>> = RefCell::new(HashMap::new());
}

/// The follow-up file for a committee's municipal year, loading it on first use.
fn follow_ups(committee: &str, year: i32) -> Shared {
    let file = decision_paths::follow_ups(committee, year);
    if let Some(s) = FILES.with(|f| f.borrow().get(&file).cloned()) {
        return s;
    }
    let signal: Shared = ArcRwSignal::new(None);
    FILES.with(|f| f.borrow_mut().insert(file.clone(), signal.clone()));
    let out = signal.clone();
    crate::data::load_into(
        async move {
            // Ask the index first, so a year without requests costs no failed request.
            let listed = fetch_file::<DecisionsIndex>(decision_paths::INDEX)
                .await
                .map(|idx| idx.follow_ups.iter().any(|l| l.file == file))
                .unwrap_or(false);
            if listed {
                fetch_file::<FollowUpsFile>(&file)
                    .await
                    .ok()
                    .map(|f| Arc::new(Loaded::new(f)))
            } else {
                None
            }
        },
        move |loaded| out.set(Some(loaded)),
    );
    signal
}

/// The strongest piece of evidence, in a few words.
fn summary(f: &FollowUp, as_of: minutebook_data::Date) -> String {
    let strongest = |k: EvidenceKind| f.evidence.iter().find(|e| e.kind == k);
    // Where the papers say it, with the date of the event when that differs.
    let recorded = |e: &Evidence| match (&e.at, e.date) {
        (Some(at), Some(d)) if d != at.date => {
            format!("{}, recorded in {}", short_date(d), link_label(at))
        }
        (Some(at), _) => link_label(at),
        (None, Some(d)) => short_date(d),
        (None, None) => e.source.clone().unwrap_or_default(),
    };
    match f.status {
        FollowUpStatus::Delivered => strongest(EvidenceKind::Delivered)
            .map(|e| format!("delivered: {}", recorded(e)))
            .unwrap_or_default(),
        FollowUpStatus::Arranged => strongest(EvidenceKind::Arranged)
            .map(|e| format!("arranged for {}", recorded(e)))
            .unwrap_or_default(),
        FollowUpStatus::Planned => strongest(EvidenceKind::Planned)
            .map(|e| match (&e.planned_meeting, &e.at) {
                (Some(p), _) => format!(
                    "planned for the meeting of {}",
                    when(p.date, p.date_precision)
                ),
                (None, Some(at)) => format!("planned, according to {}", link_label(at)),
                (None, None) => "planned in the committee’s work programme".to_string(),
            })
            .unwrap_or_default(),
        FollowUpStatus::Outstanding => {
            format!(
                "nothing in the data answers it yet; waiting {} as of {}",
                describe_wait(f.decision.date, as_of),
                short_date(as_of)
            )
        }
    }
}

/// The line for one resolution part (`anchor` is its id, e.g. `minute-19-3`); nothing when
/// the part asks for nothing.
#[component]
pub fn FollowUpLine(anchor: String) -> impl IntoView {
    let Some(scope) = use_context::<RefScope>() else {
        return ().into_any();
    };
    let Some(date) = scope.catalogue.meeting(&scope.meeting).map(|m| m.date) else {
        return ().into_any();
    };
    let file = follow_ups(&scope.committee, municipal_year(date));
    let meeting = scope.meeting.clone();
    let committee = scope.committee.clone();
    (move || {
        let loaded = file.get().flatten()?;
        let f = loaded.find(&meeting, &anchor)?;
        let filter = FollowUpFilter {
            committee: Some(committee.clone()),
            ..Default::default()
        };
        let link = format!(
            "{}#fu-{}-{}",
            routes::with_query("/follow-ups", &filter.to_query(1)),
            meeting,
            anchor
        );
        Some(view! {
            <p class="follow-up-line">
                <span class="follow-up-line__label">"Follow-up: "</span>
                {status_badge(f.status)}
                " – " {summary(f, loaded.file.as_of)} ". "
                <a href=link>"Details"<span class="visually-hidden">" of this follow-up"</span></a>
            </p>
        })
    })
    .into_any()
}
