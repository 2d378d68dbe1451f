//! When no native file dialog can be shown (no desktop portal, no zenity),
//! Open…, Save as…, Export… and Add photos… say so and ask for a path in
//! a text field instead, then do what the dialog would have done.

use crate::app::Command;
use crate::model::OrderId;
use crate::report::{Format, Scope};
use eframe::egui;
use std::path::{Path, PathBuf};

/// What the path is for.
#[derive(Clone, Debug, PartialEq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    Export { format: Format, scope: Scope },
    AddPhotos { order: OrderId },
}

impl PathPurpose {
    fn title(&self) -> &'static str {
        match self {
            PathPurpose::Open => "Open a project",
            PathPurpose::SaveAs => "Save the project as",
            PathPurpose::Export { .. } => "Export to a file",
            PathPurpose::AddPhotos { .. } => "Add photos to this order",
        }
    }

    /// The field's label (its accessible name too).
    fn field_label(&self) -> &'static str {
        match self {
            PathPurpose::Open => "Project file path",
            PathPurpose::SaveAs => "Save to path",
            PathPurpose::Export { .. } => "Export to path",
            PathPurpose::AddPhotos { .. } => "Photo files or a folder, one per line",
        }
    }

    fn button(&self) -> &'static str {
        match self {
            PathPurpose::Open => "Open",
            PathPurpose::SaveAs => "Save",
            PathPurpose::Export { .. } => "Export",
            PathPurpose::AddPhotos { .. } => "Add photos",
        }
    }

    fn several(&self) -> bool {
        matches!(self, PathPurpose::AddPhotos { .. })
    }

    /// The command the dialog's answer would have given.
    fn command(&self, mut paths: Vec<PathBuf>) -> Option<Command> {
        let first = paths.first().cloned()?;
        Some(match self {
            PathPurpose::Open => Command::Open(first),
            PathPurpose::SaveAs => Command::SaveAs(with_extension(first, "ron")),
            PathPurpose::Export { format, scope } => Command::Export {
                format: *format,
                scope: *scope,
                out: with_extension(first, format.extension()),
            },
            PathPurpose::AddPhotos { order } => Command::ImportPhotos {
                order: *order,
                parcel: None,
                paths: std::mem::take(&mut paths),
            },
        })
    }
}

/// The modal's state while it is open.
pub struct PathPrompt {
    pub purpose: PathPurpose,
    pub text: String,
    /// The field has had the keyboard focus once (given when it opens).
    focused: bool,
}

impl PathPrompt {
    pub fn new(purpose: PathPurpose, text: String) -> Self {
        PathPrompt {
            purpose,
            text,
            focused: false,
        }
    }
}

/// What the buyer did in the modal this frame.
pub enum PathAnswer {
    Cancelled,
    Chosen(Box<Command>),
}

/// Adds `.extension` when the name typed has none.
pub fn with_extension(p: PathBuf, extension: &str) -> PathBuf {
    if p.extension().is_none() {
        p.with_extension(extension)
    } else {
        p
    }
}

/// The paths typed or pasted: one per line, blank lines skipped, quotes
/// and `file://` (from a file manager) taken off, `~/` is `home`.
pub fn paths_in(text: &str, home: Option<&Path>) -> Vec<PathBuf> {
    text.lines()
        .map(|l| l.trim().trim_matches(|c| c == '"' || c == '\''))
        .filter(|l| !l.is_empty())
        .map(|l| {
            let l = l
                .strip_prefix("file://")
                .map_or(l.to_string(), percent_decoded);
            match (l.strip_prefix("~/"), home) {
                (Some(rest), Some(h)) => h.join(rest),
                _ => PathBuf::from(l),
            }
        })
        .collect()
}

/// `%20` and the like in a `file://` URI, as bytes then UTF-8.
fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

