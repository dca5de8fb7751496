//! The pre-render generator (feature `ssr`): writes a complete HTML page for every route
//! the data holds, into the folder Trunk is about to publish. Each page is the app itself
//! rendered on the server with its data read from disk, inside the shell Trunk wrote
//! (`index.html`: styles, base path, the app's script), so the browser paints it from HTML
//! and CSS alone and the app takes it over later (`takeover.rs`).
//!
//! What changes per page in the shell:
//! * `<title>` and `<meta name="description">` come from the page (leptos_meta);
//! * the body is the rendered page inside `<div id="mb-root" data-mb-prerendered>`, which
//!   tells `app-start.js` when the app is needed at once: `data-mb-start="load"` (search,
//!   and 404.html, which also answers addresses added after the build) and
//!   `data-mb-as-of="<build date>"` on a page that depends on the day;
//! * Trunk's inline loader becomes `app-start.js` at the end of the body and its preloads
//!   go, so the wasm never competes with the page's own bytes and no inline script is
//!   left: every page carries a strict Content-Security-Policy ([`content_security_policy`]);
//! * a hidden notice, shown if the app cannot start, says so with a reload link;
//! * embeds load no app at all, only `embed-frame.js` (heights, links, theme overrides).

use crate::app::App;
use crate::data::{fetch_file, set_build_site};
use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use minutebook_data::{paths, Catalogue, Date, ForwardPlan, PeopleRegister};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What one run wrote.
#[derive(Debug, Default)]
pub struct Report {
    pub pages: usize,
    /// CSV and calendar files written beside the pages.
    pub downloads: usize,
    pub bytes: u64,
    pub seconds: f64,
}

/// The shell Trunk wrote, split around what each page fills in.
struct Shell {
    /// `<!DOCTYPE html>…<head>` contents up to `</head>`, without title, description,
    /// preloads, the app script or a security policy.
    head: String,
    /// The app's glue script and wasm addresses, from Trunk's loader.
    app_js: String,
    app_wasm: String,
    /// `<body …>` opening tag.
    body_open: String,
    /// The Content-Security-Policy every page carries.
    policy: String,
}

fn cut_elements(
    html: &mut String,
    open: &str,
    close: &str,
    keep: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut cut = Vec::new();
    let mut from = 0;
    while let Some(start) = html[from..].find(open).map(|i| i + from) {
        let Some(end) = html[start..].find(close).map(|i| i + start + close.len()) else {
            break;
        };
        let element = html[start..end].to_string();
        if keep(&element) {
            from = end;
        } else {
            html.replace_range(start..end, "");
            cut.push(element);
        }
    }
    cut
}

/// The quoted value after `key` in `text` (`key='v'` or `key: "v"`).
fn quoted_after(text: &str, key: &str) -> Option<String> {
    let rest = &text[text.find(key)? + key.len()..];
    let q = rest.find(['\'', '"'])?;
    let quote = rest[q..].chars().next()?;
    let value = &rest[q + 1..];
    value.find(quote).map(|end| value[..end].to_string())
}

/// The policy written into every page (docs/deploying.md gives it as a header too). Scripts
/// only from the site itself (no inline script: the app starts from `app-start.js`), wasm
/// compiled from those, data fetched from the site or the data host `minutebook:data`
/// names, nothing from third parties. Inline styles are allowed: pages set chart sizes and
/// the council's colours in `style` attributes.
pub fn content_security_policy(data_origin: Option<&str>) -> String {
    let connect = match data_origin {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".into(),
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; font-src 'self'; connect-src {connect}; object-src 'none'; \
         base-uri 'self'; form-action 'self'"
    )
}

/// The origin of an absolute http(s) data address (`https://data.council.example/m/` →
/// `https://data.council.example`); `None` for a relative one (the site's own origin).
fn origin_of(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| lower.starts_with(s))?;
    let rest = &url[scheme.len()..];
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let safe = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c));
    safe.then(|| format!("{}{host}", &lower[..scheme.len()]))
}

