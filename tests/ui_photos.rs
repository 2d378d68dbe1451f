//! The photo screens, driven by egui_kittest: defect marks drawn in the
//! viewer, the sample vs bulk compare view, reason links that scroll to
//! their field, and a grid that lays out only what is on screen.

#![allow(clippy::unwrap_used)]

mod common;
use bulkready::app::Command;
use bulkready::app::jobs::Job;
use bulkready::model::{PhotoId, Shape, Tag};
use bulkready::rules::Target;
use bulkready::rules::ops::Op;
use bulkready::ui::BulkReadyApp;
use common::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn wait_for_images(h: &mut Harness<'_, BulkReadyApp>) {
    wait_until(h, "the images", |app| {
        app.session
            .busy()
            .iter()
            .all(|j| *j != Job::Thumbnails && *j != Job::FullImage)
    });
}

fn open_mug_bulk_photo(h: &mut Harness<'_, BulkReadyApp>) {
    open_order_photo(h, "bulk 3371120456698823", "QC_0001.jpg");
    wait_for_images(h);
}

#[test]
fn a_defect_mark_drawn_in_the_viewer_is_kept_in_normalised_coordinates() {
    let (_dir, mut h) = demo_harness();
    open_mug_bulk_photo(&mut h);
    let order = h.state().session.project().unwrap().products[0].orders[1].id;
    let marks = |h: &Harness<'_, BulkReadyApp>| {
        h.state()
            .session
            .project()
            .unwrap()
            .order(order)
            .unwrap()
            .1
            .photos[0]
            .marks
            .clone()
    };
    assert!(marks(&h).is_empty());
    type_into(&mut h, "Mark label", "scratch 划痕");
    click(&mut h, "Mark: Rectangle");
    // The photo fills the middle of the viewer's left part.
    drag(&mut h, egui::pos2(420.0, 450.0), egui::pos2(520.0, 540.0));
    let m = marks(&h);
    assert_eq!(m.len(), 1, "one drag, one mark");
    assert_eq!(m[0].label, "scratch 划痕");
    match m[0].shape {
        Shape::Rect { x, y, w, h } => {
            for v in [x, y, x + w, y + h] {
                assert!((0.0..=1.0).contains(&v), "normalised: {:?}", m[0].shape);
            }
            assert!(w > 0.05 && h > 0.05, "{:?}", m[0].shape);
            // A 100 × 90 point drag on a 4:3 photo.
            assert!(
                (w / h - (100.0 / 90.0) * 0.75).abs() < 0.05,
                "{:?}",
                m[0].shape
            );
        }
        other => panic!("expected a rectangle, got {other:?}"),
    }
    // Ctrl+Z takes it away again.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert!(marks(&h).is_empty(), "adding a mark is one undo step");
    // Without a tool, a drag pans and adds nothing.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    settle(&mut h);
    click(&mut h, "Pan");
    drag(&mut h, egui::pos2(420.0, 450.0), egui::pos2(520.0, 540.0));
    assert_eq!(marks(&h).len(), 1);
}

