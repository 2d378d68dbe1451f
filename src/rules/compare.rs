//! The spec table: for each row of the brief, the sample cell and the bulk
//! cell, each a match, a deviation (with the difference in words) or missing.
//!
//! Observations are typed strings ("12.8 cm", "１２．５ｃｍ", "navy", "３",
//! "有"). They are normalised to half-width first (see [`super::text`]).
//! Once the buyer accepts a sample, its observation of a row becomes the
//! reference the bulk is judged against for that row (with the row's unit
//! and tolerance); the brief stays visible beside it.

use super::text::{fmt_num, half_width, normalise, says_the_same};
use crate::model::{
    Expected, Judgement, Order, OrderId, OrderKind, Product, SpecId, SpecItem, Tolerance, Unit,
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
    /// Something was typed that cannot be read for this row (a word where a
    /// number belongs, a mass on a length row); `problem` says why.
    Unreadable { observed: String, problem: String },
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
    pub fn is_unreadable(&self) -> bool {
        matches!(self, Cell::Unreadable { .. })
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
    /// The buyer's call on the sample cell, when it settles it (see
    /// [`settling_call`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample_call: Option<Judgement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bulk_call: Option<Judgement>,
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
        } else if groups[1..].iter().all(|g| g.len() == 3)
            && (1..=3).contains(&groups[0].trim_start_matches(['-', '+']).len())
            && !groups[0].trim_start_matches(['-', '+']).starts_with('0')
        {
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
        Expected::Barcode(code) => format!("barcode {}", code.trim()),
    }
}

/// Judges a typed observation against an expected value. A blank
/// observation is missing; one that cannot be read is unreadable, with why.
pub fn judge(expected: &Expected, observed: &str) -> Cell {
    if observed.trim().is_empty() {
        return Cell::Missing;
    }
    let observed_s = observed.trim().to_string();
    match difference(expected, observed) {
        Ok(None) => Cell::Match {
            observed: observed_s,
        },
        Ok(Some(difference)) => Cell::Deviation {
            observed: observed_s,
            difference,
        },
        Err(problem) => Cell::Unreadable {
            observed: observed_s,
            problem,
        },
    }
}

/// A text row's observation matches when it says the same words, or when
/// both sides are quantities ("350 ml" and "0.35 l") of the same amount.
fn text_matches(brief: &str, observed: &str) -> bool {
    if let (Ok((a, Some(ua))), Ok((b, Some(ub)))) =
        (parse_quantity(brief), parse_quantity(observed))
    {
        return convert(b, ub, ua).is_some_and(|b| (a - b).abs() <= 1e-9 * a.abs().max(1.0));
    }
    says_the_same(brief, observed)
}

/// `Ok(None)` when the observation matches, `Ok(Some(words))` when it
/// differs, `Err(why)` when it cannot be read for this row.
fn difference(expected: &Expected, observed: &str) -> Result<Option<String>, String> {
    Ok(match expected {
        Expected::Text(t) => (!text_matches(t, observed)).then(|| {
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
            Err(e) => return Err(format!("{e}; expected {n}")),
        },
        Expected::YesNo(b) => {
            let word = |b: bool| if b { "yes" } else { "no" };
            match parse_yes_no(observed) {
                Ok(got) if got == *b => None,
                Ok(got) => Some(format!("{}, expected {}", word(got), word(*b))),
                Err(e) => return Err(format!("{e}; expected {}", word(*b))),
            }
        }
        Expected::Number {
            value,
            unit,
            tolerance,
        } => return number_difference(*value, *unit, *tolerance, observed),
        Expected::Barcode(code) => return barcode_difference(code, observed),
    })
}

/// The digits of a product code, UPC-A as its EAN-13 form (a leading 0).
fn gtin(code: &str) -> String {
    let digits: String = half_width(code)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
        format!("0{digits}")
    } else {
        digits
    }
}

/// A barcode row: the observation is one code or several read on photos
/// ("6901234567892, 0012345678905"); it matches when one of them is the
/// expected code.
fn barcode_difference(expected: &str, observed: &str) -> Result<Option<String>, String> {
    let want = gtin(expected);
    if want.is_empty() || !want.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "the expected barcode \u{201c}{}\u{201d} is not a number",
            expected.trim()
        ));
    }
    let read: Vec<&str> = observed
        .split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if read.iter().any(|r| gtin(r) == want) {
        return Ok(None);
    }
    Ok(Some(format!(
        "barcode {} instead of {}",
        read.join(", "),
        expected.trim()
    )))
}

