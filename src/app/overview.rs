//! The overview: every order of the project in one table, with what needs
//! the buyer (its verdict and first blocking reason, photos left to check,
//! the deadlines left), sortable by any column. Built once per document
//! version from the derived results, never per frame.

use super::Derived;
use crate::model::{Check, OrderId, OrderKind, Photo, ProductId, Project, Tag, Verdict};
use crate::rules::{Severity, Target};
use std::cmp::Ordering;

/// One order's line in the overview.
#[derive(Clone, Debug, PartialEq)]
pub struct OverviewRow {
    pub product: ProductId,
    pub product_name: String,
    pub order: OrderId,
    pub kind: OrderKind,
    pub number: String,
    pub seller: String,
    /// "Ship it?" for the order.
    pub verdict: Verdict,
    /// The first reason that blocks it, and where it is fixed.
    pub first_blocking: Option<(String, Target)>,
    pub parcels: usize,
    /// Warehouse photos with a check not yet made.
    pub photos_to_check: usize,
    pub return_minutes_left: Option<i64>,
    pub free_storage_days_left: Option<i64>,
}

/// A column the overview sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Column {
    Product,
    Kind,
    Number,
    Seller,
    /// The default: what needs the buyer first.
    #[default]
    Verdict,
    Reason,
    Parcels,
    PhotosToCheck,
    ReturnLeft,
    StorageLeft,
}

impl Column {
    pub const ALL: [Column; 10] = [
        Self::Product,
        Self::Kind,
        Self::Number,
        Self::Seller,
        Self::Verdict,
        Self::Reason,
        Self::Parcels,
        Self::PhotosToCheck,
        Self::ReturnLeft,
        Self::StorageLeft,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::Product => "Product",
            Self::Kind => "Kind",
            Self::Number => "Order",
            Self::Seller => "Seller",
            Self::Verdict => "Ship it?",
            Self::Reason => "First blocking reason",
            Self::Parcels => "Parcels",
            Self::PhotosToCheck => "Photos to check",
            Self::ReturnLeft => "Return window",
            Self::StorageLeft => "Free storage",
        }
    }
}

fn needs_a_check(photo: &Photo) -> bool {
    !photo.has_tag(Tag::ChatScreenshot)
        && photo
            .checks
            .all()
            .iter()
            .any(|(_, c)| *c == Check::Unchecked)
}

/// Every order's row, in project order. Orders whose gate is not derived
/// yet are left out.
pub fn overview_rows(project: &Project, derived: &Derived) -> Vec<OverviewRow> {
    let mut rows = Vec::new();
    for p in &project.products {
        for o in &p.orders {
            let Some(g) = derived.order(o.id) else {
                continue;
            };
            rows.push(OverviewRow {
                product: p.id,
                product_name: p.name.clone(),
                order: o.id,
                kind: o.kind,
                number: o.number.clone(),
                seller: o.seller.clone(),
                verdict: g.verdict,
                first_blocking: g
                    .reasons
                    .iter()
                    .find(|r| r.severity == Severity::Blocks)
                    .map(|r| (r.message.clone(), r.target)),
                parcels: o.parcels.len(),
                photos_to_check: o.photos.iter().filter(|ph| needs_a_check(ph)).count(),
                return_minutes_left: g.deadlines.return_minutes_left,
                free_storage_days_left: g.deadlines.free_storage_days_left,
            });
        }
    }
    rows
}

/// Most urgent first: no-go, not ready, go with conditions, go.
fn urgency(v: Verdict) -> u8 {
    match v {
        Verdict::NoGo => 0,
        Verdict::NotReady => 1,
        Verdict::GoWithConditions => 2,
        Verdict::Go => 3,
    }
}

/// A deadline still open sorts before none; the soonest first.
fn deadline(a: Option<i64>, b: Option<i64>) -> Ordering {
    let key = |x: Option<i64>| x.map_or((1, 0), |v| (0, v));
    key(a).cmp(&key(b))
}

