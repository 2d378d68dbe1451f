//! "Ship it?": the export gate of an order, built on the seed's five-point
//! pre-shipment checklist, plus, for bulk orders, carton-label and
//! parcel-count photos and the AQL inspection; plus packing requests and the
//! return-window warning.
//!
//! Packing requests: each risk of the product needs a packing request on the
//! order linked to it, else the gate is **not-ready** (it blocks). The seed
//! names "a packing request connects to the product risk" among the links
//! whose absence means "not ready to approve export", and a fragile or
//! battery item shipped without its instruction cannot be undone. A packing
//! request linked to no risk only warns.

use super::aql::{self, DefectClass};
use super::deadlines::{OrderDeadlines, order_deadlines};
use super::shipping::chargeable_weight;
use super::text::{fmt_num, normalise, same_text};
use super::tracking::{self, Finding};
use super::{Reason, Target, verdict_of, verdict_str};
use crate::model::{Check, Order, OrderId, OrderKind, Photo, Product, Project, Tag, Verdict};
use chrono::NaiveDateTime;
use serde::Serialize;
use std::collections::HashSet;

/// The points of the checklist the window shows, ticked or not. Each
/// label says what ticks it, in the terms of the rule that does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Point {
    /// 1. The listing URL (http or https) and its selected variant saved.
    ListingSaved,
    /// 2. A seller message confirming spec rows or terms (an order note is
    ///    what the buyer asked, not the seller's answer).
    SellerConfirmation,
    /// 3. Each parcel has a tracking number and arrived; each warehouse
    ///    photo is linked to one of them.
    TrackingMatched,
    /// 4. Warehouse photos, each checked for model, quantity, accessories
    ///    and damage, none failed.
    PhotosChecked,
    /// 5. A shipping route chosen, with cartons to price it.
    RouteReviewed,
    /// Bulk: a carton-label photo and a parcel-count photo (by tag).
    CartonPhotos,
    /// Bulk: an inspection record that its AQL plan accepts.
    Inspection,
    /// Each product risk has a packing request linked to it.
    Packing,
}

impl Point {
    pub fn label(self) -> &'static str {
        match self {
            Self::ListingSaved => "Listing URL (http or https) and selected variant saved",
            Self::SellerConfirmation => "Seller message recorded that confirms spec rows or terms",
            Self::TrackingMatched => {
                "Every parcel tracked and arrived, every warehouse photo linked to one"
            }
            Self::PhotosChecked => {
                "Warehouse photos checked for model, quantity, accessories and damage, none failed"
            }
            Self::RouteReviewed => "Shipping route chosen, with cartons to price it",
            Self::CartonPhotos => "Carton-label and parcel-count photos tagged",
            Self::Inspection => "Inspection recorded and accepted by its AQL plan",
            Self::Packing => "Packing request linked to each product risk",
        }
    }
}

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChecklistItem {
    pub point: Point,
    pub label: &'static str,
    /// No reason of this point blocks.
    pub ticked: bool,
    #[serde(serialize_with = "verdict_str")]
    pub state: Verdict,
    /// The reasons of this point (indices into the gate's reasons).
    pub reasons: Vec<usize>,
}

fn kind_str<S: serde::Serializer>(k: &OrderKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.label())
}

/// The export gate of one order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExportGate {
    pub order: OrderId,
    pub order_number: String,
    #[serde(serialize_with = "kind_str")]
    pub kind: OrderKind,
    #[serde(serialize_with = "verdict_str")]
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
    /// The point each reason belongs to (None: deadlines), same order.
    pub reason_points: Vec<Option<Point>>,
    pub checklist: Vec<ChecklistItem>,
    pub deadlines: OrderDeadlines,
    /// Tracking numbers read on the order's photos that are no parcel of
    /// it: each can be added as a parcel with one click.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parcels_to_add: Vec<ParcelToAdd>,
}

/// A tracking number on a photo's label that is no parcel of its order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParcelToAdd {
    pub photo: crate::model::PhotoId,
    pub tracking: String,
    /// "YTO Express", or "likely ZTO or STO (…)" for all-digit numbers.
    pub carrier: String,
}