/// What a barcode row observes on an order when nothing was typed: the
/// product codes (EAN-13/UPC-A) read on its photos, the expected one
/// first when it is among them.
pub fn barcodes_read(order: &Order, expected: &str) -> Option<String> {
    let mut codes: Vec<String> = Vec::new();
    for code in order.photos.iter().flat_map(|p| &p.codes) {
        if let Some(text) = code.live_text()
            && code.symbology.is_product_code()
            && !codes.iter().any(|c| gtin(c) == gtin(text))
        {
            codes.push(text.trim().to_string());
        }
    }
    let want = gtin(expected);
    if let Some(i) = codes.iter().position(|c| gtin(c) == want) {
        return Some(codes.swap_remove(i));
    }
    (!codes.is_empty()).then(|| codes.join(", "))
}

/// The observation of `row` on `order`: what was typed, else for a
/// barcode row the codes read on the order's photos.
pub fn observed_value(order: &Order, row: &SpecItem) -> Option<String> {
    if let Some(typed) = observed(order, row.id).filter(|v| !v.trim().is_empty()) {
        return Some(typed.to_string());
    }
    match &row.expected {
        Expected::Barcode(code) => barcodes_read(order, code),
        _ => None,
    }
}

fn number_difference(
    value: f64,
    unit: Unit,
    tol: Tolerance,
    observed: &str,
) -> Result<Option<String>, String> {
    let (got, got_unit) = match parse_quantity(observed) {
        Ok(q) => q,
        Err(e) => return Err(format!("{e}; expected {}", with_unit(value, unit))),
    };
    let got_unit = got_unit.unwrap_or(unit);
    let Some(got) = convert(got, got_unit, unit) else {
        return Err(format!(
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
        return Ok(None);
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
    Ok(Some(format!(
        "{}{percent}, tolerance {}",
        signed(diff, unit),
        tolerance_words(tol, unit)
    )))
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

/// The buyer's call on the latest observation of a row, while it holds for
/// that observation's value.
pub fn call(order: &Order, spec: SpecId) -> Option<&Judgement> {
    let seen = order.observations.iter().rev().find(|o| o.spec == spec)?;
    seen.judgement.as_ref().filter(|j| j.holds_for(&seen.value))
}

/// The call that settles a cell: only a deviation or an unreadable value
/// needs the buyer's call (a match or a missing value has nothing to
/// settle).
pub fn settling_call(cell: &Cell, order: Option<&Order>, spec: SpecId) -> Option<Judgement> {
    if !(cell.is_deviation() || cell.is_unreadable()) {
        return None;
    }
    order.and_then(|o| call(o, spec)).cloned()
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
        Expected::Barcode(_) => Expected::Barcode(observed.split(',').next()?.trim().to_string()),
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
            let sample_value = sample.and_then(|o| observed_value(o, row));
            let sample_cell = sample_value.map_or(Cell::Missing, |v| judge(&row.expected, &v));
            let reference = accepted.and_then(|o| {
                let exp = reference_from_sample(row, &observed_value(o, row)?)?;
                Some((exp, Reference::AcceptedSample(o.id)))
            });
            let (bulk_expected, bulk_reference) =
                reference.unwrap_or_else(|| (row.expected.clone(), Reference::Brief));
            let bulk_cell = bulk
                .and_then(|o| observed_value(o, row))
                .map_or(Cell::Missing, |v| judge(&bulk_expected, &v));
            SpecRow {
                spec: row.id,
                name: row.name.clone(),
                critical: row.critical,
                brief: describe(&row.expected),
                sample_call: settling_call(&sample_cell, sample, row.id),
                bulk_call: settling_call(&bulk_cell, bulk, row.id),
                sample: sample_cell,
                bulk: bulk_cell,
                bulk_reference,
            }
        })
        .collect()
}

/// One spec row's cell on an order, with the buyer's call if it settles it.
#[derive(Clone, Debug, PartialEq)]
pub struct OrderCell {
    pub spec: SpecId,
    pub cell: Cell,
    pub call: Option<Judgement>,
}

/// Each spec row's cell on `order`: a sample against the brief, a bulk
/// order against the product's sample (the accepted one's values where it
/// has them, as in the table).
pub fn order_cells(product: &Product, order: &Order) -> Vec<OrderCell> {
    let (cells, of_bulk): (Vec<SpecRow>, bool) = match order.kind {
        OrderKind::Sample => (compare(product, Some(order), None), false),
        OrderKind::Bulk => (compare(product, sample_order(product), Some(order)), true),
    };
    cells
        .into_iter()
        .map(|r| {
            let (cell, call) = if of_bulk {
                (r.bulk, r.bulk_call)
            } else {
                (r.sample, r.sample_call)
            };
            OrderCell {
                spec: r.spec,
                cell,
                call,
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
#[path = "compare_tests.rs"]
mod tests;
