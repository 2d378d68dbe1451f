//! An order's parcels: tracking number, carrier, arrival and weight.

use crate::model::*;
use crate::rules::Target;
use crate::rules::ops::Op;
use crate::ui::context::Sink;
use crate::ui::photos::batch::{DraggedPhotos, for_each};
use crate::ui::widgets::fields::{self, field};
use crate::ui::widgets::{file_drop, jump_to, list_controls};
use eframe::egui;

pub fn parcels_ui(ui: &mut egui::Ui, sink: &mut Sink, o: &Order) {
    let oid = o.id;
    let heading = list_controls::section(ui, sink, "Parcels", "+ Parcel", "Add a parcel", || {
        Op::NewParcel { order: oid }
    });
    jump_to::here(ui, heading, |t| t == Target::Parcels(oid));
    let len = o.parcels.len();
    for (i, parcel) in o.parcels.iter().enumerate() {
        let pid = parcel.id;
        // Photos dragged from the grid, or files from the file manager,
        // dropped here are linked to this parcel.
        let (shown, dropped) = ui.dnd_drop_zone::<DraggedPhotos, _>(egui::Frame::NONE, |ui| {
            ui.push_id(pid.0, |ui| {
                egui::Grid::new("parcel")
                    .num_columns(2)
                    .show(ui, |ui| parcel_ui(ui, sink, parcel));
                ui.horizontal(|ui| {
                    list_controls::move_buttons(ui, sink, i, len, |to| Op::MoveParcel {
                        id: pid,
                        to,
                    });
                    let title = format!("Remove parcel {}", name(parcel));
                    fields::remove_button(ui, sink, "× Remove parcel", title, || {
                        Op::RemoveParcel(pid)
                    });
                });
            })
        });
        if let Some(op) = dropped.and_then(|d| for_each(o, &d.0, |f| f.parcel = Some(pid))) {
            sink.apply(op);
        }
        let rect = shown.response.rect;
        file_drop::register(ui.ctx(), rect, oid, pid);
        if file_drop::files_hovering(ui.ctx()) {
            let stroke = ui.visuals().selection.stroke;
            ui.painter()
                .rect_stroke(rect, 4.0, stroke, egui::StrokeKind::Outside);
        }
        jump_to::here(ui, rect, |t| t == Target::Parcel(pid));
        ui.separator();
    }
}

fn name(parcel: &Parcel) -> String {
    if parcel.tracking.trim().is_empty() {
        "(no tracking number yet)".into()
    } else {
        parcel.tracking.trim().to_string()
    }
}

fn parcel_ui(ui: &mut egui::Ui, sink: &mut Sink, parcel: &Parcel) {
    let pid = parcel.id;
    let set = |x: Parcel| Op::SetParcel(x);
    fields::text(
        ui,
        sink,
        field("Tracking number", format!("parcel {pid} tracking")),
        &parcel.tracking,
        |v| {
            set(Parcel {
                tracking: v,
                ..parcel.clone()
            })
        },
    );
    fields::text(
        ui,
        sink,
        field("Carrier", format!("parcel {pid} carrier")),
        &parcel.carrier,
        |v| {
            set(Parcel {
                carrier: v,
                ..parcel.clone()
            })
        },
    );
    let f = field("Arrived at warehouse", format!("parcel {pid} arrived"));
    fields::parsed(
        ui,
        sink,
        f,
        fields::date_text(parcel.arrived_on),
        fields::date,
        |v| {
            set(Parcel {
                arrived_on: v,
                ..parcel.clone()
            })
        },
    );
    let f = field("Weight (kg)", format!("parcel {pid} kg"));
    fields::parsed(
        ui,
        sink,
        f,
        fields::number_text(parcel.weight_kg),
        fields::decimal,
        |v| {
            set(Parcel {
                weight_kg: v,
                ..parcel.clone()
            })
        },
    );
}
