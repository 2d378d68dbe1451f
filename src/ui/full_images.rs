//! Full-size photo textures for the viewer and the compare view: decoded in
//! jobs (within the GPU's texture limit), a few kept, the oldest dropped.

use crate::model::{Photo, PhotoId, StoredFile};
use eframe::egui;
use std::collections::{HashSet, VecDeque};

/// Full-size textures kept at most (the compare view shows two; going back
/// and forth between neighbours should not decode again).
const KEEP: usize = 4;

#[derive(Default)]
pub struct FullImages {
    shown: VecDeque<(PhotoId, Result<egui::TextureHandle, String>)>,
    asked: HashSet<PhotoId>,
    /// Asked for this frame; `logic` turns these into jobs.
    pub wanted: Vec<(PhotoId, StoredFile, u32)>,
}

impl FullImages {
    pub fn clear(&mut self) {
        *self = FullImages::default();
    }

    /// The photo's texture or why it failed; `None` while it decodes (asked
    /// for on the first call).
    pub fn get(
        &mut self,
        photo: &Photo,
        max_side: u32,
    ) -> Option<Result<&egui::TextureHandle, &str>> {
        if let Some(i) = self.shown.iter().position(|(id, _)| *id == photo.id) {
            return self.shown.get(i).map(|(_, r)| match r {
                Ok(t) => Ok(t),
                Err(e) => Err(e.as_str()),
            });
        }
        if self.asked.insert(photo.id) {
            self.wanted.push((photo.id, photo.file.clone(), max_side));
        }
        None
    }

    /// A decoded image arrives: uploaded if it was asked for.
    pub fn insert(
        &mut self,
        ctx: &egui::Context,
        photo: PhotoId,
        image: Result<image::RgbaImage, String>,
    ) {
        if !self.asked.remove(&photo) {
            return;
        }
        let texture = image.map(|img| {
            let size = [img.width() as usize, img.height() as usize];
            let color = egui::ColorImage::from_rgba_unmultiplied(size, img.as_raw());
            ctx.load_texture(format!("full-{photo}"), color, egui::TextureOptions::LINEAR)
        });
        self.shown.push_back((photo, texture));
        while self.shown.len() > KEEP {
            self.shown.pop_front();
        }
    }
}
