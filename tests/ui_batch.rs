//! Several photos at once, as a person does it in the grid: click one,
//! Shift+click another, and set their checks in one action (one Ctrl+Z
//! takes it back); Ctrl+A and link them all to a parcel; drag a photo onto
//! a parcel; drop a file from the file manager on a parcel.

#![allow(clippy::unwrap_used)]

mod common;
use bulkready::app::jobs::Job;
use bulkready::model::{Check, OrderId, ParcelId, Photo};
use common::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

type App = bulkready::ui::BulkReadyApp;
const IMAGE: egui::accesskit::Role = egui::accesskit::Role::Image;
const BULK: &str = "bulk 3371120456698823";
const SECOND_PARCEL: &str = "YT7788123456002";

fn photos(h: &Harness<'_, App>, order: OrderId) -> Vec<Photo> {
    let p = h.state().session.project().unwrap();
    p.order(order).unwrap().1.photos.clone()
}

fn parcel(h: &Harness<'_, App>, order: OrderId, tracking: &str) -> ParcelId {
    let p = h.state().session.project().unwrap();
    let o = p.order(order).unwrap().1;
    o.parcels
        .iter()
        .find(|x| x.tracking == tracking)
        .unwrap()
        .id
}

/// The demo with the mug's bulk order open and its thumbnails shown.
fn bulk_grid() -> (tempfile::TempDir, Harness<'static, App>, OrderId) {
    let (dir, mut h) = demo_harness();
    click_tree(&mut h, BULK);
    wait_until(&mut h, "the thumbnails", |app| {
        app.session.busy().iter().all(|j| *j != Job::Thumbnails)
    });
    settle(&mut h);
    let order = h.state().session.project().unwrap().products[0].orders[1].id;
    (dir, h, order)
}

/// Where the tracking number field of the parcel shows `tracking`.
fn tracking_field(h: &Harness<'_, App>, tracking: &str) -> egui::Rect {
    h.query_all_by_value(tracking)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .unwrap()
        .rect()
}

fn thumbnail_click(h: &mut Harness<'_, App>, name: &str, m: egui::Modifiers) {
    h.get_by_label("Add photos…").scroll_to_me();
    settle(h);
    h.get_by_role_and_label(IMAGE, name).scroll_to_me();
    settle(h);
    h.get_by_role_and_label(IMAGE, name).click_modifiers(m);
    settle(h);
}

#[test]
fn shift_click_selects_a_range_and_one_action_sets_their_checks() {
    let (_dir, mut h, order) = bulk_grid();
    let before = photos(&h, order);
    assert!(before.len() >= 4);
    for p in &mut h.state_mut().session.doc.as_mut().unwrap().project.products[0].orders[1].photos {
        p.checks = Default::default();
    }
    settle(&mut h);
    thumbnail_click(&mut h, "QC_0001.jpg", egui::Modifiers::NONE);
    thumbnail_click(&mut h, "QC_0003.jpg", egui::Modifiers::SHIFT);
    h.get_by_label("3 photos selected");
    h.get_by_label("Checks…").click();
    settle(&mut h);
    h.get_by_label("All four pass").click();
    settle(&mut h);
    let after = photos(&h, order);
    let passed = |p: &Photo| p.checks.all().iter().all(|(_, c)| *c == Check::Pass);
    let names: Vec<&str> = after
        .iter()
        .filter(|p| passed(p))
        .map(|p| p.file.original_name.as_str())
        .collect();
    assert_eq!(names, ["QC_0001.jpg", "QC_0002.jpg", "QC_0003.jpg"]);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert!(
        photos(&h, order).iter().all(|p| !passed(p)),
        "one Ctrl+Z takes back the whole action"
    );
}

#[test]
fn ctrl_click_adds_one_and_ctrl_a_selects_all_to_link_them_to_a_parcel() {
    let (_dir, mut h, order) = bulk_grid();
    thumbnail_click(&mut h, "QC_0001.jpg", egui::Modifiers::NONE);
    thumbnail_click(&mut h, "QC_0004.jpg", egui::Modifiers::COMMAND);
    h.get_by_label("2 photos selected");
    // Ctrl+A (no field has the keyboard): every photo shown.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    settle(&mut h);
    let n = photos(&h, order).len();
    h.get_by_label(&format!("{n} photos selected"));
    click(&mut h, &format!("Link to {SECOND_PARCEL}"));
    let second = parcel(&h, order, SECOND_PARCEL);
    assert!(photos(&h, order).iter().all(|p| p.parcel == Some(second)));
}

#[test]
fn photos_dragged_onto_a_parcel_are_linked_to_it() {
    let (_dir, mut h, order) = bulk_grid();
    let second = parcel(&h, order, SECOND_PARCEL);
    thumbnail_click(&mut h, "QC_0001.jpg", egui::Modifiers::NONE);
    thumbnail_click(&mut h, "QC_0002.jpg", egui::Modifiers::COMMAND);
    // The parcels are also in the bar over the grid: drag the selection
    // there.
    let from = h
        .get_by_role_and_label(IMAGE, "QC_0002.jpg")
        .rect()
        .center();
    let to = h
        .get_by_label(&format!("Link to {SECOND_PARCEL}"))
        .rect()
        .center();
    drag(&mut h, from, to);
    let linked: Vec<String> = photos(&h, order)
        .iter()
        .filter(|p| p.parcel == Some(second))
        .map(|p| p.file.original_name.clone())
        .collect();
    assert!(
        linked.contains(&"QC_0001.jpg".to_string()) && linked.contains(&"QC_0002.jpg".to_string()),
        "{linked:?}"
    );
}

#[test]
fn a_file_dropped_on_a_parcel_is_imported_linked_to_it() {
    let (dir, mut h, order) = bulk_grid();
    let second = parcel(&h, order, SECOND_PARCEL);
    let file = dir.path().join("WH_0100.jpg");
    let scene = bulkready::media::synth::Scene::Carton {
        label: SECOND_PARCEL,
    };
    std::fs::write(&file, bulkready::media::synth::render(&scene, 1, None)).unwrap();
    h.get_by_label("Parcels").scroll_to_me();
    settle(&mut h);
    let over = tracking_field(&h, SECOND_PARCEL).center();
    h.hover_at(over);
    h.step();
    drop_file(&mut h, file);
    let before = photos(&h, order).len();
    wait_until(&mut h, "the import", |app| {
        let p = app.session.project().unwrap();
        p.order(order).unwrap().1.photos.len() == before + 1
    });
    let added = photos(&h, order);
    let photo = added
        .iter()
        .find(|p| p.file.original_name == "WH_0100.jpg")
        .unwrap();
    assert_eq!(photo.parcel, Some(second));
}
