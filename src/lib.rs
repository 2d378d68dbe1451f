//! BulkReady: decide with evidence whether a sample is good enough to scale
//! to a bulk order, and whether a parcel at the warehouse is ready to ship.
//!
//! Layers, imports pointing down only: `cli` → `app` → `store`, `media` →
//! `rules` → `model`.

pub mod app;
pub mod cli;
pub mod media;
pub mod model;
pub mod report;
pub mod rules;
pub mod store;
pub mod ui;
