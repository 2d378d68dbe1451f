//! An order's packing requests to the warehouse, each linked to the
//! product risk it answers.

use crate::model::*;
use crate::rules::Target;
use crate::rules::ops::Op;
use crate::ui::context::Sink;
use crate::ui::widgets::fields::{self, field};
use crate::ui::widgets::{jump_to, list_controls};
use eframe::egui;

pub fn packing_ui(ui: &mut egui::Ui, sink: &mut Sink, product: &Product, o: &Order) {
    let oid = o.id;
    let heading = list_controls::section(
        ui,
        sink,
        "Packing requests",
        "+ Request",
        "Add a packing request",
        || Op::NewPacking { order: oid },
    );
    jump_to::here(ui, heading, |t| t == Target::Packing(oid));
    let risks: Vec<Option<RiskId>> = std::iter::once(None)
        .chain(product.risks.iter().map(|r| Some(r.id)))
        .collect();
    let risk_name =
        |r: Option<RiskId>| match r.and_then(|id| product.risks.iter().find(|x| x.id == id)) {
            Some(r) => format!("for the {} risk", r.kind.label()),
            None => "no risk".into(),
        };
    egui::Grid::new(("packing", oid.0))
        .num_columns(2)
        .show(ui, |ui| {
            for req in &o.packing {
                let rid = req.id;
                fields::text(
                    ui,
                    sink,
                    field("Request", format!("pack {rid} text")),
                    &req.text,
                    |v| {
                        Op::SetPacking(PackingRequest {
                            text: v,
                            ..req.clone()
                        })
                    },
                );
                let f = field("Answers", format!("pack {rid} risk"));
                fields::choice(ui, sink, f, req.risk, &risks, risk_name, |v| {
                    Op::SetPacking(PackingRequest {
                        risk: v,
                        ..req.clone()
                    })
                });
                ui.label("");
                let title = "Remove this packing request".to_string();
                fields::remove_button(ui, sink, "× Remove request", title, || {
                    Op::RemovePacking(rid)
                });
                ui.end_row();
            }
        });
}
