//! An observation as the buyer types it, wherever it is typed (the order
//! page, the sample-vs-bulk table, the viewer beside the photo): the field,
//! and beside it how the rules judged it (✓ match, × how it differs, ○
//! missing, ⚠ unreadable) or the buyer's call on it.

use crate::model::{Call, Judgement, Order, PhotoId, SpecId, Verdict};
use crate::rules::compare::{self, Cell};
use crate::rules::ops::Op;
use crate::ui::context::Sink;
use crate::ui::widgets::{fields, theme};
use eframe::egui;

/// The icon, the words and the verdict colour of a cell.
pub fn cell_words(cell: &Cell, call: Option<&Judgement>) -> (&'static str, String, Verdict) {
    match (call.map(|j| j.call), cell) {
        (Some(Call::Matches), _) => return ("✓", "matches (your call)".into(), Verdict::Go),
        (Some(Call::AcceptDeviation), Cell::Deviation { difference, .. }) => {
            return (
                "✓",
                format!("deviation accepted: {difference}"),
                Verdict::GoWithConditions,
            );
        }
        (Some(Call::AcceptDeviation), _) => {
            return ("✓", "accepted".into(), Verdict::GoWithConditions);
        }
        (None, _) => {}
    }
    match cell {
        Cell::Match { .. } => ("✓", "match".into(), Verdict::Go),
        Cell::Deviation { difference, .. } => {
            ("×", format!("deviation: {difference}"), Verdict::NoGo)
        }
        Cell::Missing => ("○", "missing".into(), Verdict::NotReady),
        Cell::Unreadable { problem, .. } => {
            ("⚠", format!("unreadable: {problem}"), Verdict::NotReady)
        }
    }
}

/// The judged cell as a coloured line.
pub fn verdict_ui(ui: &mut egui::Ui, cell: &Cell, call: Option<&Judgement>) {
    let (icon, words, v) = cell_words(cell, call);
    let colour = theme::verdict_colour(v, ui.visuals().dark_mode);
    ui.colored_label(colour, format!("{icon} {words}"));
}

/// The field of `spec` on `order`; typing sets the observation (and, from
/// the viewer, the photo that shows it). `label` is its accessible name.
pub fn field_ui(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    order: &Order,
    spec: SpecId,
    photo: Option<PhotoId>,
    label: &str,
) {
    let value = compare::observed(order, spec).unwrap_or("");
    let key = format!("{} obs {spec}", order.id);
    let f = fields::field(label, key);
    let oid = order.id;
    // A grid cell is only as wide as it was last frame: keep room for the
    // value.
    ui.scope(|ui| {
        ui.set_min_width(170.0);
        fields::inline(ui, sink, f, value, "as seen", |value| Op::Observe {
            order: oid,
            spec,
            value,
            photo,
        });
    });
}
