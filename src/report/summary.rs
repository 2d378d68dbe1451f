//! The decision summary: everything an export shows, computed from the
//! project by the rules, in document order. Pure: no I/O. Borrows the
//! project.

use crate::model::{
    Call, Decision, Judgement, Order, OrderId, OrderKind, Photo, Product, ProductId, Project,
    RouteDecision, SpecId, Subject, Term, Verdict,
};
use crate::rules::aql::{self, InspectionResult};
use crate::rules::compare::{Cell, Comparison, Reference, compare_product};
use crate::rules::decisions::is_stale;
use crate::rules::sample_gate::{BULK_TERMS, REPEAT_TERMS};
use crate::rules::shipping::{Quote, is_priced, quote};
use crate::rules::{ExportGate, SampleGate, export_gate, sample_gate};
use chrono::NaiveDateTime;
use std::collections::HashSet;

/// What an export covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every product.
    Project,
    /// One product with all its orders.
    Product(ProductId),
    /// One order, with its product's listing, brief and sample gate.
    Order(OrderId),
}

/// The summary of a project (or part of it) at `generated`.
#[derive(Clone, Debug)]
pub struct Summary<'a> {
    pub project: &'a Project,
    pub generated: NaiveDateTime,
    pub scope: Scope,
    pub products: Vec<ProductSummary<'a>>,
}

/// One product: its listing, brief, table, gate, deviations, decisions and
/// the orders in scope.
#[derive(Clone, Debug)]
pub struct ProductSummary<'a> {
    pub product: &'a Product,
    /// The spec brief with the sample and bulk cells.
    pub comparison: Comparison,
    /// The order numbers of the compared orders (table headers).
    pub sample_number: Option<&'a str>,
    pub bulk_number: Option<&'a str>,
    /// "Scale up?"
    pub gate: SampleGate,
    /// Every deviation or unreadable value in the table.
    pub deviations: Vec<Deviation>,
    /// Spec rows no seller message confirms.
    pub unconfirmed_rows: Vec<SpecId>,
    /// Repeat promises and bulk terms no seller message confirms.
    pub unconfirmed_terms: Vec<Term>,
    /// Signed decisions about the product or its orders in scope, oldest
    /// first.
    pub decisions: Vec<DecisionLine<'a>>,
    pub orders: Vec<OrderSummary<'a>>,
}

/// A spec row whose observed value differs from what was expected.
#[derive(Clone, Debug, PartialEq)]
pub struct Deviation {
    pub spec: SpecId,
    pub row: String,
    pub critical: bool,
    pub order: OrderId,
    pub kind: OrderKind,
    pub order_number: String,
    /// What it was judged against, in words.
    pub expected: String,
    /// "the brief" or "the accepted sample".
    pub against: &'static str,
    pub observed: String,
    /// How it differs, or why it cannot be read.
    pub difference: String,
    /// The observation cannot be read for the row (a word on a number row).
    pub unreadable: bool,
    /// The buyer accepted this deviation (see [`accepted`]): briefs list it
    /// as accepted instead of asking the seller to correct it.
    pub accepted: bool,
    /// The buyer's call on the cell, if it settles it.
    pub call: Option<Judgement>,
}

impl Deviation {
    /// The difference in words, unless it only repeats the two values
    /// ("“navy” instead of “black”").
    pub fn detail(&self) -> Option<&str> {
        let repeats =
            self.difference.contains(&self.observed) && self.difference.contains(&self.expected);
        (!repeats).then_some(self.difference.as_str())
    }
}

/// A signed decision, with whether its evidence changed since.
#[derive(Clone, Debug)]
pub struct DecisionLine<'a> {
    pub decision: &'a Decision,
    /// "Scale up? product …" or "Ship it? order …".
    pub subject: String,
    pub stale: bool,
}

/// One order: its facts (borrowed), its export gate, route and inspection.
#[derive(Clone, Debug)]
pub struct OrderSummary<'a> {
    pub order: &'a Order,
    /// "Ship it?"
    pub gate: ExportGate,
    pub route: Option<RouteSummary<'a>>,
    pub inspection: Option<Result<InspectionResult, String>>,
    pub photos: Vec<PhotoSummary<'a>>,
}

