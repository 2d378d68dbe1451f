//! Warehouse deadlines: how long returns stay possible and storage stays
//! free, per parcel and per order. `now` is a parameter (the rules are pure).
//!
//! A parcel's check-in time is only known as a date, so the clock starts at
//! the start of `arrived_on` (the earliest it could have started): the
//! deadlines shown are never later than the warehouse's.

use crate::model::{Order, ParcelId, Warehouse};
use chrono::{Duration, NaiveDateTime};
use serde::Serialize;

/// The deadlines of one parcel that arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ParcelDeadline {
    pub parcel: ParcelId,
    pub return_closes: NaiveDateTime,
    /// Minutes left to ask for a return or exchange; negative once closed.
    pub return_minutes_left: i64,
    pub free_storage_ends: NaiveDateTime,
    /// Whole days of free storage left (rounded down); negative once over.
    pub free_storage_days_left: i64,
}

/// The deadlines of an order: the first to close among its parcels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrderDeadlines {
    pub parcels: Vec<ParcelDeadline>,
    pub return_closes: Option<NaiveDateTime>,
    pub return_minutes_left: Option<i64>,
    pub free_storage_ends: Option<NaiveDateTime>,
    pub free_storage_days_left: Option<i64>,
}

impl OrderDeadlines {
    /// Whether the return window is still open and closes within `hours`.
    pub fn return_closes_within(&self, hours: i64) -> bool {
        self.return_minutes_left
            .is_some_and(|m| m > 0 && m <= hours * 60)
    }
}

/// The deadlines of every parcel of the order that has arrived.
pub fn order_deadlines(warehouse: &Warehouse, order: &Order, now: NaiveDateTime) -> OrderDeadlines {
    let parcels: Vec<ParcelDeadline> = order
        .parcels
        .iter()
        .filter_map(|p| {
            let start = p.arrived_on?.and_hms_opt(0, 0, 0)?;
            // Settings from a hand-edited file can be absurd: a deadline past
            // the calendar's end is no deadline.
            let return_closes = start
                .checked_add_signed(Duration::hours(i64::from(warehouse.return_window_hours)))?;
            let free_storage_ends =
                start.checked_add_signed(Duration::days(i64::from(warehouse.free_storage_days)))?;
            Some(ParcelDeadline {
                parcel: p.id,
                return_closes,
                return_minutes_left: (return_closes - now).num_minutes(),
                free_storage_ends,
                // Whole days, rounded down: half a day past the end is -1.
                free_storage_days_left: (free_storage_ends - now).num_seconds().div_euclid(86_400),
            })
        })
        .collect();
    let first_return = parcels.iter().min_by_key(|p| p.return_closes);
    let first_storage = parcels.iter().min_by_key(|p| p.free_storage_ends);
    OrderDeadlines {
        return_closes: first_return.map(|p| p.return_closes),
        return_minutes_left: first_return.map(|p| p.return_minutes_left),
        free_storage_ends: first_storage.map(|p| p.free_storage_ends),
        free_storage_days_left: first_storage.map(|p| p.free_storage_days_left),
        parcels,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::Parcel;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn at(d: u32, h: u32) -> NaiveDateTime {
        day(d).and_hms_opt(h, 0, 0).unwrap()
    }

    fn order(arrivals: &[Option<NaiveDate>]) -> Order {
        Order {
            parcels: arrivals
                .iter()
                .enumerate()
                .map(|(i, a)| Parcel {
                    id: ParcelId(i as u64 + 1),
                    arrived_on: *a,
                    ..Parcel::default()
                })
                .collect(),
            ..Order::default()
        }
    }

    #[test]
    fn time_left_per_parcel_and_order() {
        let w = Warehouse::default(); // 120 h, 90 days
        // (arrivals, now, return closes, minutes left, storage days left)
        let cases = [
            (vec![Some(day(1))], at(1, 0), at(6, 0), 120 * 60, 90),
            (vec![Some(day(1))], at(5, 12), at(6, 0), 12 * 60, 85),
            (vec![Some(day(1))], at(6, 0), at(6, 0), 0, 85),
            (vec![Some(day(1))], at(7, 0), at(6, 0), -24 * 60, 84),
            // The first parcel to arrive sets the order's deadlines.
            (
                vec![Some(day(3)), None, Some(day(2))],
                at(2, 0),
                at(7, 0),
                120 * 60,
                90,
            ),
        ];
        for (arrivals, now, closes, minutes, days) in cases {
            let d = order_deadlines(&w, &order(&arrivals), now);
            assert_eq!(d.return_closes, Some(closes), "{arrivals:?} {now}");
            assert_eq!(d.return_minutes_left, Some(minutes), "{arrivals:?} {now}");
            assert_eq!(d.free_storage_days_left, Some(days), "{arrivals:?} {now}");
            assert_eq!(d.parcels.len(), arrivals.iter().flatten().count());
        }
    }

    #[test]
    fn nothing_arrived_means_no_deadline() {
        let d = order_deadlines(&Warehouse::default(), &order(&[None, None]), at(1, 0));
        assert!(d.parcels.is_empty());
        assert_eq!((d.return_closes, d.return_minutes_left), (None, None));
        assert!(!d.return_closes_within(24));
    }

    #[test]
    fn closes_within_is_only_for_open_windows() {
        let w = Warehouse {
            return_window_hours: 48,
            free_storage_days: 30,
            ..Warehouse::default()
        };
        let o = order(&[Some(day(1))]); // closes on the 3rd at 00:00
        let cases = [
            (at(1, 0), false),
            (at(1, 23), false),
            (at(2, 0), true),
            (at(2, 23), true),
            (at(3, 0), false),
            (at(4, 0), false),
        ];
        for (now, want) in cases {
            assert_eq!(
                order_deadlines(&w, &o, now).return_closes_within(24),
                want,
                "{now}"
            );
        }
        let d = order_deadlines(&w, &o, at(1, 0));
        assert_eq!(d.free_storage_ends, Some(at(31, 0)));
    }

    #[test]
    fn absurd_settings_give_no_deadline_instead_of_a_panic() {
        let w = Warehouse {
            return_window_hours: u32::MAX,
            free_storage_days: u32::MAX,
            ..Warehouse::default()
        };
        let d = order_deadlines(&w, &order(&[Some(day(1))]), at(2, 0));
        assert!(d.parcels.is_empty());
    }

    #[test]
    fn storage_days_left_round_down() {
        let w = Warehouse {
            free_storage_days: 2,
            ..Warehouse::default()
        };
        // Arrived on the 1st at 00:00: storage ends on the 3rd at 00:00.
        let left = |now| {
            order_deadlines(&w, &order(&[Some(day(1))]), now).parcels[0].free_storage_days_left
        };
        assert_eq!(left(at(1, 12)), 1);
        assert_eq!(left(at(3, 0)), 0);
        assert_eq!(left(at(3, 12)), -1, "half a day past the end");
    }
}
