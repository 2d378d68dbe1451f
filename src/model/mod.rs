//! The data of a project. Serde only: no I/O, no egui.

mod ids;
mod links;
mod order;
mod photo;
mod product;
mod project;

pub use ids::*;
pub use links::{BrokenLink, broken_links};
pub use order::*;
pub use photo::*;
pub use product::*;
pub use project::*;
