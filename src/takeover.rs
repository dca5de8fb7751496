//! How the app takes over a pre-rendered page without a flicker.
//!
//! Every page arrives as complete HTML inside `<div id="mb-root" data-mb-prerendered>`,
//! and `app-start.js` loads the wasm when the reader needs it. Then the app renders the
//! same route into a detached `#mb-root`, fetching its JSON as usual. Once no data request
//! is in flight (and the render they cause has run), the live root replaces the
//! pre-rendered one in a single DOM operation,
//! between two frames: the text is the same, so nothing moves. The reader's scroll
//! position, the focused element and anything typed into a form are carried across.
//! From then on navigation is client-side. Anything that depends on the day (the next
//! meeting) is rendered by the app for the reader's date, which corrects the build date.
//!
//! A page without a pre-rendered root (an address added after the build, served through
//! `404.html`) is mounted directly.
//!
//! Measured (tests/prerender.rs): same text before and after, no layout shift, scroll and
//! focus kept, no console error.

use crate::app::App;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

thread_local! {
    /// Data requests in flight.
    static IN_FLIGHT: Cell<usize> = const { Cell::new(0) };
    /// (pre-rendered root, live root) until the live one has replaced it.
    static WAITING: RefCell<Option<(Element, HtmlElement)>> = const { RefCell::new(None) };
    // Reference-counted, not arena-owned: the first reader may be a component that goes away.
    static LIVE: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// Marks a data request in flight for as long as it lives.
pub struct Busy(());

impl Busy {
    pub fn start() -> Busy {
        IN_FLIGHT.with(|n| n.set(n.get() + 1));
        Busy(())
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        let left = IN_FLIGHT.with(|n| {
            n.set(n.get().saturating_sub(1));
            n.get()
        });
        if left == 0 {
            check_soon();
        }
    }
}

/// True once the app is in charge of the page (immediately when nothing was pre-rendered).
/// Effects that touch the document (scrolling to a `#minute-…`) wait for it.
pub fn is_live() -> bool {
    LIVE.with(|l| l.get())
}

/// True while the app is rendering the page it is about to take over (the browser has
/// already scrolled that page to its `#fragment`). Read it when a page is created.
pub fn taking_over() -> bool {
    !LIVE.with(|l| l.get_untracked())
}

/// Start the app: take over the pre-rendered page, or mount into an empty one.
pub fn start() {
    let doc = document();
    let old = doc
        .get_element_by_id("mb-root")
        .filter(|e| e.has_attribute("data-mb-prerendered"));
    let Some(old) = old else {
        let root = doc
            .get_element_by_id("mb-root")
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        match root {
            Some(root) => leptos::mount::mount_to(root, App).forget(),
            None => leptos::mount::mount_to_body(App),
        }
        go_live();
        return;
    };
    // leptos_meta adds the live page's description; the pre-rendered one would be a second.
    if let Ok(list) = doc.query_selector_all("head meta[name='description']") {
        for i in 0..list.length() {
            if let Some(Ok(e)) = list.item(i).map(|n| n.dyn_into::<Element>()) {
                e.remove();
            }
        }
    }
    let Ok(live) = doc
        .create_element("div")
        .map(|e| e.unchecked_into::<HtmlElement>())
    else {
        return;
    };
    live.set_id("mb-root");
    WAITING.with(|w| *w.borrow_mut() = Some((old, live.clone())));
    leptos::mount::mount_to(live, App).forget();
    check_soon();
}

/// Show the page's "could not start" notice (written hidden into every pre-rendered page):
/// the app has stopped, so the reader is told to reload rather than left with dead controls.
pub fn show_failure() {
    let doc = document();
    if let Some(notice) = doc.get_element_by_id("mb-app-failed") {
        // Its link reloads this address (an empty href would follow `<base href>`).
        if let (Ok(Some(reload)), Ok(here)) =
            (notice.query_selector("a"), window().location().href())
        {
            let _ = reload.set_attribute("href", &here);
        }
        let _ = notice.remove_attribute("hidden");
    }
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-mb-app", "failed");
    }
}

