//! Importing photos into an order, in two steps so the slow part can run in
//! a background job: [`prepare`] reads, checks, hashes and copies one file
//! into the photo store without touching the project; [`apply`] adds the
//! prepared photos to an order.

use crate::media;
use crate::model::{OrderId, ParcelId, Photo, PhotoCode, PhotoId, Project, StoredFile, Tag};
use crate::store::PhotoStore;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A file copied into the store and ready to be added to an order.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    pub source: PathBuf,
    pub file: StoredFile,
    pub width: u32,
    pub height: u32,
    pub taken: Option<chrono::NaiveDateTime>,
    /// Tags to give the photo (a pasted screenshot is a chat screenshot).
    pub tags: Vec<Tag>,
    /// Codes read on it (when the import reads labels).
    pub codes: Vec<PhotoCode>,
}

impl Prepared {
    /// The photo as the op that adds it to an order takes it.
    pub fn into_new_photo(self) -> crate::rules::ops::NewPhoto {
        crate::rules::ops::NewPhoto {
            file: self.file,
            width: self.width,
            height: self.height,
            taken: self.taken,
            tags: self.tags,
            codes: self.codes,
        }
    }
}

/// A file that could not be imported, and why (a sentence for the user).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failed {
    pub source: PathBuf,
    pub reason: String,
}

/// What happened to each prepared file when added to an order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Added {
    New(PhotoId),
    /// The same bytes are already in the order as this photo.
    AlreadyThere(PhotoId),
}

/// Why prepared photos could not be added.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("the order {0} is not in the project")]
    NoOrder(OrderId),
    #[error(
        "the project's id counter is used up (next_id is {0}; ids stop at {max}), so no \
         photo was added. The file was edited by hand or damaged: look at next_id and the \
         largest ids in it",
        max = u64::MAX - 1
    )]
    IdsUsedUp(u64),
}

/// Reads `source` (a regular file of at most 200 MB; devices and FIFOs are
/// refused by name), checks that it is a whole image within the limits,
/// and copies it into the store (once per content).
pub fn prepare(store: &PhotoStore, source: &Path) -> Result<Prepared, Failed> {
    prepare_file(store, source, false)
}

/// [`prepare`], also reading the labels on the photo (Code 128/39, QR,
/// EAN/UPC) from the same decode: a full decode instead of the JPEG fast
/// path, and a time-limited scan.
pub fn prepare_reading_labels(store: &PhotoStore, source: &Path) -> Result<Prepared, Failed> {
    prepare_file(store, source, true)
}

fn prepare_file(store: &PhotoStore, source: &Path, labels: bool) -> Result<Prepared, Failed> {
    let bytes = crate::store::read_regular(source).map_err(|e| Failed {
        source: source.to_path_buf(),
        reason: match e {
            crate::store::ReadError::Io { source, .. } => format!("could not read it: {source}"),
            other => other.to_string(),
        },
    })?;
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    prepare_bytes_with(store, &bytes, &name, source, labels)
}

/// [`prepare`] for bytes already in memory (a pasted screenshot); `source`
/// is what reports call it.
pub fn prepare_bytes(
    store: &PhotoStore,
    bytes: &[u8],
    name: &str,
    source: &Path,
) -> Result<Prepared, Failed> {
    prepare_bytes_with(store, bytes, name, source, false)
}

