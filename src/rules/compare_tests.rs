//! Unit tests of `rules::compare`.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::model::{CodeState, Observation, Photo, PhotoCode, PhotoId, Symbology};

fn num(value: f64, unit: Unit, tolerance: Tolerance) -> Expected {
    Expected::Number {
        value,
        unit,
        tolerance,
    }
}

#[test]
fn quantities_parse_with_units_and_widths() {
    type Parsed = Result<(f64, Option<Unit>), ParseError>;
    let cases: [(&str, Parsed); 22] = [
        ("12.8 cm", Ok((12.8, Some(Unit::Cm)))),
        ("12.8cm", Ok((12.8, Some(Unit::Cm)))),
        ("１２．５cm", Ok((12.5, Some(Unit::Cm)))),
        ("１２．５ｃｍ", Ok((12.5, Some(Unit::Cm)))),
        ("  7 ", Ok((7.0, None))),
        ("128 MM", Ok((128.0, Some(Unit::Mm)))),
        ("1.2 m", Ok((1.2, Some(Unit::M)))),
        ("350g", Ok((350.0, Some(Unit::G)))),
        ("0.35 kg", Ok((0.35, Some(Unit::Kg)))),
        ("500 ml", Ok((500.0, Some(Unit::Ml)))),
        ("0.5L", Ok((0.5, Some(Unit::L)))),
        ("12厘米", Ok((12.0, Some(Unit::Cm)))),
        ("2公斤", Ok((2.0, Some(Unit::Kg)))),
        ("12,5 cm", Ok((12.5, Some(Unit::Cm)))),
        ("1,200 g", Ok((1200.0, Some(Unit::G)))),
        ("1,200.5 g", Ok((1200.5, Some(Unit::G)))),
        ("", Err(ParseError::Empty)),
        ("　", Err(ParseError::Empty)),
        (
            "about 12 cm",
            Err(ParseError::NotANumber("about 12 cm".into())),
        ),
        ("12.5.1 cm", Err(ParseError::NotANumber("12.5.1 cm".into()))),
        ("12 inch", Err(ParseError::UnknownUnit("inch".into()))),
        ("1,2,3", Err(ParseError::NotANumber("1,2,3".into()))),
    ];
    for (input, want) in cases {
        assert_eq!(parse_quantity(input), want, "{input:?}");
    }
    assert_eq!(parse_quantity("-3 mm"), Ok((-3.0, Some(Unit::Mm))));
    assert!(parse_quantity("-").is_err());
    assert!(parse_quantity(".").is_err());
}

#[test]
fn counts_parse_exactly() {
    let cases = [
        ("3", Ok(3)),
        ("３", Ok(3)),
        (" 12 pcs", Ok(12)),
        ("4个", Ok(4)),
        ("2 套", Ok(2)),
        ("0", Ok(0)),
        ("", Err(ParseError::Empty)),
        ("3.5", Err(ParseError::NotACount("3.5".into()))),
        ("-1", Err(ParseError::NotACount("-1".into()))),
        ("three", Err(ParseError::NotACount("three".into()))),
        (
            "3 boxes of 4",
            Err(ParseError::NotACount("3 boxes of 4".into())),
        ),
        (
            "99999999999",
            Err(ParseError::NotACount("99999999999".into())),
        ),
    ];
    for (input, want) in cases {
        assert_eq!(parse_count(input), want, "{input:?}");
    }
}

#[test]
fn yes_no_in_english_and_chinese() {
    for yes in ["yes", "Y", "TRUE", "有", "是", "ＹＥＳ", " yes "] {
        assert_eq!(parse_yes_no(yes), Ok(true), "{yes}");
    }
    for no in ["no", "N", "false", "无", "否", "没有", "無"] {
        assert_eq!(parse_yes_no(no), Ok(false), "{no}");
    }
    assert_eq!(parse_yes_no(""), Err(ParseError::Empty));
    assert_eq!(
        parse_yes_no("maybe"),
        Err(ParseError::NotYesNo("maybe".into()))
    );
}

