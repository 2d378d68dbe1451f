//! Controls every list in a page shares: ↑ ↓ to reorder, and a section
//! heading with its add button.

use super::fields;
use crate::rules::ops::Op;
use crate::ui::context::Sink;
use eframe::egui;

/// ↑ and ↓ for element `i` of a list of `len`; `to` builds the op moving
/// it to a position.
pub fn move_buttons(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    i: usize,
    len: usize,
    to: impl Fn(usize) -> Op,
) {
    if i > 0 {
        fields::op_button(ui, sink, "↑", "Move up", || to(i - 1));
    }
    if i + 1 < len {
        fields::op_button(ui, sink, "↓", "Move down", || to(i + 1));
    }
}

/// A section heading with an add button; returns the heading's rectangle
/// (reason links scroll to it).
pub fn section(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    title: &str,
    add: &str,
    hover: &str,
    op: impl FnOnce() -> Op,
) -> egui::Rect {
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        ui.heading(title);
        fields::op_button(ui, sink, add, hover, op);
    })
    .response
    .rect
}
