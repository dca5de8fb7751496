//! Fetching the search index: the manifest once, then only the term shards and record
//! files a query needs, each kept for the rest of the visit so typing on is free.

use minutebook_data::{LoadError, LoadErrorKind};
use minutebook_search::query::{self, Filters, Outcome, Query};
use minutebook_search::shard::{decode, Shard};
use minutebook_search::{Doc, Manifest};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// Where the index lives, relative to the data root.
pub const SEARCH_DIR: &str = "search/";

thread_local! {
    static MANIFEST: RefCell<Option<Arc<Manifest>>> = const { RefCell::new(None) };
    static SHARDS: RefCell<HashMap<usize, Arc<Shard>>> = RefCell::new(HashMap::new());
    static DOCS: RefCell<HashMap<u32, Rc<Vec<Doc>>>> = RefCell::new(HashMap::new());
}

/// Search files live under `search/` in the data root; fetching is the app's one fetch.
async fn fetch_bytes(rel: &str) -> Result<Vec<u8>, LoadError> {
    crate::data::fetch_bytes(&format!("{SEARCH_DIR}{rel}")).await
}

fn damaged(rel: &str, message: String) -> LoadError {
    LoadError::new(
        format!("data/{SEARCH_DIR}{rel}"),
        LoadErrorKind::WrongShape {
            path: "the top level".into(),
            message,
        },
    )
}

pub async fn manifest() -> Result<Arc<Manifest>, LoadError> {
    if let Some(m) = MANIFEST.with(|m| m.borrow().clone()) {
        return Ok(m);
    }
    let rel = "manifest.json";
    let bytes = fetch_bytes(rel).await?;
    if minutebook_data::is_web_page(&bytes) {
        return Err(LoadError::new(
            format!("data/{SEARCH_DIR}{rel}"),
            LoadErrorKind::WebPage,
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let m: Manifest = serde_json::from_slice(bytes).map_err(|e| damaged(rel, e.to_string()))?;
    if m.format != minutebook_search::FORMAT {
        return Err(LoadError::new(
            format!("data/{SEARCH_DIR}{rel}"),
            LoadErrorKind::Format(minutebook_data::FormatError::Unknown { found: m.format }),
        ));
    }
    // Facets that point past the lists they index: a message, never a wrong answer or a panic.
    m.validate().map_err(|e| damaged(rel, e))?;
    let m = Arc::new(m);
    MANIFEST.with(|c| *c.borrow_mut() = Some(m.clone()));
    Ok(m)
}

/// Fetch the shards `query` needs (those not yet loaded), then run it.
pub async fn search(
    manifest: &Manifest,
    query: &Query,
    filters: &Filters,
) -> Result<Outcome, LoadError> {
    let missing: Vec<usize> = query::shards_needed(manifest, query)
        .into_iter()
        .filter(|k| SHARDS.with(|s| !s.borrow().contains_key(k)))
        .collect();
    let loaded = futures::future::join_all(missing.into_iter().map(|key| async move {
        let rel = Manifest::shard_path(key);
        let bytes = fetch_bytes(&rel).await?;
        let shard = decode(&bytes).map_err(|e| damaged(&rel, e))?;
        Ok::<_, LoadError>((key, shard))
    }))
    .await;
    for r in loaded {
        let (key, shard) = r?;
        SHARDS.with(|s| s.borrow_mut().insert(key, Arc::new(shard)));
    }
    Ok(SHARDS.with(|s| query::search(manifest, &s.borrow(), query, filters)))
}

/// The records `ids`, in order (fetching each file once).
pub async fn docs(manifest: &Manifest, ids: &[u32]) -> Result<Vec<Doc>, LoadError> {
    let per = manifest.docs_per_file.max(1);
    let mut files: Vec<u32> = ids
        .iter()
        .map(|id| id / per)
        .filter(|f| DOCS.with(|d| !d.borrow().contains_key(f)))
        .collect();
    files.sort_unstable();
    files.dedup();
    let loaded = futures::future::join_all(files.into_iter().map(|n| async move {
        let rel = manifest.doc_path(n * per);
        let bytes = fetch_bytes(&rel).await?;
        let docs: Vec<Doc> =
            serde_json::from_slice(&bytes).map_err(|e| damaged(&rel, e.to_string()))?;
        Ok::<_, LoadError>((n, docs))
    }))
    .await;
    for r in loaded {
        let (n, docs) = r?;
        DOCS.with(|d| d.borrow_mut().insert(n, Rc::new(docs)));
    }
    ids.iter()
        .map(|&id| {
            DOCS.with(|d| {
                d.borrow()
                    .get(&(id / per))
                    .and_then(|f| f.get((id % per) as usize).cloned())
            })
            .ok_or_else(|| damaged(&manifest.doc_path(id), format!("record {id} is missing")))
        })
        .collect()
}

#[cfg(not(feature = "ssr"))]
fn performance_call(method: &str, args: &js_sys::Array) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::{JsCast, JsValue};
    let window: JsValue = web_sys::window()?.into();
    let perf = js_sys::Reflect::get(&window, &JsValue::from_str("performance")).ok()?;
    let f = js_sys::Reflect::get(&perf, &JsValue::from_str(method))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    f.apply(&perf, args).ok()
}

/// `performance.now()`, in milliseconds (0 when pre-rendering).
#[cfg(feature = "ssr")]
pub fn now() -> f64 {
    0.0
}

/// Record a timing (browser only).
#[cfg(feature = "ssr")]
pub fn measure(_name: &str, _start: f64) {}

/// `performance.now()`, in milliseconds.
#[cfg(not(feature = "ssr"))]
pub fn now() -> f64 {
    performance_call("now", &js_sys::Array::new())
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// Record a timing (`performance.measure(name, {start})`): the benchmark reads these.
#[cfg(not(feature = "ssr"))]
pub fn measure(name: &str, start: f64) {
    use wasm_bindgen::JsValue;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &options,
        &JsValue::from_str("start"),
        &JsValue::from_f64(start),
    );
    performance_call(
        "measure",
        &js_sys::Array::of2(&JsValue::from_str(name), &options),
    );
}
