//! A project whose every gate is go, for the gate tests to break one piece
//! at a time.

use crate::model::*;
use chrono::{NaiveDate, NaiveDateTime};

pub fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap_or_default()
}

pub fn at(d: u32, h: u32) -> NaiveDateTime {
    day(d).and_hms_opt(h, 0, 0).unwrap_or_default()
}

/// Ten days after arrival: the return window (120 h) is long closed.
pub fn now() -> NaiveDateTime {
    at(11, 9)
}

fn obs(spec: u64, value: &str) -> Observation {
    Observation {
        spec: SpecId(spec),
        value: value.into(),
        source: Source::Photo,
        photo: None,
        note: String::new(),
        judgement: None,
        colour: None,
    }
}

fn passed() -> Checks {
    Checks {
        model: Check::Pass,
        quantity: Check::Pass,
        accessories: Check::Pass,
        damage: Check::Pass,
    }
}

fn photo(id: u64, parcel: u64, tags: Vec<Tag>) -> Photo {
    Photo {
        id: PhotoId(id),
        file: StoredFile {
            original_name: format!("IMG_{id}.jpg"),
            ..StoredFile::default()
        },
        parcel: Some(ParcelId(parcel)),
        tags,
        checks: passed(),
        ..Photo::default()
    }
}

fn order(id: u64, kind: OrderKind) -> Order {
    Order {
        id: OrderId(id),
        kind,
        number: format!("NO-{id}"),
        variant: "navy 350ML".into(),
        messages: vec![SellerMessage {
            id: MessageId(id + 1),
            confirms: vec![SpecId(3)],
            terms: Term::ALL.to_vec(),
            ..SellerMessage::default()
        }],
        parcels: vec![Parcel {
            id: ParcelId(id + 2),
            tracking: format!("SF{id}"),
            arrived_on: Some(day(1)),
            ..Parcel::default()
        }],
        photos: vec![photo(id + 3, id + 2, vec![Tag::Item])],
        observations: vec![
            obs(3, "Navy"),
            obs(4, "10.2 cm"),
            obs(5, "1"),
            obs(6, "yes"),
            obs(7, "352 g"),
        ],
        packing: vec![PackingRequest {
            id: PackingId(id + 4),
            text: "bubble wrap".into(),
            risk: Some(RiskId(2)),
        }],
        route: Some(RouteDecision {
            route: Some(RouteId(900)),
            cartons: vec![Carton {
                length_cm: 30.0,
                width_cm: 20.0,
                height_cm: 10.0,
                gross_kg: 1.0,
                count: 1,
            }],
            ..RouteDecision::default()
        }),
        ..Order::default()
    }
}

pub const SAMPLE: usize = 0;
pub const BULK: usize = 1;

pub fn project() -> Project {
    let row = |id, name: &str, expected, critical| SpecItem {
        id: SpecId(id),
        name: name.into(),
        expected,
        critical,
    };
    let mut bulk = order(20, OrderKind::Bulk);
    bulk.photos.push(photo(25, 22, vec![Tag::CartonLabel]));
    bulk.photos.push(photo(26, 22, vec![Tag::ParcelCount]));
    bulk.inspection = Some(Inspection {
        lot_size: 4_000,
        level: InspectionLevel::II,
        aql_major: 2.5,
        aql_minor: 4.0,
        major_found: 10,
        minor_found: 14,
        ..Inspection::default()
    });
    let product = Product {
        id: ProductId(1),
        name: "Mug".into(),
        listing: Listing {
            url: "https://detail.1688.com/offer/1.html".into(),
            variant: "Navy 350ml".into(),
            ..Listing::default()
        },
        risks: vec![Risk {
            id: RiskId(2),
            kind: RiskKind::Fragile,
            note: String::new(),
        }],
        spec: vec![
            row(3, "Colour", Expected::Text("navy".into()), false),
            row(
                4,
                "Height",
                Expected::Number {
                    value: 10.0,
                    unit: Unit::Cm,
                    tolerance: Tolerance::Absolute(0.5),
                },
                false,
            ),
            row(5, "Pieces per set", Expected::Count(1), false),
            row(6, "Gift box", Expected::YesNo(true), false),
            row(
                7,
                "Weight",
                Expected::Number {
                    value: 350.0,
                    unit: Unit::G,
                    tolerance: Tolerance::Percent(5.0),
                },
                true,
            ),
        ],
        orders: vec![order(10, OrderKind::Sample), bulk],
        accepted_sample: None,
    };
    Project {
        routes: vec![Route {
            id: RouteId(900),
            ..crate::rules::shipping::dhl_express()
        }],
        products: vec![product],
        ..Project::new("fixture")
    }
}
