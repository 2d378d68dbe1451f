//! Unit tests of the ops: each kind applies, changes what it says, and its
//! inverse restores the project exactly.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::rules::all_go_fixture;

/// The gate fixture (sample order 10 with parcel 12 and photo 13, bulk
/// order 20 with parcel 22 and photos 23, 25, 26; spec rows 3–7, risk 2,
/// route 900), with its id counter past its ids.
pub(super) fn project() -> Project {
    let mut p = all_go_fixture::project();
    p.repair_next_id();
    p.products[0].accepted_sample = Some(OrderId(10));
    p
}

/// Applies `op`, checks the links, undoes it and checks the project is back.
fn round_trip(op: Op) -> (Project, Applied) {
    let start = project();
    let mut p = start.clone();
    let applied = apply(&mut p, op.clone()).unwrap_or_else(|e| panic!("{op:?}: {e}"));
    assert!(applied.changed(), "{op:?} changed nothing");
    assert_eq!(broken_links(&p), vec![], "{op:?}");
    let after = p.clone();
    apply(&mut p, Op::Batch(applied.inverse.clone())).unwrap();
    assert_eq!(p, start, "undoing {op:?}");
    (after, applied)
}

fn parcel(p: &Project, id: u64) -> Parcel {
    p.products[0]
        .orders
        .iter()
        .flat_map(|o| &o.parcels)
        .find(|x| x.id == ParcelId(id))
        .cloned()
        .unwrap()
}

#[test]
fn every_kind_of_op_applies_and_undoes_exactly() {
    let p = project();
    let product = ProductId(1);
    let sample = OrderId(10);
    let row = p.products[0].spec[0].clone();
    let message = p.products[0].orders[0].messages[0].clone();
    let request = p.products[0].orders[0].packing[0].clone();
    let photo = p.products[0].orders[1].photos[0].clone();
    let mark = Mark {
        shape: Shape::Rect {
            x: 0.1,
            y: 0.1,
            w: 0.2,
            h: 0.2,
        },
        label: "scratch".into(),
    };
    let ops = vec![
        Op::SetProjectName("Spring".into()),
        Op::SetWarehouse(Warehouse {
            name: "Yiwu".into(),
            ..Warehouse::default()
        }),
        Op::NewProduct {
            name: "Tote".into(),
        },
        Op::RemoveProduct(product),
        Op::SetProductName(product, "Cup".into()),
        Op::SetListing(
            product,
            Box::new(Listing {
                sku: "A1".into(),
                ..p.products[0].listing.clone()
            }),
        ),
        Op::SetAcceptedSample(product, None),
        Op::NewRisk {
            product,
            kind: RiskKind::Battery,
        },
        Op::RemoveRisk(RiskId(2)),
        Op::SetRisk(Risk {
            note: "glass".into(),
            ..p.products[0].risks[0].clone()
        }),
        Op::NewSpecRow { product },
        Op::RemoveSpecRow(SpecId(3)),
        Op::MoveSpecRow {
            id: SpecId(3),
            to: 4,
        },
        Op::SetSpecRow(SpecItem {
            critical: true,
            ..row
        }),
        Op::NewOrder {
            product,
            kind: OrderKind::Bulk,
        },
        Op::RemoveOrder(sample),
        Op::MoveOrder { id: sample, to: 1 },
        Op::SetOrderFacts(
            sample,
            Box::new(OrderFacts {
                quantity: 3,
                ..OrderFacts::of(&p.products[0].orders[0])
            }),
        ),
        Op::NewParcel { order: sample },
        Op::RemoveParcel(ParcelId(12)),
        Op::SetParcel(Parcel {
            weight_kg: Some(1.2),
            ..parcel(&p, 12)
        }),
        Op::NewMessage { order: sample },
        Op::RemoveMessage(MessageId(11)),
        Op::SetMessage(SellerMessage {
            text: "好的".into(),
            ..message
        }),
        Op::NewPacking { order: sample },
        Op::RemovePacking(PackingId(14)),
        Op::SetPacking(PackingRequest {
            risk: None,
            ..request
        }),
        Op::Observe {
            order: sample,
            spec: SpecId(3),
            value: "navy blue".into(),
            photo: None,
        },
        Op::Judge {
            order: sample,
            spec: SpecId(3),
            judgement: Some(Judgement {
                call: Call::AcceptDeviation,
                value: "navy".into(),
                note: "ok".into(),
                by: "Li".into(),
                at: chrono::DateTime::default(),
            }),
        },
        Op::RemoveObservation {
            order: sample,
            at: 0,
        },
        Op::RemovePhoto(PhotoId(23)),
        Op::SetPhoto(
            PhotoId(23),
            PhotoFacts {
                note: "dent".into(),
                ..PhotoFacts::of(&photo)
            },
        ),
        Op::InsertMark {
            photo: PhotoId(23),
            at: 0,
            mark,
        },
        Op::NewRoute(Box::new(crate::rules::shipping::sea_lcl())),
        Op::RemoveRoute(RouteId(900)),
        Op::SetRoute(Box::new(Route {
            per_kg: 41.0,
            ..p.routes[0].clone()
        })),
        Op::SetRouteDecision {
            order: sample,
            decision: None,
        },
        Op::SetInspection {
            order: OrderId(20),
            inspection: None,
        },
    ];
    for op in ops {
        round_trip(op);
    }
}

