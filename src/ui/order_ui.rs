//! An order: its facts, parcels, observations and photos. Messages,
//! packing, route and inspection are in `order_more_ui`.

use super::anchor;
use super::fields::{self, Commands};
use crate::model::*;
use crate::rules::Target;
use eframe::egui;

/// Applies `f` to order `oid` if it still exists.
pub fn with_order(p: &mut Project, oid: OrderId, f: impl FnOnce(&mut Order)) {
    if let Some(o) = p.order_mut(oid) {
        f(o);
    }
}

fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

pub fn order_ui(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    photos: &mut super::photo_list_ui::PhotoUi<'_>,
    project: &Project,
    product: &Product,
    o: &Order,
) {
    let oid = o.id;
    let heading = ui.heading(format!("{} order {}", o.kind.label(), o.number));
    anchor::here(ui, heading.rect, |t| t == Target::Order(oid));
    ui.label(format!("of {}", product.name));
    let facts = egui::Grid::new(("order", oid.0))
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            fields::choice(
                ui,
                cmds,
                "Kind",
                format!("{oid} kind"),
                o.kind,
                &[OrderKind::Sample, OrderKind::Bulk],
                |k| k.label().into(),
                move |p, v| {
                    with_order(p, oid, |o| o.kind = v);
                },
            );
            fields::text(
                ui,
                cmds,
                "Order number",
                format!("{oid} number"),
                &o.number,
                move |p, v| with_order(p, oid, |o| o.number = v),
            );
            fields::text(
                ui,
                cmds,
                "Seller",
                format!("{oid} seller"),
                &o.seller,
                move |p, v| with_order(p, oid, |o| o.seller = v),
            );
            fields::parsed(
                ui,
                cmds,
                "Quantity",
                format!("{oid} qty"),
                o.quantity.to_string(),
                fields::number::<u32>,
                move |p, v| {
                    with_order(p, oid, |o| o.quantity = v.unwrap_or(0));
                },
            );
            fields::text(
                ui,
                cmds,
                "Variant as ordered",
                format!("{oid} variant"),
                &o.variant,
                move |p, v| with_order(p, oid, |o| o.variant = v),
            );
            fields::parsed(
                ui,
                cmds,
                "Ordered on",
                format!("{oid} ordered"),
                date_text(o.ordered_on),
                fields::date,
                move |p, v| {
                    with_order(p, oid, |o| o.ordered_on = v);
                },
            );
            fields::parsed(
                ui,
                cmds,
                "Seller shipped on",
                format!("{oid} shipped"),
                date_text(o.seller_shipped_on),
                fields::date,
                move |p, v| {
                    with_order(p, oid, |o| o.seller_shipped_on = v);
                },
            );
            fields::multiline(
                ui,
                cmds,
                "Order note",
                format!("{oid} note"),
                &o.note,
                move |p, v| with_order(p, oid, |o| o.note = v),
            );
            if o.kind == OrderKind::Sample {
                let pid = product.id;
                let l = ui.label("Accepted sample");
                let mut accepted = product.accepted_sample == Some(oid);
                let text = "its observations are the reference for the bulk";
                if ui.checkbox(&mut accepted, text).labelled_by(l.id).changed() {
                    cmds.push(crate::app::Command::Edit(crate::app::Edit::new(
                        if accepted {
                            "accept sample"
                        } else {
                            "withdraw sample acceptance"
                        },
                        move |p| {
                            let product = p.product_mut(pid)?;
                            product.accepted_sample = accepted.then_some(oid);
                            None
                        },
                    )));
                }
                ui.end_row();
            }
        });
    anchor::here(ui, facts.response.rect, |t| t == Target::OrderVariant(oid));

    let parcels = section(ui, cmds, "Parcels", "+ Parcel", "add parcel", move |p| {
        let id = p.new_id();
        let o = p.order_mut(oid)?;
        o.parcels.push(Parcel {
            id: ParcelId(id),
            ..Parcel::default()
        });
        None
    });
    anchor::here(ui, parcels, |t| t == Target::Parcels(oid));
    for (i, parcel) in o.parcels.iter().enumerate() {
        let pid = parcel.id;
        let edit = move |f: Box<dyn FnOnce(&mut Parcel) + Send>| {
            move |p: &mut Project| {
                with_order(p, oid, |o| {
                    if let Some(x) = o.parcels.iter_mut().find(|x| x.id == pid) {
                        f(x);
                    }
                })
            }
        };
        let shown = ui.push_id(pid.0, |ui| {
            egui::Grid::new("parcel").num_columns(2).show(ui, |ui| {
                fields::text(
                    ui,
                    cmds,
                    "Tracking number",
                    format!("parcel {pid} tracking"),
                    &parcel.tracking,
                    move |p, v| edit(Box::new(|x| x.tracking = v))(p),
                );
                fields::text(
                    ui,
                    cmds,
                    "Carrier",
                    format!("parcel {pid} carrier"),
                    &parcel.carrier,
                    move |p, v| edit(Box::new(|x| x.carrier = v))(p),
                );
                fields::parsed(
                    ui,
                    cmds,
                    "Arrived at warehouse",
                    format!("parcel {pid} arrived"),
                    date_text(parcel.arrived_on),
                    fields::date,
                    move |p, v| edit(Box::new(move |x| x.arrived_on = v))(p),
                );
                fields::parsed(
                    ui,
                    cmds,
                    "Weight (kg)",
                    format!("parcel {pid} kg"),
                    parcel.weight_kg.map(|w| w.to_string()).unwrap_or_default(),
                    fields::number::<f64>,
                    move |p, v| edit(Box::new(move |x| x.weight_kg = v))(p),
                );
            });
            move_buttons(ui, cmds, i, o.parcels.len(), "parcel", move |p, by| {
                if let Some(o) = p.order_mut(oid) {
                    fields::shift(&mut o.parcels, i, by);
                }
            });
            fields::edit_button(
                ui,
                cmds,
                "× Remove parcel",
                "Remove this parcel",
                "remove parcel",
                move |p| {
                    p.order_mut(oid)?.parcels.retain(|x| x.id != pid);
                    None
                },
            );
        });
        anchor::here(ui, shown.response.rect, |t| t == Target::Parcel(pid));
        ui.separator();
    }

    observations_ui(ui, cmds, product, o);
    super::photo_list_ui::photo_list_ui(ui, cmds, photos, o);
    super::order_more_ui::order_more_ui(ui, cmds, project, product, o);
}

