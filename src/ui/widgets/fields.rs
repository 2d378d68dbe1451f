//! Field widgets that turn edits into ops. Each shows the project's value;
//! while it has focus it shows exactly what was typed (a draft), sends the
//! op as soon as the text parses, and never reformats under the cursor; on
//! leaving it shows the normalised value. Typing in one field coalesces
//! into one undo step.

use crate::rules::ops::Op;
use crate::rules::text;
use crate::ui::context::Sink;
use eframe::egui;
use std::collections::HashMap;

/// A field of a table of fields: its label, its key, the value shown, and
/// how a new value goes into the record.
pub type Setter<T, S, V> = (&'static str, &'static str, S, fn(&mut T, V));

/// What every field widget takes: the label, and a key unique on screen
/// (it names the field for undo coalescing and for its draft).
pub struct Field<'a> {
    pub label: &'a str,
    pub key: String,
}

pub fn field(label: &str, key: impl Into<String>) -> Field<'_> {
    Field {
        label,
        key: key.into(),
    }
}

fn drafts_id() -> egui::Id {
    egui::Id::unique("bulkready field drafts")
}

fn draft(ui: &egui::Ui, key: &str) -> Option<String> {
    ui.data(|d| {
        d.get_temp::<HashMap<String, String>>(drafts_id())
            .and_then(|m| m.get(key).cloned())
    })
}

fn set_draft(ui: &egui::Ui, key: &str, text: Option<String>) {
    ui.data_mut(|d| {
        let map = d.get_temp_mut_or_default::<HashMap<String, String>>(drafts_id());
        match text {
            Some(t) => map.insert(key.to_owned(), t),
            None => map.remove(key),
        };
    });
}

/// Drops every draft (after undo, redo or another project: the fields
/// show the project again).
pub fn forget_drafts(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove::<HashMap<String, String>>(drafts_id()));
}

/// The shared core: a text edit showing the draft while focused (or while
/// it does not parse), `shown` otherwise. Returns the text when it changed
/// and parses, and the reason when it does not parse.
fn edit_ui<T>(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    f: &Field<'_>,
    label: Option<egui::Id>,
    shown: &str,
    edit: impl FnOnce(&mut String) -> egui::TextEdit<'_>,
    parse: impl Fn(&str) -> Result<T, String>,
) -> (Option<T>, Option<String>) {
    let kept = draft(ui, &f.key);
    let mut buf = kept.clone().unwrap_or_else(|| shown.to_owned());
    let mut r = ui.add(edit(&mut buf).id_salt(&f.key));
    r = match label {
        Some(l) => r.labelled_by(l),
        None => r.on_hover_text(f.label),
    };
    let parsed = parse(&buf);
    let why = parsed.as_ref().err().cloned();
    if r.has_focus() || why.is_some() {
        if kept.as_deref() != Some(buf.as_str()) {
            set_draft(ui, &f.key, Some(buf.clone()));
        }
    } else if kept.is_some() {
        set_draft(ui, &f.key, None);
    }
    if r.lost_focus() {
        sink.command(crate::app::Command::EndTyping);
    }
    let changed = r.changed().then_some(()).and(parsed.ok());
    (changed, why)
}

fn plain(s: &str) -> Result<String, String> {
    Ok(s.to_owned())
}

/// A labelled one-line text field (a grid row).
pub fn text(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    f: Field<'_>,
    value: &str,
    to_op: impl FnOnce(String) -> Op,
) {
    text_row(ui, sink, f, value, false, to_op);
}

/// A labelled multi-line text field (a grid row).
pub fn multiline(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    f: Field<'_>,
    value: &str,
    to_op: impl FnOnce(String) -> Op,
) {
    text_row(ui, sink, f, value, true, to_op);
}

fn text_row(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    f: Field<'_>,
    value: &str,
    multiline: bool,
    to_op: impl FnOnce(String) -> Op,
) {
    let l = ui.label(f.label);
    let (v, _) = edit_ui(
        ui,
        sink,
        &f,
        Some(l.id),
        value,
        |b| {
            let e = if multiline {
                egui::TextEdit::multiline(b).desired_rows(2)
            } else {
                egui::TextEdit::singleline(b)
            };
            e.desired_width(f32::INFINITY)
        },
        plain,
    );
    if let Some(v) = v.filter(|v| v != value) {
        sink.typing(f.key.clone(), to_op(v));
    }
    ui.end_row();
}

