//! Modals for failed actions and questions, and toasts for background
//! results.

use super::app::BulkReadyApp;
use crate::app::{Command, Pending, Prompt, UnsavedChoice};
use eframe::egui;

pub fn modals(app: &mut BulkReadyApp, ctx: &egui::Context) {
    if let Some(error) = app.session.error.clone() {
        let modal = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading("Something went wrong");
            ui.label(error);
            ui.add_space(8.0);
            ui.button("OK").clicked()
        });
        if modal.inner || modal.should_close() {
            app.session.error = None;
        }
        return;
    }
    let Some(prompt) = app.session.prompt.clone() else {
        return;
    };
    egui::Modal::new(egui::Id::unique("prompt")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match prompt {
            Prompt::Unsaved(pending) => unsaved_ui(app, ui, &pending),
            Prompt::Recover => {
                ui.heading("Recover unsaved changes?");
                ui.label(
                    "BulkReady found changes to this project that were autosaved but never saved \
                     (the app may have closed unexpectedly).",
                );
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        app.push(Command::Recover);
                    }
                    if ui.button("Discard them").clicked() {
                        app.push(Command::DiscardRecovery);
                    }
                });
            }
            Prompt::DiskChanged => {
                ui.heading("The file changed on disk");
                ui.label(
                    "Another program changed this project file since it was opened or saved here.",
                );
                ui.horizontal(|ui| {
                    if ui.button("Reload").clicked() {
                        app.push(Command::Reload);
                    }
                    if ui.button("Keep mine").clicked() {
                        app.push(Command::KeepMine);
                    }
                });
            }
        }
    });
}

fn unsaved_ui(app: &mut BulkReadyApp, ui: &mut egui::Ui, pending: &Pending) {
    let name = app
        .session
        .doc
        .as_ref()
        .map_or_else(String::new, |d| d.file_name());
    ui.heading(format!("Save changes to {name}?"));
    let then = match pending {
        Pending::Quit => "before quitting",
        Pending::Close => "before closing it",
        _ => "before opening another project",
    };
    ui.label(format!(
        "The project has unsaved changes. Save them {then}?"
    ));
    ui.horizontal(|ui| {
        if ui.button("Save").clicked() {
            app.session.resolve_unsaved(UnsavedChoice::Save);
        }
        if ui.button("Discard").clicked() {
            app.session.resolve_unsaved(UnsavedChoice::Discard);
        }
        if ui.button("Cancel").clicked() {
            app.session.resolve_unsaved(UnsavedChoice::Cancel);
        }
    });
}

pub fn toasts(app: &mut BulkReadyApp, ctx: &egui::Context) {
    let now = ctx.input(|i| i.time);
    app.toasts.retain(|t| t.until > now);
    if app.toasts.is_empty() {
        return;
    }
    egui::Area::new(egui::Id::unique("toasts"))
        .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -36.0])
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            for t in &app.toasts {
                egui::Frame::popup(ui.style()).show(ui, |ui| ui.label(&t.text));
            }
        });
    ctx.request_repaint_after_secs(0.5);
}