fn go_live() {
    LIVE.with(|l| l.set(true));
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-mb-app", "live");
    }
}

/// After the last request, give the renders it causes a moment, then look again.
fn check_soon() {
    if WAITING.with(|w| w.borrow().is_none()) {
        return;
    }
    let cb = Closure::once_into_js(|| {
        if IN_FLIGHT.with(|n| n.get()) == 0 {
            if let Some((old, live)) = WAITING.with(|w| w.borrow_mut().take()) {
                adopt(&old, &live);
            }
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 30);
    }
}

/// Child indices from `root` down to `node`, if it is inside.
fn path_to(root: &Element, node: &web_sys::Node) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut cur = node.clone();
    while !cur.is_same_node(Some(root)) {
        let parent = cur.parent_node()?;
        let children = parent.child_nodes();
        let index = (0..children.length())
            .find(|&i| children.item(i).is_some_and(|c| c.is_same_node(Some(&cur))))?;
        path.push(index);
        cur = parent;
    }
    path.reverse();
    Some(path)
}

fn follow(root: &Element, path: &[u32]) -> Option<web_sys::Node> {
    let mut cur: web_sys::Node = root.clone().into();
    for &i in path {
        cur = cur.child_nodes().item(i)?;
    }
    Some(cur)
}

/// The first element matching `selector` in the page being rendered: the detached root
/// while taking over, else the document.
pub fn query(selector: &str) -> Option<Element> {
    let waiting = WAITING.with(|w| w.borrow().as_ref().map(|(_, live)| live.clone()));
    match waiting {
        Some(live) => live.query_selector(selector).ok().flatten(),
        None => document().query_selector(selector).ok().flatten(),
    }
}

/// Form fields, in document order, so what a reader typed before the app arrived is kept.
fn fields(root: &Element) -> Vec<Element> {
    let Ok(list) = root.query_selector_all("input, select, textarea") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// `<details>` elements, in document order.
fn details(root: &Element) -> Vec<web_sys::HtmlDetailsElement> {
    let Ok(list) = root.query_selector_all("details") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn adopt(old: &Element, live: &HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (x, y) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    let doc = document();
    let focused = doc
        .active_element()
        .and_then(|a| path_to(old, &a))
        .map(|p| (p, doc.active_element()));
    for (before, after) in fields(old).iter().zip(fields(live).iter()) {
        if before.tag_name() != after.tag_name()
            || before.get_attribute("name") != after.get_attribute("name")
        {
            continue;
        }
        if let (Some(b), Some(a)) = (
            before.dyn_ref::<web_sys::HtmlInputElement>(),
            after.dyn_ref::<web_sys::HtmlInputElement>(),
        ) {
            // Only what the reader typed (the value differs from the page's own), never
            // the pre-rendered default over the app's (a query from the address).
            if b.value() != b.default_value() && b.value() != a.value() && b.type_() != "hidden" {
                a.set_value(&b.value());
                // Tell the app, so its signals follow what the field shows.
                if let Ok(ev) = web_sys::Event::new("input") {
                    let _ = a.dispatch_event(&ev);
                }
            }
        }
    }
    // What the reader (or the browser, for a `#fragment`) opened or closed stays so.
    for (before, after) in details(old).iter().zip(details(live).iter()) {
        // Only where they differ: a long agenda has thousands, and each change queues a
        // toggle event.
        if before.open() != after.open() {
            after.set_open(before.open());
        }
    }
    let _ = old.replace_with_with_node_1(live);
    if let Some((path, Some(before))) = focused {
        let target = follow(live, &path).and_then(|n| n.dyn_into::<HtmlElement>().ok());
        if let Some(t) = target.filter(|t| t.tag_name() == before.tag_name()) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = t.focus_with_options(&options);
        }
    }
    window.scroll_to_with_x_and_y(x, y);
    go_live();
}