#[test]
fn removing_a_parcel_unlinks_its_photos_and_says_so() {
    let (after, applied) = round_trip(Op::RemoveParcel(ParcelId(22)));
    let bulk = &after.products[0].orders[1];
    assert!(bulk.parcels.is_empty());
    assert!(bulk.photos.iter().all(|ph| ph.parcel.is_none()));
    assert_eq!(applied.effects, ["3 photos unlinked from SF20"]);
}

#[test]
fn removing_a_spec_row_drops_its_confirmations_and_observations() {
    let (after, applied) = round_trip(Op::RemoveSpecRow(SpecId(3)));
    for o in &after.products[0].orders {
        assert!(o.messages.iter().all(|m| !m.confirms.contains(&SpecId(3))));
        assert!(o.observations.iter().all(|ob| ob.spec != SpecId(3)));
    }
    assert_eq!(
        applied.effects,
        [
            "2 seller messages no longer confirm \u{201c}Colour\u{201d}",
            "2 observations of \u{201c}Colour\u{201d} removed"
        ]
    );
}

#[test]
fn removing_a_risk_unlinks_the_packing_requests_answering_it() {
    let (after, applied) = round_trip(Op::RemoveRisk(RiskId(2)));
    assert!(
        after.products[0]
            .orders
            .iter()
            .flat_map(|o| &o.packing)
            .all(|r| r.risk.is_none())
    );
    assert_eq!(
        applied.effects,
        ["2 packing requests no longer answer the fragile risk"]
    );
}

#[test]
fn removing_an_order_clears_the_accepted_sample_and_its_signed_decisions() {
    let mut start = project();
    let at = chrono::DateTime::parse_from_rfc3339("2026-03-11T09:00:00+08:00").unwrap();
    let sign = Signature {
        subject: Subject::Ship(OrderId(10)),
        signed: Verdict::NoGo,
        reviewer: "Li".into(),
        reason: "checking".into(),
        at,
    };
    apply(&mut start, Op::Sign(Box::new(sign))).unwrap();
    let mut p = start.clone();
    let applied = apply(&mut p, Op::RemoveOrder(OrderId(10))).unwrap();
    assert_eq!(p.products[0].accepted_sample, None);
    assert!(p.decisions.is_empty());
    assert_eq!(broken_links(&p), vec![]);
    assert!(
        applied
            .effects
            .iter()
            .any(|e| e.contains("no accepted sample")),
        "{:?}",
        applied.effects
    );
    assert!(
        applied
            .effects
            .iter()
            .any(|e| e == "1 signed decision removed from the log")
    );
    apply(&mut p, Op::Batch(applied.inverse)).unwrap();
    assert_eq!(p, start);
}

#[test]
fn turning_the_accepted_sample_into_a_bulk_order_withdraws_the_acceptance() {
    let p = project();
    let facts = OrderFacts {
        kind: OrderKind::Bulk,
        ..OrderFacts::of(&p.products[0].orders[0])
    };
    let (after, applied) = round_trip(Op::SetOrderFacts(OrderId(10), Box::new(facts)));
    assert_eq!(after.products[0].accepted_sample, None);
    assert_eq!(
        applied.effects,
        ["the order is no longer the accepted sample"]
    );
}

#[test]
fn removing_a_route_unchooses_it_and_removing_a_photo_keeps_messages_whole() {
    let (after, applied) = round_trip(Op::RemoveRoute(RouteId(900)));
    assert!(
        after.products[0]
            .orders
            .iter()
            .all(|o| o.route.as_ref().unwrap().route.is_none())
    );
    assert_eq!(applied.effects, ["2 orders no longer have a route chosen"]);

    let mut p = project();
    let mut m = p.products[0].orders[1].messages[0].clone();
    m.screenshot = Some(PhotoId(23));
    apply(&mut p, Op::SetMessage(m)).unwrap();
    let applied = apply(&mut p, Op::RemovePhoto(PhotoId(23))).unwrap();
    assert_eq!(p.products[0].orders[1].messages[0].screenshot, None);
    assert_eq!(
        applied.effects,
        ["1 seller message no longer has a chat screenshot"]
    );
    assert_eq!(broken_links(&p), vec![]);
}

