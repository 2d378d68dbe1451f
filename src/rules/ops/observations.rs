//! Ops on an order's observations (values seen for spec rows).

use super::place::{insert_at, order_ix};
use super::{Op, OpError, Tx};
use crate::model::*;

/// Refuses an observation of a row the brief does not have, or citing a
/// photo that is not the order's.
fn check(p: &Project, (i, j): (usize, usize), ob: &Observation) -> Result<(), OpError> {
    let product = &p.products[i];
    let order = &product.orders[j];
    if !product.spec.iter().any(|r| r.id == ob.spec) {
        return Err(OpError::BrokenLink(format!(
            "spec row {} is not in the brief of product {}",
            ob.spec, product.id
        )));
    }
    if let Some(photo) = ob
        .photo
        .filter(|ph| !order.photos.iter().any(|x| x.id == *ph))
    {
        return Err(OpError::BrokenLink(format!(
            "photo {photo} is not a photo of order {}",
            order.id
        )));
    }
    let of_product = |ph: &PhotoId| {
        product
            .orders
            .iter()
            .any(|o| o.photos.iter().any(|x| x.id == *ph))
    };
    if let Some(photo) = ob
        .colour
        .as_ref()
        .and_then(|c| c.photos().into_iter().find(|ph| !of_product(ph)))
    {
        return Err(OpError::BrokenLink(format!(
            "the colour was measured on photo {photo}, which is not a photo of product {}",
            product.id
        )));
    }
    Ok(())
}

fn out_of_range(at: usize, len: usize) -> OpError {
    OpError::NotFound(format!("observation {at} (the order has {len})"))
}

pub(super) fn run(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::Observe {
            order,
            spec,
            value,
            photo,
        } => {
            let (i, j) = order_ix(tx.p, order)?;
            let seen = &tx.p.products[i].orders[j].observations;
            match seen.iter().rposition(|x| x.spec == spec) {
                Some(at) => {
                    let observation = Observation {
                        value,
                        photo: photo.or(seen[at].photo),
                        ..seen[at].clone()
                    };
                    tx.run(Op::SetObservation {
                        order,
                        at,
                        observation,
                    })
                }
                None => {
                    let at = seen.len();
                    let observation = Observation {
                        spec,
                        value,
                        source: Source::Photo,
                        photo,
                        note: String::new(),
                        judgement: None,
                        colour: None,
                    };
                    tx.run(Op::InsertObservation {
                        order,
                        at,
                        observation,
                    })
                }
            }
        }
        Op::Judge {
            order,
            spec,
            judgement,
        } => {
            let (i, j) = order_ix(tx.p, order)?;
            let seen = &tx.p.products[i].orders[j].observations;
            let at = seen.iter().rposition(|x| x.spec == spec).ok_or_else(|| {
                OpError::NotFound(format!(
                    "an observation of spec row {spec} on order {order}"
                ))
            })?;
            let observation = Observation {
                judgement,
                ..seen[at].clone()
            };
            tx.run(Op::SetObservation {
                order,
                at,
                observation,
            })
        }
        Op::InsertObservation {
            order,
            at,
            observation,
        } => {
            let (i, j) = order_ix(tx.p, order)?;
            check(tx.p, (i, j), &observation)?;
            insert_at(
                &mut tx.p.products[i].orders[j].observations,
                at,
                observation,
            )?;
            tx.undo(Op::RemoveObservation { order, at });
            Ok(())
        }
        Op::RemoveObservation { order, at } => {
            let (i, j) = order_ix(tx.p, order)?;
            let seen = &mut tx.p.products[i].orders[j].observations;
            if at >= seen.len() {
                return Err(out_of_range(at, seen.len()));
            }
            let observation = seen.remove(at);
            tx.undo(Op::InsertObservation {
                order,
                at,
                observation,
            });
            Ok(())
        }
        Op::SetObservation {
            order,
            at,
            observation,
        } => {
            let (i, j) = order_ix(tx.p, order)?;
            check(tx.p, (i, j), &observation)?;
            let seen = &mut tx.p.products[i].orders[j].observations;
            let len = seen.len();
            let slot = seen.get_mut(at).ok_or_else(|| out_of_range(at, len))?;
            if *slot != observation {
                let old = std::mem::replace(slot, observation);
                tx.undo(Op::SetObservation {
                    order,
                    at,
                    observation: old,
                });
            }
            Ok(())
        }
        op => unreachable!("not an evidence op: {op:?}"),
    }
}
