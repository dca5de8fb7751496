//! The staging folder of an import: a copy of the data folder that the run writes into and
//! checks, and the final step that writes into the real folder only the files whose bytes
//! changed, each atomically.

use minutebook_data::{CouncilFile, Meeting};
use minutebook_moderngov::client;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The data folder as it is, read but never written by the walk.
pub(super) struct Folder {
    root: PathBuf,
}

impl Folder {
    pub(super) fn new(root: &Path) -> Folder {
        Folder {
            root: root.to_path_buf(),
        }
    }

    pub(super) fn read(&self, rel: &str) -> Option<Vec<u8>> {
        fs::read(self.root.join(rel)).ok()
    }

    pub(super) fn read_council(&self, id: &str) -> Option<CouncilFile> {
        let rel = super::walk::paths_council(id);
        minutebook_data::parse_bytes::<CouncilFile>(&rel, &self.read(&rel)?).ok()
    }

    pub(super) fn read_meetings(&self) -> Vec<Meeting> {
        let Ok(entries) = fs::read_dir(self.root.join("meetings")) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|e| {
                let bytes = fs::read(e.path()).ok()?;
                minutebook_data::parse_bytes::<Meeting>("meeting", &bytes).ok()
            })
            .collect()
    }
}

/// A copy of the data folder that the run writes into and checks before anything reaches
/// the real one.
pub(super) struct Stage {
    dir: tempfile::TempDir,
}

impl Stage {
    pub(super) fn copy_of(data: &Path) -> Result<Stage, String> {
        let dir = tempfile::Builder::new()
            .prefix("minutebook-import-")
            .tempdir()
            .map_err(|e| format!("cannot make a staging folder: {e}"))?;
        if data.exists() {
            copy_tree(data, dir.path())?;
        }
        for sub in ["councils", "meetings"] {
            fs::create_dir_all(dir.path().join(sub)).map_err(|e| format!("staging folder: {e}"))?;
        }
        Ok(Stage { dir })
    }

    pub(super) fn path(&self) -> &Path {
        self.dir.path()
    }

    pub(super) fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        let p = self.path().join(rel);
        if fs::read(&p).ok().as_deref() == Some(bytes) {
            return Ok(());
        }
        if let Some(d) = p.parent() {
            fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
        }
        fs::write(&p, bytes).map_err(|e| format!("{}: {e}", p.display()))
    }

    /// Write into `data` every file whose bytes differ and remove every file the stage no
    /// longer has; `dry_run` only lists them. Returns (written, removed), relative paths.
    pub(super) fn sync_into(
        &self,
        data: &Path,
        dry_run: bool,
    ) -> Result<(Vec<String>, Vec<String>), String> {
        let mut staged = Vec::new();
        list_files(self.path(), self.path(), &mut staged);
        let mut present = Vec::new();
        if data.exists() {
            list_files(data, data, &mut present);
        }
        let mut written = Vec::new();
        for rel in &staged {
            let new = fs::read(self.path().join(rel)).map_err(|e| format!("{rel}: {e}"))?;
            if fs::read(data.join(rel)).ok().as_deref() == Some(new.as_slice()) {
                continue;
            }
            if !dry_run {
                let path = data.join(rel);
                client::write_atomically(&path, &new)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
            written.push(rel.clone());
        }
        let staged: BTreeSet<&String> = staged.iter().collect();
        let mut removed = Vec::new();
        for rel in present.iter().filter(|r| !staged.contains(r)) {
            if !dry_run {
                let p = data.join(rel);
                fs::remove_file(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            }
            removed.push(rel.clone());
        }
        Ok((written, removed))
    }
}

/// Files under `dir` (relative to `root`, `/`-separated), skipping hidden entries.
fn list_files(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let p = e.path();
        if p.is_dir() {
            list_files(&p, root, out);
        } else if let Ok(rel) = p.strip_prefix(root) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    out.sort();
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    list_files(from, from, &mut files);
    for rel in files {
        let dest = to.join(&rel);
        if let Some(d) = dest.parent() {
            fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
        }
        fs::copy(from.join(&rel), &dest).map_err(|e| format!("{rel}: {e}"))?;
    }
    Ok(())
}
