//! Ops on what an order records: parcels, seller messages, packing
//! requests and observations.

use super::facts::PhotoFacts;
use super::place::{count, in_orders, insert_at, move_to, order_ix, parcel_name};
use super::{Op, OpError, Tx};
use crate::model::*;

pub(super) fn run(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::NewParcel { order } => {
            let id = ParcelId(tx.fresh_id()?);
            let parcel = Parcel {
                id,
                ..Parcel::default()
            };
            super::place::order_mut(tx.p, order)?.parcels.push(parcel);
            tx.undo(Op::RemoveParcel(id));
            tx.created(id.0);
            Ok(())
        }
        Op::InsertParcel { order, at, parcel } => {
            tx.claim([parcel.id.0])?;
            let id = parcel.id;
            insert_at(
                &mut super::place::order_mut(tx.p, order)?.parcels,
                at,
                parcel,
            )?;
            tx.undo(Op::RemoveParcel(id));
            Ok(())
        }
        Op::RemoveParcel(id) => remove_parcel(tx, id),
        Op::MoveParcel { id, to } => {
            let (i, j, from) = in_orders(tx.p, |o| &o.parcels, |x| x.id == id, ("parcel", id.0))?;
            if move_to(&mut tx.p.products[i].orders[j].parcels, from, to)? {
                tx.undo(Op::MoveParcel { id, to: from });
            }
            Ok(())
        }
        Op::SetParcel(parcel) => {
            let what = ("parcel", parcel.id.0);
            let (i, j, k) = in_orders(tx.p, |o| &o.parcels, |x| x.id == parcel.id, what)?;
            let slot = &mut tx.p.products[i].orders[j].parcels[k];
            if *slot != parcel {
                let old = std::mem::replace(slot, parcel);
                tx.undo(Op::SetParcel(old));
            }
            Ok(())
        }
        op => messages(tx, op),
    }
}

fn remove_parcel(tx: &mut Tx, id: ParcelId) -> Result<(), OpError> {
    let (i, j, k) = in_orders(tx.p, |o| &o.parcels, |x| x.id == id, ("parcel", id.0))?;
    let linked: Vec<(PhotoId, PhotoFacts)> = tx.p.products[i].orders[j]
        .photos
        .iter()
        .filter(|ph| ph.parcel == Some(id))
        .map(|ph| (ph.id, PhotoFacts::of(ph)))
        .collect();
    for (photo, facts) in &linked {
        let facts = PhotoFacts {
            parcel: None,
            ..facts.clone()
        };
        tx.run(Op::SetPhoto(*photo, facts))?;
    }
    let order = tx.p.products[i].orders[j].id;
    let parcel = tx.p.products[i].orders[j].parcels.remove(k);
    if !linked.is_empty() {
        tx.effect(format!(
            "{} unlinked from {}",
            count(linked.len(), "photo", "photos"),
            parcel_name(&parcel)
        ));
    }
    tx.undo(Op::InsertParcel {
        order,
        at: k,
        parcel,
    });
    Ok(())
}

/// Refuses a message whose screenshot is not a photo of its order, or that
/// confirms a row the product's brief does not have.
fn check_message(p: &Project, (i, j): (usize, usize), m: &SellerMessage) -> Result<(), OpError> {
    let product = &p.products[i];
    let order = &product.orders[j];
    if let Some(shot) = m
        .screenshot
        .filter(|s| !order.photos.iter().any(|ph| ph.id == *s))
    {
        return Err(OpError::BrokenLink(format!(
            "photo {shot} is not a photo of order {}",
            order.id
        )));
    }
    if let Some(row) = m
        .confirms
        .iter()
        .find(|s| !product.spec.iter().any(|r| r.id == **s))
    {
        return Err(OpError::BrokenLink(format!(
            "spec row {row} is not in the brief of product {}",
            product.id
        )));
    }
    Ok(())
}

