//! The data of a project. Serde only: no I/O, no egui.

mod codes;
mod colour;
mod ids;
mod links;
mod migrate;
mod order;
mod photo;
mod product;
mod project;

pub use codes::*;
pub use colour::*;
pub use ids::*;
pub use links::{BrokenLink, broken_links, product_problems};
pub use migrate::migrate;
pub use order::*;
pub use photo::*;
pub use product::*;
pub use project::*;