struct Collect {
    reasons: Vec<Reason>,
    points: Vec<Option<Point>>,
    parcels_to_add: Vec<ParcelToAdd>,
}

impl Collect {
    fn add(&mut self, point: Point, r: Reason) {
        self.reasons.push(r);
        self.points.push(Some(point));
    }
}

/// Whether a URL is saved and starts with http:// or https:// and a host.
pub fn is_http_url(url: &str) -> bool {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !u.contains(char::is_whitespace)
        }
        None => false,
    }
}

fn listing(c: &mut Collect, product: &Product, order: &Order) {
    let p = Point::ListingSaved;
    let l = &product.listing;
    if l.url.trim().is_empty() {
        c.add(
            p,
            Reason::not_ready(Target::Listing(product.id), "The listing URL is not saved."),
        );
    } else if !is_http_url(&l.url) {
        c.add(
            p,
            Reason::not_ready(
                Target::Listing(product.id),
                format!(
                    "The listing URL \u{201c}{}\u{201d} is not an http(s) address.",
                    l.url.trim()
                ),
            ),
        );
    }
    if normalise(&l.variant).is_empty() {
        c.add(
            p,
            Reason::not_ready(
                Target::Listing(product.id),
                "The selected variant of the listing is not saved.",
            ),
        );
    } else if normalise(&order.variant).is_empty() {
        c.add(
            p,
            Reason::warn(
                Target::OrderVariant(order.id),
                "The variant as ordered is not recorded on the order.",
            ),
        );
    } else if !same_text(&l.variant, &order.variant) {
        c.add(p, Reason::warn(
            Target::OrderVariant(order.id),
            format!(
                "The variant ordered (\u{201c}{}\u{201d}) differs from the listing's selected variant (\u{201c}{}\u{201d}).",
                order.variant.trim(),
                l.variant.trim()
            ),
        ));
    }
}

fn confirmation(c: &mut Collect, order: &Order) {
    let confirmed = order
        .messages
        .iter()
        .any(|m| !m.confirms.is_empty() || !m.terms.is_empty());
    if !confirmed {
        c.add(
            Point::SellerConfirmation,
            Reason::not_ready(
                Target::Messages(order.id),
                "No seller message is recorded that confirms spec rows or terms.",
            ),
        );
    }
}

/// Chat screenshots need no parcel: tagged as such, or used by a message.
fn screenshots(order: &Order) -> HashSet<crate::model::PhotoId> {
    let mut s: HashSet<_> = order.messages.iter().filter_map(|m| m.screenshot).collect();
    s.extend(
        order
            .photos
            .iter()
            .filter(|p| p.has_tag(Tag::ChatScreenshot))
            .map(|p| p.id),
    );
    s
}

fn tracking(c: &mut Collect, order: &Order) {
    let p = Point::TrackingMatched;
    if order.parcels.is_empty() {
        c.add(
            p,
            Reason::not_ready(
                Target::Parcels(order.id),
                "No domestic tracking number is recorded.",
            ),
        );
    }
    for parcel in &order.parcels {
        if parcel.tracking.trim().is_empty() {
            c.add(
                p,
                Reason::not_ready(
                    Target::Parcel(parcel.id),
                    "A parcel has no tracking number.",
                ),
            );
        } else if parcel.arrived_on.is_none() {
            c.add(
                p,
                Reason::not_ready(
                    Target::Parcel(parcel.id),
                    format!(
                        "Parcel {} has not arrived at the warehouse.",
                        parcel.tracking.trim()
                    ),
                ),
            );
        }
    }
    let shots = screenshots(order);
    let parcels: HashSet<_> = order.parcels.iter().map(|p| p.id).collect();
    let unlinked: Vec<&Photo> = order
        .photos
        .iter()
        .filter(|ph| !shots.contains(&ph.id))
        .filter(|ph| !ph.parcel.is_some_and(|id| parcels.contains(&id)))
        .collect();
    match unlinked.as_slice() {
        [] => {}
        [photo] => c.add(
            p,
            Reason::not_ready(
                Target::Photo(photo.id),
                format!(
                    "Photo {} is not linked to a tracking number of this order.",
                    photo.file.original_name
                ),
            ),
        ),
        many => c.add(
            p,
            Reason::not_ready(
                Target::PhotosNotLinked(order.id),
                format!(
                    "{} photos are not linked to a tracking number of this order.",
                    many.len()
                ),
            ),
        ),
    }
}

