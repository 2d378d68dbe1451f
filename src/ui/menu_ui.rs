//! The menu bar and the status bar.

use super::app::BulkReadyApp;
use super::shortcuts;
use super::theme::Theme;
use crate::app::Command;
use eframe::egui::{self, Button, KeyboardShortcut};

fn item(
    ui: &mut egui::Ui,
    label: &str,
    shortcut: Option<&KeyboardShortcut>,
    enabled: bool,
) -> bool {
    let mut button = Button::new(label);
    if let Some(s) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(s));
    }
    ui.add_enabled(enabled, button).clicked()
}

pub fn menu_bar(app: &mut BulkReadyApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu(app, ui));
            ui.menu_button("Edit", |ui| edit_menu(app, ui));
            ui.menu_button("View", |ui| {
                for theme in Theme::ALL {
                    if ui.radio(app.prefs.theme == theme, theme.label()).clicked() {
                        app.prefs.theme = theme;
                        theme.apply(ui.ctx());
                    }
                }
            });
        });
    });
}

fn file_menu(app: &mut BulkReadyApp, ui: &mut egui::Ui) {
    let open = app.session.doc.is_some();
    if item(ui, "New project", Some(&shortcuts::NEW), true) {
        app.push(Command::NewProject);
    }
    if item(ui, "Open…", Some(&shortcuts::OPEN), true) {
        app.open_dialog();
    }
    ui.menu_button("Open recent", |ui| {
        if app.prefs.recent.is_empty() {
            ui.label("No recent projects");
        }
        for path in app.prefs.recent.clone() {
            if ui.button(path.display().to_string()).clicked() {
                app.push(Command::Open(path));
            }
        }
    });
    if item(ui, "Open demo project", None, true) {
        app.push(Command::OpenDemo(app.demo_dir.clone()));
    }
    ui.separator();
    if item(ui, "Save", Some(&shortcuts::SAVE), open) {
        app.push(Command::Save);
    }
    if item(ui, "Save as…", Some(&shortcuts::SAVE_AS), open) {
        app.save_as();
    }
    if item(ui, "Export…", Some(&shortcuts::EXPORT), open) {
        app.export.open = true;
    }
    if item(ui, "Close project", None, open) {
        app.push(Command::CloseProject);
    }
    ui.separator();
    if item(ui, "Quit", None, true) {
        ui.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

fn edit_menu(app: &mut BulkReadyApp, ui: &mut egui::Ui) {
    let doc = app.session.doc.as_ref();
    let undo = doc
        .and_then(|d| d.undo_label())
        .map(|l| format!("Undo {l}"));
    let redo = doc
        .and_then(|d| d.redo_label())
        .map(|l| format!("Redo {l}"));
    let undo_label = undo.clone().unwrap_or_else(|| "Undo".into());
    let redo_label = redo.clone().unwrap_or_else(|| "Redo".into());
    if item(ui, &undo_label, Some(&shortcuts::UNDO), undo.is_some()) {
        app.push(Command::Undo);
    }
    if item(ui, &redo_label, Some(&shortcuts::REDO), redo.is_some()) {
        app.push(Command::Redo);
    }
    ui.separator();
    ui.horizontal(|ui| {
        let label = ui.label("Reviewer");
        ui.text_edit_singleline(&mut app.prefs.reviewer)
            .labelled_by(label.id);
    });
}

pub fn status_bar(app: &mut BulkReadyApp, ui: &mut egui::Ui) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some((done, total)) = app.session.import_progress() {
                ui.spinner();
                ui.label(format!("Importing photos: {done} of {total}"));
                if ui.button("Cancel import").clicked() {
                    app.push(crate::app::Command::CancelImport);
                }
                ui.separator();
            }
            if let Some((done, total)) = app.session.export_progress() {
                ui.spinner();
                ui.label(format!("Exporting: step {done} of {total}"));
                ui.separator();
            }
            // Watching the file for outside changes is not worth a spinner;
            // an import with its count (not a paste) and an export show
            // their own progress above.
            let counted = app.session.import_progress().is_some();
            let busy: Vec<_> = app
                .session
                .busy()
                .iter()
                .filter(|j| !(**j == "watch" || **j == "export" || (**j == "import" && counted)))
                .collect();
            if !busy.is_empty() {
                ui.spinner();
                let words: Vec<String> = busy.iter().map(|j| busy_word(j)).collect();
                ui.label(words.join(", "));
                ui.separator();
            }
            match app.session.doc.as_ref() {
                Some(d) => {
                    let place = d
                        .path
                        .as_ref()
                        .map_or_else(|| "not saved yet".into(), |p| p.display().to_string());
                    ui.label(place);
                    if d.is_dirty() {
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

fn busy_word(job: &str) -> String {
    match job {
        "save" => "Saving…".into(),
        "open" => "Opening…".into(),
        "autosave" => "Autosaving…".into(),
        "demo" => "Writing the demo…".into(),
        "recover" => "Recovering…".into(),
        "import" => "Importing…".into(),
        "thumbnails" => "Making thumbnails…".into(),
        other => format!("{other}…"),
    }
}