/// ↑ and ↓ buttons for element `i` of a list of `len`; `shift` moves it.
pub fn move_buttons(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    i: usize,
    len: usize,
    what: &str,
    shift: impl FnOnce(&mut Project, isize) + Send + Clone + 'static,
) {
    let label = format!("move {what}");
    if i > 0 {
        let shift = shift.clone();
        fields::edit_button(ui, cmds, "↑", "Move up", &label, move |p| {
            shift(p, -1);
            None
        });
    }
    if i + 1 < len {
        fields::edit_button(ui, cmds, "↓", "Move down", &label, move |p| {
            shift(p, 1);
            None
        });
    }
}

/// A section heading with an add button.
pub fn section(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    title: &str,
    add: &str,
    label: &str,
    apply: impl FnOnce(&mut Project) -> Option<u64> + Send + 'static,
) -> egui::Rect {
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        ui.heading(title);
        fields::edit_button(ui, cmds, add, label, label, apply);
    })
    .response
    .rect
}

fn observations_ui(ui: &mut egui::Ui, cmds: &mut Commands, product: &Product, o: &Order) {
    let oid = o.id;
    ui.add_space(10.0);
    ui.heading("Observations");
    if product.spec.is_empty() {
        ui.label("The product has no spec brief yet.");
        return;
    }
    egui::Grid::new(("observations", oid.0))
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for row in &product.spec {
                let sid = row.id;
                let seen = crate::rules::compare::observed(o, sid).unwrap_or("");
                let label = format!(
                    "{} (brief: {})",
                    row.name,
                    crate::rules::compare::describe(&row.expected)
                );
                fields::text(
                    ui,
                    cmds,
                    &label,
                    format!("{oid} obs {sid}"),
                    seen,
                    move |p, v| {
                        with_order(p, oid, |o| {
                            match o.observations.iter_mut().rev().find(|x| x.spec == sid) {
                                Some(x) => x.value = v,
                                None => o.observations.push(Observation {
                                    spec: sid,
                                    value: v,
                                    source: Source::Photo,
                                    photo: None,
                                    note: String::new(),
                                }),
                            }
                        });
                    },
                );
            }
        });
}