/// The chosen route with its chargeable weight and cost, or why they
/// cannot be computed.
#[derive(Clone, Debug)]
pub struct RouteSummary<'a> {
    pub decision: &'a RouteDecision,
    /// The chosen route's name; `None` if it is not a project route.
    pub name: Option<&'a str>,
    pub quote: Result<Quote, String>,
    /// The route has rates; an unpriced one costs "0" only on paper.
    pub priced: bool,
}

/// A photo with the tracking number it is linked to.
#[derive(Clone, Debug)]
pub struct PhotoSummary<'a> {
    pub photo: &'a Photo,
    pub tracking: Option<&'a str>,
}

impl Summary<'_> {
    /// Every photo in the summary, in order.
    pub fn photos(&self) -> impl Iterator<Item = &Photo> + '_ {
        self.products
            .iter()
            .flat_map(|p| &p.orders)
            .flat_map(|o| o.photos.iter().map(|p| p.photo))
    }
}

/// Why a summary cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScopeError {
    #[error("product {0} is not in the project (see `bulkready list`)")]
    NoProduct(ProductId),
    #[error("order {0} is not in the project (see `bulkready list`)")]
    NoOrder(OrderId),
}

/// Builds the summary of `scope` at `now` (warehouse local time).
pub fn summarise(
    project: &Project,
    scope: Scope,
    now: NaiveDateTime,
) -> Result<Summary<'_>, ScopeError> {
    let products: Vec<ProductSummary> = match scope {
        Scope::Project => project
            .products
            .iter()
            .map(|p| product_summary(project, p, None, now))
            .collect(),
        Scope::Product(id) => {
            let p = project.product(id).ok_or(ScopeError::NoProduct(id))?;
            vec![product_summary(project, p, None, now)]
        }
        Scope::Order(id) => {
            let (p, _) = project.order(id).ok_or(ScopeError::NoOrder(id))?;
            vec![product_summary(project, p, Some(id), now)]
        }
    };
    Ok(Summary {
        project,
        generated: now,
        scope,
        products,
    })
}

fn product_summary<'a>(
    project: &'a Project,
    product: &'a Product,
    only: Option<OrderId>,
    now: NaiveDateTime,
) -> ProductSummary<'a> {
    let comparison = compare_product(product);
    let number = |id: Option<OrderId>| {
        id.and_then(|id| product.orders.iter().find(|o| o.id == id))
            .map(|o| o.number.as_str())
    };
    let in_scope = |id: OrderId| only.is_none_or(|o| o == id);
    let orders: Vec<OrderSummary> = product
        .orders
        .iter()
        .filter(|o| in_scope(o.id))
        .map(|o| order_summary(project, product, o, now))
        .collect();
    let decisions = project
        .decisions
        .iter()
        .filter(|d| match d.subject {
            Subject::ScaleUp(p) => p == product.id,
            Subject::Ship(o) => product.orders.iter().any(|x| x.id == o) && in_scope(o),
        })
        .map(|d| DecisionLine {
            decision: d,
            subject: match d.subject {
                Subject::ScaleUp(_) => format!("Scale up? {}", product.name),
                Subject::Ship(o) => {
                    let n = product.orders.iter().find(|x| x.id == o);
                    let (kind, num) = n.map_or(("", ""), |x| (x.kind.label(), x.number.as_str()));
                    format!("Ship it? {kind} order {num}")
                }
            },
            stale: is_stale(project, d),
        })
        .collect();
    let deviations = deviations(product, &comparison)
        .into_iter()
        .filter(|d| in_scope(d.order))
        .collect();
    let (unconfirmed_rows, unconfirmed_terms) = unconfirmed(product);
    ProductSummary {
        product,
        sample_number: number(comparison.sample_order),
        bulk_number: number(comparison.bulk_order),
        comparison,
        gate: sample_gate(product),
        deviations,
        unconfirmed_rows,
        unconfirmed_terms,
        decisions,
        orders,
    }
}

