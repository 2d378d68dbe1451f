//! The window: eframe app shell, panels and widgets. The only module that
//! uses egui; it reads the session's state and pushes commands.

mod anchor;
mod app;
mod compare_ui;
mod compare_view_ui;
mod decision_ui;
mod dialogs;
mod editor_ui;
mod export_ui;
mod fields;
mod fonts;
mod full_images;
mod inspection_ui;
mod menu_ui;
mod modals_ui;
mod order_more_ui;
mod order_ui;
mod photo_canvas;
mod photo_list_ui;
mod product_ui;
mod routes_ui;
mod shipping_ui;
mod shortcuts;
mod spec_ui;
mod start_ui;
mod textures;
mod theme;
mod tree_ui;
mod verdict_ui;
mod viewer_marks_ui;
mod viewer_ui;

pub use anchor::flashing as target_shown;
pub use app::{BulkReadyApp, Compared, Prefs, Selection};
pub use dialogs::{Dialogs, NoDialogs};
pub use photo_list_ui::PhotoFilter;
pub use theme::Theme;

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
