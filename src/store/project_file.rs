//! The project file: pretty RON, a schema version, atomic saves with a backup.

use super::error::StoreError;
use super::lock::ProjectLock;
use super::names::check_stored_file;
use crate::model::{Project, SCHEMA_VERSION};
use serde::Deserialize;
use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

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
/// and refuses photo names the store would not have written (see
/// [`check_stored_file`]) and ids used twice.
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
    check_photo_names(&project, path)?;
    check_unique_ids(&project, path)?;
    project.repair_next_id();
    Ok(project)
}

fn check_photo_names(project: &Project, path: &Path) -> Result<(), StoreError> {
    for (_, photo) in project.photos() {
        if let Err(why) = check_stored_file(&photo.file) {
            return Err(StoreError::UnsafePhotoPath {
                path: path.to_path_buf(),
                photo: photo.id.0,
                name: photo.file.original_name.clone(),
                stored: photo.file.path.clone(),
                why,
            });
        }
    }
    Ok(())
}

/// Links are by id, so an id used twice would make them ambiguous.
fn check_unique_ids(project: &Project, path: &Path) -> Result<(), StoreError> {
    let mut seen = HashSet::new();
    let mut twice: Vec<u64> = project.all_ids().filter(|id| !seen.insert(*id)).collect();
    if twice.is_empty() {
        return Ok(());
    }
    twice.sort_unstable();
    twice.dedup();
    Err(StoreError::DuplicateIds {
        path: path.to_path_buf(),
        ids: twice,
    })
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

/// A fresh temporary name for a file written beside `path`: hidden, in the
/// same folder (so the rename is atomic) and unique per writer (process id
/// and a counter), so two writers never share one. `.name.PID-N.tmp`.
pub fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

/// Whether a file name is a temporary file some save or import left
/// behind (this version's `.name.PID-N.tmp` or the older `.name.tmp`).
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp") && name.len() > 5
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Saves atomically while holding the project's lock (see
/// [`ProjectLock`]): writes a temporary file in the same folder, flushes it
/// to disk, keeps the current file as `name.ron.bak`, then renames the
/// temporary file over the project. A crash at any point leaves the old or
/// the new project whole, and a backup.
pub fn save(path: &Path, project: &Project) -> Result<(), StoreError> {
    let lock = ProjectLock::acquire(path)?;
    lock.save(project)
}

/// [`save`] for a caller that already holds the lock.
pub(crate) fn save_locked(path: &Path, project: &Project) -> Result<(), StoreError> {
    write_atomically(path, to_ron(project).as_bytes(), true)
}

/// Writes `bytes` to `path` atomically (see [`save`]); with `keep_backup`,
/// the file it replaces is kept as `path.bak`. Takes no lock.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    write_atomically_with(path, bytes, keep_backup, write_synced, &mut |_| true)
}

/// The steps of a save, in order, for tests that stop one half way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    TempWritten,
    BackupLinked,
    BackupRenamed,
    Renamed,
}

/// [`write_atomically`] with the function that writes the temporary file
/// (tests make it fail the way a full disk does) and `go_on(step)`, asked
/// after each step (tests return false to stop there, as a kill would).
///
/// The order keeps a backup at every moment: the old file is linked (or
/// copied) to a temporary name, that is renamed over `name.bak` (a rename
/// replaces atomically: the old backup until then, the new one after), and
/// only then is the new file renamed into place.
fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    write: impl FnOnce(&Path, &[u8]) -> std::io::Result<()>,
    go_on: &mut dyn FnMut(Step) -> bool,
) -> Result<(), StoreError> {
    let tmp = temp_path(path);
    if let Err(e) = write(&tmp, bytes) {
        let _ = fs::remove_file(&tmp);
        return Err(StoreError::write(path, e));
    }
    if !go_on(Step::TempWritten) {
        return Ok(());
    }
    if keep_backup && path.exists() {
        let bak = backup_path(path);
        let bak_tmp = temp_path(&bak);
        // A hard link is instant; a copy is the fallback on file systems
        // without links.
        if fs::hard_link(path, &bak_tmp).is_err()
            && let Err(e) = fs::copy(path, &bak_tmp)
        {
            let _ = fs::remove_file(&bak_tmp);
            let _ = fs::remove_file(&tmp);
            return Err(StoreError::write(&bak, e));
        }
        if !go_on(Step::BackupLinked) {
            return Ok(());
        }
        if let Err(e) = fs::rename(&bak_tmp, &bak) {
            let _ = fs::remove_file(&bak_tmp);
            let _ = fs::remove_file(&tmp);
            return Err(StoreError::write(&bak, e));
        }
        if !go_on(Step::BackupRenamed) {
            return Ok(());
        }
    }
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        StoreError::write(path, e)
    })?;
    sync_parent(path);
    go_on(Step::Renamed);
    Ok(())
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = fs::File::create_new(path)?;
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
#[path = "project_file_tests.rs"]
mod tests;