fn check_packing(p: &Project, i: usize, r: &PackingRequest) -> Result<(), OpError> {
    let product = &p.products[i];
    match r.risk {
        Some(risk) if !product.risks.iter().any(|x| x.id == risk) => Err(OpError::BrokenLink(
            format!("risk {risk} is not a risk of product {}", product.id),
        )),
        _ => Ok(()),
    }
}

fn messages(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::NewMessage { order } => {
            let id = MessageId(tx.fresh_id()?);
            let m = SellerMessage {
                id,
                ..SellerMessage::default()
            };
            super::place::order_mut(tx.p, order)?.messages.push(m);
            tx.undo(Op::RemoveMessage(id));
            tx.created(id.0);
            Ok(())
        }
        Op::InsertMessage { order, at, message } => {
            let (i, j) = order_ix(tx.p, order)?;
            tx.claim([message.id.0])?;
            check_message(tx.p, (i, j), &message)?;
            let id = message.id;
            insert_at(&mut tx.p.products[i].orders[j].messages, at, message)?;
            tx.undo(Op::RemoveMessage(id));
            Ok(())
        }
        Op::RemoveMessage(id) => {
            let (i, j, k) = in_orders(tx.p, |o| &o.messages, |m| m.id == id, ("message", id.0))?;
            let order = &mut tx.p.products[i].orders[j];
            let message = order.messages.remove(k);
            let order = order.id;
            tx.undo(Op::InsertMessage {
                order,
                at: k,
                message,
            });
            Ok(())
        }
        Op::MoveMessage { id, to } => {
            let (i, j, from) = in_orders(tx.p, |o| &o.messages, |m| m.id == id, ("message", id.0))?;
            if move_to(&mut tx.p.products[i].orders[j].messages, from, to)? {
                tx.undo(Op::MoveMessage { id, to: from });
            }
            Ok(())
        }
        Op::SetMessage(m) => {
            let what = ("message", m.id.0);
            let (i, j, k) = in_orders(tx.p, |o| &o.messages, |x| x.id == m.id, what)?;
            check_message(tx.p, (i, j), &m)?;
            let slot = &mut tx.p.products[i].orders[j].messages[k];
            if *slot != m {
                let old = std::mem::replace(slot, m);
                tx.undo(Op::SetMessage(old));
            }
            Ok(())
        }
        op => packing(tx, op),
    }
}

fn packing(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::NewPacking { order } => {
            let id = PackingId(tx.fresh_id()?);
            let r = PackingRequest {
                id,
                ..PackingRequest::default()
            };
            super::place::order_mut(tx.p, order)?.packing.push(r);
            tx.undo(Op::RemovePacking(id));
            tx.created(id.0);
            Ok(())
        }
        Op::InsertPacking { order, at, request } => {
            let (i, j) = order_ix(tx.p, order)?;
            tx.claim([request.id.0])?;
            check_packing(tx.p, i, &request)?;
            let id = request.id;
            insert_at(&mut tx.p.products[i].orders[j].packing, at, request)?;
            tx.undo(Op::RemovePacking(id));
            Ok(())
        }
        Op::RemovePacking(id) => {
            let what = ("packing request", id.0);
            let (i, j, k) = in_orders(tx.p, |o| &o.packing, |r| r.id == id, what)?;
            let order = &mut tx.p.products[i].orders[j];
            let request = order.packing.remove(k);
            let order = order.id;
            tx.undo(Op::InsertPacking {
                order,
                at: k,
                request,
            });
            Ok(())
        }
        Op::SetPacking(r) => {
            let what = ("packing request", r.id.0);
            let (i, j, k) = in_orders(tx.p, |o| &o.packing, |x| x.id == r.id, what)?;
            check_packing(tx.p, i, &r)?;
            let slot = &mut tx.p.products[i].orders[j].packing[k];
            if *slot != r {
                let old = std::mem::replace(slot, r);
                tx.undo(Op::SetPacking(old));
            }
            Ok(())
        }
        op => super::observations::run(tx, op),
    }
}
