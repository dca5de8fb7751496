//! The data layer: the one place that reads published files. Pages ask for a file by its
//! path under the data root and never know where the bytes come from:
//!
//! * in the browser, [`backend`] fetches them over HTTP (with a time-out);
//! * when pages are pre-rendered at build time (`ssr`), it reads them from the staged
//!   data folder on disk, and every load is ready before the page is written.
//!
//! [`Load`] is the resource pages render from (through `components::load::Loaded`),
//! [`load_into`] fills a plain signal for things a page never waits for (name links,
//! follow-up lines), and [`search`] holds the search index pieces.

mod backend;
pub mod search;

use leptos::prelude::*;
use minutebook_data::{paths, Catalogue, Glossary, LoadError, Meeting, Versioned};
use minutebook_domain::glossary::GlossaryIndex;
use std::future::{Future, IntoFuture};
use std::sync::Arc;

#[cfg(feature = "ssr")]
pub use backend::{ready, set_build_site, take_day_used, take_downloads};
pub use backend::{site, today, Site};

/// Fetch the bytes of a published file; `rel` is relative to the data root. Errors name
/// the file as a council web team would find it on their host (`data/<rel>`).
pub async fn fetch_bytes(rel: &str) -> Result<Vec<u8>, LoadError> {
    backend::bytes(rel).await
}

/// Fetch and parse a published file; `rel` is relative to the data root.
pub async fn fetch_file<T: Versioned>(rel: &str) -> Result<T, LoadError> {
    let bytes = fetch_bytes(rel).await?;
    minutebook_data::parse_bytes::<T>(&format!("data/{rel}"), &bytes)
}

/// Fetch and parse a published file to share between views. Pre-rendering reads the same
/// files (the catalogue above all) for thousands of pages, so it parses each once.
pub async fn fetch_shared<T: Versioned + Send + Sync + 'static>(rel: &str) -> Loaded<T> {
    #[cfg(feature = "ssr")]
    if let Some(v) = backend::parsed::<Arc<T>>(rel) {
        return Ok(v);
    }
    let value = Arc::new(fetch_file::<T>(rel).await?);
    #[cfg(feature = "ssr")]
    backend::keep_parsed(rel, value.clone());
    Ok(value)
}

/// Fetch several files at once (the requests overlap); the first failure is the error.
pub async fn fetch_all<T: Versioned>(files: &[String]) -> Result<Vec<T>, LoadError> {
    futures::future::join_all(files.iter().map(|f| fetch_file::<T>(f)))
        .await
        .into_iter()
        .collect()
}

pub type Loaded<T> = Result<Arc<T>, LoadError>;

pub async fn fetch_meeting(id: String) -> Loaded<Meeting> {
    fetch_shared::<Meeting>(&paths::meeting(&id)).await
}

/// A value a page renders from, loaded by `fetcher`. In the browser it is a
/// `LocalResource` (loading state, refetch when a signal the fetcher reads changes). When
/// pre-rendering it is loaded on creation, so the page is written with its content rather
/// than its loading state.
///
/// The retry after a failure makes a new resource rather than calling
/// `LocalResource::refetch`, and `components::status::Loads` rebuilds the view that awaits
/// it: a retry then never depends on how a failed resource is read again.
pub struct Load<T: 'static> {
    #[cfg(not(feature = "ssr"))]
    current: RwSignal<LocalResource<T>, LocalStorage>,
    #[cfg(not(feature = "ssr"))]
    remake: StoredValue<Box<dyn Fn() -> LocalResource<T>>, LocalStorage>,
    #[cfg(feature = "ssr")]
    inner: StoredValue<T, LocalStorage>,
}

impl<T: 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: 'static> Copy for Load<T> {}

