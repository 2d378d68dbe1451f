//! Results derived from the project: every gate's verdict with its
//! reasons, looked up by id, and which signed decisions are stale. Kept per
//! product and recomputed only for the products an edit reached (all of
//! them when an edit reached the whole project, and once a minute, as
//! deadlines move); never per frame.

use crate::model::{DecisionId, OrderId, Product, ProductId, Project, Subject};
use crate::rules::compare::{Comparison, OrderCell, compare_product, order_cells};
use crate::rules::ops::Reach;
use crate::rules::{ExportGate, SampleGate, decisions, export_gate, sample_gate};
use chrono::NaiveDateTime;
use std::collections::{HashMap, HashSet};

/// One product's gates: its sample gate and each order's export gate.
struct ProductGates {
    id: ProductId,
    sample: SampleGate,
    orders: Vec<ExportGate>,
    /// The sample-vs-bulk table.
    comparison: Comparison,
    /// Each order's cells, in order of `orders`.
    cells: Vec<Vec<OrderCell>>,
}

#[derive(Default)]
pub struct Derived {
    /// The minute the results are for; `None` before the first compute.
    minute: Option<i64>,
    products: Vec<ProductGates>,
    product_ix: HashMap<ProductId, usize>,
    order_ix: HashMap<OrderId, (usize, usize)>,
    stale: HashSet<DecisionId>,
    /// Counts the refreshes that recomputed something.
    generation: u64,
}

fn gates(project: &Project, p: &Product, now: NaiveDateTime) -> ProductGates {
    ProductGates {
        id: p.id,
        sample: sample_gate(p),
        orders: p
            .orders
            .iter()
            .map(|o| export_gate(project, p, o, now))
            .collect(),
        comparison: compare_product(p),
        cells: p.orders.iter().map(|o| order_cells(p, o)).collect(),
    }
}

impl Derived {
    /// Brings the results up to date after edits that reached `reach`;
    /// returns whether anything was recomputed.
    pub fn refresh(&mut self, project: &Project, reach: Reach, now: NaiveDateTime) -> bool {
        let changed = self.refresh_reached(project, reach, now);
        self.generation += u64::from(changed);
        changed
    }

