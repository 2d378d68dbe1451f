//! The spec table: for each row of the brief, the sample cell and the bulk
//! cell, each a match, a deviation (with the difference in words) or missing.
//!
//! Observations are typed strings ("12.8 cm", "１２．５ｃｍ", "navy", "３",
//! "有"). They are normalised to half-width first (see [`super::text`]).
//! Once the buyer accepts a sample, its observation of a row becomes the
//! reference the bulk is judged against for that row (with the row's unit
//! and tolerance); the brief stays visible beside it.

use super::text::{fmt_num, half_width, normalise, same_text};
use crate::model::{
    Expected, Order, OrderId, OrderKind, Product, SpecId, SpecItem, Tolerance, Unit,
};
use serde::Serialize;
use thiserror::Error;

/// One cell of the table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Cell {
    /// The observation is within the reference.
    Match { observed: String },
    /// The observation differs; `difference` says how, in words.
    Deviation {
        observed: String,
        difference: String,
    },
    /// Nothing observed for this row on this order.
    Missing,
}

impl Cell {
    pub fn is_match(&self) -> bool {
        matches!(self, Cell::Match { .. })
    }
    pub fn is_deviation(&self) -> bool {
        matches!(self, Cell::Deviation { .. })
    }
    pub fn is_missing(&self) -> bool {
        matches!(self, Cell::Missing)
    }
}

/// What the bulk cell of a row was judged against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "order", rename_all = "kebab-case")]
pub enum Reference {
    /// The brief (no accepted sample, or it has no readable value here).
    Brief,
    /// The observation of the accepted sample order.
    AcceptedSample(OrderId),
}

/// One row of the table: brief | sample | bulk.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpecRow {
    pub spec: SpecId,
    pub name: String,
    pub critical: bool,
    /// The expected value in words ("12.5 cm ±0.5 cm").
    pub brief: String,
    /// The sample, judged against the brief.
    pub sample: Cell,
    /// The bulk, judged against `bulk_reference`.
    pub bulk: Cell,
    pub bulk_reference: Reference,
}

/// The table of a product: which orders were compared, and the rows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub sample_order: Option<OrderId>,
    pub bulk_order: Option<OrderId>,
    pub rows: Vec<SpecRow>,
}

/// Why a typed value could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ParseError {
    #[error("nothing was entered")]
    Empty,
    #[error("cannot read \u{201c}{0}\u{201d} as a number")]
    NotANumber(String),
    #[error("unknown unit \u{201c}{0}\u{201d} (use mm, cm, m, g, kg, ml or l)")]
    UnknownUnit(String),
    #[error("cannot read \u{201c}{0}\u{201d} as a whole count")]
    NotACount(String),
    #[error("cannot read \u{201c}{0}\u{201d} as yes or no")]
    NotYesNo(String),
}

/// Splits a typed quantity into its number and its unit (None when no unit
/// was typed). Full-width forms are accepted; a comma is a thousands
/// separator when followed by groups of three digits ("1,200"), otherwise
/// a decimal comma ("12,5").
pub fn parse_quantity(s: &str) -> Result<(f64, Option<Unit>), ParseError> {
    let s = half_width(s);
    let s = s.trim();
    if s.is_empty() {
        return Err(ParseError::Empty);
    }
    let end = s
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit() || c == '.' || c == ',' || (i == 0 && (c == '-' || c == '+')))
        })
        .map_or(s.len(), |(i, _)| i);
    let (num, unit) = s.split_at(end);
    let value = parse_number(num).ok_or_else(|| ParseError::NotANumber(s.to_string()))?;
    let unit = unit.trim();
    if unit.is_empty() {
        return Ok((value, None));
    }
    parse_unit(unit).map(|u| (value, Some(u)))
}

