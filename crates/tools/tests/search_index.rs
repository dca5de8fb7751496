//! The search index built from the bundled data (public/data) by `minutebook index`,
//! read back from disk and queried the way the app does.

use minutebook_search::query::{parse, search, shards_needed, Filters, Outcome};
use minutebook_search::shard::{decode, Shard};
use minutebook_search::snippet::snippet;
use minutebook_search::{Doc, Manifest};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

struct Built {
    dir: PathBuf,
    manifest: Manifest,
}

fn built(name: &str) -> Built {
    let dir = std::env::temp_dir().join(format!(
        "minutebook-search-test-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let msg =
        minutebook_tools::index::cli(data_dir().to_str().unwrap(), dir.to_str().unwrap(), &[])
            .expect("index builds");
    assert!(msg.contains("records"), "{msg}");
    let manifest: Manifest =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    Built { dir, manifest }
}

impl Built {
    fn query(&self, q: &str, filters: &Filters) -> (Outcome, Vec<Doc>) {
        let query = parse(q);
        let mut shards: HashMap<usize, Arc<Shard>> = HashMap::new();
        for key in shards_needed(&self.manifest, &query) {
            let bytes = std::fs::read(self.dir.join(Manifest::shard_path(key))).unwrap();
            shards.insert(key, Arc::new(decode(&bytes).unwrap()));
        }
        let outcome = search(&self.manifest, &shards, &query, filters);
        let docs = outcome
            .hits
            .iter()
            .map(|h| {
                let file: Vec<Doc> = serde_json::from_slice(
                    &std::fs::read(self.dir.join(self.manifest.doc_path(h.id))).unwrap(),
                )
                .unwrap();
                file[(h.id % self.manifest.docs_per_file) as usize].clone()
            })
            .collect();
        (outcome, docs)
    }
}

impl Drop for Built {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn indexes_every_kind_of_record_in_the_seed_data() {
    let b = built("kinds");
    let m = &b.manifest;
    assert!(m.records > 100, "only {} records", m.records);
    let committees: Vec<_> = m.committees.iter().map(|c| c.id.as_str()).collect();
    assert!(
        committees.contains(&"sefton-osc-children")
            && committees.contains(&"st-helens-cyp-scrutiny")
    );
    assert!(m.years.contains(&2021) && m.years.contains(&2022));
    let totals: HashMap<&str, u32> = {
        let mut t = HashMap::new();
        for (a, z, k) in m.runs() {
            *t.entry(m.kinds[k.kind as usize].id.as_str()).or_default() += z - a;
        }
        t
    };
    for kind in ["item", "report", "minute", "resolution-noted"] {
        assert!(
            totals.get(kind).copied().unwrap_or(0) > 0,
            "no {kind} records: {totals:?}"
        );
    }
    // Every file is small, and the manifest stays a few KB.
    for rel in minutebook_tools::files::list_files(&b.dir) {
        let len = std::fs::metadata(b.dir.join(&rel)).unwrap().len();
        assert!(len < 64 * 1024, "{rel} is {len} bytes");
    }
    assert!(
        std::fs::metadata(b.dir.join("manifest.json"))
            .unwrap()
            .len()
            < 8 * 1024
    );
}

#[test]
fn ranks_the_titled_item_first_and_links_to_its_anchor() {
    let b = built("rank");
    let (o, docs) = b.query("improvement programme", &Filters::default());
    assert!(o.total >= 4, "{} results", o.total);
    assert!(
        docs[0].title.contains("Improvement Programme"),
        "first result: {:?}",
        docs[0]
    );
    // The agenda items themselves come before their reports, minutes and resolutions
    // (which repeat the item's title) and before work programme rows.
    let top: Vec<&str> = docs.iter().take(3).map(|d| d.url.as_str()).collect();
    for meeting in ["2022-09-27", "2022-11-07"] {
        let item = format!("/meetings/sefton-osc-children-{meeting}#item-5");
        assert!(
            top.contains(&item.as_str()),
            "{item} not in the top three: {top:?}"
        );
    }
    let first_resolution = docs
        .iter()
        .position(|d| d.url.contains("#minute-"))
        .unwrap_or(docs.len());
    let last_item = docs
        .iter()
        .rposition(|d| d.url.ends_with("#item-5") && d.title.starts_with("5."))
        .unwrap_or(0);
    assert!(
        last_item < first_resolution,
        "a resolution outranks an agenda item: {top:?}"
    );
    // A resolution part links to its own anchor, e.g. #minute-14-2.
    let (_, docs) = b.query("early help", &Filters::default());
    let urls: Vec<&str> = docs.iter().map(|d| d.url.as_str()).collect();
    assert!(
        urls.contains(&"/meetings/sefton-osc-children-2022-09-27#item-6"),
        "{urls:?}"
    );
    assert!(
        urls.iter()
            .any(|u| u.starts_with("/meetings/sefton-osc-children-2022-09-27#minute-15")),
        "{urls:?}"
    );
}

#[test]
fn as_you_type_and_facets_on_the_seed_data() {
    let b = built("facets");
    let full = b.query("ofsted", &Filters::default()).0.total;
    assert!(full > 0);
    assert_eq!(
        b.query("ofst", &Filters::default()).0.total,
        full,
        "prefix gives the same records"
    );
    let (o, _) = b.query("ofsted", &Filters::default());
    let st_helens = b
        .manifest
        .councils
        .iter()
        .position(|c| c.id == "st-helens")
        .unwrap();
    let sefton = b
        .manifest
        .councils
        .iter()
        .position(|c| c.id == "sefton")
        .unwrap();
    let only = Filters {
        councils: vec![sefton as u32],
        ..Filters::default()
    };
    let (filtered, docs) = b.query("ofsted", &only);
    assert_eq!(filtered.total as u32, o.facets.councils[sefton]);
    assert!(docs.iter().all(|d| d.url.contains("sefton")));
    assert_eq!(
        o.facets.councils[sefton] + o.facets.councils[st_helens],
        o.total as u32
    );
    // Snippets mark the words that matched, whatever their case.
    let s = snippet(&docs[0].text, &filtered.terms, 30);
    assert!(
        s.marks
            .iter()
            .all(|&(a, z)| s.text[a..z].eq_ignore_ascii_case("ofsted")),
        "{s:?}"
    );
}
