//! The start screen: new, open, recent projects, the demo.

use super::app::BulkReadyApp;
use crate::app::Command;
use eframe::egui;

pub fn start_ui(app: &mut BulkReadyApp, ui: &mut egui::Ui) {
    ui.vertical_centered(|ui| {
        ui.add_space(60.0);
        ui.heading("BulkReady");
        ui.label("Decide with evidence: scale the sample up? ship the parcel?");
        ui.add_space(24.0);
        let size = egui::vec2(260.0, 32.0);
        if ui
            .add_sized(size, egui::Button::new("New project"))
            .clicked()
        {
            app.push(Command::NewProject);
        }
        if ui.add_sized(size, egui::Button::new("Open…")).clicked() {
            app.open_dialog();
        }
        if ui
            .add_sized(size, egui::Button::new("Open demo project"))
            .clicked()
        {
            app.push(Command::OpenDemo(app.demo_dir.clone()));
        }
        if !app.prefs.recent.is_empty() {
            ui.add_space(24.0);
            ui.label(egui::RichText::new("Recent projects").strong());
            for path in app.prefs.recent.clone() {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if ui
                    .link(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    app.push(Command::Open(path));
                }
            }
        }
    });
}
