//! Shipping arithmetic (`shared/domain/shipping.md`): volumetric and
//! chargeable weight, CBM, sea weight-or-measure, rounding, route costs, and
//! the inch/pound helpers of US carriers.
//!
//! Divisors, thresholds and rates live in [`Route`] values (presets below are
//! plain functions returning editable data), never in constants here.
//! Rounding applies once per shipment, to the summed chargeable weight.

use crate::model::{Carton, ChargeBasis, Route, RouteId};
use serde::Serialize;
use thiserror::Error;

/// Why a chargeable weight or cost cannot be computed.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ShippingError {
    #[error("no cartons are recorded")]
    NoCartons,
    #[error("carton {index}: {problem}")]
    BadCarton { index: usize, problem: String },
    #[error("route \u{201c}{route}\u{201d}: {problem}")]
    BadRoute { route: String, problem: String },
    #[error("the routes are priced in different currencies ({0}); compare them by hand")]
    MixedCurrencies(String),
}

/// The weights of a shipment on one route.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Chargeable {
    /// Number of pieces (cartons × count).
    pub pieces: u32,
    /// Sum of gross weights, kg.
    pub actual_kg: f64,
    /// Sum of the volumetric (or measure) weights that apply, kg.
    pub volumetric_kg: f64,
    /// Before rounding: per piece max(actual, volumetric), summed (sea:
    /// max over the shipment).
    pub unrounded_kg: f64,
    /// Rounded up to the route's step: what the carrier bills.
    pub chargeable_kg: f64,
    /// Cubic metres.
    pub cbm: f64,
    /// Sea freight only: revenue tons, max(m³, actual kg / kg per m³).
    pub revenue_tons: Option<f64>,
}

/// A route's price for a shipment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// The route priced, and its name.
    pub id: RouteId,
    pub route: String,
    pub weight: Chargeable,
    pub cost: f64,
    pub currency: String,
}

/// Every route priced, and the cheapest named.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteComparison {
    pub quotes: Vec<Quote>,
    /// Routes that could not be priced, with the reason in words.
    pub failures: Vec<(String, String)>,
    pub cheapest: Option<RouteId>,
}

const EPS: f64 = 1e-9;

/// Rounds up to a multiple of `step` (no rounding when step ≤ 0), ignoring
/// float noise: 10.0 stays 10.0, 10.000000000001 too, 10.01 becomes 10.5.
pub fn round_up(x: f64, step: f64) -> f64 {
    if step <= 0.0 || !step.is_finite() {
        return x;
    }
    let q = x / step;
    let r = q.round();
    if (q - r).abs() < EPS * q.abs().max(1.0) {
        r * step
    } else {
        q.ceil() * step
    }
}

/// CBM of one piece: L × W × H (cm) / 1,000,000.
pub fn cbm(length_cm: f64, width_cm: f64, height_cm: f64) -> f64 {
    length_cm * width_cm * height_cm / 1_000_000.0
}

/// Volumetric weight of one piece: L × W × H (cm) / divisor.
pub fn volumetric_kg(length_cm: f64, width_cm: f64, height_cm: f64, divisor: f64) -> f64 {
    length_cm * width_cm * height_cm / divisor
}

fn check_carton(index: usize, c: &Carton) -> Result<(), ShippingError> {
    let bad = |problem: &str| ShippingError::BadCarton {
        index: index + 1,
        problem: problem.into(),
    };
    let sides = [c.length_cm, c.width_cm, c.height_cm];
    if sides.iter().any(|s| !s.is_finite() || *s <= 0.0) {
        return Err(bad(
            "length, width and height must be positive numbers of cm",
        ));
    }
    if !c.gross_kg.is_finite() || c.gross_kg < 0.0 {
        return Err(bad("the gross weight must be a number of kg, 0 or more"));
    }
    if c.count == 0 {
        return Err(bad("the count is 0"));
    }
    Ok(())
}