fn parse_number(num: &str) -> Option<f64> {
    let digits = num.trim_start_matches(['+', '-']);
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let cleaned = if num.contains('.') {
        num.replace(',', "")
    } else {
        let groups: Vec<&str> = num.split(',').collect();
        if groups.len() == 1 {
            num.to_string()
        } else if groups[1..].iter().all(|g| g.len() == 3) {
            num.replace(',', "")
        } else if groups.len() == 2 {
            num.replace(',', ".")
        } else {
            return None;
        }
    };
    let v: f64 = cleaned.parse().ok()?;
    v.is_finite().then_some(v)
}

fn parse_unit(unit: &str) -> Result<Unit, ParseError> {
    let u = unit.to_lowercase();
    Ok(match u.as_str() {
        "mm" | "毫米" => Unit::Mm,
        "cm" | "厘米" | "公分" => Unit::Cm,
        "m" | "米" => Unit::M,
        "g" | "gr" | "克" => Unit::G,
        "kg" | "kgs" | "千克" | "公斤" => Unit::Kg,
        "ml" | "毫升" => Unit::Ml,
        "l" | "ltr" | "升" => Unit::L,
        _ => return Err(ParseError::UnknownUnit(unit.to_string())),
    })
}

/// A typed count: a whole number, optionally followed by a counting word
/// ("3", "３", "3 pcs", "3个").
pub fn parse_count(s: &str) -> Result<u32, ParseError> {
    let h = half_width(s);
    let t = h.trim();
    if t.is_empty() {
        return Err(ParseError::Empty);
    }
    let end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, rest) = t.split_at(end);
    let rest = rest.trim().to_lowercase();
    let word_ok = matches!(
        rest.as_str(),
        "" | "pc"
            | "pcs"
            | "piece"
            | "pieces"
            | "x"
            | "个"
            | "件"
            | "只"
            | "套"
            | "支"
            | "片"
            | "条"
            | "包"
    );
    match num.parse::<u32>() {
        Ok(n) if word_ok => Ok(n),
        _ => Err(ParseError::NotACount(t.to_string())),
    }
}

/// A typed yes or no: yes/no/y/n/true/false, 有/无/是/否 (and 没有, 無).
pub fn parse_yes_no(s: &str) -> Result<bool, ParseError> {
    let n = normalise(s);
    match n.as_str() {
        "" => Err(ParseError::Empty),
        "yes" | "y" | "true" | "有" | "是" => Ok(true),
        "no" | "n" | "false" | "无" | "無" | "否" | "没有" | "沒有" => Ok(false),
        _ => Err(ParseError::NotYesNo(s.trim().to_string())),
    }
}

/// Length, mass, volume or plain number, and the factor to the smallest unit.
fn dimension(u: Unit) -> (&'static str, f64) {
    match u {
        Unit::Mm => ("length", 1.0),
        Unit::Cm => ("length", 10.0),
        Unit::M => ("length", 1000.0),
        Unit::G => ("weight", 1.0),
        Unit::Kg => ("weight", 1000.0),
        Unit::Ml => ("volume", 1.0),
        Unit::L => ("volume", 1000.0),
        Unit::None => ("plain number", 1.0),
    }
}

/// Converts `value` from one unit to another of the same dimension.
pub fn convert(value: f64, from: Unit, to: Unit) -> Option<f64> {
    let (df, ff) = dimension(from);
    let (dt, ft) = dimension(to);
    (df == dt).then_some(value * ff / ft)
}

fn with_unit(x: f64, unit: Unit) -> String {
    match unit {
        Unit::None => fmt_num(x),
        u => format!("{} {}", fmt_num(x), u.symbol()),
    }
}

fn plus(s: String) -> String {
    if s.starts_with('-') || s == "0" || s.starts_with("0 ") {
        s
    } else {
        format!("+{s}")
    }
}

fn signed(x: f64, unit: Unit) -> String {
    plus(with_unit(x, unit))
}

