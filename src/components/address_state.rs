//! Filters kept in the address, one way for every page that has them: search, decisions,
//! follow-ups and the improvement plan's actions.
//!
//! The query string is the state. A page reads it through [`AddressState::get`] (a memo of
//! the router's query map) and changes it only by navigating, so Back and Forward, a shared
//! link and the pre-rendered page all show the same view. Writing goes through the page's
//! own `href` (built by `crate::routes` with `minutebook_domain::query::query_string`).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long typing must pause before the address follows it.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// A page's filters, read from and written to the address.
pub struct AddressState<T: Send + Sync + 'static> {
    value: Memo<T>,
    href: Callback<T, String>,
    go: Callback<(String, bool)>,
    /// Bumped by every write, so a pending debounced write knows it was overtaken.
    writes: StoredValue<u64>,
}

impl<T: Send + Sync + 'static> Clone for AddressState<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for AddressState<T> {}

/// The filters of the page on screen: `read` turns the query into `T` (ignoring what it
/// does not understand), `href` gives the address that shows a `T`.
pub fn use_address_state<T>(
    read: impl Fn(&ParamsMap) -> T + Send + Sync + 'static,
    href: impl Fn(&T) -> String + Send + Sync + 'static,
) -> AddressState<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let query = use_query_map();
    let navigate = use_navigate();
    AddressState {
        value: Memo::new(move |_| query.with(&read)),
        href: Callback::new(move |t: T| href(&t)),
        go: Callback::new(move |(to, replace): (String, bool)| {
            let options = NavigateOptions {
                resolve: false,
                replace,
                scroll: false,
                ..Default::default()
            };
            navigate(&to, options);
        }),
        writes: StoredValue::new(0),
    }
}

impl<T> AddressState<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    /// The filters now (tracked).
    pub fn get(&self) -> T {
        self.value.get()
    }

    /// The filters now, without tracking.
    pub fn get_untracked(&self) -> T {
        self.value.get_untracked()
    }

    /// Show `next` as a new history entry (a submitted form, a ticked facet).
    pub fn push(&self, next: T) {
        self.write(next, false);
    }

    /// Show `next` in place of the current entry (a changed select), so Back leaves the page
    /// rather than stepping through every choice.
    pub fn replace(&self, next: T) {
        self.write(next, true);
    }

    /// Change one thing and [`replace`](Self::replace).
    pub fn replace_with(&self, change: impl FnOnce(&mut T)) {
        let mut next = self.get_untracked();
        change(&mut next);
        self.replace(next);
    }

    /// [`replace`](Self::replace) once the reader has paused for [`DEBOUNCE`]; any later
    /// write cancels it.
    pub fn replace_soon(&self, next: T) {
        let this = *self;
        let n = self.writes.get_value() + 1;
        self.writes.set_value(n);
        set_timeout(
            move || {
                if this.writes.try_get_value() == Some(n) {
                    this.write(next, true);
                }
            },
            DEBOUNCE,
        );
    }

    fn write(&self, next: T, replace: bool) {
        self.writes.update_value(|n| *n += 1);
        if next != self.value.get_untracked() {
            self.go.run((self.href.run(next), replace));
        }
    }
}

/// The fields of a submitted form, read as the browser would put them in the address: a
/// page's filter form submits through [`AddressState::push`] with the same parsing that
/// reads the address.
pub fn form_fields(ev: &leptos::ev::SubmitEvent) -> impl Fn(&str) -> Option<String> {
    let data = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        .and_then(|form| web_sys::FormData::new_with_form(&form).ok());
    move |name| data.as_ref().and_then(|d| d.get(name).as_string())
}
