//! Project files round-trip: generated projects (property test) and the demo.

#![allow(clippy::unwrap_used)]

use bulkready::model::*;
use bulkready::store;
use chrono::NaiveDate;
use proptest::prelude::*;
use std::path::Path;

fn text() -> impl Strategy<Value = String> {
    // ASCII, quotes, escapes, new lines, CJK, full-width, emoji.
    "[a-zA-Z0-9 \"\\\\\n\t,()\\[\\]:#/颜色材质包装配件样品大货０-９Ａ-Ｚ　😀]{0,24}"
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        -1e6f64..1e6,
        (0u32..100000).prop_map(|n| f64::from(n) / 100.0)
    ]
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of((2000i32..2100, 1u32..13, 1u32..29))
        .prop_map(|d| d.and_then(|(y, m, day)| NaiveDate::from_ymd_opt(y, m, day)))
}

fn check() -> impl Strategy<Value = Check> {
    prop_oneof![Just(Check::Unchecked), Just(Check::Pass), Just(Check::Fail)]
}

fn photo() -> impl Strategy<Value = Photo> {
    (
        (
            any::<u64>(),
            "[0-9a-f]{32}\\.(jpg|png)",
            text(),
            0u32..9000,
            0u32..9000,
        ),
        (
            date(),
            proptest::option::of(any::<u64>()),
            proptest::sample::subsequence(Tag::ALL.to_vec(), 0..4),
        ),
        (check(), check(), check(), check(), text()),
        proptest::collection::vec(((0f32..1.0, 0f32..1.0, 0f32..1.0), text()), 0..3),
        proptest::collection::vec(code(), 0..3),
    )
        .prop_map(
            |((id, path, name, w, h), (taken, parcel, tags), (m, q, a, d, note), marks, codes)| {
                Photo {
                    id: PhotoId(id),
                    file: StoredFile {
                        hash: path[..32].into(),
                        path,
                        original_name: name,
                    },
                    width: w,
                    height: h,
                    taken: taken.and_then(|d| d.and_hms_opt(12, 30, 5)),
                    parcel: parcel.map(ParcelId),
                    tags,
                    checks: Checks {
                        model: m,
                        quantity: q,
                        accessories: a,
                        damage: d,
                    },
                    note,
                    marks: marks
                        .into_iter()
                        .enumerate()
                        .map(|(i, ((x, y, w), label))| Mark {
                            shape: match i % 3 {
                                0 => Shape::Rect { x, y, w, h: w },
                                1 => Shape::Ellipse { x, y, w, h: y },
                                _ => Shape::Arrow {
                                    x1: x,
                                    y1: y,
                                    x2: w,
                                    y2: x,
                                },
                            },
                            label,
                        })
                        .collect(),
                    codes,
                }
            },
        )
}

/// A code read on a photo: as found, corrected or dismissed.
fn code() -> impl Strategy<Value = PhotoCode> {
    (
        text(),
        0usize..5,
        (0f32..4000.0, 0f32..3000.0),
        0u8..3,
        text(),
        date(),
    )
        .prop_map(|(text, kind, (x, y), state, by, on)| {
            let on = on.and_then(|d| d.and_hms_opt(9, 15, 0)).unwrap_or_default();
            PhotoCode {
                text: text.clone(),
                symbology: Symbology::ALL[kind],
                corners: [[x, y], [x + 10.0, y], [x + 10.0, y + 4.0], [x, y + 4.0]],
                state: match state {
                    0 => CodeState::Found,
                    1 => CodeState::Corrected { text, by, on },
                    _ => CodeState::Dismissed { by, on },
                },
            }
        })
}

fn expected() -> impl Strategy<Value = Expected> {
    prop_oneof![
        text().prop_map(Expected::Text),
        (
            number(),
            proptest::sample::select(Unit::ALL.to_vec()),
            number(),
            any::<bool>()
        )
            .prop_map(|(value, unit, t, pct)| Expected::Number {
                value,
                unit,
                tolerance: if pct {
                    Tolerance::Percent(t)
                } else {
                    Tolerance::Absolute(t)
                },
            }),
        any::<u32>().prop_map(Expected::Count),
        any::<bool>().prop_map(Expected::YesNo),
        "[0-9]{12,13}".prop_map(Expected::Barcode),
    ]
}

