//! Thumbnails of stored photos, through the thumbnail cache in the user's
//! cache folder ([`ThumbCache`]; never the project's folder). A cache only:
//! a missing or unreadable entry is made again. Photos are read only through
//! [`PhotoStore::read`] (regular files inside the store, no links).

use super::{PhotoStore, StoreError, ThumbCache};
use crate::model::StoredFile;
use image::RgbaImage;

/// The cached thumbnail, if there is a readable one.
pub fn cached_thumbnail(cache: &ThumbCache, hash: &str, size: u32) -> Option<RgbaImage> {
    let bytes = cache.get(hash, size)?;
    image::load_from_memory_with_format(&bytes, image::ImageFormat::Png)
        .ok()
        .map(|i| i.to_rgba8())
}

/// Keeps a thumbnail in the cache.
pub fn cache_thumbnail(
    cache: &ThumbCache,
    hash: &str,
    size: u32,
    thumb: &RgbaImage,
) -> Result<(), StoreError> {
    let mut png = std::io::Cursor::new(Vec::new());
    if let Err(e) = thumb.write_to(&mut png, image::ImageFormat::Png) {
        let path = cache.dir().to_path_buf();
        let source = std::io::Error::other(e);
        return Err(StoreError::Write { path, source });
    }
    cache.put(hash, size, png.get_ref())
}

/// The thumbnail of a stored photo: from the user's cache, or made from
/// the photo (and cached). Errors are user-facing sentences.
pub fn thumbnail_of(store: &PhotoStore, file: &StoredFile, size: u32) -> Result<RgbaImage, String> {
    thumbnail_in(ThumbCache::user().as_ref(), store, file, size)
}

/// [`thumbnail_of`] with a given cache (`None`: no cache).
pub fn thumbnail_in(
    cache: Option<&ThumbCache>,
    store: &PhotoStore,
    file: &StoredFile,
    size: u32,
) -> Result<RgbaImage, String> {
    if let Some(t) = cache.and_then(|c| cached_thumbnail(c, &file.hash, size)) {
        return Ok(t);
    }
    let name = &file.original_name;
    let bytes = store.read(file).map_err(|e| format!("{name}: {e}"))?;
    make_and_cache(cache, file, &bytes, size)
}

/// The thumbnail of a stored photo whose bytes are read and checked
/// against its hash first (exports: a photo changed since import is not
/// shown as if it were the one imported).
pub fn verified_thumbnail_in(
    cache: Option<&ThumbCache>,
    store: &PhotoStore,
    file: &StoredFile,
    size: u32,
) -> Result<RgbaImage, String> {
    let name = &file.original_name;
    let bytes = store
        .read_verified(file)
        .map_err(|e| format!("{name}: {e}"))?;
    if let Some(t) = cache.and_then(|c| cached_thumbnail(c, &file.hash, size)) {
        return Ok(t);
    }
    make_and_cache(cache, file, &bytes, size)
}

fn make_and_cache(
    cache: Option<&ThumbCache>,
    file: &StoredFile,
    bytes: &[u8],
    size: u32,
) -> Result<RgbaImage, String> {
    let name = &file.original_name;
    let thumb = crate::media::thumbnail(bytes, size).map_err(|e| format!("{name}: {e}"))?;
    // Only a photo whose bytes match its hash may fill the entry for it.
    if let Some(cache) = cache
        && super::hash_bytes(bytes) == file.hash
    {
        // A cache that cannot be written only costs time next time.
        let _ = cache_thumbnail(cache, &file.hash, size, &thumb);
    }
    Ok(thumb)
}

