//! A 1024×700 window: the product page's middle column scrolls both ways,
//! so the bulk column, the deviation text and the "Compare … side by side"
//! buttons can be reached between the tree and the verdict panel and
//! clicked; every page opens at its top.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

type App = bulkready::ui::BulkReadyApp;

fn small_demo() -> (tempfile::TempDir, Harness<'static, App>) {
    let dir = tempfile::tempdir().unwrap();
    let path = bulkready::app::demo::write(dir.path()).unwrap();
    let mut h = harness_sized(
        Some(path),
        FakeDialogs::default(),
        egui::vec2(1024.0, 700.0),
    );
    wait_until(&mut h, "the demo to open", |app| app.session.doc.is_some());
    (dir, h)
}

/// The middle column's left and right edges: from the page's heading (at
/// its top-left before any scrolling) to the verdict panel's heading.
fn middle(h: &Harness<'_, App>, heading: &str) -> (f32, f32) {
    // The page's heading: the rightmost of the nodes so named (the tree
    // lists the name too).
    let left = h
        .get_all_by_label(heading)
        .map(|n| n.rect().left())
        .fold(f32::MIN, f32::max);
    let right = h.get_by_label("Scale up?").rect().left();
    (left - 2.0, right)
}

fn reachable(h: &mut Harness<'_, App>, (left, right): (f32, f32), label: &str) -> egui::Rect {
    h.get_all_by_label(label).next().unwrap().scroll_to_me();
    settle(h);
    let r = h.get_all_by_label(label).next().unwrap().rect();
    assert!(
        r.left() >= left && r.right() <= right && r.top() >= 0.0 && r.bottom() <= 700.0,
        "{label} at {r:?}, the middle column is {left}..{right}"
    );
    r
}

#[test]
fn the_product_page_reaches_the_bulk_column_and_the_compare_buttons() {
    let (_dir, mut h) = small_demo();
    let mug = h.state().session.project().unwrap().products[0]
        .name
        .clone();
    click_tree(&mut h, &mug);
    let bounds = middle(&h, &mug);
    assert!(bounds.1 - bounds.0 < 600.0, "a narrow middle: {bounds:?}");
    reachable(&mut h, bounds, "Colour 颜色 on the bulk");
    reachable(&mut h, bounds, "Compare item side by side");
    h.get_all_by_label("Compare item side by side")
        .next()
        .unwrap()
        .click();
    settle(&mut h);
    assert!(
        h.query_by_label("Swap sides").is_some(),
        "the compare view opened"
    );
}

/// Where the page's heading `name` is (the rightmost node so named: the
/// tree lists the name too).
fn heading_top(h: &Harness<'_, App>, name: &str) -> f32 {
    h.get_all_by_label(name)
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap()
        .rect()
        .top()
}

#[test]
fn each_page_opens_at_its_top_and_keeps_its_own_scroll() {
    let (_dir, mut h) = small_demo();
    let mug = h.state().session.project().unwrap().products[0]
        .name
        .clone();
    click_tree(&mut h, &mug);
    let top = heading_top(&h, &mug);
    assert!((0.0..120.0).contains(&top), "{top}");
    h.get_by_label("Colour 颜色 on the bulk").scroll_to_me();
    settle(&mut h);
    assert!(heading_top(&h, &mug) < top - 100.0, "the mug page scrolled");
    // Another page opens at its top, not at the mug page's scroll.
    click_tree(&mut h, "Canvas tote bag");
    let tote = heading_top(&h, "Canvas tote bag");
    assert!(
        (tote - top).abs() < 1.0,
        "the tote page at its top: {tote} vs {top}"
    );
}

#[test]
fn w_gives_the_viewer_the_whole_window_and_back() {
    let (_dir, mut h) = small_demo();
    open_order_photo(&mut h, "bulk 3371120456698823", "QC_0001.jpg");
    assert!(h.query_by_label("Add product").is_some());
    h.key_press(egui::Key::W);
    settle(&mut h);
    assert!(
        h.query_by_label("Add product").is_none(),
        "the tree is gone"
    );
    assert!(
        h.query_by_label("Ship it?").is_none(),
        "the verdict panel too"
    );
    assert!(h.query_by_label("← Back to the order").is_some());
    h.key_press(egui::Key::W);
    settle(&mut h);
    assert!(
        h.query_by_label("Add product").is_some(),
        "the panels are back"
    );
}
