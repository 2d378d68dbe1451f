//! Field widgets that turn edits into undoable commands. Each shows the
//! project's value; a change sends an `Edit` that sets it (typing in one
//! field coalesces into one undo step). Fields that must parse (numbers,
//! dates) keep a draft while the text does not parse, and say why.

use crate::app::{Command, Edit};
use crate::model::Project;
use eframe::egui;
use std::str::FromStr;

/// The commands a panel collects while it draws.
pub type Commands = Vec<Command>;

/// A labelled one-line text field.
pub fn text(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    label: &str,
    key: String,
    value: &str,
    set: impl FnOnce(&mut Project, String) + Send + 'static,
) {
    text_field(ui, cmds, label, key, value, false, set);
}

/// A labelled multi-line text field.
pub fn multiline(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    label: &str,
    key: String,
    value: &str,
    set: impl FnOnce(&mut Project, String) + Send + 'static,
) {
    text_field(ui, cmds, label, key, value, true, set);
}

fn text_field(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    label: &str,
    key: String,
    value: &str,
    multiline: bool,
    set: impl FnOnce(&mut Project, String) + Send + 'static,
) {
    let l = ui.label(label);
    let mut buf = value.to_owned();
    let edit = if multiline {
        egui::TextEdit::multiline(&mut buf).desired_rows(2)
    } else {
        egui::TextEdit::singleline(&mut buf)
    };
    ui.add(edit.id_salt(&key).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    if buf != value {
        cmds.push(Command::Edit(Edit::typing(
            format!("edit {}", label.to_lowercase()),
            key,
            move |p| set(p, buf),
        )));
    }
    ui.end_row();
}

/// A field whose text must parse. Empty text is `None`. While the text does
/// not parse it stays as typed (a draft) with the reason beside it, and the
/// project keeps its last good value.
pub fn parsed<T: Send + 'static>(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    label: &str,
    key: String,
    shown: String,
    parse: impl Fn(&str) -> Result<T, String>,
    set: impl FnOnce(&mut Project, Option<T>) + Send + 'static,
) {
    let l = ui.label(label);
    let id = egui::Id::unique(("draft", &key));
    let draft: Option<String> = ui.data(|d| d.get_temp(id));
    let mut buf = draft.clone().unwrap_or_else(|| shown.clone());
    ui.horizontal(|ui| {
        let r = ui.add(
            egui::TextEdit::singleline(&mut buf)
                .id_salt(&key)
                .desired_width(160.0),
        );
        r.labelled_by(l.id);
        let trimmed = buf.trim().to_owned();
        let parsed = if trimmed.is_empty() {
            Ok(None)
        } else {
            parse(&trimmed).map(Some)
        };
        match parsed {
            Ok(v) => {
                if draft.is_some() || buf != shown {
                    ui.data_mut(|d| d.remove::<String>(id));
                }
                if buf != shown {
                    cmds.push(Command::Edit(Edit::typing(
                        format!("edit {}", label.to_lowercase()),
                        key.clone(),
                        move |p| set(p, v),
                    )));
                }
            }
            Err(why) => {
                ui.data_mut(|d| d.insert_temp(id, buf.clone()));
                ui.colored_label(ui.visuals().error_fg_color, why);
            }
        }
    });
    ui.end_row();
}

/// Parses a number, accepting full-width digits.
pub fn number<T: FromStr>(s: &str) -> Result<T, String> {
    crate::rules::text::half_width(s)
        .trim()
        .parse()
        .map_err(|_| format!("not a number: {s}"))
}

/// Parses a date written YYYY-MM-DD.
pub fn date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| "write the date as YYYY-MM-DD".to_string())
}

/// A labelled choice among `options`.
#[allow(clippy::too_many_arguments)] // the common shape of every field helper, plus the options
pub fn choice<T: Copy + PartialEq + Send + 'static>(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    label: &str,
    key: String,
    value: T,
    options: &[T],
    name: impl Fn(T) -> String,
    set: impl FnOnce(&mut Project, T) + Send + 'static,
) {
    let l = ui.label(label);
    let mut chosen = value;
    egui::ComboBox::from_id_salt(&key)
        .selected_text(name(value))
        .show_ui(ui, |ui| {
            for &o in options {
                ui.selectable_value(&mut chosen, o, name(o));
            }
        })
        .response
        .labelled_by(l.id);
    if chosen != value {
        cmds.push(Command::Edit(Edit::new(
            format!("change {}", label.to_lowercase()),
            move |p| {
                set(p, chosen);
                None
            },
        )));
    }
    ui.end_row();
}

/// A small button that sends an edit.
pub fn edit_button(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    text: &str,
    hover: &str,
    label: &str,
    apply: impl FnOnce(&mut Project) -> Option<u64> + Send + 'static,
) {
    if ui.small_button(text).on_hover_text(hover).clicked() {
        cmds.push(Command::Edit(Edit::new(label, apply)));
    }
}

/// Moves element `i` of a list up (`-1`) or down (`+1`).
pub fn shift<T>(list: &mut [T], i: usize, by: isize) {
    let j = i as isize + by;
    if j >= 0 && (j as usize) < list.len() && i < list.len() {
        list.swap(i, j as usize);
    }
}
