//! The photo store: `name.photos/` beside `name.ron`. Files are named by the
//! BLAKE3 hash (128 bits) of their bytes plus the original extension, so the same
//! bytes imported twice are stored once. Paths in the project are relative
//! to the store and may not leave it.

use super::error::StoreError;
use super::names::{check_stored_file, known_extension};
use super::project_file::write_atomically;
use super::read::{Links, MAX_FILE_BYTES, ReadError, read_bounded};
use crate::model::{OrderId, PhotoId, Project, StoredFile};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// The photo folder of one project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhotoStore {
    root: PathBuf,
}

/// The BLAKE3 hash of `bytes`, its first 128 bits as 32 lowercase hex
/// digits: far beyond any chance collision among a project's photos, and
/// half the length in the project file (thousands of photos).
pub fn hash_bytes(bytes: &[u8]) -> String {
    let hex = blake3::hash(bytes).to_hex();
    hex[..32].to_string()
}

impl PhotoStore {
    /// The store of the project saved at `project_path`: `x/name.ron` →
    /// `x/name.photos/`.
    /// Its backup `x/name.ron.bak` and recovery file `x/.name.ron.recovery`
    /// share that store.
    pub fn for_project(project_path: &Path) -> Self {
        let name = project_path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let recovered = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(".recovery"))
            .filter(|n| n.ends_with(".ron"));
        let name = recovered
            .or_else(|| name.strip_suffix(".bak").filter(|n| n.ends_with(".ron")))
            .unwrap_or(&name);
        let stem = Path::new(name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "project".into());
        PhotoStore {
            root: project_path.with_file_name(format!("{stem}.photos")),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file on disk for a stored photo. The path was checked on load;
    /// read it with [`PhotoStore::read`], which checks again.
    pub fn path_of(&self, file: &StoredFile) -> PathBuf {
        self.root.join(&file.path)
    }

    /// The bytes of a stored photo, read only as a regular file directly
    /// inside the store: its names are checked, the store folder and the
    /// file may not be links, and the size is checked before reading.
    pub fn read(&self, file: &StoredFile) -> Result<Vec<u8>, PhotoReadError> {
        check_stored_file(file).map_err(PhotoReadError::BadName)?;
        let root = fs::symlink_metadata(&self.root).map_err(|source| {
            PhotoReadError::Read(ReadError::Io {
                path: self.root.clone(),
                source,
            })
        })?;
        if root.file_type().is_symlink() || !root.is_dir() {
            return Err(PhotoReadError::StoreNotAFolder(self.root.clone()));
        }
        read_bounded(&self.path_of(file), Links::Refuse, MAX_FILE_BYTES)
            .map_err(PhotoReadError::Read)
    }

    /// [`PhotoStore::read`], and the bytes still match the photo's hash.
    pub fn read_verified(&self, file: &StoredFile) -> Result<Vec<u8>, PhotoReadError> {
        let bytes = self.read(file)?;
        let actual = hash_bytes(&bytes);
        if actual != file.hash {
            return Err(PhotoReadError::Changed { actual });
        }
        Ok(bytes)
    }

    /// Copies `bytes` into the store (unless the same bytes are already
    /// there) and says where. The extension comes from `original_name` when
    /// it has a plain one, else `fallback_ext` (from the detected format).
    pub fn add(
        &self,
        bytes: &[u8],
        original_name: &str,
        fallback_ext: &str,
    ) -> Result<StoredFile, StoreError> {
        let hash = hash_bytes(bytes);
        let ext = known_extension(original_name).unwrap_or_else(|| fallback_ext.to_string());
        let file = StoredFile {
            path: format!("{hash}.{ext}"),
            hash,
            original_name: original_name.to_string(),
        };
        let dest = self.path_of(&file);
        // Content-addressed: a file of that name with the same bytes is this
        // photo. Anything else there (damaged, cut short, a link) is replaced.
        let already = fs::symlink_metadata(&dest).is_ok_and(|m| m.len() == bytes.len() as u64)
            && self.read_verified(&file).is_ok();
        if !already {
            fs::create_dir_all(&self.root).map_err(|e| StoreError::write(&self.root, e))?;
            write_atomically(&dest, bytes, false)?;
        }
        Ok(file)
    }

    /// Photos whose file is not in the store. Cheap: no hashing.
    pub fn missing(&self, project: &Project) -> Vec<PhotoId> {
        project
            .photos()
            .filter(|(_, p)| {
                let meta = fs::symlink_metadata(self.path_of(&p.file));
                !meta.is_ok_and(|m| m.file_type().is_file())
            })
            .map(|(_, p)| p.id)
            .collect()
    }

    /// Every photo whose file is missing, unreadable, outside the store
    /// (through a link) or whose bytes no longer match their hash.
    pub fn verify(&self, project: &Project) -> Vec<PhotoProblem> {
        project
            .photos()
            .filter_map(|(order, photo)| {
                let kind = match self.read_verified(&photo.file) {
                    Ok(_) => return None,
                    Err(e) => ProblemKind::from(e),
                };
                Some(PhotoProblem {
                    order: order.id,
                    photo: photo.id,
                    file: photo.file.clone(),
                    kind,
                })
            })
            .collect()
    }
}

/// Why a stored photo was not read.
#[derive(Debug, thiserror::Error)]
pub enum PhotoReadError {
    #[error("its stored file {0}")]
    BadName(String),
    #[error("the photo store {} is not a folder (a link?); photos are read only inside it", .0.display())]
    StoreNotAFolder(PathBuf),
    #[error("{0}")]
    Read(ReadError),
    #[error("its bytes have changed since import (hash {} found)", short(actual))]
    Changed { actual: String },
}

impl From<PhotoReadError> for ProblemKind {
    fn from(e: PhotoReadError) -> Self {
        match e {
            PhotoReadError::Read(r) if r.is_not_found() => ProblemKind::Missing,
            PhotoReadError::Read(ReadError::Link { .. }) | PhotoReadError::StoreNotAFolder(_) => {
                ProblemKind::OutsideStore
            }
            PhotoReadError::Changed { actual } => ProblemKind::HashMismatch { actual },
            other => ProblemKind::Unreadable(other.to_string()),
        }
    }
}

/// Something wrong with one photo's file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhotoProblem {
    pub order: OrderId,
    pub photo: PhotoId,
    pub file: StoredFile,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    Missing,
    Unreadable(String),
    OutsideStore,
    HashMismatch { actual: String },
}

impl fmt::Display for PhotoProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (id, path, name) = (self.photo, &self.file.path, &self.file.original_name);
        write!(f, "photo {id} ({name}, stored as {path}) ")?;
        match &self.kind {
            ProblemKind::Missing => write!(f, "is missing from the photo store"),
            ProblemKind::Unreadable(e) => write!(f, "cannot be read: {e}"),
            ProblemKind::OutsideStore => write!(f, "leads outside the photo store through a link"),
            ProblemKind::HashMismatch { actual } => write!(
                f,
                "has changed since import (hash {} expected, {} found)",
                short(&self.file.hash),
                short(actual)
            ),
        }
    }
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}