/// Written hidden into every page; `app-start.js` and the app's panic hook show it. It
/// comes after the page (the skip link stays first) and shows at the foot of the window.
const APP_FAILED: &str = "<div id=\"mb-app-failed\" class=\"app-failed\" role=\"alert\" hidden><div class=\"container\">\
<p><strong>Part of this page could not start.</strong> Searching as you type, filters and page updates need it. \
The content shown is still as published.</p>\
<p><a href=\"\">Reload the page</a> to try again.</p></div></div>";

impl Shell {
    /// From Trunk's `index.html`, or from a page this generator wrote (so a built folder
    /// whose data was changed can be pre-rendered again).
    fn parse(html: &str) -> Result<Shell, String> {
        let mut html = html.to_string();
        cut_elements(&mut html, "<title>", "</title>", |_| false);
        cut_elements(&mut html, "<meta name=\"description\"", ">", |_| false);
        cut_elements(
            &mut html,
            "<meta http-equiv=\"Content-Security-Policy\"",
            ">",
            |_| false,
        );
        // Trunk's preloads of the wasm and its glue: the page must not wait on them.
        cut_elements(&mut html, "<link rel=\"preload\"", ">", |e| {
            !e.contains(".wasm") && !e.contains(".js")
        });
        cut_elements(&mut html, "<link rel=\"modulepreload\"", ">", |_| false);
        // Trunk's inline loader, or the start-up script of a page written before.
        let trunk =
            cut_elements(&mut html, "<script type=\"module\"", "</script>", |_| false).concat();
        let ours = cut_elements(&mut html, "<script src=", "</script>", |e| {
            !e.contains("app-start.js")
        })
        .concat();
        let (app_js, app_wasm) = if !trunk.is_empty() {
            (
                quoted_after(&trunk, " from "),
                quoted_after(&trunk, "module_or_path:"),
            )
        } else {
            (
                quoted_after(&ours, "data-app-js="),
                quoted_after(&ours, "data-app-wasm="),
            )
        };
        let (Some(app_js), Some(app_wasm)) = (app_js, app_wasm) else {
            return Err(
                "index.html does not name the app's script and wasm (Trunk's <script type=\"module\">): is it Trunk's output?"
                    .into(),
            );
        };
        let data = quoted_after(&html, "name=\"minutebook:data\" content=").unwrap_or_default();
        let head_end = html.find("</head>").ok_or("index.html has no </head>")?;
        let rest = &html[head_end..];
        let body_start = rest.find("<body").ok_or("index.html has no <body>")?;
        let body_open_end = rest[body_start..]
            .find('>')
            .ok_or("index.html has a broken <body>")?
            + body_start
            + 1;
        Ok(Shell {
            head: html[..head_end].to_string(),
            app_js,
            app_wasm,
            body_open: rest[body_start..body_open_end].to_string(),
            policy: content_security_policy(origin_of(&data).as_deref()),
        })
    }

    fn page(&self, body: &str, how: &PageKind, base: &str) -> String {
        let embed = matches!(how, PageKind::Embed);
        let (js, wasm) = (&self.app_js, &self.app_wasm);
        // Embeds load no app, only the frame script (which loads it for theme overrides).
        let (notice, script) = if embed {
            ("", format!("<script src=\"{base}embed-frame.js\" defer data-app-js=\"{js}\" data-app-wasm=\"{wasm}\"></script>"))
        } else {
            (APP_FAILED, format!("<script src=\"{base}app-start.js\" defer data-app-js=\"{js}\" data-app-wasm=\"{wasm}\"></script>"))
        };
        // The policy goes first in <head>, so it covers everything after it.
        let policy = format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            self.policy
        );
        let head = match self.head.find("<head>") {
            Some(i) => format!("{}{policy}{}", &self.head[..i + 6], &self.head[i + 6..]),
            None => format!("{}{policy}", self.head),
        };
        let start = match how {
            PageKind::StartAtOnce => " data-mb-start=\"load\"".to_string(),
            PageKind::AsOf(day) => format!(" data-mb-as-of=\"{day}\""),
            PageKind::Page | PageKind::Embed => String::new(),
        };
        format!(
            "{head}</head>\n{}\n<div id=\"mb-root\" data-mb-prerendered{start}>{body}</div>\n{notice}{script}\n</body>\n</html>\n",
            self.body_open
        )
    }
}

