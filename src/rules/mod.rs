//! The rules: every verdict, reason and number the buyer sees, as pure
//! functions of the model (no I/O, no egui, no printing).
//!
//! - [`compare`]: the spec table, brief | sample | bulk.
//! - [`sample_gate`]: "Scale up?" per product.
//! - [`export_gate`]: "Ship it?" per order, with the pre-shipment checklist.
//! - [`aql`]: ISO 2859-1 single sampling plans.
//! - [`shipping`]: chargeable weight, CBM, route costs.
//! - [`deadlines`]: return window and free storage left per order.
//! - [`decisions`]: signed decisions, their evidence, and staleness.
//! - [`text`]: normalisation of typed text (full-width forms, case, spaces),
//!   counts with their nouns ("1 photo", "2 photos").
//! - [`listing_link`]: marketplace, offer id, canonical URL and title from a
//!   pasted link or share text.
//!
//! [`evaluate`] runs every gate of a project.

#[cfg(test)]
mod all_go_fixture;
pub mod aql;
pub mod colour;
pub mod compare;
pub mod deadlines;
pub mod decisions;
pub mod export_gate;
pub mod listing_link;
pub mod ops;
pub mod photo_pairs;
pub mod photo_rows;
pub mod sample_gate;
pub mod search;
pub mod shipping;
pub mod spec_templates;
pub mod text;
pub mod tracking;

use crate::model::{
    MessageId, OrderId, ParcelId, PhotoId, ProductId, Project, RiskId, SpecId, Verdict,
};
use chrono::NaiveDateTime;
use serde::{Serialize, Serializer};

pub use export_gate::{ExportGate, export_gate};
pub use sample_gate::{SampleGate, sample_gate};

/// Every gate of a project: each product's sample gate and each order's
/// export gate, in document order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ProjectVerdicts {
    pub products: Vec<SampleGate>,
    pub orders: Vec<ExportGate>,
}

impl ProjectVerdicts {
    /// Whether every gate is go (the CLI exits 0 then, 1 otherwise).
    pub fn all_go(&self) -> bool {
        self.products.iter().all(|g| g.verdict == Verdict::Go)
            && self.orders.iter().all(|g| g.verdict == Verdict::Go)
    }
}

/// Runs every gate of the project at `now` (warehouse local time).
pub fn evaluate(project: &Project, now: NaiveDateTime) -> ProjectVerdicts {
    ProjectVerdicts {
        products: project.products.iter().map(sample_gate).collect(),
        orders: project
            .products
            .iter()
            .flat_map(|p| {
                p.orders
                    .iter()
                    .map(move |o| export_gate(project, p, o, now))
            })
            .collect(),
    }
}

/// Whether a reason stops the gate or only warns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The gate cannot be go while this reason stands.
    Blocks,
    /// Worth the buyer's attention; the verdict does not change.
    Warns,
    /// A deviation the buyer accepted: the verdict is at best GO with
    /// conditions, and this is one of them.
    Condition,
}

/// Where the window jumps to fix a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "id")]
pub enum Target {
    Product(ProductId),
    /// The product's listing (URL, variant).
    Listing(ProductId),
    Order(OrderId),
    /// The variant as ordered on an order.
    OrderVariant(OrderId),
    SpecRow(SpecId),
    Photo(PhotoId),
    /// The photos of an order (e.g. a kind of photo is missing).
    Photos(OrderId),
    /// An order's photos not linked to one of its parcels.
    PhotosNotLinked(OrderId),
    /// An order's photos not yet checked for everything.
    PhotosUnchecked(OrderId),
    Parcel(ParcelId),
    /// The parcels of an order (e.g. none recorded).
    Parcels(OrderId),
    Message(MessageId),
    /// The seller messages of an order (e.g. a confirmation is missing).
    Messages(OrderId),
    /// The packing requests of an order.
    Packing(OrderId),
    Risk(RiskId),
    /// The route decision of an order.
    Route(OrderId),
    /// The inspection record of an order.
    Inspection(OrderId),
    /// The project's warehouse settings.
    Warehouse,
}