#[test]
fn conversions_stay_in_a_dimension() {
    let cases = [
        (12.8, Unit::Cm, Unit::Mm, Some(128.0)),
        (1.5, Unit::M, Unit::Cm, Some(150.0)),
        (350.0, Unit::G, Unit::Kg, Some(0.35)),
        (0.5, Unit::L, Unit::Ml, Some(500.0)),
        (3.0, Unit::None, Unit::None, Some(3.0)),
        (3.0, Unit::Cm, Unit::G, None),
        (3.0, Unit::Ml, Unit::None, None),
    ];
    for (v, from, to, want) in cases {
        let got = convert(v, from, to);
        match (got, want) {
            (Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{v} {from:?}->{to:?}: {g}"),
            _ => assert_eq!(got, want, "{v} {from:?}->{to:?}"),
        }
    }
}

#[test]
fn numbers_are_judged_with_tolerance_and_units() {
    let row = num(12.0, Unit::Cm, Tolerance::Absolute(0.5));
    let pct = num(200.0, Unit::G, Tolerance::Percent(5.0));
    let plain = num(3.0, Unit::None, Tolerance::Absolute(0.0));
    // (expected, observed, None for match / Some(difference))
    let cases: [(&Expected, &str, Option<&str>); 17] = [
        (&row, "12 cm", None),
        (&row, "12.5 cm", None),
        (&row, "11.5cm", None),
        (&row, "125 mm", None),
        (&row, "0.12 m", None),
        (&row, "12.3", None),
        (&row, "１２．５ｃｍ", None),
        (&row, "12.8 cm", Some("+0.8 cm, tolerance \u{b1}0.5 cm")),
        (&row, "11 cm", Some("-1 cm, tolerance \u{b1}0.5 cm")),
        (&row, "128 mm", Some("+0.8 cm, tolerance \u{b1}0.5 cm")),
        (
            &row,
            "12 g",
            Some("12 g is a weight, the row is a length in cm"),
        ),
        (
            &row,
            "12 inch",
            Some(
                "unknown unit \u{201c}inch\u{201d} (use mm, cm, m, g, kg, ml or l); expected 12 cm",
            ),
        ),
        (
            &row,
            "long",
            Some("cannot read \u{201c}long\u{201d} as a number; expected 12 cm"),
        ),
        (&pct, "0.21 kg", None),
        (&pct, "189 g", Some("-11 g (-5.5%), tolerance \u{b1}5%")),
        (&plain, "3", None),
        (
            &plain,
            "3 cm",
            Some("3 cm is a length, the row is a plain number in no unit"),
        ),
    ];
    for (expected, observed, want) in cases {
        let cell = judge(expected, observed);
        match want {
            None => assert_eq!(
                cell,
                Cell::Match {
                    observed: observed.trim().into()
                },
                "{observed}"
            ),
            Some(d) => assert_eq!(cell, expected_cell(observed, d), "{observed}"),
        }
    }
}

#[test]
fn float_noise_does_not_make_a_deviation() {
    // 0.1 + 0.2 style noise at the tolerance edge: 12.3 - 12.0 > 0.3 in f64.
    let row = num(12.0, Unit::Cm, Tolerance::Absolute(0.3));
    assert!(judge(&row, "12.3 cm").is_match());
    assert!(judge(&row, "123 mm").is_match());
    assert!(judge(&row, "12.31 cm").is_deviation());
}

#[test]
fn counts_yes_no_and_text_are_judged() {
    let count = Expected::Count(3);
    let yes = Expected::YesNo(true);
    let text = Expected::Text("Navy Blue".into());
    let cases: [(&Expected, &str, Option<&str>); 16] = [
        (&count, "3", None),
        (&count, "３ pcs", None),
        (&count, "4", Some("4 instead of 3 (+1)")),
        (&count, "2个", Some("2 instead of 3 (-1)")),
        (
            &count,
            "3.0",
            Some("cannot read \u{201c}3.0\u{201d} as a whole count; expected 3"),
        ),
        (&yes, "有", None),
        (&yes, "y", None),
        (&yes, "否", Some("no, expected yes")),
        (
            &yes,
            "perhaps",
            Some("cannot read \u{201c}perhaps\u{201d} as yes or no; expected yes"),
        ),
        (&text, "navy   blue", None),
        (&text, "ＮＡＶＹ　ＢＬＵＥ", None),
        // Every word of one side is in the other: the same colour named
        // shorter, or with its Chinese name beside it.
        (&text, "navy", None),
        (&text, "藏青色 navy blue", None),
        (&text, "(Navy-Blue)", None),
        (
            &text,
            "royal blue",
            Some("\u{201c}royal blue\u{201d} instead of \u{201c}Navy Blue\u{201d}"),
        ),
        (
            &text,
            "藏青色",
            Some("\u{201c}藏青色\u{201d} instead of \u{201c}Navy Blue\u{201d}"),
        ),
    ];
    for (expected, observed, want) in cases {
        let cell = judge(expected, observed);
        match want {
            None => assert!(cell.is_match(), "{observed}: {cell:?}"),
            Some(d) => assert_eq!(cell, expected_cell(observed, d), "{observed}"),
        }
    }
    for blank in ["", "  ", "\u{3000}"] {
        assert_eq!(judge(&count, blank), Cell::Missing);
    }
}

#[test]
fn briefs_are_described() {
    let cases = [
        (
            num(12.5, Unit::Cm, Tolerance::Absolute(0.5)),
            "12.5 cm \u{b1}0.5 cm",
        ),
        (
            num(200.0, Unit::G, Tolerance::Percent(5.0)),
            "200 g \u{b1}5%",
        ),
        (num(3.0, Unit::None, Tolerance::Absolute(0.0)), "3 \u{b1}0"),
        (Expected::Count(4), "4"),
        (Expected::YesNo(false), "no"),
        (Expected::Text("navy".into()), "navy"),
    ];
    for (e, want) in cases {
        assert_eq!(describe(&e), want);
    }
}

fn obs(spec: u64, value: &str) -> Observation {
    Observation {
        spec: SpecId(spec),
        value: value.into(),
        source: Default::default(),
        photo: None,
        note: String::new(),
        judgement: None,
        colour: None,
    }
}

fn order(id: u64, kind: OrderKind, observations: Vec<Observation>) -> Order {
    Order {
        id: OrderId(id),
        kind,
        observations,
        ..Order::default()
    }
}

fn product() -> Product {
    let row = |id, name: &str, expected| SpecItem {
        id: SpecId(id),
        name: name.into(),
        expected,
        critical: false,
    };
    Product {
        spec: vec![
            row(1, "Length", num(12.0, Unit::Cm, Tolerance::Absolute(0.5))),
            row(2, "Colour", Expected::Text("navy".into())),
            row(3, "Pieces", Expected::Count(3)),
        ],
        orders: vec![
            order(
                10,
                OrderKind::Sample,
                vec![obs(1, "12.4 cm"), obs(2, "Navy")],
            ),
            order(
                20,
                OrderKind::Bulk,
                vec![obs(1, "12.8 cm"), obs(2, "navy"), obs(3, "3")],
            ),
        ],
        ..Product::default()
    }
}

#[test]
fn without_accepted_sample_bulk_is_judged_against_brief() {
    let c = compare_product(&product());
    assert_eq!(
        (c.sample_order, c.bulk_order),
        (Some(OrderId(10)), Some(OrderId(20)))
    );
    let r = &c.rows;
    assert!(r[0].sample.is_match());
    assert_eq!(
        r[0].bulk,
        Cell::Deviation {
            observed: "12.8 cm".into(),
            difference: "+0.8 cm, tolerance \u{b1}0.5 cm".into()
        }
    );
    assert!(r.iter().all(|row| row.bulk_reference == Reference::Brief));
    assert!(r[2].sample.is_missing() && r[2].bulk.is_match());
    assert_eq!(r[0].brief, "12 cm \u{b1}0.5 cm");
}

#[test]
fn accepted_sample_becomes_the_bulk_reference() {
    let mut p = product();
    p.accepted_sample = Some(OrderId(10));
    let c = compare_product(&p);
    let r = &c.rows;
    // 12.8 vs the sample's 12.4: +0.4, within ±0.5.
    assert!(r[0].bulk.is_match(), "{:?}", r[0].bulk);
    assert_eq!(r[0].bulk_reference, Reference::AcceptedSample(OrderId(10)));
    assert_eq!(r[1].bulk_reference, Reference::AcceptedSample(OrderId(10)));
    // The sample has no value for row 3: the brief stays the reference.
    assert_eq!(r[2].bulk_reference, Reference::Brief);
    assert_eq!(r[0].brief, "12 cm \u{b1}0.5 cm", "the brief stays visible");
}

#[test]
fn latest_observation_wins_and_missing_orders_give_missing_cells() {
    let mut p = product();
    p.orders[0].observations.push(obs(1, "13 cm"));
    let rows = compare(&p, p.orders.first(), None);
    assert!(rows[0].sample.is_deviation());
    assert!(rows.iter().all(|r| r.bulk.is_missing()));
    let rows = compare(&p, None, None);
    assert!(
        rows.iter()
            .all(|r| r.sample.is_missing() && r.bulk.is_missing())
    );
}

#[test]
fn cells_serialize_with_state_tags() {
    let json = serde_json::to_string(&Cell::Missing).unwrap();
    assert_eq!(json, r#"{"state":"missing"}"#);
    let json = serde_json::to_string(&Reference::AcceptedSample(OrderId(3))).unwrap();
    assert_eq!(json, r#"{"kind":"accepted-sample","order":3}"#);
}

/// A deviation, or, for text that cannot be read for the row (not a
/// number, the wrong kind of unit), an unreadable cell.
fn expected_cell(observed: &str, words: &str) -> Cell {
    let observed = observed.trim().to_string();
    if words.starts_with("cannot read")
        || words.starts_with("unknown unit")
        || words.contains(", the row is")
    {
        Cell::Unreadable {
            observed,
            problem: words.into(),
        }
    } else {
        Cell::Deviation {
            observed,
            difference: words.into(),
        }
    }
}

#[test]
fn unreadable_observations_are_not_deviations() {
    let count = Expected::Count(3);
    assert!(judge(&count, "three").is_unreadable());
    assert!(judge(&count, "2").is_deviation());
    let len = Expected::Number {
        value: 10.0,
        unit: Unit::Cm,
        tolerance: Tolerance::Absolute(0.5),
    };
    assert!(judge(&len, "350 gram").is_unreadable());
    assert!(judge(&len, "10 kg").is_unreadable());
    assert!(judge(&len, "12 cm").is_deviation());
    assert!(judge(&len, "  ").is_missing());
}

#[test]
fn a_leading_zero_comma_is_a_decimal_comma() {
    assert_eq!(parse_quantity("0,350 kg").unwrap(), (0.35, Some(Unit::Kg)));
    assert_eq!(parse_quantity("1,350 g").unwrap(), (1350.0, Some(Unit::G)));
    assert_eq!(parse_quantity("12,5 cm").unwrap(), (12.5, Some(Unit::Cm)));
}

#[test]
fn a_text_row_holding_a_quantity_is_compared_as_a_number() {
    let brief = Expected::Text("350 ml".into());
    assert!(judge(&brief, "0.35 l").is_match());
    assert!(judge(&brief, "350ML").is_match());
    assert!(judge(&brief, "330 ml").is_deviation());
    let haze = Expected::Text("雾霾蓝 (haze blue)".into());
    assert!(
        judge(&haze, "雾霾蓝 haze blue").is_match(),
        "the issue's false NO-GO"
    );
}

/// A photo with product codes read on it (`dismissed`: the buyer dismissed
/// the first).
fn photo_with_codes(id: u64, codes: &[(&str, Symbology)], dismissed: bool) -> Photo {
    let codes = codes
        .iter()
        .enumerate()
        .map(|(i, (text, symbology))| PhotoCode {
            text: (*text).into(),
            symbology: *symbology,
            corners: [[0.0, 0.0], [10.0, 0.0], [10.0, 4.0], [0.0, 4.0]],
            state: if dismissed && i == 0 {
                CodeState::Dismissed {
                    by: "Mei".into(),
                    on: chrono::NaiveDateTime::default(),
                }
            } else {
                CodeState::Found
            },
        })
        .collect();
    Photo {
        id: PhotoId(id),
        codes,
        ..Photo::default()
    }
}

#[test]
fn a_barcode_row_is_judged_against_the_product_codes_read_on_photos() {
    let mut p = product();
    p.spec.push(SpecItem {
        id: SpecId(4),
        name: "Barcode on the box".into(),
        expected: Expected::Barcode("6901234567892".into()),
        critical: false,
    });
    let ean = Symbology::Ean13;
    // The sample's box shows the right code (and a tracking label, which
    // is not a product code); the bulk's shows another one.
    p.orders[0].photos = vec![photo_with_codes(
        11,
        &[
            ("SF1234567890123", Symbology::Code128),
            ("6901234567892", ean),
        ],
        false,
    )];
    p.orders[1].photos = vec![photo_with_codes(21, &[("6901234567885", ean)], false)];
    let rows = compare(&p, Some(&p.orders[0]), Some(&p.orders[1]));
    let row = rows.iter().find(|r| r.spec == SpecId(4)).unwrap();
    assert_eq!(row.brief, "barcode 6901234567892");
    assert_eq!(
        row.sample,
        Cell::Match {
            observed: "6901234567892".into()
        }
    );
    assert_eq!(
        row.bulk,
        Cell::Deviation {
            observed: "6901234567885".into(),
            difference: "barcode 6901234567885 instead of 6901234567892".into(),
        }
    );
    // No code read (or only a dismissed one): missing.
    p.orders[1].photos = vec![photo_with_codes(21, &[("6901234567892", ean)], true)];
    let rows = compare(&p, Some(&p.orders[0]), Some(&p.orders[1]));
    assert_eq!(rows[3].bulk, Cell::Missing);
    // A UPC-A code is its EAN-13 with a leading 0.
    assert!(judge(&Expected::Barcode("0012345678905".into()), "012345678905").is_match());
    // What the buyer typed wins over what was read.
    p.orders[1].observations.push(obs(4, "6901234567892"));
    let rows = compare(&p, Some(&p.orders[0]), Some(&p.orders[1]));
    assert!(rows[3].bulk.is_match());
    assert!(judge(&Expected::Barcode("n/a".into()), "6901234567892").is_unreadable());
}
