//! Images: checking a file before import (format by content, size limits,
//! whole or truncated, EXIF orientation and time) and generating demo
//! photos. No egui, no project files.

mod jpeg;
mod probe;
pub mod synth;

pub use probe::{Format, ImageInfo, MAX_MEGAPIXELS, MediaError, probe};
