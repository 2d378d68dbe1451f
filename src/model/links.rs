//! Integrity of the links inside a project: every reference points at
//! something that exists, and no id is used twice.

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

    for product in &project.products {
        let spec: HashSet<_> = product.spec.iter().map(|s| s.id).collect();
        let risks: HashSet<_> = product.risks.iter().map(|r| r.id).collect();
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
                        place,
                        format!("cites photo {photo}, which is not in this order"),
                    );
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

    for d in &project.decisions {
        let exists = match d.subject {
            Subject::ScaleUp(p) => project.product(p).is_some(),
            Subject::Ship(o) => project.order(o).is_some(),
        };
        if !exists {
            push(
                format!("decision {}", d.id),
                format!("is about {:?}, which is not in the project", d.subject),
            );
        }
    }
    out
}
