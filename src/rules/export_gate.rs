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
use super::{Reason, Target, verdict_of, verdict_str};
use crate::model::{Check, Order, OrderId, OrderKind, Product, Project, Tag, Verdict};
use chrono::NaiveDateTime;
use serde::Serialize;
use std::collections::HashSet;

/// The points of the checklist the window shows, ticked or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Point {
    /// 1. Listing URL and selected variant saved.
    ListingSaved,
    /// 2. Seller confirmation or order note recorded.
    SellerConfirmation,
    /// 3. Domestic tracking numbers matched.
    TrackingMatched,
    /// 4. Warehouse photos checked for model, quantity, accessories, damage.
    PhotosChecked,
    /// 5. Shipping route reviewed.
    RouteReviewed,
    /// Bulk: carton-label and parcel-count photos.
    CartonPhotos,
    /// Bulk: the AQL inspection accepted the lot.
    Inspection,
    /// Each product risk has a packing request.
    Packing,
}

impl Point {
    pub fn label(self) -> &'static str {
        match self {
            Self::ListingSaved => "Listing URL and selected variant saved",
            Self::SellerConfirmation => "Seller confirmation or order note recorded",
            Self::TrackingMatched => "Domestic tracking numbers matched",
            Self::PhotosChecked => {
                "Warehouse photos checked for model, quantity, accessories and damage"
            }
            Self::RouteReviewed => "Shipping route reviewed",
            Self::CartonPhotos => "Carton-label and parcel-count photos",
            Self::Inspection => "Inspection (AQL) accepted",
            Self::Packing => "Packing request for each product risk",
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

/// The export gate of one order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExportGate {
    pub order: OrderId,
    pub order_number: String,
    pub kind: OrderKind,
    #[serde(serialize_with = "verdict_str")]
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
    /// The point each reason belongs to (None: deadlines), same order.
    pub reason_points: Vec<Option<Point>>,
    pub checklist: Vec<ChecklistItem>,
    pub deadlines: OrderDeadlines,
}

struct Collect {
    reasons: Vec<Reason>,
    points: Vec<Option<Point>>,
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
                "The option as ordered is not recorded on the order.",
            ),
        );
    } else if !same_text(&l.variant, &order.variant) {
        c.add(p, Reason::warn(
            Target::OrderVariant(order.id),
            format!(
                "The option ordered (\u{201c}{}\u{201d}) differs from the listing's selected variant (\u{201c}{}\u{201d}).",
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
    for photo in order.photos.iter().filter(|ph| !shots.contains(&ph.id)) {
        let linked = photo.parcel.is_some_and(|id| parcels.contains(&id));
        if !linked {
            c.add(
                p,
                Reason::not_ready(
                    Target::Photo(photo.id),
                    format!(
                        "Photo {} is not linked to a tracking number of this order.",
                        photo.file.original_name
                    ),
                ),
            );
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
            c.add(
                p,
                Reason::not_ready(
                    Target::Photo(photo.id),
                    format!("Photo {name} is not checked for {}.", unchecked.join(", ")),
                ),
            );
        }
    }
}

fn route(c: &mut Collect, project: &Project, order: &Order) {
    let p = Point::RouteReviewed;
    let target = Target::Route(order.id);
    let Some(decision) = order.route.as_ref().filter(|d| !d.route.trim().is_empty()) else {
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
    let Some(route) = project
        .routes
        .iter()
        .find(|r| same_text(&r.name, &decision.route))
    else {
        c.add(p, Reason::not_ready(
            target,
            format!("Route \u{201c}{}\u{201d} is not among the project's routes, so its chargeable weight is unknown.", decision.route.trim()),
        ));
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
    };
    listing(&mut c, product, order);
    confirmation(&mut c, order);
    tracking(&mut c, order);
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
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::rules::fixture::{BULK, SAMPLE, at, now, project};
    use crate::rules::{Severity, evaluate};

    fn gate(p: &Project, idx: usize, now: NaiveDateTime) -> ExportGate {
        let product = &p.products[0];
        export_gate(p, product, &product.orders[idx], now)
    }

    #[test]
    fn the_fixture_orders_are_go_with_every_line_ticked() {
        let p = project();
        let g = gate(&p, SAMPLE, now());
        assert_eq!(g.verdict, Verdict::Go, "{:#?}", g.reasons);
        assert!(g.reasons.is_empty());
        assert_eq!(g.checklist.len(), 6);
        assert!(g.checklist.iter().all(|i| i.ticked));
        let g = gate(&p, BULK, now());
        assert_eq!(g.verdict, Verdict::Go, "{:#?}", g.reasons);
        assert_eq!(g.checklist.len(), 8);
        assert!(g.checklist.iter().all(|i| i.ticked));
    }

    type Case = (
        &'static str,
        usize,
        fn(&mut Project),
        Verdict,
        Point,
        &'static str,
    );

    fn o(p: &mut Project, idx: usize) -> &mut Order {
        &mut p.products[0].orders[idx]
    }

    #[test]
    fn each_broken_piece_unticks_its_line() {
        let cases: [Case; 24] = [
            (
                "no url",
                SAMPLE,
                |p| p.products[0].listing.url.clear(),
                Verdict::NotReady,
                Point::ListingSaved,
                "The listing URL is not saved.",
            ),
            (
                "bad url",
                SAMPLE,
                |p| p.products[0].listing.url = "detail.1688.com/offer/1".into(),
                Verdict::NotReady,
                Point::ListingSaved,
                "is not an http(s) address",
            ),
            (
                "ftp url",
                SAMPLE,
                |p| p.products[0].listing.url = "ftp://x.cn/a".into(),
                Verdict::NotReady,
                Point::ListingSaved,
                "http(s)",
            ),
            (
                "no variant",
                SAMPLE,
                |p| p.products[0].listing.variant = " ".into(),
                Verdict::NotReady,
                Point::ListingSaved,
                "selected variant",
            ),
            (
                "variant differs",
                SAMPLE,
                |p| o(p, SAMPLE).variant = "Red 350ml".into(),
                Verdict::Go,
                Point::ListingSaved,
                "differs from the listing",
            ),
            (
                "variant unrecorded",
                SAMPLE,
                |p| o(p, SAMPLE).variant.clear(),
                Verdict::Go,
                Point::ListingSaved,
                "not recorded",
            ),
            (
                "no confirmation",
                SAMPLE,
                |p| o(p, SAMPLE).messages[0] = SellerMessage::default(),
                Verdict::NotReady,
                Point::SellerConfirmation,
                "No seller message",
            ),
            (
                "not arrived",
                SAMPLE,
                |p| o(p, SAMPLE).parcels[0].arrived_on = None,
                Verdict::NotReady,
                Point::TrackingMatched,
                "Parcel SF10 has not arrived",
            ),
            (
                "no tracking",
                SAMPLE,
                |p| o(p, SAMPLE).parcels[0].tracking.clear(),
                Verdict::NotReady,
                Point::TrackingMatched,
                "no tracking number",
            ),
            (
                "no parcels",
                SAMPLE,
                |p| o(p, SAMPLE).parcels.clear(),
                Verdict::NotReady,
                Point::TrackingMatched,
                "No domestic tracking number",
            ),
            (
                "photo unlinked",
                SAMPLE,
                |p| o(p, SAMPLE).photos[0].parcel = None,
                Verdict::NotReady,
                Point::TrackingMatched,
                "IMG_13.jpg is not linked",
            ),
            (
                "photo linked elsewhere",
                SAMPLE,
                |p| o(p, SAMPLE).photos[0].parcel = Some(ParcelId(22)),
                Verdict::NotReady,
                Point::TrackingMatched,
                "not linked",
            ),
            (
                "damage fails",
                SAMPLE,
                |p| o(p, SAMPLE).photos[0].checks.damage = Check::Fail,
                Verdict::NoGo,
                Point::PhotosChecked,
                "fails the damage check",
            ),
            (
                "model unchecked",
                SAMPLE,
                |p| o(p, SAMPLE).photos[0].checks.model = Check::Unchecked,
                Verdict::NotReady,
                Point::PhotosChecked,
                "not checked for model",
            ),
            (
                "no photos",
                SAMPLE,
                |p| o(p, SAMPLE).photos.clear(),
                Verdict::NotReady,
                Point::PhotosChecked,
                "no warehouse photos",
            ),
            (
                "no route",
                SAMPLE,
                |p| o(p, SAMPLE).route = None,
                Verdict::NotReady,
                Point::RouteReviewed,
                "No shipping route",
            ),
            (
                "unknown route",
                SAMPLE,
                |p| o(p, SAMPLE).route.as_mut().unwrap().route = "Pigeon".into(),
                Verdict::NotReady,
                Point::RouteReviewed,
                "not among the project's routes",
            ),
            (
                "no cartons",
                SAMPLE,
                |p| o(p, SAMPLE).route.as_mut().unwrap().cartons.clear(),
                Verdict::NotReady,
                Point::RouteReviewed,
                "No cartons",
            ),
            (
                "bad carton",
                SAMPLE,
                |p| o(p, SAMPLE).route.as_mut().unwrap().cartons[0].count = 0,
                Verdict::NotReady,
                Point::RouteReviewed,
                "carton 1: the count is 0",
            ),
            (
                "no packing",
                SAMPLE,
                |p| o(p, SAMPLE).packing.clear(),
                Verdict::NotReady,
                Point::Packing,
                "fragile risk",
            ),
            (
                "no carton label",
                BULK,
                |p| o(p, BULK).photos.retain(|ph| !ph.has_tag(Tag::CartonLabel)),
                Verdict::NotReady,
                Point::CartonPhotos,
                "no carton label photo",
            ),
            (
                "no inspection",
                BULK,
                |p| o(p, BULK).inspection = None,
                Verdict::NotReady,
                Point::Inspection,
                "no inspection record",
            ),
            (
                "major over Ac",
                BULK,
                |p| o(p, BULK).inspection.as_mut().unwrap().major_found = 11,
                Verdict::NoGo,
                Point::Inspection,
                "11 major defective units in 200 inspected (accept at most 10)",
            ),
            (
                "critical found",
                BULK,
                |p| o(p, BULK).inspection.as_mut().unwrap().critical_found = 1,
                Verdict::NoGo,
                Point::Inspection,
                "any critical defect rejects",
            ),
        ];
        for (name, idx, break_it, verdict, point, text) in cases {
            let mut p = project();
            break_it(&mut p);
            let g = gate(&p, idx, now());
            assert_eq!(g.verdict, verdict, "{name}: {:#?}", g.reasons);
            let item = g.checklist.iter().find(|i| i.point == point).unwrap();
            assert_eq!(item.ticked, verdict == Verdict::Go, "{name}");
            assert_eq!(item.state, verdict, "{name}");
            assert!(
                item.reasons
                    .iter()
                    .any(|&i| g.reasons[i].message.contains(text)),
                "{name}: {:#?}",
                g.reasons
            );
            let others_ticked = g
                .checklist
                .iter()
                .filter(|i| i.point != point)
                .all(|i| i.ticked);
            let related = matches!(name, "no parcels");
            assert!(others_ticked || related, "{name}: {:#?}", g.checklist);
        }
    }

    #[test]
    fn screenshots_and_bad_inspections() {
        let mut p = project();
        let mut shot = o(&mut p, SAMPLE).photos[0].clone();
        shot.id = PhotoId(90);
        shot.parcel = None;
        shot.checks = Checks::default();
        shot.tags = vec![Tag::ChatScreenshot];
        o(&mut p, SAMPLE).photos.push(shot);
        assert_eq!(
            gate(&p, SAMPLE, now()).verdict,
            Verdict::Go,
            "chat screenshots need no parcel or checks"
        );

        let mut p = project();
        o(&mut p, BULK).inspection.as_mut().unwrap().lot_size = 0;
        let g = gate(&p, BULK, now());
        assert_eq!(g.verdict, Verdict::NotReady);
        assert!(
            g.reasons[0].message.contains("lot size is 0"),
            "{:?}",
            g.reasons
        );

        let mut p = project();
        o(&mut p, SAMPLE).packing.push(PackingRequest {
            id: PackingId(91),
            text: "tape".into(),
            risk: None,
        });
        let g = gate(&p, SAMPLE, now());
        assert_eq!((g.verdict, g.reasons.len()), (Verdict::Go, 1));
        assert_eq!(g.reasons[0].severity, Severity::Warns);
    }

    #[test]
    fn return_window_warning_only_when_closing_and_not_go() {
        // Arrived on the 1st: the 120 h window closes on the 6th at 00:00.
        let mut broken = project();
        o(&mut broken, SAMPLE).photos[0].checks.model = Check::Unchecked;
        let cases = [
            (&broken, at(5, 6), true),
            (&broken, at(4, 0), false),
            (&broken, at(6, 1), false),
        ];
        for (p, t, warned) in cases {
            let g = gate(p, SAMPLE, t);
            let has = g
                .reasons
                .iter()
                .any(|r| r.message.contains("return window closes"));
            assert_eq!(has, warned, "{t}: {:#?}", g.reasons);
        }
        let g = gate(&broken, SAMPLE, at(5, 6));
        assert!(
            g.reasons
                .iter()
                .any(|r| r.message.contains("closes in 18 h")),
            "{:#?}",
            g.reasons
        );
        let ok = project();
        let g = gate(&ok, SAMPLE, at(5, 6));
        assert!(g.reasons.is_empty(), "a go order is not nagged");
        assert_eq!(g.deadlines.return_minutes_left, Some(18 * 60));
    }

    #[test]
    fn http_urls() {
        let cases = [
            ("https://detail.1688.com/offer/1.html", true),
            ("HTTP://item.taobao.com/item.htm?id=1", true),
            ("  https://a.cn  ", true),
            ("https://", false),
            ("https:///path", false),
            ("https://a .cn", false),
            ("ftp://a.cn", false),
            ("detail.1688.com", false),
            ("", false),
        ];
        for (url, want) in cases {
            assert_eq!(is_http_url(url), want, "{url}");
        }
    }

    #[test]
    fn evaluate_runs_every_gate_and_serializes_kebab_verdicts() {
        let p = project();
        let v = evaluate(&p, now());
        assert_eq!((v.products.len(), v.orders.len()), (1, 2));
        assert!(v.all_go());
        let json = serde_json::to_string(&v).unwrap();
        assert!(json.contains(r#""verdict":"go""#), "{json}");

        let mut p = project();
        o(&mut p, BULK).inspection.as_mut().unwrap().major_found = 30;
        o(&mut p, SAMPLE).route = None;
        let v = evaluate(&p, now());
        assert!(!v.all_go());
        assert_eq!(v.products[0].verdict, Verdict::Go);
        assert_eq!(v.orders[0].verdict, Verdict::NotReady);
        assert_eq!(v.orders[1].verdict, Verdict::NoGo);
        let json = serde_json::to_string(&v).unwrap();
        assert!(
            json.contains(r#""verdict":"no-go""#) && json.contains(r#""verdict":"not-ready""#),
            "{json}"
        );
        assert!(json.contains(r#""point":"route-reviewed""#), "{json}");
    }
}
