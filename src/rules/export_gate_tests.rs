//! Unit tests of `rules::export_gate`.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::model::*;
use crate::rules::all_go_fixture::{BULK, SAMPLE, at, now, project};
use crate::rules::{Severity, evaluate};

fn gate(p: &Project, idx: usize, now: NaiveDateTime) -> ExportGate {
    let product = &p.products[0];
    export_gate(p, product, &product.orders[idx], now)
}

#[test]
fn the_fixture_orders_are_go_with_every_line_ticked() {
    let p = project();
    let g = gate(&p, SAMPLE, now());
    assert_eq!(g.verdict, Verdict::Go, "{:#?}", g.reasons);
    assert!(g.reasons.is_empty());
    assert_eq!(g.checklist.len(), 6);
    assert!(g.checklist.iter().all(|i| i.ticked));
    let g = gate(&p, BULK, now());
    assert_eq!(g.verdict, Verdict::Go, "{:#?}", g.reasons);
    assert_eq!(g.checklist.len(), 8);
    assert!(g.checklist.iter().all(|i| i.ticked));
}

type Case = (
    &'static str,
    usize,
    fn(&mut Project),
    Verdict,
    Point,
    &'static str,
);

fn o(p: &mut Project, idx: usize) -> &mut Order {
    &mut p.products[0].orders[idx]
}

#[test]
fn each_broken_piece_unticks_its_line() {
    let cases: [Case; 24] = [
        (
            "no url",
            SAMPLE,
            |p| p.products[0].listing.url.clear(),
            Verdict::NotReady,
            Point::ListingSaved,
            "The listing URL is not saved.",
        ),
        (
            "bad url",
            SAMPLE,
            |p| p.products[0].listing.url = "detail.1688.com/offer/1".into(),
            Verdict::NotReady,
            Point::ListingSaved,
            "is not an http(s) address",
        ),
        (
            "ftp url",
            SAMPLE,
            |p| p.products[0].listing.url = "ftp://x.cn/a".into(),
            Verdict::NotReady,
            Point::ListingSaved,
            "http(s)",
        ),
        (
            "no variant",
            SAMPLE,
            |p| p.products[0].listing.variant = " ".into(),
            Verdict::NotReady,
            Point::ListingSaved,
            "selected variant",
        ),
        (
            "variant differs",
            SAMPLE,
            |p| o(p, SAMPLE).variant = "Red 350ml".into(),
            Verdict::Go,
            Point::ListingSaved,
            "differs from the listing",
        ),
        (
            "variant unrecorded",
            SAMPLE,
            |p| o(p, SAMPLE).variant.clear(),
            Verdict::Go,
            Point::ListingSaved,
            "not recorded",
        ),
        (
            "no confirmation",
            SAMPLE,
            |p| o(p, SAMPLE).messages[0] = SellerMessage::default(),
            Verdict::NotReady,
            Point::SellerConfirmation,
            "No seller message",
        ),
        (
            "not arrived",
            SAMPLE,
            |p| o(p, SAMPLE).parcels[0].arrived_on = None,
            Verdict::NotReady,
            Point::TrackingMatched,
            "Parcel SF10 has not arrived",
        ),
        (
            "no tracking",
            SAMPLE,
            |p| o(p, SAMPLE).parcels[0].tracking.clear(),
            Verdict::NotReady,
            Point::TrackingMatched,
            "no tracking number",
        ),
        (
            "no parcels",
            SAMPLE,
            |p| o(p, SAMPLE).parcels.clear(),
            Verdict::NotReady,
            Point::TrackingMatched,
            "No domestic tracking number",
        ),
        (
            "photo unlinked",
            SAMPLE,
            |p| o(p, SAMPLE).photos[0].parcel = None,
            Verdict::NotReady,
            Point::TrackingMatched,
            "IMG_13.jpg is not linked",
        ),
        (
            "photo linked elsewhere",
            SAMPLE,
            |p| o(p, SAMPLE).photos[0].parcel = Some(ParcelId(22)),
            Verdict::NotReady,
            Point::TrackingMatched,
            "not linked",
        ),
        (
            "damage fails",
            SAMPLE,
            |p| o(p, SAMPLE).photos[0].checks.damage = Check::Fail,
            Verdict::NoGo,
            Point::PhotosChecked,
            "fails the damage check",
        ),
        (
            "model unchecked",
            SAMPLE,
            |p| o(p, SAMPLE).photos[0].checks.model = Check::Unchecked,
            Verdict::NotReady,
            Point::PhotosChecked,
            "not checked for model",
        ),
        (
            "no photos",
            SAMPLE,
            |p| o(p, SAMPLE).photos.clear(),
            Verdict::NotReady,
            Point::PhotosChecked,
            "no warehouse photos",
        ),
        (
            "no route",
            SAMPLE,
            |p| o(p, SAMPLE).route = None,
            Verdict::NotReady,
            Point::RouteReviewed,
            "No shipping route",
        ),
        (
            "unknown route",
            SAMPLE,
            |p| o(p, SAMPLE).route.as_mut().unwrap().route = Some(RouteId(999)),
            Verdict::NotReady,
            Point::RouteReviewed,
            "not among the project's routes",
        ),
        (
            "no cartons",
            SAMPLE,
            |p| o(p, SAMPLE).route.as_mut().unwrap().cartons.clear(),
            Verdict::NotReady,
            Point::RouteReviewed,
            "No cartons",
        ),
        (
            "bad carton",
            SAMPLE,
            |p| o(p, SAMPLE).route.as_mut().unwrap().cartons[0].count = 0,
            Verdict::NotReady,
            Point::RouteReviewed,
            "carton 1: the count is 0",
        ),
        (
            "no packing",
            SAMPLE,
            |p| o(p, SAMPLE).packing.clear(),
            Verdict::NotReady,
            Point::Packing,
            "fragile risk",
        ),
        (
            "no carton label",
            BULK,
            |p| o(p, BULK).photos.retain(|ph| !ph.has_tag(Tag::CartonLabel)),
            Verdict::NotReady,
            Point::CartonPhotos,
            "no carton label photo",
        ),
        (
            "no inspection",
            BULK,
            |p| o(p, BULK).inspection = None,
            Verdict::NotReady,
            Point::Inspection,
            "no inspection record",
        ),
        (
            "major over Ac",
            BULK,
            |p| o(p, BULK).inspection.as_mut().unwrap().major_found = 11,
            Verdict::NoGo,
            Point::Inspection,
            "11 major defective units in 200 inspected (accept at most 10)",
        ),
        (
            "critical found",
            BULK,
            |p| o(p, BULK).inspection.as_mut().unwrap().critical_found = 1,
            Verdict::NoGo,
            Point::Inspection,
            "any critical defect rejects",
        ),
    ];
    for (name, idx, break_it, verdict, point, text) in cases {
        let mut p = project();
        break_it(&mut p);
        let g = gate(&p, idx, now());
        assert_eq!(g.verdict, verdict, "{name}: {:#?}", g.reasons);
        let item = g.checklist.iter().find(|i| i.point == point).unwrap();
        assert_eq!(item.ticked, verdict == Verdict::Go, "{name}");
        assert_eq!(item.state, verdict, "{name}");
        assert!(
            item.reasons
                .iter()
                .any(|&i| g.reasons[i].message.contains(text)),
            "{name}: {:#?}",
            g.reasons
        );
        let others_ticked = g
            .checklist
            .iter()
            .filter(|i| i.point != point)
            .all(|i| i.ticked);
        let related = matches!(name, "no parcels");
        assert!(others_ticked || related, "{name}: {:#?}", g.checklist);
    }
}

