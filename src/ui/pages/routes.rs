//! The project's shipping routes and their rates: what a route decision
//! chooses from, and what chargeable weight and cost are computed with.

use crate::model::*;
use crate::rules::ops::Op;
use crate::ui::context::Sink;
use crate::ui::widgets::fields::{self, field};
use crate::ui::widgets::list_controls;
use eframe::egui;

/// A rate field of a route: label, value (none: not entered), how to set it.
type RateField = (&'static str, Option<f64>, fn(&mut Route, f64));

pub fn routes_ui(ui: &mut egui::Ui, sink: &mut Sink, project: &Project) {
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        ui.heading("Shipping routes");
        fields::op_button(ui, sink, "+ Route", "Add a route", || {
            Op::NewRoute(Box::new(Route {
                name: "New route".into(),
                ..Route::default()
            }))
        });
        if project.routes.is_empty()
            && ui
                .button("Add the usual routes")
                .on_hover_text("DHL Express (÷5000), air line (÷6000), China EMS (÷8000 from 60 cm), sea LCL (1 m³ = 1,000 kg); enter your rates")
                .clicked()
        {
            let ops = crate::rules::shipping::default_routes()
                .into_iter()
                .map(|r| Op::NewRoute(Box::new(r)))
                .collect();
            sink.apply(Op::Batch(ops));
        }
    });
    let len = project.routes.len();
    for (i, r) in project.routes.iter().enumerate() {
        ui.push_id(("route", r.id.0), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                egui::Grid::new("route")
                    .num_columns(2)
                    .show(ui, |ui| route_fields_ui(ui, sink, r));
                ui.horizontal(|ui| {
                    let id = r.id;
                    list_controls::move_buttons(ui, sink, i, len, |to| Op::MoveRoute { id, to });
                    let title = format!("Remove route \u{201c}{}\u{201d}", r.name);
                    fields::remove_button(ui, sink, "× Remove route", title, || {
                        Op::RemoveRoute(id)
                    });
                });
            });
        });
    }
}

fn route_fields_ui(ui: &mut egui::Ui, sink: &mut Sink, r: &Route) {
    let id = r.id;
    let with = |f: &dyn Fn(&mut Route)| {
        let mut r = r.clone();
        f(&mut r);
        Op::SetRoute(Box::new(r))
    };
    fields::text(
        ui,
        sink,
        field("Route name", format!("route {id} name")),
        &r.name,
        |v| with(&|r| r.name = v.clone()),
    );
    let sea = matches!(r.basis, ChargeBasis::WeightOrMeasure { .. });
    let basis_name = |s: bool| {
        if s {
            "weight or measure (sea)".to_string()
        } else {
            "volumetric weight".to_string()
        }
    };
    fields::choice(
        ui,
        sink,
        field("Charged by", format!("route {id} basis")),
        sea,
        &[false, true],
        basis_name,
        |s| {
            with(&|r| {
                r.basis = if s {
                    ChargeBasis::WeightOrMeasure { kg_per_cbm: 1000.0 }
                } else {
                    ChargeBasis::Volumetric {
                        divisor: 5000.0,
                        min_side_cm: None,
                    }
                }
            })
        },
    );
    basis_ui(ui, sink, r);
    // An unentered price shows as empty, not as a price of 0.
    let price = |v: f64| Some(v).filter(|v| *v != 0.0);
    let rates: [RateField; 4] = [
        ("Round up to (kg)", Some(r.rounding_kg), |r, v| {
            r.rounding_kg = v
        }),
        ("First weight (kg)", Some(r.first_weight_kg), |r, v| {
            r.first_weight_kg = v
        }),
        ("First weight price", price(r.first_price), |r, v| {
            r.first_price = v
        }),
        ("Price per further kg", price(r.per_kg), |r, v| r.per_kg = v),
    ];
    for (label, value, set) in rates {
        let key = format!("route {id} {label}");
        fields::parsed(
            ui,
            sink,
            field(label, key),
            fields::number_text(value),
            fields::decimal,
            |v| with(&|r| set(r, v.unwrap_or(0.0))),
        );
    }
    if !crate::rules::shipping::is_priced(r) {
        ui.label("");
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "No price: enter the first weight price or the price per kg",
        );
        ui.end_row();
    }
    fields::text(
        ui,
        sink,
        field("Currency", format!("route {id} currency")),
        &r.currency,
        |v| with(&|r| r.currency = v.clone()),
    );
}

/// The divisor and minimum side of a volumetric route, or the kg per m³
/// of a sea route.
fn basis_ui(ui: &mut egui::Ui, sink: &mut Sink, r: &Route) {
    let id = r.id;
    let with_basis = |basis: ChargeBasis| Op::SetRoute(Box::new(Route { basis, ..r.clone() }));
    match r.basis {
        ChargeBasis::Volumetric {
            divisor,
            min_side_cm,
        } => {
            let key = format!("route {id} divisor");
            fields::parsed(
                ui,
                sink,
                field("Divisor (cm³/kg)", key),
                fields::number_text(Some(divisor)),
                fields::decimal,
                |v| {
                    with_basis(ChargeBasis::Volumetric {
                        divisor: v.unwrap_or(5000.0),
                        min_side_cm,
                    })
                },
            );
            let key = format!("route {id} min side");
            fields::parsed(
                ui,
                sink,
                field("Only from a side of (cm)", key),
                fields::number_text(min_side_cm),
                fields::decimal,
                |v| {
                    with_basis(ChargeBasis::Volumetric {
                        divisor,
                        min_side_cm: v,
                    })
                },
            );
        }
        ChargeBasis::WeightOrMeasure { kg_per_cbm } => {
            let key = format!("route {id} per cbm");
            fields::parsed(
                ui,
                sink,
                field("kg per m³", key),
                fields::number_text(Some(kg_per_cbm)),
                fields::decimal,
                |v| {
                    with_basis(ChargeBasis::WeightOrMeasure {
                        kg_per_cbm: v.unwrap_or(1000.0),
                    })
                },
            );
        }
    }
}
