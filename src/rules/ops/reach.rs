//! What an op can change the derived results of (verdicts, stale
//! decisions): nothing, some products (each with its orders), or all of
//! them. Read before the op is applied, so what it removes is still there;
//! an object it cannot find (one a batch creates first) reaches everything.

use super::Op;
use super::place::{in_orders, in_products, order_ix};
use crate::model::*;
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Reach {
    #[default]
    Nothing,
    Products(BTreeSet<ProductId>),
    Everything,
}

impl Reach {
    pub fn join(self, other: Reach) -> Reach {
        match (self, other) {
            (Reach::Everything, _) | (_, Reach::Everything) => Reach::Everything,
            (Reach::Nothing, r) | (r, Reach::Nothing) => r,
            (Reach::Products(mut a), Reach::Products(b)) => {
                a.extend(b);
                Reach::Products(a)
            }
        }
    }

    fn product(id: ProductId) -> Reach {
        Reach::Products(BTreeSet::from([id]))
    }
}

fn of_product(p: &Project, i: usize) -> Reach {
    Reach::product(p.products[i].id)
}

fn of_order(p: &Project, id: OrderId) -> Reach {
    order_ix(p, id).map_or(Reach::Everything, |(i, _)| of_product(p, i))
}

fn of_subject(p: &Project, s: Subject) -> Reach {
    match s {
        Subject::ScaleUp(id) => Reach::product(id),
        Subject::Ship(o) => of_order(p, o),
    }
}

/// In an order list: the product of the item that `is`.
fn in_order_list<T>(
    p: &Project,
    list: impl Fn(&Order) -> &Vec<T>,
    is: impl Fn(&T) -> bool,
) -> Reach {
    in_orders(p, list, is, ("", 0)).map_or(Reach::Everything, |(i, _, _)| of_product(p, i))
}

/// In a product list: the product of the item that `is`.
fn in_product_list<T>(
    p: &Project,
    list: impl Fn(&Product) -> &Vec<T>,
    is: impl Fn(&T) -> bool,
) -> Reach {
    in_products(p, list, is, ("", 0)).map_or(Reach::Everything, |(i, _)| of_product(p, i))
}

/// What applying `op` to `p` can change the derived results of.
pub fn reach(p: &Project, op: &Op) -> Reach {
    match op {
        Op::SetProjectName(_) | Op::SetNextId(_) => Reach::Nothing,
        Op::SetWarehouse(_) | Op::ReplaceProject(_) => Reach::Everything,
        Op::NewProduct { .. }
        | Op::InsertProduct { .. }
        | Op::RemoveProduct(_)
        | Op::MoveProduct { .. } => Reach::Everything,
        Op::NewRoute(_)
        | Op::InsertRoute { .. }
        | Op::RemoveRoute(_)
        | Op::MoveRoute { .. }
        | Op::SetRoute(_) => Reach::Everything,
        Op::SetProductName(id, _) | Op::SetListing(id, _) | Op::SetAcceptedSample(id, _) => {
            Reach::product(*id)
        }
        Op::NewRisk { product, .. }
        | Op::InsertRisk { product, .. }
        | Op::NewSpecRow { product }
        | Op::InsertSpecRow { product, .. }
        | Op::NewOrder { product, .. }
        | Op::InsertOrder { product, .. } => Reach::product(*product),
        Op::RemoveRisk(id) | Op::MoveRisk { id, .. } => {
            in_product_list(p, |x| &x.risks, |r| r.id == *id)
        }
        Op::SetRisk(r) => in_product_list(p, |x| &x.risks, |x| x.id == r.id),
        Op::RemoveSpecRow(id) | Op::MoveSpecRow { id, .. } => {
            in_product_list(p, |x| &x.spec, |r| r.id == *id)
        }
        Op::SetSpecRow(row) => in_product_list(p, |x| &x.spec, |r| r.id == row.id),
        Op::RemoveOrder(id) | Op::MoveOrder { id, .. } | Op::SetOrderFacts(id, _) => {
            of_order(p, *id)
        }
        Op::Batch(ops) => ops
            .iter()
            .fold(Reach::Nothing, |r, op| r.join(reach(p, op))),
        op => evidence_reach(p, op),
    }
}

/// The reach of ops on what hangs off an order.
fn evidence_reach(p: &Project, op: &Op) -> Reach {
    match op {
        Op::NewParcel { order }
        | Op::InsertParcel { order, .. }
        | Op::NewMessage { order }
        | Op::InsertMessage { order, .. }
        | Op::NewPacking { order }
        | Op::InsertPacking { order, .. }
        | Op::Observe { order, .. }
        | Op::Judge { order, .. }
        | Op::InsertObservation { order, .. }
        | Op::RemoveObservation { order, .. }
        | Op::SetObservation { order, .. }
        | Op::SetColourReading { order, .. }
        | Op::AddPhotos { order, .. }
        | Op::InsertPhoto { order, .. }
        | Op::SetRouteDecision { order, .. }
        | Op::SetInspection { order, .. } => of_order(p, *order),
        Op::RemoveParcel(id) | Op::MoveParcel { id, .. } => {
            in_order_list(p, |o| &o.parcels, |x| x.id == *id)
        }
        Op::SetParcel(x) => in_order_list(p, |o| &o.parcels, |y| y.id == x.id),
        Op::RemoveMessage(id) | Op::MoveMessage { id, .. } => {
            in_order_list(p, |o| &o.messages, |x| x.id == *id)
        }
        Op::SetMessage(m) => in_order_list(p, |o| &o.messages, |x| x.id == m.id),
        Op::RemovePacking(id) => in_order_list(p, |o| &o.packing, |x| x.id == *id),
        Op::SetPacking(r) => in_order_list(p, |o| &o.packing, |x| x.id == r.id),
        Op::RemovePhoto(id) | Op::SetPhoto(id, _) => {
            in_order_list(p, |o| &o.photos, |x| x.id == *id)
        }
        Op::InsertMark { photo, .. } | Op::RemoveMark { photo, .. } | Op::SetMark { photo, .. } => {
            in_order_list(p, |o| &o.photos, |x| x.id == *photo)
        }
        Op::SetCodes { photo, .. }
        | Op::SetCode { photo, .. }
        | Op::AddParcelFromCode { photo, .. } => {
            in_order_list(p, |o| &o.photos, |x| x.id == *photo)
        }
        Op::LinkByCodes(photos) => photos.iter().fold(Reach::Nothing, |r, id| {
            r.join(in_order_list(p, |o| &o.photos, |x| x.id == *id))
        }),
        Op::Sign(s) => of_subject(p, s.subject),
        Op::InsertDecision { decision, .. } => of_subject(p, decision.subject),
        Op::RemoveDecision(id) => p
            .decisions
            .iter()
            .find(|d| d.id == *id)
            .map_or(Reach::Everything, |d| of_subject(p, d.subject)),
        _ => Reach::Everything,
    }
}
