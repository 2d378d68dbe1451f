//! An order's seller messages, packing requests, route decision and (bulk)
//! inspection record.

use super::fields::{self, Commands};
use super::order_ui::{move_buttons, section, with_order};
use crate::app::{Command, Edit};
use crate::model::*;
use eframe::egui;

pub fn order_more_ui(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    project: &Project,
    product: &Product,
    o: &Order,
) {
    messages_ui(ui, cmds, product, o);
    packing_ui(ui, cmds, product, o);
    route_ui(ui, cmds, project, o);
    if o.kind == OrderKind::Bulk {
        inspection_ui(ui, cmds, o);
    }
}

/// A carton measure: label, value, how to set it.
type CartonField = (&'static str, f64, fn(&mut Carton, f64));
/// An inspection count: label, value, how to set it.
type InspectionCount = (&'static str, u32, fn(&mut Inspection, u32));

fn with_message(p: &mut Project, oid: OrderId, mid: MessageId, f: impl FnOnce(&mut SellerMessage)) {
    with_order(p, oid, |o| {
        if let Some(m) = o.messages.iter_mut().find(|m| m.id == mid) {
            f(m);
        }
    });
}

fn toggle(cmds: &mut Commands, label: &str, apply: impl FnOnce(&mut Project) + Send + 'static) {
    cmds.push(Command::Edit(Edit::new(label, move |p| {
        apply(p);
        None
    })));
}

fn messages_ui(ui: &mut egui::Ui, cmds: &mut Commands, product: &Product, o: &Order) {
    let oid = o.id;
    section(
        ui,
        cmds,
        "Seller messages",
        "+ Message",
        "add message",
        move |p| {
            let id = p.new_id();
            p.order_mut(oid)?.messages.push(SellerMessage {
                id: MessageId(id),
                ..SellerMessage::default()
            });
            None
        },
    );
    for (i, m) in o.messages.iter().enumerate() {
        let mid = m.id;
        ui.push_id(mid.0, |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                egui::Grid::new("message").num_columns(2).show(ui, |ui| {
                    let when = m
                        .time
                        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                        .unwrap_or_default();
                    fields::parsed(
                        ui,
                        cmds,
                        "Time",
                        format!("msg {mid} time"),
                        when,
                        |s| {
                            chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
                                .map_err(|_| "write YYYY-MM-DD HH:MM".to_string())
                        },
                        move |p, v| with_message(p, oid, mid, |m| m.time = v),
                    );
                    fields::multiline(
                        ui,
                        cmds,
                        "What the seller said",
                        format!("msg {mid} text"),
                        &m.text,
                        move |p, v| {
                            with_message(p, oid, mid, |m| m.text = v);
                        },
                    );
                    let shots: Vec<Option<PhotoId>> = std::iter::once(None)
                        .chain(o.photos.iter().map(|p| Some(p.id)))
                        .collect();
                    let name = |id: Option<PhotoId>| match id
                        .and_then(|id| o.photos.iter().find(|p| p.id == id))
                    {
                        Some(p) => p.file.original_name.clone(),
                        None => "(none)".into(),
                    };
                    fields::choice(
                        ui,
                        cmds,
                        "Chat screenshot",
                        format!("msg {mid} shot"),
                        m.screenshot,
                        &shots,
                        name,
                        move |p, v| {
                            with_message(p, oid, mid, |m| m.screenshot = v);
                        },
                    );
                });
                ui.label("Confirms these spec rows:");
                ui.horizontal_wrapped(|ui| {
                    for row in &product.spec {
                        let sid = row.id;
                        let mut on = m.confirms.contains(&sid);
                        let name = if row.name.is_empty() {
                            "(unnamed row)"
                        } else {
                            &row.name
                        };
                        if ui.checkbox(&mut on, name).changed() {
                            toggle(cmds, "change confirmed rows", move |p| {
                                with_message(p, oid, mid, |m| {
                                    m.confirms.retain(|s| *s != sid);
                                    if on {
                                        m.confirms.push(sid);
                                    }
                                })
                            });
                        }
                    }
                });
                ui.label("Confirms these terms:");
                ui.horizontal_wrapped(|ui| {
                    for term in Term::ALL {
                        let mut on = m.terms.contains(&term);
                        if ui.checkbox(&mut on, term.label()).changed() {
                            toggle(cmds, "change confirmed terms", move |p| {
                                with_message(p, oid, mid, |m| {
                                    m.terms.retain(|t| *t != term);
                                    if on {
                                        m.terms.push(term);
                                        m.terms.sort();
                                    }
                                })
                            });
                        }
                    }
                });
                move_buttons(ui, cmds, i, o.messages.len(), "message", move |p, by| {
                    if let Some(o) = p.order_mut(oid) {
                        fields::shift(&mut o.messages, i, by);
                    }
                });
                fields::edit_button(
                    ui,
                    cmds,
                    "× Remove message",
                    "Remove this message",
                    "remove message",
                    move |p| {
                        p.order_mut(oid)?.messages.retain(|m| m.id != mid);
                        None
                    },
                );
            });
        });
    }
}

fn packing_ui(ui: &mut egui::Ui, cmds: &mut Commands, product: &Product, o: &Order) {
    let oid = o.id;
    section(
        ui,
        cmds,
        "Packing requests",
        "+ Request",
        "add packing request",
        move |p| {
            let id = p.new_id();
            p.order_mut(oid)?.packing.push(PackingRequest {
                id: PackingId(id),
                ..PackingRequest::default()
            });
            None
        },
    );
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
                let edit =
                    move |p: &mut Project, f: Box<dyn FnOnce(&mut PackingRequest) + Send>| {
                        with_order(p, oid, |o| {
                            if let Some(x) = o.packing.iter_mut().find(|x| x.id == rid) {
                                f(x);
                            }
                        });
                    };
                fields::text(
                    ui,
                    cmds,
                    "Request",
                    format!("pack {rid} text"),
                    &req.text,
                    move |p, v| edit(p, Box::new(|x| x.text = v)),
                );
                fields::choice(
                    ui,
                    cmds,
                    "Answers",
                    format!("pack {rid} risk"),
                    req.risk,
                    &risks,
                    risk_name,
                    move |p, v| edit(p, Box::new(move |x| x.risk = v)),
                );
                ui.label("");
                fields::edit_button(
                    ui,
                    cmds,
                    "× Remove request",
                    "Remove this packing request",
                    "remove packing request",
                    move |p| {
                        p.order_mut(oid)?.packing.retain(|x| x.id != rid);
                        None
                    },
                );
                ui.end_row();
            }
        });
}

fn route_ui(ui: &mut egui::Ui, cmds: &mut Commands, project: &Project, o: &Order) {
    let oid = o.id;
    ui.add_space(10.0);
    ui.heading("Route decision");
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
}

fn inspection_ui(ui: &mut egui::Ui, cmds: &mut Commands, o: &Order) {
    let oid = o.id;
    ui.add_space(10.0);
    ui.heading("Inspection (AQL)");
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
                |a| a.to_string(),
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
                |a| a.to_string(),
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
}
