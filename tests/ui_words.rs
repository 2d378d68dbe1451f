//! Words and looks, in the window: an import that partly worked says what
//! it did and what it skipped; counts have their plurals; the checklist
//! says what ticks each line; routes without rates say "no price" and are
//! never the cheapest; the light theme's fields show and its text reads.

#![allow(clippy::unwrap_used)]

mod common;
use bulkready::app::Command;
use bulkready::model::Route;
use bulkready::rules::ops::Op;
use bulkready::ui::{BulkReadyApp, contrast};
use common::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[test]
fn a_partly_successful_import_says_what_it_imported_and_what_it_skipped() {
    let (dir, mut h) = demo_harness();
    let good = dir.path().join("QC_0301.jpg");
    let scene = bulkready::media::synth::Scene::Cartons { count: 2 };
    std::fs::write(&good, bulkready::media::synth::render(&scene, 1, None)).unwrap();
    let heic = dir.path().join("IMG_3.heic");
    // An ISO-BMFF 'ftyp heic' header: what an iPhone photo starts with.
    std::fs::write(&heic, b"\0\0\0\x18ftypheic\0\0\0\0mif1heic").unwrap();
    click_tree(&mut h, "sample 2026111690312455");
    for p in [good, heic] {
        drop_file(&mut h, p);
    }
    wait_until(&mut h, "the import", |app| app.session.error.is_some());
    let shown = "1 photo imported, 1 file skipped:";
    assert!(
        h.query_by_label(shown).is_some(),
        "the modal leads with the result"
    );
    assert!(
        h.query_by_label_contains("IMG_3.heic").is_some(),
        "names the file"
    );
    assert!(h.query_by_label_contains("Something went wrong").is_none());
    click(&mut h, "OK");
    assert!(h.state().session.error.is_none());
}

#[test]
fn counts_say_one_product_and_two_products() {
    let mut h = harness(None, None);
    settle(&mut h);
    click(&mut h, "New project");
    click(&mut h, "Add product");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut h);
    assert!(h.query_by_label("The whole project (1 product)").is_some());
    click(&mut h, "Cancel");
    click(&mut h, "Add product");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut h);
    assert!(h.query_by_label("The whole project (2 products)").is_some());
}

#[test]
fn the_checklist_says_what_ticks_each_line() {
    let (_dir, mut h) = demo_harness();
    click_tree(&mut h, "sample 3369041277812041");
    let line = "Seller message recorded that confirms spec rows or terms";
    assert!(h.query_by_label(line).is_some());
    assert!(
        h.query_by_label_contains("order note recorded").is_none(),
        "an order note does not tick it, so the line does not say so"
    );
    assert!(
        h.query_by_label("Shipping route chosen, with cartons to price it")
            .is_some()
    );
}

#[test]
fn the_usual_routes_start_with_no_price_and_are_never_the_cheapest() {
    let mut h = harness(None, None);
    settle(&mut h);
    click(&mut h, "New project");
    click(&mut h, "Warehouse & routes");
    click(&mut h, "Add the usual routes");
    let routes = h.state().session.project().unwrap().routes.clone();
    assert_eq!(routes.len(), 4);
    let no_price = "No price: enter the first weight price or the price per kg";
    assert_eq!(h.get_all_by_label(no_price).count(), 4);
    for price in h.get_all_by_label("First weight price") {
        assert_eq!(price.value().as_deref(), Some(""), "not a price of 0");
    }
}

#[test]
fn an_order_compares_unpriced_routes_without_naming_one_cheapest() {
    let (_dir, mut h) = demo_harness();
    let unpriced: Vec<Op> = h
        .state()
        .session
        .project()
        .unwrap()
        .routes
        .iter()
        .map(|r| {
            Op::SetRoute(Box::new(Route {
                first_price: 0.0,
                per_kg: 0.0,
                ..r.clone()
            }))
        })
        .collect();
    h.state_mut()
        .session
        .apply(Command::Apply(Op::Batch(unpriced)));
    click_tree(&mut h, "sample 3369041277812041");
    assert!(h.query_by_label_contains("(cheapest)").is_none());
    let routes = h.state().session.project().unwrap().routes.len();
    assert_eq!(
        h.get_all_by_label("no price (enter the route's rates)")
            .count(),
        routes,
        "every route says so"
    );
    assert!(h.query_by_label_contains("0.00 CNY").is_none());
}

fn choose_theme(h: &mut Harness<'_, BulkReadyApp>, theme: &str) {
    click(h, "View");
    click(h, theme);
}

#[test]
fn the_light_theme_chosen_in_the_menu_has_visible_fields_and_readable_links() {
    let (_dir, mut h) = demo_harness();
    choose_theme(&mut h, "Light");
    let v = h.ctx.global_style().visuals.clone();
    assert!(!v.dark_mode);
    let bg = v.panel_fill;
    assert!(contrast(v.hyperlink_color, bg) >= 4.5, "links");
    assert!(contrast(v.text_color(), bg) >= 4.5, "text");
    assert!(contrast(v.weak_text_color(), bg) >= 4.5, "weak text");
    assert_ne!(
        v.text_edit_bg_color(),
        bg,
        "a field's fill differs from the panel"
    );
    assert!(
        contrast(v.widgets.inactive.bg_stroke.color, bg) >= 3.0,
        "and it has a border"
    );
    choose_theme(&mut h, "Dark");
    let v = h.ctx.global_style().visuals.clone();
    assert!(v.dark_mode);
    assert!(
        contrast(v.weak_text_color(), v.panel_fill) >= 4.5,
        "dark weak text"
    );
}
