//! A bulk order's inspection record (ISO 2859-1): lot, level, AQLs and
//! defects found, with the plan per class and whether the lot is accepted.

use super::fields::{self, Commands};
use super::order_ui::with_order;
use crate::model::*;
use eframe::egui;

/// An inspection count: label, value, how to set it.
type InspectionCount = (&'static str, u32, fn(&mut Inspection, u32));

pub fn inspection_ui(ui: &mut egui::Ui, cmds: &mut Commands, o: &Order) {
    let oid = o.id;
    ui.add_space(10.0);
    let heading = ui.heading("Inspection (AQL)");
    super::anchor::here(ui, heading.rect, |t| {
        t == crate::rules::Target::Inspection(oid)
    });
    let Some(ins) = &o.inspection else {
        fields::edit_button(
            ui,
            cmds,
            "+ Inspection record",
            "Record the inspection of this lot",
            "add inspection",
            move |p| {
                with_order(p, oid, |o| {
                    o.inspection = Some(Inspection {
                        lot_size: o.quantity,
                        aql_major: 2.5,
                        aql_minor: 4.0,
                        ..Inspection::default()
                    });
                });
                None
            },
        );
        return;
    };
    let edit = move |p: &mut Project, f: Box<dyn FnOnce(&mut Inspection) + Send>| {
        with_order(p, oid, |o| {
            if let Some(i) = &mut o.inspection {
                f(i);
            }
        });
    };
    egui::Grid::new(("inspection", oid.0))
        .num_columns(2)
        .show(ui, |ui| {
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
            for (label, value, setter) in counts {
                fields::parsed(
                    ui,
                    cmds,
                    label,
                    format!("{oid} ins {label}"),
                    value.to_string(),
                    fields::number::<u32>,
                    move |p, v| {
                        edit(p, Box::new(move |i| setter(i, v.unwrap_or(0))));
                    },
                );
            }
            fields::choice(
                ui,
                cmds,
                "Inspection level",
                format!("{oid} ins level"),
                ins.level,
                &[
                    InspectionLevel::I,
                    InspectionLevel::II,
                    InspectionLevel::III,
                ],
                |l| format!("{l:?}"),
                move |p, v| {
                    edit(p, Box::new(move |i| i.level = v));
                },
            );
            let aqls = crate::rules::aql::AQL_COLUMNS;
            fields::choice(
                ui,
                cmds,
                "AQL major",
                format!("{oid} ins aql major"),
                ins.aql_major,
                &aqls,
                crate::rules::aql::aql_label,
                move |p, v| {
                    edit(p, Box::new(move |i| i.aql_major = v));
                },
            );
            fields::choice(
                ui,
                cmds,
                "AQL minor",
                format!("{oid} ins aql minor"),
                ins.aql_minor,
                &aqls,
                crate::rules::aql::aql_label,
                move |p, v| {
                    edit(p, Box::new(move |i| i.aql_minor = v));
                },
            );
            let inspected = ins
                .inspected_on
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            fields::parsed(
                ui,
                cmds,
                "Inspected on",
                format!("{oid} ins date"),
                inspected,
                fields::date,
                move |p, v| {
                    edit(p, Box::new(move |i| i.inspected_on = v));
                },
            );
            fields::text(
                ui,
                cmds,
                "Inspector",
                format!("{oid} ins inspector"),
                &ins.inspector,
                move |p, v| {
                    edit(p, Box::new(move |i| i.inspector = v));
                },
            );
        });
    result_ui(ui, ins);
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
                    super::theme::verdict_colour(v, ui.visuals().dark_mode),
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
        super::theme::verdict_colour(v, ui.visuals().dark_mode),
        if result.accepted {
            "The lot is accepted."
        } else {
            "The lot is rejected."
        },
    );
}
