//! A product's risks (fragile, battery…), which packing requests answer.

use crate::model::*;
use crate::rules::Target;
use crate::rules::ops::Op;
use crate::ui::context::Sink;
use crate::ui::widgets::fields::{self, field};
use crate::ui::widgets::{jump_to, list_controls};
use eframe::egui;

pub fn risks_ui(ui: &mut egui::Ui, sink: &mut Sink, p: &Product) {
    let id = p.id;
    let heading =
        list_controls::section(ui, sink, "Risks", "+ Risk", "Add a risk", || Op::NewRisk {
            product: id,
            kind: RiskKind::Fragile,
        });
    jump_to::here(ui, heading, |t| match t {
        Target::Risk(r) => p.risks.iter().any(|x| x.id == r),
        _ => false,
    });
    egui::Grid::new(("risks", id.0))
        .num_columns(2)
        .show(ui, |ui| {
            let len = p.risks.len();
            for (i, r) in p.risks.iter().enumerate() {
                let rid = r.id;
                let kind = |k: RiskKind| k.label().to_string();
                fields::choice(
                    ui,
                    sink,
                    field("Risk", format!("risk {rid} kind")),
                    r.kind,
                    &RiskKind::ALL,
                    kind,
                    |v| {
                        Op::SetRisk(Risk {
                            kind: v,
                            ..r.clone()
                        })
                    },
                );
                fields::text(
                    ui,
                    sink,
                    field("Note", format!("risk {rid} note")),
                    &r.note,
                    |v| {
                        Op::SetRisk(Risk {
                            note: v,
                            ..r.clone()
                        })
                    },
                );
                ui.label("");
                ui.horizontal(|ui| {
                    list_controls::move_buttons(ui, sink, i, len, |to| Op::MoveRisk {
                        id: rid,
                        to,
                    });
                    let title = format!("Remove the {} risk", r.kind.label());
                    fields::remove_button(ui, sink, "× Remove risk", title, || {
                        Op::RemoveRisk(rid)
                    });
                });
                ui.end_row();
            }
        });
}
