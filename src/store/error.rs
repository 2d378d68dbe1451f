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

    #[error("{}: photo {photo} has the path {stored:?}, which {why}. Photo paths must be relative \
             and stay inside the project's photo store; the project was not opened. \
             Ask whoever sent it for a clean copy, or fix the path by hand.",
            path.display())]
    UnsafePhotoPath {
        path: PathBuf,
        photo: u64,
        stored: String,
        why: &'static str,
    },
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
