//! The real window, driven by egui_kittest: click, type, save, reopen.

#![allow(clippy::unwrap_used)]

use bulkready::app::Command;
use bulkready::rules::ops::Op;
use bulkready::ui::{BulkReadyApp, Selection};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::time::Duration;

mod common;
use bulkready::app::jobs::Job;
use common::*;

#[test]
fn create_a_project_by_clicking_save_it_and_reopen_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spring.ron");
    let mut h = harness(None, Some(path.clone()));
    h.get_by_label("New project").click();
    settle(&mut h);
    h.get_by_label("Add product").click();
    settle(&mut h);
    type_into(&mut h, "Name", "陶瓷马克杯");
    h.get_by_label("+ Sample order").click();
    settle(&mut h);
    type_into(&mut h, "Order number", "S-001");
    assert!(dirty(h.state()));

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    wait_until(&mut h, "the save", |app| path.exists() && !dirty(app));
    drop(h);

    let mut h = harness(Some(path.clone()), None);
    wait_until(&mut h, "the project to open", |app| {
        app.session.doc.is_some()
    });
    let project = h.state().session.project().unwrap().clone();
    assert_eq!(project.products[0].name, "陶瓷马克杯");
    assert_eq!(project.products[0].orders[0].number, "S-001");
    // The window shows them: the product and its order in the tree.
    assert!(h.query_all_by_label("陶瓷马克杯").count() >= 1);
    h.get_by_label("sample S-001").click();
    settle(&mut h);
    assert!(h.query_by_label("Order number").is_some());
}

#[test]
fn undo_and_redo_with_the_keyboard() {
    let mut h = harness(None, None);
    h.get_by_label("New project").click();
    settle(&mut h);
    h.get_by_label("Add product").click();
    settle(&mut h);
    assert_eq!(h.state().session.project().unwrap().products.len(), 1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(h.state().session.project().unwrap().products.len(), 0);
    assert!(!dirty(h.state()));
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    settle(&mut h);
    assert_eq!(h.state().session.project().unwrap().products.len(), 1);
    assert!(dirty(h.state()));
}

fn close_project(h: &mut Harness<'_, BulkReadyApp>) {
    h.get_by_label("File").click();
    settle(h);
    h.get_by_label("Close project").click();
    settle(h);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut h = harness(None, None);
    h.get_by_label("New project").click();
    settle(&mut h);
    h.get_by_label("Add product").click();
    settle(&mut h);
    close_project(&mut h);
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(
        h.state().session.doc.is_some(),
        "cancel keeps the project open"
    );
    close_project(&mut h);
    h.get_by_label("Discard").click();
    settle(&mut h);
    assert!(h.state().session.doc.is_none());
    h.get_by_label("Open demo project");
}

#[test]
fn a_newer_recovery_file_is_offered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    bulkready::store::save(&path, &bulkready::model::Project::new("as saved")).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let recovered = bulkready::model::Project::new("autosaved 自动保存");
    let text = bulkready::store::to_ron(&recovered);
    std::fs::write(bulkready::store::recovery_path(&path), text).unwrap();

    let mut h = harness(Some(path.clone()), None);
    wait_until(&mut h, "the project to open", |app| {
        app.session.doc.is_some()
    });
    h.get_by_label("Recover").click();
    wait_until(&mut h, "the recovery", |app| {
        app.session
            .project()
            .is_some_and(|p| p.name == "autosaved 自动保存")
    });
    assert!(dirty(h.state()), "recovered changes are not saved yet");
}

#[test]
fn a_reason_link_selects_the_place_to_fix_it() {
    let (_dir, mut h) = demo_harness();
    click_tree(&mut h, "Magnetic building tiles, 60 pcs");
    settle(&mut h);
    assert!(h.query_by_label("Scale up?").is_some());
    // A reason about a photo: following it selects the order with the photo.
    h.get_by_label_contains("mmexport1729911.jpg: the model is not the one ordered")
        .click();
    settle(&mut h);
    let project = h.state().session.project().unwrap();
    let order = project.products[1].orders[0].id;
    assert_eq!(h.state().selection, Selection::Order(order));
    assert!(h.query_by_label("Ship it?").is_some());
}

