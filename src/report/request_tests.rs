#![allow(clippy::unwrap_used)]

use super::*;
use crate::model::{Photo, RiskKind};

fn demo() -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::PhotoStore::for_project(&dir.path().join("demo.ron"));
    let project = crate::app::demo::build(&store).unwrap();
    (dir, project)
}

fn now() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap()
}

fn request_of(project: &Project, product: usize, order: usize) -> OrderRequest {
    let s = summarise(project, Scope::Project, now()).unwrap();
    let p = &s.products[product];
    order_request(p, &p.orders[order])
}

#[test]
fn a_bulk_order_without_label_and_count_photos_gets_them_asked_for() {
    let (_dir, mut project) = demo();
    let bulk = &mut project.products[0].orders[1];
    bulk.photos
        .retain(|p: &Photo| !p.has_tag(Tag::CartonLabel) && !p.has_tag(Tag::ParcelCount));
    let r = request_of(&project, 0, 1);
    let label = r.items.iter().find(|s| s.zh.contains("外箱标签")).unwrap();
    assert!(label.zh.contains("YT7788123456001"), "{}", label.zh);
    assert!(label.en.contains("tracking number"), "{}", label.en);
    let count = r.items.iter().find(|s| s.zh.contains("数清件数")).unwrap();
    assert!(count.zh.contains("应为 2 件"), "{}", count.zh);
    // The packing done as requested, for the fragile risk.
    let packing = r
        .items
        .iter()
        .find(|s| s.zh.contains("请按要求包装"))
        .unwrap();
    assert!(packing.zh.contains("易碎"), "{}", packing.zh);
    assert!(packing.en.contains("Corner protectors"), "{}", packing.en);
}

#[test]
fn open_rows_ask_for_a_ruler_a_scale_and_daylight() {
    let (_dir, mut project) = demo();
    let mug = &mut project.products[0];
    mug.orders[1].observations.clear();
    mug.risks[0].kind = RiskKind::Battery;
    let r = request_of(&project, 0, 1);
    let all: Vec<&str> = r.items.iter().map(|s| s.zh.as_str()).collect();
    assert!(
        all.iter()
            .any(|s| s.contains("尺子") && s.contains("9.5 cm")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|s| s.contains("电子秤") && s.contains("320 g")),
        "{all:?}"
    );
    assert!(all.iter().any(|s| s.contains("自然光")), "{all:?}");
    assert!(all.iter().any(|s| s.contains("电池标识")), "{all:?}");
    let text = request_text(
        &summarise(&project, Scope::Project, now()).unwrap(),
        Lang::Both,
    );
    assert!(
        text.starts_with("拍照和测量要求\nPhoto and measurement request\n"),
        "{text}"
    );
    assert!(text.contains("1. "), "{text}");
}
