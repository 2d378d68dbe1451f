//! A bulk order's inspection record (ISO 2859-1): lot, level, AQLs and
//! defects found, with the plan per class and whether the lot is accepted.

use crate::model::*;
use crate::rules::ops::Op;
use crate::ui::context::Sink;
use crate::ui::widgets::fields::{self, field};
use crate::ui::widgets::{jump_to, theme};
use eframe::egui;

/// An inspection count: label, value, how to set it.
type InspectionCount = (&'static str, u32, fn(&mut Inspection, u32));

pub fn inspection_ui(ui: &mut egui::Ui, sink: &mut Sink, o: &Order) {
    let oid = o.id;
    ui.add_space(10.0);
    let heading = ui.heading("Inspection (AQL)");
    jump_to::here(ui, heading.rect, |t| {
        t == crate::rules::Target::Inspection(oid)
    });
    let Some(ins) = &o.inspection else {
        let first = Inspection {
            lot_size: o.quantity,
            aql_major: 2.5,
            aql_minor: 4.0,
            ..Inspection::default()
        };
        fields::op_button(
            ui,
            sink,
            "+ Inspection record",
            "Record the inspection of this lot",
            || Op::SetInspection {
                order: oid,
                inspection: Some(first),
            },
        );
        return;
    };
    egui::Grid::new(("inspection", oid.0))
        .num_columns(2)
        .show(ui, |ui| inspection_fields_ui(ui, sink, oid, ins));
    result_ui(ui, ins);
}

fn inspection_fields_ui(ui: &mut egui::Ui, sink: &mut Sink, oid: OrderId, ins: &Inspection) {
    let with = |f: &dyn Fn(&mut Inspection)| {
        let mut x = ins.clone();
        f(&mut x);
        Op::SetInspection {
            order: oid,
            inspection: Some(x),
        }
    };
    let counts: [InspectionCount; 4] = [
        ("Lot size", ins.lot_size, |i, v| i.lot_size = v),
        ("Critical defects found", ins.critical_found, |i, v| {
            i.critical_found = v
        }),
        ("Major defects found", ins.major_found, |i, v| {
            i.major_found = v
        }),
        ("Minor defects found", ins.minor_found, |i, v| {
            i.minor_found = v
        }),
    ];
    for (label, value, set) in counts {
        let f = field(label, format!("{oid} ins {label}"));
        fields::parsed(ui, sink, f, value.to_string(), fields::whole, |v| {
            with(&|i| set(i, v.unwrap_or(0)))
        });
    }
    let levels = [
        InspectionLevel::I,
        InspectionLevel::II,
        InspectionLevel::III,
    ];
    let level = |l: InspectionLevel| format!("{l:?}");
    fields::choice(
        ui,
        sink,
        field("Inspection level", format!("{oid} ins level")),
        ins.level,
        &levels,
        level,
        |v| with(&|i| i.level = v),
    );
    let aqls = crate::rules::aql::AQL_COLUMNS;
    let aql = crate::rules::aql::aql_label;
    fields::choice(
        ui,
        sink,
        field("AQL major", format!("{oid} ins aql major")),
        ins.aql_major,
        &aqls,
        aql,
        |v| with(&|i| i.aql_major = v),
    );
    fields::choice(
        ui,
        sink,
        field("AQL minor", format!("{oid} ins aql minor")),
        ins.aql_minor,
        &aqls,
        aql,
        |v| with(&|i| i.aql_minor = v),
    );
    let f = field("Inspected on", format!("{oid} ins date"));
    fields::parsed(
        ui,
        sink,
        f,
        fields::date_text(ins.inspected_on),
        fields::date,
        |v| with(&|i| i.inspected_on = v),
    );
    fields::text(
        ui,
        sink,
        field("Inspector", format!("{oid} ins inspector")),
        &ins.inspector,
        |v| with(&|i| i.inspector = v.clone()),
    );
}

/// The plan per defect class and the outcome, from the tables.
fn result_ui(ui: &mut egui::Ui, ins: &Inspection) {
    let result = match crate::rules::aql::judge(ins) {
        Ok(r) => r,
        Err(e) => {
            ui.colored_label(ui.visuals().warn_fg_color, format!("No plan: {e}."));
            return;
        }
    };
    ui.add_space(4.0);
    egui::Grid::new("aql result")
        .num_columns(6)
        .striped(true)
        .show(ui, |ui| {
            for h in ["Class", "Letter", "Sample", "Accept ≤", "Found", "Result"] {
                ui.label(egui::RichText::new(h).strong());
            }
            ui.end_row();
            for c in &result.classes {
                ui.label(c.class.label());
                ui.label(format!("{:?}", c.plan.code_letter));
                ui.label(if c.plan.inspect_all {
                    format!("{} (every unit)", c.plan.sample_size)
                } else {
                    c.plan.sample_size.to_string()
                });
                ui.label(format!("{} (reject ≥ {})", c.plan.accept, c.plan.reject));
                ui.label(c.found.to_string());
                let v = if c.accepted {
                    Verdict::Go
                } else {
                    Verdict::NoGo
                };
                ui.colored_label(
                    theme::verdict_colour(v, ui.visuals().dark_mode),
                    if c.accepted {
                        "✓ accepted"
                    } else {
                        "× rejected"
                    },
                );
                ui.end_row();
            }
        });
    let v = if result.accepted {
        Verdict::Go
    } else {
        Verdict::NoGo
    };
    ui.colored_label(
        theme::verdict_colour(v, ui.visuals().dark_mode),
        if result.accepted {
            "The lot is accepted."
        } else {
            "The lot is rejected."
        },
    );
}
