//! Browser test harness: serves `dist/` with [`minutebook_tools::serve::Server`], starts a
//! private `chromedriver` and a headless Chromium, and hands the test an [`App`].
//!
//! ```ignore
//! #[tokio::test]
//! async fn home_page() {
//!     common::run("home_page", async |app| {
//!         app.goto("/").await?;
//!         app.wait_for_text("h1", "Committee meetings").await?;
//!         Ok(())
//!     })
//!     .await;
//! }
//! ```
//!
//! [`run`] always quits the browser and stops chromedriver *before* it re-raises a failed
//! assertion or error (otherwise the WebDriver drop blocks for minutes and leaks a
//! Chromium), and prints the URL, the page text and a screenshot path when a test fails.
//!
//! Environment:
//! * `MINUTEBOOK_DIST` — folder to serve (default `<repo>/dist`, built by `trunk build`).
//! * `MINUTEBOOK_CHROME` — Chromium binary (default `/usr/bin/chromium`).
//! * `MINUTEBOOK_CHROMEDRIVER` — chromedriver binary (default `chromedriver` on PATH).
//! * `MINUTEBOOK_BROWSERS` — how many browsers may run at once (default 2).
//! * `MINUTEBOOK_WAIT_SECS` — how long waits poll before failing (default 15).
//! * `MINUTEBOOK_HEADFUL=1` — show the browser (needs a display).

#![allow(dead_code)]

use minutebook_tools::serve::Server;
use serde_json::Value;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
pub use thirtyfour::prelude::*;

/// What test bodies return; `?` works on WebDriver errors and on `String`s.
pub type TestResult<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Fail a test with a message (for use with `?` / `return Err(...)`).
pub fn fail<T>(msg: impl Into<String>) -> TestResult<T> {
    Err(msg.into().into())
}

/// Pass when no problem was found, else fail with all of them (`sep` between), so one run
/// reports every page that has one.
pub fn fail_if_any(problems: &[String], sep: &str) -> TestResult {
    if problems.is_empty() {
        Ok(())
    } else {
        fail(problems.join(sep))
    }
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The folder the browser tests serve: `$MINUTEBOOK_DIST` or `<repo>/dist`.
pub fn dist_dir() -> PathBuf {
    std::env::var_os("MINUTEBOOK_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("dist"))
}

/// Copy a folder recursively (a built site, to change its data for one test).
pub fn copy_dir(from: &Path, to: &Path) {
    minutebook_tools::files::copy_tree(from, to).unwrap();
}

/// One of the app's own files in a build, as served: `app_file(dist, "_bg.wasm")` is
/// `/minutebook-<hash>_bg.wasm`, `app_file(dist, ".js")` its JS glue.
pub fn app_file(dist: &Path, suffix: &str) -> String {
    let name = std::fs::read_dir(dist)
        .unwrap_or_else(|e| panic!("{}: {e}", dist.display()))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|n| {
            n.starts_with("minutebook-")
                && n.ends_with(suffix)
                && !(suffix == ".js" && n.ends_with("_bg.js"))
        })
        .unwrap_or_else(|| panic!("no minutebook-*{suffix} in {}", dist.display()));
    format!("/{name}")
}

/// Pre-render a built folder again after a test changed its data, as `trunk build` does
/// (its hook builds `target/debug/prerender`; `MINUTEBOOK_PRERENDER` overrides the binary).
pub fn prerender(dist: &Path, base: &str) {
    let bin = std::env::var_os("MINUTEBOOK_PRERENDER")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/debug/prerender"));
    let status = Command::new(&bin)
        .arg(dist)
        .args(["--base", base])
        .status()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {}: {e} (`trunk build` builds it)",
                bin.display()
            )
        });
    assert!(status.success(), "prerender failed on {}", dist.display());
}

