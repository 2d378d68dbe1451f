//! Integrity of the links inside a project: every reference points at
//! something that exists, and no id is used twice.

use super::order::OrderKind;
use super::product::Product;
use super::project::{Project, Subject};
use std::collections::HashSet;
use std::fmt;

/// A reference that points at nothing, or an id used twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenLink {
    /// Where the link is: "product 3 \"Mug\" / order 7 \"S-1\" / photo 12".
    pub place: String,
    /// What is wrong with it.
    pub problem: String,
}

impl fmt::Display for BrokenLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.problem)
    }
}

/// Every broken link in the project, in document order.
pub fn broken_links(project: &Project) -> Vec<BrokenLink> {
    let mut out = Vec::new();
    let mut push = |place: String, problem: String| out.push(BrokenLink { place, problem });

    let mut seen = HashSet::new();
    for id in project.all_ids() {
        if !seen.insert(id) {
            push(format!("id {id}"), "is used by more than one object".into());
        }
    }

    let routes: HashSet<_> = project.routes.iter().map(|r| r.id).collect();
    for product in &project.products {
        product_links(product, &mut push);
        for order in &product.orders {
            let chosen = order.route.as_ref().and_then(|d| d.route);
            if let Some(route) = chosen.filter(|r| !routes.contains(r)) {
                push(
                    format!(
                        "product {} / order {} \"{}\"",
                        product.id, order.id, order.number
                    ),
                    format!("chooses route {route}, which is not among the project's routes"),
                );
            }
        }
    }

    for d in &project.decisions {
        let exists = match d.subject {
            Subject::ScaleUp(p) => project.product(p).is_some(),
            Subject::Ship(o) => project.order(o).is_some(),
        };
        if !exists {
            push(
                format!("decision {}", d.id),
                format!("is about {}, which is not in the project", d.subject),
            );
        }
    }
    out
}

/// The broken links inside one product (its orders' links to its parcels,
/// photos, spec rows and risks, and its accepted sample).
pub fn product_problems(product: &Product) -> Vec<BrokenLink> {
    let mut out = Vec::new();
    product_links(product, &mut |place, problem| {
        out.push(BrokenLink { place, problem })
    });
    out
}

