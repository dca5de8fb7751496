//! `minutebook-bench`: the search scale benchmark (run by bench/run.sh; prints figures).
//!
//! ```text
//! minutebook-bench generate <data-dir> [--committees 40] [--years 15] [--meetings 10]
//! minutebook-bench all --work <dir> --app <trunk dist> --pagefind <pagefind binary> [--runs N]
//! ```
//! `all` generates the synthetic council, builds the Minutebook index and a Pagefind index
//! of the same records, serves both, and measures them in headless Chromium.
//!
//! The ModernGov import benchmark (bench/import.sh; see moderngov.rs):
//! ```text
//! minutebook-bench import --work <dir> --fixtures <shared/fixtures/moderngov>
//!     [--committees 40] [--years 10] [--meetings 10]
//! ```
//!
//! The big-data benchmark (bench/big-data.sh; see big.rs):
//! ```text
//! minutebook-bench big-data generate --dist <built site> --work <dir> [--items 5000]
//!     [--huge-items 100000] [--parts 100000] [--meetings 2000] [--attendances 1000] [--no-huge]
//! minutebook-bench big-data measure --work <dir> [--cap 180] [--only <text in a case name>]
//! ```

mod big;
mod generate;
mod measure;
mod moderngov;
mod pagefind;

use std::path::{Path, PathBuf};
use std::time::Instant;

