//! Pieces the Decisions and Follow-ups pages share: a resolution part as text, links into meeting pages, follow-up status badges, filter
//! fields and page links.

use crate::routes;
use leptos::prelude::*;
use minutebook_data::{DatePrecision, Decision, FollowUpStatus, PaperLink, ResolutionPart};
use minutebook_domain::dates::{long_date, short_date};
use minutebook_domain::decision_pages::{page_links, PagePlan, PER_PAGE};
use minutebook_domain::decisions::minute_label;

/// "7 November 2022" (or "January 2022" when only the month is known).
pub fn when(date: minutebook_data::Date, precision: DatePrecision) -> String {
    match precision {
        DatePrecision::Day => short_date(date),
        DatePrecision::Month => long_date(date, precision),
    }
}

/// "Minute 23 (2), 7 November 2022 — Summer 2022 Data".
pub fn link_label(l: &PaperLink) -> String {
    let date = when(l.date, l.date_precision);
    match (&l.minute, &l.item) {
        (Some(m), Some(item)) => format!("{}, {date} — {item}", minute_label(m, l.part.as_deref())),
        (Some(m), None) => format!("{}, {date}", minute_label(m, l.part.as_deref())),
        (None, Some(item)) => format!("{date}, item “{item}”"),
        (None, None) => format!("the papers for {date}"),
    }
}

pub fn paper_link(l: &PaperLink) -> AnyView {
    let anchor = (!l.anchor.is_empty()).then_some(l.anchor.as_str());
    view! { <a href=routes::meeting(&l.meeting, anchor)>{link_label(l)}</a> }.into_any()
}

/// "Refers to" / "Referred to later by" lists.
pub fn link_list(title: &'static str, links: &[PaperLink]) -> Option<AnyView> {
    (!links.is_empty()).then(|| {
        view! {
            <div class="decision__links">
                <span class="decision__links-title">{title}</span>
                <ul class="list list--inline">
                    {links.iter().map(|l| view! { <li>{paper_link(l)}</li> }).collect_view()}
                </ul>
            </div>
        }
        .into_any()
    })
}

/// A status in words, with a mark that does not rely on colour.
pub fn status_badge(s: FollowUpStatus) -> AnyView {
    let mark = match s {
        FollowUpStatus::Delivered => "✓",
        FollowUpStatus::Arranged => "◆",
        FollowUpStatus::Planned => "○",
        FollowUpStatus::Outstanding => "!",
    };
    view! {
        <span class=format!("fu-status fu-status--{}", s.key())>
            <span class="fu-status__mark" aria-hidden="true">{mark}</span>
            {s.label()}
        </span>
    }
    .into_any()
}

fn bullets(items: &[String]) -> Option<AnyView> {
    (!items.is_empty()).then(|| {
        view! { <ul class="list list--bullet">{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul> }.into_any()
    })
}

fn sub_parts(parts: &[ResolutionPart]) -> Option<AnyView> {
    (!parts.is_empty()).then(|| {
        view! {
            <ol class="decision__sub-parts">
                {parts.iter().map(|p| view! {
                    <li>
                        {p.number.clone().map(|n| view! { <span class="resolution__number">{format!("({n})")}</span> " " })}
                        {p.text.clone()}
                        {bullets(&p.bullets)}
                        {sub_parts(&p.parts)}
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    })
}

/// The words of a resolution part, as written: preamble, number, text, bullets, sub-parts.
pub fn decision_text(d: &Decision) -> AnyView {
    view! {
        {d.preamble.clone().map(|p| view! { <p class="decision__preamble">{p}</p> })}
        <p class="decision__text">
            {d.part.clone().map(|n| view! { <span class="resolution__number">{format!("({n})")}</span> " " })}
            {d.text.clone()}
        </p>
        {bullets(&d.bullets)}
        {sub_parts(&d.parts)}
    }
    .into_any()
}

/// "Minute 19 (3) of 27 September 2022", for the permalink's hidden text.
pub fn decision_reference(d: &Decision) -> String {
    format!(
        "{} of {}",
        minute_label(&d.minute, d.part.as_deref()),
        when(d.date, d.date_precision)
    )
}

/// The link to a resolution part's place in its meeting's page.
pub fn permalink(d: &Decision) -> AnyView {
    view! {
        <a class="permalink" href=routes::meeting(&d.meeting, Some(&d.anchor))>
            "Permalink"<span class="visually-hidden">{format!(" to {}", decision_reference(d))}</span>
        </a>
    }
    .into_any()
}

/// A labelled select for a filter form: `name` is its key in the address, `current` the
/// value the address holds now. The form is read when it is submitted.
pub fn select_field(
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    current: String,
) -> AnyView {
    let id = format!("filter-{name}");
    view! {
        <div class="filters__field">
            <label class="filters__label" for=id.clone()>{label}</label>
            <select class="filters__select" id=id name=name>
                {options.into_iter().map(|(v, text)| {
                    let selected = v == current;
                    view! { <option value=v selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// "Previous 1 2 … 9 Next" under a list; `page_href(n)` is the address of page n.
pub fn pagination(
    plan: &PagePlan,
    what: &'static str,
    page_href: impl Fn(usize) -> String,
) -> Option<AnyView> {
    (plan.pages > 1).then(|| {
        let prev = (plan.page > 1).then(|| page_href(plan.page - 1));
        let next = (plan.page < plan.pages).then(|| page_href(plan.page + 1));
        view! {
            <nav class="pagination" aria-label=format!("Pages of {what}")>
                <ul class="pagination__list">
                    {prev.map(|h| view! { <li><a href=h rel="prev">"Previous"<span class="visually-hidden">" page"</span></a></li> })}
                    {page_links(plan.page, plan.pages).into_iter().map(|p| match p {
                        Some(n) if n == plan.page => view! { <li><a href=page_href(n) aria-current="page">{n.to_string()}</a></li> }.into_any(),
                        Some(n) => view! { <li><a href=page_href(n)><span class="visually-hidden">"Page "</span>{n.to_string()}</a></li> }.into_any(),
                        None => view! { <li class="pagination__gap" aria-hidden="true">"…"</li> }.into_any(),
                    }).collect_view()}
                    {next.map(|h| view! { <li><a href=h rel="next">"Next"<span class="visually-hidden">" page"</span></a></li> })}
                </ul>
            </nav>
        }
        .into_any()
    })
}

/// "Showing 101 to 200 of 265 decisions".
pub fn showing(plan: &PagePlan, one: &str, many: &str) -> String {
    if plan.total == 0 {
        return format!("No {many} match.");
    }
    let first = (plan.page - 1) * PER_PAGE + 1;
    let last = first + plan.take - 1;
    let noun = if plan.total == 1 { one } else { many };
    format!("Showing {first} to {last} of {} {noun}", plan.total)
}