fn wait_timeout() -> Duration {
    let secs = std::env::var("MINUTEBOOK_WAIT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(15.0);
    Duration::from_secs_f64(secs)
}

const POLL: Duration = Duration::from_millis(100);

// ---------------------------------------------------------------------------------------
// Limit on concurrent browsers (each test binary; scripts/test.sh also runs 2 threads).

static BUSY: Mutex<usize> = Mutex::new(0);
static FREED: Condvar = Condvar::new();

struct BrowserSlot;

impl BrowserSlot {
    fn acquire() -> BrowserSlot {
        let max = std::env::var("MINUTEBOOK_BROWSERS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(2usize)
            .max(1);
        let mut busy = BUSY.lock().unwrap_or_else(|e| e.into_inner());
        while *busy >= max {
            busy = FREED.wait(busy).unwrap_or_else(|e| e.into_inner());
        }
        *busy += 1;
        BrowserSlot
    }
}

impl Drop for BrowserSlot {
    fn drop(&mut self) {
        *BUSY.lock().unwrap_or_else(|e| e.into_inner()) -= 1;
        FREED.notify_one();
    }
}

// ---------------------------------------------------------------------------------------
// chromedriver process (own process group, so Chromium dies with it if quit fails).

struct ChromeDriver {
    child: Child,
    port: u16,
    profile: PathBuf,
}

impl ChromeDriver {
    fn start() -> ChromeDriver {
        static N: AtomicUsize = AtomicUsize::new(0);
        let bin =
            std::env::var("MINUTEBOOK_CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let profile = std::env::temp_dir().join(format!(
            "minutebook-chrome-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile).expect("create a Chromium profile folder");
        let mut last_err = String::new();
        for _attempt in 0..3 {
            let port = free_port();
            let mut cmd = Command::new(&bin);
            cmd.arg(format!("--port={port}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            #[cfg(unix)]
            {
                use std::os::unix::process::CommandExt;
                cmd.process_group(0);
            }
            let mut child = match cmd.spawn() {
                Ok(c) => c,
                Err(e) => panic!(
                    "cannot start `{bin}`: {e}\nInstall chromium and chromium-driver (bash scripts/setup.sh --browser) \
                     or set MINUTEBOOK_CHROMEDRIVER."
                ),
            };
            let deadline = Instant::now() + Duration::from_secs(20);
            while Instant::now() < deadline {
                if let Ok(Some(status)) = child.try_wait() {
                    last_err = format!("chromedriver exited with {status}");
                    break;
                }
                if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return ChromeDriver {
                        child,
                        port,
                        profile,
                    };
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            if last_err.is_empty() {
                last_err = "chromedriver did not listen within 20 s".into();
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("cannot start chromedriver: {last_err}");
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            // The whole group: chromedriver and any Chromium it started.
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", self.child.id())])
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

fn chrome_binary() -> String {
    if let Ok(bin) = std::env::var("MINUTEBOOK_CHROME") {
        return bin;
    }
    for bin in [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ] {
        if Path::new(bin).exists() {
            return bin.into();
        }
    }
    "/usr/bin/chromium".into()
}

async fn new_driver(chromedriver: &ChromeDriver, javascript: bool) -> WebDriverResult<WebDriver> {
    let mut caps = DesiredCapabilities::chrome();
    if !javascript {
        // Pages' own scripts off, as for a reader with JavaScript disabled (WebDriver's still run).
        caps.add_experimental_option(
            "prefs",
            serde_json::json!({ "profile.managed_default_content_settings.javascript": 2 }),
        )?;
    }
    caps.set_binary(&chrome_binary())?;
    let headful = std::env::var("MINUTEBOOK_HEADFUL").is_ok_and(|v| v == "1");
    let profile = format!("--user-data-dir={}", chromedriver.profile.display());
    let mut args = vec![
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-crash-reporter",
        "--disable-breakpad",
        "--window-size=1280,900",
        "--lang=en-GB",
        profile.as_str(),
    ];
    if !headful {
        args.insert(0, "--headless=new");
    }
    for arg in args {
        caps.add_arg(arg)?;
    }
    WebDriver::new(chromedriver.url(), caps).await
}

// ---------------------------------------------------------------------------------------
// Running a test.

/// Polls the inner future, turning a panic into an `Err` so the browser can be closed first.
struct CatchUnwind<F>(Pin<Box<F>>);

impl<F: Future> Future for CatchUnwind<F> {
    type Output = std::thread::Result<F::Output>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(v)) => Poll::Ready(Ok(v)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

/// Run one browser test against `dist/` served at `/`.
pub async fn run<F>(name: &str, test: F)
where
    F: AsyncFnOnce(&App) -> TestResult,
{
    run_dist(name, dist_dir(), "/", test).await
}

/// Run one browser test against the build in `dist`, mounted under `base` (e.g.
/// `"/meetings/"` for a build made with `trunk build --public-url /meetings/`).
pub async fn run_dist<F>(name: &str, dist: PathBuf, base: &str, test: F)
where
    F: AsyncFnOnce(&App) -> TestResult,
{
    run_dist_with(name, dist, base, true, test).await
}

/// Run one browser test against `dist/` with the page's JavaScript switched off.
pub async fn run_without_javascript<F>(name: &str, test: F)
where
    F: AsyncFnOnce(&App) -> TestResult,
{
    run_dist_with(name, dist_dir(), "/", false, test).await
}

async fn run_dist_with<F>(name: &str, dist: PathBuf, base: &str, javascript: bool, test: F)
where
    F: AsyncFnOnce(&App) -> TestResult,
{
    if !dist.join("index.html").is_file() {
        panic!(
            "{}/index.html is missing: run trunk build first (`trunk build index.html --release`, \
             or everything with `bash scripts/test.sh`)",
            dist.display()
        );
    }
    let _slot = BrowserSlot::acquire();
    let server = Server::start_at(dist, 0, base);
    // Chromium occasionally fails to start on a loaded machine; a fresh chromedriver and
    // profile usually succeeds, so try a few times before calling it a failure.
    let mut attempt = 0;
    let (chromedriver, driver) = loop {
        let chromedriver = ChromeDriver::start();
        match new_driver(&chromedriver, javascript).await {
            Ok(d) => break (chromedriver, d),
            Err(e) if attempt < 2 => {
                eprintln!("{name}: Chromium did not start ({e}); trying again");
                drop(chromedriver);
                attempt += 1;
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => panic!("{name}: cannot start Chromium through chromedriver: {e}"),
        }
    };
    let app = App {
        driver,
        server,
        name: name.to_string(),
        javascript,
    };

    let outcome = CatchUnwind(Box::pin(test(&app))).await;
    let failed = !matches!(outcome, Ok(Ok(())));
    if failed {
        app.report_failure().await;
    }

    // Quit before re-raising anything.
    let App { driver, server, .. } = app;
    match tokio::time::timeout(Duration::from_secs(20), driver.quit()).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => eprintln!("{name}: quitting the browser failed: {e}"),
        Err(_) => eprintln!("{name}: quitting the browser timed out; killing chromedriver"),
    }
    drop(chromedriver);
    drop(server);

    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            // Print and unwind without the panic hook: no backtrace noise for a plain failure.
            let msg = format!("{name} failed: {e}");
            eprintln!("{msg}");
            std::panic::resume_unwind(Box::new(msg));
        }
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Every page type, with something on it to check is there after the take-over.
pub const PAGE_TYPES: [(&str, &str); 15] = [
    ("/", "Committee meetings"),
    (
        "/committees/sefton-osc-children",
        "Overview and Scrutiny Committee",
    ),
    (
        "/meetings/sefton-osc-children-2022-11-07",
        "Monday 7 November 2022",
    ),
    (
        "/committees/sefton-osc-children/work-programme",
        "Work programme",
    ),
    ("/forward-plans/sefton-2022-10-to-2023-01", "Forward Plan"),
    (
        "/dashboards/sefton-osc-children-performance-dashboard-2022-11-07",
        "Performance",
    ),
    (
        "/improvement-plans/sefton-osc-children-improvement-plan-2022-11-07",
        "Improvement",
    ),
    ("/decisions", "Decisions"),
    ("/follow-ups", "Follow-ups"),
    ("/people", "People"),
    ("/people/sefton-june-burns", "June Burns"),
    ("/glossary", "Glossary"),
    ("/search", "Search"),
    ("/no/such/page", "Page not found"),
    (
        "/embed/committees/sefton-osc-children/next",
        "Overview and Scrutiny Committee",
    ),
];

/// A browser session on a served app.
pub struct App {
    pub driver: WebDriver,
    pub server: Server,
    pub name: String,
    /// Whether the page's own scripts run (see [`run_without_javascript`]).
    pub javascript: bool,
}

impl App {
    /// Open an app path (e.g. `/meetings/x`), relative to the served base, start the app as
    /// a reader's first key press does, and wait until it has taken the pre-rendered page
    /// over (pages without the app, such as embeds, at once), as a reader's clicks would
    /// then be handled by the app.
    pub async fn goto(&self, path: &str) -> TestResult {
        self.goto_before_app(path).await?;
        if self.javascript {
            self.press_a_key().await?;
            self.wait_until(
                &format!("the app to take over {path}"),
                "document.documentElement.getAttribute('data-mb-app') === 'live' || !document.querySelector('script[src$=\"app-start.js\"]')",
            )
            .await?;
        }
        Ok(())
    }

    /// Press and release Shift, as a reader's first key press: on a page that starts the
    /// app when the reader needs it (`app-start.js`), this starts it. Shift changes nothing
    /// on the page.
    pub async fn press_a_key(&self) -> TestResult {
        self.driver
            .action_chain()
            .key_down(Key::Shift)
            .key_up(Key::Shift)
            .perform()
            .await?;
        Ok(())
    }

    /// Open an app path without waiting for the app: the pre-rendered page as it arrives.
    pub async fn goto_before_app(&self, path: &str) -> TestResult {
        self.driver.goto(self.server.url_for(path)).await?;
        Ok(())
    }

    /// The URL of an app path on this server.
    pub fn url_for(&self, path: &str) -> String {
        self.server.url_for(path)
    }

    /// The current URL's path + query + fragment, e.g. `/meetings/x#minute-19-3`.
    pub async fn current_path(&self) -> TestResult<String> {
        let url = self.driver.current_url().await?;
        let mut s = url.path().to_string();
        if let Some(q) = url.query() {
            s.push('?');
            s.push_str(q);
        }
        if let Some(f) = url.fragment() {
            s.push('#');
            s.push_str(f);
        }
        Ok(s)
    }

    /// Run JavaScript (a function body: use `return`), deserialising the result.
    pub async fn js<T: serde::de::DeserializeOwned>(
        &self,
        script: &str,
        args: Vec<Value>,
    ) -> TestResult<T> {
        let ret = self.driver.execute(script, args).await?;
        Ok(serde_json::from_value(ret.json().clone())?)
    }

    /// Poll until `css` matches an element, and return the first match.
    pub async fn wait_for(&self, css: &str) -> TestResult<WebElement> {
        let deadline = Instant::now() + wait_timeout();
        loop {
            if let Ok(found) = self.driver.find_all(By::Css(css)).await {
                if let Some(el) = found.into_iter().next() {
                    return Ok(el);
                }
            }
            if Instant::now() > deadline {
                return self
                    .timed_out(&format!("an element matching `{css}`"))
                    .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Poll until an element matching `css` has text containing `needle`; return it.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> TestResult<WebElement> {
        let deadline = Instant::now() + wait_timeout();
        loop {
            if let Ok(found) = self.driver.find_all(By::Css(css)).await {
                for el in found {
                    if el.text().await.is_ok_and(|t| t.contains(needle)) {
                        return Ok(el);
                    }
                }
            }
            if Instant::now() > deadline {
                let seen = self.texts(css).await.unwrap_or_default();
                return self
                    .timed_out(&format!("`{css}` containing {needle:?} (found: {seen:?})"))
                    .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Poll until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) -> TestResult {
        let deadline = Instant::now() + wait_timeout();
        loop {
            if self
                .driver
                .find_all(By::Css(css))
                .await
                .is_ok_and(|v| v.is_empty())
            {
                return Ok(());
            }
            if Instant::now() > deadline {
                return self.timed_out(&format!("`{css}` to disappear")).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Poll until the JavaScript expression `expr` is truthy. `what` describes it for the error.
    pub async fn wait_until(&self, what: &str, expr: &str) -> TestResult {
        let script = format!("try {{ return !!({expr}); }} catch (e) {{ return false; }}");
        let deadline = Instant::now() + wait_timeout();
        loop {
            if self.js::<bool>(&script, vec![]).await.unwrap_or(false) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return self.timed_out(what).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Like [`App::wait_until`], with its own limit (for waits longer than the usual).
    pub async fn wait_until_within(&self, what: &str, expr: &str, limit: Duration) -> TestResult {
        let script = format!("try {{ return !!({expr}); }} catch (e) {{ return false; }}");
        let deadline = Instant::now() + limit;
        while !self.js::<bool>(&script, vec![]).await.unwrap_or(false) {
            if Instant::now() > deadline {
                return fail(format!("timed out after {limit:?} waiting for {what}"));
            }
            tokio::time::sleep(POLL).await;
        }
        Ok(())
    }

    /// Record Content-Security-Policy violations of every page opened from now on in
    /// `window.__mbCsp` (a DevTools script runs before the page's own; see [`App::csp_violations`]).
    pub async fn watch_csp_violations(&self) -> TestResult {
        let dev = thirtyfour::extensions::cdp::ChromeDevTools::new(self.driver.handle.clone());
        dev.execute_cdp_with_params(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": "window.__mbCsp = []; document.addEventListener('securitypolicyviolation', function (e) { \
                window.__mbCsp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '?') + ':' + e.lineNumber); });" }),
        )
        .await?;
        Ok(())
    }

    /// Switch the Content-Security-Policy off from the next page load, for a test that reads
    /// back a download the app built as a `blob:` URL: `fetch` cannot read it under the
    /// policy's `connect-src`, though a reader's browser saves it without fetching.
    pub async fn bypass_csp(&self) -> TestResult {
        let dev = thirtyfour::extensions::cdp::ChromeDevTools::new(self.driver.handle.clone());
        dev.execute_cdp_with_params("Page.setBypassCSP", serde_json::json!({ "enabled": true }))
            .await?;
        Ok(())
    }

    /// The violations recorded on this page, or an error if the watch is not installed.
    pub async fn csp_violations(&self) -> TestResult<Vec<String>> {
        let v: Option<Vec<String>> = self.js("return window.__mbCsp || null;", vec![]).await?;
        v.map(Ok)
            .unwrap_or_else(|| fail("no CSP watch on this page (call watch_csp_violations first)"))
    }

    /// Poll until the URL path (with fragment) equals `path`.
    pub async fn wait_for_path(&self, path: &str) -> TestResult {
        let deadline = Instant::now() + wait_timeout();
        loop {
            let now = self.current_path().await.unwrap_or_default();
            if now == path {
                return Ok(());
            }
            if Instant::now() > deadline {
                return self
                    .timed_out(&format!("the URL to become {path} (it is {now})"))
                    .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    async fn timed_out<T>(&self, what: &str) -> TestResult<T> {
        let url = self.current_path().await.unwrap_or_else(|_| "?".into());
        fail(format!(
            "timed out after {:?} waiting for {what} on {url}",
            wait_timeout()
        ))
    }

    /// Texts of every element matching `css`.
    pub async fn texts(&self, css: &str) -> TestResult<Vec<String>> {
        let mut out = Vec::new();
        for el in self.driver.find_all(By::Css(css)).await? {
            out.push(el.text().await?);
        }
        Ok(out)
    }

    pub async fn count(&self, css: &str) -> TestResult<usize> {
        Ok(self.driver.find_all(By::Css(css)).await?.len())
    }

    /// Click the first element matching `css` (waiting for it).
    pub async fn click(&self, css: &str) -> TestResult {
        let el = self.wait_for(css).await?;
        el.scroll_into_view().await?;
        el.click().await?;
        Ok(())
    }

    /// Resize the browser window so the *viewport* is `width` CSS px wide (320 for the
    /// narrow-screen checks), falling back to device-metrics emulation when the window
    /// cannot be made that small.
    pub async fn set_viewport(&self, width: u32, height: u32) -> TestResult {
        self.driver.set_window_rect(0, 0, width, height).await?;
        let inner: u32 = self.js("return window.innerWidth;", vec![]).await?;
        if inner != width {
            let dev = thirtyfour::extensions::cdp::ChromeDevTools::new(self.driver.handle.clone());
            dev.execute_cdp_with_params(
                "Emulation.setDeviceMetricsOverride",
                serde_json::json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
            )
            .await?;
            let inner: u32 = self.js("return window.innerWidth;", vec![]).await?;
            if inner != width {
                return fail(format!(
                    "cannot make the viewport {width} px wide (it is {inner} px)"
                ));
            }
        }
        Ok(())
    }

    /// Checks every page must pass: the title ends with " – Minutebook", the first focusable
    /// element is the skip link to `#main`, the header/main/footer landmarks exist and there
    /// is exactly one `h1`. Call once the page's content has loaded.
    pub async fn check_page_shell(&self, page: &str) -> TestResult {
        self.wait_until(
            &format!("{page}: the title to end with \" – Minutebook\""),
            "document.title.endsWith(' \u{2013} Minutebook')",
        )
        .await?;
        let report: Value = self
            .js(
                r##"
                const focusable = 'a[href], button:not([disabled]), input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
                const first = document.body.querySelector(focusable);
                return {
                    title: document.title,
                    first: first ? first.outerHTML.slice(0, 200) : null,
                    skip_first: !!first && first.matches('a.skip-link[href="#main"]'),
                    header: document.querySelectorAll('header').length,
                    main: document.querySelectorAll('main#main').length,
                    footer: document.querySelectorAll('footer').length,
                    h1: Array.from(document.querySelectorAll('h1')).map(h => h.textContent.trim()),
                };
                "##,
                vec![],
            )
            .await?;
        let mut problems = Vec::new();
        if report["skip_first"] != Value::Bool(true) {
            problems.push(format!(
                "the first focusable element should be a.skip-link[href=\"#main\"], it is {}",
                report["first"]
            ));
        }
        for (key, what) in [
            ("header", "<header>"),
            ("main", "<main id=\"main\">"),
            ("footer", "<footer>"),
        ] {
            if report[key].as_u64().unwrap_or(0) < 1 {
                problems.push(format!("no {what}"));
            }
        }
        if report["main"].as_u64() > Some(1) {
            problems.push("more than one <main id=\"main\">".into());
        }
        let h1 = report["h1"].as_array().map(Vec::len).unwrap_or(0);
        if h1 != 1 {
            problems.push(format!(
                "expected exactly one h1, found {h1}: {}",
                report["h1"]
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            fail(format!(
                "{page} (title {}): {}",
                report["title"],
                problems.join("; ")
            ))
        }
    }

    /// The page must not scroll sideways. On failure, names the widest offending elements.
    pub async fn check_no_horizontal_scroll(&self, page: &str) -> TestResult {
        let report: Value = self
            .js(
                r#"
                const vw = window.innerWidth;
                const sw = document.documentElement.scrollWidth;
                const wide = [];
                if (sw > vw) {
                    for (const el of document.body.querySelectorAll('*')) {
                        const r = el.getBoundingClientRect();
                        if (r.right > vw + 0.5 && r.width > 0) {
                            wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                                (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') +
                                ' right=' + Math.round(r.right));
                        }
                    }
                }
                return { vw: vw, sw: sw, wide: wide.slice(0, 10) };
                "#,
                vec![],
            )
            .await?;
        let (vw, sw) = (
            report["vw"].as_f64().unwrap_or(0.0),
            report["sw"].as_f64().unwrap_or(0.0),
        );
        if sw <= vw {
            Ok(())
        } else {
            fail(format!(
                "{page}: scrolls horizontally at {vw} px wide (scrollWidth {sw}); too wide: {}",
                report["wide"]
            ))
        }
    }

    /// Run axe-core on the current page; fails listing serious/critical violations.
    pub async fn axe_check(&self, page: &str) -> TestResult {
        axe_check(&self.driver, page).await
    }

    /// Print what the browser shows and save a screenshot (called when a test fails).
    async fn report_failure(&self) {
        let url = self.current_path().await.unwrap_or_else(|_| "?".into());
        let title = self.driver.title().await.unwrap_or_default();
        let text: String = self
            .js(
                "return document.body ? document.body.innerText : '';",
                vec![],
            )
            .await
            .unwrap_or_default();
        let text: String = text.chars().take(1500).collect();
        let dir = repo_root().join("target/browser-failures");
        let shot = dir.join(format!("{}.png", self.name));
        let saved =
            std::fs::create_dir_all(&dir).is_ok() && self.driver.screenshot(&shot).await.is_ok();
        eprintln!(
            "---- {} failed on {url} (title {title:?}){}\n---- page text:\n{text}\n----",
            self.name,
            if saved {
                format!("; screenshot {}", shot.display())
            } else {
                String::new()
            }
        );
    }
}

// ---------------------------------------------------------------------------------------
// axe-core

fn axe_source() -> &'static str {
    static SOURCE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = repo_root().join("node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}\nInstall the npm devDependencies first (npm ci, or bash scripts/setup.sh)",
                path.display()
            )
        })
    })
}

/// Run axe-core in the page and fail on any violation of impact "serious" or "critical",
/// listing each with the offending elements. Minor/moderate ones are printed, not failed.
pub async fn axe_check(driver: &WebDriver, page: &str) -> TestResult {
    let loaded = driver
        .execute("return typeof window.axe === 'object';", vec![])
        .await?;
    if loaded.json() != &Value::Bool(true) {
        driver
            .execute(format!("{}\n;return true;", axe_source()), vec![])
            .await?;
    }
    let ret = driver
        .execute_async(
            r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
                .then(r => done(JSON.stringify(r.violations)))
                .catch(e => done('AXE-ERROR ' + e));
            "#,
            vec![],
        )
        .await?;
    let raw = ret.json().as_str().unwrap_or_default().to_string();
    if let Some(err) = raw.strip_prefix("AXE-ERROR ") {
        return fail(format!("{page}: axe-core failed: {err}"));
    }
    let violations: Vec<Value> = serde_json::from_str(&raw)?;
    let mut serious = Vec::new();
    for v in &violations {
        let impact = v["impact"].as_str().unwrap_or("?");
        let mut line = format!(
            "[{impact}] {}: {} ({})",
            v["id"].as_str().unwrap_or("?"),
            v["help"].as_str().unwrap_or(""),
            v["helpUrl"].as_str().unwrap_or("")
        );
        for node in v["nodes"].as_array().into_iter().flatten().take(5) {
            let html: String = node["html"]
                .as_str()
                .unwrap_or("")
                .chars()
                .take(160)
                .collect();
            let summary = node["failureSummary"]
                .as_str()
                .unwrap_or("")
                .replace('\n', " ");
            line.push_str(&format!(
                "\n      at {} {html}\n         {summary}",
                node["target"]
            ));
        }
        if matches!(impact, "serious" | "critical") {
            serious.push(line);
        } else {
            eprintln!("axe ({page}, not failing): {line}");
        }
    }
    if serious.is_empty() {
        Ok(())
    } else {
        fail(format!(
            "{page}: {} serious/critical accessibility violation(s):\n  {}",
            serious.len(),
            serious.join("\n  ")
        ))
    }
}
