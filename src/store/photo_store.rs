//! The photo store: `name.photos/` beside `name.ron`. Files are named by the
//! BLAKE3 hash (128 bits) of their bytes plus the original extension, so the same
//! bytes imported twice are stored once. Paths in the project are relative
//! to the store and may not leave it.

use super::error::StoreError;
use super::project_file::write_atomically;
use crate::model::{OrderId, PhotoId, Project, StoredFile};
use std::fmt;
use std::fs;
use std::path::{Component, Path, PathBuf};

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
    pub fn for_project(project_path: &Path) -> Self {
        let stem = project_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "project".into());
        PhotoStore {
            root: project_path.with_file_name(format!("{stem}.photos")),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file on disk for a stored photo. The path was checked on load.
    pub fn path_of(&self, file: &StoredFile) -> PathBuf {
        self.root.join(&file.path)
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
        let ext = plain_extension(original_name).unwrap_or_else(|| fallback_ext.to_string());
        let name = format!("{hash}.{ext}");
        let dest = self.root.join(&name);
        // Content-addressed: a file of that name with the same bytes is this
        // photo. Anything else there (damaged, cut short) is replaced.
        let already = fs::metadata(&dest).is_ok_and(|m| m.len() == bytes.len() as u64)
            && fs::read(&dest).is_ok_and(|b| hash_bytes(&b) == hash);
        if !already {
            fs::create_dir_all(&self.root).map_err(|e| StoreError::write(&self.root, e))?;
            write_atomically(&dest, bytes, false)?;
        }
        Ok(StoredFile {
            path: name,
            hash,
            original_name: original_name.to_string(),
        })
    }

    /// Photos whose file is not in the store. Cheap: no hashing.
    pub fn missing(&self, project: &Project) -> Vec<PhotoId> {
        project
            .photos()
            .filter(|(_, p)| !self.path_of(&p.file).is_file())
            .map(|(_, p)| p.id)
            .collect()
    }

    /// Every photo whose file is missing, unreadable, outside the store
    /// (through a link) or whose bytes no longer match their hash.
    pub fn verify(&self, project: &Project) -> Vec<PhotoProblem> {
        let root = fs::canonicalize(&self.root).ok();
        project
            .photos()
            .filter_map(|(order, photo)| {
                let path = self.path_of(&photo.file);
                let kind = match fs::read(&path) {
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => ProblemKind::Missing,
                    Err(e) => ProblemKind::Unreadable(e.to_string()),
                    Ok(_) if !inside(root.as_deref(), &path) => ProblemKind::OutsideStore,
                    Ok(bytes) => {
                        let actual = hash_bytes(&bytes);
                        if actual == photo.file.hash {
                            return None;
                        }
                        ProblemKind::HashMismatch { actual }
                    }
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

fn inside(root: Option<&Path>, path: &Path) -> bool {
    match (root, fs::canonicalize(path)) {
        (Some(root), Ok(real)) => real.starts_with(root),
        _ => false,
    }
}

/// The extension of a file name if it is short and plain (letters and
/// digits), lowercased.
fn plain_extension(name: &str) -> Option<String> {
    let ext = Path::new(name).extension()?.to_str()?;
    let plain = (1..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric());
    plain.then(|| ext.to_ascii_lowercase())
}

/// Refuses a stored photo path that could reach outside the store: empty,
/// absolute, with a drive or `..`, a backslash, or a NUL.
pub(crate) fn check_relative_path(path: &str) -> Result<(), &'static str> {
    if path.is_empty() {
        return Err("is empty");
    }
    if path.contains('\0') {
        return Err("contains a NUL character");
    }
    if path.contains('\\') {
        return Err("contains a backslash (a Windows path)");
    }
    if path.starts_with('/') || path.as_bytes().get(1) == Some(&b':') {
        return Err("is absolute");
    }
    for c in Path::new(path).components() {
        match c {
            Component::Normal(_) | Component::CurDir => {}
            Component::ParentDir => return Err("climbs out of the store with '..'"),
            Component::RootDir | Component::Prefix(_) => return Err("is absolute"),
        }
    }
    Ok(())
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
