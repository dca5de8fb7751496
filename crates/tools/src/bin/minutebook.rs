//! `minutebook` — the publisher's command-line tool.
//!
//! ```text
//! minutebook check <data-dir>       parse every file, check links, check index.json is current
//! minutebook catalogue <data-dir>   (re)write <data-dir>/index.json from the council and meeting files
//! minutebook schema <out-dir>       write the JSON Schemas
//! minutebook decisions <data-dir>   (re)write <data-dir>/decisions/ (also done by `catalogue`)
//! minutebook index <data-dir> <out-dir>  write the search index (see docs/search.md)
//! minutebook feeds <data-dir> <out-dir> [--base /meetings/] [--site-url https://council.example]
//!                                   write calendars/<committee>.ics and feeds/<id>.atom
//! ```

use minutebook_tools::{catalogue, feeds, schema};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", dir] => check(Path::new(dir)),
        ["catalogue", dir] => write_catalogue(Path::new(dir)),
        ["schema", dir] => write_schemas(Path::new(dir)),
        ["decisions", dir] => minutebook_tools::decisions::write(Path::new(dir))
            .map(|w| format!("wrote {}", w.join(", "))),
        ["index", data, out, options @ ..] => minutebook_tools::index::cli(data, out, options),
        ["feeds", data, out, options @ ..] => write_feeds(Path::new(data), Path::new(out), options),
        _ => Err(vec![
            "usage: minutebook (check <data-dir> | catalogue <data-dir> | schema <out-dir> | \
             feeds <data-dir> <out-dir> [--base <path>] [--site-url <url>])"
                .into(),
        ]),
    };
    match result {
        Ok(msg) => {
            println!("{msg}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in errors {
                eprintln!("error: {e}");
            }
            ExitCode::FAILURE
        }
    }
}

fn build(dir: &Path) -> Result<String, Vec<String>> {
    let data = catalogue::read_dataset(dir)?;
    let cat = catalogue::build(&data)?;
    Ok(catalogue::to_json(&cat))
}

fn check(dir: &Path) -> Result<String, Vec<String>> {
    let json = build(dir)?;
    let current = std::fs::read_to_string(dir.join("index.json")).unwrap_or_default();
    if current != json {
        return Err(vec![format!(
            "{}/index.json is out of date: run `cargo run -p minutebook-tools --bin minutebook -- catalogue {}`",
            dir.display(),
            dir.display()
        )]);
    }
    // The decisions index is derived from the same files (docs/follow-ups.md).
    minutebook_tools::decisions::check(dir)?;
    minutebook_tools::people::check(dir)?;
    // theme.json (optional): what the app would adjust or refuse is a warning, not a failure.
    let theme = minutebook_tools::theme::check(dir)?;
    let warnings: String = theme.iter().map(|n| format!("\nwarning: {n}")).collect();
    Ok(format!(
        "{}: all files parse and index.json is current{warnings}",
        dir.display()
    ))
}

fn write_catalogue(dir: &Path) -> Result<String, Vec<String>> {
    let json = build(dir)?;
    let path = dir.join("index.json");
    std::fs::write(&path, json).map_err(|e| vec![format!("{}: {e}", path.display())])?;
    minutebook_tools::decisions::write(dir)?;
    // People's attendance is generated from the same files, so it is rebuilt with the catalogue.
    let people = minutebook_tools::people::write(dir)?;
    Ok(format!(
        "wrote {}{}",
        path.display(),
        people.iter().map(|p| format!(", {p}")).collect::<String>()
    ))
}

fn write_schemas(dir: &Path) -> Result<String, Vec<String>> {
    std::fs::create_dir_all(dir).map_err(|e| vec![e.to_string()])?;
    for (name, json) in schema::schemas() {
        std::fs::write(dir.join(name), json).map_err(|e| vec![format!("{name}: {e}")])?;
    }
    Ok(format!("wrote schemas to {}", dir.display()))
}

/// Calendars and feeds. Empty option values are ignored, so a build hook can pass
/// `--site-url "$MINUTEBOOK_SITE_URL"` whether or not it is set.
fn write_feeds(data: &Path, out: &Path, options: &[&str]) -> Result<String, Vec<String>> {
    let (mut base, mut site_url) = (None, None);
    let mut it = options.iter();
    while let Some(opt) = it.next() {
        let value = it.next().copied();
        match (*opt, value) {
            ("--base", Some(v)) => base = Some(v),
            ("--site-url", Some(v)) => site_url = Some(v),
            _ => {
                return Err(vec![format!(
                    "feeds: unknown option or missing value: {opt}"
                )])
            }
        }
    }
    let site = feeds::Site::new(base, site_url).map_err(|e| vec![e])?;
    let written = feeds::write(data, out, &site)?;
    Ok(format!(
        "wrote {} calendars and feeds to {}",
        written.len(),
        out.display()
    ))
}
