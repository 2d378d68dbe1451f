//! The editing session without a screen: import, demo, and (with the window)
//! the document, commands, undo and background jobs. No egui here.

pub mod demo;
pub mod import;
