//! A product: its listing, risks and spec brief.

use super::anchor;
use super::fields::{self, Commands};
use crate::model::*;
use crate::rules::Target;
use eframe::egui;

fn with_product(p: &mut Project, id: ProductId, f: impl FnOnce(&mut Product)) {
    if let Some(x) = p.product_mut(id) {
        f(x);
    }
}

pub fn product_ui(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    photos: &mut super::photo_list_ui::PhotoUi<'_>,
    p: &Product,
) {
    let id = p.id;
    let heading = ui.heading(if p.name.is_empty() {
        "Product"
    } else {
        &p.name
    });
    anchor::here(ui, heading.rect, |t| t == Target::Product(id));
    let listing = egui::Grid::new(("listing", id.0))
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            fields::text(
                ui,
                cmds,
                "Name",
                format!("{id} name"),
                &p.name,
                move |pr, v| with_product(pr, id, |x| x.name = v),
            );
            let l = &p.listing;
            fields::text(
                ui,
                cmds,
                "Listing URL",
                format!("{id} url"),
                &l.url,
                move |pr, v| with_product(pr, id, |x| x.listing.url = v),
            );
            ui.label("");
            if crate::rules::export_gate::is_http_url(&l.url) {
                ui.hyperlink_to("Open in browser", l.url.trim());
            } else if !l.url.trim().is_empty() {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "Only http:// and https:// links open",
                );
            }
            ui.end_row();
            fields::choice(
                ui,
                cmds,
                "Marketplace",
                format!("{id} market"),
                l.marketplace,
                &Marketplace::ALL,
                |m| m.label().into(),
                move |pr, v| with_product(pr, id, |x| x.listing.marketplace = v),
            );
            fields::text(
                ui,
                cmds,
                "Listing title",
                format!("{id} title"),
                &l.title,
                move |pr, v| with_product(pr, id, |x| x.listing.title = v),
            );
            fields::text(
                ui,
                cmds,
                "Selected variant",
                format!("{id} variant"),
                &l.variant,
                move |pr, v| with_product(pr, id, |x| x.listing.variant = v),
            );
            fields::text(
                ui,
                cmds,
                "SKU",
                format!("{id} sku"),
                &l.sku,
                move |pr, v| with_product(pr, id, |x| x.listing.sku = v),
            );
            fields::parsed(
                ui,
                cmds,
                "Unit price",
                format!("{id} price"),
                l.unit_price.map(|v| v.to_string()).unwrap_or_default(),
                fields::number::<f64>,
                move |pr, v| with_product(pr, id, |x| x.listing.unit_price = v),
            );
            fields::text(
                ui,
                cmds,
                "Currency",
                format!("{id} currency"),
                &l.currency,
                move |pr, v| with_product(pr, id, |x| x.listing.currency = v),
            );
            fields::parsed(
                ui,
                cmds,
                "MOQ",
                format!("{id} moq"),
                l.moq.map(|v| v.to_string()).unwrap_or_default(),
                fields::number::<u32>,
                move |pr, v| with_product(pr, id, |x| x.listing.moq = v),
            );
            fields::parsed(
                ui,
                cmds,
                "Lead time (days)",
                format!("{id} lead"),
                l.lead_time_days.map(|v| v.to_string()).unwrap_or_default(),
                fields::number::<u32>,
                move |pr, v| with_product(pr, id, |x| x.listing.lead_time_days = v),
            );
        });
    anchor::here(ui, listing.response.rect, |t| t == Target::Listing(id));

    ui.add_space(10.0);
    let risks = ui.horizontal(|ui| {
        ui.heading("Risks");
        fields::edit_button(ui, cmds, "+ Risk", "Add a risk", "add risk", move |pr| {
            let rid = pr.new_id();
            pr.product_mut(id)?.risks.push(Risk {
                id: RiskId(rid),
                kind: RiskKind::Fragile,
                note: String::new(),
            });
            Some(rid)
        });
    });
    anchor::here(ui, risks.response.rect, |t| match t {
        Target::Risk(r) => p.risks.iter().any(|x| x.id == r),
        _ => false,
    });
    egui::Grid::new(("risks", id.0))
        .num_columns(2)
        .show(ui, |ui| {
            for (i, r) in p.risks.iter().enumerate() {
                let rid = r.id;
                fields::choice(
                    ui,
                    cmds,
                    "Risk",
                    format!("risk {rid} kind"),
                    r.kind,
                    &RiskKind::ALL,
                    |k| k.label().into(),
                    move |pr, v| {
                        if let Some(x) = pr
                            .product_mut(id)
                            .and_then(|x| x.risks.iter_mut().find(|r| r.id == rid))
                        {
                            x.kind = v;
                        }
                    },
                );
                fields::text(
                    ui,
                    cmds,
                    "Note",
                    format!("risk {rid} note"),
                    &r.note,
                    move |pr, v| {
                        if let Some(x) = pr
                            .product_mut(id)
                            .and_then(|x| x.risks.iter_mut().find(|r| r.id == rid))
                        {
                            x.note = v;
                        }
                    },
                );
                ui.label("");
                ui.horizontal(|ui| {
                    super::order_ui::move_buttons(
                        ui,
                        cmds,
                        i,
                        p.risks.len(),
                        "risk",
                        move |pr, by| {
                            if let Some(x) = pr.product_mut(id) {
                                fields::shift(&mut x.risks, i, by);
                            }
                        },
                    );
                    fields::edit_button(
                        ui,
                        cmds,
                        "×",
                        "Remove this risk",
                        "remove risk",
                        move |pr| {
                            pr.product_mut(id)?.risks.retain(|r| r.id != rid);
                            None
                        },
                    );
                });
                ui.end_row();
            }
        });

    ui.add_space(10.0);
    // The photo pairs go beside the table when the panel is wide enough
    // (about 700 points for the table, 560 for the pairs), else below it.
    if ui.available_width() >= 1300.0 {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| super::compare_ui::compare_ui(ui, cmds, p));
            ui.add_space(16.0);
            ui.vertical(|ui| super::compare_ui::photo_pairs_ui(ui, photos, p));
        });
    } else {
        super::compare_ui::compare_ui(ui, cmds, p);
        super::compare_ui::photo_pairs_ui(ui, photos, p);
    }
    super::spec_ui::spec_ui(ui, cmds, p);
}
