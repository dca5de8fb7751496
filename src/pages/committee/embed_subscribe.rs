//! "Subscribe" on a committee page: the committee's calendar (.ics) and Atom feeds, which
//! `minutebook feeds` writes at build time (docs/embedding.md), and the feed announced to
//! browsers and feed readers with `<link rel="alternate">`.

use crate::routes;
use leptos::prelude::*;
use leptos_meta::Link;
use minutebook_data::{paths, Catalogue, Committee};

pub fn subscribe(c: &Catalogue, k: &Committee) -> impl IntoView {
    let calendar = routes::data_file(&paths::calendar(&k.id));
    let feed = routes::data_file(&paths::feed(&k.id));
    let council = c
        .council(&k.council)
        .map(|x| (x.name.clone(), routes::data_file(&paths::feed(&x.id))));
    view! {
        <Link rel="alternate" type_="application/atom+xml" title=format!("{}: agendas and minutes", k.title) href=feed.clone() />
        <section class="subscribe" aria-labelledby="subscribe">
            <h2 id="subscribe">"Subscribe"</h2>
            <ul class="list list--bullet">
                <li>
                    <a href=calendar>"Calendar of this committee’s meetings (.ics)"</a>
                    <br />
                    // The address itself is the link's: a pre-rendered page cannot know the host.
                    <span class="hint">"To keep a calendar app up to date, copy this link’s address and subscribe to it."</span>
                </li>
                <li><a href=feed>"Feed of newly published agendas and minutes (Atom)"</a></li>
                {council.map(|(name, url)| view! {
                    <li><a href=url>{format!("Feed for every committee of {name} (Atom)")}</a></li>
                })}
            </ul>
        </section>
    }
}
