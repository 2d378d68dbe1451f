//! The buyer's day in the window: the project opens on an overview of
//! every order, most urgent first, sortable by clicking a column's title;
//! an order opens from its row; Ctrl+F finds a tracking number typed one
//! key per frame and Enter goes to its order; the routes have their own
//! page.

#![allow(clippy::unwrap_used)]

mod common;
use bulkready::model::OrderKind;
use bulkready::ui::Selection;
use common::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

type App = bulkready::ui::BulkReadyApp;

/// The order numbers of the demo, as the project lists them.
fn numbers(h: &Harness<'_, App>) -> Vec<String> {
    let p = h.state().session.project().unwrap();
    p.products
        .iter()
        .flat_map(|x| &x.orders)
        .map(|o| o.number.clone())
        .collect()
}

/// The order numbers in the overview, top to bottom. The tree lists them
/// too ("sample 33…"), but only the table shows a number alone.
fn rows_top_down(h: &Harness<'_, App>) -> Vec<String> {
    let mut shown: Vec<(f32, String)> = numbers(h)
        .into_iter()
        .map(|n| (h.get_by_label(&n).rect().top(), n))
        .collect();
    shown.sort_by(|a, b| a.0.total_cmp(&b.0));
    shown.into_iter().map(|(_, n)| n).collect()
}

#[test]
fn the_project_opens_on_every_order_most_urgent_first() {
    let (_dir, mut h) = demo_harness();
    settle(&mut h);
    assert_eq!(h.state().selection, Selection::None);
    let rows = rows_top_down(&h);
    assert_eq!(rows.len(), numbers(&h).len(), "one row per order");
    let first = rows[0].clone();
    // The demo's tiles sample is its one NO-GO order.
    let p = h.state().session.project().unwrap();
    let tiles = p
        .products
        .iter()
        .find(|x| x.name.contains("tiles"))
        .unwrap();
    assert_eq!(first, tiles.orders[0].number, "{rows:?}");
    // Clicking the title again reverses the sort: the NO-GO goes last.
    click(&mut h, "Ship it? ↓");
    let reversed = rows_top_down(&h);
    assert_eq!(reversed.last(), Some(&first), "{reversed:?}");
}

#[test]
fn an_order_opens_from_its_row() {
    let (_dir, mut h) = demo_harness();
    settle(&mut h);
    let p = h.state().session.project().unwrap();
    let bulk = p.products[0]
        .orders
        .iter()
        .find(|o| o.kind == OrderKind::Bulk)
        .unwrap();
    let (id, number) = (bulk.id, bulk.number.clone());
    click(&mut h, &number);
    assert_eq!(h.state().selection, Selection::Order(id));
    h.get_by_label("Ship it?");
}

#[test]
fn ctrl_f_finds_a_tracking_number_and_enter_goes_to_its_order() {
    let (_dir, mut h) = demo_harness();
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    settle(&mut h);
    for c in "sf 1402938".chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.step();
    }
    settle(&mut h);
    h.get_by_label_contains("tracking SF1402938475610");
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    let p = h.state().session.project().unwrap();
    let sample = p
        .products
        .iter()
        .flat_map(|x| &x.orders)
        .find(|o| o.parcels.iter().any(|x| x.tracking == "SF1402938475610"))
        .unwrap();
    assert_eq!(h.state().selection, Selection::Order(sample.id));
    assert!(
        h.query_by_label("Search the project").is_none(),
        "the box closes once it went there"
    );
}

#[test]
fn a_search_that_finds_nothing_says_so() {
    let (_dir, mut h) = demo_harness();
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    settle(&mut h);
    h.get_by_label("Search the project")
        .type_text("no such thing 42");
    settle(&mut h);
    h.get_by_label("Nothing found.");
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert!(h.query_by_label("Search the project").is_none());
}

#[test]
fn the_routes_have_a_page_of_their_own() {
    let (_dir, mut h) = demo_harness();
    settle(&mut h);
    assert!(h.query_by_label("Return window (hours)").is_none());
    click(&mut h, "Warehouse & routes");
    assert_eq!(h.state().selection, Selection::Setup);
    h.get_by_label("Return window (hours)");
}
