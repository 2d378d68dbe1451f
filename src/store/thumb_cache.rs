//! The thumbnail cache of a photo store: `name.photos/.thumbs/<hash>-<size>.png`.
//! A cache only: a missing or unreadable entry is made again.

use super::{PhotoStore, StoreError, write_atomically};
use crate::model::StoredFile;
use image::RgbaImage;
use std::path::PathBuf;

fn thumb_path(store: &PhotoStore, file: &StoredFile, size: u32) -> PathBuf {
    store
        .root()
        .join(".thumbs")
        .join(format!("{}-{size}.png", file.hash))
}

/// The cached thumbnail, if there is a readable one.
pub fn cached_thumbnail(store: &PhotoStore, file: &StoredFile, size: u32) -> Option<RgbaImage> {
    let bytes = std::fs::read(thumb_path(store, file, size)).ok()?;
    image::load_from_memory_with_format(&bytes, image::ImageFormat::Png)
        .ok()
        .map(|i| i.to_rgba8())
}

/// Keeps a thumbnail in the cache.
pub fn cache_thumbnail(
    store: &PhotoStore,
    file: &StoredFile,
    size: u32,
    thumb: &RgbaImage,
) -> Result<(), StoreError> {
    let path = thumb_path(store, file, size);
    let mut png = std::io::Cursor::new(Vec::new());
    if let Err(e) = thumb.write_to(&mut png, image::ImageFormat::Png) {
        let source = std::io::Error::other(e);
        return Err(StoreError::Write { path, source });
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Write {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    write_atomically(&path, png.get_ref(), false)
}

/// The thumbnail of a stored photo: from the cache, or made from the photo
/// (and cached). Errors are user-facing sentences.
pub fn thumbnail_of(store: &PhotoStore, file: &StoredFile, size: u32) -> Result<RgbaImage, String> {
    if let Some(t) = cached_thumbnail(store, file, size) {
        return Ok(t);
    }
    let name = &file.original_name;
    let bytes = std::fs::read(store.path_of(file)).map_err(|e| format!("{name}: {e}"))?;
    let thumb = crate::media::thumbnail(&bytes, size).map_err(|e| format!("{name}: {e}"))?;
    // A cache that cannot be written only costs time next time.
    let _ = cache_thumbnail(store, file, size, &thumb);
    Ok(thumb)
}

/// [`thumbnail_of`] for many stored photos on `threads` threads (see
/// [`default_threads`](super::default_threads)): `on_done(index, result)`
/// is called from the worker threads as each thumbnail is ready; once
/// `cancelled()` is true no new photo is started. Returns how many were done.
pub fn thumbnails_parallel(
    store: &PhotoStore,
    files: &[StoredFile],
    size: u32,
    threads: usize,
    cancelled: impl Fn() -> bool + Sync,
    on_done: impl Fn(usize, Result<RgbaImage, String>) + Sync,
) -> usize {
    crate::media::for_each_parallel(
        files,
        threads,
        cancelled,
        |file| thumbnail_of(store, file, size),
        on_done,
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::media::synth::{Scene, render};

    #[test]
    fn thumbnails_are_cached_reused_and_rebuilt_when_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        let store = PhotoStore::for_project(&dir.path().join("t.ron"));
        let file = store
            .add(
                &render(&Scene::Mug { colour: [9, 9, 9] }, 6, None),
                "a.jpg",
                "jpg",
            )
            .unwrap();
        let first = thumbnail_of(&store, &file, 128).unwrap();
        assert_eq!(first.dimensions(), (128, 96));
        let cached = thumb_path(&store, &file, 128);
        assert!(cached.exists());

        // Reused: a marker pixel written into the cache comes back.
        let mut marked = first.clone();
        marked.put_pixel(0, 0, image::Rgba([1, 2, 3, 255]));
        cache_thumbnail(&store, &file, 128, &marked).unwrap();
        assert_eq!(
            thumbnail_of(&store, &file, 128).unwrap().get_pixel(0, 0).0,
            [1, 2, 3, 255]
        );

        // Corrupt: made again from the photo.
        std::fs::write(&cached, b"not a png").unwrap();
        assert_eq!(thumbnail_of(&store, &file, 128).unwrap(), first);
        std::fs::remove_file(&cached).unwrap();
        assert_eq!(thumbnail_of(&store, &file, 128).unwrap(), first);
        assert!(cached.exists(), "rebuilt when missing");
    }

    #[test]
    fn a_batch_is_made_on_several_threads_and_cached() {
        let dir = tempfile::tempdir().unwrap();
        let store = PhotoStore::for_project(&dir.path().join("t.ron"));
        let mut files: Vec<StoredFile> = [1, 3, 6, 8]
            .iter()
            .map(|&o| {
                let jpeg = render(&Scene::Mug { colour: [9, 9, 9] }, o, None);
                store.add(&jpeg, &format!("{o}.jpg"), "jpg").unwrap()
            })
            .collect();
        files.push(StoredFile {
            path: "gone.jpg".into(),
            hash: "00".into(),
            original_name: "gone.jpg".into(),
        });
        let results = std::sync::Mutex::new(Vec::new());
        let n = thumbnails_parallel(
            &store,
            &files,
            64,
            2,
            || false,
            |i, r| {
                results.lock().unwrap().push((i, r.map(|t| t.dimensions())));
            },
        );
        assert_eq!(n, 5);
        let mut results = results.into_inner().unwrap();
        results.sort_by_key(|(i, _)| *i);
        for (i, r) in &results[..4] {
            assert_eq!(r, &Ok((64, 48)), "photo {i}");
            assert!(thumb_path(&store, &files[*i], 64).exists());
        }
        assert!(
            results[4]
                .1
                .as_ref()
                .is_err_and(|e| e.starts_with("gone.jpg:"))
        );
    }

    #[test]
    fn a_missing_photo_says_which() {
        let dir = tempfile::tempdir().unwrap();
        let store = PhotoStore::for_project(&dir.path().join("t.ron"));
        let file = StoredFile {
            path: "gone.jpg".into(),
            hash: "00".into(),
            original_name: "IMG_1.jpg".into(),
        };
        let err = thumbnail_of(&store, &file, 128).unwrap_err();
        assert!(err.starts_with("IMG_1.jpg:"), "{err}");
    }
}
