//! Who attended, who sent apologies, and who declared an interest — saying plainly where
//! the papers do not record something.

use crate::components::people::person_link;
use crate::components::status::NotPublished;
use crate::components::table::column_heads;
use leptos::prelude::*;
use minutebook_data::{Apology, Attendance, Attendee, ChairRole, Declarations};

#[component]
pub fn AttendanceView(attendance: Option<Attendance>) -> impl IntoView {
    // Names link to person pages once the council's register has loaded.
    crate::components::people::provide_register_links_for_meeting();
    let Some(a) = attendance else {
        return view! {
            <section aria-labelledby="attendance">
                <h2 id="attendance">"Attendance"</h2>
                <p><NotPublished what="Attendance, apologies and declarations of interest" /></p>
            </section>
        }
        .into_any();
    };
    view! {
        <section aria-labelledby="attendance">
            <h2 id="attendance">"Attendance"</h2>
            <div class="attendance-grid">
                {people_list("Present", "present", a.present)}
                {people_list("Also present", "also-present", a.also_present)}
                {a.not_present.map(|p| people_list("Not present", "not-present", Some(p)))}
                <div>
                    <h3 id="apologies">"Apologies"</h3>
                    {apologies(a.apologies, a.apologies_text)}
                </div>
            </div>
            <h3 id="declarations">"Declarations of interest"</h3>
            {declarations(a.declarations, a.declarations_count)}
        </section>
    }
    .into_any()
}

fn describe(p: &Attendee) -> AnyView {
    let mut s = String::new();
    match p.chair {
        Some(ChairRole::InTheChair) => s.push_str(" (in the Chair)"),
        Some(ChairRole::ViceChair) => s.push_str(" (Vice-Chair)"),
        None => {}
    }
    if let Some(c) = &p.capacity {
        s.push_str(", ");
        s.push_str(c);
    }
    view! { {person_link(p.name.clone(), p.person.clone())} {s} }.into_any()
}

fn people_list(title: &'static str, id: &'static str, people: Option<Vec<Attendee>>) -> AnyView {
    let body = match people {
        None => view! { <p><NotPublished /></p> }.into_any(),
        Some(p) if p.is_empty() => view! { <p>"None recorded."</p> }.into_any(),
        Some(p) => view! {
            <ul class="list people">{p.iter().map(|x| view! { <li>{describe(x)}</li> }).collect_view()}</ul>
        }
        .into_any(),
    };
    view! {
        <div>
            <h3 id=id>{title}</h3>
            {body}
        </div>
    }
    .into_any()
}

fn apology_text(a: &Apology) -> AnyView {
    let mut s = String::new();
    if let Some(c) = &a.capacity {
        s.push_str(", ");
        s.push_str(c);
    }
    let sub = a.substitute.as_ref().map(|sub| {
        let attended = match a.substitute_attended {
            Some(true) => " (attended)",
            Some(false) => " (did not attend)",
            None => " (attendance of substitute not recorded)",
        };
        view! { " — substitute: " {person_link(sub.clone(), None)} {attended} }
    });
    view! { {person_link(a.name.clone(), a.person.clone())} {s} {sub} }.into_any()
}

fn apologies(list: Option<Vec<Apology>>, text: Option<String>) -> AnyView {
    let items = match list {
        None => view! { <p><NotPublished /></p> }.into_any(),
        Some(l) if l.is_empty() => view! { <p>"No apologies were recorded."</p> }.into_any(),
        Some(l) => view! {
            <ul class="list people">{l.iter().map(|x| view! { <li>{apology_text(x)}</li> }).collect_view()}</ul>
        }
        .into_any(),
    };
    view! {
        {items}
        {text.map(|t| view! { <p class="source-wording">"As minuted: “" {t} "”"</p> })}
    }
    .into_any()
}

/// `count`: the council's system may give only how many declarations were made (ModernGov);
/// then the count is shown, and who declared what is "not published".
fn declarations(d: Declarations, count: Option<u32>) -> AnyView {
    match d {
        Declarations::NoneDeclared { text } => {
            view! { <p>"None. " <span class="source-wording">"As minuted: “" {text} "”"</span></p> }
                .into_any()
        }
        Declarations::NotPublished => match count {
            Some(n) if n > 0 => view! {
                <p>
                    {format!("The council's system records {n} {} of interest at this meeting. ", if n == 1 { "declaration" } else { "declarations" })}
                    <NotPublished what="Who declared what" />
                </p>
            }
            .into_any(),
            _ => view! { <p><NotPublished /></p> }.into_any(),
        },
        Declarations::Declared { declarations } => view! {
            <div class="table-wrap">
                <table class="table">
                    <caption>"Declarations of interest made at this meeting"</caption>
                    {column_heads(&["Member", "Minute", "Nature of interest", "Kind", "Left the room"])}
                    <tbody>
                        {declarations
                            .into_iter()
                            .map(|x| {
                                let left = match x.left_room {
                                    Some(true) => "Yes",
                                    Some(false) => "No",
                                    None => "Not recorded",
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{person_link(x.member, x.person)}</th>
                                        <td>{x.minute.unwrap_or_else(|| "Not recorded".into())}</td>
                                        <td>{x.nature}</td>
                                        <td>{x.kind.label()}</td>
                                        <td>{left}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    }
}
