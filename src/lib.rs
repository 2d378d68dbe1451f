//! BulkReady: decide with evidence whether a sample is good enough to scale
//! to a bulk order, and whether a parcel at the warehouse is ready to ship.
//!
//! Layers, imports pointing down only (checked by `tests/layers.rs`):
//!
//! ```text
//! ui      the window (the only egui code)
//! cli     the subcommands
//! app     the editing session: document, commands, undo, jobs, derived results
//! report  decision summaries (HTML, PDF, Markdown, brief)
//! media   bytes in, pixels out
//! store   project files, the photo store
//! rules   verdicts, comparisons, AQL, shipping, and the ops that change a project
//! model   the data
//! ```
//!
//! `report`, `media` and `store` sit side by side above `rules`: each may use
//! the ones listed below it. `main.rs` starts the window or a subcommand.

pub mod app;
pub mod cli;
pub mod media;
pub mod model;
pub mod report;
pub mod rules;
pub mod store;
pub mod ui;