fn tolerance_words(tol: Tolerance, unit: Unit) -> String {
    match tol {
        Tolerance::Absolute(t) => format!("\u{b1}{}", with_unit(t.abs(), unit)),
        Tolerance::Percent(p) => format!("\u{b1}{}%", fmt_num(p.abs())),
    }
}

/// The expected value in words: "12.5 cm ±0.5 cm", "3", "yes", "navy".
pub fn describe(expected: &Expected) -> String {
    match expected {
        Expected::Text(t) => t.clone(),
        Expected::Number {
            value,
            unit,
            tolerance,
        } => {
            format!(
                "{} {}",
                with_unit(*value, *unit),
                tolerance_words(*tolerance, *unit)
            )
        }
        Expected::Count(n) => n.to_string(),
        Expected::YesNo(b) => if *b { "yes" } else { "no" }.into(),
    }
}

/// Judges a typed observation against an expected value. A blank
/// observation is missing; an unreadable one is a deviation that says why.
pub fn judge(expected: &Expected, observed: &str) -> Cell {
    if observed.trim().is_empty() {
        return Cell::Missing;
    }
    let observed_s = observed.trim().to_string();
    match difference(expected, observed) {
        None => Cell::Match {
            observed: observed_s,
        },
        Some(difference) => Cell::Deviation {
            observed: observed_s,
            difference,
        },
    }
}

/// None when the observation matches, else the difference in words.
fn difference(expected: &Expected, observed: &str) -> Option<String> {
    match expected {
        Expected::Text(t) => (!same_text(t, observed)).then(|| {
            format!(
                "\u{201c}{}\u{201d} instead of \u{201c}{}\u{201d}",
                observed.trim(),
                t.trim()
            )
        }),
        Expected::Count(n) => match parse_count(observed) {
            Ok(got) if got == *n => None,
            Ok(got) => Some(format!(
                "{got} instead of {n} ({:+})",
                i64::from(got) - i64::from(*n)
            )),
            Err(e) => Some(format!("{e}; expected {n}")),
        },
        Expected::YesNo(b) => {
            let word = |b: bool| if b { "yes" } else { "no" };
            match parse_yes_no(observed) {
                Ok(got) if got == *b => None,
                Ok(got) => Some(format!("{}, expected {}", word(got), word(*b))),
                Err(e) => Some(format!("{e}; expected {}", word(*b))),
            }
        }
        Expected::Number {
            value,
            unit,
            tolerance,
        } => number_difference(*value, *unit, *tolerance, observed),
    }
}

fn number_difference(value: f64, unit: Unit, tol: Tolerance, observed: &str) -> Option<String> {
    let (got, got_unit) = match parse_quantity(observed) {
        Ok(q) => q,
        Err(e) => return Some(format!("{e}; expected {}", with_unit(value, unit))),
    };
    let got_unit = got_unit.unwrap_or(unit);
    let Some(got) = convert(got, got_unit, unit) else {
        return Some(format!(
            "{} is a {}, the row is a {} in {}",
            with_unit(got, got_unit),
            dimension(got_unit).0,
            dimension(unit).0,
            if unit == Unit::None {
                "no unit"
            } else {
                unit.symbol()
            }
        ));
    };
    let diff = got - value;
    let allowed = match tol {
        Tolerance::Absolute(t) => t.abs(),
        Tolerance::Percent(p) => value.abs() * p.abs() / 100.0,
    };
    let eps = 1e-9 * value.abs().max(got.abs()).max(1.0);
    if diff.abs() <= allowed + eps {
        return None;
    }
    let percent = match tol {
        Tolerance::Percent(_) if value != 0.0 => {
            format!(
                " ({}%)",
                plus(fmt_num((diff / value.abs() * 1000.0).round() / 10.0))
            )
        }
        _ => String::new(),
    };
    Some(format!(
        "{}{percent}, tolerance {}",
        signed(diff, unit),
        tolerance_words(tol, unit)
    ))
}

