//! Keyboard shortcuts. The menus show the same shortcuts next to the same
//! commands.

use crate::app::Command;
use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
pub const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);

/// What a shortcut asks for: a command, or a dialog first.
pub enum Action {
    Command(Command),
    Open,
    SaveAs,
    Export,
}

/// The shortcuts pressed this frame, consumed so widgets do not see them.
pub fn consume(ctx: &egui::Context) -> Vec<Action> {
    ctx.input_mut(|i| {
        let mut out = Vec::new();
        // Shift variants first: Ctrl+S would also match Ctrl+Shift+S.
        if i.consume_shortcut(&SAVE_AS) {
            out.push(Action::SaveAs);
        }
        if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
            out.push(Action::Command(Command::Redo));
        }
        if i.consume_shortcut(&SAVE) {
            out.push(Action::Command(Command::Save));
        }
        if i.consume_shortcut(&UNDO) {
            out.push(Action::Command(Command::Undo));
        }
        if i.consume_shortcut(&NEW) {
            out.push(Action::Command(Command::NewProject));
        }
        if i.consume_shortcut(&OPEN) {
            out.push(Action::Open);
        }
        if i.consume_shortcut(&EXPORT) {
            out.push(Action::Export);
        }
        out
    })
}
