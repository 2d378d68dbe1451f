//! Noticing a file changed behind our back, and the recovery file.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a file looked like when we last read or wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub modified: Option<SystemTime>,
    pub len: u64,
}

/// The file's current stamp, or `None` if it cannot be read.
pub fn stamp(path: &Path) -> Option<FileStamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(FileStamp {
        modified: meta.modified().ok(),
        len: meta.len(),
    })
}

/// Where autosave writes: `.name.ron.recovery`, hidden, beside the project.
pub fn recovery_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.recovery"))
}

/// Whether a recovery file exists that is newer than the project.
pub fn recovery_is_newer(path: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(&recovery_path(path)), modified(path)) {
        (Some(rec), Some(proj)) => rec > proj,
        (Some(_), None) => true,
        _ => false,
    }
}