#[test]
fn signing_a_decision_and_an_override_that_needs_a_reason() {
    let (_dir, mut h) = demo_harness();
    click_tree(&mut h, "Magnetic building tiles, 60 pcs");
    settle(&mut h);
    type_into(&mut h, "Reviewer", "Li Na");
    h.get_by_label("Sign NO-GO").click();
    settle(&mut h);
    // Only the tiles' decisions (the demo has the mug's already).
    let log = |h: &Harness<'_, BulkReadyApp>| {
        let p = h.state().session.project().unwrap();
        let tiles = bulkready::model::Subject::ScaleUp(p.products[1].id);
        let mine: Vec<_> = p
            .decisions
            .iter()
            .filter(|d| d.subject == tiles)
            .cloned()
            .collect();
        mine
    };
    assert_eq!(log(&h).len(), 1);
    assert_eq!(log(&h)[0].reviewer, "Li Na");

    // Override: GO when the rules say NO-GO needs a reason.
    h.get_by_label("Verdict").click();
    settle(&mut h);
    h.get_by_label("GO").click();
    settle(&mut h);
    h.get_by_label("Sign GO (override)").click();
    settle(&mut h);
    assert_eq!(log(&h).len(), 1, "no reason, no signature");
    type_into(&mut h, "Reason", "second sample approved on a video call");
    h.get_by_label("Sign GO (override)").click();
    settle(&mut h);
    let entries = log(&h);
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1].signed, bulkready::model::Verdict::Go);
    assert_eq!(entries[1].computed, bulkready::model::Verdict::NoGo);
    assert!(
        h.query_by_label("stale: the evidence changed since")
            .is_none()
    );

    // Editing the evidence marks the signed decisions stale.
    let tiles = &h.state().session.project().unwrap().products[1];
    let mut listing = tiles.listing.clone();
    listing.variant.push_str(" v2");
    let op = Op::SetListing(tiles.id, Box::new(listing));
    h.state_mut().session.apply(Command::Apply(op));
    settle(&mut h);
    assert_eq!(
        h.get_all_by_label("stale: the evidence changed since")
            .count(),
        2
    );
}

fn order_verdict(
    app: &BulkReadyApp,
    order: bulkready::model::OrderId,
) -> bulkready::model::Verdict {
    app.order_verdict(order).unwrap()
}

#[test]
fn a_not_ready_order_becomes_go_when_the_evidence_is_added_in_the_window() {
    use bulkready::model::Verdict;
    let (_dir, mut h) = demo_harness();
    // The mug's sample, without its route choice and packing request.
    let order = h.state().session.project().unwrap().products[0].orders[0].id;
    let o = h.state().session.project().unwrap().order(order).unwrap().1;
    let mut setup: Vec<Op> = o.packing.iter().map(|r| Op::RemovePacking(r.id)).collect();
    let mut decision = o.route.clone().unwrap();
    decision.route = None;
    setup.push(Op::SetRouteDecision {
        order,
        decision: Some(decision),
    });
    h.state_mut()
        .session
        .apply(Command::Apply(Op::Batch(setup)));
    h.get_by_label("sample 3369041277812041").click();
    settle(&mut h);
    assert_eq!(order_verdict(h.state(), order), Verdict::NotReady);

    click(&mut h, "Choose Air line (forwarder)");
    click(&mut h, "+ Request");
    type_into(&mut h, "Request", "Bubble wrap each mug");
    click(&mut h, "Answers");
    h.get_by_label("for the fragile risk").click();
    settle(&mut h);
    assert_eq!(order_verdict(h.state(), order), Verdict::Go);
    assert!(h.query_by_label("Ship it?").is_some());
}

#[test]
fn a_photo_dropped_on_the_window_joins_the_selected_order_with_its_thumbnail() {
    let dir = tempfile::tempdir().unwrap();
    let path = bulkready::app::demo::write(dir.path()).unwrap();
    let photo = dir.path().join("QC_0099.jpg");
    let scene = bulkready::media::synth::Scene::Carton {
        label: "2026111690312455",
    };
    std::fs::write(&photo, bulkready::media::synth::render(&scene, 6, None)).unwrap();
    let mut h = harness(Some(path), None);
    wait_until(&mut h, "the demo to open", |app| app.session.doc.is_some());
    h.get_by_label("sample 2026111690312455").click();
    settle(&mut h);
    let order = h.state().session.project().unwrap().products[2].orders[0].id;
    drop_file(&mut h, photo);
    wait_until(&mut h, "the import", |app| {
        app.session
            .project()
            .unwrap()
            .order(order)
            .unwrap()
            .1
            .photos
            .len()
            == 1
    });
    // The grid shows it, by name and then by its thumbnail.
    wait_until(&mut h, "the thumbnail", |app| {
        app.session.busy().iter().all(|j| *j != Job::Thumbnails)
    });
    settle(&mut h);
    // The thumbnail is an image named by the file; the caption repeats it.
    h.get_by_role_and_label(egui::accesskit::Role::Image, "QC_0099.jpg");
    assert_eq!(h.get_all_by_label("QC_0099.jpg").count(), 2);
    let p = &h
        .state()
        .session
        .project()
        .unwrap()
        .order(order)
        .unwrap()
        .1
        .photos[0];
    assert_eq!(
        (p.width, p.height),
        (800, 600),
        "orientation 6 is shown upright"
    );
}

