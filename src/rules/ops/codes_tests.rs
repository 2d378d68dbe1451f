//! The code ops: recording, correcting and dismissing codes, linking by
//! label, adding a label's number as a parcel; each undone exactly.
#![allow(clippy::unwrap_used)]

use super::super::tests::project;
use super::super::*;

fn code(text: &str) -> PhotoCode {
    PhotoCode {
        text: text.into(),
        symbology: Symbology::Code128,
        corners: [[10.0, 10.0], [90.0, 10.0], [90.0, 30.0], [10.0, 30.0]],
        state: CodeState::Found,
    }
}

fn on() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap()
}

/// Applies `op`, checks the links, undoes it and checks the project is back.
fn round_trip(start: &Project, op: Op) -> (Project, Applied) {
    let mut p = start.clone();
    let applied = apply(&mut p, op.clone()).unwrap_or_else(|e| panic!("{op:?}: {e}"));
    assert!(applied.changed(), "{op:?} changed nothing");
    assert_eq!(broken_links(&p), vec![], "{op:?}");
    let after = p.clone();
    apply(&mut p, Op::Batch(applied.inverse.clone())).unwrap();
    assert_eq!(&p, start, "undoing {op:?}");
    (after, applied)
}

/// The fixture with photo 23 (bulk order 20, parcel 22 "SF20") unlinked
/// and untagged, showing `text` on its label.
fn with_label(text: &str) -> Project {
    let mut p = project();
    let ph = p.products[0].orders[1]
        .photos
        .iter_mut()
        .find(|x| x.id == PhotoId(23))
        .unwrap();
    ph.parcel = None;
    ph.tags.clear();
    ph.codes = vec![code(text)];
    p
}

fn photo(p: &Project, id: u64) -> &Photo {
    p.photo(PhotoId(id)).unwrap()
}

#[test]
fn recording_correcting_and_dismissing_codes_undo_exactly() {
    let p = project();
    let (after, _) = round_trip(
        &p,
        Op::SetCodes {
            photo: PhotoId(23),
            codes: vec![code("SF20")],
        },
    );
    assert_eq!(photo(&after, 23).codes, vec![code("SF20")]);
    let corrected = PhotoCode {
        state: CodeState::Corrected {
            text: "SF23".into(),
            by: "Mei".into(),
            on: on(),
        },
        ..code("SF20")
    };
    let (fixed, applied) = round_trip(
        &after,
        Op::SetCode {
            photo: PhotoId(23),
            at: 0,
            code: Box::new(corrected.clone()),
        },
    );
    assert_eq!(photo(&fixed, 23).codes[0], corrected);
    assert_eq!(
        Op::SetCode {
            photo: PhotoId(23),
            at: 0,
            code: Box::new(corrected)
        }
        .label(),
        "correct a code"
    );
    assert!(applied.effects.is_empty());
    let mut same = after.clone();
    let none = apply(
        &mut same,
        Op::SetCodes {
            photo: PhotoId(23),
            codes: vec![code("SF20")],
        },
    )
    .unwrap();
    assert!(!none.changed(), "the same codes again change nothing");
    let missing = apply(
        &mut same,
        Op::SetCode {
            photo: PhotoId(23),
            at: 3,
            code: Box::new(code("x")),
        },
    );
    assert!(matches!(missing, Err(OpError::NotFound(_))));
    assert_eq!(same, after);
}

#[test]
fn a_label_showing_a_parcel_of_the_order_links_and_tags_the_photo() {
    let p = with_label("SF20");
    let (after, applied) = round_trip(&p, Op::LinkByCodes(vec![PhotoId(23)]));
    let ph = photo(&after, 23);
    assert_eq!(ph.parcel, Some(ParcelId(22)));
    assert_eq!(ph.tags, vec![Tag::CartonLabel]);
    assert_eq!(
        applied.effects,
        ["photo IMG_23.jpg linked to parcel SF20 (its label shows it) and tagged carton label"]
    );
    // Again: nothing more to do.
    let mut again = after.clone();
    let applied = apply(&mut again, Op::LinkByCodes(vec![PhotoId(23)])).unwrap();
    assert!(!applied.changed());
}

#[test]
fn a_dismissed_code_or_another_orders_parcel_links_nothing() {
    let mut p = with_label("SF20");
    p.products[0].orders[1].photos[0].codes[0].state = CodeState::Dismissed {
        by: "Mei".into(),
        on: on(),
    };
    let applied = apply(&mut p.clone(), Op::LinkByCodes(vec![PhotoId(23)])).unwrap();
    assert!(!applied.changed(), "dismissed");
    // SF10 is the sample order's parcel, not the bulk order's.
    let mut p = with_label("SF10");
    let applied = apply(&mut p, Op::LinkByCodes(vec![PhotoId(23)])).unwrap();
    assert!(!applied.changed());
    assert_eq!(photo(&p, 23).parcel, None);
}

#[test]
fn importing_a_photo_whose_label_shows_a_parcel_links_it() {
    let mut p = project();
    apply(&mut p, Op::NewParcel { order: OrderId(20) }).unwrap();
    let new = NewPhoto {
        file: StoredFile {
            hash: "ab".into(),
            original_name: "label.jpg".into(),
            ..StoredFile::default()
        },
        width: 100,
        height: 50,
        taken: None,
        tags: vec![],
        codes: vec![code("SF20")],
    };
    let start = p.clone();
    let (after, applied) = round_trip(
        &start,
        Op::AddPhotos {
            order: OrderId(20),
            parcel: None,
            photos: vec![new],
        },
    );
    let added = photo(&after, applied.created.unwrap());
    assert_eq!(
        added.parcel,
        Some(ParcelId(22)),
        "two parcels: the label says which"
    );
    assert!(added.has_tag(Tag::CartonLabel));
    assert_eq!(added.codes, vec![code("SF20")]);
    assert_eq!(applied.effects.len(), 1, "{:?}", applied.effects);
}

#[test]
fn a_labels_number_is_added_as_a_parcel_with_its_carrier() {
    let p = with_label("YT7512345678901");
    let op = Op::AddParcelFromCode {
        photo: PhotoId(23),
        tracking: "YT7512345678901".into(),
    };
    let (after, applied) = round_trip(&p, op.clone());
    let order = &after.products[0].orders[1];
    let parcel = order.parcels.last().unwrap();
    assert_eq!(parcel.tracking, "YT7512345678901");
    assert_eq!(parcel.carrier, "YTO Express");
    assert_eq!(Some(parcel.id.0), applied.created);
    let ph = photo(&after, 23);
    assert_eq!(ph.parcel, Some(parcel.id));
    assert!(ph.has_tag(Tag::CartonLabel));
    // Twice is refused, and leaves the project as it was.
    let mut twice = after.clone();
    assert!(matches!(apply(&mut twice, op), Err(OpError::Refused(_))));
    assert_eq!(twice, after);
    // An all-digit number gets no carrier: it is only "likely".
    let p = with_label("75123456789012");
    let (after, _) = round_trip(
        &p,
        Op::AddParcelFromCode {
            photo: PhotoId(23),
            tracking: "75123456789012".into(),
        },
    );
    assert_eq!(
        after.products[0].orders[1].parcels.last().unwrap().carrier,
        ""
    );
}