fn check_route(route: &Route) -> Result<(), ShippingError> {
    let bad = |problem: &str| ShippingError::BadRoute {
        route: route.name.clone(),
        problem: problem.into(),
    };
    match route.basis {
        ChargeBasis::Volumetric {
            divisor,
            min_side_cm,
        } => {
            if !divisor.is_finite() || divisor <= 0.0 {
                return Err(bad("the volumetric divisor must be a positive number"));
            }
            if min_side_cm.is_some_and(|m| !m.is_finite() || m < 0.0) {
                return Err(bad("the minimum side must be a number of cm, 0 or more"));
            }
        }
        ChargeBasis::WeightOrMeasure { kg_per_cbm } => {
            if !kg_per_cbm.is_finite() || kg_per_cbm <= 0.0 {
                return Err(bad("kg per m\u{b3} must be a positive number"));
            }
        }
    }
    if !route.rounding_kg.is_finite() || route.rounding_kg < 0.0 {
        return Err(bad("the rounding step must be 0 or more kg"));
    }
    for (value, what) in [
        (route.first_weight_kg, "the first weight"),
        (route.first_price, "the first-weight price"),
        (route.per_kg, "the price per kg"),
    ] {
        if !value.is_finite() || value < 0.0 {
            return Err(bad(&format!("{what} must be a number, 0 or more")));
        }
    }
    Ok(())
}

/// The chargeable weight of cartons on a route.
pub fn chargeable_weight(route: &Route, cartons: &[Carton]) -> Result<Chargeable, ShippingError> {
    check_route(route)?;
    if cartons.is_empty() {
        return Err(ShippingError::NoCartons);
    }
    for (i, c) in cartons.iter().enumerate() {
        check_carton(i, c)?;
    }
    let mut w = Chargeable {
        pieces: 0,
        actual_kg: 0.0,
        volumetric_kg: 0.0,
        unrounded_kg: 0.0,
        chargeable_kg: 0.0,
        cbm: 0.0,
        revenue_tons: None,
    };
    for c in cartons {
        let n = f64::from(c.count);
        let piece_cbm = cbm(c.length_cm, c.width_cm, c.height_cm);
        w.pieces = w.pieces.saturating_add(c.count);
        w.actual_kg += c.gross_kg * n;
        w.cbm += piece_cbm * n;
        if let ChargeBasis::Volumetric {
            divisor,
            min_side_cm,
        } = route.basis
        {
            let longest = c.length_cm.max(c.width_cm).max(c.height_cm);
            let applies = min_side_cm.is_none_or(|m| longest >= m - EPS);
            let vol = if applies {
                volumetric_kg(c.length_cm, c.width_cm, c.height_cm, divisor)
            } else {
                0.0
            };
            w.volumetric_kg += vol * n;
            w.unrounded_kg += c.gross_kg.max(vol) * n;
        }
    }
    if let ChargeBasis::WeightOrMeasure { kg_per_cbm } = route.basis {
        w.volumetric_kg = w.cbm * kg_per_cbm;
        w.unrounded_kg = w.actual_kg.max(w.volumetric_kg);
        w.revenue_tons = Some(w.cbm.max(w.actual_kg / kg_per_cbm));
    }
    w.chargeable_kg = round_up(w.unrounded_kg, route.rounding_kg);
    Ok(w)
}

/// Cost on a route's rates: the first weight's price, plus `per_kg` for
/// each kg beyond it (pro rata, the weight being already rounded).
pub fn cost(route: &Route, chargeable_kg: f64) -> f64 {
    let extra = (chargeable_kg - route.first_weight_kg).max(0.0);
    route.first_price + extra * route.per_kg
}

/// Whether a route has rates: a first-weight price or a price per kg.
/// Both 0 means nobody entered them, and its "cost" of 0 is not a price.
pub fn is_priced(route: &Route) -> bool {
    route.first_price > 0.0 || route.per_kg > 0.0
}

/// Prices cartons on one route.
pub fn quote(route: &Route, cartons: &[Carton]) -> Result<Quote, ShippingError> {
    let weight = chargeable_weight(route, cartons)?;
    Ok(Quote {
        id: route.id,
        route: route.name.clone(),
        cost: cost(route, weight.chargeable_kg),
        currency: route.currency.clone(),
        weight,
    })
}

