//! "RESOLVED: That (1) ...; (2) ..." with a permalink on every numbered part.

use crate::components::chunked::Chunked;
use crate::components::follow_up_status::FollowUpLine;
use crate::components::text::rich_text;
use leptos::prelude::*;
use minutebook_data::{Resolution, ResolutionPart};
use minutebook_domain::references::anchor;

#[component]
pub fn ResolutionView(minute: String, resolution: Resolution) -> impl IntoView {
    let single = resolution.parts.len() == 1 && resolution.parts[0].number.is_none();
    let body = if single {
        let part = resolution.parts[0].clone();
        view! {
            <p>{rich_text(&part.text)}</p>
            {bullets(&part.bullets)}
            {sub_parts(&minute, &[], &part.parts)}
            <FollowUpLine anchor=anchor(&minute, None) />
        }
        .into_any()
    } else {
        sub_parts(&minute, &[], &resolution.parts)
    };
    view! {
        <div class="resolution">
            <p class="resolution__label">
                <strong>"Resolved:"</strong>
                {resolution.preamble.map(|p| view! { " " {rich_text(&p)} })}
            </p>
            {body}
        </div>
    }
}

fn bullets(items: &[String]) -> Option<AnyView> {
    (!items.is_empty()).then(|| {
        view! {
            <ul class="list list--bullet">
                {items.iter().map(|i| view! { <li>{rich_text(i)}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    })
}

/// Numbered parts (and, recursively, their lettered sub-parts), each with its own id.
fn sub_parts(minute: &str, path: &[String], parts: &[ResolutionPart]) -> AnyView {
    if parts.is_empty() {
        return ().into_any();
    }
    let minute = minute.to_string();
    let path = path.to_vec();
    let row = move |_, part: ResolutionPart| {
        let (minute, path) = (minute.as_str(), path.as_slice());
        let mut here = path.to_vec();
        if let Some(n) = &part.number {
            here.push(n.clone());
        }
        let id = (!here.is_empty()).then(|| anchor(minute, Some(&here.join("-"))));
        let label = part.number.as_ref().map(|n| format!("({n})"));
        let reference = format!(
            "Minute {minute}{}",
            here.iter().map(|h| format!(" ({h})")).collect::<String>()
        );
        let permalink = id.clone().map(|id| {
            view! {
                <a class="permalink" href=format!("#{id}")>
                    "Link"<span class="visually-hidden">{format!(" to {reference}")}</span>
                </a>
            }
        });
        let follow_up = path.is_empty().then(|| id.clone()).flatten();
        view! {
            <li class="resolution__part" id=id>
                {label.map(|l| view! { <span class="resolution__number">{l}</span> " " })}
                {rich_text(&part.text)}
                " "
                {permalink}
                {bullets(&part.bullets)}
                {sub_parts(minute, &here, &part.parts)}
                // Follow-ups are tracked per numbered part (docs/follow-ups.md).
                {follow_up.map(|a| view! { <FollowUpLine anchor=a /> })}
            </li>
        }
    };
    // A resolution may have thousands of parts: rendered in chunks.
    view! { <ol class="resolution__parts"><Chunked items=parts.to_vec() row=row /></ol> }.into_any()
}
