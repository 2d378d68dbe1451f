//! What the buyer does to several photos at once: link them to a parcel,
//! tag or untag them, set their checks. Each action is one op (a batch),
//! so one Ctrl+Z takes it back. The parcel buttons are also where photos
//! dragged from the grid are dropped.

use crate::model::*;
use crate::rules::ops::{Op, PhotoFacts};
use crate::ui::context::Sink;
use eframe::egui;

/// Photos dragged from the grid.
#[derive(Clone, Debug)]
pub struct DraggedPhotos(pub Vec<PhotoId>);

/// One op setting `f` on each photo of `ids` (those of the order).
pub fn for_each(o: &Order, ids: &[PhotoId], f: impl Fn(&mut PhotoFacts)) -> Option<Op> {
    let ops: Vec<Op> = o
        .photos
        .iter()
        .filter(|p| ids.contains(&p.id))
        .filter_map(|p| {
            let mut facts = PhotoFacts::of(p);
            f(&mut facts);
            (facts != PhotoFacts::of(p)).then_some(Op::SetPhoto(p.id, facts))
        })
        .collect();
    (!ops.is_empty()).then_some(Op::Batch(ops))
}

fn send(sink: &mut Sink, op: Option<Op>) {
    if let Some(op) = op {
        sink.apply(op);
    }
}

fn tracking(p: &Parcel) -> &str {
    if p.tracking.trim().is_empty() {
        "(no tracking number)"
    } else {
        p.tracking.trim()
    }
}

/// The bar over the grid while photos are selected.
pub fn batch_bar_ui(ui: &mut egui::Ui, sink: &mut Sink, o: &Order, ids: &[PhotoId]) -> BarAsk {
    let mut ask = BarAsk::None;
    ui.horizontal_wrapped(|ui| {
        let selected = crate::rules::text::count(ids.len(), "photo", "photos");
        ui.label(egui::RichText::new(format!("{selected} selected")).strong());
        if let [one] = ids
            && ui
                .button("Open in the viewer")
                .on_hover_text("Or double-click the photo")
                .clicked()
        {
            ask = BarAsk::Open(*one);
        }
        for p in &o.parcels {
            let pid = p.id;
            let b = ui
                .button(format!("Link to {}", tracking(p)))
                .on_hover_text("Link the selected photos to this parcel (or drop photos here)");
            if b.clicked() {
                send(sink, for_each(o, ids, |f| f.parcel = Some(pid)));
            }
            if let Some(dragged) = b.dnd_release_payload::<DraggedPhotos>() {
                send(sink, for_each(o, &dragged.0, |f| f.parcel = Some(pid)));
            }
        }
        ui.menu_button("Tag…", |ui| tag_menu_ui(ui, sink, o, ids));
        ui.menu_button("Checks…", |ui| checks_menu_ui(ui, sink, o, ids));
        if ui
            .button("Unlink")
            .on_hover_text("Link the selected photos to no parcel")
            .clicked()
        {
            send(sink, for_each(o, ids, |f| f.parcel = None));
        }
        if ui.button("Select all").on_hover_text("Ctrl+A").clicked() {
            ask = BarAsk::SelectAll;
        }
        if ui.button("Clear selection").clicked() {
            ask = BarAsk::Clear;
        }
    });
    ask
}

/// What the bar asks of the grid's selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarAsk {
    None,
    Open(PhotoId),
    SelectAll,
    Clear,
}

fn tag_menu_ui(ui: &mut egui::Ui, sink: &mut Sink, o: &Order, ids: &[PhotoId]) {
    for tag in Tag::ALL {
        ui.horizontal(|ui| {
            ui.label(tag.label());
            if ui.small_button("add").clicked() {
                send(
                    sink,
                    for_each(o, ids, |f| {
                        if !f.tags.contains(&tag) {
                            f.tags.push(tag);
                        }
                    }),
                );
            }
            if ui.small_button("remove").clicked() {
                send(sink, for_each(o, ids, |f| f.tags.retain(|t| *t != tag)));
            }
        });
    }
}

/// How to set one of the four checks.
type SetCheck = fn(&mut Checks, Check);

const CHECKS: [(&str, SetCheck); 4] = [
    ("model", |c, v| c.model = v),
    ("quantity", |c, v| c.quantity = v),
    ("accessories", |c, v| c.accessories = v),
    ("damage", |c, v| c.damage = v),
];

fn checks_menu_ui(ui: &mut egui::Ui, sink: &mut Sink, o: &Order, ids: &[PhotoId]) {
    if ui.button("All four pass").clicked() {
        send(
            sink,
            for_each(o, ids, |f| {
                for (_, set) in CHECKS {
                    set(&mut f.checks, Check::Pass);
                }
            }),
        );
    }
    ui.separator();
    for (name, set) in CHECKS {
        ui.horizontal(|ui| {
            ui.label(name);
            for (value, word) in [
                (Check::Pass, "pass"),
                (Check::Fail, "fail"),
                (Check::Unchecked, "unchecked"),
            ] {
                if ui.small_button(word).clicked() {
                    send(sink, for_each(o, ids, |f| set(&mut f.checks, value)));
                }
            }
        });
    }
}
