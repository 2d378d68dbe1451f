//! An order's observations: the value seen for each spec row.

use crate::model::*;
use crate::rules::compare;
use crate::rules::ops::Op;
use crate::ui::context::Sink;
use crate::ui::widgets::fields::{self, field};
use eframe::egui;

pub fn observations_ui(ui: &mut egui::Ui, sink: &mut Sink, product: &Product, o: &Order) {
    let oid = o.id;
    ui.add_space(10.0);
    ui.heading("Observations");
    if product.spec.is_empty() {
        ui.label("The product has no spec brief yet.");
        return;
    }
    egui::Grid::new(("observations", oid.0))
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for row in &product.spec {
                let spec = row.id;
                let seen = compare::observed(o, spec).unwrap_or("");
                let label = format!("{} (brief: {})", row.name, compare::describe(&row.expected));
                fields::text(
                    ui,
                    sink,
                    field(&label, format!("{oid} obs {spec}")),
                    seen,
                    |value| Op::Observe {
                        order: oid,
                        spec,
                        value,
                        photo: None,
                    },
                );
            }
        });
}
