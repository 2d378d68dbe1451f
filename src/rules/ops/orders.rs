//! Ops on orders: adding, removing, moving, their facts, route decision
//! and inspection record.

use super::facts::OrderFacts;
use super::place::{count, insert_at, move_to, order_ids, order_ix, product_ix};
use super::{Op, OpError, Tx};
use crate::model::*;

pub(super) fn run(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::NewOrder { product, kind } => {
            let i = product_ix(tx.p, product)?;
            let id = OrderId(tx.fresh_id()?);
            tx.p.products[i].orders.push(Order {
                id,
                kind,
                ..Order::default()
            });
            tx.undo(Op::RemoveOrder(id));
            tx.created(id.0);
            Ok(())
        }
        Op::InsertOrder { product, at, order } => insert_order(tx, product, at, *order),
        Op::RemoveOrder(id) => remove_order(tx, id),
        Op::MoveOrder { id, to } => {
            let (i, from) = order_ix(tx.p, id)?;
            if move_to(&mut tx.p.products[i].orders, from, to)? {
                tx.undo(Op::MoveOrder { id, to: from });
            }
            Ok(())
        }
        Op::SetOrderFacts(id, facts) => set_facts(tx, id, *facts),
        Op::SetRouteDecision { order, decision } => {
            let chosen = decision.as_ref().and_then(|d| d.route);
            if let Some(route) = chosen.filter(|r| tx.p.route(*r).is_none()) {
                return Err(OpError::BrokenLink(format!(
                    "route {route} is not among the project's routes"
                )));
            }
            let o = super::place::order_mut(tx.p, order)?;
            if o.route != decision {
                let old = std::mem::replace(&mut o.route, decision);
                tx.undo(Op::SetRouteDecision {
                    order,
                    decision: old,
                });
            }
            Ok(())
        }
        Op::SetInspection { order, inspection } => {
            let o = super::place::order_mut(tx.p, order)?;
            if o.inspection != inspection {
                let old = std::mem::replace(&mut o.inspection, inspection);
                tx.undo(Op::SetInspection {
                    order,
                    inspection: old,
                });
            }
            Ok(())
        }
        op => unreachable!("not an order op: {op:?}"),
    }
}

fn insert_order(tx: &mut Tx, product: ProductId, at: usize, order: Order) -> Result<(), OpError> {
    let i = product_ix(tx.p, product)?;
    tx.claim(order_ids(&order))?;
    let alone = Product {
        orders: vec![order.clone()],
        accepted_sample: None,
        ..tx.p.products[i].clone_without_orders()
    };
    if let Some(problem) = product_problems(&alone).first() {
        return Err(OpError::BrokenLink(problem.to_string()));
    }
    let chosen = order.route.as_ref().and_then(|d| d.route);
    if let Some(route) = chosen.filter(|r| tx.p.route(*r).is_none()) {
        return Err(OpError::BrokenLink(format!(
            "route {route} is not in the project"
        )));
    }
    let id = order.id;
    insert_at(&mut tx.p.products[i].orders, at, order)?;
    tx.undo(Op::RemoveOrder(id));
    Ok(())
}

fn remove_order(tx: &mut Tx, id: OrderId) -> Result<(), OpError> {
    let (i, j) = order_ix(tx.p, id)?;
    let product = tx.p.products[i].id;
    if tx.p.products[i].accepted_sample == Some(id) {
        tx.run(Op::SetAcceptedSample(product, None))?;
        tx.effect("the product has no accepted sample any more".into());
    }
    let decisions: Vec<DecisionId> =
        tx.p.decisions
            .iter()
            .filter(|d| d.subject == Subject::Ship(id))
            .map(|d| d.id)
            .collect();
    for d in &decisions {
        tx.run(Op::RemoveDecision(*d))?;
    }
    if !decisions.is_empty() {
        tx.effect(format!(
            "{} removed from the log",
            count(decisions.len(), "signed decision", "signed decisions")
        ));
    }
    let order = tx.p.products[i].orders.remove(j);
    if !order.photos.is_empty() {
        tx.effect(format!(
            "{} removed with it",
            count(order.photos.len(), "photo", "photos")
        ));
    }
    tx.undo(Op::InsertOrder {
        product,
        at: j,
        order: Box::new(order),
    });
    Ok(())
}

fn set_facts(tx: &mut Tx, id: OrderId, facts: OrderFacts) -> Result<(), OpError> {
    let (i, j) = order_ix(tx.p, id)?;
    let product = tx.p.products[i].id;
    if facts.kind != OrderKind::Sample && tx.p.products[i].accepted_sample == Some(id) {
        tx.run(Op::SetAcceptedSample(product, None))?;
        tx.effect("the order is no longer the accepted sample".into());
    }
    let o = &mut tx.p.products[i].orders[j];
    let old = OrderFacts::of(o);
    if old != facts {
        facts.put(o);
        tx.undo(Op::SetOrderFacts(id, Box::new(old)));
    }
    Ok(())
}