#[test]
fn screenshots_and_bad_inspections() {
    let mut p = project();
    let mut shot = o(&mut p, SAMPLE).photos[0].clone();
    shot.id = PhotoId(90);
    shot.parcel = None;
    shot.checks = Checks::default();
    shot.tags = vec![Tag::ChatScreenshot];
    o(&mut p, SAMPLE).photos.push(shot);
    assert_eq!(
        gate(&p, SAMPLE, now()).verdict,
        Verdict::Go,
        "chat screenshots need no parcel or checks"
    );

    let mut p = project();
    o(&mut p, BULK).inspection.as_mut().unwrap().lot_size = 0;
    let g = gate(&p, BULK, now());
    assert_eq!(g.verdict, Verdict::NotReady);
    assert!(
        g.reasons[0].message.contains("lot size is 0"),
        "{:?}",
        g.reasons
    );

    let mut p = project();
    o(&mut p, SAMPLE).packing.push(PackingRequest {
        id: PackingId(91),
        text: "tape".into(),
        risk: None,
    });
    let g = gate(&p, SAMPLE, now());
    assert_eq!((g.verdict, g.reasons.len()), (Verdict::Go, 1));
    assert_eq!(g.reasons[0].severity, Severity::Warns);
}

#[test]
fn return_window_warning_only_when_closing_and_not_go() {
    // Arrived on the 1st: the 120 h window closes on the 6th at 00:00.
    let mut broken = project();
    o(&mut broken, SAMPLE).photos[0].checks.model = Check::Unchecked;
    let cases = [
        (&broken, at(5, 6), true),
        (&broken, at(4, 0), false),
        (&broken, at(6, 1), false),
    ];
    for (p, t, warned) in cases {
        let g = gate(p, SAMPLE, t);
        let has = g
            .reasons
            .iter()
            .any(|r| r.message.contains("return window closes"));
        assert_eq!(has, warned, "{t}: {:#?}", g.reasons);
    }
    let g = gate(&broken, SAMPLE, at(5, 6));
    assert!(
        g.reasons
            .iter()
            .any(|r| r.message.contains("closes in 18 h")),
        "{:#?}",
        g.reasons
    );
    let ok = project();
    let g = gate(&ok, SAMPLE, at(5, 6));
    assert!(g.reasons.is_empty(), "a go order is not nagged");
    assert_eq!(g.deadlines.return_minutes_left, Some(18 * 60));
}

