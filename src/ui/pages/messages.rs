//! An order's seller messages: what the seller said, the chat screenshot,
//! and the spec rows and terms each confirms.

use crate::model::*;
use crate::rules::Target;
use crate::rules::ops::Op;
use crate::ui::context::Sink;
use crate::ui::widgets::fields::{self, field};
use crate::ui::widgets::{jump_to, list_controls};
use eframe::egui;

pub fn messages_ui(ui: &mut egui::Ui, sink: &mut Sink, product: &Product, o: &Order) {
    let oid = o.id;
    let heading = list_controls::section(
        ui,
        sink,
        "Seller messages",
        "+ Message",
        "Add a seller message",
        || Op::NewMessage { order: oid },
    );
    jump_to::here(ui, heading, |t| t == Target::Messages(oid));
    let len = o.messages.len();
    for (i, m) in o.messages.iter().enumerate() {
        let mid = m.id;
        let shown = ui.push_id(mid.0, |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                egui::Grid::new("message")
                    .num_columns(2)
                    .show(ui, |ui| message_fields_ui(ui, sink, o, m));
                confirms_ui(ui, sink, product, m);
                ui.horizontal(|ui| {
                    list_controls::move_buttons(ui, sink, i, len, |to| Op::MoveMessage {
                        id: mid,
                        to,
                    });
                    let title = "Remove this seller message".to_string();
                    fields::remove_button(ui, sink, "× Remove message", title, || {
                        Op::RemoveMessage(mid)
                    });
                });
            });
        });
        jump_to::here(ui, shown.response.rect, |t| t == Target::Message(mid));
    }
}

fn message_fields_ui(ui: &mut egui::Ui, sink: &mut Sink, o: &Order, m: &SellerMessage) {
    let mid = m.id;
    let set = |x: SellerMessage| Op::SetMessage(x);
    let when = m
        .time
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    let parse = |s: &str| {
        let s = crate::rules::text::half_width(s);
        chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%d %H:%M")
            .map_err(|_| "write YYYY-MM-DD HH:MM".to_string())
    };
    fields::parsed(
        ui,
        sink,
        field("Time", format!("msg {mid} time")),
        when,
        parse,
        |v| {
            set(SellerMessage {
                time: v,
                ..m.clone()
            })
        },
    );
    fields::multiline(
        ui,
        sink,
        field("What the seller said", format!("msg {mid} text")),
        &m.text,
        |v| {
            set(SellerMessage {
                text: v,
                ..m.clone()
            })
        },
    );
    let shots: Vec<Option<PhotoId>> = std::iter::once(None)
        .chain(o.photos.iter().map(|p| Some(p.id)))
        .collect();
    let name = |id: Option<PhotoId>| match id.and_then(|id| o.photos.iter().find(|p| p.id == id)) {
        Some(p) => p.file.original_name.clone(),
        None => "(none)".into(),
    };
    let f = field("Chat screenshot", format!("msg {mid} shot"));
    fields::choice(ui, sink, f, m.screenshot, &shots, name, |v| {
        set(SellerMessage {
            screenshot: v,
            ..m.clone()
        })
    });
}

fn confirms_ui(ui: &mut egui::Ui, sink: &mut Sink, product: &Product, m: &SellerMessage) {
    ui.label("Confirms these spec rows:");
    ui.horizontal_wrapped(|ui| {
        for row in &product.spec {
            let sid = row.id;
            let name = if row.name.is_empty() {
                "(unnamed row)"
            } else {
                &row.name
            };
            fields::checkbox(ui, sink, m.confirms.contains(&sid), name, |on| {
                let mut x = m.clone();
                x.confirms.retain(|s| *s != sid);
                if on {
                    x.confirms.push(sid);
                }
                Op::SetMessage(x)
            });
        }
    });
    ui.label("Confirms these terms:");
    ui.horizontal_wrapped(|ui| {
        for term in Term::ALL {
            fields::checkbox(ui, sink, m.terms.contains(&term), term.label(), |on| {
                let mut x = m.clone();
                x.terms.retain(|t| *t != term);
                if on {
                    x.terms.push(term);
                    x.terms.sort();
                }
                Op::SetMessage(x)
            });
        }
    });
}
