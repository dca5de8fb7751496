//! Acronyms in paper text, marked up with their meaning from the glossary:
//! `<abbr title="Child and Adolescent Mental Health Services">CAMHS</abbr>`.

use crate::data::use_glossary;
use leptos::prelude::*;
use minutebook_domain::glossary::{GlossaryIndex, Piece};

/// The `title` a reader sees: the meaning, and whether the papers themselves give it.
pub fn abbr_title(entry: &minutebook_data::GlossaryEntry) -> String {
    match entry.source {
        Some(_) => entry.meaning.clone(),
        None => format!(
            "{} (usual meaning; not expanded in the papers)",
            entry.meaning
        ),
    }
}

fn marked_with(index: &GlossaryIndex, text: &str) -> AnyView {
    index
        .mark(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(t) => t.to_string().into_any(),
            Piece::Term(t, e) => {
                view! { <abbr class="glossary-term" title=abbr_title(e)>{t.to_string()}</abbr> }
                    .into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// Plain paper text with the glossary's acronyms marked up. Until the glossary has loaded
/// (or if it cannot be), the text is shown as it is: the page never waits for it.
pub fn marked(text: &str) -> AnyView {
    let text = text.to_string();
    let Some(glossary) = use_glossary() else {
        return text.into_any();
    };
    (move || match glossary.loaded.get() {
        Some(Ok(index)) => marked_with(&index, &text),
        _ => text.clone().into_any(),
    })
    .into_any()
}
