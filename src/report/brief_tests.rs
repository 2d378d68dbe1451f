#![allow(clippy::unwrap_used)]

use super::*;
use crate::model::{Observation, OrderId, Source};
use crate::report::summary::summarise;

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

fn brief_of(project: &Project, i: usize) -> ProductBrief {
    let s = summarise(project, Scope::Project, now()).unwrap();
    product_brief(&s.products[i])
}

#[test]
fn deviations_are_full_chinese_sentences_with_the_english_beside() {
    let (_dir, project) = demo();
    let tiles = brief_of(&project, 1);
    let colour = tiles
        .correct
        .iter()
        .find(|s| s.zh.starts_with("颜色："))
        .unwrap();
    assert!(colour.zh.contains("我们要求"), "{}", colour.zh);
    assert!(colour.zh.contains("请改正"), "{}", colour.zh);
    assert!(
        colour.en.starts_with("Colour 颜色: we need"),
        "{}",
        colour.en
    );
    let text = brief_text(
        &summarise(&project, Scope::Project, now()).unwrap(),
        Lang::Both,
    );
    assert!(text.contains("需要改正 / To correct"), "{text}");
    assert!(
        text.contains("请书面确认 / Please confirm in writing"),
        "{text}"
    );
    assert!(text.contains("请确认起订量。"), "{text}");
    assert!(
        text.contains("Please confirm the minimum order quantity"),
        "{text}"
    );
}

#[test]
fn measured_values_are_given_with_the_difference_in_chinese() {
    let (_dir, mut project) = demo();
    let mug = &mut project.products[0];
    let height = mug
        .spec
        .iter()
        .find(|s| s.name.starts_with("Height"))
        .unwrap()
        .id;
    let sample: OrderId = mug.orders[0].id;
    mug.accepted_sample = None;
    mug.orders[0].observations.push(Observation {
        spec: height,
        value: "9.9 cm".into(),
        source: Source::Measurement,
        photo: None,
        note: String::new(),
    });
    let b = brief_of(&project, 0);
    let line = b.correct.iter().find(|s| s.zh.starts_with("尺寸")).unwrap();
    assert!(line.zh.contains("样品（订单号"), "{}", line.zh);
    assert!(
        line.zh.contains("实际是\u{201c}9.9 cm\u{201d}"),
        "{}",
        line.zh
    );
    assert!(
        line.zh.contains("相差 +0.4 cm，允许误差 \u{b1}0.3 cm"),
        "{}",
        line.zh
    );
    assert!(
        line.en.contains("is \u{201c}9.9 cm\u{201d} (+0.4 cm"),
        "{}",
        line.en
    );
    assert!(
        b.photos.iter().any(|p| p.zh.contains("请发一张改正后尺寸")),
        "{:?}",
        b.photos
    );
    // Accepting the sample accepts how it differs: listed, not to correct.
    project.products[0].accepted_sample = Some(sample);
    let b = brief_of(&project, 0);
    assert!(
        !b.correct.iter().any(|s| s.zh.starts_with("尺寸")),
        "{:?}",
        b.correct
    );
    let acc = b
        .accepted
        .iter()
        .find(|s| s.zh.starts_with("尺寸"))
        .unwrap();
    assert!(acc.zh.contains("我们已经接受"), "{}", acc.zh);
    assert!(acc.en.contains("we accept this"), "{}", acc.en);
}

#[test]
fn each_language_alone_has_no_line_of_the_other() {
    let (_dir, project) = demo();
    let s = summarise(&project, Scope::Project, now()).unwrap();
    let en = brief_text(&s, Lang::En);
    assert!(en.contains("Please correct it"), "{en}");
    assert!(!en.contains("请改正"), "{en}");
    let zh = brief_text(&s, Lang::Zh);
    assert!(zh.contains("请改正"), "{zh}");
    assert!(!zh.contains("Please"), "{zh}");
    let both = brief_text(&s, Lang::Both);
    assert!(both.contains("请改正") && both.contains("Please correct it"));
    assert_eq!(
        supplier_brief(&project, Scope::Project, now(), Lang::Zh).unwrap(),
        zh
    );
}