/// The latest observation typed for a row on an order, if any.
pub fn observed(order: &Order, spec: SpecId) -> Option<&str> {
    order
        .observations
        .iter()
        .rev()
        .find(|o| o.spec == spec)
        .map(|o| o.value.as_str())
}

/// The accepted sample's observation as the reference for the bulk, when it
/// can be read for the row's kind (numbers converted to the row's unit).
pub fn reference_from_sample(row: &SpecItem, observed: &str) -> Option<Expected> {
    if observed.trim().is_empty() {
        return None;
    }
    Some(match &row.expected {
        Expected::Text(_) => Expected::Text(observed.trim().to_string()),
        Expected::Count(_) => Expected::Count(parse_count(observed).ok()?),
        Expected::YesNo(_) => Expected::YesNo(parse_yes_no(observed).ok()?),
        Expected::Number {
            unit, tolerance, ..
        } => {
            let (v, u) = parse_quantity(observed).ok()?;
            Expected::Number {
                value: convert(v, u.unwrap_or(*unit), *unit)?,
                unit: *unit,
                tolerance: *tolerance,
            }
        }
    })
}

/// The sample order the product is judged on: the accepted sample if set
/// (and present), else the latest sample order.
pub fn sample_order(product: &Product) -> Option<&Order> {
    match product.accepted_sample {
        Some(id) => product.orders.iter().find(|o| o.id == id),
        None => product
            .orders
            .iter()
            .rev()
            .find(|o| o.kind == OrderKind::Sample),
    }
}

/// The latest bulk order of the product.
pub fn bulk_order(product: &Product) -> Option<&Order> {
    product
        .orders
        .iter()
        .rev()
        .find(|o| o.kind == OrderKind::Bulk)
}

/// The table for chosen orders. The bulk is judged against the accepted
/// sample only when `sample` is the product's accepted sample.
pub fn compare(product: &Product, sample: Option<&Order>, bulk: Option<&Order>) -> Vec<SpecRow> {
    let accepted = sample.filter(|s| product.accepted_sample == Some(s.id));
    product
        .spec
        .iter()
        .map(|row| {
            let sample_value = sample.and_then(|o| observed(o, row.id));
            let sample_cell = sample_value.map_or(Cell::Missing, |v| judge(&row.expected, v));
            let reference = accepted.and_then(|o| {
                let exp = reference_from_sample(row, observed(o, row.id)?)?;
                Some((exp, Reference::AcceptedSample(o.id)))
            });
            let (bulk_expected, bulk_reference) =
                reference.unwrap_or_else(|| (row.expected.clone(), Reference::Brief));
            let bulk_cell = bulk
                .and_then(|o| observed(o, row.id))
                .map_or(Cell::Missing, |v| judge(&bulk_expected, v));
            SpecRow {
                spec: row.id,
                name: row.name.clone(),
                critical: row.critical,
                brief: describe(&row.expected),
                sample: sample_cell,
                bulk: bulk_cell,
                bulk_reference,
            }
        })
        .collect()
}

/// The table of a product with its default orders: [`sample_order`] and
/// [`bulk_order`].
pub fn compare_product(product: &Product) -> Comparison {
    let sample = sample_order(product);
    let bulk = bulk_order(product);
    Comparison {
        sample_order: sample.map(|o| o.id),
        bulk_order: bulk.map(|o| o.id),
        rows: compare(product, sample, bulk),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::Observation;

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
                Some(d) => assert_eq!(
                    cell,
                    Cell::Deviation {
                        observed: observed.trim().into(),
                        difference: d.into()
                    },
                    "{observed}"
                ),
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
        let cases: [(&Expected, &str, Option<&str>); 13] = [
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
            (
                &text,
                "navy",
                Some("\u{201c}navy\u{201d} instead of \u{201c}Navy Blue\u{201d}"),
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
                Some(d) => assert_eq!(
                    cell,
                    Cell::Deviation {
                        observed: observed.trim().into(),
                        difference: d.into()
                    },
                    "{observed}"
                ),
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
}
