//! An order's seller messages, packing requests, route decision and (bulk)
//! inspection record.

use super::anchor;
use super::fields::{self, Commands};
use super::order_ui::{move_buttons, section, with_order};
use crate::app::{Command, Edit};
use crate::model::*;
use crate::rules::Target;
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
    super::shipping_ui::route_ui(ui, cmds, project, o);
    if o.kind == OrderKind::Bulk {
        super::inspection_ui::inspection_ui(ui, cmds, o);
    }
}

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
    let heading = section(
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
    anchor::here(ui, heading, |t| t == Target::Messages(oid));
    for (i, m) in o.messages.iter().enumerate() {
        let mid = m.id;
        let shown = ui.push_id(mid.0, |ui| {
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
        anchor::here(ui, shown.response.rect, |t| t == Target::Message(mid));
    }
}

fn packing_ui(ui: &mut egui::Ui, cmds: &mut Commands, product: &Product, o: &Order) {
    let oid = o.id;
    let heading = section(
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
    anchor::here(ui, heading, |t| t == Target::Packing(oid));
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