#[test]
fn the_viewer_opens_from_a_thumbnail_and_sets_checks_by_keyboard() {
    use bulkready::model::Check;
    let (_dir, mut h) = demo_harness();
    open_order_photo(&mut h, "bulk 3371120456698823", "QC_0001.jpg");
    wait_until(&mut h, "the full image", |app| {
        app.session.busy().iter().all(|j| *j != Job::FullImage)
    });
    settle(&mut h);
    assert!(h.query_by_label("← Back to the order").is_some());
    let order = h.state().session.project().unwrap().products[0].orders[1].id;
    let photo = |h: &Harness<'_, BulkReadyApp>, i: usize| {
        h.state()
            .session
            .project()
            .unwrap()
            .order(order)
            .unwrap()
            .1
            .photos[i]
            .clone()
    };
    assert_eq!(photo(&h, 0).checks.quantity, Check::Pass);
    h.key_press(egui::Key::Num2);
    settle(&mut h);
    assert_eq!(
        photo(&h, 0).checks.quantity,
        Check::Fail,
        "2 cycles the quantity check"
    );
    h.key_press(egui::Key::ArrowRight);
    settle(&mut h);
    h.key_press(egui::Key::Num4);
    settle(&mut h);
    assert_eq!(
        photo(&h, 1).checks.damage,
        Check::Fail,
        "the next photo, damage check"
    );
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert!(h.query_by_label("← Back to the order").is_none());
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.into(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn preferences_survive_a_restart_and_recent_projects_are_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recent.ron");
    bulkready::store::save(&path, &bulkready::model::Project::new("r")).unwrap();
    let mut h = harness(Some(path.clone()), None);
    wait_until(&mut h, "the project to open", |app| {
        app.session.doc.is_some()
    });
    assert_eq!(h.state().prefs.recent, vec![path.clone()]);
    h.state_mut().prefs.reviewer = "王芳".into();
    h.state_mut().prefs.theme = bulkready::ui::Theme::Light;
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);

    let ctx = egui::Context::default();
    let mut cc = eframe::CreationContext::_new_kittest(ctx);
    cc.storage = Some(&storage);
    let app = BulkReadyApp::with_dialogs(&cc, None, Box::new(FakeDialogs::default()));
    assert_eq!(app.prefs.recent, vec![path]);
    assert_eq!(app.prefs.reviewer, "王芳");
    assert_eq!(app.prefs.theme, bulkready::ui::Theme::Light);
}

#[test]
fn the_grid_filters_photos_not_linked_to_a_tracking_number() {
    let (_dir, mut h) = demo_harness();
    h.get_by_label("sample 2026101988451207").click();
    settle(&mut h);
    wait_until(&mut h, "the thumbnails", |app| {
        app.session.busy().iter().all(|j| *j != Job::Thumbnails)
    });
    settle(&mut h);
    let image = egui::accesskit::Role::Image;
    let shown = |h: &Harness<'_, BulkReadyApp>, name: &str| {
        h.query_all_by_role_and_label(image, name).count()
    };
    assert_eq!(shown(&h, "mmexport1729911.jpg"), 1);
    h.state_mut()
        .set_photo_filter(bulkready::ui::PhotoFilter::NotLinked);
    settle(&mut h);
    assert_eq!(
        shown(&h, "mmexport1729911.jpg"),
        0,
        "linked to a parcel: hidden"
    );
    assert_eq!(shown(&h, "mmexport1729912.jpg"), 1);
    assert_eq!(shown(&h, "Screenshot_20261020_203155.png"), 1);
}
