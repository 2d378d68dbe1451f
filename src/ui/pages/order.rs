//! An order: its facts, then its parcels, observations, photos, seller
//! messages, packing requests, route decision and (bulk) inspection.

use crate::model::*;
use crate::rules::Target;
use crate::rules::ops::{Op, OrderFacts};
use crate::ui::context::{Ctx, Sink};
use crate::ui::photos::Photos;
use crate::ui::widgets::fields::{self, field};
use crate::ui::widgets::jump_to;
use chrono::NaiveDate;
use eframe::egui;

pub fn order_ui(
    ui: &mut egui::Ui,
    c: &Ctx<'_>,
    sink: &mut Sink,
    photos: &mut Photos,
    product: &Product,
    o: &Order,
) {
    let oid = o.id;
    let heading = ui.heading(format!("{} order {}", o.kind.label(), o.number));
    jump_to::here(ui, heading.rect, |t| t == Target::Order(oid));
    ui.label(format!("of {}", product.name));
    let facts = egui::Grid::new(("order", oid.0))
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            facts_ui(ui, sink, o);
            if o.kind == OrderKind::Sample {
                accepted_ui(ui, sink, product, oid);
            }
        });
    jump_to::here(ui, facts.response.rect, |t| t == Target::OrderVariant(oid));
    super::parcels::parcels_ui(ui, sink, o);
    super::observations::observations_ui(ui, c, sink, product, o);
    crate::ui::photos::grid::photos_ui(ui, sink, photos, o);
    super::messages::messages_ui(ui, sink, product, o);
    super::packing::packing_ui(ui, sink, product, o);
    super::route_decision::route_decision_ui(ui, sink, c.project, o);
    if o.kind == OrderKind::Bulk {
        super::inspection::inspection_ui(ui, sink, o);
    }
}

fn facts_ui(ui: &mut egui::Ui, sink: &mut Sink, o: &Order) {
    let oid = o.id;
    let facts = OrderFacts::of(o);
    let with = |f: &dyn Fn(&mut OrderFacts)| {
        let mut x = facts.clone();
        f(&mut x);
        Op::SetOrderFacts(oid, Box::new(x))
    };
    let kind = |k: OrderKind| k.label().to_string();
    let kinds = [OrderKind::Sample, OrderKind::Bulk];
    fields::choice(
        ui,
        sink,
        field("Kind", format!("{oid} kind")),
        o.kind,
        &kinds,
        kind,
        |v| with(&|x| x.kind = v),
    );
    let texts: [fields::Setter<OrderFacts, &String, String>; 3] = [
        ("Order number", "number", &o.number, |x, v| x.number = v),
        ("Seller", "seller", &o.seller, |x, v| x.seller = v),
        ("Variant as ordered", "variant", &o.variant, |x, v| {
            x.variant = v
        }),
    ];
    for (label, key, value, set) in texts {
        fields::text(ui, sink, field(label, format!("{oid} {key}")), value, |v| {
            with(&|x| set(x, v.clone()))
        });
    }
    let f = field("Quantity", format!("{oid} qty"));
    fields::parsed(ui, sink, f, o.quantity.to_string(), fields::whole, |v| {
        with(&|x| x.quantity = v.unwrap_or(0))
    });
    let dates: [fields::Setter<OrderFacts, Option<NaiveDate>, Option<NaiveDate>>; 2] = [
        ("Ordered on", "ordered", o.ordered_on, |x, v| {
            x.ordered_on = v
        }),
        (
            "Seller shipped on",
            "shipped",
            o.seller_shipped_on,
            |x, v| x.seller_shipped_on = v,
        ),
    ];
    for (label, key, value, set) in dates {
        let f = field(label, format!("{oid} {key}"));
        fields::parsed(ui, sink, f, fields::date_text(value), fields::date, |v| {
            with(&|x| set(x, v))
        });
    }
    fields::multiline(
        ui,
        sink,
        field("Order note", format!("{oid} note")),
        &o.note,
        |v| with(&|x| x.note = v.clone()),
    );
}

fn accepted_ui(ui: &mut egui::Ui, sink: &mut Sink, product: &Product, oid: OrderId) {
    let pid = product.id;
    let l = ui.label("Accepted sample");
    let accepted = product.accepted_sample == Some(oid);
    let text = "its observations are the reference for the bulk";
    fields::checkbox(ui, sink, accepted, text, |on| {
        Op::SetAcceptedSample(pid, on.then_some(oid))
    })
    .labelled_by(l.id);
    ui.end_row();
}
