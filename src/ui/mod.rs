//! The window: the only module that uses egui. Each frame it builds a
//! read-only context, the panels draw from it and push what they ask for
//! into a sink, and `logic` applies that between frames.
//!
//! - `shell/`: menus, status bar, command table, modals, start screen,
//!   file dialogs, export window.
//! - `panels/`: the tree (left), the verdict and decision (right).
//! - `pages/`: the middle panel's project, product and order pages.
//! - `photos/`: grid, details, viewer, marks, side by side, canvas,
//!   texture caches.
//! - `widgets/`: fields, list controls, reason-link jumps, theme, fonts.

mod app;
mod app_logic;
pub mod context;
mod pages;
mod panels;
mod photos;
mod shell;
mod widgets;

pub use app::{BulkReadyApp, Compared, Prefs};
pub use context::Selection;
pub use photos::PhotoFilter;
pub use shell::dialogs::{Dialogs, NoDialogs};
pub use shell::path_prompt::PathPurpose;
pub use widgets::jump_to::flashing as target_shown;
pub use widgets::theme::{Theme, contrast};

use std::path::PathBuf;

/// Opens the window, with the project at `open` if given.
pub fn run(open: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("BulkReady")
            .with_app_id("bulkready")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([900.0, 560.0]),
        ..Default::default()
    };
    eframe::run_native(
        "BulkReady",
        options,
        Box::new(move |cc| Ok(Box::new(BulkReadyApp::new(cc, open)))),
    )
}
