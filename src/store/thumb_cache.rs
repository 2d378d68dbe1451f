//! The thumbnail cache: in the user's cache folder (the platform's
//! convention, from `directories`), never in the project, so a project
//! folder holds only evidence and nothing shipped with a project can stand
//! in for a photo. Entries are keyed by content hash, size and
//! [`CACHE_VERSION`], and written only by this program. Bytes in, bytes
//! out: encoding the pixels is `media`'s business.
//!
//! `BULKREADY_CACHE_DIR` overrides the folder (tests and CI use a
//! temporary one).

use super::error::StoreError;
use super::names::is_hash;
use super::project_file::write_atomically;
use super::read::{Links, read_bounded};
use std::path::{Path, PathBuf};

/// Bumped when the thumbnails made change, so old entries are not used.
pub const CACHE_VERSION: u32 = 1;

/// The environment variable naming another cache folder.
pub const CACHE_ENV: &str = "BULKREADY_CACHE_DIR";

/// The largest cache entry read back (a 4096-px PNG is far below it).
const MAX_ENTRY_BYTES: u64 = 64 * 1000 * 1000;

/// A thumbnail cache folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThumbCache {
    dir: PathBuf,
}

impl ThumbCache {
    /// The user's cache: `$BULKREADY_CACHE_DIR`, else the platform's cache
    /// folder for BulkReady (`~/.cache/bulkready` on Linux). `None` when
    /// there is no home folder to put it in.
    pub fn user() -> Option<ThumbCache> {
        let base = match std::env::var_os(CACHE_ENV).filter(|v| !v.is_empty()) {
            Some(dir) => PathBuf::from(dir),
            None => directories::ProjectDirs::from("", "", "BulkReady")?
                .cache_dir()
                .to_path_buf(),
        };
        Some(ThumbCache::at(&base))
    }

    /// A cache in `base` (its entries go in `base/thumbs-vN/`).
    pub fn at(base: &Path) -> ThumbCache {
        ThumbCache {
            dir: base.join(format!("thumbs-v{CACHE_VERSION}")),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the entry for `hash` at `size` pixels lives; `None` for a hash
    /// the store would not have made (it is never joined to a path).
    pub fn entry_path(&self, hash: &str, size: u32) -> Option<PathBuf> {
        is_hash(hash).then(|| self.dir.join(format!("{hash}-{size}.png")))
    }

    /// The cached bytes, if there is an entry (a regular file, no link).
    pub fn get(&self, hash: &str, size: u32) -> Option<Vec<u8>> {
        let path = self.entry_path(hash, size)?;
        read_bounded(&path, Links::Refuse, MAX_ENTRY_BYTES).ok()
    }

    /// Keeps `png` as the entry for `hash` at `size`.
    pub fn put(&self, hash: &str, size: u32, png: &[u8]) -> Result<(), StoreError> {
        let Some(path) = self.entry_path(hash, size) else {
            return Ok(());
        };
        std::fs::create_dir_all(&self.dir).map_err(|e| StoreError::write(&self.dir, e))?;
        write_atomically(&path, png, false)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const H: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn entries_are_kept_by_hash_size_and_version() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ThumbCache::at(dir.path());
        assert_eq!(cache.get(H, 64), None);
        cache.put(H, 64, b"png bytes").unwrap();
        assert_eq!(cache.get(H, 64).unwrap(), b"png bytes");
        assert_eq!(cache.get(H, 128), None);
        let entry = cache.entry_path(H, 64).unwrap();
        assert!(entry.starts_with(dir.path().join(format!("thumbs-v{CACHE_VERSION}"))));
    }

    #[test]
    fn a_hash_that_is_not_one_never_becomes_a_path() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ThumbCache::at(&dir.path().join("c"));
        for evil in ["../../../tmp/x", "/etc/passwd", "", "ABCDEF"] {
            assert_eq!(cache.entry_path(evil, 64), None);
            cache.put(evil, 64, b"x").unwrap();
            assert_eq!(cache.get(evil, 64), None);
        }
        assert!(!dir.path().join("c").exists(), "nothing written");
    }
}
