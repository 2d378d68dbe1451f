//! Thumbnail textures, keyed by photo. Images are decoded in jobs; here
//! they are only uploaded, a few per frame, and the cache is bounded.

use crate::model::PhotoId;
use eframe::egui;
use std::collections::HashMap;

/// Thumbnails kept on the GPU at most (256 px RGBA: about 256 KB each).
const MAX_TEXTURES: usize = 600;

/// Thumbnails uploaded per frame at most: a batch of 120 arriving at once
/// goes up over a few frames instead of in one long one.
const UPLOADS_PER_FRAME: usize = 24;

#[derive(Default)]
pub struct Textures {
    thumbs: HashMap<PhotoId, egui::TextureHandle>,
    failed: HashMap<PhotoId, String>,
    /// Use order, for dropping the least recently shown.
    clock: u64,
    last_used: HashMap<PhotoId, u64>,
    /// Dropped from the GPU since the last `take_evicted`: to be asked for
    /// again when they come back on screen.
    evicted: Vec<PhotoId>,
    /// Decoded, not uploaded yet (oldest first).
    pending: std::collections::VecDeque<(PhotoId, Result<image::RgbaImage, String>)>,
}

impl Textures {
    pub fn clear(&mut self) {
        *self = Textures::default();
    }

    /// Thumbnails decoded in the background, to upload.
    pub fn arrived(&mut self, images: Vec<(PhotoId, Result<image::RgbaImage, String>)>) {
        self.pending.extend(images);
    }

    /// Uploads the next few; true while more are waiting.
    pub fn upload_some(&mut self, ctx: &egui::Context) -> bool {
        for _ in 0..UPLOADS_PER_FRAME {
            let Some((photo, image)) = self.pending.pop_front() else {
                break;
            };
            self.insert(ctx, photo, image);
        }
        self.has_pending()
    }

    pub fn take_evicted(&mut self) -> Vec<PhotoId> {
        std::mem::take(&mut self.evicted)
    }

    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    fn insert(
        &mut self,
        ctx: &egui::Context,
        photo: PhotoId,
        image: Result<image::RgbaImage, String>,
    ) {
        match image {
            Ok(img) => {
                let size = [img.width() as usize, img.height() as usize];
                let color = egui::ColorImage::from_rgba_unmultiplied(size, img.as_raw());
                let handle = ctx.load_texture(
                    format!("thumb-{photo}"),
                    color,
                    egui::TextureOptions::LINEAR,
                );
                self.thumbs.insert(photo, handle);
                self.failed.remove(&photo);
                // New is recent: it must not be the first to go.
                self.clock += 1;
                self.last_used.insert(photo, self.clock);
                self.evict();
            }
            Err(why) => {
                self.failed.insert(photo, why);
            }
        }
    }

    /// The thumbnail if it is loaded, else why it failed, else `None` (ask).
    pub fn get(&mut self, photo: PhotoId) -> Option<Result<&egui::TextureHandle, &str>> {
        self.clock += 1;
        if let Some(t) = self.thumbs.get(&photo) {
            self.last_used.insert(photo, self.clock);
            return Some(Ok(t));
        }
        self.failed.get(&photo).map(|w| Err(w.as_str()))
    }

    fn evict(&mut self) {
        while self.thumbs.len() > MAX_TEXTURES {
            let oldest = self
                .thumbs
                .keys()
                .min_by_key(|id| self.last_used.get(id).copied().unwrap_or(0))
                .copied();
            match oldest {
                Some(id) => {
                    self.thumbs.remove(&id);
                    self.last_used.remove(&id);
                    self.evicted.push(id);
                }
                None => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_recently_shown_goes_first_and_is_reported() {
        let ctx = egui::Context::default();
        let mut t = Textures::default();
        let tiny = || Ok(image::RgbaImage::new(2, 2));
        for i in 0..MAX_TEXTURES as u64 {
            t.insert(&ctx, PhotoId(i), tiny());
        }
        // Photo 0 was shown again, so photo 1 is now the oldest.
        assert!(matches!(t.get(PhotoId(0)), Some(Ok(_))));
        t.insert(&ctx, PhotoId(9999), tiny());
        assert!(
            matches!(t.get(PhotoId(9999)), Some(Ok(_))),
            "the new one stays"
        );
        assert!(t.get(PhotoId(1)).is_none(), "the oldest went");
        assert_eq!(t.take_evicted(), vec![PhotoId(1)]);
        assert!(t.take_evicted().is_empty());
    }
}