#[test]
fn an_op_that_would_break_a_link_is_refused_and_changes_nothing() {
    let start = project();
    let photo = &start.products[0].orders[1].photos[0];
    let mut message = start.products[0].orders[0].messages[0].clone();
    message.confirms.push(SpecId(99));
    let refused = [
        Op::SetPhoto(
            photo.id,
            PhotoFacts {
                parcel: Some(ParcelId(12)),
                ..PhotoFacts::of(photo)
            },
        ),
        Op::SetMessage(message),
        Op::SetAcceptedSample(ProductId(1), Some(OrderId(20))),
        Op::InsertParcel {
            order: OrderId(10),
            at: 0,
            parcel: Parcel {
                id: ParcelId(13),
                ..Parcel::default()
            },
        },
        Op::SetRouteDecision {
            order: OrderId(10),
            decision: Some(RouteDecision {
                route: Some(RouteId(1)),
                ..RouteDecision::default()
            }),
        },
        Op::RemoveParcel(ParcelId(99)),
        Op::MoveSpecRow {
            id: SpecId(3),
            to: 5,
        },
        // The first op applies, the second is refused: neither stays.
        Op::Batch(vec![
            Op::SetProjectName("x".into()),
            Op::RemoveMessage(MessageId(99)),
        ]),
    ];
    for op in refused {
        let mut p = start.clone();
        assert!(apply(&mut p, op.clone()).is_err(), "{op:?}");
        assert_eq!(p, start, "{op:?} left a change");
    }
}

#[test]
fn an_op_that_changes_nothing_has_no_inverse() {
    let mut p = project();
    let same = parcel(&p, 12);
    assert!(!apply(&mut p, Op::SetParcel(same)).unwrap().changed());
    assert!(
        !apply(&mut p, Op::SetProjectName("fixture".into()))
            .unwrap()
            .changed()
    );
    assert!(
        !apply(
            &mut p,
            Op::MoveSpecRow {
                id: SpecId(3),
                to: 0
            }
        )
        .unwrap()
        .changed()
    );
}

#[test]
fn ids_never_wrap() {
    let mut p = project();
    p.next_id = u64::MAX;
    let before = p.clone();
    assert_eq!(
        apply(&mut p, Op::NewParcel { order: OrderId(10) }),
        Err(OpError::OutOfIds)
    );
    assert_eq!(p, before);
}

#[test]
fn new_objects_get_fresh_ids_and_inserted_ones_move_the_counter_past_theirs() {
    let mut p = project();
    let applied = apply(&mut p, Op::NewParcel { order: OrderId(10) }).unwrap();
    let id = applied.created.unwrap();
    assert_eq!(p.all_ids().filter(|i| *i == id).count(), 1);
    let far = Parcel {
        id: ParcelId(5000),
        ..Parcel::default()
    };
    apply(
        &mut p,
        Op::InsertParcel {
            order: OrderId(10),
            at: 0,
            parcel: far,
        },
    )
    .unwrap();
    assert_eq!(p.next_id, 5001);
    let again = apply(&mut p, Op::NewMessage { order: OrderId(10) }).unwrap();
    assert_eq!(again.created, Some(5001));
}

#[test]
fn a_preview_names_what_a_removal_takes_without_changing_anything() {
    let p = project();
    let effects = preview(&p, &Op::RemoveParcel(ParcelId(22))).unwrap();
    assert_eq!(effects, ["3 photos unlinked from SF20"]);
    assert_eq!(p, project());
}

#[test]
fn photos_imported_into_an_order_with_one_parcel_are_linked_to_it() {
    let mut p = project();
    let new = |hash: &str| NewPhoto {
        file: StoredFile {
            hash: hash.into(),
            ..StoredFile::default()
        },
        width: 4,
        height: 3,
        taken: None,
        tags: vec![],
        codes: vec![],
    };
    let add = |order| Op::AddPhotos {
        order,
        parcel: None,
        photos: vec![new("aa")],
    };
    apply(&mut p, add(OrderId(10))).unwrap();
    let sample = &p.products[0].orders[0];
    assert_eq!(sample.photos.last().unwrap().parcel, Some(ParcelId(12)));
    apply(&mut p, Op::NewParcel { order: OrderId(20) }).unwrap();
    apply(&mut p, add(OrderId(20))).unwrap();
    let bulk = &p.products[0].orders[1];
    assert_eq!(
        bulk.photos.last().unwrap().parcel,
        None,
        "two parcels: the buyer links it"
    );
    assert_eq!(broken_links(&p), vec![]);
}
