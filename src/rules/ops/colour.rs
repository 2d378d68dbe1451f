//! The colour measured between a sample and a bulk photo, kept on the
//! bulk order's observation of the colour row; and forgetting a reading
//! when a photo it was measured on goes.

use super::place::{count, order_ix};
use super::{Op, OpError, Tx};
use crate::model::*;

pub(super) fn run(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::SetColourReading {
            order,
            spec,
            reading,
        } => set_reading(tx, order, spec, reading),
        op => unreachable!("not a colour op: {op:?}"),
    }
}

/// Sets the colour on the order's latest observation of `spec`, adding an
/// observation (with nothing typed) when there is none.
fn set_reading(
    tx: &mut Tx,
    order: OrderId,
    spec: SpecId,
    reading: Option<Box<ColourReading>>,
) -> Result<(), OpError> {
    let (i, j) = order_ix(tx.p, order)?;
    let seen = &tx.p.products[i].orders[j].observations;
    match seen.iter().rposition(|x| x.spec == spec) {
        Some(at) => {
            let observation = Observation {
                colour: reading,
                ..seen[at].clone()
            };
            tx.run(Op::SetObservation {
                order,
                at,
                observation,
            })
        }
        None if reading.is_none() => Ok(()),
        None => {
            let at = seen.len();
            let observation = Observation {
                spec,
                value: String::new(),
                source: Source::Photo,
                photo: None,
                note: String::new(),
                judgement: None,
                colour: reading,
            };
            tx.run(Op::InsertObservation {
                order,
                at,
                observation,
            })
        }
    }
}

/// Drops the colour readings measured on any of `photos`, in every order
/// but `except`; says how many.
pub(super) fn forget_readings_of(
    tx: &mut Tx,
    photos: &[PhotoId],
    except: Option<OrderId>,
) -> Result<(), OpError> {
    let citing: Vec<(OrderId, usize, Observation)> =
        tx.p.products
            .iter()
            .flat_map(|x| &x.orders)
            .filter(|o| Some(o.id) != except)
            .flat_map(|o| {
                o.observations
                    .iter()
                    .enumerate()
                    .map(move |(at, ob)| (o.id, at, ob))
            })
            .filter(|(_, _, ob)| {
                ob.colour
                    .as_ref()
                    .is_some_and(|c| c.photos().iter().any(|p| photos.contains(p)))
            })
            .map(|(o, at, ob)| (o, at, ob.clone()))
            .collect();
    for (order, at, ob) in &citing {
        tx.run(Op::SetObservation {
            order: *order,
            at: *at,
            observation: Observation {
                colour: None,
                ..ob.clone()
            },
        })?;
    }
    if !citing.is_empty() {
        tx.effect(format!(
            "{} measured on it dropped",
            count(citing.len(), "colour reading", "colour readings")
        ));
    }
    Ok(())
}
