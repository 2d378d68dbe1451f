//! Colour measured between a sample photo and a bulk photo, as reasons of
//! "Scale up?": a reading likely showing a different colour stops it; an
//! unsure one warns. The readings are photo estimates and say so.

use super::{Reason, Target};
use crate::model::{ColourBand, ColourReading, Order, Product, SpecId, SpecItem};

/// The colour reading kept on the order's latest observation of `spec`
/// that has one.
pub fn reading_of(order: &Order, spec: SpecId) -> Option<&ColourReading> {
    order
        .observations
        .iter()
        .rev()
        .filter(|o| o.spec == spec)
        .find_map(|o| o.colour.as_deref())
}

/// The reasons of every colour reading kept on the product's orders.
pub fn colour_reasons(product: &Product) -> Vec<Reason> {
    let mut out = Vec::new();
    for order in &product.orders {
        for ob in &order.observations {
            let (Some(reading), Some(row)) =
                (&ob.colour, product.spec.iter().find(|r| r.id == ob.spec))
            else {
                continue;
            };
            if let Some(r) = reason(product, row, reading) {
                out.push(r);
            }
        }
    }
    out
}

fn reason(product: &Product, row: &SpecItem, reading: &ColourReading) -> Option<Reason> {
    let name = |id| {
        product
            .orders
            .iter()
            .flat_map(|o| &o.photos)
            .find(|p| p.id == id)
            .map_or_else(|| format!("photo {id}"), |p| p.file.original_name.clone())
    };
    let on = format!(
        "sample photo {} against bulk photo {}",
        name(reading.sample_photo),
        name(reading.bulk_photo)
    );
    let target = Target::SpecRow(row.id);
    match reading.band {
        ColourBand::Consistent => None,
        ColourBand::AskForDaylight => Some(Reason::warn(
            target,
            format!(
                "\u{201c}{}\u{201d}: the colour may differ ({on}: {}). Ask for daylight photos or the physical sample.",
                row.name,
                reading.summary()
            ),
        )),
        ColourBand::LikelyDifferent => Some(Reason::no_go(
            target,
            format!(
                "\u{201c}{}\u{201d}: the bulk is likely a different colour from the sample ({on}: {}). Confirm with daylight photos or the physical sample before scaling up.",
                row.name,
                reading.summary()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{OrderKind, PhotoId, Verdict};
    use crate::rules::Severity;

    fn reading(delta_e: f64, band: ColourBand) -> ColourReading {
        ColourReading {
            sample_photo: PhotoId(13),
            bulk_photo: PhotoId(23),
            sample_region: [0.1, 0.1, 0.3, 0.3],
            bulk_region: [0.2, 0.2, 0.4, 0.4],
            sample_neutral: None,
            bulk_neutral: None,
            delta_e,
            delta_l: -6.0,
            delta_c: -3.0,
            delta_h: 0.5,
            balanced: false,
            band,
            words: "the bulk is darker and less saturated".into(),
        }
    }

    fn with_reading(r: ColourReading) -> Product {
        let mut p = crate::rules::all_go_fixture::project().products.remove(0);
        let colour = p
            .spec
            .iter()
            .find(|s| {
                crate::rules::sample_gate::row_topic(&s.name)
                    == Some(crate::rules::sample_gate::RowTopic::Colour)
            })
            .unwrap()
            .id;
        let bulk = p
            .orders
            .iter_mut()
            .find(|o| o.kind == OrderKind::Bulk)
            .unwrap();
        let ob = bulk
            .observations
            .iter_mut()
            .rev()
            .find(|o| o.spec == colour)
            .unwrap();
        ob.colour = Some(Box::new(r));
        p
    }

    #[test]
    fn a_likely_different_colour_stops_scaling_up_and_an_unsure_one_warns() {
        let gate =
            crate::rules::sample_gate(&with_reading(reading(7.4, ColourBand::LikelyDifferent)));
        assert_eq!(gate.verdict, Verdict::NoGo);
        let r = gate
            .reasons
            .iter()
            .find(|r| r.message.contains("ΔE00 7.4"))
            .unwrap();
        assert_eq!(r.severity, Severity::Blocks);
        assert!(
            r.message.contains("likely a different colour"),
            "{}",
            r.message
        );
        assert!(r.message.contains("photo estimate"), "{}", r.message);
        assert!(
            r.message.contains("IMG_13.jpg") && r.message.contains("IMG_23.jpg"),
            "{}",
            r.message
        );
        let gate =
            crate::rules::sample_gate(&with_reading(reading(4.0, ColourBand::AskForDaylight)));
        assert_eq!(gate.verdict, Verdict::Go);
        assert!(
            gate.reasons
                .iter()
                .any(|r| r.severity == Severity::Warns && r.message.contains("daylight"))
        );
        let gate = crate::rules::sample_gate(&with_reading(reading(1.2, ColourBand::Consistent)));
        assert!(gate.reasons.iter().all(|r| !r.message.contains("ΔE00")));
    }
}
