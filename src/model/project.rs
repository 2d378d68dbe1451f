//! The project: the document saved to one `.ron` file.

use super::ids::{DecisionId, OrderId, PhotoId, ProductId, RouteId};
use super::order::Order;
use super::photo::Photo;
use super::product::Product;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// The file format version this build writes. Older files are migrated on
/// load; newer ones are refused.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    pub schema_version: u32,
    pub name: String,
    /// The next id to hand out. Repaired on load if a hand edit left it
    /// behind the ids in use.
    pub next_id: u64,
    pub warehouse: Warehouse,
    /// Shipping routes the buyer compares, with their rates.
    pub routes: Vec<Route>,
    pub products: Vec<Product>,
    /// Every verdict the buyer signed, oldest first.
    pub decisions: Vec<Decision>,
}

impl Default for Project {
    fn default() -> Self {
        Project {
            schema_version: SCHEMA_VERSION,
            name: String::new(),
            next_id: 1,
            warehouse: Warehouse::default(),
            routes: Vec::new(),
            products: Vec::new(),
            decisions: Vec::new(),
        }
    }
}

/// The forwarding warehouse's policies. Defaults are common values (see
/// `shared/domain/shipping.md`); every warehouse sets its own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Warehouse {
    pub name: String,
    /// Returns and exchanges are possible this long after check-in.
    pub return_window_hours: u32,
    /// Storage is free this long after check-in.
    pub free_storage_days: u32,
}

impl Default for Warehouse {
    fn default() -> Self {
        Warehouse {
            name: String::new(),
            return_window_hours: 120,
            free_storage_days: 90,
        }
    }
}

/// A shipping route (a carrier's line) and its rates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Route {
    /// Orders choose a route by this id (schema 2; schema 1 chose by name).
    pub id: RouteId,
    pub name: String,
    pub basis: ChargeBasis,
    /// The chargeable weight is rounded up to a multiple of this (kg); 0
    /// means no rounding.
    pub rounding_kg: f64,
    /// Price of the first `first_weight_kg`.
    pub first_weight_kg: f64,
    pub first_price: f64,
    /// Price of each further kg.
    pub per_kg: f64,
    pub currency: String,
}

impl Default for Route {
    fn default() -> Self {
        Route {
            id: RouteId(0),
            name: String::new(),
            basis: ChargeBasis::Volumetric {
                divisor: 5000.0,
                min_side_cm: None,
            },
            rounding_kg: 0.5,
            first_weight_kg: 0.5,
            first_price: 0.0,
            per_kg: 0.0,
            currency: "CNY".into(),
        }
    }
}

/// How a route turns cartons into a chargeable weight.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum ChargeBasis {
    /// max(actual, L×W×H cm / divisor) per carton. With `min_side_cm`, the
    /// volumetric weight applies only to cartons with a side at least that
    /// long (China EMS: divisor 8000, 60 cm).
    Volumetric {
        divisor: f64,
        min_side_cm: Option<f64>,
    },
    /// Sea freight, weight or measure: max(actual kg, CBM × kg_per_cbm);
    /// 1 revenue ton = 1 m³ or 1,000 kg.
    WeightOrMeasure { kg_per_cbm: f64 },
}

/// A verdict of a gate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Go,
    NoGo,
    NotReady,
    /// GO, with deviations the buyer accepted (inspection firms' "passed
    /// conditional"); the conditions are listed wherever the verdict is.
    GoWithConditions,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Self::Go => "go",
            Self::GoWithConditions => "go-with-conditions",
            Self::NoGo => "no-go",
            Self::NotReady => "not-ready",
        }
    }
}

/// What a decision is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Subject {
    /// "Scale up?": the sample gate of a product.
    ScaleUp(ProductId),
    /// "Ship it?": the export gate of an order.
    Ship(OrderId),
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Subject::ScaleUp(p) => write!(f, "product {p}"),
            Subject::Ship(o) => write!(f, "order {o}"),
        }
    }
}

