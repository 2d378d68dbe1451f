//! An order's route decision: the route (by id), its cartons, when it was
//! reviewed, and every route priced on those cartons.

use crate::model::*;
use crate::rules::Target;
use crate::rules::ops::Op;
use crate::ui::context::Sink;
use crate::ui::widgets::fields::{self, field};
use crate::ui::widgets::jump_to;
use eframe::egui;

/// A carton measure: label, value, how to set it.
type CartonField = (&'static str, f64, fn(&mut Carton, f64));

/// The op giving order `oid` the route decision `d`.
fn decide(oid: OrderId, d: RouteDecision) -> Op {
    Op::SetRouteDecision {
        order: oid,
        decision: Some(d),
    }
}

pub fn route_decision_ui(ui: &mut egui::Ui, sink: &mut Sink, project: &Project, o: &Order) {
    let oid = o.id;
    ui.add_space(10.0);
    let heading = ui.heading("Route decision");
    jump_to::here(ui, heading.rect, |t| t == Target::Route(oid));
    let d = o.route.clone().unwrap_or_default();
    egui::Grid::new(("route choice", oid.0))
        .num_columns(2)
        .show(ui, |ui| {
            let choices: Vec<Option<RouteId>> = std::iter::once(None)
                .chain(project.routes.iter().map(|r| Some(r.id)))
                .collect();
            let name = |id: Option<RouteId>| match id.and_then(|id| project.route(id)) {
                Some(r) => r.name.clone(),
                None => "(not chosen)".into(),
            };
            let f = field("Route", format!("{oid} route"));
            fields::choice(ui, sink, f, d.route, &choices, name, |v| {
                decide(
                    oid,
                    RouteDecision {
                        route: v,
                        ..d.clone()
                    },
                )
            });
        });
    cartons_ui(ui, sink, oid, &d);
    egui::Grid::new(("route review", oid.0))
        .num_columns(2)
        .show(ui, |ui| {
            let f = field("Reviewed on", format!("{oid} route reviewed"));
            fields::parsed(
                ui,
                sink,
                f,
                fields::date_text(d.reviewed_on),
                fields::date,
                |v| {
                    decide(
                        oid,
                        RouteDecision {
                            reviewed_on: v,
                            ..d.clone()
                        },
                    )
                },
            );
            fields::multiline(
                ui,
                sink,
                field("Route note", format!("{oid} route note")),
                &d.note,
                |v| {
                    decide(
                        oid,
                        RouteDecision {
                            note: v,
                            ..d.clone()
                        },
                    )
                },
            );
        });
    quotes_ui(ui, sink, project, oid, &d);
}

fn cartons_ui(ui: &mut egui::Ui, sink: &mut Sink, oid: OrderId, d: &RouteDecision) {
    ui.horizontal(|ui| {
        ui.label(format!("{} carton lines", d.cartons.len()));
        fields::op_button(ui, sink, "+ Cartons", "Add a carton line", || {
            let mut x = d.clone();
            x.cartons.push(Carton {
                count: 1,
                ..Carton::default()
            });
            decide(oid, x)
        });
    });
    egui::Grid::new(("cartons", oid.0))
        .num_columns(2)
        .show(ui, |ui| {
            for (i, c) in d.cartons.iter().enumerate() {
                let with = |f: &dyn Fn(&mut Carton)| {
                    let mut x = d.clone();
                    f(&mut x.cartons[i]);
                    decide(oid, x)
                };
                let measures: [CartonField; 4] = [
                    ("Length (cm)", c.length_cm, |c, v| c.length_cm = v),
                    ("Width (cm)", c.width_cm, |c, v| c.width_cm = v),
                    ("Height (cm)", c.height_cm, |c, v| c.height_cm = v),
                    ("Gross (kg)", c.gross_kg, |c, v| c.gross_kg = v),
                ];
                for (label, value, set) in measures {
                    let f = field(label, format!("{oid} carton {i} {label}"));
                    fields::parsed(
                        ui,
                        sink,
                        f,
                        fields::number_text(Some(value)),
                        fields::decimal,
                        |v| with(&|c| set(c, v.unwrap_or(0.0))),
                    );
                }
                let f = field("Cartons", format!("{oid} carton {i} count"));
                fields::parsed(ui, sink, f, c.count.to_string(), fields::whole, |v| {
                    with(&|c| c.count = v.unwrap_or(0))
                });
                ui.label("");
                fields::op_button(
                    ui,
                    sink,
                    "× Remove cartons",
                    "Remove this carton line",
                    || {
                        let mut x = d.clone();
                        x.cartons.remove(i);
                        decide(oid, x)
                    },
                );
                ui.end_row();
            }
        });
}

/// Every route of the project priced on the order's cartons; choosing one
/// is the checklist's route decision.
fn quotes_ui(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    project: &Project,
    oid: OrderId,
    d: &RouteDecision,
) {
    if d.cartons.is_empty() {
        return;
    }
    if project.routes.is_empty() {
        ui.label("Add shipping routes to the project (select the project) to price them here.");
        return;
    }
    let comparison = match crate::rules::shipping::compare_routes(&project.routes, &d.cartons) {
        Ok(c) => c,
        Err(e) => {
            ui.colored_label(ui.visuals().warn_fg_color, e.to_string());
            return;
        }
    };
    ui.add_space(4.0);
    egui::Grid::new(("quotes", oid.0))
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            for h in ["Route", "Chargeable", "CBM", "Cost", ""] {
                ui.label(egui::RichText::new(h).strong());
            }
            ui.end_row();
            for q in &comparison.quotes {
                let name = if comparison.cheapest == Some(q.id) {
                    format!("{} (cheapest)", q.route)
                } else {
                    q.route.clone()
                };
                ui.label(name);
                ui.label(format!(
                    "{} kg (actual {:.1}, volumetric {:.1})",
                    q.weight.chargeable_kg, q.weight.actual_kg, q.weight.volumetric_kg
                ));
                ui.label(format!("{:.3}", q.weight.cbm));
                if project
                    .route(q.id)
                    .is_some_and(crate::rules::shipping::is_priced)
                {
                    ui.label(format!("{:.2} {}", q.cost, q.currency));
                } else {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        "no price (enter the route's rates)",
                    );
                }
                if d.route == Some(q.id) {
                    ui.label("chosen");
                } else if ui.button(format!("Choose {}", q.route)).clicked() {
                    sink.apply(decide(
                        oid,
                        RouteDecision {
                            route: Some(q.id),
                            ..d.clone()
                        },
                    ));
                }
                ui.end_row();
            }
        });
    for (name, why) in &comparison.failures {
        ui.colored_label(ui.visuals().warn_fg_color, format!("{name}: {why}"));
    }
}
