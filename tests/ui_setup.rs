//! Less typing at set-up, driven as a person does: pasting a listing link
//! or share text, new orders prefilled from the listing and the accepted
//! sample, spec rows from a template and a brief copied from another
//! product. Each is one undo step.

#![allow(clippy::unwrap_used)]

mod common;
use bulkready::model::{Marketplace, OrderKind, Product, ProductId};
use bulkready::ui::{BulkReadyApp, Selection};
use common::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const SHARE_TEXT: &str =
    "【淘宝】https://m.tb.cn/h.5AbCdEf?tk=XyZ12 CZ0001 「雾霾蓝马克杯 陶瓷 350ml」";

fn product(app: &BulkReadyApp, id: ProductId) -> Product {
    app.session.project().unwrap().product(id).unwrap().clone()
}

fn selected_product(app: &BulkReadyApp) -> ProductId {
    match app.selection {
        Selection::Product(id) => id,
        other => panic!("no product selected: {other:?}"),
    }
}

fn undo(h: &mut Harness<'_, BulkReadyApp>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(h);
}

#[test]
fn pasting_share_text_fills_the_listing_in_one_undo_step() {
    let (_dir, mut h) = demo_harness();
    click(&mut h, "Add product");
    let id = selected_product(h.state());
    let before = product(h.state(), id);
    let label = "Paste link or share text";
    h.get_by_label(label).scroll_to_me();
    settle(&mut h);
    h.get_by_label(label).click();
    h.run();
    for c in SHARE_TEXT.chars() {
        h.get_by_label(label).type_text(&c.to_string());
        h.run();
    }
    assert_eq!(
        product(h.state(), id),
        before,
        "typing alone changes nothing"
    );
    click(&mut h, "Fill from link");
    let p = product(h.state(), id);
    assert_eq!(p.listing.marketplace, Marketplace::Taobao);
    assert_eq!(p.listing.url, "https://m.tb.cn/h.5AbCdEf?tk=XyZ12");
    assert_eq!(p.listing.title, "雾霾蓝马克杯 陶瓷 350ml");
    assert_eq!(
        p.name, "雾霾蓝马克杯 陶瓷 350ml",
        "the placeholder name is replaced"
    );
    let said = h.state().toasts().join("\n");
    assert!(
        said.contains("Filled marketplace, listing URL, title and name"),
        "{said}"
    );
    assert!(said.contains("cannot be resolved offline"), "{said}");
    assert_eq!(field(&h, label), "", "the field empties once used");
    undo(&mut h);
    assert_eq!(
        product(h.state(), id),
        before,
        "one Ctrl+Z undoes all of it"
    );
}

fn field(h: &Harness<'_, BulkReadyApp>, label: &str) -> String {
    h.get_by_label(label).value().unwrap_or_default()
}

#[test]
fn a_full_link_gives_the_canonical_url_and_the_offer_id() {
    let (_dir, mut h) = demo_harness();
    click_tree(&mut h, "Canvas tote bag");
    let id = selected_product(h.state());
    let name = product(h.state(), id).name;
    type_into(
        &mut h,
        "Paste link or share text",
        "https://detail.1688.com/offer/612345678901.html?spm=a260k.dacugeneral&tracelog=p4p",
    );
    click(&mut h, "Fill from link");
    let p = product(h.state(), id);
    assert_eq!(p.listing.marketplace, Marketplace::Alibaba1688);
    assert_eq!(
        p.listing.url,
        "https://detail.1688.com/offer/612345678901.html"
    );
    assert_eq!(p.name, name, "a named product keeps its name");
    assert!(
        h.query_by_label("Offer 612345678901").is_some(),
        "the id is shown"
    );
    let said = h.state().toasts().join("\n");
    assert!(
        said.contains("Filled listing URL (1688 offer 612345678901)."),
        "{said}"
    );
}

