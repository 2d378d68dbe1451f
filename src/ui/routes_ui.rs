//! The project's shipping routes and their rates: what a route decision
//! chooses from, and what chargeable weight and cost are computed with.

use super::fields::{self, Commands};
use crate::app::{Command, Edit};
use crate::model::*;
use eframe::egui;

fn with_route(p: &mut Project, i: usize, f: impl FnOnce(&mut Route)) {
    if let Some(r) = p.routes.get_mut(i) {
        f(r);
    }
}

/// A rate or size field of route `i`.
type RateField = (&'static str, f64, fn(&mut Route, f64));

pub fn routes_ui(ui: &mut egui::Ui, cmds: &mut Commands, project: &Project) {
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        ui.heading("Shipping routes");
        fields::edit_button(ui, cmds, "+ Route", "Add a route", "add route", |p| {
            p.routes.push(Route {
                name: "New route".into(),
                ..Route::default()
            });
            None
        });
        if project.routes.is_empty()
            && ui
                .button("Add the usual routes")
                .on_hover_text("DHL Express (÷5000), air line (÷6000), China EMS (÷8000 from 60 cm), sea LCL (1 m³ = 1,000 kg); enter your rates")
                .clicked()
        {
            cmds.push(Command::Edit(Edit::new("add the usual routes", |p| {
                p.routes.extend(crate::rules::shipping::default_routes());
                None
            })));
        }
    });
    for (i, r) in project.routes.iter().enumerate() {
        ui.push_id(("route", i), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                egui::Grid::new("route").num_columns(2).show(ui, |ui| {
                    fields::text(
                        ui,
                        cmds,
                        "Route name",
                        format!("route {i} name"),
                        &r.name,
                        move |p, v| {
                            with_route(p, i, |r| r.name = v);
                        },
                    );
                    let (divisor, min_side, per_cbm) = match r.basis {
                        ChargeBasis::Volumetric {
                            divisor,
                            min_side_cm,
                        } => (Some(divisor), min_side_cm, None),
                        ChargeBasis::WeightOrMeasure { kg_per_cbm } => {
                            (None, None, Some(kg_per_cbm))
                        }
                    };
                    let sea = per_cbm.is_some();
                    fields::choice(
                        ui,
                        cmds,
                        "Charged by",
                        format!("route {i} basis"),
                        sea,
                        &[false, true],
                        |s| {
                            if s {
                                "weight or measure (sea)".into()
                            } else {
                                "volumetric weight".into()
                            }
                        },
                        move |p, s| {
                            with_route(p, i, |r| {
                                r.basis = if s {
                                    ChargeBasis::WeightOrMeasure { kg_per_cbm: 1000.0 }
                                } else {
                                    ChargeBasis::Volumetric {
                                        divisor: 5000.0,
                                        min_side_cm: None,
                                    }
                                };
                            });
                        },
                    );
                    if let Some(d) = divisor {
                        fields::parsed(
                            ui,
                            cmds,
                            "Divisor (cm³/kg)",
                            format!("route {i} divisor"),
                            d.to_string(),
                            fields::number::<f64>,
                            move |p, v| {
                                with_route(p, i, |r| {
                                    if let ChargeBasis::Volumetric { divisor, .. } = &mut r.basis {
                                        *divisor = v.unwrap_or(5000.0);
                                    }
                                });
                            },
                        );
                        fields::parsed(
                            ui,
                            cmds,
                            "Only from a side of (cm)",
                            format!("route {i} min side"),
                            min_side.map(|m| m.to_string()).unwrap_or_default(),
                            fields::number::<f64>,
                            move |p, v| {
                                with_route(p, i, |r| {
                                    if let ChargeBasis::Volumetric { min_side_cm, .. } =
                                        &mut r.basis
                                    {
                                        *min_side_cm = v;
                                    }
                                });
                            },
                        );
                    }
                    if let Some(k) = per_cbm {
                        fields::parsed(
                            ui,
                            cmds,
                            "kg per m³",
                            format!("route {i} per cbm"),
                            k.to_string(),
                            fields::number::<f64>,
                            move |p, v| {
                                with_route(p, i, |r| {
                                    r.basis = ChargeBasis::WeightOrMeasure {
                                        kg_per_cbm: v.unwrap_or(1000.0),
                                    }
                                });
                            },
                        );
                    }
                    let rates: [RateField; 4] = [
                        ("Round up to (kg)", r.rounding_kg, |r, v| r.rounding_kg = v),
                        ("First weight (kg)", r.first_weight_kg, |r, v| {
                            r.first_weight_kg = v
                        }),
                        ("First weight price", r.first_price, |r, v| {
                            r.first_price = v
                        }),
                        ("Price per further kg", r.per_kg, |r, v| r.per_kg = v),
                    ];
                    for (label, value, set) in rates {
                        fields::parsed(
                            ui,
                            cmds,
                            label,
                            format!("route {i} {label}"),
                            value.to_string(),
                            fields::number::<f64>,
                            move |p, v| {
                                with_route(p, i, |r| set(r, v.unwrap_or(0.0)));
                            },
                        );
                    }
                    fields::text(
                        ui,
                        cmds,
                        "Currency",
                        format!("route {i} currency"),
                        &r.currency,
                        move |p, v| {
                            with_route(p, i, |r| r.currency = v);
                        },
                    );
                });
                fields::edit_button(
                    ui,
                    cmds,
                    "× Remove route",
                    "Remove this route",
                    "remove route",
                    move |p| {
                        if i < p.routes.len() {
                            p.routes.remove(i);
                        }
                        None
                    },
                );
            });
        });
    }
}
