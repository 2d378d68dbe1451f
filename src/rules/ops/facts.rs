//! The payloads of ops that set several fields at once.

use crate::model::*;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

/// An order's own fields (not its messages, parcels, photos…).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OrderFacts {
    pub kind: OrderKind,
    pub number: String,
    pub seller: String,
    pub quantity: u32,
    pub variant: String,
    pub ordered_on: Option<NaiveDate>,
    pub seller_shipped_on: Option<NaiveDate>,
    pub note: String,
}

impl OrderFacts {
    pub fn of(o: &Order) -> Self {
        OrderFacts {
            kind: o.kind,
            number: o.number.clone(),
            seller: o.seller.clone(),
            quantity: o.quantity,
            variant: o.variant.clone(),
            ordered_on: o.ordered_on,
            seller_shipped_on: o.seller_shipped_on,
            note: o.note.clone(),
        }
    }

    pub(crate) fn put(self, o: &mut Order) {
        o.kind = self.kind;
        o.number = self.number;
        o.seller = self.seller;
        o.quantity = self.quantity;
        o.variant = self.variant;
        o.ordered_on = self.ordered_on;
        o.seller_shipped_on = self.seller_shipped_on;
        o.note = self.note;
    }
}

/// What the buyer records on a photo: its parcel, tags, checks and note
/// (not its file, size or marks).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PhotoFacts {
    pub parcel: Option<ParcelId>,
    pub tags: Vec<Tag>,
    pub checks: Checks,
    pub note: String,
}

impl PhotoFacts {
    pub fn of(p: &Photo) -> Self {
        PhotoFacts {
            parcel: p.parcel,
            tags: p.tags.clone(),
            checks: p.checks,
            note: p.note.clone(),
        }
    }

    pub(crate) fn put(self, p: &mut Photo) {
        p.parcel = self.parcel;
        p.tags = self.tags;
        p.checks = self.checks;
        p.note = self.note;
    }
}

/// A photo copied into the photo store, ready to join an order.
#[derive(Clone, Debug, PartialEq)]
pub struct NewPhoto {
    pub file: StoredFile,
    pub width: u32,
    pub height: u32,
    pub taken: Option<NaiveDateTime>,
    pub tags: Vec<Tag>,
    /// Codes read on it at import: a code that is the tracking number of
    /// a parcel of the order links it to that parcel.
    pub codes: Vec<PhotoCode>,
}

/// A verdict the buyer signs.
#[derive(Clone, Debug, PartialEq)]
pub struct Signature {
    pub subject: Subject,
    pub signed: Verdict,
    pub reviewer: String,
    /// Why, when `signed` differs from what the rules compute.
    pub reason: String,
    pub at: DateTime<FixedOffset>,
}
