//! Typed identifiers. Every object in a project gets a number from one
//! project-wide counter, so an id is unique across kinds, survives reordering
//! and editing, and is never reused after a deletion.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

id_type!(
    /// A product being sourced.
    ProductId,
    /// A sample or bulk order.
    OrderId,
    /// A domestic parcel (one tracking number).
    ParcelId,
    /// A photo in the project's photo store.
    PhotoId,
    /// A row of a product's spec brief.
    SpecId,
    /// A product risk (fragile, battery…).
    RiskId,
    /// A seller message.
    MessageId,
    /// A packing request.
    PackingId,
    /// A signed decision in the log.
    DecisionId,
    /// A shipping route of the project.
    RouteId,
);
