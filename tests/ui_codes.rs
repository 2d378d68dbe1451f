//! Labels read on photos, driven by egui_kittest: a label photo dropped on
//! an order is linked to the parcel whose tracking number it shows; a
//! number that is no parcel of the order blocks export until it is added
//! as a parcel with one click; the viewer shows each code and records its
//! dismissal.

#![allow(clippy::unwrap_used)]

mod common;
use bulkready::media::label_synth::LabelShot;
use bulkready::model::*;
use bulkready::rules::Severity;
use bulkready::rules::ops::{self, Op, OrderFacts};
use bulkready::ui::BulkReadyApp;
use common::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

const PARCEL: &str = "SF1234567890123";
const FOREIGN: &str = "YT7512345678901";

/// A project with one bulk order (number 88001) with two parcels, one of
/// them [`PARCEL`]; returns its path and the order's id.
fn project_with_parcels(dir: &Path) -> (PathBuf, OrderId) {
    let mut p = Project::new("Labels");
    let product = ProductId(
        ops::apply(
            &mut p,
            Op::NewProduct {
                name: "Tote".into(),
            },
        )
        .unwrap()
        .created
        .unwrap(),
    );
    let order = OrderId(
        ops::apply(
            &mut p,
            Op::NewOrder {
                product,
                kind: OrderKind::Bulk,
            },
        )
        .unwrap()
        .created
        .unwrap(),
    );
    let facts = OrderFacts {
        number: "88001".into(),
        ..OrderFacts::of(p.order(order).unwrap().1)
    };
    ops::apply(&mut p, Op::SetOrderFacts(order, Box::new(facts))).unwrap();
    // Two parcels, so an import links a photo to neither by default.
    for tracking in [PARCEL, "JT9999999999999"] {
        let id = ops::apply(&mut p, Op::NewParcel { order })
            .unwrap()
            .created
            .unwrap();
        let set = Parcel {
            id: ParcelId(id),
            tracking: tracking.into(),
            ..Parcel::default()
        };
        ops::apply(&mut p, Op::SetParcel(set)).unwrap();
    }
    let path = dir.join("labels.ron");
    bulkready::store::save(&path, &p).unwrap();
    (path, order)
}

/// A generated photo of a parcel label with `text` in its Code 128.
fn label_photo(dir: &Path, name: &str, text: &str) -> PathBuf {
    let shot = LabelShot {
        text: text.into(),
        size: [1600, 1200],
        px_per_mm: 7.0,
        angle_deg: 12.0,
        tilt: [0.002, -0.0015],
        centre: [0.5, 0.5],
        blur_px: 1,
        seed: 5,
    };
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 80)
        .encode_image(&shot.render().unwrap())
        .unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn order_photos(h: &Harness<'_, BulkReadyApp>, order: OrderId) -> Vec<Photo> {
    h.state()
        .session
        .project()
        .unwrap()
        .order(order)
        .unwrap()
        .1
        .photos
        .clone()
}

/// Opens the project, selects the order and drops `photo` on the window;
/// waits for the import (decoding and reading the label) to add it.
fn drop_on_order(
    photo: PathBuf,
    project: PathBuf,
    order: OrderId,
) -> Harness<'static, BulkReadyApp> {
    let mut h = harness(Some(project), None);
    wait_until(&mut h, "the project to open", |app| {
        app.session.doc.is_some()
    });
    h.state_mut().prefs.reviewer = "Mei".into();
    h.get_by_label("bulk 88001").click();
    settle(&mut h);
    drop_file(&mut h, photo);
    // The scan is slow in an unoptimised build: wait longer than usual.
    for _ in 0..120 {
        if order_photos(&h, order).len() == 1 {
            break;
        }
        h.step();
        std::thread::sleep(Duration::from_millis(250));
    }
    assert_eq!(order_photos(&h, order).len(), 1, "the import finished");
    settle(&mut h);
    h
}

#[test]
fn a_label_photo_is_linked_to_its_parcel_and_its_code_can_be_dismissed_in_the_viewer() {
    let dir = tempfile::tempdir().unwrap();
    let (project, order) = project_with_parcels(dir.path());
    let photo = label_photo(dir.path(), "IMG_0411.jpg", PARCEL);
    let mut h = drop_on_order(photo, project, order);
    let p = &order_photos(&h, order)[0];
    let parcel = h
        .state()
        .session
        .project()
        .unwrap()
        .order(order)
        .unwrap()
        .1
        .parcels[0]
        .id;
    assert_eq!(p.codes.len(), 1, "{:?}", p.codes);
    assert_eq!(p.codes[0].text, PARCEL);
    assert_eq!(
        p.parcel,
        Some(parcel),
        "linked to the parcel its label shows"
    );
    assert!(p.has_tag(Tag::CartonLabel));
    // The viewer lists the code; Dismiss records who dismissed it.
    open_photo(&mut h, egui::accesskit::Role::Image, "IMG_0411.jpg");
    h.get_by_label(&format!("Code 128: {PARCEL}"));
    click(&mut h, "Dismiss");
    let code = &order_photos(&h, order)[0].codes[0];
    match &code.state {
        CodeState::Dismissed { by, .. } => assert_eq!(by, "Mei"),
        other => panic!("not dismissed: {other:?}"),
    }
    h.get_by_label("Restore as read");
    // One undo step brings it back as read.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(order_photos(&h, order)[0].codes[0].state, CodeState::Found);
}