/// One reason behind a verdict: one clear sentence and where to fix it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reason {
    pub severity: Severity,
    /// The verdict this reason alone leads to: no-go or not-ready when it
    /// blocks, go when it only warns.
    #[serde(serialize_with = "verdict_str")]
    pub effect: Verdict,
    pub message: String,
    pub target: Target,
}

impl Reason {
    /// A reason that makes the gate no-go.
    pub fn no_go(target: Target, message: impl Into<String>) -> Self {
        Self::new(Severity::Blocks, Verdict::NoGo, target, message)
    }

    /// A reason that makes the gate not-ready.
    pub fn not_ready(target: Target, message: impl Into<String>) -> Self {
        Self::new(Severity::Blocks, Verdict::NotReady, target, message)
    }

    /// A condition of a GO: a deviation the buyer accepted.
    pub fn condition(target: Target, message: impl Into<String>) -> Self {
        Self::new(
            Severity::Condition,
            Verdict::GoWithConditions,
            target,
            message,
        )
    }

    /// A warning: shown, but the verdict does not change.
    pub fn warn(target: Target, message: impl Into<String>) -> Self {
        Self::new(Severity::Warns, Verdict::Go, target, message)
    }

    fn new(
        severity: Severity,
        effect: Verdict,
        target: Target,
        message: impl Into<String>,
    ) -> Self {
        Reason {
            severity,
            effect,
            message: message.into(),
            target,
        }
    }
}

/// The verdict of a set of reasons: no-go beats not-ready beats go with
/// conditions beats go.
pub fn verdict_of<'a>(reasons: impl IntoIterator<Item = &'a Reason>) -> Verdict {
    reasons
        .into_iter()
        .map(|r| r.effect)
        .fold(Verdict::Go, worst)
}

/// The more serious of two verdicts: no-go beats not-ready beats go.
pub fn worst(a: Verdict, b: Verdict) -> Verdict {
    fn rank(v: Verdict) -> u8 {
        match v {
            Verdict::Go => 0,
            Verdict::GoWithConditions => 1,
            Verdict::NotReady => 2,
            Verdict::NoGo => 3,
        }
    }
    if rank(b) > rank(a) { b } else { a }
}

/// Serializes a verdict as "go", "no-go" or "not-ready" (the model's own
/// serde form is the RON variant name, kept for the project file).
pub fn verdict_str<S: Serializer>(v: &Verdict, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(v.label())
}

#[cfg(test)]
mod grouping_tests;
#[cfg(test)]
mod judgement_tests;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn no_go_beats_not_ready_beats_go() {
        let t = Target::Warehouse;
        let (g, nr, ng) = (
            Reason::warn(t, "w"),
            Reason::not_ready(t, "n"),
            Reason::no_go(t, "x"),
        );
        let cases: [(Vec<&Reason>, Verdict); 7] = [
            (vec![], Verdict::Go),
            (vec![&g], Verdict::Go),
            (vec![&nr], Verdict::NotReady),
            (vec![&ng], Verdict::NoGo),
            (vec![&g, &nr], Verdict::NotReady),
            (vec![&nr, &ng, &g], Verdict::NoGo),
            (vec![&ng, &nr], Verdict::NoGo),
        ];
        for (reasons, want) in cases {
            assert_eq!(verdict_of(reasons.iter().copied()), want);
        }
    }

    #[test]
    fn reasons_serialize_with_kebab_verdicts() {
        let r = Reason::not_ready(Target::SpecRow(SpecId(4)), "Colour was not observed.");
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(
            json,
            r#"{"severity":"blocks","effect":"not-ready","message":"Colour was not observed.","target":{"kind":"spec-row","id":4}}"#
        );
        let json = serde_json::to_string(&Reason::no_go(Target::Warehouse, "x")).unwrap();
        assert!(json.contains(r#""effect":"no-go""#), "{json}");
        assert!(json.contains(r#""target":{"kind":"warehouse"}"#), "{json}");
        let json = serde_json::to_string(&Reason::warn(Target::Order(OrderId(1)), "x")).unwrap();
        assert!(
            json.contains(r#""severity":"warns","effect":"go""#),
            "{json}"
        );
    }
}
