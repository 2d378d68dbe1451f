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
            let (order, said) = prefilled(&tx.p.products[i], id, kind);
            tx.p.products[i].orders.push(order);
            tx.undo(Op::RemoveOrder(id));
            tx.created(id.0);
            for said in said {
                tx.effect(said);
            }
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

/// A new order as far as the product already says: a bulk order takes the
/// seller and variant of the accepted sample; the listing's selected
/// variant fills what is still empty. Also what was filled, and from where.
fn prefilled(p: &Product, id: OrderId, kind: OrderKind) -> (Order, Vec<String>) {
    let sample = p
        .accepted_sample
        .filter(|_| kind == OrderKind::Bulk)
        .and_then(|s| p.orders.iter().find(|o| o.id == s));
    let mut order = Order {
        id,
        kind,
        ..Order::default()
    };
    let mut said = Vec::new();
    let mut fill = |field: &mut String, what: &str, value: &str, from: &str| {
        let value = value.trim();
        if field.is_empty() && !value.is_empty() {
            *field = value.to_string();
            said.push(format!("{what} \u{201c}{value}\u{201d} from {from}"));
        }
    };
    if let Some(s) = sample {
        fill(
            &mut order.seller,
            "seller",
            &s.seller,
            "the accepted sample",
        );
        fill(
            &mut order.variant,
            "variant",
            &s.variant,
            "the accepted sample",
        );
    }
    fill(
        &mut order.variant,
        "variant",
        &p.listing.variant,
        "the listing",
    );
    (order, said)
}

fn insert_order(tx: &mut Tx, product: ProductId, at: usize, order: Order) -> Result<(), OpError> {
    let i = product_ix(tx.p, product)?;
    tx.claim(order_ids(&order))?;
    // With the product's other orders: a colour reading on this order may
    // cite a photo of another order of the product.
    let mut orders = tx.p.products[i].orders.clone();
    orders.push(order.clone());
    let alone = Product {
        orders,
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
    let photos: Vec<PhotoId> = tx.p.products[i].orders[j]
        .photos
        .iter()
        .map(|p| p.id)
        .collect();
    super::colour::forget_readings_of(tx, &photos, Some(id))?;
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::apply;
    use super::*;

    fn mug() -> Project {
        let mut p = Project::new("prefill");
        p.products.push(Product {
            id: ProductId(1),
            listing: Listing {
                variant: " 雾霾蓝 350ml ".into(),
                ..Listing::default()
            },
            orders: vec![Order {
                id: OrderId(2),
                seller: "义乌好物陶瓷".into(),
                variant: "雾霾蓝 haze blue".into(),
                ..Order::default()
            }],
            ..Product::default()
        });
        p.repair_next_id();
        p
    }

    fn new_order(p: &mut Project, kind: OrderKind) -> (Order, Vec<String>) {
        let a = apply(
            p,
            Op::NewOrder {
                product: ProductId(1),
                kind,
            },
        )
        .unwrap();
        let id = OrderId(a.created.unwrap());
        (p.order(id).unwrap().1.clone(), a.effects)
    }

    #[test]
    fn a_new_order_takes_the_listings_variant() {
        let mut p = mug();
        let (o, said) = new_order(&mut p, OrderKind::Sample);
        assert_eq!(
            (o.seller.as_str(), o.variant.as_str()),
            ("", "雾霾蓝 350ml")
        );
        assert_eq!(
            said,
            ["variant \u{201c}雾霾蓝 350ml\u{201d} from the listing"]
        );
        // A bulk order before any sample is accepted: the listing only.
        let (o, _) = new_order(&mut p, OrderKind::Bulk);
        assert_eq!(
            (o.seller.as_str(), o.variant.as_str()),
            ("", "雾霾蓝 350ml")
        );
    }

    #[test]
    fn a_bulk_order_copies_seller_and_variant_from_the_accepted_sample() {
        let mut p = mug();
        apply(
            &mut p,
            Op::SetAcceptedSample(ProductId(1), Some(OrderId(2))),
        )
        .unwrap();
        let before = p.clone();
        let a = apply(
            &mut p,
            Op::NewOrder {
                product: ProductId(1),
                kind: OrderKind::Bulk,
            },
        )
        .unwrap();
        let o = p.order(OrderId(a.created.unwrap())).unwrap().1;
        assert_eq!(o.seller, "义乌好物陶瓷");
        assert_eq!(
            o.variant, "雾霾蓝 haze blue",
            "the sample's, not the listing's"
        );
        assert_eq!(
            a.effects,
            [
                "seller \u{201c}义乌好物陶瓷\u{201d} from the accepted sample",
                "variant \u{201c}雾霾蓝 haze blue\u{201d} from the accepted sample",
            ]
        );
        for op in a.inverse {
            apply(&mut p, op).unwrap();
        }
        assert_eq!(p, before, "undo removes it whole");
        // A sample order copies nothing from another sample.
        let (o, _) = new_order(&mut p, OrderKind::Sample);
        assert_eq!(o.seller, "");
    }
}
