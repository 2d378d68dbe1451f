//! The start screen: new, open, recent projects, the demo.

use super::commands::{State, UiCommand};
use crate::app::Command;
use crate::ui::context::{Ask, Sink};
use eframe::egui;
use std::path::PathBuf;

pub fn start_ui(ui: &mut egui::Ui, recent: &[PathBuf], sink: &mut Sink) {
    let state = State {
        project_open: false,
        undo: None,
        redo: None,
    };
    ui.vertical_centered(|ui| {
        ui.add_space(60.0);
        ui.heading("BulkReady");
        ui.label("Decide with evidence: scale the sample up? ship the parcel?");
        ui.add_space(24.0);
        let size = egui::vec2(260.0, 32.0);
        for c in [UiCommand::NewProject, UiCommand::Open, UiCommand::OpenDemo] {
            let button = egui::Button::new(c.label());
            if ui
                .add_enabled_ui(c.enabled(&state), |ui| ui.add_sized(size, button))
                .inner
                .clicked()
            {
                sink.ask(Ask::Run(c));
            }
        }
        if !recent.is_empty() {
            ui.add_space(24.0);
            ui.label(egui::RichText::new("Recent projects").strong());
            for path in recent {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if ui
                    .link(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    sink.command(Command::Open(path.clone()));
                }
            }
        }
    });
}
