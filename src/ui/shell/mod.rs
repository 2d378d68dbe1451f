//! The window's frame: menus and the status bar, the command table and
//! shortcuts, modals and toasts, the start screen, file dialogs and the
//! export window.

pub mod commands;
pub mod dialogs;
pub mod export;
pub mod menus;
pub mod modals;
pub mod path_prompt;
pub mod search;
pub mod start;