/// A text typed in a table cell or a list (no label beside it: `f.label`
/// is its hover text), with `hint` shown while empty.
pub fn inline(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    f: Field<'_>,
    value: &str,
    hint: &str,
    to_op: impl FnOnce(String) -> Op,
) {
    let (v, _) = edit_ui(
        ui,
        sink,
        &f,
        None,
        value,
        |b| {
            egui::TextEdit::singleline(b)
                .desired_width(170.0)
                .hint_text(hint)
        },
        plain,
    );
    if let Some(v) = v.filter(|v| v != value) {
        sink.typing(f.key.clone(), to_op(v));
    }
}

/// A field whose text must parse; empty text is `None`. While the text
/// does not parse it stays as typed with the reason beside it, and the
/// project keeps its last good value.
pub fn parsed<T>(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    f: Field<'_>,
    shown: String,
    parse: impl Fn(&str) -> Result<T, String>,
    to_op: impl FnOnce(Option<T>) -> Op,
) {
    let l = ui.label(f.label);
    ui.horizontal(|ui| {
        let optional = |s: &str| {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                parse(s).map(Some)
            }
        };
        let (v, why) = edit_ui(
            ui,
            sink,
            &f,
            Some(l.id),
            &shown,
            |b| egui::TextEdit::singleline(b).desired_width(160.0),
            optional,
        );
        if let Some(v) = v {
            sink.typing(f.key.clone(), to_op(v));
        }
        if let Some(why) = why {
            ui.colored_label(ui.visuals().error_fg_color, why);
        }
    });
    ui.end_row();
}

/// Parses a decimal number as typed (decimal comma, full-width digits).
pub fn decimal(s: &str) -> Result<f64, String> {
    text::parse_decimal(s).ok_or_else(|| format!("not a number: {}", s.trim()))
}

/// Parses a whole number as typed.
pub fn whole(s: &str) -> Result<u32, String> {
    text::parse_whole(s).ok_or_else(|| format!("not a whole number: {}", s.trim()))
}

/// Parses a date written YYYY-MM-DD.
pub fn date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text::half_width(s).trim(), "%Y-%m-%d")
        .map_err(|_| "write the date as YYYY-MM-DD".to_string())
}

/// A date as a field shows it.
pub fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// A number as a field shows it when not focused.
pub fn number_text(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

/// A labelled choice among `options` (a grid row).
pub fn choice<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    f: Field<'_>,
    value: T,
    options: &[T],
    name: impl Fn(T) -> String,
    to_op: impl FnOnce(T) -> Op,
) {
    let l = ui.label(f.label);
    let mut chosen = value;
    egui::ComboBox::from_id_salt(&f.key)
        .selected_text(name(value))
        .show_ui(ui, |ui| {
            for &o in options {
                ui.selectable_value(&mut chosen, o, name(o));
            }
        })
        .response
        .labelled_by(l.id);
    if chosen != value {
        sink.apply(to_op(chosen));
    }
    ui.end_row();
}

/// A checkbox that sends `to_op(new state)` when clicked.
pub fn checkbox(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    on: bool,
    text: &str,
    to_op: impl FnOnce(bool) -> Op,
) -> egui::Response {
    let mut state = on;
    let r = ui.checkbox(&mut state, text);
    if state != on {
        sink.apply(to_op(state));
    }
    r
}

/// A small button that sends an op when clicked.
pub fn op_button(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    text: &str,
    hover: &str,
    op: impl FnOnce() -> Op,
) {
    if ui.small_button(text).on_hover_text(hover).clicked() {
        sink.apply(op());
    }
}

/// A small button that removes something, asking first ("Remove parcel
/// SF…?") when the removal takes other evidence with it.
pub fn remove_button(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    text: &str,
    title: String,
    op: impl FnOnce() -> Op,
) {
    if ui.small_button(text).on_hover_text(title.clone()).clicked() {
        sink.remove(title, op());
    }
}
