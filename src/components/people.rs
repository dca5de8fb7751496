//! People: links from printed names to person pages, and how attendance is put into words.
//!
//! Names on meeting and committee pages are linked by the same matching the attendance files
//! are generated with (`minutebook_domain::people`): the council's register is fetched once
//! per page and any name it cannot match to exactly one person stays plain text.

use crate::components::text::RefScope;
use crate::data::{fetch_file, fetch_shared, load_into, Loaded};
use crate::routes;
use leptos::prelude::*;
use minutebook_data::{
    paths, AtMeeting, AttendanceCounts, Catalogue, ChairRole, CouncilAttendance, Listing,
    MemberRole, PeopleRegister,
};
use minutebook_domain::people::match_name;
use std::sync::Arc;

pub async fn fetch_attendance(council: String) -> Loaded<CouncilAttendance> {
    fetch_shared::<CouncilAttendance>(&paths::attendance(&council)).await
}

/// The register listing whose council id starts the person id (`sefton-june-burns` → sefton);
/// the longest council id wins, so `st-helens-…` is never taken for a council `st`.
pub fn listing_for_person<'a>(c: &'a Catalogue, person: &str) -> Option<&'a Listing> {
    c.people
        .iter()
        .filter(|l| person.starts_with(&format!("{}-", l.council)))
        .max_by_key(|l| l.council.len())
}

/// The council register used to link names on the page being built (plain names until it loads).
#[derive(Clone, Copy)]
struct RegisterLinks(RwSignal<Option<Arc<PeopleRegister>>>);

/// Link names on this part of the page to person pages, when the council publishes a register.
/// Uses a plain signal, not a resource, so the page never waits for (or re-suspends on) it.
pub fn provide_register_links(c: &Catalogue, council: &str) {
    let Some(listing) = c.people.iter().find(|l| l.council == council) else {
        return;
    };
    let register = RwSignal::new(None);
    let file = listing.file.clone();
    load_into(
        async move { fetch_file::<PeopleRegister>(&file).await.ok().map(Arc::new) },
        move |r| {
            if r.is_some() {
                register.try_set(r);
            }
        },
    );
    provide_context(RegisterLinks(register));
}

/// For the meeting on screen (its [`RefScope`]).
pub fn provide_register_links_for_meeting() {
    if let Some(s) = use_context::<RefScope>() {
        if let Some(k) = s.catalogue.committee(&s.committee) {
            provide_register_links(&s.catalogue, &k.council.clone());
        }
    }
}

/// A printed name, linked to the person's page when it matches exactly one person.
pub fn person_link(name: String, explicit: Option<String>) -> AnyView {
    let Some(RegisterLinks(register)) = use_context::<RegisterLinks>() else {
        return name.into_any();
    };
    (move || {
        let id = register.get().and_then(|r| {
            match_name(&name, explicit.as_deref(), &r.people)
                .person()
                .map(|p| p.id.clone())
        });
        match id {
            Some(id) => {
                view! { <a class="person-link" href=routes::person(&id)>{name.clone()}</a> }
                    .into_any()
            }
            None => name.clone().into_any(),
        }
    })
    .into_any()
}

pub const ROLE_ORDER: [MemberRole; 6] = [
    MemberRole::Chair,
    MemberRole::ViceChair,
    MemberRole::Member,
    MemberRole::CoOpted,
    MemberRole::Advisory,
    MemberRole::Substitute,
];

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Attended 2 of 3 meetings (67%)", or why there is no rate.
pub fn rate_text(c: &AttendanceCounts) -> String {
    match c.rate_percent() {
        Some(r) => format!(
            "Attended {} of {} ({r}%)",
            c.attended,
            plural(c.counted(), "meeting", "meetings")
        ),
        None => "No attendance recorded".to_string(),
    }
}

