//! Ops on the codes read on photos: recording a scan, correcting or
//! dismissing one code, linking photos to the parcels their labels show,
//! and adding a label's tracking number as a new parcel.

use super::facts::PhotoFacts;
use super::place::in_orders;
use super::{Op, OpError, Tx};
use crate::model::*;
use crate::rules::tracking::{self, Finding};

fn photo_ix(p: &Project, id: PhotoId) -> Result<(usize, usize, usize), OpError> {
    in_orders(p, |o| &o.photos, |x| x.id == id, ("photo", id.0))
}

pub(super) fn run(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::SetCodes { photo, codes } => {
            let (i, j, k) = photo_ix(tx.p, photo)?;
            let slot = &mut tx.p.products[i].orders[j].photos[k].codes;
            if *slot != codes {
                let old = std::mem::replace(slot, codes);
                tx.undo(Op::SetCodes { photo, codes: old });
            }
            Ok(())
        }
        Op::SetCode { photo, at, code } => {
            let (i, j, k) = photo_ix(tx.p, photo)?;
            let slot = tx.p.products[i].orders[j].photos[k]
                .codes
                .get_mut(at)
                .ok_or_else(|| OpError::NotFound(format!("code {at} of photo {photo}")))?;
            if *slot != *code {
                let old = std::mem::replace(slot, *code);
                tx.undo(Op::SetCode {
                    photo,
                    at,
                    code: Box::new(old),
                });
            }
            Ok(())
        }
        Op::LinkByCodes(photos) => {
            for photo in photos {
                link_by_codes(tx, photo)?;
            }
            Ok(())
        }
        Op::AddParcelFromCode { photo, tracking } => add_parcel_from_code(tx, photo, &tracking),
        op => unreachable!("not a code op: {op:?}"),
    }
}

/// Links `photo` to the parcel of its order its label shows (when it is
/// linked to none yet, or to that one) and tags it carton label.
pub(super) fn link_by_codes(tx: &mut Tx, photo: PhotoId) -> Result<(), OpError> {
    let (i, j, k) = photo_ix(tx.p, photo)?;
    let order = &tx.p.products[i].orders[j];
    let ph = &order.photos[k];
    let found = tracking::photo_findings(order, ph)
        .into_iter()
        .find_map(|f| match f {
            Finding::Parcel {
                parcel, tracking, ..
            } => Some((parcel, tracking)),
            _ => None,
        });
    let Some((parcel, number)) = found else {
        return Ok(());
    };
    let mut facts = PhotoFacts::of(ph);
    facts.parcel = Some(parcel);
    if !facts.tags.contains(&Tag::CartonLabel) {
        facts.tags.push(Tag::CartonLabel);
    }
    if facts == PhotoFacts::of(ph) {
        return Ok(());
    }
    let name = ph.file.original_name.clone();
    tx.run(Op::SetPhoto(photo, facts))?;
    tx.effect(format!(
        "photo {name} linked to parcel {number} (its label shows it) and tagged carton label"
    ));
    Ok(())
}

fn add_parcel_from_code(tx: &mut Tx, photo: PhotoId, number: &str) -> Result<(), OpError> {
    let number = tracking::tracking_part(number);
    if number.is_empty() {
        return Err(OpError::Refused("a parcel needs a tracking number".into()));
    }
    let (i, j, k) = photo_ix(tx.p, photo)?;
    let order = &tx.p.products[i].orders[j];
    if order
        .parcels
        .iter()
        .any(|p| tracking::normalise(&p.tracking) == number)
    {
        return Err(OpError::Refused(format!(
            "{number} is already a parcel of order {}",
            order.id
        )));
    }
    let ph = &order.photos[k];
    let name = ph.file.original_name.clone();
    let mut facts = PhotoFacts::of(ph);
    let id = ParcelId(tx.fresh_id()?);
    let carrier = tracking::guess_carrier(&number).carrier_field();
    tx.p.products[i].orders[j].parcels.push(Parcel {
        id,
        tracking: number.clone(),
        carrier,
        ..Parcel::default()
    });
    tx.undo(Op::RemoveParcel(id));
    tx.created(id.0);
    facts.parcel = Some(id);
    if !facts.tags.contains(&Tag::CartonLabel) {
        facts.tags.push(Tag::CartonLabel);
    }
    tx.run(Op::SetPhoto(photo, facts))?;
    tx.effect(format!(
        "photo {name} linked to the new parcel {number} and tagged carton label"
    ));
    Ok(())
}

#[cfg(test)]
#[path = "codes_tests.rs"]
mod tests;
