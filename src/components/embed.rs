//! What makes a page work inside a council's iframe:
//!
//! * its height is posted to the host page (`{type: "minutebook:height", height}`) on
//!   load, whenever the content changes size, and when the host's `embed.js` asks
//!   (`{type: "minutebook:hello"}`), so the iframe can follow its content;
//! * its links open the full view in the top window (`?links=top`, the default) or a new
//!   tab (`?links=new`), never inside the small frame.
//!
//! Messages go to the origin named by `?parent=https://council.example` (else the
//! referring page's origin; `*` only when neither is known: a height is not a secret).

use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MessageEvent, MutationObserver, MutationObserverInit, ResizeObserver};

/// Where links inside an embed open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// Replace the host page (`target="_top"`).
    Top,
    /// A new tab (`target="_blank" rel="noopener"`), announced to screen readers.
    NewTab,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    pub links: LinkTarget,
    /// The host page's origin from `?parent=`, when it is a valid http(s) origin.
    pub parent_origin: Option<String>,
}

/// The id of the hidden "opens in a new tab" description new-tab links point to.
pub const NEW_TAB_NOTE: &str = "mb-new-tab-note";

impl EmbedOptions {
    pub fn from_query(links: Option<&str>, parent: Option<&str>) -> EmbedOptions {
        let links = match links.map(str::trim) {
            Some("new" | "blank" | "_blank" | "tab") => LinkTarget::NewTab,
            _ => LinkTarget::Top,
        };
        let parent_origin = parent.and_then(|p| {
            let origin = http_origin(p);
            if origin.is_none() {
                leptos::logging::warn!("Minutebook embed: ignoring ?parent={p}: not an http(s) address");
            }
            origin
        });
        EmbedOptions { links, parent_origin }
    }

    /// The origin height messages are posted to.
    fn target_origin(&self) -> String {
        self.parent_origin
            .clone()
            .or_else(|| http_origin(&document().referrer()))
            .unwrap_or_else(|| "*".into())
    }
}

fn http_origin(url: &str) -> Option<String> {
    let u = web_sys::Url::new(url).ok()?;
    matches!(u.protocol().as_str(), "http:" | "https:").then(|| u.origin())
}

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
    static LAST_HEIGHT: Cell<f64> = const { Cell::new(-1.0) };
}

/// Start posting heights and retargeting links for this document. An embed never
/// navigates inside its frame (its links leave it), so this is set up once per document
/// and the observers live as long as the page.
pub fn install(options: EmbedOptions) {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    let Some(main) = document().get_element_by_id("main") else { return };

    let target = options.target_origin();
    retarget_links(&main, options.links);
    // Content changes (data arriving) are reported from here as well as from the
    // ResizeObserver: Chrome does not run rendering steps (ResizeObserver,
    // requestAnimationFrame) in cross-origin frames that are off screen.
    let on_mutation = Closure::<dyn Fn()>::new({
        let (main, links, target) = (main.clone(), options.links, target.clone());
        move || {
            retarget_links(&main, links);
            post_height(&main, &target, false);
        }
    });
    if let Ok(observer) = MutationObserver::new(on_mutation.as_ref().unchecked_ref()) {
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_attributes(true);
        // Only href changes matter; setting target/rel must not wake the observer again.
        init.set_attribute_filter(&js_sys::Array::of1(&"href".into()));
        let _ = observer.observe_with_options(&main, &init);
    }
    on_mutation.forget();

    let on_resize = Closure::<dyn Fn()>::new({
        let (main, target) = (main.clone(), target.clone());
        move || post_height(&main, &target, false)
    });
    if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&main);
    }
    on_resize.forget();

    // embed.js says hello when it starts (it may have missed our first message).
    let on_message = Closure::<dyn Fn(MessageEvent)>::new({
        let (main, parent_origin) = (main.clone(), options.parent_origin.clone());
        move |ev: MessageEvent| {
            let is_hello = js_sys::Reflect::get(&ev.data(), &"type".into())
                .ok()
                .and_then(|t| t.as_string())
                .is_some_and(|t| t == "minutebook:hello");
            let from_parent = match (ev.source(), window().parent()) {
                (Some(source), Ok(Some(parent))) => js_sys::Object::is(&source, &parent),
                _ => false,
            };
            let origin_ok = parent_origin.as_ref().is_none_or(|o| *o == ev.origin());
            if is_hello && from_parent && origin_ok {
                post_height(&main, &target, true);
            }
        }
    });
    let _ = window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();

    post_height(&main, &options.target_origin(), true);
}

/// Tell the host page how tall the content is (in CSS pixels, rounded up).
fn post_height(main: &Element, target_origin: &str, force: bool) {
    let w = window();
    let Ok(Some(parent)) = w.parent() else { return };
    if js_sys::Object::is(&parent, &w) {
        return; // not in a frame
    }
    let rect = main.get_bounding_client_rect();
    let height = (rect.bottom() + w.scroll_y().unwrap_or(0.0)).ceil();
    if !force && LAST_HEIGHT.with(|h| h.get()) == height {
        return;
    }
    LAST_HEIGHT.with(|h| h.set(height));
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"minutebook:height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
    let _ = parent.post_message(&msg, target_origin);
}

/// Every link that leaves the page opens the full view outside the frame. In-page links
/// (`#item-3`) stay in the frame.
fn retarget_links(main: &Element, links: LinkTarget) {
    let Ok(list) = main.query_selector_all("a[href]") else { return };
    for i in 0..list.length() {
        let Some(a) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        if a.get_attribute("href").is_some_and(|h| h.starts_with('#')) {
            continue;
        }
        let set = |name: &str, value: &str| {
            if a.get_attribute(name).as_deref() != Some(value) {
                let _ = a.set_attribute(name, value);
            }
        };
        match links {
            LinkTarget::Top => set("target", "_top"),
            LinkTarget::NewTab => {
                set("target", "_blank");
                set("rel", "noopener");
                set("aria-describedby", NEW_TAB_NOTE);
            }
        }
    }
}
