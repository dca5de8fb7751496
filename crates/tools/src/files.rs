//! Walking and copying folders of files, one way for the import's staging folder, the
//! benchmarks and the tests.

use std::fs;
use std::path::Path;

/// Every file under `root`, relative to it, `/`-separated and sorted. A folder that cannot
/// be read is passed over: what is listed is what can be read.
pub fn list_files(root: &Path) -> Vec<String> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, root, out);
            } else if let Ok(rel) = p.strip_prefix(root) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

/// Copy the files under `from` that `keep` accepts (given each one's relative path, as
/// [`list_files`] writes it) to the same places under `to`, making folders as needed.
pub fn copy_tree_where(from: &Path, to: &Path, keep: impl Fn(&str) -> bool) -> Result<(), String> {
    for rel in list_files(from).into_iter().filter(|r| keep(r)) {
        let dest = to.join(&rel);
        if let Some(d) = dest.parent() {
            fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
        }
        fs::copy(from.join(&rel), &dest).map_err(|e| format!("{rel}: {e}"))?;
    }
    Ok(())
}

/// Copy every file under `from` to the same place under `to`.
pub fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    copy_tree_where(from, to, |_| true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_copies_nested_files() {
        let from = tempfile::tempdir().unwrap();
        fs::create_dir_all(from.path().join("a/b")).unwrap();
        fs::write(from.path().join("a/b/c.json"), "1").unwrap();
        fs::write(from.path().join("top.json"), "2").unwrap();
        fs::write(from.path().join("a/skip.txt"), "3").unwrap();
        assert_eq!(
            list_files(from.path()),
            ["a/b/c.json", "a/skip.txt", "top.json"]
        );
        let to = tempfile::tempdir().unwrap();
        copy_tree_where(from.path(), to.path(), |r| r.ends_with(".json")).unwrap();
        assert_eq!(list_files(to.path()), ["a/b/c.json", "top.json"]);
        assert_eq!(
            fs::read_to_string(to.path().join("a/b/c.json")).unwrap(),
            "1"
        );
        assert!(list_files(&from.path().join("missing")).is_empty());
    }
}
