//! One search result: title and snippet with the matched words in `<mark>` elements built
//! from ranges the search crate computed (the text itself is never treated as HTML).

use crate::routes;
use leptos::prelude::*;
use minutebook_domain::links::safe_link;
use minutebook_search::snippet::{highlight, pieces, snippet};
use minutebook_search::Doc;

/// How many words of the record's text a snippet shows.
const SNIPPET_WORDS: usize = 32;

/// Text with its highlighted stretches as `<mark>`.
pub fn marked(text: &str, marks: &[(usize, usize)]) -> AnyView {
    pieces(text, marks)
        .into_iter()
        .map(|(piece, hit)| {
            if hit {
                view! { <mark>{piece.to_string()}</mark> }.into_any()
            } else {
                piece.to_string().into_any()
            }
        })
        .collect_view()
        .into_any()
}

#[component]
pub fn SearchResult(index: usize, doc: Doc, kind: String, terms: Vec<String>) -> impl IntoView {
    let title_marks = highlight(&doc.title, &terms);
    let s = snippet(&doc.text, &terms, SNIPPET_WORDS);
    let has_text = !s.text.trim().is_empty();
    view! {
        <li class="search-result" id=format!("search-result-{index}")>
            <h3 class="search-result__title">
                // A record's link comes from a data file: followed only if it is safe.
                {match safe_link(&doc.url, routes::href) {
                    Some(url) => view! { <a href=url>{marked(&doc.title, &title_marks)}</a> }.into_any(),
                    None => marked(&doc.title, &title_marks),
                }}
            </h3>
            <p class="search-result__meta">
                <span class="tag">{kind}</span>
                " "
                <span>{doc.context.clone()}</span>
            </p>
            {has_text.then(|| view! {
                <p class="search-result__snippet">
                    {s.cut_start.then_some("… ")}
                    {marked(&s.text, &s.marks)}
                    {s.cut_end.then_some(" …")}
                </p>
            })}
        </li>
    }
}