/// The sentences under a person's rate: what the rate counts and what it leaves out.
pub fn counts_explained(c: &AttendanceCounts) -> Vec<String> {
    let mut out = Vec::new();
    if c.counted() > 0 {
        out.push(format!(
            "Counted: the {} whose minutes record this person as present, sending apologies or absent ({} present, {} with apologies, {} absent without apologies).",
            plural(c.counted(), "meeting", "meetings"),
            c.attended,
            c.apologies,
            c.absent
        ));
    }
    if c.not_recorded > 0 {
        out.push(format!(
            "Attendance not recorded for {}.",
            plural(c.not_recorded, "meeting", "meetings")
        ));
    }
    if c.not_named > 0 {
        out.push(format!(
            "Not named at all in the attendance record of {} (not counted: the papers do not show whether they were on the committee then).",
            plural(c.not_named, "meeting", "meetings")
        ));
    }
    if c.substitute_only > 0 {
        out.push(format!(
            "Named only as a substitute at {} (not counted).",
            plural(c.substitute_only, "meeting", "meetings")
        ));
    }
    out
}

fn chair_text(chair: Option<ChairRole>) -> &'static str {
    match chair {
        Some(ChairRole::InTheChair) => " (in the Chair)",
        Some(ChairRole::ViceChair) => " (Vice-Chair)",
        None => "",
    }
}

/// One meeting's record for a person, in words (never colour alone).
pub fn record_view(record: &AtMeeting) -> AnyView {
    let printed = |name: &str| format!("Printed as “{name}”");
    match record.clone() {
        AtMeeting::Present { name, also, capacity, chair, substitute_for } => view! {
            <strong>{if also { "Present (also present)" } else { "Present" }}</strong>
            {chair_text(chair)}
            {substitute_for.map(|s| format!(", as substitute for {s}"))}
            <br /><span class="hint">{printed(&name)}{capacity.map(|c| format!(", {c}"))}</span>
        }
        .into_any(),
        AtMeeting::Apologies { name, capacity, substitute, substitute_person, substitute_attended } => view! {
            <strong>"Apologies"</strong>
            {substitute.map(|s| view! {
                " — substitute: "
                {match substitute_person { Some(id) => view! { <a href=routes::person(&id)>{s.clone()}</a> }.into_any(), None => s.clone().into_any() }}
                {match substitute_attended {
                    Some(true) => " (attended)",
                    Some(false) => " (did not attend)",
                    None => " (whether the substitute attended is not recorded)",
                }}
            })}
            <br /><span class="hint">{printed(&name)}{capacity.map(|c| format!(", {c}"))}</span>
        }
        .into_any(),
        AtMeeting::NotPresent { name, capacity } => view! {
            <strong>"Not present"</strong>" (no apologies recorded)"
            <br /><span class="hint">{printed(&name)}{capacity.map(|c| format!(", {c}"))}</span>
        }
        .into_any(),
        AtMeeting::Substitute { name, for_member, for_person, attended } => view! {
            <strong>"Named as substitute"</strong>" for "
            {match for_person { Some(id) => view! { <a href=routes::person(&id)>{for_member.clone()}</a> }.into_any(), None => for_member.clone().into_any() }}
            {match attended {
                Some(true) => "; attended",
                Some(false) => "; did not attend",
                None => "; whether they attended is not recorded",
            }}
            <br /><span class="hint">{printed(&name)}</span>
        }
        .into_any(),
        AtMeeting::NotNamed => view! {
            <strong>"Not named"</strong>" in the attendance record (neither present nor sending apologies)"
        }
        .into_any(),
        AtMeeting::NotRecorded { apologies_published: true } => view! {
            <strong>"Attendance not recorded"</strong>
            ": the papers publish the apologies but not who was present, and the apologies do not name this person"
        }
        .into_any(),
        AtMeeting::NotRecorded { apologies_published: false } => view! {
            <strong>"Attendance not recorded"</strong>": no record of who attended is in the data"
        }
        .into_any(),
    }
}

/// The role as the membership list gives it, or the capacity the minutes print.
pub fn role_text(p: &minutebook_data::Person, r: &minutebook_data::CommitteeRecord) -> String {
    let mut role = if r.roles.is_empty() {
        "Not on the membership list in the data".to_string()
    } else {
        r.roles
            .iter()
            .map(|x| x.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(rep) = &p.represents {
        role.push_str(&format!(" — {rep}"));
    }
    if r.roles.is_empty() && !r.capacities.is_empty() {
        role.push_str(&format!(
            "; named in the minutes as {}",
            r.capacities.join("; ")
        ));
    }
    role
}
