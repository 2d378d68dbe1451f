//! Modals: a failed action, the questions the session asks (unsaved
//! changes, recovery, a file changed on disk), and "Remove …?" naming what
//! else a removal takes with it.

use crate::app::{Command, Pending, Prompt, UnsavedChoice};
use crate::rules::ops::Op;
use crate::ui::context::Sink;
use eframe::egui;

/// A removal waiting for the buyer's yes.
pub struct Confirm {
    /// "Remove parcel SF1402938475610"
    pub title: String,
    /// What else goes with it ("6 photos unlinked from SF…").
    pub effects: Vec<String>,
    pub op: Op,
}

/// The error of a failed action, until dismissed.
pub fn error_ui(ctx: &egui::Context, error: &str, sink: &mut Sink) {
    let modal = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        // The first line says what happened (a failure, or a partial
        // result such as "18 photos imported, 2 files skipped").
        let (first, rest) = error.split_once('\n').unwrap_or((error, ""));
        ui.label(egui::RichText::new(first).strong());
        if !rest.is_empty() {
            ui.label(rest);
        }
        ui.add_space(8.0);
        ui.button("OK").clicked()
    });
    if modal.inner || modal.should_close() {
        sink.command(Command::DismissError);
    }
}

/// Asks "Remove …?"; returns `Some(yes)` once answered.
pub fn confirm_ui(ctx: &egui::Context, c: &Confirm) -> Option<bool> {
    let modal = egui::Modal::new(egui::Id::unique("confirm")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(format!("{}?", c.title));
        for e in &c.effects {
            ui.label(format!("• {}", capitalised(e)));
        }
        ui.label("Undo (Ctrl+Z) puts everything back.");
        ui.add_space(8.0);
        let mut answer = None;
        ui.horizontal(|ui| {
            if ui.button("Remove").clicked() {
                answer = Some(true);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(false);
            }
        });
        answer
    });
    if modal.should_close() {
        return Some(false);
    }
    modal.inner
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The session's question, with the file name it is about.
pub fn prompt_ui(ctx: &egui::Context, prompt: &Prompt, file_name: &str, sink: &mut Sink) {
    egui::Modal::new(egui::Id::unique("prompt")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        let mut button = |ui: &mut egui::Ui, text: &str, c: Command| {
            if ui.button(text).clicked() {
                sink.command(c);
            }
        };
        match prompt {
            Prompt::Unsaved(pending) => {
                ui.heading(format!("Save changes to {file_name}?"));
                let then = match pending {
                    Pending::Quit => "before quitting",
                    Pending::Close => "before closing it",
                    _ => "before opening another project",
                };
                ui.label(format!(
                    "The project has unsaved changes. Save them {then}?"
                ));
                ui.horizontal(|ui| {
                    button(ui, "Save", Command::Resolve(UnsavedChoice::Save));
                    button(ui, "Discard", Command::Resolve(UnsavedChoice::Discard));
                    button(ui, "Cancel", Command::Resolve(UnsavedChoice::Cancel));
                });
            }
            Prompt::Recover => {
                ui.heading("Recover unsaved changes?");
                ui.label(
                    "BulkReady found changes to this project that were autosaved but never saved \
                     (the app may have closed unexpectedly).",
                );
                ui.horizontal(|ui| {
                    button(ui, "Recover", Command::Recover);
                    button(ui, "Discard them", Command::DiscardRecovery);
                });
            }
            Prompt::DiskChanged => {
                ui.heading("The file changed on disk");
                ui.label(
                    "Another program changed this project file since it was opened or saved here.",
                );
                ui.horizontal(|ui| {
                    button(ui, "Reload", Command::Reload);
                    button(ui, "Keep mine", Command::KeepMine);
                });
            }
        }
    });
}

/// A background result shown for a few seconds.
struct Toast {
    text: String,
    until: f64,
}

/// The notifications in the corner; the only place that shows them.
#[derive(Default)]
pub struct Toasts {
    shown: Vec<Toast>,
}

impl Toasts {
    pub fn push(&mut self, text: String, now: f64) {
        self.shown.push(Toast {
            text,
            until: now + 5.0,
        });
    }

    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.shown.iter().map(|t| t.text.as_str())
    }

    pub fn ui(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        self.shown.retain(|t| t.until > now);
        if self.shown.is_empty() {
            return;
        }
        egui::Area::new(egui::Id::unique("toasts"))
            .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -36.0])
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                ui.set_max_width(420.0);
                for t in &self.shown {
                    egui::Frame::popup(ui.style()).show(ui, |ui| ui.label(&t.text));
                }
            });
        ctx.request_repaint_after_secs(0.5);
    }
}
