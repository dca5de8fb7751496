//! Where the bytes come from: HTTP in the browser, the staged data folder when pre-rendering.
//! Both name a failed file the same way (`data/<rel>`), so a page's error reads the same.

use minutebook_data::{Date, LoadError, LoadErrorKind};

/// The deployment: router base path and data root.
pub struct Site {
    /// Path prefix the app is served under, without a trailing slash ("" at the root).
    pub base: String,
    /// URL of the data folder, ending in "/" (absolute in the browser; from the site root
    /// when pre-rendering, where the host is not known).
    pub data_root: String,
}

#[cfg(not(feature = "ssr"))]
mod browser {
    use super::*;
    use leptos::prelude::document;
    use std::sync::OnceLock;

    /// How long a data request may take before the page says it failed (and offers a retry).
    const TIME_OUT_MS: u32 = 20_000;

    /// Read from `<base href>` (written by Trunk's `public_url`) and the optional
    /// `<meta name="minutebook:data" content="...">`, so one build setting moves the app.
    pub fn site() -> &'static Site {
        static SITE: OnceLock<Site> = OnceLock::new();
        SITE.get_or_init(|| {
            let doc = document();
            let base_uri = doc.base_uri().ok().flatten().unwrap_or_else(|| "/".into());
            let base_url = web_sys::Url::new(&base_uri).ok();
            let base = base_url
                .as_ref()
                .map(|u| u.pathname())
                .unwrap_or_else(|| "/".into());
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
            Site {
                base: base.trim_end_matches('/').to_string(),
                data_root,
            }
        })
    }

    /// Today's date in the reader's browser (for "next" and "latest" meetings).
    pub fn today() -> Date {
        let now = js_sys::Date::new_0();
        Date::new(
            now.get_full_year() as i32,
            now.get_month() as u8 + 1,
            now.get_date() as u8,
        )
        .unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
    }

    pub async fn bytes(rel: &str) -> Result<Vec<u8>, LoadError> {
        let _busy = crate::takeover::Busy::start();
        let url = format!("{}{}", site().data_root, rel);
        let fail = |kind| LoadError::new(format!("data/{rel}"), kind);
        // A request that timed out (or whose page has gone) is cancelled: the browser would
        // otherwise hold the retry for the same address behind it.
        let abort = AbortOnDrop(web_sys::AbortController::new().ok());
        let signal = abort.0.as_ref().map(|c| c.signal());
        let fetch = async {
            let response = gloo_net::http::Request::get(&url)
                .abort_signal(signal.as_ref())
                .send()
                .await
                .map_err(|e| {
                    fail(LoadErrorKind::Network {
                        message: e.to_string(),
                    })
                })?;
            if !response.ok() {
                return Err(fail(LoadErrorKind::Http {
                    status: response.status(),
                }));
            }
            response.binary().await.map_err(|e| {
                fail(LoadErrorKind::Network {
                    message: e.to_string(),
                })
            })
        };
        let time_out = async {
            sleep_ms(TIME_OUT_MS).await;
            Err(fail(LoadErrorKind::Network {
                message: format!("no answer within {} seconds", TIME_OUT_MS / 1000),
            }))
        };
        futures::pin_mut!(fetch, time_out);
        futures::future::select(fetch, time_out)
            .await
            .factor_first()
            .0
    }

    /// Aborts its fetch when dropped: after the time-out, or when the page no longer wants it
    /// (aborting a finished fetch does nothing).
    struct AbortOnDrop(Option<web_sys::AbortController>);

    impl Drop for AbortOnDrop {
        fn drop(&mut self) {
            if let Some(c) = &self.0 {
                c.abort();
            }
        }
    }

    /// A promise that resolves after `ms` (setTimeout), as a future.
    async fn sleep_ms(ms: u32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ =
                    w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

#[cfg(not(feature = "ssr"))]
pub use browser::{bytes, site, today};

#[cfg(feature = "ssr")]
mod disk {
    use super::*;
    use std::future::Future;
    use std::path::PathBuf;
    use std::sync::OnceLock;

    struct Build {
        site: Site,
        data_dir: PathBuf,
        today: Date,
    }

    static BUILD: OnceLock<Build> = OnceLock::new();

    thread_local! {
        /// Downloads the page being rendered offers, to be written beside it.
        static DOWNLOADS: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    thread_local! {
        /// Parsed files by (path, type), shared by every page of the run.
        static PARSED: std::cell::RefCell<std::collections::HashMap<(String, std::any::TypeId), std::rc::Rc<dyn std::any::Any>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }

    pub fn parsed<T: Clone + 'static>(rel: &str) -> Option<T> {
        PARSED.with(|p| {
            p.borrow()
                .get(&(rel.to_string(), std::any::TypeId::of::<T>()))?
                .downcast_ref::<T>()
                .cloned()
        })
    }

    pub fn keep_parsed<T: 'static>(rel: &str, value: T) {
        PARSED.with(|p| {
            p.borrow_mut().insert(
                (rel.to_string(), std::any::TypeId::of::<T>()),
                std::rc::Rc::new(value),
            )
        });
    }

    pub fn publish(rel: String, text: String) {
        DOWNLOADS.with(|d| d.borrow_mut().push((rel, text)));
    }

    /// The downloads published since the last call: (path under the site root, text).
    /// A view may be rendered more than once while its page is written; each file once.
    pub fn take_downloads() -> Vec<(String, String)> {
        let mut all = DOWNLOADS.with(|d| std::mem::take(&mut *d.borrow_mut()));
        let mut seen = std::collections::HashSet::new();
        all.retain(|(rel, _)| seen.insert(rel.clone()));
        all
    }

    /// Set once by the generator: the base path, the staged data folder and the build date.
    pub fn set_build_site(base: &str, data_dir: PathBuf, today: Date) {
        let base = base.trim_end_matches('/').to_string();
        let data_root = format!("{base}/data/");
        let _ = BUILD.set(Build {
            site: Site { base, data_root },
            data_dir,
            today,
        });
    }

    fn build() -> &'static Build {
        BUILD
            .get()
            .expect("set_build_site is called before pre-rendering")
    }

    pub fn site() -> &'static Site {
        &build().site
    }

    /// The build date: pages say what it was where it matters, and the app corrects them.
    pub fn today() -> Date {
        DAY_USED.with(|d| d.set(true));
        build().today
    }

    thread_local! {
        static DAY_USED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Whether anything rendered since the last call depended on the day. Such a page is
    /// marked with its build date, so the browser starts the app on any other day.
    pub fn take_day_used() -> bool {
        DAY_USED.with(|d| d.replace(false))
    }

    pub async fn bytes(rel: &str) -> Result<Vec<u8>, LoadError> {
        let fail = |kind| LoadError::new(format!("data/{rel}"), kind);
        if rel.split('/').any(|s| s == ".." || s.is_empty()) {
            return Err(fail(LoadErrorKind::Http { status: 404 }));
        }
        match std::fs::read(build().data_dir.join(rel)) {
            Ok(b) => Ok(b),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(fail(LoadErrorKind::Http { status: 404 }))
            }
            Err(e) => Err(fail(LoadErrorKind::Network {
                message: e.to_string(),
            })),
        }
    }

    /// Disk reads never wait, so every load finishes on its first poll.
    pub fn ready<T>(fut: impl Future<Output = T>) -> T {
        use futures::FutureExt;
        let fut = std::pin::pin!(fut);
        fut.now_or_never()
            .expect("a pre-rendered page's data loads without waiting (files are read from disk)")
    }
}

#[cfg(feature = "ssr")]
pub use disk::{
    bytes, keep_parsed, parsed, publish, ready, set_build_site, site, take_day_used,
    take_downloads, today,
};
