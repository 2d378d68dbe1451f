//! Ops on the project itself, its products (with their risks and spec
//! rows) and its shipping routes.

use super::place::{count, in_products, insert_at, move_to, product_ix, row_name};
use super::{Op, OpError, Tx};
use crate::model::*;

pub(super) fn set_project_name(tx: &mut Tx, name: String) -> Result<(), OpError> {
    if tx.p.name != name {
        let old = std::mem::replace(&mut tx.p.name, name);
        tx.undo(Op::SetProjectName(old));
    }
    Ok(())
}

pub(super) fn set_warehouse(tx: &mut Tx, w: Warehouse) -> Result<(), OpError> {
    if tx.p.warehouse != w {
        let old = std::mem::replace(&mut tx.p.warehouse, w);
        tx.undo(Op::SetWarehouse(old));
    }
    Ok(())
}

pub(super) fn set_next_id(tx: &mut Tx, n: u64) -> Result<(), OpError> {
    let max = tx.p.all_ids().max().unwrap_or(0);
    if n <= max {
        return Err(OpError::Refused(format!(
            "next_id {n} would hand out an id in use (up to {max})"
        )));
    }
    if tx.p.next_id != n {
        let old = std::mem::replace(&mut tx.p.next_id, n);
        tx.undo(Op::SetNextId(old));
    }
    Ok(())
}

pub(super) fn run(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::NewProduct { name } => {
            let id = ProductId(tx.fresh_id()?);
            tx.p.products.push(Product {
                id,
                name,
                ..Product::default()
            });
            tx.undo(Op::RemoveProduct(id));
            tx.created(id.0);
            Ok(())
        }
        Op::InsertProduct { at, product } => insert_product(tx, at, *product),
        Op::RemoveProduct(id) => remove_product(tx, id),
        Op::MoveProduct { id, to } => {
            let from = product_ix(tx.p, id)?;
            if move_to(&mut tx.p.products, from, to)? {
                tx.undo(Op::MoveProduct { id, to: from });
            }
            Ok(())
        }
        Op::SetProductName(id, name) => {
            let i = product_ix(tx.p, id)?;
            if tx.p.products[i].name != name {
                let old = std::mem::replace(&mut tx.p.products[i].name, name);
                tx.undo(Op::SetProductName(id, old));
            }
            Ok(())
        }
        Op::SetListing(id, listing) => {
            let i = product_ix(tx.p, id)?;
            if tx.p.products[i].listing != *listing {
                let old = std::mem::replace(&mut tx.p.products[i].listing, *listing);
                tx.undo(Op::SetListing(id, Box::new(old)));
            }
            Ok(())
        }
        Op::SetAcceptedSample(id, order) => set_accepted(tx, id, order),
        op => risks_and_rows(tx, op),
    }
}

fn risks_and_rows(tx: &mut Tx, op: Op) -> Result<(), OpError> {
    match op {
        Op::NewRisk { product, kind } => {
            let i = product_ix(tx.p, product)?;
            let id = RiskId(tx.fresh_id()?);
            tx.p.products[i].risks.push(Risk {
                id,
                kind,
                note: String::new(),
            });
            tx.undo(Op::RemoveRisk(id));
            tx.created(id.0);
            Ok(())
        }
        Op::InsertRisk { product, at, risk } => {
            let i = product_ix(tx.p, product)?;
            tx.claim([risk.id.0])?;
            let id = risk.id;
            insert_at(&mut tx.p.products[i].risks, at, risk)?;
            tx.undo(Op::RemoveRisk(id));
            Ok(())
        }
        Op::RemoveRisk(id) => remove_risk(tx, id),
        Op::MoveRisk { id, to } => {
            let (i, from) = in_products(tx.p, |p| &p.risks, |r| r.id == id, ("risk", id.0))?;
            if move_to(&mut tx.p.products[i].risks, from, to)? {
                tx.undo(Op::MoveRisk { id, to: from });
            }
            Ok(())
        }
        Op::SetRisk(risk) => {
            let (i, k) = in_products(tx.p, |p| &p.risks, |r| r.id == risk.id, ("risk", risk.id.0))?;
            if tx.p.products[i].risks[k] != risk {
                let old = std::mem::replace(&mut tx.p.products[i].risks[k], risk);
                tx.undo(Op::SetRisk(old));
            }
            Ok(())
        }
        Op::NewSpecRow { product } => {
            let i = product_ix(tx.p, product)?;
            let id = SpecId(tx.fresh_id()?);
            tx.p.products[i].spec.push(SpecItem {
                id,
                name: String::new(),
                expected: Expected::Text(String::new()),
                critical: false,
            });
            tx.undo(Op::RemoveSpecRow(id));
            tx.created(id.0);
            Ok(())
        }
        Op::InsertSpecRow { product, at, row } => {
            let i = product_ix(tx.p, product)?;
            tx.claim([row.id.0])?;
            let id = row.id;
            insert_at(&mut tx.p.products[i].spec, at, row)?;
            tx.undo(Op::RemoveSpecRow(id));
            Ok(())
        }
        Op::RemoveSpecRow(id) => remove_row(tx, id),
        Op::MoveSpecRow { id, to } => {
            let (i, from) = in_products(tx.p, |p| &p.spec, |s| s.id == id, ("spec row", id.0))?;
            if move_to(&mut tx.p.products[i].spec, from, to)? {
                tx.undo(Op::MoveSpecRow { id, to: from });
            }
            Ok(())
        }
        Op::SetSpecRow(row) => {
            let (i, k) = in_products(
                tx.p,
                |p| &p.spec,
                |s| s.id == row.id,
                ("spec row", row.id.0),
            )?;
            if tx.p.products[i].spec[k] != row {
                let old = std::mem::replace(&mut tx.p.products[i].spec[k], row);
                tx.undo(Op::SetSpecRow(old));
            }
            Ok(())
        }
        op => super::catalogue_routes::run(tx, op),
    }
}