fn order() -> impl Strategy<Value = Order> {
    (
        (
            any::<u64>(),
            any::<bool>(),
            text(),
            text(),
            any::<u32>(),
            date(),
        ),
        proptest::collection::vec(photo(), 0..4),
        proptest::collection::vec(
            (any::<u64>(), text(), date(), proptest::option::of(number())),
            0..3,
        ),
        proptest::collection::vec(
            (
                any::<u64>(),
                text(),
                proptest::collection::vec(any::<u64>(), 0..3),
                proptest::sample::subsequence(Term::ALL.to_vec(), 0..3),
            ),
            0..3,
        ),
        proptest::option::of((
            proptest::option::of(any::<u64>().prop_map(RouteId)),
            number(),
            0u32..50,
        )),
        proptest::option::of((0u32..100000, number(), 0u32..5)),
    )
        .prop_map(
            |(
                (id, bulk, number, seller, quantity, ordered),
                photos,
                parcels,
                messages,
                route,
                inspection,
            )| Order {
                id: OrderId(id),
                kind: if bulk {
                    OrderKind::Bulk
                } else {
                    OrderKind::Sample
                },
                number,
                seller,
                quantity,
                ordered_on: ordered,
                photos,
                parcels: parcels
                    .into_iter()
                    .map(|(id, tracking, arrived_on, weight_kg)| Parcel {
                        id: ParcelId(id),
                        tracking,
                        carrier: "顺丰".into(),
                        arrived_on,
                        weight_kg,
                    })
                    .collect(),
                messages: messages
                    .into_iter()
                    .map(|(id, text, confirms, terms)| SellerMessage {
                        id: MessageId(id),
                        text,
                        confirms: confirms.into_iter().map(SpecId).collect(),
                        terms,
                        ..SellerMessage::default()
                    })
                    .collect(),
                route: route.map(|(route, kg, count)| RouteDecision {
                    route,
                    cartons: vec![Carton {
                        length_cm: kg,
                        width_cm: 1.5,
                        height_cm: 2.0,
                        gross_kg: kg,
                        count,
                    }],
                    ..RouteDecision::default()
                }),
                inspection: inspection.map(|(lot, aql, found)| Inspection {
                    lot_size: lot,
                    aql_major: aql,
                    major_found: found,
                    ..Inspection::default()
                }),
                ..Order::default()
            },
        )
}

fn project() -> impl Strategy<Value = Project> {
    let product = (
        (
            any::<u64>(),
            text(),
            text(),
            text(),
            proptest::option::of(number()),
            proptest::option::of(any::<u32>()),
        ),
        proptest::collection::vec((any::<u64>(), text(), expected(), any::<bool>()), 0..4),
        proptest::collection::vec(order(), 0..3),
    )
        .prop_map(
            |((id, name, url, title, price, moq), spec, orders)| Product {
                id: ProductId(id),
                name,
                listing: Listing {
                    url,
                    title,
                    unit_price: price,
                    moq,
                    ..Listing::default()
                },
                risks: vec![Risk {
                    id: RiskId(id ^ 1),
                    kind: RiskKind::Battery,
                    note: String::new(),
                }],
                spec: spec
                    .into_iter()
                    .map(|(id, name, expected, critical)| SpecItem {
                        id: SpecId(id),
                        name,
                        expected,
                        critical,
                    })
                    .collect(),
                orders,
                accepted_sample: None,
            },
        );
    (text(), proptest::collection::vec(product, 0..3)).prop_map(|(name, products)| {
        let mut p = Project::new(name);
        p.products = products;
        p.repair_next_id();
        p
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn generated_projects_round_trip(p in project()) {
        let text = store::to_ron(&p);
        let back = store::from_ron(&text, Path::new("gen.ron")).unwrap();
        prop_assert_eq!(&back, &p);
        prop_assert_eq!(store::to_ron(&back), text);
    }
}

#[test]
fn demo_load_save_load_is_equal_and_saves_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = bulkready::app::demo::write(dir.path()).unwrap();
    let first = store::load(&path).unwrap();
    store::save(&path, &first).unwrap();
    let bytes1 = std::fs::read(&path).unwrap();
    let second = store::load(&path).unwrap();
    assert_eq!(first, second);
    store::save(&path, &second).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes1);
}

/// Adds `k` to every id in a product (its links are not the point here).
fn shift_ids(p: &mut Product, k: u64) {
    p.id.0 += k;
    p.risks.iter_mut().for_each(|r| r.id.0 += k);
    p.spec.iter_mut().for_each(|s| s.id.0 += k);
    for o in &mut p.orders {
        o.id.0 += k;
        o.messages.iter_mut().for_each(|m| m.id.0 += k);
        o.parcels.iter_mut().for_each(|x| x.id.0 += k);
        o.photos.iter_mut().for_each(|x| x.id.0 += k);
        o.packing.iter_mut().for_each(|x| x.id.0 += k);
    }
}

/// Large files are parsed on several threads; the result must be the same.
#[test]
fn a_large_project_parses_the_same_in_parallel() {
    let dir = tempfile::tempdir().unwrap();
    let path = bulkready::app::demo::write(dir.path()).unwrap();
    let demo = store::load(&path).unwrap();
    let mut big = demo.clone();
    let mut round = 0;
    while store::to_ron(&big).len() < 2 * 1024 * 1024 {
        round += 1;
        // Copies get ids of their own: a file using an id twice is refused.
        let mut copy = demo.products.clone();
        copy.iter_mut()
            .for_each(|p| shift_ids(p, round * 1_000_000));
        big.products.append(&mut copy);
    }
    big.repair_next_id();
    let text = store::to_ron(&big);
    assert_eq!(store::from_ron(&text, Path::new("big.ron")).unwrap(), big);
    // An error in the middle of a big file still gets its exact line.
    let half = text.len() / 2;
    let cut = half
        + text.as_bytes()[half..]
            .iter()
            .position(|&b| b == b'\n')
            .unwrap()
        + 1;
    let line = text[..cut].lines().count() + 1;
    let broken = format!("{}@@{}", &text[..cut], &text[cut..]);
    match store::from_ron(&broken, Path::new("big.ron")) {
        Err(store::StoreError::Syntax { line: l, .. }) => assert_eq!(l, line),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}