/// A verdict the buyer signed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub id: DecisionId,
    pub time: DateTime<FixedOffset>,
    pub reviewer: String,
    pub subject: Subject,
    /// The verdict the rules computed when the buyer signed.
    pub computed: Verdict,
    /// The verdict the buyer signed.
    pub signed: Verdict,
    /// Why, required when `signed` differs from `computed`.
    #[serde(default)]
    pub reason: String,
    /// A fingerprint of the evidence at signing time; when the evidence
    /// changes, the decision is stale.
    #[serde(default)]
    pub evidence: String,
    /// The conditions of a GO the buyer signed: the deviations they had
    /// accepted, in the rules' words at signing time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
}

impl Project {
    pub fn new(name: impl Into<String>) -> Self {
        Project {
            name: name.into(),
            ..Project::default()
        }
    }

    /// Hands out a fresh id, unique in the project.
    ///
    /// # Panics
    /// When the counter is used up (see [`Project::try_new_id`]); it never
    /// wraps round to ids already in use.
    pub fn new_id(&mut self) -> u64 {
        self.try_new_id()
            .expect("the project's id counter is used up (next_id reached u64::MAX)")
    }

    /// Hands out a fresh id, or `None` when the counter is used up: ids run
    /// from 1 to `u64::MAX - 1`, and `next_id == u64::MAX` means none is left
    /// (the counter never wraps round to ids already in use).
    pub fn try_new_id(&mut self) -> Option<u64> {
        let id = self.next_id.max(1);
        if id == u64::MAX {
            return None;
        }
        self.next_id = id + 1;
        Some(id)
    }

    /// Makes `next_id` larger than every id in use (after a hand edit); an
    /// id of `u64::MAX` in use leaves the counter used up.
    pub fn repair_next_id(&mut self) {
        let max = self.all_ids().max().unwrap_or(0);
        if self.next_id <= max {
            self.next_id = max.saturating_add(1);
        }
        self.next_id = self.next_id.max(1);
    }

    /// Every id in the project, in document order.
    pub fn all_ids(&self) -> impl Iterator<Item = u64> + '_ {
        let products = self.products.iter().flat_map(|p| {
            std::iter::once(p.id.0)
                .chain(p.risks.iter().map(|r| r.id.0))
                .chain(p.spec.iter().map(|s| s.id.0))
                .chain(p.orders.iter().flat_map(order_ids))
        });
        products
            .chain(self.decisions.iter().map(|d| d.id.0))
            .chain(self.routes.iter().map(|r| r.id.0))
    }

    pub fn route(&self, id: RouteId) -> Option<&Route> {
        self.routes.iter().find(|r| r.id == id)
    }

    pub fn product(&self, id: ProductId) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }

    pub fn product_mut(&mut self, id: ProductId) -> Option<&mut Product> {
        self.products.iter_mut().find(|p| p.id == id)
    }

    /// The order with this id and the product it belongs to.
    pub fn order(&self, id: OrderId) -> Option<(&Product, &Order)> {
        self.products
            .iter()
            .find_map(|p| p.orders.iter().find(|o| o.id == id).map(|o| (p, o)))
    }

    pub fn order_mut(&mut self, id: OrderId) -> Option<&mut Order> {
        self.products
            .iter_mut()
            .find_map(|p| p.orders.iter_mut().find(|o| o.id == id))
    }

    /// Every photo with the order it belongs to.
    pub fn photos(&self) -> impl Iterator<Item = (&Order, &Photo)> + '_ {
        self.products
            .iter()
            .flat_map(|p| p.orders.iter())
            .flat_map(|o| o.photos.iter().map(move |ph| (o, ph)))
    }

    pub fn photo(&self, id: PhotoId) -> Option<&Photo> {
        self.photos().map(|(_, p)| p).find(|p| p.id == id)
    }
}

fn order_ids(o: &Order) -> impl Iterator<Item = u64> + '_ {
    std::iter::once(o.id.0)
        .chain(o.messages.iter().map(|m| m.id.0))
        .chain(o.parcels.iter().map(|p| p.id.0))
        .chain(o.photos.iter().map(|p| p.id.0))
        .chain(o.packing.iter().map(|p| p.id.0))
}
