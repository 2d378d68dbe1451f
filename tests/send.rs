//! What the buyer sends, for the demo: the supplier brief in Chinese,
//! English and both, and the warehouse's photo request, against snapshots
//! (`UPDATE_SNAPSHOTS=1` rewrites them after a deliberate change), and how
//! the brief and the request are made: measured values, accepted deviations,
//! one language or both, the photos asked of the warehouse.

#![allow(clippy::unwrap_used)]

use bulkready::model::{Observation, OrderId, Photo, Project, RiskKind, Source, Tag};
use bulkready::report::brief::{ProductBrief, brief_text, product_brief};
use bulkready::report::request::{OrderRequest, order_request, request_text};
use bulkready::report::{self, Lang, Scope, Text, summarise};
use chrono::{NaiveDate, NaiveDateTime};
use std::path::Path;

fn demo() -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    let path = bulkready::app::demo::write(dir.path()).unwrap();
    let project = bulkready::store::load(&path).unwrap();
    (dir, project)
}

fn brief_of(project: &Project, i: usize) -> ProductBrief {
    let s = summarise(project, Scope::Project, now()).unwrap();
    product_brief(&s.products[i])
}

fn request_of(project: &Project, product: usize, order: usize) -> OrderRequest {
    let s = summarise(project, Scope::Project, now()).unwrap();
    let p = &s.products[product];
    order_request(p, &p.orders[order])
}

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap()
}

fn snapshot(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("no {name}: run with UPDATE_SNAPSHOTS=1 to write it"));
    assert!(
        got == want,
        "{name} differs (UPDATE_SNAPSHOTS=1 rewrites it):\n{got}"
    );
}

#[test]
fn the_demo_brief_and_request_match_their_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let path = bulkready::app::demo::write(dir.path()).unwrap();
    let project = bulkready::store::load(&path).unwrap();
    for lang in Lang::ALL {
        let brief = report::text(&project, Scope::Project, Text::Brief, lang, now()).unwrap();
        snapshot(&format!("demo-brief-{}.txt", lang.code()), &brief);
        assert_eq!(
            report::supplier_brief(&project, Scope::Project, now(), lang).unwrap(),
            brief,
            "the window's clipboard text is the export's"
        );
    }
    let request = report::text(&project, Scope::Project, Text::Request, Lang::Both, now()).unwrap();
    snapshot("demo-request-both.txt", &request);
    assert_eq!(
        report::warehouse_request(&project, Scope::Project, now(), Lang::Both).unwrap(),
        request
    );
    // Both languages: every numbered Chinese line has its English under it.
    let both = report::text(&project, Scope::Project, Text::Brief, Lang::Both, now()).unwrap();
    let lines: Vec<&str> = both.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.split_once(". ")
            .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        {
            let next = lines[i + 1];
            assert!(next.starts_with("   "), "{l} / {next}");
            assert!(next.trim_start().starts_with(char::is_alphabetic), "{next}");
        }
    }
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
        judgement: None,
        colour: None,
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
        report::supplier_brief(&project, Scope::Project, now(), Lang::Zh).unwrap(),
        zh
    );
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

/// The demo's mug with its bulk's colour observed as "dusty blue" and the
/// buyer's call on it (if any).
fn mug_bulk_dusty_blue(call: Option<bulkready::model::Call>) -> Project {
    let (_dir, mut project) = demo();
    let mug = &mut project.products[0];
    let colour = mug
        .spec
        .iter()
        .find(|s| s.name.starts_with("Colour"))
        .unwrap()
        .id;
    let bulk = mug
        .orders
        .iter_mut()
        .find(|o| o.kind == bulkready::model::OrderKind::Bulk)
        .unwrap();
    let seen = bulk
        .observations
        .iter_mut()
        .find(|o| o.spec == colour)
        .unwrap();
    seen.value = "dusty blue".into();
    seen.judgement = call.map(|call| bulkready::model::Judgement {
        call,
        value: "dusty blue".into(),
        note: "same dye lot, photo light".into(),
        by: "Li".into(),
        at: chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00+08:00").unwrap(),
    });
    project
}

fn mentions_dusty_blue(lines: &[bulkready::report::lang::Said]) -> bool {
    lines
        .iter()
        .any(|s| s.en.contains("dusty blue") || s.zh.contains("dusty blue"))
}

#[test]
fn a_deviation_the_buyer_accepted_is_never_sent_as_a_fault() {
    use bulkready::model::Call;
    let plain = brief_of(&mug_bulk_dusty_blue(None), 0);
    assert!(mentions_dusty_blue(&plain.correct), "{:?}", plain.correct);
    let accepted = brief_of(&mug_bulk_dusty_blue(Some(Call::AcceptDeviation)), 0);
    assert!(
        !mentions_dusty_blue(&accepted.correct),
        "{:?}",
        accepted.correct
    );
    assert!(
        mentions_dusty_blue(&accepted.accepted),
        "{:?}",
        accepted.accepted
    );
    let matches = brief_of(&mug_bulk_dusty_blue(Some(Call::Matches)), 0);
    assert!(
        !mentions_dusty_blue(&matches.correct),
        "{:?}",
        matches.correct
    );
    assert!(
        !mentions_dusty_blue(&matches.accepted),
        "{:?}",
        matches.accepted
    );
}
