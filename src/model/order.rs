//! Orders and what hangs off them: seller messages, parcels, observations,
//! packing requests, the route decision and the inspection record.

use super::ids::{MessageId, OrderId, PackingId, ParcelId, PhotoId, RiskId, RouteId, SpecId};
use super::photo::Photo;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// A sample or bulk order placed with a seller.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Order {
    pub id: OrderId,
    pub kind: OrderKind,
    /// The marketplace order number.
    pub number: String,
    pub seller: String,
    pub quantity: u32,
    /// The variant as ordered (compare with the listing's selected variant).
    pub variant: String,
    pub ordered_on: Option<NaiveDate>,
    pub seller_shipped_on: Option<NaiveDate>,
    /// The order note: what was asked of the seller.
    pub note: String,
    pub messages: Vec<SellerMessage>,
    pub parcels: Vec<Parcel>,
    pub photos: Vec<Photo>,
    /// Values seen for spec rows on this order.
    pub observations: Vec<Observation>,
    pub packing: Vec<PackingRequest>,
    pub route: Option<RouteDecision>,
    /// The inspection record (bulk orders).
    pub inspection: Option<Inspection>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderKind {
    #[default]
    Sample,
    Bulk,
}

impl OrderKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Sample => "sample",
            Self::Bulk => "bulk",
        }
    }
}

/// What the seller said, as text and/or a chat screenshot.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SellerMessage {
    pub id: MessageId,
    pub time: Option<NaiveDateTime>,
    pub text: String,
    /// A chat screenshot among the order's photos.
    pub screenshot: Option<PhotoId>,
    /// Spec rows this message confirms.
    pub confirms: Vec<SpecId>,
    /// Bulk terms and repeat promises this message confirms.
    pub terms: Vec<Term>,
}

/// Things a seller must confirm before a bulk order: that bulk repeats the
/// sample, and the terms of the bulk order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Term {
    SameMaterial,
    SameMould,
    SameColourBatch,
    SamePackaging,
    SameAccessories,
    Moq,
    LeadTime,
    CartonSize,
    GrossWeight,
    DefectHandling,
    PreShipmentPhotos,
}

impl Term {
    pub const ALL: [Term; 11] = [
        Self::SameMaterial,
        Self::SameMould,
        Self::SameColourBatch,
        Self::SamePackaging,
        Self::SameAccessories,
        Self::Moq,
        Self::LeadTime,
        Self::CartonSize,
        Self::GrossWeight,
        Self::DefectHandling,
        Self::PreShipmentPhotos,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::SameMaterial => "same material",
            Self::SameMould => "same mould",
            Self::SameColourBatch => "same colour batch",
            Self::SamePackaging => "same packaging",
            Self::SameAccessories => "same accessory set",
            Self::Moq => "MOQ",
            Self::LeadTime => "lead time",
            Self::CartonSize => "carton size",
            Self::GrossWeight => "gross weight",
            Self::DefectHandling => "defect handling",
            Self::PreShipmentPhotos => "pre-shipment photos",
        }
    }
}

/// A domestic parcel, identified by its tracking number.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Parcel {
    pub id: ParcelId,
    pub tracking: String,
    pub carrier: String,
    /// When the warehouse checked it in.
    pub arrived_on: Option<NaiveDate>,
    pub weight_kg: Option<f64>,
}

/// The value seen for a spec row on an order, as typed ("12.8 cm", "navy").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub spec: SpecId,
    pub value: String,
    #[serde(default)]
    pub source: Source,
    /// The photo that shows it, if any.
    #[serde(default)]
    pub photo: Option<PhotoId>,
    #[serde(default)]
    pub note: String,
    /// The buyer's call on this value against its reference, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judgement: Option<Judgement>,
    /// A colour row's colour measured between a sample and a bulk photo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Box<super::ColourReading>>,
}

/// The buyer's call on an observed value the rules judged a deviation (or
/// could not read): "this matches" or "I accept this deviation", with why,
/// who and when. It holds for the value it was made on; a different value
/// is judged afresh.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    pub call: Call,
    /// The observed value the call was made on.
    pub value: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub by: String,
    pub at: DateTime<FixedOffset>,
}

impl Judgement {
    /// Whether the call still holds for `observed` (it was made on that
    /// value, after trimming).
    pub fn holds_for(&self, observed: &str) -> bool {
        self.value.trim() == observed.trim()
    }
}

/// What the buyer said of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Call {
    /// The value matches the reference (the rules read the words
    /// differently): no deviation.
    Matches,
    /// The value differs, and the buyer accepts it: the verdict is GO with
    /// this as a condition, and the brief never asks the seller to fix it.
    AcceptDeviation,
}

impl Call {
    pub fn label(self) -> &'static str {
        match self {
            Self::Matches => "matches",
            Self::AcceptDeviation => "deviation accepted",
        }
    }
}

/// Where an observation comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    #[default]
    Photo,
    Measurement,
    SellerReply,
}

/// A packing instruction to the warehouse, linked to the risk it answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackingRequest {
    pub id: PackingId,
    pub text: String,
    pub risk: Option<RiskId>,
}

/// The shipping route chosen for an order, with its cartons.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteDecision {
    /// The project route chosen; `None` until one is. Written as
    /// `route_id` (schema 2).
    #[serde(rename = "route_id")]
    pub route: Option<RouteId>,
    /// Schema 1 chose a route by its name; read only to migrate it.
    #[serde(rename = "route", skip_serializing)]
    pub legacy_name: String,
    pub cartons: Vec<Carton>,
    pub reviewed_on: Option<NaiveDate>,
    pub note: String,
}

/// Identical cartons: size in cm, gross weight in kg, how many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Carton {
    pub length_cm: f64,
    pub width_cm: f64,
    pub height_cm: f64,
    pub gross_kg: f64,
    pub count: u32,
}

/// The inspection of a bulk lot (ISO 2859-1 single sampling).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Inspection {
    pub lot_size: u32,
    pub level: InspectionLevel,
    /// AQL for major defects, e.g. 2.5.
    pub aql_major: f64,
    /// AQL for minor defects, e.g. 4.0.
    pub aql_minor: f64,
    /// Defective units found, by class (a unit counts once, under its most
    /// serious defect).
    pub critical_found: u32,
    pub major_found: u32,
    pub minor_found: u32,
    pub inspected_on: Option<NaiveDate>,
    pub inspector: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InspectionLevel {
    I,
    #[default]
    II,
    III,
}
