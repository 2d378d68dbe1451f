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
    /// Photos drawn this frame, and the last.
    drawn: HashSet<PhotoId>,
    on_screen: HashSet<PhotoId>,
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
        self.drawn.insert(photo.id);
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

    /// Called once a frame before drawing: the photos drawn last frame are
    /// the ones on screen. Requests for others are forgotten (their late
    /// results are dropped, and they are asked for again if they return).
    pub fn next_frame(&mut self) -> &HashSet<PhotoId> {
        self.on_screen = std::mem::take(&mut self.drawn);
        let on_screen = &self.on_screen;
        self.asked.retain(|id| on_screen.contains(id));
        &self.on_screen
    }

    /// A decoded image arrives: uploaded if it is still on screen.
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