/// The modal: why there is no dialog, the path field, and the buttons.
pub fn path_prompt_ui(ctx: &egui::Context, prompt: &mut PathPrompt) -> Option<PathAnswer> {
    let purpose = prompt.purpose.clone();
    let modal = egui::Modal::new(egui::Id::unique("path prompt")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(purpose.title());
        ui.label(
            "No file dialog can be shown on this machine (it needs xdg-desktop-portal or \
             zenity). Type or paste the path instead.",
        );
        ui.add_space(6.0);
        let label = ui.label(purpose.field_label());
        let edit = if purpose.several() {
            egui::TextEdit::multiline(&mut prompt.text).desired_rows(4)
        } else {
            egui::TextEdit::singleline(&mut prompt.text)
        };
        let r = ui
            .add(edit.desired_width(f32::INFINITY).hint_text(hint(&purpose)))
            .labelled_by(label.id);
        if !prompt.focused {
            r.request_focus();
            prompt.focused = true;
        }
        let entered =
            !purpose.several() && r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let paths = paths_in(&prompt.text, home().as_deref());
        ui.add_space(8.0);
        let mut answer = None;
        ui.horizontal(|ui| {
            let go = ui.add_enabled(!paths.is_empty(), egui::Button::new(purpose.button()));
            if go.clicked() || (entered && !paths.is_empty()) {
                answer = purpose
                    .command(paths)
                    .map(|c| PathAnswer::Chosen(Box::new(c)));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(PathAnswer::Cancelled);
            }
        });
        answer
    });
    if modal.should_close() {
        return Some(PathAnswer::Cancelled);
    }
    modal.inner
}

fn hint(purpose: &PathPurpose) -> &'static str {
    match purpose {
        PathPurpose::Open => "/home/you/sourcing/mugs.ron",
        PathPurpose::SaveAs => "/home/you/sourcing/mugs.ron",
        PathPurpose::Export { .. } => "/home/you/sourcing/mugs decision.pdf",
        PathPurpose::AddPhotos { .. } => "/home/you/Downloads/warehouse photos",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_read_one_per_line_with_quotes_uris_and_home() {
        let home = Path::new("/home/li");
        let text =
            "  /tmp/a b.jpg \n\n\"/tmp/c.png\"\nfile:///tmp/%E9%9B%BE%20d.jpg\n~/Downloads\n'~x'";
        assert_eq!(
            paths_in(text, Some(home)),
            [
                PathBuf::from("/tmp/a b.jpg"),
                PathBuf::from("/tmp/c.png"),
                PathBuf::from("/tmp/雾 d.jpg"),
                PathBuf::from("/home/li/Downloads"),
                PathBuf::from("~x"),
            ]
        );
        assert!(paths_in(" \n\t\n", Some(home)).is_empty());
        assert_eq!(
            paths_in("~/p.ron", None),
            [PathBuf::from("~/p.ron")],
            "no home: kept as typed"
        );
        assert_eq!(percent_decoded("100%"), "100%", "a lone % is kept");
    }

    #[test]
    fn each_purpose_gives_the_command_its_dialog_would() {
        let p = |s: &str| vec![PathBuf::from(s)];
        match PathPurpose::SaveAs.command(p("/tmp/mugs")) {
            Some(Command::SaveAs(path)) => assert_eq!(path, PathBuf::from("/tmp/mugs.ron")),
            other => panic!("{other:?}"),
        }
        let export = PathPurpose::Export {
            format: Format::Pdf,
            scope: Scope::Project,
        };
        match export.command(p("/tmp/out.PDF")) {
            Some(Command::Export { out, .. }) => assert_eq!(out, PathBuf::from("/tmp/out.PDF")),
            other => panic!("{other:?}"),
        }
        let add = PathPurpose::AddPhotos { order: OrderId(3) };
        match add.command(vec![PathBuf::from("/a.jpg"), PathBuf::from("/b.jpg")]) {
            Some(Command::ImportPhotos { order, paths, .. }) => {
                assert_eq!((order, paths.len()), (OrderId(3), 2));
            }
            other => panic!("{other:?}"),
        }
        assert!(PathPurpose::Open.command(vec![]).is_none());
    }
}
