//! Importing photos into an order, in two steps so the slow part can run in
//! a background job: [`prepare`] reads, checks, hashes and copies one file
//! into the photo store without touching the project; [`apply`] adds the
//! prepared photos to an order.

use crate::media;
use crate::model::{OrderId, ParcelId, Photo, PhotoId, Project, StoredFile, Tag};
use crate::store::PhotoStore;
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

/// Reads `source`, checks that it is a whole image within the limits, and
/// copies it into the store (once per content).
pub fn prepare(store: &PhotoStore, source: &Path) -> Result<Prepared, Failed> {
    let bytes = std::fs::read(source).map_err(|e| Failed {
        source: source.to_path_buf(),
        reason: format!("could not read it: {e}"),
    })?;
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    prepare_bytes(store, &bytes, &name, source)
}

/// [`prepare`] for bytes already in memory (a pasted screenshot); `source`
/// is what reports call it.
pub fn prepare_bytes(
    store: &PhotoStore,
    bytes: &[u8],
    name: &str,
    source: &Path,
) -> Result<Prepared, Failed> {
    let fail = |reason: String| Failed {
        source: source.to_path_buf(),
        reason,
    };
    let info = media::probe(bytes).map_err(|e| fail(e.to_string()))?;
    let file = store
        .add(bytes, name, info.format.extension())
        .map_err(|e| fail(e.to_string()))?;
    Ok(Prepared {
        source: source.to_path_buf(),
        file,
        width: info.width,
        height: info.height,
        taken: info.taken,
        tags: Vec::new(),
    })
}

/// Adds prepared photos to an order, linked to `parcel` if given. A photo
/// whose bytes are already in the order is not added twice. Returns `None`
/// if the order does not exist.
pub fn apply(
    project: &mut Project,
    order: OrderId,
    parcel: Option<ParcelId>,
    prepared: Vec<Prepared>,
) -> Option<Vec<Added>> {
    project.order(order)?;
    let mut added = Vec::with_capacity(prepared.len());
    for p in prepared {
        let existing = project
            .order(order)?
            .1
            .photos
            .iter()
            .find(|ph| ph.file.hash == p.file.hash)
            .map(|ph| ph.id);
        if let Some(id) = existing {
            added.push(Added::AlreadyThere(id));
            continue;
        }
        let id = PhotoId(project.new_id());
        project.order_mut(order)?.photos.push(Photo {
            id,
            file: p.file,
            width: p.width,
            height: p.height,
            taken: p.taken,
            tags: p.tags,
            parcel,
            ..Photo::default()
        });
        added.push(Added::New(id));
    }
    Some(added)
}
