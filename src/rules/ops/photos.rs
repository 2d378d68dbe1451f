//! Ops on photos and the defect marks drawn on them.

use super::facts::{NewPhoto, PhotoFacts};
use super::place::{count, in_orders, insert_at, order_ix};
use super::{Op, OpError, Tx};
use crate::model::*;

fn photo_ix(p: &Project, id: PhotoId) -> Result<(usize, usize, usize), OpError> {
    in_orders(p, |o| &o.photos, |x| x.id == id, ("photo", id.0))
}

fn check_parcel(order: &Order, parcel: Option<ParcelId>) -> Result<(), OpError> {
    match parcel {
        Some(id) if !order.parcels.iter().any(|x| x.id == id) => Err(OpError::BrokenLink(format!(
            "parcel {id} is not a parcel of order {}",
            order.id
        ))),
        _ => Ok(()),
    }
}

pub(super) fn run(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::AddPhotos {
            order,
            parcel,
            photos,
        } => add_photos(tx, order, parcel, photos),
        Op::InsertPhoto { order, at, photo } => {
            let (i, j) = order_ix(tx.p, order)?;
            tx.claim([photo.id.0])?;
            check_parcel(&tx.p.products[i].orders[j], photo.parcel)?;
            let id = photo.id;
            insert_at(&mut tx.p.products[i].orders[j].photos, at, *photo)?;
            tx.undo(Op::RemovePhoto(id));
            Ok(())
        }
        Op::RemovePhoto(id) => remove_photo(tx, id),
        Op::SetPhoto(id, facts) => {
            let (i, j, k) = photo_ix(tx.p, id)?;
            check_parcel(&tx.p.products[i].orders[j], facts.parcel)?;
            let photo = &mut tx.p.products[i].orders[j].photos[k];
            let old = PhotoFacts::of(photo);
            if old != facts {
                facts.put(photo);
                tx.undo(Op::SetPhoto(id, old));
            }
            Ok(())
        }
        op => marks(tx, op),
    }
}

fn add_photos(
    tx: &mut Tx,
    order: OrderId,
    parcel: Option<ParcelId>,
    photos: Vec<NewPhoto>,
) -> Result<(), OpError> {
    let (i, j) = order_ix(tx.p, order)?;
    check_parcel(&tx.p.products[i].orders[j], parcel)?;
    // Photos of an order with one parcel show that parcel.
    let parcels = &tx.p.products[i].orders[j].parcels;
    let only = match parcels.as_slice() {
        [only] => Some(only.id),
        _ => None,
    };
    let parcel = parcel.or(only);
    let mut already = 0;
    let mut added = Vec::new();
    for new in photos {
        let o = &tx.p.products[i].orders[j];
        if o.photos.iter().any(|ph| ph.file.hash == new.file.hash) {
            already += 1;
            continue;
        }
        let id = PhotoId(tx.fresh_id()?);
        tx.p.products[i].orders[j].photos.push(Photo {
            id,
            file: new.file,
            width: new.width,
            height: new.height,
            taken: new.taken,
            tags: new.tags,
            codes: new.codes,
            parcel,
            ..Photo::default()
        });
        tx.undo(Op::RemovePhoto(id));
        tx.created(id.0);
        added.push(id);
    }
    for id in added {
        super::codes::link_by_codes(tx, id)?;
    }
    if already > 0 {
        tx.effect(format!(
            "{} already in the order, not added again",
            count(already, "photo was", "photos were")
        ));
    }
    Ok(())
}

fn remove_photo(tx: &mut Tx, id: PhotoId) -> Result<(), OpError> {
    let (i, j, k) = photo_ix(tx.p, id)?;
    let order = &tx.p.products[i].orders[j];
    let showing: Vec<SellerMessage> = order
        .messages
        .iter()
        .filter(|m| m.screenshot == Some(id))
        .cloned()
        .collect();
    let citing: Vec<(usize, Observation)> = order
        .observations
        .iter()
        .enumerate()
        .filter(|(_, ob)| ob.photo == Some(id))
        .map(|(at, ob)| (at, ob.clone()))
        .collect();
    let oid = order.id;
    for m in showing.iter().cloned() {
        tx.run(Op::SetMessage(SellerMessage {
            screenshot: None,
            ..m
        }))?;
    }
    for (at, ob) in citing.iter().cloned() {
        let observation = Observation { photo: None, ..ob };
        tx.run(Op::SetObservation {
            order: oid,
            at,
            observation,
        })?;
    }
    super::colour::forget_readings_of(tx, &[id], None)?;
    let photo = tx.p.products[i].orders[j].photos.remove(k);
    if !showing.is_empty() {
        tx.effect(format!(
            "{} no longer {} a chat screenshot",
            count(showing.len(), "seller message", "seller messages"),
            if showing.len() == 1 { "has" } else { "have" }
        ));
    }
    if !citing.is_empty() {
        tx.effect(format!(
            "{} no longer {} a photo",
            count(citing.len(), "observation", "observations"),
            if citing.len() == 1 { "cites" } else { "cite" }
        ));
    }
    tx.undo(Op::InsertPhoto {
        order: oid,
        at: k,
        photo: Box::new(photo),
    });
    Ok(())
}

fn marks(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    let missing =
        |photo: PhotoId, at: usize| OpError::NotFound(format!("mark {at} of photo {photo}"));
    match op {
        Op::InsertMark { photo, at, mark } => {
            let (i, j, k) = photo_ix(tx.p, photo)?;
            insert_at(&mut tx.p.products[i].orders[j].photos[k].marks, at, mark)?;
            tx.undo(Op::RemoveMark { photo, at });
            Ok(())
        }
        Op::RemoveMark { photo, at } => {
            let (i, j, k) = photo_ix(tx.p, photo)?;
            let marks = &mut tx.p.products[i].orders[j].photos[k].marks;
            if at >= marks.len() {
                return Err(missing(photo, at));
            }
            let mark = marks.remove(at);
            tx.undo(Op::InsertMark { photo, at, mark });
            Ok(())
        }
        Op::SetMark { photo, at, mark } => {
            let (i, j, k) = photo_ix(tx.p, photo)?;
            let slot = tx.p.products[i].orders[j].photos[k]
                .marks
                .get_mut(at)
                .ok_or_else(|| missing(photo, at))?;
            if *slot != mark {
                let old = std::mem::replace(slot, mark);
                tx.undo(Op::SetMark {
                    photo,
                    at,
                    mark: old,
                });
            }
            Ok(())
        }
        op => unreachable!("not a photo op: {op:?}"),
    }
}
