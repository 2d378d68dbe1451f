//! Observations where the evidence is: on the order page each value shows
//! ✓ or × and the difference beside it; in the viewer, beside a
//! measurement photo, the length rows are there to type into, and the
//! value typed there records the photo that shows it.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

type App = bulkready::ui::BulkReadyApp;
const SAMPLE: &str = "sample 3369041277812041";
const HEIGHT: &str = "Height 尺寸 (brief: 9.5 cm ±0.3 cm)";

fn height_seen(h: &Harness<'_, App>) -> (String, Option<bulkready::model::PhotoId>) {
    let p = h.state().session.project().unwrap();
    let mug = &p.products[0];
    let spec = mug
        .spec
        .iter()
        .find(|s| s.name.starts_with("Height"))
        .unwrap()
        .id;
    let o = mug.orders[0]
        .observations
        .iter()
        .rev()
        .find(|o| o.spec == spec)
        .unwrap();
    (o.value.clone(), o.photo)
}

/// Types into the Height field (its label is shown beside it too).
fn type_height(h: &mut Harness<'_, App>, text: &str) {
    let field = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(field, HEIGHT).scroll_to_me();
    settle(h);
    h.get_by_role_and_label(field, HEIGHT).click();
    settle(h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    settle(h);
    h.get_by_role_and_label(field, HEIGHT).type_text(text);
    settle(h);
    h.key_press(egui::Key::Tab);
    settle(h);
}

#[test]
fn the_order_page_shows_a_tick_or_the_difference_beside_each_value() {
    let (_dir, mut h) = demo_harness();
    click_tree(&mut h, SAMPLE);
    assert!(h.query_all_by_label("✓ match").count() >= 1);
    type_height(&mut h, "10.2 cm");
    assert_eq!(height_seen(&h).0, "10.2 cm");
    h.get_by_label_contains("× deviation: +0.7 cm");
}

#[test]
fn a_value_typed_beside_a_measurement_photo_records_that_photo() {
    let (_dir, mut h) = demo_harness();
    open_order_photo(&mut h, SAMPLE, "IMG_4103.JPG");
    h.get_by_label("Observed on this photo");
    // A measurement photo: the length row, not the colour.
    assert!(h.query_all_by_label(HEIGHT).count() > 0);
    assert!(h.query_by_label_contains("Colour 颜色 (brief").is_none());
    type_height(&mut h, "9.4 cm");
    let (value, photo) = height_seen(&h);
    assert_eq!(value, "9.4 cm");
    let p = h.state().session.project().unwrap();
    let shown = p.products[0].orders[0]
        .photos
        .iter()
        .find(|x| x.file.original_name == "IMG_4103.JPG")
        .unwrap()
        .id;
    assert_eq!(photo, Some(shown));
}