/// [`thumbnail_of`] for many stored photos on `threads` threads (see
/// [`default_threads`](crate::media::default_threads)): `on_done(index, result)`
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
    let cache = ThumbCache::user();
    crate::media::for_each_parallel(
        files,
        threads,
        cancelled,
        |file| thumbnail_in(cache.as_ref(), store, file, size),
        on_done,
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::media::synth::{Scene, render};

    fn photo(store: &PhotoStore, o: u16) -> StoredFile {
        let jpeg = render(&Scene::Mug { colour: [9, 9, 9] }, o, None);
        store.add(&jpeg, &format!("{o}.jpg"), "jpg").unwrap()
    }

    #[test]
    fn thumbnails_are_cached_reused_and_rebuilt_when_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ThumbCache::at(&dir.path().join("cache"));
        let store = PhotoStore::for_project(&dir.path().join("t.ron"));
        let file = photo(&store, 6);
        let first = thumbnail_in(Some(&cache), &store, &file, 128).unwrap();
        assert_eq!(first.dimensions(), (128, 96));
        let cached = cache.entry_path(&file.hash, 128).unwrap();
        assert!(cached.exists());
        assert!(
            !store.root().join(".thumbs").exists(),
            "nothing in the project"
        );

        // Reused: a marker pixel written into the cache comes back.
        let mut marked = first.clone();
        marked.put_pixel(0, 0, image::Rgba([1, 2, 3, 255]));
        cache_thumbnail(&cache, &file.hash, 128, &marked).unwrap();
        let again = thumbnail_in(Some(&cache), &store, &file, 128).unwrap();
        assert_eq!(again.get_pixel(0, 0).0, [1, 2, 3, 255]);

        // Corrupt: made again from the photo.
        std::fs::write(&cached, b"not a png").unwrap();
        assert_eq!(
            thumbnail_in(Some(&cache), &store, &file, 128).unwrap(),
            first
        );
        std::fs::remove_file(&cached).unwrap();
        assert_eq!(
            thumbnail_in(Some(&cache), &store, &file, 128).unwrap(),
            first
        );
        assert!(cached.exists(), "rebuilt when missing");
    }

    #[test]
    fn a_thumbs_folder_shipped_in_the_project_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ThumbCache::at(&dir.path().join("cache"));
        let store = PhotoStore::for_project(&dir.path().join("t.ron"));
        let file = photo(&store, 1);
        let fake = RgbaImage::from_pixel(128, 96, image::Rgba([0, 255, 0, 255]));
        let shipped = store.root().join(".thumbs");
        std::fs::create_dir_all(&shipped).unwrap();
        fake.save(shipped.join(format!("{}-128.png", file.hash)))
            .unwrap();
        let got = verified_thumbnail_in(Some(&cache), &store, &file, 128).unwrap();
        assert_ne!(got.get_pixel(64, 48).0, [0, 255, 0, 255]);
    }

    #[test]
    fn a_changed_photo_is_not_shown_as_the_one_imported() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ThumbCache::at(&dir.path().join("cache"));
        let store = PhotoStore::for_project(&dir.path().join("t.ron"));
        let file = photo(&store, 1);
        let other = render(
            &Scene::Mug {
                colour: [200, 9, 9],
            },
            1,
            None,
        );
        std::fs::write(store.path_of(&file), other).unwrap();
        let err = verified_thumbnail_in(Some(&cache), &store, &file, 64).unwrap_err();
        assert!(err.contains("changed since import"), "{err}");
        // The grid still shows it, and the cache keeps nothing for it.
        thumbnail_in(Some(&cache), &store, &file, 64).unwrap();
        assert!(cache.get(&file.hash, 64).is_none());
    }

    #[test]
    fn a_batch_is_made_on_several_threads() {
        let dir = tempfile::tempdir().unwrap();
        let store = PhotoStore::for_project(&dir.path().join("t.ron"));
        let mut files: Vec<StoredFile> = [1, 3, 6, 8].iter().map(|&o| photo(&store, o)).collect();
        files.push(StoredFile {
            path: "gone.jpg".into(),
            hash: "00".into(),
            original_name: "gone.jpg".into(),
        });
        let results = std::sync::Mutex::new(Vec::new());
        let n = crate::media::for_each_parallel(
            &files,
            2,
            || false,
            |file| thumbnail_in(None, &store, file, 64),
            |i, r| {
                results.lock().unwrap().push((i, r.map(|t| t.dimensions())));
            },
        );
        assert_eq!(n, 5);
        let mut results = results.into_inner().unwrap();
        results.sort_by_key(|(i, _)| *i);
        for (i, r) in &results[..4] {
            assert_eq!(r, &Ok((64, 48)), "photo {i}");
        }
        assert!(
            results[4]
                .1
                .as_ref()
                .is_err_and(|e| e.starts_with("gone.jpg:"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_store_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let store = PhotoStore::for_project(&dir.path().join("t.ron"));
        let file = photo(&store, 1);
        let outside = dir.path().join("outside.jpg");
        std::fs::rename(store.path_of(&file), &outside).unwrap();
        std::os::unix::fs::symlink(&outside, store.path_of(&file)).unwrap();
        let err = thumbnail_in(None, &store, &file, 64).unwrap_err();
        assert!(err.contains("symbolic link"), "{err}");
        // The store folder itself a link.
        std::fs::remove_file(store.path_of(&file)).unwrap();
        std::fs::rename(&outside, store.path_of(&file)).unwrap();
        let real = dir.path().join("elsewhere");
        std::fs::rename(store.root(), &real).unwrap();
        std::os::unix::fs::symlink(&real, store.root()).unwrap();
        let err = thumbnail_in(None, &store, &file, 64).unwrap_err();
        assert!(err.contains("not a folder"), "{err}");
    }
}
