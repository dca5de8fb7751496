//! The pre-render generator (feature `ssr`): writes a complete HTML page for every route
//! the data holds, into the folder Trunk is about to publish. Each page is the app itself
//! rendered on the server with its data read from disk, inside the shell Trunk wrote
//! (`index.html`: styles, base path, the app's script), so the browser paints it from HTML
//! and CSS alone and the app takes it over later (`takeover.rs`).
//!
//! What changes per page in the shell:
//! * `<title>` and `<meta name="description">` come from the page (leptos_meta);
//! * the body is the rendered page inside `<div id="mb-root" data-mb-prerendered>`;
//! * the app's script moves to the end of the body and its preloads go, so the wasm never
//!   competes with the page's own bytes;
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
    /// preloads or the app script.
    head: String,
    /// The app's `<script type="module">…</script>` (moved to the end of the body).
    app_script: String,
    /// `<body …>` opening tag.
    body_open: String,
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

impl Shell {
    /// From Trunk's `index.html`, or from a page this generator wrote (so a built folder
    /// whose data was changed can be pre-rendered again).
    fn parse(html: &str) -> Result<Shell, String> {
        let mut html = html.to_string();
        cut_elements(&mut html, "<title>", "</title>", |_| false);
        cut_elements(&mut html, "<meta name=\"description\"", ">", |_| false);
        // Trunk's preloads of the wasm and its glue: the page must not wait on them.
        cut_elements(&mut html, "<link rel=\"preload\"", ">", |e| {
            !e.contains(".wasm") && !e.contains(".js")
        });
        cut_elements(&mut html, "<link rel=\"modulepreload\"", ">", |_| false);
        let app_script =
            cut_elements(&mut html, "<script type=\"module\"", "</script>", |_| false).concat();
        if app_script.is_empty() {
            return Err(
                "index.html has no app script (<script type=\"module\">): is it Trunk's output?"
                    .into(),
            );
        }
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
            app_script,
            body_open: rest[body_start..body_open_end].to_string(),
        })
    }

    /// `(glue JS, wasm)` addresses from Trunk's loader, for embeds that load the app on demand.
    fn app_files(&self) -> (String, String) {
        let quoted_after = |key: &str| -> String {
            self.app_script
                .find(key)
                .and_then(|i| {
                    let rest = &self.app_script[i + key.len()..];
                    let q = rest.find(['\'', '"'])?;
                    let quote = rest[q..].chars().next()?;
                    let value = &rest[q + 1..];
                    value.find(quote).map(|end| value[..end].to_string())
                })
                .unwrap_or_default()
        };
        (quoted_after(" from "), quoted_after("module_or_path:"))
    }

    fn page(&self, body: &str, embed: bool, base: &str) -> String {
        let script = if embed {
            let (js, wasm) = self.app_files();
            format!("<script src=\"{base}embed-frame.js\" defer data-app-js=\"{js}\" data-app-wasm=\"{wasm}\"></script>")
        } else {
            self.app_script.clone()
        };
        format!(
            "{}</head>\n{}\n<div id=\"mb-root\" data-mb-prerendered>{body}</div>\n{script}\n</body>\n</html>\n",
            self.head, self.body_open
        )
    }
}

/// Render one address (with the base path) to its complete HTML page.
/// Suspense and its effects spawn local tasks, hence a current-thread runtime driving a
/// `LocalSet`.
fn render(
    runtime: &tokio::runtime::Runtime,
    shell: &Shell,
    url: &str,
    embed: bool,
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
            let page = shell.page(&body, embed, base);
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
        let html = render(&runtime, &shell, &url, path.starts_with("/embed/"), &base);
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
