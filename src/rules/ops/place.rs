//! Finding things by id, and the list moves every kind shares.

use super::OpError;
use crate::model::*;
use std::collections::HashSet;

fn missing(what: &str, id: impl std::fmt::Display) -> OpError {
    OpError::NotFound(format!("{what} {id}"))
}

pub(crate) fn product_ix(p: &Project, id: ProductId) -> Result<usize, OpError> {
    p.products
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| missing("product", id))
}

/// Product and order index of order `id`.
pub(crate) fn order_ix(p: &Project, id: OrderId) -> Result<(usize, usize), OpError> {
    p.products
        .iter()
        .enumerate()
        .find_map(|(i, x)| x.orders.iter().position(|o| o.id == id).map(|j| (i, j)))
        .ok_or_else(|| missing("order", id))
}

pub(crate) fn order_mut(p: &mut Project, id: OrderId) -> Result<&mut Order, OpError> {
    let (i, j) = order_ix(p, id)?;
    Ok(&mut p.products[i].orders[j])
}

/// Product index and position of the item of a product list that `is`.
pub(crate) fn in_products<T>(
    p: &Project,
    list: impl Fn(&Product) -> &Vec<T>,
    is: impl Fn(&T) -> bool,
    what: (&str, u64),
) -> Result<(usize, usize), OpError> {
    p.products
        .iter()
        .enumerate()
        .find_map(|(i, x)| list(x).iter().position(&is).map(|k| (i, k)))
        .ok_or_else(|| missing(what.0, what.1))
}

/// Product, order and position of the item of an order list that `is`.
pub(crate) fn in_orders<T>(
    p: &Project,
    list: impl Fn(&Order) -> &Vec<T>,
    is: impl Fn(&T) -> bool,
    what: (&str, u64),
) -> Result<(usize, usize, usize), OpError> {
    p.products
        .iter()
        .enumerate()
        .flat_map(|(i, x)| x.orders.iter().enumerate().map(move |(j, o)| (i, j, o)))
        .find_map(|(i, j, o)| list(o).iter().position(&is).map(|k| (i, j, k)))
        .ok_or_else(|| missing(what.0, what.1))
}

/// Puts `item` at `at` (at most the length).
pub(crate) fn insert_at<T>(list: &mut Vec<T>, at: usize, item: T) -> Result<(), OpError> {
    if at > list.len() {
        return Err(OpError::Refused(format!(
            "position {at} is past the end of a list of {}",
            list.len()
        )));
    }
    list.insert(at, item);
    Ok(())
}

/// Moves the element at `from` to `to`; whether anything moved.
pub(crate) fn move_to<T>(list: &mut Vec<T>, from: usize, to: usize) -> Result<bool, OpError> {
    if to >= list.len() {
        return Err(OpError::Refused(format!(
            "position {to} is past the end of a list of {}",
            list.len()
        )));
    }
    if from == to {
        return Ok(false);
    }
    let item = list.remove(from);
    list.insert(to, item);
    Ok(true)
}

/// Refuses ids that are 0 or already used in the project.
pub(crate) fn ensure_free(p: &Project, ids: impl IntoIterator<Item = u64>) -> Result<(), OpError> {
    let used: HashSet<u64> = p.all_ids().collect();
    let mut new = HashSet::new();
    for id in ids {
        if id == 0 || used.contains(&id) || !new.insert(id) {
            return Err(OpError::IdInUse(id));
        }
    }
    Ok(())
}

/// Every id inside an order (itself included).
pub(crate) fn order_ids(o: &Order) -> Vec<u64> {
    std::iter::once(o.id.0)
        .chain(o.messages.iter().map(|m| m.id.0))
        .chain(o.parcels.iter().map(|p| p.id.0))
        .chain(o.photos.iter().map(|p| p.id.0))
        .chain(o.packing.iter().map(|p| p.id.0))
        .collect()
}

/// A parcel as the buyer knows it: its tracking number.
pub(crate) fn parcel_name(parcel: &Parcel) -> String {
    if parcel.tracking.trim().is_empty() {
        format!("parcel {} (no tracking number yet)", parcel.id)
    } else {
        parcel.tracking.trim().to_string()
    }
}

/// A spec row as the buyer knows it: its name.
pub(crate) fn row_name(row: &SpecItem) -> String {
    if row.name.trim().is_empty() {
        "(unnamed row)".into()
    } else {
        format!("\u{201c}{}\u{201d}", row.name.trim())
    }
}

pub(crate) use crate::rules::text::count;