/// Labels on the order's photos: a tracking number that is no parcel of
/// the order, or another parcel than the photo is linked to.
fn labels(c: &mut Collect, order: &Order) {
    for photo in &order.photos {
        for finding in tracking::photo_findings(order, photo) {
            match finding {
                Finding::NotAParcel {
                    tracking,
                    carrier,
                    reason,
                } => {
                    c.add(Point::TrackingMatched, reason);
                    c.parcels_to_add.push(ParcelToAdd {
                        photo: photo.id,
                        tracking,
                        carrier: carrier.describe(),
                    });
                }
                Finding::OtherParcel { reason, .. } => c.add(Point::TrackingMatched, reason),
                Finding::Parcel { .. } | Finding::ProductCode { .. } => {}
            }
        }
    }
}

fn photos_checked(c: &mut Collect, order: &Order) {
    let p = Point::PhotosChecked;
    let shots = screenshots(order);
    let warehouse: Vec<_> = order
        .photos
        .iter()
        .filter(|ph| !shots.contains(&ph.id))
        .collect();
    if warehouse.is_empty() {
        c.add(
            p,
            Reason::not_ready(Target::Photos(order.id), "There are no warehouse photos."),
        );
    }
    let mut unchecked_photos = Vec::new();
    for photo in warehouse {
        let name = &photo.file.original_name;
        let checks = photo.checks.all();
        let failed: Vec<&str> = checks
            .iter()
            .filter(|(_, ch)| *ch == Check::Fail)
            .map(|(n, _)| *n)
            .collect();
        let unchecked: Vec<&str> = checks
            .iter()
            .filter(|(_, ch)| *ch == Check::Unchecked)
            .map(|(n, _)| *n)
            .collect();
        if !failed.is_empty() {
            c.add(
                p,
                Reason::no_go(
                    Target::Photo(photo.id),
                    format!("Photo {name} fails the {} check.", failed.join(", ")),
                ),
            );
        }
        if !unchecked.is_empty() {
            unchecked_photos.push((photo, unchecked));
        }
    }
    match unchecked_photos.as_slice() {
        [] => {}
        [(photo, unchecked)] => c.add(
            p,
            Reason::not_ready(
                Target::Photo(photo.id),
                format!(
                    "Photo {} is not checked for {}.",
                    photo.file.original_name,
                    unchecked.join(", ")
                ),
            ),
        ),
        many => c.add(
            p,
            Reason::not_ready(
                Target::PhotosUnchecked(order.id),
                format!(
                    "{} photos are not fully checked (model, quantity, accessories, damage).",
                    many.len()
                ),
            ),
        ),
    }
}

fn route(c: &mut Collect, project: &Project, order: &Order) {
    let p = Point::RouteReviewed;
    let target = Target::Route(order.id);
    let Some((decision, chosen)) = order.route.as_ref().and_then(|d| d.route.map(|id| (d, id)))
    else {
        c.add(p, Reason::not_ready(target, "No shipping route is chosen."));
        return;
    };
    if decision.cartons.is_empty() {
        c.add(
            p,
            Reason::not_ready(target, "No cartons are recorded for the route."),
        );
        return;
    }
    let Some(route) = project.route(chosen) else {
        c.add(
            p,
            Reason::not_ready(
                target,
                "The chosen route is not among the project's routes, so its chargeable weight is unknown.",
            ),
        );
        return;
    };
    if let Err(e) = chargeable_weight(route, &decision.cartons) {
        c.add(
            p,
            Reason::not_ready(
                target,
                format!("The chargeable weight cannot be computed: {e}."),
            ),
        );
    }
}

