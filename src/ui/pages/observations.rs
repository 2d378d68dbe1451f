//! An order's observations: the value seen for each spec row, and beside
//! it how it compares (✓ match, × the difference, ○ missing, ⚠ unreadable)
//! with what it is judged against: the brief for a sample, the accepted
//! sample for a bulk order.

use crate::model::*;
use crate::rules::compare::{self, Cell};
use crate::ui::context::{Ctx, Sink};
use crate::ui::widgets::observation;
use eframe::egui;

pub fn observations_ui(
    ui: &mut egui::Ui,
    c: &Ctx<'_>,
    sink: &mut Sink,
    product: &Product,
    o: &Order,
) {
    ui.add_space(10.0);
    ui.heading("Observations");
    if product.spec.is_empty() {
        ui.label("The product has no spec brief yet.");
        return;
    }
    ui.weak(match o.kind {
        OrderKind::Sample => "Judged against the brief.",
        OrderKind::Bulk => {
            "Judged against the accepted sample where it has a value, else the brief."
        }
    });
    let cells = c.derived.cells(o.id).unwrap_or_default();
    egui::Grid::new(("observations", o.id.0))
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for row in &product.spec {
                let label = format!("{} (brief: {})", row.name, compare::describe(&row.expected));
                ui.label(&label);
                observation::field_ui(ui, sink, o, row.id, None, &label);
                match cells.iter().find(|x| x.spec == row.id) {
                    Some(x) => observation::verdict_ui(ui, &x.cell, x.call.as_ref()),
                    None => observation::verdict_ui(ui, &Cell::Missing, None),
                }
                ui.end_row();
            }
        });
}