#[test]
fn http_urls() {
    let cases = [
        ("https://detail.1688.com/offer/1.html", true),
        ("HTTP://item.taobao.com/item.htm?id=1", true),
        ("  https://a.cn  ", true),
        ("https://", false),
        ("https:///path", false),
        ("https://a .cn", false),
        ("ftp://a.cn", false),
        ("detail.1688.com", false),
        ("", false),
    ];
    for (url, want) in cases {
        assert_eq!(is_http_url(url), want, "{url}");
    }
}

#[test]
fn evaluate_runs_every_gate_and_serializes_kebab_verdicts() {
    let p = project();
    let v = evaluate(&p, now());
    assert_eq!((v.products.len(), v.orders.len()), (1, 2));
    assert!(v.all_go());
    let json = serde_json::to_string(&v).unwrap();
    assert!(json.contains(r#""verdict":"go""#), "{json}");

    let mut p = project();
    o(&mut p, BULK).inspection.as_mut().unwrap().major_found = 30;
    o(&mut p, SAMPLE).route = None;
    let v = evaluate(&p, now());
    assert!(!v.all_go());
    assert_eq!(v.products[0].verdict, Verdict::Go);
    assert_eq!(v.orders[0].verdict, Verdict::NotReady);
    assert_eq!(v.orders[1].verdict, Verdict::NoGo);
    let json = serde_json::to_string(&v).unwrap();
    assert!(
        json.contains(r#""verdict":"no-go""#) && json.contains(r#""verdict":"not-ready""#),
        "{json}"
    );
    assert!(json.contains(r#""point":"route-reviewed""#), "{json}");
}

#[test]
fn many_photos_with_the_same_gap_make_one_reason_that_opens_them() {
    let mut p = project();
    for photo in &mut o(&mut p, BULK).photos {
        photo.parcel = None;
        photo.checks.damage = Check::Unchecked;
    }
    let g = gate(&p, BULK, now());
    let messages: Vec<&str> = g.reasons.iter().map(|r| r.message.as_str()).collect();
    let bulk = p.products[0].orders[BULK].id;
    let linked: Vec<_> = g
        .reasons
        .iter()
        .filter(|r| r.message.contains("not linked"))
        .collect();
    assert_eq!(linked.len(), 1, "{messages:?}");
    assert_eq!(
        linked[0].message,
        "3 photos are not linked to a tracking number of this order."
    );
    assert_eq!(linked[0].target, Target::PhotosNotLinked(bulk));
    let checked: Vec<_> = g
        .reasons
        .iter()
        .filter(|r| r.message.contains("checked"))
        .collect();
    assert_eq!(checked.len(), 1, "{messages:?}");
    assert_eq!(checked[0].target, Target::PhotosUnchecked(bulk));

    // One photo keeps its own sentence and link.
    let mut p = project();
    o(&mut p, BULK).photos[0].parcel = None;
    let g = gate(&p, BULK, now());
    let one: Vec<_> = g
        .reasons
        .iter()
        .filter(|r| r.message.contains("not linked"))
        .collect();
    assert_eq!(one.len(), 1);
    assert!(matches!(one[0].target, Target::Photo(_)));
}

#[test]
fn the_seller_confirmation_line_says_what_ticks_it_and_an_order_note_does_not() {
    let mut p = project();
    let sample = o(&mut p, SAMPLE);
    for m in &mut sample.messages {
        m.confirms.clear();
        m.terms.clear();
    }
    sample.note = "请按样品颜色生产，350ml，带礼盒".into();
    let g = gate(&p, SAMPLE, now());
    let line = g
        .checklist
        .iter()
        .find(|i| i.point == Point::SellerConfirmation)
        .unwrap();
    assert!(
        !line.ticked,
        "an order note is not the seller's confirmation"
    );
    assert!(!line.label.contains("note"), "{}", line.label);
    assert!(line.label.contains("Seller message"), "{}", line.label);
    let labels: Vec<&str> = g.checklist.iter().map(|i| i.label).collect();
    for (i, l) in labels.iter().enumerate() {
        assert!(!labels[i + 1..].contains(l), "{l} twice");
    }
}

#[test]
fn the_route_line_is_ticked_without_a_review_date_as_its_label_says() {
    let mut p = project();
    if let Some(d) = o(&mut p, SAMPLE).route.as_mut() {
        d.reviewed_on = None;
    }
    let g = gate(&p, SAMPLE, now());
    let line = g
        .checklist
        .iter()
        .find(|i| i.point == Point::RouteReviewed)
        .unwrap();
    assert!(line.ticked);
    assert!(!line.label.contains("reviewed"), "{}", line.label);
}