fn bulk(c: &mut Collect, order: &Order) {
    for (tag, what) in [
        (Tag::CartonLabel, "carton label"),
        (Tag::ParcelCount, "parcel count"),
    ] {
        if !order.photos.iter().any(|ph| ph.has_tag(tag)) {
            c.add(
                Point::CartonPhotos,
                Reason::not_ready(
                    Target::Photos(order.id),
                    format!("There is no {what} photo of the bulk order."),
                ),
            );
        }
    }
    let p = Point::Inspection;
    let target = Target::Inspection(order.id);
    let Some(insp) = &order.inspection else {
        c.add(
            p,
            Reason::not_ready(target, "The bulk lot has no inspection record."),
        );
        return;
    };
    match aql::judge(insp) {
        Err(e) => c.add(
            p,
            Reason::not_ready(target, format!("The inspection cannot be judged: {e}.")),
        ),
        Ok(r) => {
            for class in r.classes.iter().filter(|cl| !cl.accepted) {
                let accept = class.plan.accept;
                let what = if class.class == DefectClass::Critical {
                    "any critical defect rejects".to_string()
                } else {
                    format!("accept at most {accept}")
                };
                c.add(p, Reason::no_go(
                    target,
                    format!(
                        "The inspection rejects the lot: {} {} defective units in {} inspected ({what}).",
                        class.found,
                        class.class.label(),
                        class.plan.sample_size
                    ),
                ));
            }
        }
    }
}

fn packing(c: &mut Collect, product: &Product, order: &Order) {
    let p = Point::Packing;
    for risk in &product.risks {
        if !order.packing.iter().any(|pr| pr.risk == Some(risk.id)) {
            c.add(
                p,
                Reason::not_ready(
                    Target::Packing(order.id),
                    format!(
                        "No packing request answers the product's {} risk.",
                        risk.kind.label()
                    ),
                ),
            );
        }
    }
    for pr in order.packing.iter().filter(|pr| pr.risk.is_none()) {
        c.add(
            p,
            Reason::warn(
                Target::Packing(order.id),
                format!(
                    "Packing request \u{201c}{}\u{201d} is not linked to a product risk.",
                    pr.text.trim()
                ),
            ),
        );
    }
}

/// The export gate of an order of `product` in `project`, at `now`.
pub fn export_gate(
    project: &Project,
    product: &Product,
    order: &Order,
    now: NaiveDateTime,
) -> ExportGate {
    let mut c = Collect {
        reasons: Vec::new(),
        points: Vec::new(),
        parcels_to_add: Vec::new(),
    };
    listing(&mut c, product, order);
    confirmation(&mut c, order);
    tracking(&mut c, order);
    labels(&mut c, order);
    photos_checked(&mut c, order);
    route(&mut c, project, order);
    let mut points = vec![
        Point::ListingSaved,
        Point::SellerConfirmation,
        Point::TrackingMatched,
        Point::PhotosChecked,
        Point::RouteReviewed,
    ];
    if order.kind == OrderKind::Bulk {
        bulk(&mut c, order);
        points.extend([Point::CartonPhotos, Point::Inspection]);
    }
    packing(&mut c, product, order);
    points.push(Point::Packing);

    let verdict = verdict_of(&c.reasons);
    let deadlines = order_deadlines(&project.warehouse, order, now);
    if verdict != Verdict::Go && deadlines.return_closes_within(24) {
        let hours = deadlines.return_minutes_left.unwrap_or(0) as f64 / 60.0;
        c.reasons.push(Reason::warn(
            Target::Order(order.id),
            format!(
                "The warehouse return window closes in {} h and the order is not ready to ship: decide on returns now.",
                fmt_num((hours * 10.0).floor() / 10.0)
            ),
        ));
        c.points.push(None);
    }
    let checklist = points
        .into_iter()
        .map(|point| {
            let idx: Vec<usize> = (0..c.reasons.len())
                .filter(|&i| c.points[i] == Some(point))
                .collect();
            let state = verdict_of(idx.iter().map(|&i| &c.reasons[i]));
            ChecklistItem {
                point,
                label: point.label(),
                ticked: state == Verdict::Go,
                state,
                reasons: idx,
            }
        })
        .collect();
    ExportGate {
        order: order.id,
        order_number: order.number.clone(),
        kind: order.kind,
        verdict,
        reasons: c.reasons,
        reason_points: c.points,
        checklist,
        deadlines,
        parcels_to_add: c.parcels_to_add,
    }
}

#[cfg(test)]
#[path = "export_gate_tests.rs"]
mod tests;
