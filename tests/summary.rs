//! The summary the exports are made from, over the demo project: every
//! gate with its verdict, the deviations and what is left to confirm.

#![allow(clippy::unwrap_used)]

use bulkready::model::*;
use bulkready::report::Scope;
use bulkready::report::summary::{ScopeError, summarise};
use chrono::NaiveDateTime;

fn demo() -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    let store = bulkready::store::PhotoStore::for_project(&dir.path().join("demo.ron"));
    let project = bulkready::app::demo::build(&store).unwrap();
    (dir, project)
}

fn now() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap()
}

#[test]
fn the_demo_summary_has_every_product_verdict_and_order() {
    let (_dir, project) = demo();
    let s = summarise(&project, Scope::Project, now()).unwrap();
    let verdicts: Vec<Verdict> = s.products.iter().map(|p| p.gate.verdict).collect();
    assert_eq!(
        verdicts,
        vec![Verdict::Go, Verdict::NoGo, Verdict::NotReady]
    );
    let orders: usize = s.products.iter().map(|p| p.orders.len()).sum();
    assert_eq!(orders, 4);
    let tiles = &s.products[1];
    let rows: Vec<&str> = tiles.deviations.iter().map(|d| d.row.as_str()).collect();
    assert!(rows.contains(&"Colour 颜色"), "{rows:?}");
    assert!(rows.contains(&"Storage bag 配件"), "{rows:?}");
    assert!(tiles.unconfirmed_terms.contains(&Term::Moq));
    assert!(!tiles.unconfirmed_terms.contains(&Term::SameMaterial));
}

#[test]
fn scopes_narrow_the_summary_and_unknown_ids_are_refused() {
    let (_dir, project) = demo();
    let mug = &project.products[0];
    let s = summarise(&project, Scope::Product(mug.id), now()).unwrap();
    assert_eq!(s.products.len(), 1);
    assert_eq!(s.products[0].orders.len(), 2);
    let bulk = mug.orders[1].id;
    let s = summarise(&project, Scope::Order(bulk), now()).unwrap();
    assert_eq!(s.products[0].orders.len(), 1);
    assert_eq!(s.products[0].orders[0].order.id, bulk);
    let route = s.products[0].orders[0].route.as_ref().unwrap();
    assert!(route.quote.as_ref().unwrap().weight.chargeable_kg > 90.0);
    assert_eq!(
        summarise(&project, Scope::Order(OrderId(9999)), now()).unwrap_err(),
        ScopeError::NoOrder(OrderId(9999))
    );
    assert!(summarise(&project, Scope::Product(ProductId(9999)), now()).is_err());
}
