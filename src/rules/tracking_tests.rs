#![allow(clippy::unwrap_used)]

use super::*;
use crate::model::{Parcel, Photo, StoredFile};
use crate::rules::Severity;

fn read(text: &str) -> CodeRead {
    CodeRead {
        text: text.into(),
        symbology: Symbology::Code128,
    }
}

fn order() -> Order {
    let parcel = |id, tracking: &str| Parcel {
        id: ParcelId(id),
        tracking: tracking.into(),
        ..Parcel::default()
    };
    let photo = |id, parcel| Photo {
        id: PhotoId(id),
        file: StoredFile {
            original_name: format!("IMG_04{id}.jpg"),
            ..StoredFile::default()
        },
        parcel,
        ..Photo::default()
    };
    Order {
        parcels: vec![
            parcel(1, "SF1234567890123"),
            parcel(2, "7512 3456 7890 12"),
            parcel(3, "JDVA00012345678"),
            parcel(4, ""),
        ],
        photos: vec![photo(12, None), photo(13, Some(ParcelId(1)))],
        ..Order::default()
    }
}

#[test]
fn letter_prefixes_settle_the_carrier() {
    let cases = [
        ("SF1234567890123", "SF Express"),
        ("sf 1234 5678 90123", "SF Express"),
        ("YT7512345678901", "YTO Express"),
        ("JT5012345678901", "J&T Express"),
        ("JDVA00012345678", "JD Logistics"),
        ("JD0012345678901", "JD Logistics"),
        ("DPK123456789012", "Deppon"),
        ("PA12345678901", "China Post"),
    ];
    for (code, want) in cases {
        assert_eq!(guess_carrier(code), CarrierGuess::Settled(want), "{code}");
        assert_eq!(guess_carrier(code).describe(), want);
    }
}

#[test]
fn all_digit_numbers_are_only_likely_and_say_so() {
    let g = guess_carrier("75123456789012");
    assert_eq!(g, CarrierGuess::Likely(&["ZTO", "STO"]));
    assert_eq!(
        g.describe(),
        "likely ZTO or STO (all-digit numbers overlap between carriers)"
    );
    assert_eq!(g.carrier_field(), "");
    assert_eq!(
        guess_carrier("312345678901234").describe(),
        "likely Yunda, STO or Cainiao (all-digit numbers overlap between carriers)"
    );
    assert_eq!(
        guess_carrier("9812345678901"),
        CarrierGuess::Likely(&["Yunda", "EMS"])
    );
}

#[test]
fn shapes_that_are_no_tracking_number_are_unknown() {
    for code in [
        "",
        "12345",
        "SF12345",
        "YT75123456789012345",
        "JDVA0001234567X",
        "HELLO WORLD",
        "1234567890123456789",
        "https://example.com/p/42",
        "DPK12345678901A",
    ] {
        assert_eq!(guess_carrier(code), CarrierGuess::Unknown, "{code}");
    }
}

#[test]
fn s10_post_numbers_need_their_check_digit() {
    // RR473124829GB: the worked example of UPU S10 (check digit 9).
    assert_eq!(
        guess_carrier("RR473124829GB"),
        CarrierGuess::Post {
            country: "GB".into()
        }
    );
    assert_eq!(guess_carrier("RR473124828GB"), CarrierGuess::Unknown);
    assert_eq!(guess_carrier("EA000000005CN").carrier_field(), "Post CN");
}

#[test]
fn product_codes_are_no_tracking_numbers() {
    let ean = CodeRead {
        text: "4006381333931".into(),
        symbology: Symbology::Ean13,
    };
    assert!(!looks_like_tracking(&ean));
    assert!(looks_like_tracking(&read("4006381333931")));
    assert!(looks_like_tracking(&read("YT7512345678901")));
    assert!(!looks_like_tracking(&read("ORDER-42")));
}

#[test]
fn a_parcel_number_links_the_photo_and_tags_a_carton_label() {
    let found = match_codes(
        &order(),
        PhotoId(12),
        "IMG_0412.jpg",
        &[read("SF1234567890123")],
    );
    assert_eq!(
        found,
        vec![Finding::Parcel {
            parcel: ParcelId(1),
            tracking: "SF1234567890123".into(),
            tag: Tag::CartonLabel
        }]
    );
    // Spaces in the parcel as typed, and a JD piece suffix on the label.
    let found = match_codes(
        &order(),
        PhotoId(12),
        "IMG_0412.jpg",
        &[read("75123456789012"), read("JDVA00012345678-1-1-")],
    );
    let parcels: Vec<_> = found
        .iter()
        .map(|f| match f {
            Finding::Parcel { parcel, .. } => parcel.0,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(parcels, [2, 3]);
}

#[test]
fn a_tracking_number_of_no_parcel_is_a_blocking_reason() {
    let found = match_codes(
        &order(),
        PhotoId(12),
        "IMG_0412.jpg",
        &[read("YT7512345678901")],
    );
    let [
        Finding::NotAParcel {
            tracking,
            carrier,
            reason,
        },
    ] = found.as_slice()
    else {
        panic!("{found:?}");
    };
    assert_eq!(tracking, "YT7512345678901");
    assert_eq!(*carrier, CarrierGuess::Settled("YTO Express"));
    assert_eq!(
        reason.message,
        "photo IMG_0412.jpg shows tracking YT7512345678901, which is not a parcel of this \
         order: a wrong parcel, or a parcel to add"
    );
    assert_eq!(reason.severity, Severity::Blocks);
    assert_eq!(reason.target, Target::Photo(PhotoId(12)));
}

#[test]
fn a_photo_linked_to_another_parcel_is_a_reason() {
    let found = match_codes(
        &order(),
        PhotoId(13),
        "IMG_0413.jpg",
        &[read("75123456789012")],
    );
    let [Finding::OtherParcel { parcel, reason, .. }] = found.as_slice() else {
        panic!("{found:?}");
    };
    assert_eq!(*parcel, ParcelId(2));
    assert!(
        reason.message.contains("IMG_0413.jpg"),
        "{}",
        reason.message
    );
    // Its own parcel's label is just a link.
    let found = match_codes(
        &order(),
        PhotoId(13),
        "IMG_0413.jpg",
        &[read("SF1234567890123")],
    );
    assert!(matches!(found[0], Finding::Parcel { .. }));
}

#[test]
fn duplicates_count_once_and_other_codes_are_left_out() {
    let codes = [
        read("YT7512345678901"),
        read("yt 7512345678901"),
        read("ORDER-42"),
        read(""),
        CodeRead {
            text: "036000291452".into(),
            symbology: Symbology::UpcA,
        },
    ];
    let found = match_codes(&order(), PhotoId(12), "IMG_0412.jpg", &codes);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(matches!(found[0], Finding::NotAParcel { .. }));
    assert_eq!(
        found[1],
        Finding::ProductCode {
            text: "036000291452".into(),
            symbology: Symbology::UpcA
        }
    );
}

#[test]
fn tracking_part_strips_only_a_dashed_piece_suffix() {
    let cases = [
        ("JDVA00012345678-1-1-", "JDVA00012345678"),
        ("JDVA00012345678-1-1", "JDVA00012345678"),
        (" sf1234567890123 ", "SF1234567890123"),
        ("ORDER-42A", "ORDER42A"),
        ("-1-1", "11"),
    ];
    for (code, want) in cases {
        assert_eq!(tracking_part(code), want, "{code}");
    }
}