fn product_links(product: &Product, push: &mut impl FnMut(String, String)) {
    let spec: HashSet<_> = product.spec.iter().map(|s| s.id).collect();
    let risks: HashSet<_> = product.risks.iter().map(|r| r.id).collect();
    if let Some(accepted) = product.accepted_sample {
        let ok = product
            .orders
            .iter()
            .any(|o| o.id == accepted && o.kind == OrderKind::Sample);
        if !ok {
            push(
                format!("product {} \"{}\"", product.id, product.name),
                format!(
                    "the accepted sample is order {accepted}, which is not a sample order of this product"
                ),
            );
        }
    }
    for order in &product.orders {
        let at = format!(
            "product {} \"{}\" / order {} \"{}\"",
            product.id, product.name, order.id, order.number
        );
        let parcels: HashSet<_> = order.parcels.iter().map(|p| p.id).collect();
        let photos: HashSet<_> = order.photos.iter().map(|p| p.id).collect();
        for photo in &order.photos {
            if let Some(parcel) = photo.parcel.filter(|p| !parcels.contains(p)) {
                push(
                    format!("{at} / photo {} ({})", photo.id, photo.file.original_name),
                    format!("links to parcel {parcel}, which is not in this order"),
                );
            }
        }
        for m in &order.messages {
            let place = format!("{at} / message {}", m.id);
            if let Some(shot) = m.screenshot.filter(|p| !photos.contains(p)) {
                push(
                    place.clone(),
                    format!("screenshot is photo {shot}, which is not in this order"),
                );
            }
            for s in m.confirms.iter().filter(|s| !spec.contains(s)) {
                push(
                    place.clone(),
                    format!("confirms spec row {s}, which is not in the product's brief"),
                );
            }
        }
        for ob in &order.observations {
            let place = format!("{at} / observation of spec row {}", ob.spec);
            if !spec.contains(&ob.spec) {
                push(
                    place.clone(),
                    "the spec row is not in the product's brief".into(),
                );
            }
            if let Some(photo) = ob.photo.filter(|p| !photos.contains(p)) {
                push(
                    place.clone(),
                    format!("cites photo {photo}, which is not in this order"),
                );
            }
            let of_product = |ph: &super::PhotoId| {
                product
                    .orders
                    .iter()
                    .any(|o| o.photos.iter().any(|x| x.id == *ph))
            };
            if let Some(c) = &ob.colour {
                for photo in c.photos().iter().filter(|ph| !of_product(ph)) {
                    push(
                        place.clone(),
                        format!(
                            "its colour was measured on photo {photo}, which is not a photo of this product"
                        ),
                    );
                }
            }
        }
        for pr in &order.packing {
            if let Some(risk) = pr.risk.filter(|r| !risks.contains(r)) {
                push(
                    format!("{at} / packing request {}", pr.id),
                    format!("is linked to risk {risk}, which the product does not have"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn project() -> Project {
        let mut p = Project::new("links");
        let spec = SpecId(p.new_id());
        let risk = RiskId(p.new_id());
        let parcel = ParcelId(p.new_id());
        let photo = PhotoId(p.new_id());
        let order = Order {
            id: OrderId(p.new_id()),
            parcels: vec![Parcel {
                id: parcel,
                ..Parcel::default()
            }],
            photos: vec![Photo {
                id: photo,
                parcel: Some(parcel),
                ..Photo::default()
            }],
            messages: vec![SellerMessage {
                id: MessageId(p.new_id()),
                screenshot: Some(photo),
                confirms: vec![spec],
                ..SellerMessage::default()
            }],
            packing: vec![PackingRequest {
                id: PackingId(p.new_id()),
                text: String::new(),
                risk: Some(risk),
            }],
            ..Order::default()
        };
        let accepted = order.id;
        let id = ProductId(p.new_id());
        p.products.push(Product {
            id,
            spec: vec![SpecItem {
                id: spec,
                name: "Colour".into(),
                expected: Expected::YesNo(true),
                critical: false,
            }],
            risks: vec![Risk {
                id: risk,
                kind: RiskKind::Fragile,
                note: String::new(),
            }],
            orders: vec![order],
            accepted_sample: Some(accepted),
            ..Product::default()
        });
        p
    }

    #[test]
    fn an_intact_project_has_no_broken_links() {
        assert_eq!(broken_links(&project()), vec![]);
    }

    #[test]
    fn each_kind_of_dangling_reference_is_reported() {
        type Breaker = fn(&mut Project);
        let cases: [(Breaker, &str); 8] = [
            (
                |p| p.products[0].orders[0].photos[0].parcel = Some(ParcelId(90)),
                "links to parcel 90",
            ),
            (
                |p| p.products[0].orders[0].messages[0].screenshot = Some(PhotoId(91)),
                "screenshot is photo 91",
            ),
            (
                |p| {
                    p.products[0].orders[0].messages[0]
                        .confirms
                        .push(SpecId(92))
                },
                "confirms spec row 92",
            ),
            (
                |p| p.products[0].orders[0].packing[0].risk = Some(RiskId(93)),
                "risk 93",
            ),
            (
                |p| p.products[0].accepted_sample = Some(OrderId(94)),
                "accepted sample is order 94",
            ),
            (
                |p| {
                    p.products[0].orders[0].observations.push(Observation {
                        spec: SpecId(95),
                        value: "x".into(),
                        source: Source::Photo,
                        photo: Some(PhotoId(96)),
                        note: String::new(),
                        judgement: None,
                        colour: None,
                    })
                },
                "spec row 95",
            ),
            (
                |p| p.products[0].orders[0].parcels[0].id = ParcelId(1),
                "more than one object",
            ),
            (
                |p| {
                    p.decisions.push(Decision {
                        id: DecisionId(97),
                        time: chrono::DateTime::default(),
                        reviewer: String::new(),
                        subject: Subject::Ship(OrderId(98)),
                        computed: Verdict::Go,
                        signed: Verdict::Go,
                        reason: String::new(),
                        evidence: String::new(),
                        conditions: Vec::new(),
                    })
                },
                "is about order 98",
            ),
        ];
        for (breaker, expected) in cases {
            let mut p = project();
            breaker(&mut p);
            let found = broken_links(&p);
            assert!(
                found.iter().any(|b| b.to_string().contains(expected)),
                "{expected}: {found:?}"
            );
        }
    }

    #[test]
    fn next_id_is_repaired_past_every_id() {
        let mut p = project();
        p.next_id = 2;
        p.repair_next_id();
        assert_eq!(p.next_id, p.all_ids().max().unwrap_or(0) + 1);
        let fresh = p.new_id();
        assert!(p.all_ids().all(|id| id != fresh));
    }
}
