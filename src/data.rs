//! Where the app lives and where its data is: the base path (for sub-path deployments)
//! and fetching published files with errors that name the file.

use leptos::prelude::*;
use minutebook_data::{paths, Catalogue, Glossary, LoadError, LoadErrorKind, Meeting, Versioned};
use minutebook_domain::glossary::GlossaryIndex;
use std::sync::{Arc, OnceLock};

/// The deployment: router base path and data root, read once from the document.
pub struct Site {
    /// Path prefix the app is served under, without a trailing slash ("" at the root).
    pub base: String,
    /// Absolute URL of the data folder, ending in "/".
    pub data_root: String,
}

/// Read from `<base href>` (written by Trunk's `public_url`) and the optional
/// `<meta name="minutebook:data" content="...">`, so one build setting moves the app.
pub fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let doc = document();
        let base_uri = doc.base_uri().ok().flatten().unwrap_or_else(|| "/".into());
        let base_url = web_sys::Url::new(&base_uri).ok();
        let base = base_url.as_ref().map(|u| u.pathname()).unwrap_or_else(|| "/".into());
        let data = doc
            .query_selector("meta[name='minutebook:data']")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_else(|| "data/".into());
        let mut data_root = web_sys::Url::new_with_base(&data, &base_uri)
            .map(|u| u.href())
            .unwrap_or_else(|_| format!("{base}data/"));
        if !data_root.ends_with('/') {
            data_root.push('/');
        }
        Site { base: base.trim_end_matches('/').to_string(), data_root }
    })
}

/// An in-app link target under the base path: `href("/meetings/x")`.
pub fn href(path: &str) -> String {
    format!("{}{}", site().base, path)
}

pub fn meeting_href(id: &str, anchor: Option<&str>) -> String {
    match anchor {
        Some(a) => href(&format!("/meetings/{id}#{a}")),
        None => href(&format!("/meetings/{id}")),
    }
}

pub fn committee_href(id: &str) -> String {
    href(&format!("/committees/{id}"))
}

/// Fetch the bytes of a published file; `rel` is relative to the data root. Errors name
/// the file as a council web team would find it on their host (`data/<rel>`).
pub async fn fetch_bytes(rel: &str) -> Result<Vec<u8>, LoadError> {
    let url = format!("{}{}", site().data_root, rel);
    let fail = |kind| LoadError::new(format!("data/{rel}"), kind);
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| fail(LoadErrorKind::Network { message: e.to_string() }))?;
    if !response.ok() {
        return Err(fail(LoadErrorKind::Http { status: response.status() }));
    }
    response.binary().await.map_err(|e| fail(LoadErrorKind::Network { message: e.to_string() }))
}

/// Fetch and parse a published file; `rel` is relative to the data root.
pub async fn fetch_file<T: Versioned>(rel: &str) -> Result<T, LoadError> {
    let bytes = fetch_bytes(rel).await?;
    minutebook_data::parse_bytes::<T>(&format!("data/{rel}"), &bytes)
}

pub type Loaded<T> = Result<Arc<T>, LoadError>;

/// The catalogue, loaded once and shared by every page.
#[derive(Clone, Copy)]
pub struct CatalogueResource(pub LocalResource<Loaded<Catalogue>>);

pub fn provide_catalogue() {
    let resource = LocalResource::new(|| async { fetch_file::<Catalogue>(paths::CATALOGUE).await.map(Arc::new) });
    provide_context(CatalogueResource(resource));
    provide_glossary();
}

/// The glossary, loaded once for every page. `loaded` mirrors the resource in a plain signal
/// so paper text can be marked up whenever it arrives, without making a page wait for it.
#[derive(Clone, Copy)]
pub struct GlossaryResource {
    pub resource: LocalResource<Loaded<GlossaryIndex>>,
    pub loaded: RwSignal<Option<Loaded<GlossaryIndex>>>,
}

fn provide_glossary() {
    let resource = LocalResource::new(|| async {
        fetch_file::<Glossary>(paths::GLOSSARY).await.map(|g| Arc::new(GlossaryIndex::new(&g)))
    });
    let loaded = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(v) = resource.get() {
            loaded.set(Some(v));
        }
    });
    provide_context(GlossaryResource { resource, loaded });
}

pub fn use_glossary() -> Option<GlossaryResource> {
    use_context::<GlossaryResource>()
}

pub fn use_catalogue() -> LocalResource<Loaded<Catalogue>> {
    expect_context::<CatalogueResource>().0
}

pub async fn fetch_meeting(id: String) -> Loaded<Meeting> {
    fetch_file::<Meeting>(&paths::meeting(&id)).await.map(Arc::new)
}

/// Today's date in the reader's browser (for "next" and "latest" meetings).
pub fn today() -> minutebook_data::Date {
    let now = js_sys::Date::new_0();
    minutebook_data::Date::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8)
        .unwrap_or(minutebook_data::Date { year: 1970, month: 1, day: 1 })
}