#[test]
fn a_foreign_tracking_number_blocks_export_until_it_is_added_as_a_parcel() {
    let dir = tempfile::tempdir().unwrap();
    let (project, order) = project_with_parcels(dir.path());
    let photo = label_photo(dir.path(), "IMG_0412.jpg", FOREIGN);
    let mut h = drop_on_order(photo, project, order);
    let message = format!(
        "photo IMG_0412.jpg shows tracking {FOREIGN}, which is not a parcel of this order: \
         a wrong parcel, or a parcel to add"
    );
    let reason = |h: &Harness<'_, BulkReadyApp>| {
        h.state()
            .derived()
            .order(order)
            .unwrap()
            .reasons
            .iter()
            .find(|r| r.message == message)
            .cloned()
    };
    let r = reason(&h).expect("the reason is shown");
    assert_eq!(r.severity, Severity::Blocks);
    h.get_by_label(&message);
    click(&mut h, &format!("Add {FOREIGN} as parcel"));
    let o = h
        .state()
        .session
        .project()
        .unwrap()
        .order(order)
        .unwrap()
        .1
        .clone();
    let added = o.parcels.iter().find(|x| x.tracking == FOREIGN).unwrap();
    assert_eq!(added.carrier, "YTO Express");
    assert_eq!(o.photos[0].parcel, Some(added.id));
    assert!(o.photos[0].has_tag(Tag::CartonLabel));
    assert!(reason(&h).is_none(), "the reason is gone");
}

#[test]
fn colour_regions_marked_on_sample_and_bulk_give_a_photo_estimate_band() {
    let (_dir, mut h) = demo_harness();
    click_tree(&mut h, "Ceramic mug 350 ml");
    click(&mut h, "Compare item side by side");
    wait_until(&mut h, "the full images", |app| {
        app.session
            .busy()
            .iter()
            .all(|j| *j != bulkready::app::jobs::Job::FullImage)
    });
    click(&mut h, "Mark colour region");
    // The left photo, then the right one (as the compare test lays them out).
    drag(&mut h, egui::pos2(440.0, 400.0), egui::pos2(470.0, 430.0));
    drag(&mut h, egui::pos2(840.0, 400.0), egui::pos2(870.0, 430.0));
    click(&mut h, "Measure colour");
    let (bulk, colour_row) = {
        let p = &h.state().session.project().unwrap().products[0];
        let row = p
            .spec
            .iter()
            .find(|r| r.name.starts_with("Colour"))
            .unwrap()
            .id;
        (p.orders[1].id, row)
    };
    let reading = |h: &Harness<'_, BulkReadyApp>| {
        let (_, o) = h.state().session.project().unwrap().order(bulk).unwrap();
        bulkready::rules::colour::reading_of(o, colour_row).cloned()
    };
    wait_until(&mut h, "the colour to be measured", |app| {
        let (_, o) = app.session.project().unwrap().order(bulk).unwrap();
        bulkready::rules::colour::reading_of(o, colour_row).is_some()
    });
    let r = reading(&h).unwrap();
    let c = h.state().compared().unwrap();
    assert_eq!((r.sample_photo, r.bulk_photo), (c.reference, c.other));
    assert!(r.delta_e.is_finite() && r.delta_e >= 0.0, "{r:?}");
    let band = bulkready::media::colour::Band::of(r.delta_e);
    assert_eq!(r.band.label(), band.label(), "the band follows ΔE00");
    assert!(!r.balanced, "no neutral patch was marked");
    for v in r.sample_region.iter().chain(&r.bulk_region) {
        assert!((0.0..=1.0).contains(v), "{r:?}");
    }
    h.get_by_label(&format!("Colour, photo estimate: {}", r.summary()));
    // One undo step takes the reading away again.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert!(reading(&h).is_none());
}

#[test]
fn read_labels_from_the_edit_menu_reads_the_orders_photos_again() {
    let dir = tempfile::tempdir().unwrap();
    let (project, order) = project_with_parcels(dir.path());
    let photo = label_photo(dir.path(), "IMG_0413.jpg", PARCEL);
    let mut h = drop_on_order(photo, project, order);
    // Forget what the import read (as for photos imported before labels
    // were read), and unlink the photo.
    let p = order_photos(&h, order)[0].clone();
    let facts = bulkready::rules::ops::PhotoFacts {
        parcel: None,
        tags: vec![],
        ..bulkready::rules::ops::PhotoFacts::of(&p)
    };
    let forget = Op::Batch(vec![
        Op::SetCodes {
            photo: p.id,
            codes: vec![],
        },
        Op::SetPhoto(p.id, facts),
    ]);
    h.state_mut()
        .session
        .apply(bulkready::app::Command::Apply(forget));
    settle(&mut h);
    assert!(order_photos(&h, order)[0].codes.is_empty());
    h.get_by_label("Edit").click();
    settle(&mut h);
    h.get_by_label("Read labels on the order's photos").click();
    for _ in 0..120 {
        if !order_photos(&h, order)[0].codes.is_empty() {
            break;
        }
        h.step();
        std::thread::sleep(Duration::from_millis(250));
    }
    settle(&mut h);
    let p = &order_photos(&h, order)[0];
    assert_eq!(p.codes.len(), 1, "read again");
    assert_eq!(p.codes[0].text, PARCEL);
    assert!(
        p.parcel.is_some() && p.has_tag(Tag::CartonLabel),
        "linked again"
    );
    assert!(
        h.state()
            .toasts()
            .iter()
            .any(|t| t.contains("Read the labels on 1 photo: 1 code found")),
        "{:?}",
        h.state().toasts()
    );
}
