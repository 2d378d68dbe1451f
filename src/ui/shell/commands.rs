//! The window's commands in one table: each has its label, its shortcut
//! and when it is enabled, and the menus, the keyboard and the start
//! screen's buttons all go through it.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    NewProject,
    Open,
    OpenDemo,
    Save,
    SaveAs,
    Export,
    CloseProject,
    Quit,
    Undo,
    Redo,
    /// Search the project (order, tracking, seller, product, listing).
    Find,
    /// Read the barcodes on the selected order's photos again.
    ReadLabels,
}

/// What decides whether a command is enabled.
pub struct State<'a> {
    pub project_open: bool,
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
}

const SHIFT_COMMAND: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl UiCommand {
    /// In the order shortcuts are checked: Shift variants first (Ctrl+S
    /// would also match Ctrl+Shift+S).
    pub const ALL: [UiCommand; 12] = [
        UiCommand::SaveAs,
        UiCommand::Redo,
        UiCommand::Save,
        UiCommand::Undo,
        UiCommand::NewProject,
        UiCommand::Open,
        UiCommand::Export,
        UiCommand::OpenDemo,
        UiCommand::CloseProject,
        UiCommand::Quit,
        UiCommand::Find,
        UiCommand::ReadLabels,
    ];

    pub fn label(self) -> &'static str {
        match self {
            UiCommand::NewProject => "New project",
            UiCommand::Open => "Open…",
            UiCommand::OpenDemo => "Open demo project",
            UiCommand::Save => "Save",
            UiCommand::SaveAs => "Save as…",
            UiCommand::Export => "Export…",
            UiCommand::CloseProject => "Close project",
            UiCommand::Quit => "Quit",
            UiCommand::Undo => "Undo",
            UiCommand::Redo => "Redo",
            UiCommand::Find => "Find…",
            UiCommand::ReadLabels => "Read labels on the order's photos",
        }
    }

    /// The label with what it acts on ("Undo remove parcel").
    pub fn label_in(self, s: &State<'_>) -> String {
        match (self, s.undo, s.redo) {
            (UiCommand::Undo, Some(what), _) => format!("Undo {what}"),
            (UiCommand::Redo, _, Some(what)) => format!("Redo {what}"),
            _ => self.label().to_string(),
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let key = |m, k| Some(KeyboardShortcut::new(m, k));
        match self {
            UiCommand::NewProject => key(Modifiers::COMMAND, Key::N),
            UiCommand::Open => key(Modifiers::COMMAND, Key::O),
            UiCommand::Save => key(Modifiers::COMMAND, Key::S),
            UiCommand::SaveAs => key(SHIFT_COMMAND, Key::S),
            UiCommand::Export => key(Modifiers::COMMAND, Key::E),
            UiCommand::Undo => key(Modifiers::COMMAND, Key::Z),
            UiCommand::Redo => key(SHIFT_COMMAND, Key::Z),
            UiCommand::Find => key(Modifiers::COMMAND, Key::F),
            UiCommand::OpenDemo
            | UiCommand::CloseProject
            | UiCommand::Quit
            | UiCommand::ReadLabels => None,
        }
    }

    /// Another shortcut that does the same (Ctrl+Y redoes too).
    fn other_shortcut(self) -> Option<KeyboardShortcut> {
        (self == UiCommand::Redo).then(|| KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
    }

    pub fn enabled(self, s: &State<'_>) -> bool {
        match self {
            UiCommand::Save
            | UiCommand::SaveAs
            | UiCommand::Export
            | UiCommand::CloseProject
            | UiCommand::Find
            | UiCommand::ReadLabels => s.project_open,
            UiCommand::Undo => s.undo.is_some(),
            UiCommand::Redo => s.redo.is_some(),
            UiCommand::NewProject | UiCommand::Open | UiCommand::OpenDemo | UiCommand::Quit => true,
        }
    }
}

/// The enabled commands whose shortcut was pressed this frame (consumed,
/// so text fields do not see them).
pub fn pressed(ctx: &egui::Context, s: &State<'_>) -> Vec<UiCommand> {
    ctx.input_mut(|i| {
        UiCommand::ALL
            .into_iter()
            .filter(|c| {
                let mut hit = false;
                for k in [c.shortcut(), c.other_shortcut()].into_iter().flatten() {
                    hit |= i.consume_shortcut(&k);
                }
                hit && c.enabled(s)
            })
            .collect()
    })
}

/// A menu item or button for `command`; returns whether it was clicked.
pub fn item(ui: &mut egui::Ui, command: UiCommand, s: &State<'_>) -> bool {
    let mut button = egui::Button::new(command.label_in(s));
    if let Some(k) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&k));
    }
    ui.add_enabled(command.enabled(s), button).clicked()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_is_unique_and_undo_needs_something_to_undo() {
        let keys: Vec<_> = UiCommand::ALL.iter().filter_map(|c| c.shortcut()).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{k:?} twice");
        }
        let none = State {
            project_open: true,
            undo: None,
            redo: Some("add parcel"),
        };
        assert!(!UiCommand::Undo.enabled(&none));
        assert!(UiCommand::Redo.enabled(&none));
        assert_eq!(UiCommand::Redo.label_in(&none), "Redo add parcel");
        let closed = State {
            project_open: false,
            undo: None,
            redo: None,
        };
        assert!(!UiCommand::Save.enabled(&closed) && UiCommand::Open.enabled(&closed));
    }
}