#[test]
fn photo_pairs_open_a_synchronised_compare_view_with_the_sample_pinned() {
    let (_dir, mut h) = demo_harness();
    click_tree(&mut h, "Ceramic mug 350 ml");
    settle(&mut h);
    wait_for_images(&mut h);
    let (sample_item, bulk_item) = {
        let p = &h.state().session.project().unwrap().products[0];
        let first = |i: usize| {
            p.orders[i]
                .photos
                .iter()
                .find(|x| x.has_tag(Tag::Item))
                .unwrap()
                .id
        };
        (first(0), first(1))
    };
    click(&mut h, "Compare item side by side");
    wait_for_images(&mut h);
    let c = h.state().compared().expect("the compare view is open");
    assert_eq!((c.reference, c.other), (sample_item, bulk_item));
    assert!(!c.swapped);

    // A drag on the left moves both sides alike.
    drag(&mut h, egui::pos2(450.0, 400.0), egui::pos2(490.0, 430.0));
    let c = h.state().compared().unwrap();
    assert!(c.views[0].1.length() > 20.0, "{:?}", c.views);
    assert_eq!(c.views[0], c.views[1], "synchronised");

    // With Shift held, only the side under the pointer moves.
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::SHIFT));
    drag(&mut h, egui::pos2(850.0, 400.0), egui::pos2(900.0, 400.0));
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    settle(&mut h);
    let d = h.state().compared().unwrap();
    assert_eq!(d.views[0], c.views[0], "the left side stayed");
    assert!((d.views[1].1.x - c.views[1].1.x) > 20.0, "{:?}", d.views);

    h.key_press(egui::Key::S);
    settle(&mut h);
    let e = h.state().compared().unwrap();
    assert!(e.swapped, "S swaps the sides");
    assert_eq!(e.reference, sample_item, "the sample stays the reference");
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert!(h.state().compared().is_none());
}

#[test]
fn the_viewer_compares_a_bulk_photo_with_its_sample() {
    let (_dir, mut h) = demo_harness();
    open_mug_bulk_photo(&mut h);
    click(&mut h, "Compare with sample");
    let c = h.state().compared().expect("the compare view is open");
    let p = &h.state().session.project().unwrap().products[0];
    assert!(p.orders[0].photos.iter().any(|x| x.id == c.reference));
    assert_eq!(c.other, p.orders[1].photos[0].id);
}

#[test]
fn a_reason_link_scrolls_to_the_section_that_fixes_it() {
    let (_dir, mut h) = demo_harness();
    let (order, message) = {
        let app = h.state();
        let oid = app.session.project().unwrap().products[2].orders[0].id;
        let gate = app.derived().order(oid).unwrap();
        let r = gate
            .reasons
            .iter()
            .find(|r| r.target == Target::Route(oid))
            .expect("the tote's route is not chosen");
        (oid, r.message.clone())
    };
    // A short window, so the route section starts below the fold.
    h.set_size(egui::vec2(1400.0, 560.0));
    h.state_mut().selection = bulkready::ui::Selection::Order(order);
    settle(&mut h);
    let before = h.get_by_label("Route decision").rect();
    assert!(before.top() > 560.0, "below the fold at first: {before:?}");
    h.get_by_label(&message).click();
    settle(&mut h);
    let after = h.get_by_label("Route decision").rect();
    assert!(
        after.top() >= 0.0 && after.bottom() <= 560.0,
        "scrolled into view: {after:?}"
    );
    assert_eq!(
        bulkready::ui::target_shown(&h.ctx),
        Some(Target::Route(order))
    );
}

#[test]
fn the_photo_grid_lays_out_only_rows_on_screen() {
    let (_dir, mut h) = demo_harness();
    let order = h.state().session.project().unwrap().products[0].orders[1].id;
    let project = h.state().session.project().unwrap();
    let first = project.order(order).unwrap().1.photos[0].clone();
    let next = project.next_id;
    let at = project.order(order).unwrap().1.photos.len();
    let ops = (0..400u64)
        .map(|i| {
            let mut photo = first.clone();
            photo.id = PhotoId(next + i);
            photo.file.original_name = format!("many-{i}.jpg");
            Op::InsertPhoto {
                order,
                at: at + i as usize,
                photo: Box::new(photo),
            }
        })
        .collect();
    h.state_mut().session.apply(Command::Apply(Op::Batch(ops)));
    settle(&mut h);
    h.get_by_label("bulk 3371120456698823").click();
    settle(&mut h);
    h.get_by_label_contains("Photos (404)").scroll_to_me();
    settle(&mut h);
    wait_for_images(&mut h);
    let drawn = h.query_all_by_label_contains("many-").count();
    assert!(drawn > 0, "the first rows are on screen");
    assert!(drawn < 100, "{drawn} of 400 photos laid out");
}
