//! Results derived from the project, computed once per document version
//! (and once a minute, as deadlines move), never per frame: every gate's
//! verdict with its reasons, looked up by id, and which signed decisions
//! are stale.

use crate::model::{DecisionId, OrderId, ProductId, Project};
use crate::rules::{self, ExportGate, ProjectVerdicts, SampleGate, decisions};
use chrono::NaiveDateTime;
use std::collections::{HashMap, HashSet};

#[derive(Default)]
pub struct Derived {
    /// The document version and minute these were computed for.
    key: Option<(u64, i64)>,
    pub verdicts: ProjectVerdicts,
    products: HashMap<ProductId, usize>,
    orders: HashMap<OrderId, usize>,
    stale: HashSet<DecisionId>,
}

impl Derived {
    /// Recomputes when `version` or the minute of `now` changed; returns
    /// whether it did.
    pub fn refresh(&mut self, project: &Project, version: u64, now: NaiveDateTime) -> bool {
        let key = (version, now.and_utc().timestamp() / 60);
        if self.key == Some(key) {
            return false;
        }
        *self = Derived::compute(project, now);
        self.key = Some(key);
        true
    }

    pub fn compute(project: &Project, now: NaiveDateTime) -> Self {
        let verdicts = rules::evaluate(project, now);
        let products = verdicts
            .products
            .iter()
            .enumerate()
            .map(|(i, g)| (g.product, i))
            .collect();
        let orders = verdicts
            .orders
            .iter()
            .enumerate()
            .map(|(i, g)| (g.order, i))
            .collect();
        let stale = project
            .decisions
            .iter()
            .filter(|d| decisions::is_stale(project, d))
            .map(|d| d.id)
            .collect();
        Derived {
            key: None,
            verdicts,
            products,
            orders,
            stale,
        }
    }

    pub fn product(&self, id: ProductId) -> Option<&SampleGate> {
        self.verdicts.products.get(*self.products.get(&id)?)
    }

    pub fn order(&self, id: OrderId) -> Option<&ExportGate> {
        self.verdicts.orders.get(*self.orders.get(&id)?)
    }

    /// Whether the evidence of a signed decision changed since it was signed.
    pub fn is_stale(&self, id: DecisionId) -> bool {
        self.stale.contains(&id)
    }

    /// Forgets everything (another project opened).
    pub fn clear(&mut self) {
        *self = Derived::default();
    }
}
