//! Photos: the grid and its detail rows, the viewer with its marks, the
//! side-by-side compare view, the canvas they draw on, and the texture
//! caches.

pub mod batch;
pub mod canvas;
pub mod codes;
pub mod colour_regions;
mod details;
pub mod full_images;
pub mod grid;
pub mod marks;
mod photo_rows;
pub mod selection;
pub mod side_by_side;
pub mod textures;
pub mod viewer;

pub use grid::PhotoFilter;

use crate::model::{PhotoId, StoredFile};

/// Textures of the photos on screen, and those asked for this frame.
#[derive(Default)]
pub struct Caches {
    pub textures: textures::Textures,
    pub full: full_images::FullImages,
    /// Thumbnails the grid asked for this frame.
    pub wanted: Vec<(PhotoId, StoredFile)>,
}

/// What the photo sections of the pages draw with: the caches and the
/// grid's filter.
#[derive(Default)]
pub struct Photos {
    pub caches: Caches,
    pub filter: PhotoFilter,
    pub selection: selection::PhotoSelection,
}

impl Caches {
    pub fn clear(&mut self) {
        self.textures.clear();
        self.full.clear();
        self.wanted.clear();
    }
}
