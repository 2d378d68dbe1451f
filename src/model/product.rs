//! Products: the listing, the risks and the spec brief.

use super::ids::{OrderId, ProductId, RiskId, SpecId};
use super::order::Order;
use serde::{Deserialize, Serialize};

/// What is being sourced, with its orders.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Product {
    pub id: ProductId,
    /// The buyer's short name for the product.
    pub name: String,
    pub listing: Listing,
    pub risks: Vec<Risk>,
    /// The spec brief: what the supplier must deliver.
    pub spec: Vec<SpecItem>,
    pub orders: Vec<Order>,
    /// The sample order the buyer accepted: its observations become the
    /// reference the bulk is judged against.
    pub accepted_sample: Option<OrderId>,
}

impl Product {
    /// A copy of the product without its orders (cheap: the orders hold
    /// the photos).
    pub fn clone_without_orders(&self) -> Product {
        Product {
            id: self.id,
            name: self.name.clone(),
            listing: self.listing.clone(),
            risks: self.risks.clone(),
            spec: self.spec.clone(),
            orders: Vec::new(),
            accepted_sample: self.accepted_sample,
        }
    }
}

/// The marketplace listing the buyer selected.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Listing {
    pub url: String,
    pub marketplace: Marketplace,
    /// The listing title as shown by the seller (often Chinese).
    pub title: String,
    /// The selected variant (colour, size…) as named on the listing.
    pub variant: String,
    pub sku: String,
    pub unit_price: Option<f64>,
    /// ISO 4217 code, e.g. "CNY".
    pub currency: String,
    /// Minimum order quantity.
    pub moq: Option<u32>,
    pub lead_time_days: Option<u32>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Marketplace {
    #[default]
    Alibaba1688,
    Taobao,
    Tmall,
    Other,
}

impl Marketplace {
    pub const ALL: [Marketplace; 4] = [Self::Alibaba1688, Self::Taobao, Self::Tmall, Self::Other];

    pub fn label(self) -> &'static str {
        match self {
            Self::Alibaba1688 => "1688",
            Self::Taobao => "Taobao",
            Self::Tmall => "Tmall",
            Self::Other => "Other",
        }
    }
}

/// Something about the product that shipping or packing must respect.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Risk {
    pub id: RiskId,
    pub kind: RiskKind,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RiskKind {
    Fragile,
    Battery,
    Liquid,
    Magnet,
    SmallParts,
    Textile,
    Powder,
    Other,
}

impl RiskKind {
    pub const ALL: [RiskKind; 8] = [
        Self::Fragile,
        Self::Battery,
        Self::Liquid,
        Self::Magnet,
        Self::SmallParts,
        Self::Textile,
        Self::Powder,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Fragile => "fragile",
            Self::Battery => "battery",
            Self::Liquid => "liquid",
            Self::Magnet => "magnet",
            Self::SmallParts => "small parts",
            Self::Textile => "textile",
            Self::Powder => "powder",
            Self::Other => "other",
        }
    }
}

/// One row of the spec brief.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpecItem {
    pub id: SpecId,
    /// What the row is about: "Colour", "Length", "Accessories"…
    pub name: String,
    pub expected: Expected,
    /// A deviation on a critical row stops the bulk order.
    #[serde(default)]
    pub critical: bool,
}

/// The expected value of a spec row; its variant is the row's kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Expected {
    Text(String),
    Number {
        value: f64,
        unit: Unit,
        tolerance: Tolerance,
    },
    Count(u32),
    YesNo(bool),
    /// An EAN-13 or UPC-A product code, checked against the codes read on
    /// the order's photos.
    Barcode(String),
}

impl Expected {
    pub fn kind_label(&self) -> &'static str {
        match self {
            Self::Text(_) => "text",
            Self::Number { .. } => "number",
            Self::Count(_) => "count",
            Self::YesNo(_) => "yes/no",
            Self::Barcode(_) => "barcode",
        }
    }
}

/// Units of measured spec rows. Values convert within a dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    Mm,
    Cm,
    M,
    G,
    Kg,
    Ml,
    L,
    /// A number with no unit (a ratio, a rating…).
    None,
}

impl Unit {
    pub const ALL: [Unit; 8] = [
        Self::Mm,
        Self::Cm,
        Self::M,
        Self::G,
        Self::Kg,
        Self::Ml,
        Self::L,
        Self::None,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            Self::Mm => "mm",
            Self::Cm => "cm",
            Self::M => "m",
            Self::G => "g",
            Self::Kg => "kg",
            Self::Ml => "ml",
            Self::L => "l",
            Self::None => "",
        }
    }
}

/// How far an observed number may be from the expected one (±).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Tolerance {
    /// ± this much, in the row's unit.
    Absolute(f64),
    /// ± this percentage of the expected value.
    Percent(f64),
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance::Absolute(0.0)
    }
}
