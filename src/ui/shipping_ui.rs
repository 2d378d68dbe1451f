//! An order's route decision: the route, its cartons, when it was
//! reviewed, and every route priced on those cartons.

use super::fields::{self, Commands};
use super::order_ui::with_order;
use crate::app::{Command, Edit};
use crate::model::*;
use eframe::egui;

/// A carton measure: label, value, how to set it.
type CartonField = (&'static str, f64, fn(&mut Carton, f64));

pub fn route_ui(ui: &mut egui::Ui, cmds: &mut Commands, project: &Project, o: &Order) {
    let oid = o.id;
    ui.add_space(10.0);
    let heading = ui.heading("Route decision");
    super::anchor::here(ui, heading.rect, |t| t == crate::rules::Target::Route(oid));
    let route = o.route.clone().unwrap_or_default();
    let mut names: Vec<String> = std::iter::once(String::new())
        .chain(project.routes.iter().map(|r| r.name.clone()))
        .collect();
    if !names.contains(&route.route) {
        names.push(route.route.clone());
    }
    let edit_route = move |p: &mut Project, f: Box<dyn FnOnce(&mut RouteDecision) + Send>| {
        with_order(p, oid, |o| {
            f(o.route.get_or_insert_with(RouteDecision::default))
        });
    };
    let l = ui.label("Route");
    let mut chosen = route.route.clone();
    egui::ComboBox::from_id_salt(("route", oid.0))
        .selected_text(if chosen.is_empty() {
            "(not chosen)".to_string()
        } else {
            chosen.clone()
        })
        .show_ui(ui, |ui| {
            for n in &names {
                let text = if n.is_empty() { "(not chosen)" } else { n };
                ui.selectable_value(&mut chosen, n.clone(), text);
            }
        })
        .response
        .labelled_by(l.id);
    if chosen != route.route {
        cmds.push(Command::Edit(Edit::new("choose route", move |p| {
            edit_route(p, Box::new(move |r| r.route = chosen));
            None
        })));
    }
    ui.horizontal(|ui| {
        ui.label(format!("{} carton lines", route.cartons.len()));
        fields::edit_button(
            ui,
            cmds,
            "+ Cartons",
            "Add a carton line",
            "add cartons",
            move |p| {
                edit_route(
                    p,
                    Box::new(|r| {
                        r.cartons.push(Carton {
                            count: 1,
                            ..Carton::default()
                        })
                    }),
                );
                None
            },
        );
    });
    egui::Grid::new(("cartons", oid.0))
        .num_columns(2)
        .show(ui, |ui| {
            for (i, c) in route.cartons.iter().enumerate() {
                let fieldsets: [CartonField; 4] = [
                    ("Length (cm)", c.length_cm, |c, v| c.length_cm = v),
                    ("Width (cm)", c.width_cm, |c, v| c.width_cm = v),
                    ("Height (cm)", c.height_cm, |c, v| c.height_cm = v),
                    ("Gross (kg)", c.gross_kg, |c, v| c.gross_kg = v),
                ];
                for (label, value, setter) in fieldsets {
                    fields::parsed(
                        ui,
                        cmds,
                        label,
                        format!("{oid} carton {i} {label}"),
                        value.to_string(),
                        fields::number::<f64>,
                        move |p, v| {
                            edit_route(
                                p,
                                Box::new(move |r| {
                                    if let Some(c) = r.cartons.get_mut(i) {
                                        setter(c, v.unwrap_or(0.0));
                                    }
                                }),
                            );
                        },
                    );
                }
                fields::parsed(
                    ui,
                    cmds,
                    "Cartons",
                    format!("{oid} carton {i} count"),
                    c.count.to_string(),
                    fields::number::<u32>,
                    move |p, v| {
                        edit_route(
                            p,
                            Box::new(move |r| {
                                if let Some(c) = r.cartons.get_mut(i) {
                                    c.count = v.unwrap_or(0);
                                }
                            }),
                        );
                    },
                );
                ui.label("");
                fields::edit_button(
                    ui,
                    cmds,
                    "× Remove cartons",
                    "Remove this carton line",
                    "remove cartons",
                    move |p| {
                        edit_route(
                            p,
                            Box::new(move |r| {
                                if i < r.cartons.len() {
                                    r.cartons.remove(i);
                                }
                            }),
                        );
                        None
                    },
                );
                ui.end_row();
            }
        });
    egui::Grid::new(("route review", oid.0))
        .num_columns(2)
        .show(ui, |ui| {
            let reviewed = route
                .reviewed_on
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            fields::parsed(
                ui,
                cmds,
                "Reviewed on",
                format!("{oid} route reviewed"),
                reviewed,
                fields::date,
                move |p, v| {
                    edit_route(p, Box::new(move |r| r.reviewed_on = v));
                },
            );
            fields::multiline(
                ui,
                cmds,
                "Route note",
                format!("{oid} route note"),
                &route.note,
                move |p, v| {
                    edit_route(p, Box::new(move |r| r.note = v));
                },
            );
        });
    quotes_ui(ui, cmds, project, o.id, &route);
}

/// Every route of the project priced on the order's cartons; choosing one
/// is the checklist's route decision.
fn quotes_ui(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    project: &Project,
    oid: OrderId,
    route: &RouteDecision,
) {
    if route.cartons.is_empty() {
        return;
    }
    if project.routes.is_empty() {
        ui.label("Add shipping routes to the project (select the project) to price them here.");
        return;
    }
    let comparison = match crate::rules::shipping::compare_routes(&project.routes, &route.cartons) {
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
                let cheapest = comparison.cheapest.as_deref() == Some(q.route.as_str());
                let name = if cheapest {
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
                ui.label(format!("{:.2} {}", q.cost, q.currency));
                if route.route == q.route {
                    ui.label("chosen");
                } else if ui.button(format!("Choose {}", q.route)).clicked() {
                    let name = q.route.clone();
                    cmds.push(Command::Edit(Edit::new("choose route", move |p| {
                        with_order(p, oid, |o| {
                            o.route.get_or_insert_with(RouteDecision::default).route = name
                        });
                        None
                    })));
                }
                ui.end_row();
            }
        });
    for (name, why) in &comparison.failures {
        ui.colored_label(ui.visuals().warn_fg_color, format!("{name}: {why}"));
    }
}
