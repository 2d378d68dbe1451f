//! Ops on the project's shipping routes.

use super::place::{count, insert_at, move_to};
use super::{Op, OpError, Tx};
use crate::model::*;

fn route_ix(p: &Project, id: RouteId) -> Result<usize, OpError> {
    p.routes
        .iter()
        .position(|r| r.id == id)
        .ok_or_else(|| OpError::NotFound(format!("route {id}")))
}

pub(super) fn run(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::NewRoute(route) => {
            let id = RouteId(tx.fresh_id()?);
            tx.p.routes.push(Route { id, ..*route });
            tx.undo(Op::RemoveRoute(id));
            tx.created(id.0);
            Ok(())
        }
        Op::InsertRoute { at, route } => {
            tx.claim([route.id.0])?;
            let id = route.id;
            insert_at(&mut tx.p.routes, at, *route)?;
            tx.undo(Op::RemoveRoute(id));
            Ok(())
        }
        Op::RemoveRoute(id) => remove_route(tx, id),
        Op::MoveRoute { id, to } => {
            let from = route_ix(tx.p, id)?;
            if move_to(&mut tx.p.routes, from, to)? {
                tx.undo(Op::MoveRoute { id, to: from });
            }
            Ok(())
        }
        Op::SetRoute(route) => {
            let i = route_ix(tx.p, route.id)?;
            if tx.p.routes[i] != *route {
                let old = std::mem::replace(&mut tx.p.routes[i], *route);
                tx.undo(Op::SetRoute(Box::new(old)));
            }
            Ok(())
        }
        op => unreachable!("not a catalogue op: {op:?}"),
    }
}

fn remove_route(tx: &mut Tx, id: RouteId) -> Result<(), OpError> {
    let i = route_ix(tx.p, id)?;
    let choosing: Vec<(OrderId, RouteDecision)> =
        tx.p.products
            .iter()
            .flat_map(|p| &p.orders)
            .filter_map(|o| o.route.as_ref().map(|d| (o.id, d)))
            .filter(|(_, d)| d.route == Some(id))
            .map(|(o, d)| (o, d.clone()))
            .collect();
    for (order, decision) in &choosing {
        let decision = Some(RouteDecision {
            route: None,
            ..decision.clone()
        });
        tx.run(Op::SetRouteDecision {
            order: *order,
            decision,
        })?;
    }
    let route = tx.p.routes.remove(i);
    if !choosing.is_empty() {
        tx.effect(format!(
            "{} no longer {} a route chosen",
            count(choosing.len(), "order", "orders"),
            if choosing.len() == 1 { "has" } else { "have" }
        ));
    }
    tx.undo(Op::InsertRoute {
        at: i,
        route: Box::new(route),
    });
    Ok(())
}