fn text(a: &str, b: &str) -> Ordering {
    a.to_lowercase().cmp(&b.to_lowercase())
}

fn reason(r: &OverviewRow) -> &str {
    r.first_blocking.as_ref().map_or("", |(m, _)| m.as_str())
}

fn compare(a: &OverviewRow, b: &OverviewRow, by: Column) -> Ordering {
    match by {
        Column::Product => text(&a.product_name, &b.product_name),
        Column::Kind => (a.kind == OrderKind::Bulk).cmp(&(b.kind == OrderKind::Bulk)),
        Column::Number => text(&a.number, &b.number),
        Column::Seller => text(&a.seller, &b.seller),
        Column::Verdict => urgency(a.verdict).cmp(&urgency(b.verdict)),
        Column::Reason => text(reason(a), reason(b)),
        Column::Parcels => a.parcels.cmp(&b.parcels),
        Column::PhotosToCheck => b.photos_to_check.cmp(&a.photos_to_check),
        Column::ReturnLeft => deadline(a.return_minutes_left, b.return_minutes_left),
        Column::StorageLeft => deadline(a.free_storage_days_left, b.free_storage_days_left),
    }
}

/// Sorts by a column (stable: ties keep project order). Ascending puts
/// first what needs the buyer first: the most urgent verdict, the most
/// photos to check, the soonest deadline.
pub fn sort_rows(rows: &mut [OverviewRow], by: Column, ascending: bool) {
    rows.sort_by(|a, b| {
        let o = compare(a, b, by);
        if ascending { o } else { o.reverse() }
    });
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn demo_rows() -> (tempfile::TempDir, Project, Vec<OverviewRow>) {
        let dir = tempfile::tempdir().unwrap();
        let path = crate::app::demo::write(dir.path()).unwrap();
        let project = crate::store::load(&path).unwrap();
        let mut derived = Derived::default();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 1)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap();
        derived.refresh(&project, crate::rules::ops::Reach::Everything, now);
        let rows = overview_rows(&project, &derived);
        (dir, project, rows)
    }

    #[test]
    fn every_order_has_a_row_with_its_gate() {
        let (_dir, project, rows) = demo_rows();
        let orders: usize = project.products.iter().map(|p| p.orders.len()).sum();
        assert_eq!(rows.len(), orders);
        for r in &rows {
            let (_, o) = project.order(r.order).unwrap();
            assert_eq!(r.number, o.number);
            assert_eq!(r.parcels, o.parcels.len());
            let blocked = matches!(r.verdict, Verdict::NoGo | Verdict::NotReady);
            assert_eq!(blocked, r.first_blocking.is_some(), "{r:?}");
        }
    }

    #[test]
    fn sorting_by_verdict_puts_the_most_urgent_first_and_keeps_ties_in_order() {
        let (_dir, _project, mut rows) = demo_rows();
        let before = rows.clone();
        sort_rows(&mut rows, Column::Verdict, true);
        let ranks: Vec<u8> = rows.iter().map(|r| urgency(r.verdict)).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
        for w in rows.windows(2) {
            if urgency(w[0].verdict) == urgency(w[1].verdict) {
                let pos = |r: &OverviewRow| before.iter().position(|x| x.order == r.order);
                assert!(pos(&w[0]) < pos(&w[1]), "a stable sort");
            }
        }
        sort_rows(&mut rows, Column::Verdict, false);
        let ranks: Vec<u8> = rows.iter().map(|r| urgency(r.verdict)).collect();
        assert!(ranks.windows(2).all(|w| w[0] >= w[1]), "{ranks:?}");
    }

    #[test]
    fn open_deadlines_sort_soonest_first_and_none_last() {
        let mut got = [Some(30), None, Some(5), Some(-2)];
        got.sort_by(|a, b| deadline(*a, *b));
        assert_eq!(got, [Some(-2), Some(5), Some(30), None]);
    }
}