fn insert_product(tx: &mut Tx, at: usize, product: Product) -> Result<(), OpError> {
    let ids = std::iter::once(product.id.0)
        .chain(product.risks.iter().map(|r| r.id.0))
        .chain(product.spec.iter().map(|s| s.id.0))
        .chain(product.orders.iter().flat_map(super::place::order_ids));
    tx.claim(ids.collect::<Vec<_>>())?;
    if let Some(problem) = crate::model::product_problems(&product).first() {
        return Err(OpError::BrokenLink(problem.to_string()));
    }
    let id = product.id;
    insert_at(&mut tx.p.products, at, product)?;
    tx.undo(Op::RemoveProduct(id));
    Ok(())
}

fn remove_product(tx: &mut Tx, id: ProductId) -> Result<(), OpError> {
    let i = product_ix(tx.p, id)?;
    let orders: Vec<OrderId> = tx.p.products[i].orders.iter().map(|o| o.id).collect();
    let about = |s: &Subject| match s {
        Subject::ScaleUp(p) => *p == id,
        Subject::Ship(o) => orders.contains(o),
    };
    let decisions: Vec<DecisionId> =
        tx.p.decisions
            .iter()
            .filter(|d| about(&d.subject))
            .map(|d| d.id)
            .collect();
    for d in &decisions {
        tx.run(Op::RemoveDecision(*d))?;
    }
    let product = tx.p.products.remove(i);
    let photos: usize = product.orders.iter().map(|o| o.photos.len()).sum();
    if !product.orders.is_empty() {
        tx.effect(format!(
            "{} with {} removed",
            count(product.orders.len(), "order", "orders"),
            count(photos, "photo", "photos")
        ));
    }
    if !decisions.is_empty() {
        tx.effect(format!(
            "{} removed from the log",
            count(decisions.len(), "signed decision", "signed decisions")
        ));
    }
    tx.undo(Op::InsertProduct {
        at: i,
        product: Box::new(product),
    });
    Ok(())
}

fn set_accepted(tx: &mut Tx, id: ProductId, order: Option<OrderId>) -> Result<(), OpError> {
    let i = product_ix(tx.p, id)?;
    let product = &tx.p.products[i];
    if let Some(o) = order {
        let ok = product
            .orders
            .iter()
            .any(|x| x.id == o && x.kind == OrderKind::Sample);
        if !ok {
            return Err(OpError::BrokenLink(format!(
                "order {o} is not a sample order of product {id}"
            )));
        }
    }
    if product.accepted_sample != order {
        let old = std::mem::replace(&mut tx.p.products[i].accepted_sample, order);
        tx.undo(Op::SetAcceptedSample(id, old));
    }
    Ok(())
}

fn remove_risk(tx: &mut Tx, id: RiskId) -> Result<(), OpError> {
    let (i, k) = in_products(tx.p, |p| &p.risks, |r| r.id == id, ("risk", id.0))?;
    let answering: Vec<PackingRequest> = tx.p.products[i]
        .orders
        .iter()
        .flat_map(|o| &o.packing)
        .filter(|r| r.risk == Some(id))
        .cloned()
        .collect();
    for request in &answering {
        tx.run(Op::SetPacking(PackingRequest {
            risk: None,
            ..request.clone()
        }))?;
    }
    let risk = tx.p.products[i].risks.remove(k);
    if !answering.is_empty() {
        tx.effect(format!(
            "{} no longer {} the {} risk",
            count(answering.len(), "packing request", "packing requests"),
            if answering.len() == 1 {
                "answers"
            } else {
                "answer"
            },
            risk.kind.label()
        ));
    }
    let product = tx.p.products[i].id;
    tx.undo(Op::InsertRisk {
        product,
        at: k,
        risk,
    });
    Ok(())
}

fn remove_row(tx: &mut Tx, id: SpecId) -> Result<(), OpError> {
    let (i, k) = in_products(tx.p, |p| &p.spec, |s| s.id == id, ("spec row", id.0))?;
    let confirming: Vec<SellerMessage> = tx.p.products[i]
        .orders
        .iter()
        .flat_map(|o| &o.messages)
        .filter(|m| m.confirms.contains(&id))
        .cloned()
        .collect();
    for m in &confirming {
        let mut m = m.clone();
        m.confirms.retain(|s| *s != id);
        tx.run(Op::SetMessage(m))?;
    }
    let mut observations = 0;
    let orders: Vec<OrderId> = tx.p.products[i].orders.iter().map(|o| o.id).collect();
    for (j, order) in orders.into_iter().enumerate() {
        let seen = &tx.p.products[i].orders[j].observations;
        let at: Vec<usize> = (0..seen.len())
            .rev()
            .filter(|&n| seen[n].spec == id)
            .collect();
        for at in at {
            tx.run(Op::RemoveObservation { order, at })?;
            observations += 1;
        }
    }
    let row = tx.p.products[i].spec.remove(k);
    let name = row_name(&row);
    if !confirming.is_empty() {
        tx.effect(format!(
            "{} no longer {} {name}",
            count(confirming.len(), "seller message", "seller messages"),
            if confirming.len() == 1 {
                "confirms"
            } else {
                "confirm"
            },
        ));
    }
    if observations > 0 {
        tx.effect(format!(
            "{} of {name} removed",
            count(observations, "observation", "observations")
        ));
    }
    let product = tx.p.products[i].id;
    tx.undo(Op::InsertSpecRow {
        product,
        at: k,
        row,
    });
    Ok(())
}