#[test]
fn text_without_a_link_fills_nothing_and_says_so() {
    let (_dir, mut h) = demo_harness();
    click_tree(&mut h, "Canvas tote bag");
    let id = selected_product(h.state());
    let before = product(h.state(), id);
    type_into(
        &mut h,
        "Paste link or share text",
        "复制这条信息￥AbCd1234￥后打开手淘",
    );
    click(&mut h, "Fill from link");
    assert_eq!(product(h.state(), id), before);
    let said = h.state().toasts().join("\n");
    assert!(
        said.contains("Nothing filled: no 1688, Taobao or Tmall link"),
        "{said}"
    );
}

#[test]
fn a_bulk_order_takes_seller_and_variant_from_the_accepted_sample() {
    let (_dir, mut h) = demo_harness();
    click_tree(&mut h, "Ceramic mug 350 ml");
    let mug = product(h.state(), selected_product(h.state()));
    let sample = mug
        .orders
        .iter()
        .find(|o| Some(o.id) == mug.accepted_sample)
        .unwrap();
    click(&mut h, "+ Bulk order");
    let Selection::Order(id) = h.state().selection else {
        panic!("the new order is selected");
    };
    let (_, o) = h.state().session.project().unwrap().order(id).unwrap();
    assert_eq!(o.kind, OrderKind::Bulk);
    assert_eq!((&o.seller, &o.variant), (&sample.seller, &sample.variant));
    let said = h.state().toasts().join("\n");
    assert!(said.contains("from the accepted sample"), "{said}");
}

#[test]
fn a_new_sample_order_takes_the_listings_variant() {
    let (_dir, mut h) = demo_harness();
    click_tree(&mut h, "Canvas tote bag");
    let tote = product(h.state(), selected_product(h.state()));
    click(&mut h, "+ Sample order");
    let Selection::Order(id) = h.state().selection else {
        panic!("the new order is selected");
    };
    let (_, o) = h.state().session.project().unwrap().order(id).unwrap();
    assert_eq!(o.variant, tote.listing.variant.trim());
    assert!(
        o.seller.is_empty(),
        "no accepted sample to copy a seller from"
    );
}

#[test]
fn spec_rows_come_from_a_template_and_from_another_products_brief() {
    let (_dir, mut h) = demo_harness();
    click(&mut h, "Add product");
    let id = selected_product(h.state());
    click(&mut h, "Add rows from template");
    click(&mut h, "Electronics with a battery");
    let rows = product(h.state(), id).spec;
    assert!(rows.len() >= 10, "{}", rows.len());
    let wh = rows.iter().find(|r| r.name.contains("(Wh)")).unwrap();
    assert!(wh.critical, "battery energy decides the route");
    let numbers = rows
        .iter()
        .filter(|r| matches!(r.expected, bulkready::model::Expected::Number { .. }))
        .count();
    assert_eq!(
        h.get_all_by_label("Type the expected value: 0 is only where the row starts")
            .count(),
        numbers,
        "each number row starting at 0 asks for its value"
    );
    undo(&mut h);
    assert!(product(h.state(), id).spec.is_empty(), "one undo step");

    let mug = h.state().session.project().unwrap().products[0].clone();
    click(&mut h, "Copy brief from another product");
    let item = format!("{} ({} rows)", mug.name, mug.spec.len());
    click(&mut h, &item);
    let copied = product(h.state(), id).spec;
    let names = |rows: &[bulkready::model::SpecItem]| -> Vec<String> {
        rows.iter().map(|r| r.name.clone()).collect()
    };
    assert_eq!(names(&copied), names(&mug.spec));
    assert!(
        copied.iter().zip(&mug.spec).all(|(a, b)| a.id != b.id),
        "fresh ids"
    );
    let said = h.state().toasts().join("\n");
    assert!(
        said.contains(&format!("Added {} rows from {}", mug.spec.len(), mug.name)),
        "{said}"
    );
}
