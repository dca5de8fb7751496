//! Text from the papers: always rendered as text (never HTML), with minute references
//! ("Minute No.19 (3) of 27 September 2022") linked when their target is in the data.

use crate::routes;
use leptos::prelude::*;
use minutebook_data::{Block, Catalogue};
use minutebook_domain::references::{resolve, segments, Context, Segment};
use std::sync::Arc;

/// The meeting whose text is on screen, for resolving references in it.
#[derive(Clone)]
pub struct RefScope {
    pub catalogue: Arc<Catalogue>,
    pub meeting: String,
    pub committee: String,
}

/// One paragraph or list item of paper text.
pub fn rich_text(text: &str) -> AnyView {
    let scope = use_context::<RefScope>();
    segments(text)
        .into_iter()
        .map(|segment| match segment {
            // Acronyms in plain text are marked up with their meaning (components::glossary).
            Segment::Text(t) => crate::components::glossary::marked(t),
            Segment::Ref(words, r) => {
                let target = scope.as_ref().and_then(|s| {
                    resolve(&r, Context { meeting: &s.meeting, committee: &s.committee }, &s.catalogue)
                });
                match target {
                    Some(t) => view! {
                        <a class="minute-ref" href=routes::meeting(&t.meeting, Some(&t.anchor))>{words.to_string()}</a>
                    }
                    .into_any(),
                    None => view! {
                        <span class="minute-ref-unresolved" title="This minute is not in the published data">
                            {words.to_string()}
                        </span>
                    }
                    .into_any(),
                }
            }
        })
        .collect_view()
        .into_any()
}

/// Paragraphs and bulleted lists.
#[component]
pub fn Blocks(blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(p) => view! { <p>{rich_text(&p)}</p> }.into_any(),
            Block::List(items) => view! {
                <ul class="list list--bullet">
                    {items.into_iter().map(|i| view! { <li>{rich_text(&i)}</li> }).collect_view()}
                </ul>
            }
            .into_any(),
        })
        .collect_view()
}

/// A link from data, followed only if it is http(s), mailto or tel; otherwise plain text.
pub fn data_link(url: &str, label: String) -> AnyView {
    match minutebook_domain::links::safe_href(url) {
        Some(h) => view! { <a href=h>{label}</a> }.into_any(),
        None => view! { <span>{label}</span> }.into_any(),
    }
}
