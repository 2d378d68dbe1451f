//! Which photos of an order are selected in the grid, as a file manager
//! does it: a click selects one, Ctrl+click adds or removes one,
//! Shift+click selects the range from the last one clicked, Ctrl+A all the
//! photos shown.

use crate::model::{OrderId, PhotoId};
use std::collections::HashSet;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PhotoSelection {
    order: Option<OrderId>,
    ids: HashSet<PhotoId>,
    /// The last photo clicked without Shift: where a range starts.
    anchor: Option<PhotoId>,
}

/// How a photo was clicked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClickKind {
    Plain,
    /// Ctrl (Cmd on a Mac): add or remove one.
    Toggle,
    /// Shift: the range from the anchor.
    Range,
}

impl ClickKind {
    pub fn of(m: eframe::egui::Modifiers) -> Self {
        if m.shift {
            Self::Range
        } else if m.command {
            Self::Toggle
        } else {
            Self::Plain
        }
    }
}

impl PhotoSelection {
    /// Starts afresh when another order's photos are clicked.
    fn for_order(&mut self, order: OrderId) {
        if self.order != Some(order) {
            *self = PhotoSelection {
                order: Some(order),
                ..PhotoSelection::default()
            };
        }
    }

    /// A click on `id`, among the photos `shown` in grid order.
    pub fn click(&mut self, order: OrderId, id: PhotoId, kind: ClickKind, shown: &[PhotoId]) {
        self.for_order(order);
        match kind {
            ClickKind::Plain => {
                self.ids = HashSet::from([id]);
                self.anchor = Some(id);
            }
            ClickKind::Toggle => {
                if !self.ids.remove(&id) {
                    self.ids.insert(id);
                }
                self.anchor = Some(id);
            }
            ClickKind::Range => {
                let at = |x: PhotoId| shown.iter().position(|s| *s == x);
                let (Some(to), Some(from)) = (at(id), self.anchor.and_then(at)) else {
                    self.ids = HashSet::from([id]);
                    self.anchor = Some(id);
                    return;
                };
                let (a, b) = (from.min(to), from.max(to));
                self.ids = shown[a..=b].iter().copied().collect();
            }
        }
    }

    pub fn select_all(&mut self, order: OrderId, shown: &[PhotoId]) {
        self.for_order(order);
        self.ids = shown.iter().copied().collect();
    }

    pub fn clear(&mut self) {
        self.ids.clear();
        self.anchor = None;
    }

    pub fn contains(&self, order: OrderId, id: PhotoId) -> bool {
        self.order == Some(order) && self.ids.contains(&id)
    }

    /// The selected photos of `order`, by id.
    pub fn all(&self, order: OrderId) -> Vec<PhotoId> {
        if self.order != Some(order) {
            return Vec::new();
        }
        let mut ids: Vec<PhotoId> = self.ids.iter().copied().collect();
        ids.sort();
        ids
    }

    /// The selected photos of `order` that still exist, in `photos` order.
    pub fn of<'a>(&'a self, order: OrderId, photos: &'a [PhotoId]) -> Vec<PhotoId> {
        if self.order != Some(order) {
            return Vec::new();
        }
        photos
            .iter()
            .copied()
            .filter(|p| self.ids.contains(p))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: OrderId = OrderId(1);

    fn ids(n: u64) -> Vec<PhotoId> {
        (10..10 + n).map(PhotoId).collect()
    }

    #[test]
    fn click_selects_one_ctrl_adds_and_removes_shift_takes_the_range() {
        let shown = ids(6);
        let mut s = PhotoSelection::default();
        s.click(ORDER, shown[1], ClickKind::Plain, &shown);
        assert_eq!(s.of(ORDER, &shown), [shown[1]]);
        s.click(ORDER, shown[4], ClickKind::Range, &shown);
        assert_eq!(s.of(ORDER, &shown), shown[1..=4]);
        s.click(ORDER, shown[2], ClickKind::Toggle, &shown);
        assert_eq!(s.of(ORDER, &shown), [shown[1], shown[3], shown[4]]);
        // The range now starts at the photo Ctrl+clicked, backwards too.
        s.click(ORDER, shown[0], ClickKind::Range, &shown);
        assert_eq!(s.of(ORDER, &shown), shown[0..=2]);
    }

    #[test]
    fn another_orders_click_starts_afresh_and_select_all_takes_what_is_shown() {
        let shown = ids(4);
        let mut s = PhotoSelection::default();
        s.select_all(ORDER, &shown);
        assert_eq!(s.of(ORDER, &shown).len(), 4);
        s.click(OrderId(2), PhotoId(99), ClickKind::Toggle, &[PhotoId(99)]);
        assert!(s.of(ORDER, &shown).is_empty());
        assert!(s.contains(OrderId(2), PhotoId(99)));
        s.clear();
        assert!(!s.contains(OrderId(2), PhotoId(99)));
    }
}
