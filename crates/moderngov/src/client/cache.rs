//! The client's cache folder: per URL, the raw body and its validators (ETag,
//! Last-Modified), so the next request is conditional and a 304 serves the body kept here.
//! Files are readable (`<host_path_query>-<hash>.xml` and `.validators`) and written
//! atomically.

use super::Error;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A cache folder.
pub(super) struct Cache {
    pub dir: PathBuf,
}

impl Cache {
    fn paths(&self, url: &str) -> (PathBuf, PathBuf) {
        let name = cache_name(url);
        (
            self.dir.join(format!("{name}.xml")),
            self.dir.join(format!("{name}.validators")),
        )
    }

    /// The cached body and validators of `url`, if any.
    pub(super) fn get(&self, url: &str) -> Option<Cached> {
        let (body_path, meta_path) = self.paths(url);
        let body = std::fs::read_to_string(&body_path).ok()?;
        let meta = std::fs::read_to_string(&meta_path).unwrap_or_default();
        let mut c = Cached {
            body,
            etag: None,
            last_modified: None,
        };
        for line in meta.lines() {
            match line.split_once(": ") {
                // A cache entry for another URL with the same name (a hash collision):
                // treat as missing rather than serve the wrong document.
                Some(("url", u)) if u != url => return None,
                Some(("etag", v)) => c.etag = Some(v.to_string()),
                Some(("last-modified", v)) => c.last_modified = Some(v.to_string()),
                _ => {}
            }
        }
        Some(c)
    }

    /// Keep `body` and its validators for `url`.
    pub(super) fn put(
        &self,
        url: &str,
        body: &str,
        etag: Option<String>,
        last_modified: Option<String>,
    ) -> Result<(), Error> {
        let (body_path, meta_path) = self.paths(url);
        let mut meta = format!("url: {url}\n");
        // Header values with a line break would corrupt the file; such a validator is useless.
        for (k, v) in [("etag", etag), ("last-modified", last_modified)] {
            if let Some(v) = v.filter(|v| !v.contains(['\n', '\r'])) {
                meta.push_str(&format!("{k}: {v}\n"));
            }
        }
        // The body first: validators without their body would make a 304 unservable.
        for (path, bytes) in [(&body_path, body.as_bytes()), (&meta_path, meta.as_bytes())] {
            replace(path, bytes, false).map_err(|e| Error::Cache {
                path: path.clone(),
                detail: e.to_string(),
            })?;
        }
        Ok(())
    }
}

pub(super) struct Cached {
    pub body: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Write `bytes` to a temporary file beside `path`, flush it to disk and rename it over
/// `path`, so a reader (or a crash) never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace(path, bytes, true)
}

/// As [`write_atomically`]; `durable: false` skips the flush to disk, for the cache, where a
/// lost entry only costs a fresh request (the flush made a 4,000-meeting import several
/// times slower).
fn replace(path: &Path, bytes: &[u8], durable: bool) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file"),
        std::process::id()
    ));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            if durable {
                f.sync_all()?;
            }
            Ok(())
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The cache file name of a URL: readable, and made unique by a stable hash (FNV-1a, which
/// unlike std's hasher is the same on every Rust release).
fn cache_name(url: &str) -> String {
    let readable: String = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(120)
        .collect();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in url.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{readable}-{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_names_are_readable_and_distinct() {
        let a = cache_name("https://x.example/mgWebService.asmx/GetMeeting?lMeetingId=1");
        let b = cache_name("https://x.example/mgWebService.asmx/GetMeeting?lMeetingId_1");
        assert!(a.starts_with("x_example_mgWebService_asmx_GetMeeting_lMeetingId_1-"));
        assert_ne!(a, b);
    }
}