fn prepare_bytes_with(
    store: &PhotoStore,
    bytes: &[u8],
    name: &str,
    source: &Path,
    labels: bool,
) -> Result<Prepared, Failed> {
    let fail = |reason: String| Failed {
        source: source.to_path_buf(),
        reason,
    };
    // One decode checks the image and makes its grid thumbnail, which goes
    // into the cache so the grid does not decode the photo again (and,
    // reading labels, gives the grey copy the barcode reader scans).
    let (info, thumb, found) = if labels {
        media::label_read::probe_thumbnail_codes(
            bytes,
            media::THUMB_PX,
            media::label_read::LABEL_BUDGET,
        )
    } else {
        media::probe_with_thumbnail(bytes, media::THUMB_PX).map(|(i, t)| (i, t, Vec::new()))
    }
    .map_err(|e| fail(e.to_string()))?;
    let file = store
        .add(bytes, name, info.format.extension())
        .map_err(|e| fail(e.to_string()))?;
    if let Some(cache) = crate::store::ThumbCache::user() {
        // A cache only: a thumbnail that cannot be kept is made again later.
        let _ = crate::store::cache_thumbnail(&cache, &file.hash, media::THUMB_PX, &thumb);
    }
    Ok(Prepared {
        source: source.to_path_buf(),
        file,
        width: info.width,
        height: info.height,
        taken: info.taken,
        tags: Vec::new(),
        codes: super::labels::photo_codes(&found, info.width, info.height),
    })
}

/// Whether the id counter can hand out `n` more ids.
pub fn ids_left(project: &Project, n: usize) -> Result<(), ApplyError> {
    if u64::MAX - project.next_id.max(1) < n as u64 {
        return Err(ApplyError::IdsUsedUp(project.next_id));
    }
    Ok(())
}

/// Adds prepared photos to an order, linked to `parcel` if given. A photo
/// whose bytes are already in the order is not added twice. Nothing is
/// added if the order does not exist or the id counter cannot give every
/// photo a fresh id.
pub fn apply(
    project: &mut Project,
    order: OrderId,
    parcel: Option<ParcelId>,
    prepared: Vec<Prepared>,
) -> Result<Vec<Added>, ApplyError> {
    let Some((_, o)) = project.order(order) else {
        return Err(ApplyError::NoOrder(order));
    };
    let known: HashMap<String, PhotoId> = o
        .photos
        .iter()
        .map(|p| (p.file.hash.clone(), p.id))
        .collect();
    let fresh = prepared
        .iter()
        .filter(|p| !known.contains_key(&p.file.hash))
        .count();
    ids_left(project, fresh)?;
    let next = project.next_id;
    let mut added = Vec::with_capacity(prepared.len());
    let mut photos = Vec::new();
    let mut seen = known;
    for p in prepared {
        if let Some(&id) = seen.get(&p.file.hash) {
            added.push(Added::AlreadyThere(id));
            continue;
        }
        let id = PhotoId(project.try_new_id().ok_or(ApplyError::IdsUsedUp(next))?);
        seen.insert(p.file.hash.clone(), id);
        photos.push(Photo {
            id,
            file: p.file,
            width: p.width,
            height: p.height,
            taken: p.taken,
            tags: p.tags,
            codes: p.codes,
            parcel,
            ..Photo::default()
        });
        added.push(Added::New(id));
    }
    project
        .order_mut(order)
        .ok_or(ApplyError::NoOrder(order))?
        .photos
        .extend(photos);
    Ok(added)
}

/// The files to import for what was picked or dropped: files as they are,
/// folders as the files directly in them (by name, hidden ones skipped).
/// A folder that cannot be read is kept as is, so its import fails with the
/// reason.
pub fn expand_folders(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(path);
            continue;
        }
        match std::fs::read_dir(&path) {
            Ok(entries) => {
                let mut files: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file())
                    .filter(|p| {
                        !p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    })
                    .collect();
                files.sort();
                out.extend(files);
            }
            Err(_) => out.push(path),
        }
    }
    out
}

#[cfg(test)]
mod folder_tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn folders_become_their_visible_files_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("QC photos");
        std::fs::create_dir_all(folder.join("nested")).unwrap();
        for name in ["b.jpg", "a.jpg", ".DS_Store"] {
            std::fs::write(folder.join(name), b"x").unwrap();
        }
        std::fs::write(folder.join("nested/c.jpg"), b"x").unwrap();
        let single = dir.path().join("single.png");
        std::fs::write(&single, b"x").unwrap();
        let got = expand_folders(vec![single.clone(), folder.clone()]);
        assert_eq!(
            got,
            vec![single, folder.join("a.jpg"), folder.join("b.jpg")]
        );
    }
}
