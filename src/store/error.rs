//! What can go wrong with project files and the photo store. Every message
//! names the file and says what the user can do.

use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },

    #[error("could not write {}: {source}. {}", path.display(), write_hint(source))]
    Write { path: PathBuf, source: io::Error },

    #[error("{} is not UTF-8 text (invalid byte at offset {offset}): a project file is RON text. \
             Is this the right file? The previous version, if any, is in the .ron.bak beside it.",
            path.display())]
    NotText { path: PathBuf, offset: usize },

    #[error("{} could not be read as a project: line {line}, column {column}: {message}. \
             If the file was edited by hand, look for a missing comma, quote or bracket near there; \
             the previous version, if any, is in the .ron.bak beside it.",
            path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{} was written by a newer BulkReady (file format {found}; this version reads up to {supported}). \
             Update BulkReady to open it; the file was not changed.",
            path.display())]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error("{}: photo {photo} ({name}) {why}. The store names files only by their hash, so \
             this project was not written by BulkReady or was changed by hand; it was not opened. \
             Ask whoever sent it for a clean copy.",
            path.display())]
    UnsafePhotoPath {
        path: PathBuf,
        photo: u64,
        name: String,
        stored: String,
        why: String,
    },

    #[error("{}: {} used more than once, so links to it are ambiguous; the project was not \
             opened. The previous version, if any, is in the .ron.bak beside it.",
            path.display(), list(ids))]
    DuplicateIds { path: PathBuf, ids: Vec<u64> },

    #[error("{} is being saved by {holder}; waited {waited:.0} s. Try again when it has finished \
             (nothing was changed).",
            path.display())]
    Locked {
        path: PathBuf,
        holder: String,
        waited: f32,
    },
}

fn list(ids: &[u64]) -> String {
    let shown: Vec<String> = ids.iter().take(10).map(u64::to_string).collect();
    let more = ids.len().saturating_sub(10);
    match (ids.len(), more) {
        (1, _) => format!("id {} is", shown.join("")),
        (_, 0) => format!("ids {} are", shown.join(", ")),
        _ => format!("ids {} and {more} more are", shown.join(", ")),
    }
}

fn write_hint(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "The disk is full: free some space and save again; nothing was lost"
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "The folder is not writable: save somewhere else; nothing was lost"
        }
        io::ErrorKind::NotFound => "Check that the folder exists; nothing was changed",
        _ => "Nothing was changed on disk",
    }
}

impl StoreError {
    pub(crate) fn read(path: &Path, source: io::Error) -> Self {
        StoreError::Read {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn write(path: &Path, source: io::Error) -> Self {
        StoreError::Write {
            path: path.to_path_buf(),
            source,
        }
    }
}