impl<T: Clone + 'static> Load<T> {
    pub fn new<Fut>(fetcher: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        #[cfg(not(feature = "ssr"))]
        {
            let fetcher = std::rc::Rc::new(fetcher);
            // Later resources belong where this one does, not to the click that retried.
            let owner = Owner::current();
            let remake = move || {
                let fetcher = fetcher.clone();
                let make = move || LocalResource::new(move || fetcher());
                match &owner {
                    Some(o) => o.with(make),
                    None => make(),
                }
            };
            Load {
                current: RwSignal::new_local(remake()),
                remake: StoredValue::new_local(Box::new(remake)),
            }
        }
        #[cfg(feature = "ssr")]
        {
            Load {
                inner: StoredValue::new_local(backend::ready(fetcher())),
            }
        }
    }

    /// The value, once loaded.
    pub fn get(&self) -> Option<T> {
        #[cfg(not(feature = "ssr"))]
        {
            self.current.get().get()
        }
        #[cfg(feature = "ssr")]
        {
            Some(self.inner.get_value())
        }
    }

    /// Load again (the retry after a failure).
    pub fn refetch(&self) {
        #[cfg(not(feature = "ssr"))]
        if let Some(resource) = self.remake.try_with_value(|remake| remake()) {
            self.current.set(resource);
        }
    }
}

impl<T: Clone + 'static> IntoFuture for Load<T> {
    type Output = T;
    #[cfg(not(feature = "ssr"))]
    type IntoFuture = <LocalResource<T> as IntoFuture>::IntoFuture;
    #[cfg(feature = "ssr")]
    type IntoFuture = std::future::Ready<T>;

    fn into_future(self) -> Self::IntoFuture {
        #[cfg(not(feature = "ssr"))]
        {
            self.current.get().into_future()
        }
        #[cfg(feature = "ssr")]
        {
            std::future::ready(self.inner.get_value())
        }
    }
}

/// Run `fut` and hand its result to `done`, without making the page wait: in the browser it
/// runs in the background; when pre-rendering it is finished before the page is written.
pub fn load_into<T: 'static>(
    fut: impl Future<Output = T> + 'static,
    done: impl FnOnce(T) + 'static,
) {
    #[cfg(not(feature = "ssr"))]
    leptos::task::spawn_local(async move { done(fut.await) });
    #[cfg(feature = "ssr")]
    done(backend::ready(fut));
}

/// Where a page's download (CSV, calendar) is: `downloads/<page path>/<file name>`, under
/// the site root (`page` is an app path such as `/meetings/x`).
fn download_path(page: &str, file_name: &str) -> String {
    let page = page.trim_end_matches('/');
    let page = if page.is_empty() { "/home" } else { page };
    format!("downloads{page}/{file_name}")
}

/// The link to a download written at build time beside its page.
pub fn download_link(page: &str, file_name: &str) -> String {
    crate::routes::href(&format!("/{}", download_path(page, file_name)))
}

/// Write a download beside the pre-rendered page, so its link works without JavaScript.
/// Returns the link.
#[cfg(feature = "ssr")]
pub fn publish_download(page: &str, file_name: &str, text: String) -> String {
    backend::publish(download_path(page, file_name), text);
    download_link(page, file_name)
}

/// The catalogue, loaded once and shared by every page.
#[derive(Clone, Copy)]
pub struct CatalogueResource(pub Load<Loaded<Catalogue>>);

pub fn provide_catalogue() {
    let resource = Load::new(|| async { fetch_shared::<Catalogue>(paths::CATALOGUE).await });
    provide_context(CatalogueResource(resource));
    provide_glossary();
}

/// The glossary, loaded once for every page. `loaded` mirrors the resource in a plain signal
/// so paper text can be marked up whenever it arrives, without making a page wait for it.
#[derive(Clone, Copy)]
pub struct GlossaryResource {
    pub resource: Load<Loaded<GlossaryIndex>>,
    pub loaded: RwSignal<Option<Loaded<GlossaryIndex>>>,
}

fn provide_glossary() {
    let resource = Load::new(|| async {
        fetch_file::<Glossary>(paths::GLOSSARY)
            .await
            .map(|g| Arc::new(GlossaryIndex::new(&g)))
    });
    // Pre-rendering has it already; in the browser the effect fills it when it arrives.
    let loaded = RwSignal::new(if cfg!(feature = "ssr") {
        resource.get()
    } else {
        None
    });
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

pub fn use_catalogue() -> Load<Loaded<Catalogue>> {
    expect_context::<CatalogueResource>().0
}