fn arg<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn num(args: &[String], name: &str, default: usize) -> usize {
    arg(args, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Every file under `dir` with its metadata; one that cannot be read is passed over, as
/// its size or time is not known.
pub fn files_under(dir: &Path) -> impl Iterator<Item = (PathBuf, std::fs::Metadata)> + '_ {
    minutebook_tools::files::list_files(dir)
        .into_iter()
        .filter_map(move |rel| {
            let p = dir.join(rel);
            std::fs::metadata(&p).ok().map(|m| (p, m))
        })
}

/// Total bytes, file count and largest file under `dir`.
pub fn dir_size(dir: &Path) -> (u64, usize, u64, PathBuf) {
    let mut total = (0, 0, 0, PathBuf::new());
    for (p, m) in files_under(dir) {
        total.0 += m.len();
        total.1 += 1;
        if m.len() > total.2 {
            total.2 = m.len();
            total.3 = p;
        }
    }
    total
}

fn size_of(args: &[String]) -> generate::Size {
    generate::Size {
        committees: num(args, "--committees", 40),
        years: num(args, "--years", 15),
        meetings_per_year: num(args, "--meetings", 10),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("generate") if args.len() >= 2 => generate::generate(Path::new(&args[1]), &size_of(&args))
            .map(|(m, i, p)| println!("wrote {m} meetings, {i} agenda items, {p} resolution parts to {}", args[1])),
        Some("all") => all(&args),
        Some("big-data") => big_data(&args[1..]),
        Some("import") => import(&args[1..]),
        _ => Err("usage: minutebook-bench generate <data-dir> [--committees N --years N --meetings N] | \
                  all --work <dir> --app <trunk dist> --pagefind <binary> [--runs N] | \
                  big-data (generate --dist <dir> --work <dir> | measure --work <dir> [--cap S]) | \
                  import --work <dir> --fixtures <dir> [--committees N --years N --meetings N]"
            .into()),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn import(args: &[String]) -> Result<(), String> {
    let work = PathBuf::from(arg(args, "--work").ok_or("--work <dir> is required")?);
    let fixtures = PathBuf::from(arg(args, "--fixtures").unwrap_or(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/fixtures/moderngov"
    )));
    let size = moderngov::Size {
        committees: num(args, "--committees", 40) as u64,
        years: num(args, "--years", 10) as i32,
        meetings_per_year: num(args, "--meetings", 10).min(11) as u64,
    };
    moderngov::run(&work, size, &fixtures)
}

fn big_data(args: &[String]) -> Result<(), String> {
    let work = PathBuf::from(arg(args, "--work").ok_or("--work <dir> is required")?);
    match args.first().map(String::as_str) {
        Some("generate") => {
            let dist = PathBuf::from(arg(args, "--dist").unwrap_or("dist"));
            let sizes = big::Sizes {
                items: num(args, "--items", 5_000),
                huge_items: num(args, "--huge-items", 100_000),
                parts: num(args, "--parts", 100_000),
                meetings: num(args, "--meetings", 2_000),
                attendances: num(args, "--attendances", 1_000),
                huge: !args.iter().any(|a| a == "--no-huge"),
            };
            let cases = big::generate(&dist, &work, &sizes)?;
            for c in cases {
                eprintln!("big-data: {} -> {}{}", c.name, c.site, c.path);
            }
            Ok(())
        }
        Some("measure") => {
            let cap = std::time::Duration::from_secs(num(args, "--cap", 180) as u64);
            let rt = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
            rt.block_on(big::measure(&work, cap, arg(args, "--only")))
        }
        _ => Err("usage: minutebook-bench big-data (generate | measure) --work <dir> ...".into()),
    }
}

fn all(args: &[String]) -> Result<(), String> {
    let work = PathBuf::from(arg(args, "--work").ok_or("--work <dir> is required")?);
    let app = PathBuf::from(arg(args, "--app").ok_or("--app <trunk dist> is required")?);
    let pagefind = arg(args, "--pagefind")
        .ok_or("--pagefind <binary> is required")?
        .to_string();
    let runs = num(args, "--runs", 3);
    let dist = work.join("dist");
    let data = dist.join("data");
    let facts_file = work.join("facts.json");
    // --measure-only: measure a work folder an earlier run built (e.g. after changing the app).
    let facts = if args.iter().any(|a| a == "--measure-only") {
        let v: serde_json::Value = serde_json::from_slice(
            &std::fs::read(&facts_file).map_err(|e| format!("{}: {e}", facts_file.display()))?,
        )
        .map_err(|e| e.to_string())?;
        for entry in std::fs::read_dir(&app)
            .map_err(|e| e.to_string())?
            .flatten()
        {
            if entry.path().is_file() {
                std::fs::copy(entry.path(), dist.join(entry.file_name()))
                    .map_err(|e| e.to_string())?;
            }
        }
        let n = |k: &str| v[k].as_f64().unwrap_or(0.0);
        measure::Facts {
            meetings: n("meetings") as usize,
            items: n("items") as usize,
            parts: n("parts") as usize,
            records: n("records") as usize,
            ours_build: n("ours_build"),
            pf_build: n("pf_build"),
            pf_version: v["pf_version"].as_str().unwrap_or("").to_string(),
            ours_index: dir_size(&data.join("search")),
            pf_index: dir_size(&dist.join("pagefind")),
            data: dir_size(&data),
            committee: "bigtown-c01".into(),
        }
    } else {
        build(&work, &app, &pagefind, args)?
    };
    std::fs::write(
        &facts_file,
        serde_json::json!({
            "meetings": facts.meetings, "items": facts.items, "parts": facts.parts, "records": facts.records,
            "ours_build": facts.ours_build, "pf_build": facts.pf_build, "pf_version": facts.pf_version,
        })
        .to_string(),
    )
    .map_err(|e| e.to_string())?;
    let rt = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    rt.block_on(measure::run(&dist, &facts, runs))
}

/// Generate the council, build both indexes; the facts the report needs.
fn build(
    work: &Path,
    app: &Path,
    pagefind: &str,
    args: &[String],
) -> Result<measure::Facts, String> {
    let pagefind = pagefind.to_string();
    let _ = std::fs::remove_dir_all(work);
    let dist = work.join("dist");
    let data = dist.join("data");
    minutebook_tools::files::copy_tree(app, &dist)
        .map_err(|e| format!("copying {}: {e}", app.display()))?;
    let _ = std::fs::remove_dir_all(&data);

    let t = Instant::now();
    let (meetings, items, parts) = generate::generate(&data, &size_of(args))?;
    eprintln!(
        "bench: generated {meetings} meetings in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    // The Decisions page reads generated decision files, as a council's build would write them.
    minutebook_tools::decisions::write(&data)
        .map_err(|e| format!("minutebook decisions: {e:?}"))?;

    let t = Instant::now();
    let set = minutebook_tools::catalogue::read_dataset(&data).map_err(|e| e.join("; "))?;
    let records = minutebook_tools::index::records(&set);
    let output = minutebook_tools::index::build_index(&set, &Default::default())
        .map_err(|e| e.join("; "))?;
    minutebook_tools::index::write(&data.join("search"), &output)?;
    let ours_build = t.elapsed().as_secs_f64();
    eprintln!(
        "bench: Minutebook index of {} records in {ours_build:.1} s",
        records.len()
    );

    let site = work.join("pagefind-site");
    pagefind::write_site(&records, &minutebook_tools::index::kinds(), &site)?;
    let t = Instant::now();
    let status = std::process::Command::new(&pagefind)
        .args([
            "--site",
            site.to_str().unwrap(),
            "--output-path",
            dist.join("pagefind").to_str().unwrap(),
            "--silent",
        ])
        .status()
        .map_err(|e| format!("cannot run {pagefind}: {e}"))?;
    if !status.success() {
        return Err(format!("pagefind failed: {status}"));
    }
    let pf_build = t.elapsed().as_secs_f64();
    eprintln!("bench: Pagefind index in {pf_build:.1} s");
    let version = std::process::Command::new(&pagefind)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();

    let facts = measure::Facts {
        meetings,
        items,
        parts,
        records: records.len(),
        ours_build,
        pf_build,
        pf_version: version,
        ours_index: dir_size(&data.join("search")),
        pf_index: dir_size(&dist.join("pagefind")),
        data: dir_size(&data),
        committee: "bigtown-c01".into(),
    };
    Ok(facts)
}
