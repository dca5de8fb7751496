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
        let staged = list_files(self.path());
        // A data folder not made yet lists no files.
        let present = list_files(data);
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

/// Files under `dir` (relative to it, `/`-separated, sorted), skipping hidden entries: a
/// `.git` folder or an editor's file beside the data is never staged or published.
fn list_files(dir: &Path) -> Vec<String> {
    let mut files = crate::files::list_files(dir);
    files.retain(|rel| !is_hidden(rel));
    files
}

fn is_hidden(rel: &str) -> bool {
    rel.split('/').any(|s| s.starts_with('.'))
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    crate::files::copy_tree_where(from, to, |rel| !is_hidden(rel))
}
