//! A product: its listing, risks, sample vs bulk, and spec brief.

use super::{risks, sample_vs_bulk, spec_brief};
use crate::model::*;
use crate::rules::Target;
use crate::rules::ops::Op;
use crate::ui::context::{Ctx, Sink};
use crate::ui::photos::Photos;
use crate::ui::widgets::fields::{self, field};
use crate::ui::widgets::jump_to;
use eframe::egui;

pub fn product_ui(
    ui: &mut egui::Ui,
    c: &Ctx<'_>,
    sink: &mut Sink,
    photos: &mut Photos,
    p: &Product,
) {
    let id = p.id;
    let heading = ui.heading(if p.name.is_empty() {
        "Product"
    } else {
        &p.name
    });
    jump_to::here(ui, heading.rect, |t| t == Target::Product(id));
    let listing = egui::Grid::new(("listing", id.0))
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| listing_ui(ui, sink, p));
    jump_to::here(ui, listing.response.rect, |t| t == Target::Listing(id));
    risks::risks_ui(ui, sink, p);
    ui.add_space(10.0);
    // The photo pairs go beside the table when the panel is wide enough
    // (about 700 points for the table, 560 for the pairs), else below it.
    if ui.available_width() >= 1300.0 {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| sample_vs_bulk::table_ui(ui, c, sink, p));
            ui.add_space(16.0);
            ui.vertical(|ui| sample_vs_bulk::photo_pairs_ui(ui, sink, photos, p));
        });
    } else {
        sample_vs_bulk::table_ui(ui, c, sink, p);
        sample_vs_bulk::photo_pairs_ui(ui, sink, photos, p);
    }
    spec_brief::spec_brief_ui(ui, sink, c.project, p);
}

fn listing_ui(ui: &mut egui::Ui, sink: &mut Sink, p: &Product) {
    let id = p.id;
    let l = &p.listing;
    let with = |f: &dyn Fn(&mut Listing)| {
        let mut l = l.clone();
        f(&mut l);
        Op::SetListing(id, Box::new(l))
    };
    super::listing_paste::paste_row_ui(ui, sink, p);
    fields::text(
        ui,
        sink,
        field("Name", format!("{id} name")),
        &p.name,
        |v| Op::SetProductName(id, v),
    );
    fields::text(
        ui,
        sink,
        field("Listing URL", format!("{id} url")),
        &l.url,
        |v| with(&|l| l.url = v.clone()),
    );
    ui.label("");
    ui.horizontal(|ui| {
        if let Some(offer) = crate::rules::listing_link::offer_id(&l.url) {
            ui.label(format!("Offer {offer}"));
        }
        if crate::rules::export_gate::is_http_url(&l.url) {
            ui.hyperlink_to("Open in browser", l.url.trim());
        } else if !l.url.trim().is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "Only http:// and https:// links open",
            );
        }
    });
    ui.end_row();
    let market = |m: Marketplace| m.label().to_string();
    fields::choice(
        ui,
        sink,
        field("Marketplace", format!("{id} market")),
        l.marketplace,
        &Marketplace::ALL,
        market,
        |v| with(&|l| l.marketplace = v),
    );
    let texts: [fields::Setter<Listing, &String, String>; 4] = [
        ("Listing title", "title", &l.title, |l, v| l.title = v),
        ("Selected variant", "variant", &l.variant, |l, v| {
            l.variant = v
        }),
        ("SKU", "sku", &l.sku, |l, v| l.sku = v),
        ("Currency", "currency", &l.currency, |l, v| l.currency = v),
    ];
    for (label, key, value, set) in texts {
        fields::text(ui, sink, field(label, format!("{id} {key}")), value, |v| {
            with(&|l| set(l, v.clone()))
        });
    }
    fields::parsed(
        ui,
        sink,
        field("Unit price", format!("{id} price")),
        fields::number_text(l.unit_price),
        fields::decimal,
        |v| with(&|l| l.unit_price = v),
    );
    let wholes: [fields::Setter<Listing, Option<u32>, Option<u32>>; 2] = [
        ("MOQ", "moq", l.moq, |l, v| l.moq = v),
        ("Lead time (days)", "lead", l.lead_time_days, |l, v| {
            l.lead_time_days = v
        }),
    ];
    for (label, key, value, set) in wholes {
        let shown = value.map(|v| v.to_string()).unwrap_or_default();
        fields::parsed(
            ui,
            sink,
            field(label, format!("{id} {key}")),
            shown,
            fields::whole,
            |v| with(&|l| set(l, v)),
        );
    }
}