/// Prices cartons on every route and names the cheapest (the first listed
/// among equals). Routes in different currencies are not compared.
pub fn compare_routes(
    routes: &[Route],
    cartons: &[Carton],
) -> Result<RouteComparison, ShippingError> {
    let mut quotes = Vec::new();
    let mut failures = Vec::new();
    for r in routes {
        match quote(r, cartons) {
            Ok(q) => quotes.push(q),
            Err(e) => failures.push((r.name.clone(), e.to_string())),
        }
    }
    let mut currencies: Vec<&str> = quotes.iter().map(|q| q.currency.as_str()).collect();
    currencies.sort_unstable();
    currencies.dedup();
    if currencies.len() > 1 {
        return Err(ShippingError::MixedCurrencies(currencies.join(", ")));
    }
    // A route with no price (both rates 0) is never the cheapest.
    let priced: Vec<RouteId> = routes
        .iter()
        .filter(|r| is_priced(r))
        .map(|r| r.id)
        .collect();
    let cheapest = quotes
        .iter()
        .filter(|q| priced.contains(&q.id))
        .fold(None::<&Quote>, |best, q| match best {
            Some(b) if b.cost.total_cmp(&q.cost).is_le() => Some(b),
            _ => Some(q),
        })
        .map(|q| q.id);
    Ok(RouteComparison {
        quotes,
        failures,
        cheapest,
    })
}

fn preset(name: &str, basis: ChargeBasis) -> Route {
    Route {
        name: name.into(),
        basis,
        ..Route::default()
    }
}

/// Express couriers (DHL, FedEx, UPS international): divisor 5000, rounded
/// up to 0.5 kg. Rates are left at 0 for the buyer to fill in.
pub fn dhl_express() -> Route {
    preset(
        "DHL Express",
        ChargeBasis::Volumetric {
            divisor: 5000.0,
            min_side_cm: None,
        },
    )
}

/// Air cargo and most forwarder lines: divisor 6000 (1 m³ ≈ 167 kg).
pub fn air_forwarder() -> Route {
    preset(
        "Air (forwarder line)",
        ChargeBasis::Volumetric {
            divisor: 6000.0,
            min_side_cm: None,
        },
    )
}

/// China EMS: divisor 8000, only for a piece with a side of 60 cm or more.
pub fn china_ems() -> Route {
    preset(
        "China EMS",
        ChargeBasis::Volumetric {
            divisor: 8000.0,
            min_side_cm: Some(60.0),
        },
    )
}

/// Sea freight LCL, weight or measure: 1 revenue ton = 1 m³ or 1,000 kg;
/// billed per kg, rounded up to 1 kg.
pub fn sea_lcl() -> Route {
    Route {
        rounding_kg: 1.0,
        first_weight_kg: 0.0,
        ..preset(
            "Sea LCL",
            ChargeBasis::WeightOrMeasure { kg_per_cbm: 1000.0 },
        )
    }
}

/// The presets, for a new project.
pub fn default_routes() -> Vec<Route> {
    vec![dhl_express(), air_forwarder(), china_ems(), sea_lcl()]
}

/// A US carrier's dimensional rule in inches and pounds.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ImperialRule {
    /// Cubic inches per pound.
    pub divisor: f64,
    /// The dimensional weight applies only above this many cubic inches.
    pub min_cubic_in: Option<f64>,
}

/// FedEx / UPS daily rates: 139 in³/lb.
pub fn fedex_ups_daily() -> ImperialRule {
    ImperialRule {
        divisor: 139.0,
        min_cubic_in: None,
    }
}

/// USPS: 166 in³/lb, only above 1 ft³ (1,728 in³).
pub fn usps() -> ImperialRule {
    ImperialRule {
        divisor: 166.0,
        min_cubic_in: Some(1728.0),
    }
}

/// Rounds up to the next whole number, ignoring float noise.
pub fn ceil_whole(x: f64) -> f64 {
    round_up(x, 1.0)
}

/// Centimetres to inches.
pub fn cm_to_in(cm: f64) -> f64 {
    cm / 2.54
}

/// Kilograms to pounds.
pub fn kg_to_lb(kg: f64) -> f64 {
    kg / 0.453_592_37
}

/// Billable pounds of one piece: each dimension rounded up to a whole inch,
/// dimensional weight = in³ / divisor (when above the rule's minimum),
/// max with the actual weight, rounded up to the next whole pound.
pub fn billable_lb(rule: ImperialRule, dims_in: [f64; 3], actual_lb: f64) -> f64 {
    let cubic: f64 = dims_in.iter().map(|d| ceil_whole(*d)).product();
    let applies = rule.min_cubic_in.is_none_or(|m| cubic > m);
    let dim = if applies { cubic / rule.divisor } else { 0.0 };
    ceil_whole(actual_lb.max(dim))
}

#[cfg(test)]
#[path = "shipping_tests.rs"]
mod tests;
