//! The glossary: every acronym the papers use, A–Z, with its meaning and the paper that
//! spells it out — or, plainly, that no paper in the data does.

use crate::components::head::PageHead;
use crate::components::layout::Breadcrumbs;
use crate::components::status::Loads;
use crate::data::{use_catalogue, use_glossary};
use crate::routes;
use leptos::prelude::*;
use minutebook_data::{Catalogue, GlossaryEntry};
use minutebook_domain::glossary::GlossaryIndex;
use std::sync::Arc;

/// Where St Helens' committee asked for a table of acronyms (minute 23 (2), 6 December 2021).
const ST_HELENS_REQUEST: (&str, &str) = ("st-helens-cyp-scrutiny-2021-12-06", "minute-23-2");

#[component]
pub fn GlossaryPage() -> impl IntoView {
    view! {
        <PageHead title="Glossary".to_string() description="The acronyms in the committee papers and what they stand for, in the papers’ own words.".to_string() />
        <Breadcrumbs trail=vec![("Home".into(), routes::home())] current="Glossary".into() />
        <h1>"Glossary"</h1>
        <p class="lead">"The acronyms the committee papers use, and what they stand for — in the papers’ own words wherever a paper spells them out."</p>
        <p>
            "Acronyms in the papers’ text are marked with their meaning: hover over them, or look them up here. "
            "St Helens’ Children and Young People Services Scrutiny Committee asked for exactly this: "
            <a href=routes::meeting(ST_HELENS_REQUEST.0, Some(ST_HELENS_REQUEST.1))>
                "“a table be provided in reports to indicate the meanings of the acronyms used within the reports” (minute 23 (2), 6 December 2021)"
            </a>"."
        </p>
        {match use_glossary() {
            None => view! { <p>"The glossary is not available."</p> }.into_any(),
            Some(g) => {
                let catalogue = use_catalogue();
                view! {
                    <Loads what="the glossary" retry=move || g.resource.refetch() content={move || async move {
                            let index = g.resource.await?;
                            // Council names are a nicety: the glossary shows without them.
                            let councils = catalogue.await.ok();
                            Ok::<_, minutebook_data::LoadError>(glossary_view(index, councils))
                        }} />
                }
                .into_any()
            }
        }}
    }
}

fn letter_of(e: &GlossaryEntry) -> char {
    e.term
        .chars()
        .next()
        .map(|c| c.to_ascii_uppercase())
        .unwrap_or('#')
}

fn glossary_view(index: Arc<GlossaryIndex>, catalogue: Option<Arc<Catalogue>>) -> AnyView {
    let entries = index.sorted();
    let mut letters: Vec<char> = entries.iter().map(|e| letter_of(e)).collect();
    letters.dedup();
    let council_name = |id: &str| -> String {
        catalogue
            .as_ref()
            .map(|c| crate::components::catalogue_view::council_name(c, id))
            .unwrap_or_else(|| id.to_string())
    };
    view! {
        <nav class="glossary-letters" aria-label="Glossary letters">
            <ul>
                {letters.iter().map(|l| view! { <li><a href=format!("#letter-{l}")>{l.to_string()}</a></li> }).collect_view()}
            </ul>
        </nav>
        {letters
            .iter()
            .map(|l| {
                let group: Vec<&GlossaryEntry> = entries.iter().copied().filter(|e| letter_of(e) == *l).collect();
                view! {
                    <section aria-labelledby=format!("letter-{l}")>
                        <h2 id=format!("letter-{l}")>{l.to_string()}</h2>
                        <dl class="glossary">
                            {group.into_iter().map(|e| entry_view(e, &council_name)).collect_view()}
                        </dl>
                    </section>
                }
            })
            .collect_view()}
    }
    .into_any()
}

fn entry_view(e: &GlossaryEntry, council_name: &dyn Fn(&str) -> String) -> impl IntoView {
    let councils = e
        .councils
        .iter()
        .map(|c| council_name(c))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <div class="glossary__entry">
            <dt id=format!("term-{}", e.term)>
                <abbr title=crate::components::glossary::abbr_title(e)>{e.term.clone()}</abbr>
                {(!e.also_written.is_empty()).then(|| view! {
                    <span class="hint">{format!(" (also written {})", e.also_written.join(", "))}</span>
                })}
            </dt>
            <dd class="glossary__meaning">{e.meaning.clone()}</dd>
            <dd class="glossary__source">
                {match &e.source {
                    Some(s) => view! {
                        "Source: "
                        {match &s.meeting {
                            Some(m) => view! { <a href=routes::meeting(m, None)>{s.document.clone()}</a> }.into_any(),
                            None => s.document.clone().into_any(),
                        }}
                        ": “" {s.quote.clone()} "”"
                    }
                    .into_any(),
                    None => view! { <strong>"Not expanded in the papers."</strong>" This is the usual meaning, not a paper’s words." }.into_any(),
                }}
            </dd>
            {e.note.clone().map(|n| view! { <dd class="hint">{n}</dd> })}
            <dd class="hint">{format!("Used in the papers of: {councils}")}</dd>
        </div>
    }
}
