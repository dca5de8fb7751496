//! "Download this table (CSV)": the CSV text is built in Rust (the `csv` crate, in
//! `minutebook_domain::csv_export`). Pre-rendering writes it as a file beside the page (a
//! plain link, no JavaScript); in the browser it is a Blob object URL on an
//! `<a download>` that follows what is on screen (a filtered table).

use leptos::prelude::*;
#[cfg(not(feature = "ssr"))]
use std::sync::{Arc, Mutex};
#[cfg(not(feature = "ssr"))]
use wasm_bindgen::JsValue;

/// A download link for CSV text; it follows `csv` (e.g. a filtered table) as it changes.
#[component]
pub fn CsvDownload(
    #[prop(into)] csv: Signal<String>,
    /// The file name offered, e.g. `care-experienced-activity-status.csv`.
    #[prop(into)]
    filename: String,
    /// The link's words, naming the table.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let url = {
        let text = format!("\u{feff}{}", csv.get_untracked());
        RwSignal::new(Some(crate::data::publish_download(
            &crate::routes::current_page(),
            &filename,
            text,
        )))
    };
    #[cfg(not(feature = "ssr"))]
    let url = RwSignal::new(None::<String>);
    // The object URL in force, revoked when replaced or when the link goes away.
    #[cfg(not(feature = "ssr"))]
    let current: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
    #[cfg(not(feature = "ssr"))]
    Effect::new({
        let current = current.clone();
        move |_| {
            let fresh = blob_url(&csv.get());
            if let Ok(mut held) = current.lock() {
                if let Some(old) = held.take() {
                    let _ = web_sys::Url::revoke_object_url(&old);
                }
                held.clone_from(&fresh);
            }
            url.set(fresh);
        }
    });
    #[cfg(not(feature = "ssr"))]
    on_cleanup(move || {
        if let Some(old) = current.lock().ok().and_then(|mut h| h.take()) {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
    });
    move || {
        url.get().map(|href| {
            view! {
                <p class="csv-download">
                    <a class="csv-download__link" href=href download=filename.clone()>{label.clone()}</a>
                </p>
            }
        })
    }
}

/// A `blob:` URL for the text, typed as UTF-8 CSV with a byte-order mark so spreadsheet
/// programs read curly quotes and “£” correctly.
#[cfg(not(feature = "ssr"))]
fn blob_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(&format!("\u{feff}{text}")));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