fn order_summary<'a>(
    project: &'a Project,
    product: &'a Product,
    order: &'a Order,
    now: NaiveDateTime,
) -> OrderSummary<'a> {
    let route = order
        .route
        .as_ref()
        .and_then(|d| d.route.map(|id| (d, id)))
        .map(|(decision, id)| {
            let quote = match project.route(id) {
                None => Err("the chosen route is not among the project's routes".to_string()),
                Some(r) => quote(r, &decision.cartons).map_err(|e| e.to_string()),
            };
            let chosen = project.route(id);
            RouteSummary {
                decision,
                name: chosen.map(|r| r.name.as_str()),
                quote,
                priced: chosen.is_some_and(is_priced),
            }
        });
    let photos = order
        .photos
        .iter()
        .map(|photo| PhotoSummary {
            photo,
            tracking: photo
                .parcel
                .and_then(|id| order.parcels.iter().find(|p| p.id == id))
                .map(|p| p.tracking.as_str()),
        })
        .collect();
    OrderSummary {
        order,
        gate: export_gate(project, product, order, now),
        route,
        inspection: order
            .inspection
            .as_ref()
            .map(|i| aql::judge(i).map_err(|e| e.to_string())),
        photos,
    }
}

/// Whether the buyer accepted how `order` differs from the reference on
/// a row: by their call on the cell ("I accept this deviation"), or by
/// accepting the sample (its values become the reference for the bulk).
/// The brief and every export read [`Deviation::accepted`].
pub fn accepted(product: &Product, order: &Order, call: Option<&Judgement>) -> bool {
    call.is_some_and(|j| j.call == Call::AcceptDeviation)
        || (order.kind == OrderKind::Sample && product.accepted_sample == Some(order.id))
}

/// Every deviation or unreadable cell of the table, sample cells first.
pub fn deviations(product: &Product, comparison: &Comparison) -> Vec<Deviation> {
    let order = |id: Option<OrderId>| id.and_then(|id| product.orders.iter().find(|o| o.id == id));
    let mut out = Vec::new();
    for (which, order) in [
        (true, order(comparison.sample_order)),
        (false, order(comparison.bulk_order)),
    ] {
        let Some(order) = order else { continue };
        for row in &comparison.rows {
            let (cell, call) = if which {
                (&row.sample, row.sample_call.as_ref())
            } else {
                (&row.bulk, row.bulk_call.as_ref())
            };
            if call.is_some_and(|j| j.call == Call::Matches) {
                continue;
            }
            let (observed, difference, unreadable) = match cell {
                Cell::Deviation {
                    observed,
                    difference,
                } => (observed, difference, false),
                Cell::Unreadable { observed, problem } => (observed, problem, true),
                Cell::Match { .. } | Cell::Missing => continue,
            };
            let against_sample = !which && row.bulk_reference != Reference::Brief;
            let expected = if against_sample {
                comparison
                    .sample_order
                    .and_then(|id| product.orders.iter().find(|o| o.id == id))
                    .and_then(|o| crate::rules::compare::observed(o, row.spec))
                    .unwrap_or(&row.brief)
                    .to_string()
            } else {
                row.brief.clone()
            };
            out.push(Deviation {
                spec: row.spec,
                row: row.name.clone(),
                critical: row.critical,
                order: order.id,
                kind: order.kind,
                order_number: order.number.clone(),
                expected,
                against: if against_sample {
                    "the accepted sample"
                } else {
                    "the brief"
                },
                observed: observed.clone(),
                difference: difference.clone(),
                unreadable,
                accepted: accepted(product, order, call),
                call: call.cloned(),
            });
        }
    }
    out
}

/// Spec rows and terms that no seller message of the product confirms.
pub fn unconfirmed(product: &Product) -> (Vec<SpecId>, Vec<Term>) {
    let messages = || product.orders.iter().flat_map(|o| &o.messages);
    let rows: HashSet<SpecId> = messages()
        .flat_map(|m| m.confirms.iter().copied())
        .collect();
    let terms: HashSet<Term> = messages().flat_map(|m| m.terms.iter().copied()).collect();
    (
        product
            .spec
            .iter()
            .map(|s| s.id)
            .filter(|s| !rows.contains(s))
            .collect(),
        REPEAT_TERMS
            .iter()
            .chain(&BULK_TERMS)
            .copied()
            .filter(|t| !terms.contains(t))
            .collect(),
    )
}

/// A verdict in capitals with its symbol (the PDF font has ✓ × ○ ⚠).
pub fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::Go => "\u{2713} GO",
        Verdict::GoWithConditions => "\u{2713} GO WITH CONDITIONS",
        Verdict::NoGo => "\u{d7} NO-GO",
        Verdict::NotReady => "\u{25cb} NOT READY",
    }
}