    /// Changes with every refresh that recomputed something: what is built
    /// from the results is rebuilt when it moves.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    fn refresh_reached(&mut self, project: &Project, reach: Reach, now: NaiveDateTime) -> bool {
        let minute = now.and_utc().timestamp() / 60;
        if self.minute != Some(minute) || reach == Reach::Everything {
            self.compute(project, now);
            self.minute = Some(minute);
            return true;
        }
        let Reach::Products(ids) = reach else {
            return false;
        };
        for id in ids {
            if !self.update_product(project, id, now) {
                self.compute(project, now);
                return true;
            }
        }
        true
    }

    #[cfg(test)]
    fn compute_new(project: &Project, now: NaiveDateTime) -> Derived {
        let mut d = Derived::default();
        d.compute(project, now);
        d
    }

    fn compute(&mut self, project: &Project, now: NaiveDateTime) {
        self.products = project
            .products
            .iter()
            .map(|p| gates(project, p, now))
            .collect();
        self.product_ix = self
            .products
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id, i))
            .collect();
        self.order_ix.clear();
        for (i, g) in self.products.iter().enumerate() {
            for (j, o) in g.orders.iter().enumerate() {
                self.order_ix.insert(o.order, (i, j));
            }
        }
        self.stale = project
            .decisions
            .iter()
            .filter(|d| decisions::is_stale(project, d))
            .map(|d| d.id)
            .collect();
    }

    /// Recomputes one product in place; false when the products moved
    /// under it (then everything is recomputed).
    fn update_product(&mut self, project: &Project, id: ProductId, now: NaiveDateTime) -> bool {
        let (Some(&i), Some(p)) = (self.product_ix.get(&id), project.product(id)) else {
            return false;
        };
        if project.products.get(i).map(|x| x.id) != Some(id) {
            return false;
        }
        for o in &self.products[i].orders {
            self.order_ix.remove(&o.order);
        }
        self.products[i] = gates(project, p, now);
        for (j, o) in self.products[i].orders.iter().enumerate() {
            self.order_ix.insert(o.order, (i, j));
        }
        let orders: HashSet<OrderId> = p.orders.iter().map(|o| o.id).collect();
        let about = |s: &Subject| match s {
            Subject::ScaleUp(x) => *x == id,
            Subject::Ship(o) => orders.contains(o),
        };
        for d in project.decisions.iter().filter(|d| about(&d.subject)) {
            if decisions::is_stale(project, d) {
                self.stale.insert(d.id);
            } else {
                self.stale.remove(&d.id);
            }
        }
        true
    }

    pub fn product(&self, id: ProductId) -> Option<&SampleGate> {
        self.products
            .get(*self.product_ix.get(&id)?)
            .map(|g| &g.sample)
    }

    pub fn order(&self, id: OrderId) -> Option<&ExportGate> {
        let (i, j) = *self.order_ix.get(&id)?;
        self.products.get(i)?.orders.get(j)
    }

    /// The sample-vs-bulk table of a product.
    pub fn comparison(&self, id: ProductId) -> Option<&Comparison> {
        self.products
            .get(*self.product_ix.get(&id)?)
            .map(|g| &g.comparison)
    }

    /// Each spec row's cell on an order.
    pub fn cells(&self, id: OrderId) -> Option<&[OrderCell]> {
        let (i, j) = *self.order_ix.get(&id)?;
        self.products.get(i)?.cells.get(j).map(Vec::as_slice)
    }

    /// Every sample gate, in project order.
    pub fn sample_gates(&self) -> impl Iterator<Item = &SampleGate> {
        self.products.iter().map(|g| &g.sample)
    }

    /// Every export gate, in project order.
    pub fn export_gates(&self) -> impl Iterator<Item = &ExportGate> {
        self.products.iter().flat_map(|g| &g.orders)
    }

    /// Whether the evidence of a signed decision changed since it was signed.
    pub fn is_stale(&self, id: DecisionId) -> bool {
        self.stale.contains(&id)
    }

    /// Forgets everything (another project opened).
    pub fn clear(&mut self) {
        *self = Derived {
            generation: self.generation + 1,
            ..Derived::default()
        };
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::rules::ops::{self, Op, OrderFacts};

    fn project() -> Project {
        let dir = tempfile::tempdir().unwrap();
        let path = crate::app::demo::write(dir.path()).unwrap();
        crate::store::load(&path).unwrap()
    }

    /// After each edit, the results kept up to date product by product are
    /// those computed from scratch.
    #[test]
    fn updating_the_products_an_edit_reached_gives_what_a_full_compute_gives() {
        let mut p = project();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap();
        let mut kept = Derived::default();
        kept.refresh(&p, Reach::Nothing, now);
        let tiles = &p.products[1];
        let order = tiles.orders[0].clone();
        let edits = vec![
            Op::SetOrderFacts(
                order.id,
                Box::new(OrderFacts {
                    variant: "grey".into(),
                    ..OrderFacts::of(&order)
                }),
            ),
            Op::RemoveParcel(order.parcels[0].id),
            Op::NewOrder {
                product: tiles.id,
                kind: crate::model::OrderKind::Bulk,
            },
            Op::RemoveSpecRow(p.products[0].spec[0].id),
        ];
        for op in edits {
            let reach = ops::reach(&p, &op);
            assert!(matches!(reach, Reach::Products(_)), "{op:?}");
            ops::apply(&mut p, op).unwrap();
            assert!(kept.refresh(&p, reach, now));
            let full = Derived::compute_new(&p, now);
            let verdicts = |d: &Derived| -> Vec<_> {
                d.export_gates()
                    .map(|g| (g.order, g.verdict, g.reasons.len()))
                    .collect()
            };
            assert_eq!(verdicts(&kept), verdicts(&full));
            let samples = |d: &Derived| -> Vec<_> {
                d.sample_gates().map(|g| (g.product, g.verdict)).collect()
            };
            assert_eq!(samples(&kept), samples(&full));
            assert_eq!(kept.stale, full.stale);
        }
        assert!(!kept.refresh(&p, Reach::Nothing, now), "nothing to do");
    }
}
