//! No silent dialogs: on a machine where no file dialog can be shown,
//! Open…, Save as…, Export… and Add photos… say so and ask for a path in a
//! text field, which does what the dialog would have done.

#![allow(clippy::unwrap_used)]

mod common;
use bulkready::ui::{BulkReadyApp, NoDialogs, PathPurpose};
use common::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use std::path::{Path, PathBuf};

const NO_DIALOG: &str = "No file dialog can be shown on this machine";

fn harness_without_dialogs(open: Option<PathBuf>) -> Harness<'static, BulkReadyApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(40)
        .build_eframe(move |cc| BulkReadyApp::with_dialogs(cc, open, Box::new(NoDialogs)))
}

fn demo_without_dialogs() -> (tempfile::TempDir, PathBuf, Harness<'static, BulkReadyApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = bulkready::app::demo::write(dir.path()).unwrap();
    let mut h = harness_without_dialogs(Some(path.clone()));
    wait_until(&mut h, "the demo to open", |app| app.session.doc.is_some());
    (dir, path, h)
}

/// Types `text` one key per frame, as a person does, into the field that
/// has the focus (the path field takes it when it opens).
fn type_slowly(h: &mut Harness<'_, BulkReadyApp>, label: &str, text: &str) {
    assert!(h.get_by_label(label).is_focused(), "{label} has the focus");
    for c in text.chars() {
        h.get_by_label(label).type_text(&c.to_string());
        h.run();
    }
}

fn replace_text(h: &mut Harness<'_, BulkReadyApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

fn field_text(h: &Harness<'_, BulkReadyApp>, label: &str) -> String {
    h.get_by_label(label).value().unwrap_or_default()
}

#[test]
fn open_without_a_dialog_asks_for_the_path_and_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let project = bulkready::app::demo::write(dir.path()).unwrap();
    let mut h = harness_without_dialogs(None);
    settle(&mut h);
    click(&mut h, "Open…");
    assert_eq!(h.state().asking_path(), Some(&PathPurpose::Open));
    assert!(
        h.query_by_label_contains(NO_DIALOG).is_some(),
        "it says why"
    );
    assert!(
        h.get_by_label("Open").accesskit_node().is_disabled(),
        "nothing typed yet: Open is disabled"
    );
    type_slowly(&mut h, "Project file path", &project.display().to_string());
    click(&mut h, "Open");
    wait_until(&mut h, "the project to open", |app| {
        app.session.doc.as_ref().and_then(|d| d.path.clone()) == Some(project.clone())
    });
    assert!(h.state().asking_path().is_none(), "the field closed");
}

#[test]
fn cancelling_the_path_field_does_nothing() {
    let mut h = harness_without_dialogs(None);
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    settle(&mut h);
    assert_eq!(h.state().asking_path(), Some(&PathPurpose::Open));
    type_slowly(&mut h, "Project file path", "/nowhere/x.ron");
    click(&mut h, "Cancel");
    assert!(h.state().asking_path().is_none());
    assert!(h.state().session.doc.is_none(), "nothing opened");
    assert!(h.state().session.error.is_none(), "and no error either");
}

#[test]
fn save_as_without_a_dialog_saves_where_typed_adding_the_extension() {
    let (dir, path, mut h) = demo_without_dialogs();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
        egui::Key::S,
    );
    settle(&mut h);
    assert_eq!(h.state().asking_path(), Some(&PathPurpose::SaveAs));
    assert_eq!(
        field_text(&h, "Save to path"),
        path.display().to_string(),
        "it starts at the project's own file"
    );
    let copy = dir.path().join("copy");
    replace_text(&mut h, "Save to path", &copy.display().to_string());
    // Enter in the field saves, like the button.
    h.key_press(egui::Key::Enter);
    let saved = dir.path().join("copy.ron");
    wait_until(&mut h, "the save", |app| {
        app.session.doc.as_ref().and_then(|d| d.path.clone()) == Some(saved.clone()) && !dirty(app)
    });
    assert!(saved.is_file());
}

#[test]
fn export_without_a_dialog_writes_the_file_typed() {
    let (dir, _path, mut h) = demo_without_dialogs();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut h);
    click(&mut h, "Export…");
    assert!(matches!(
        h.state().asking_path(),
        Some(PathPurpose::Export { .. })
    ));
    let suggested = PathBuf::from(field_text(&h, "Export to path"));
    assert_eq!(
        suggested.parent(),
        Some(dir.path()),
        "beside the project: {}",
        suggested.display()
    );
    let out = dir.path().join("for the forwarder.html");
    replace_text(&mut h, "Export to path", &out.display().to_string());
    click(&mut h, "Export");
    wait_until(&mut h, "the export", |_| out.is_file());
    assert!(std::fs::read_to_string(&out).unwrap().contains("<html"));
    assert!(h.query_by_label("Export a decision summary").is_none());
}

fn write_photo(dir: &Path, name: &str, label: &'static str) -> PathBuf {
    let scene = bulkready::media::synth::Scene::Carton { label };
    let path = dir.join(name);
    std::fs::write(&path, bulkready::media::synth::render(&scene, 1, None)).unwrap();
    path
}

#[test]
fn add_photos_without_a_dialog_takes_files_one_per_line() {
    let (dir, _path, mut h) = demo_without_dialogs();
    let a = write_photo(dir.path(), "QC_0201.jpg", "2026111690312455");
    let b = write_photo(dir.path(), "QC 0202.jpg", "2026111690312466");
    click_tree(&mut h, "sample 2026111690312455");
    let order = h.state().session.project().unwrap().products[2].orders[0].id;
    let before = photos_of(h.state(), order);
    click(&mut h, "Add photos…");
    assert_eq!(
        h.state().asking_path(),
        Some(&PathPurpose::AddPhotos { order })
    );
    let label = "Photo files or a folder, one per line";
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(&a.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label(label)
        .type_text(&format!("\"{}\"", b.display()));
    h.run();
    assert!(
        h.state().asking_path().is_some(),
        "Enter makes a new line in this field"
    );
    click(&mut h, "Add photos");
    wait_until(&mut h, "the import", |app| {
        photos_of(app, order) == before + 2
    });
}

fn photos_of(app: &BulkReadyApp, order: bulkready::model::OrderId) -> usize {
    let p = app.session.project().unwrap();
    p.order(order).unwrap().1.photos.len()
}
