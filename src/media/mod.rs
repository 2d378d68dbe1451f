//! Images: checking a file before import (format by content, size limits,
//! whole or truncated, EXIF orientation and time) and generating demo
//! photos; barcodes in photos and colour between two photos. No egui, no
//! project files.

mod annotate;
pub mod barcode;
mod barcode_locate;
mod code128;
pub mod colour;
mod dc_jpeg;
mod fast_jpeg;
mod jpeg;
pub mod label_read;
pub mod label_synth;
mod parallel;
mod probe;
mod resize;
pub mod synth;
mod thumbnail;

pub use annotate::draw_marks;
pub use parallel::{default_threads, for_each_parallel};
pub use probe::{Format, ImageInfo, MAX_MEGAPIXELS, MediaError, probe};
pub use thumbnail::{THUMB_PX, probe_with_thumbnail, thumbnail};
