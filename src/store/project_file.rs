//! The project file: pretty RON, a schema version, atomic saves with a backup.

use super::error::StoreError;
use super::photo_store::check_relative_path;
use crate::model::{Project, SCHEMA_VERSION};
use serde::Deserialize;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file extension of project files.
pub const EXTENSION: &str = "ron";

/// Serialises a project the way it is saved: pretty RON, fields in a stable
/// order, one per line, `\n` line ends on every platform.
pub fn to_ron(project: &Project) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("\t")
        .new_line("\n")
        .struct_names(false);
    match ron::ser::to_string_pretty(project, config) {
        Ok(text) => text + "\n",
        // Our types serialise to RON unconditionally (no maps with non-string
        // keys, no custom serialisers), so this is a bug, not bad input.
        Err(e) => unreachable!("serialising a project to RON failed: {e}"),
    }
}

/// Parses project text. `path` is only used in error messages.
///
/// Checks the schema version (older files are migrated, newer are refused)
/// and refuses photo paths that could point outside the photo store.
pub fn from_ron(text: &str, path: &Path) -> Result<Project, StoreError> {
    // Windows editors may start a UTF-8 file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed = match super::parallel_parse::parse(text) {
        Some(p) => Ok(p),
        None => ron::from_str(text),
    };
    let mut project: Project = match parsed {
        Ok(p) => p,
        Err(e) => {
            // A newer file may not parse at all: say "newer" rather than
            // reporting its new syntax as an error.
            refuse_newer(text, path)?;
            return Err(StoreError::Syntax {
                path: path.to_path_buf(),
                line: e.span.start.line,
                column: e.span.start.col,
                message: e.code.to_string(),
            });
        }
    };
    if project.schema_version > SCHEMA_VERSION {
        return Err(newer(path, project.schema_version));
    }
    crate::model::migrate(&mut project);
    for (_, photo) in project.photos() {
        if let Err(why) = check_relative_path(&photo.file.path) {
            return Err(StoreError::UnsafePhotoPath {
                path: path.to_path_buf(),
                photo: photo.id.0,
                stored: photo.file.path.clone(),
                why,
            });
        }
    }
    project.repair_next_id();
    Ok(project)
}

fn refuse_newer(text: &str, path: &Path) -> Result<(), StoreError> {
    #[derive(Deserialize)]
    struct VersionOnly {
        #[serde(default)]
        schema_version: u32,
    }
    match ron::from_str::<VersionOnly>(text) {
        Ok(v) if v.schema_version > SCHEMA_VERSION => Err(newer(path, v.schema_version)),
        _ => Ok(()),
    }
}

fn newer(path: &Path, found: u32) -> StoreError {
    StoreError::NewerVersion {
        path: path.to_path_buf(),
        found,
        supported: SCHEMA_VERSION,
    }
}

/// Reads and parses a project file. Never writes anything.
pub fn load(path: &Path) -> Result<Project, StoreError> {
    let bytes = fs::read(path).map_err(|e| StoreError::read(path, e))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| StoreError::NotText {
        path: path.to_path_buf(),
        offset: e.valid_up_to(),
    })?;
    from_ron(text, path)
}

/// Where the previous version is kept: `name.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

/// The temporary file a save writes before renaming it into place. It sits
/// in the same folder (so the rename is atomic) and is hidden.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp"))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Saves atomically: writes a temporary file in the same folder, flushes it
/// to disk, keeps the current file as `name.ron.bak`, then renames the
/// temporary file over the project. A crash at any point leaves either the
/// old or the new project whole.
pub fn save(path: &Path, project: &Project) -> Result<(), StoreError> {
    write_atomically(path, to_ron(project).as_bytes(), true)
}

/// Writes `bytes` to `path` atomically (see [`save`]); with `keep_backup`,
/// the file it replaces is kept as `path.bak`.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    write_atomically_with(path, bytes, keep_backup, write_synced)
}

/// [`write_atomically`] with the function that writes the temporary file
/// (tests make it fail the way a full disk does).
fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    write: impl FnOnce(&Path, &[u8]) -> std::io::Result<()>,
) -> Result<(), StoreError> {
    let _turn = WriteTurn::take(path);
    let tmp = temp_path(path);
    let result = write(&tmp, bytes);
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(StoreError::write(path, e));
    }
    if keep_backup && path.exists() {
        let bak = backup_path(path);
        let _ = fs::remove_file(&bak);
        // A hard link is instant and atomic; a copy is the fallback on file
        // systems without links.
        if fs::hard_link(path, &bak).is_err()
            && let Err(e) = fs::copy(path, &bak)
        {
            let _ = fs::remove_file(&tmp);
            return Err(StoreError::write(&bak, e));
        }
    }
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        StoreError::write(path, e)
    })?;
    sync_parent(path);
    Ok(())
}

/// Paths being written by this process. Two threads writing the same file
/// (the same photo imported twice at once, say) would share its temporary
/// file; the second waits for the first instead.
static WRITING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
static WRITTEN: std::sync::Condvar = std::sync::Condvar::new();

/// The right to write one path, given back when dropped.
struct WriteTurn(PathBuf);

impl WriteTurn {
    fn take(path: &Path) -> WriteTurn {
        let mut writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
        while writing.iter().any(|p| p == path) {
            writing = WRITTEN.wait(writing).unwrap_or_else(|e| e.into_inner());
        }
        writing.push(path.to_path_buf());
        WriteTurn(path.to_path_buf())
    }
}

impl Drop for WriteTurn {
    fn drop(&mut self) {
        let mut writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
        writing.retain(|p| p != &self.0);
        WRITTEN.notify_all();
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes the rename durable. Best effort: not every platform can open a
/// folder to sync it.
fn sync_parent(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod full_disk_tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// Writes half, then fails as a full disk does (ENOSPC).
    fn full_disk(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        fs::write(path, &bytes[..bytes.len() / 2])?;
        Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
    }

    #[test]
    fn a_full_disk_leaves_the_saved_file_and_its_backup_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.ron");
        write_atomically(&path, b"version one", true).unwrap();
        write_atomically(&path, b"version two", true).unwrap();
        let err = write_atomically_with(&path, b"version three, longer", true, full_disk)
            .unwrap_err()
            .to_string();
        assert!(err.contains("shop.ron"), "{err}");
        assert!(err.contains("The disk is full"), "{err}");
        assert!(err.contains("nothing was lost"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"version two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"version one");
        assert!(
            !temp_path(&path).exists(),
            "the half-written file is removed"
        );
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "only the file and its backup: {left:?}");
    }
}

#[cfg(test)]
mod concurrent_tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn threads_writing_the_same_file_take_turns_and_all_succeed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("same.bin");
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for _ in 0..5 {
                        write_atomically(&path, &bytes, false).unwrap();
                    }
                });
            }
        });
        assert_eq!(fs::read(&path).unwrap(), bytes);
        assert!(!temp_path(&path).exists());
    }
}
