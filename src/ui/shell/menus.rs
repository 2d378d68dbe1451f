//! The menu bar and the status bar.

use super::commands::{self, State, UiCommand};
use crate::app::Command;
use crate::ui::app::Prefs;
use crate::ui::context::{Ask, Sink};
use crate::ui::widgets::theme::Theme;
use eframe::egui;

pub fn menu_bar_ui(ui: &mut egui::Ui, s: &State<'_>, prefs: &mut Prefs, sink: &mut Sink) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu_ui(ui, s, prefs, sink));
            ui.menu_button("Edit", |ui| {
                for c in [UiCommand::Undo, UiCommand::Redo, UiCommand::Find] {
                    if commands::item(ui, c, s) {
                        sink.ask(Ask::Run(c));
                    }
                }
                ui.separator();
                if commands::item(ui, UiCommand::ReadLabels, s) {
                    sink.ask(Ask::Run(UiCommand::ReadLabels));
                }
                ui.separator();
                ui.horizontal(|ui| {
                    let label = ui.label("Reviewer");
                    ui.text_edit_singleline(&mut prefs.reviewer)
                        .labelled_by(label.id);
                });
            });
            ui.menu_button("View", |ui| {
                for theme in Theme::ALL {
                    if ui.radio(prefs.theme == theme, theme.label()).clicked() {
                        sink.ask(Ask::SetTheme(theme));
                    }
                }
            });
        });
    });
}

fn file_menu_ui(ui: &mut egui::Ui, s: &State<'_>, prefs: &Prefs, sink: &mut Sink) {
    let mut run = |ui: &mut egui::Ui, c: UiCommand| {
        if commands::item(ui, c, s) {
            sink.ask(Ask::Run(c));
        }
    };
    run(ui, UiCommand::NewProject);
    run(ui, UiCommand::Open);
    let mut open = None;
    ui.menu_button("Open recent", |ui| {
        if prefs.recent.is_empty() {
            ui.label("No recent projects");
        }
        for path in &prefs.recent {
            if ui.button(path.display().to_string()).clicked() {
                open = Some(path.clone());
            }
        }
    });
    run(ui, UiCommand::OpenDemo);
    ui.separator();
    for c in [
        UiCommand::Save,
        UiCommand::SaveAs,
        UiCommand::Export,
        UiCommand::CloseProject,
    ] {
        run(ui, c);
    }
    ui.separator();
    run(ui, UiCommand::Quit);
    if let Some(path) = open {
        sink.command(Command::Open(path));
    }
}

/// What the status bar shows.
pub struct Status<'a> {
    /// Files done and in all, while an import runs.
    pub import: Option<(usize, usize)>,
    /// Steps done and in all, while an export runs.
    pub export: Option<(usize, usize)>,
    /// Other background work, in words ("Saving…").
    pub busy: Vec<&'a str>,
    /// Where the project is saved, if it is open.
    pub place: Option<String>,
    pub dirty: bool,
}

pub fn status_bar_ui(ui: &mut egui::Ui, status: &Status<'_>, sink: &mut Sink) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some((done, total)) = status.import {
                ui.spinner();
                ui.label(format!("Importing photos: {done} of {total}"));
                if ui.button("Cancel import").clicked() {
                    sink.command(Command::CancelImport);
                }
                ui.separator();
            }
            if let Some((done, total)) = status.export {
                ui.spinner();
                ui.label(format!("Exporting: step {done} of {total}"));
                ui.separator();
            }
            if !status.busy.is_empty() {
                ui.spinner();
                ui.label(status.busy.join(", "));
                ui.separator();
            }
            match &status.place {
                Some(place) => {
                    ui.label(place);
                    if status.dirty {
                        ui.label("• unsaved changes");
                    }
                }
                None => {
                    ui.label("No project open");
                }
            }
        });
    });
}