/// What `app-start.js` needs to know of a page.
enum PageKind {
    /// Loads no app (an embed).
    Embed,
    /// Complete as written: the app starts when the reader needs it.
    Page,
    /// Needs the app at once: search, and 404.html.
    StartAtOnce,
    /// Written for the build date (`YYYY-MM-DD`): the app starts at once on any other day.
    AsOf(String),
}

/// Render one address (with the base path) to its complete HTML page.
/// Suspense and its effects spawn local tasks, hence a current-thread runtime driving a
/// `LocalSet`.
fn render(
    runtime: &tokio::runtime::Runtime,
    shell: &Shell,
    url: &str,
    path: &str,
    base: &str,
) -> String {
    let owner = Owner::new_root(None);
    let html = owner.with(|| {
        provide_context(RequestUrl::new(url));
        let (meta, meta_output) = ServerMetaContext::new();
        provide_context(meta);
        tokio::task::LocalSet::new().block_on(runtime, async move {
            let body = App()
                .into_view()
                .to_html_stream_in_order()
                .collect::<String>()
                .await;
            let how = if path.starts_with("/embed/") {
                PageKind::Embed
            } else if path == "/search" || path == "/404" {
                PageKind::StartAtOnce
            } else if crate::data::take_day_used() {
                PageKind::AsOf(crate::data::today().to_string())
            } else {
                PageKind::Page
            };
            let page = shell.page(&body, &how, base);
            meta_output
                .inject_meta_context(futures::stream::iter([page]))
                .await
                .collect::<String>()
                .await
        })
    });
    owner.unset();
    html
}

/// Where an address is written: `/meetings/x` → `meetings/x/index.html`, `/404` → `404.html`.
fn file_for(out: &Path, path: &str) -> PathBuf {
    match path.trim_matches('/') {
        "" => out.join("index.html"),
        "404" => out.join("404.html"),
        p => out.join(p).join("index.html"),
    }
}

/// Every forward plan's key decisions and every person, for the route list.
fn plans_and_people(c: &Catalogue) -> (Vec<(String, Vec<String>)>, Vec<String>) {
    let plans = c
        .forward_plans
        .iter()
        .map(|l| {
            let ids = crate::data::ready(fetch_file::<ForwardPlan>(&l.file))
                .map(|p| p.decisions.iter().map(|d| d.id.clone()).collect())
                .unwrap_or_default();
            (l.id.clone(), ids)
        })
        .collect();
    let people = c
        .people
        .iter()
        .filter_map(|l| crate::data::ready(fetch_file::<PeopleRegister>(&l.file)).ok())
        .flat_map(|r| r.people.into_iter().map(|p| p.id))
        .collect();
    (plans, people)
}

/// Pre-render every page of the site in `dist` (the staged build: `index.html` and `data/`).
/// `base` is the public URL (`/` or `/meetings/`); `today` is the build date.
pub fn run(dist: &Path, base: &str, today: Date) -> Result<Report, String> {
    let started = Instant::now();
    let base = if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    };
    let index = dist.join("index.html");
    let shell_html =
        std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let shell = Shell::parse(&shell_html)?;
    set_build_site(&base, dist.join("data"), today);
    let _ = any_spawner::Executor::init_tokio();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;

    let catalogue =
        crate::data::ready(fetch_file::<Catalogue>(paths::CATALOGUE)).map_err(|e| e.to_string())?;
    let (plans, people) = plans_and_people(&catalogue);
    let mut report = Report::default();
    for path in crate::routes::prerender_paths(&catalogue, &plans, &people) {
        let url = format!(
            "{}{}",
            base.trim_end_matches('/'),
            if path == "/404" { "/404" } else { &path }
        );
        crate::data::take_day_used();
        let html = render(&runtime, &shell, &url, &path, &base);
        let file = file_for(dist, &path);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&file, &html).map_err(|e| format!("{}: {e}", file.display()))?;
        report.pages += 1;
        report.bytes += html.len() as u64;
        for (rel, text) in crate::data::take_downloads() {
            let file = dist.join(&rel);
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::write(&file, &text).map_err(|e| format!("{}: {e}", file.display()))?;
            report.downloads += 1;
            report.bytes += text.len() as u64;
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}
