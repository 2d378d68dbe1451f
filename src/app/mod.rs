//! The editing session without a screen: the document, commands, undo and
//! background jobs, plus import and the demo project. No egui here, so
//! plain tests drive it.

pub mod colour;
pub mod command;
pub mod demo;
mod derived;
pub mod document;
pub mod import;
pub mod jobs;
pub mod labels;
pub mod overview;
pub mod session;
pub mod sign;
mod undo;

pub use command::Command;
pub use derived::Derived;
pub use document::Document;
pub use session::{Event, Pending, Prompt, Session, UnsavedChoice};
