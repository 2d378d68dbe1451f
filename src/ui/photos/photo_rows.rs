//! Beside the photo in the viewer: the spec rows its tags make it
//! evidence for, each with its observation field and how it compares.
//! Typing a value here records this photo as what shows it.

use crate::model::{Order, Photo, Product};
use crate::rules::compare::{self, Cell};
use crate::rules::photo_rows::rows_for_photo;
use crate::ui::context::{Ctx, Sink};
use crate::ui::widgets::observation;
use eframe::egui;

pub fn rows_ui(
    ui: &mut egui::Ui,
    c: &Ctx<'_>,
    sink: &mut Sink,
    (product, order): (&Product, &Order),
    photo: &Photo,
) {
    let rows = rows_for_photo(product, photo);
    if rows.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Observed on this photo").strong());
    let cells = c.derived.cells(order.id).unwrap_or_default();
    for spec in rows {
        let Some(row) = product.spec.iter().find(|r| r.id == spec) else {
            continue;
        };
        let label = format!("{} (brief: {})", row.name, compare::describe(&row.expected));
        ui.label(&label);
        observation::field_ui(ui, sink, order, spec, Some(photo.id), &label);
        match cells.iter().find(|x| x.spec == spec) {
            Some(x) => observation::verdict_ui(ui, &x.cell, x.call.as_ref()),
            None => observation::verdict_ui(ui, &Cell::Missing, None),
        }
    }
}
