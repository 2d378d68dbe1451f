//! Sample vs bulk, side by side: one row per spec item, brief | sample |
//! bulk, each cell marked match / deviation / missing / unreadable by icon
//! and words as well as colour, the observations editable in place.

use super::calls::Called;
use crate::model::*;
use crate::rules::compare::{self, Reference};
use crate::rules::photo_pairs::photo_pairs;
use crate::ui::context::{Ask, Ctx, Sink};
use crate::ui::photos::Photos;
use crate::ui::photos::side_by_side::CompareView;
use crate::ui::widgets::{jump_to, observation};
use eframe::egui;

pub fn table_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, product: &Product) {
    ui.add_space(10.0);
    ui.heading("Sample vs bulk");
    let computed;
    let table = match c.derived.comparison(product.id) {
        Some(t) => t,
        None => {
            computed = compare::compare_product(product);
            &computed
        }
    };
    let order = |id: Option<OrderId>| id.and_then(|id| product.orders.iter().find(|o| o.id == id));
    let (sample, bulk) = (order(table.sample_order), order(table.bulk_order));
    let title = |o: Option<&Order>, kind: &str| match o {
        Some(o) => format!("{kind} {}", o.number),
        None => format!("(no {kind} order)"),
    };
    let reference = match table.rows.iter().find_map(|r| match r.bulk_reference {
        Reference::AcceptedSample(id) => Some(id),
        Reference::Brief => None,
    }) {
        Some(_) => {
            "The bulk is judged against the accepted sample where it has a value, else the brief."
        }
        None => "The bulk is judged against the brief (no sample is accepted yet).",
    };
    ui.label(reference);
    if table.rows.is_empty() {
        ui.label("Write the spec brief first.");
        return;
    }
    egui::Grid::new(("compare", product.id.0))
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            ui.label(egui::RichText::new("Spec").strong());
            ui.label(egui::RichText::new("Brief").strong());
            ui.label(egui::RichText::new(title(sample, "sample")).strong());
            ui.label(egui::RichText::new(title(bulk, "bulk")).strong());
            ui.end_row();
            for row in &table.rows {
                let name = if row.critical {
                    format!("{} (critical)", row.name)
                } else {
                    row.name.clone()
                };
                let spec = row.spec;
                let shown = ui.label(name);
                jump_to::here(ui, shown.rect, |t| t == crate::rules::Target::SpecRow(spec));
                ui.label(&row.brief);
                let cells = [
                    (sample, &row.sample, row.sample_call.as_ref(), "sample"),
                    (bulk, &row.bulk, row.bulk_call.as_ref(), "bulk"),
                ];
                for (o, cell, call, side) in cells {
                    ui.vertical(|ui| match o {
                        None => {
                            ui.label("—");
                        }
                        Some(o) => {
                            let label = format!("{} on the {side}", row.name);
                            observation::field_ui(ui, sink, o, row.spec, None, &label);
                            observation::verdict_ui(ui, cell, call);
                            let called = Called {
                                order: o.id,
                                spec,
                                cell,
                                call,
                                side,
                            };
                            super::calls::call_ui(ui, c, sink, called);
                            if let Some(r) = crate::rules::colour::reading_of(o, row.spec) {
                                ui.label(format!("Colour, photo estimate: {}", r.summary()));
                            }
                        }
                    });
                }
                ui.end_row();
            }
        });
}

/// Sample and bulk photos paired by what they show; each pair opens the
/// side-by-side compare view with the sample pinned as the reference.
pub fn photo_pairs_ui(ui: &mut egui::Ui, sink: &mut Sink, photos: &mut Photos, product: &Product) {
    let (Some(sample), Some(bulk)) = (compare::sample_order(product), compare::bulk_order(product))
    else {
        return;
    };
    ui.add_space(10.0);
    ui.heading("Sample vs bulk photos");
    let pairs = photo_pairs(sample, bulk);
    if pairs.is_empty() {
        ui.label(
            "No pairs yet: tag the sample's and the bulk's photos (item, label, packaging…) to pair them.",
        );
        return;
    }
    let size = egui::vec2(120.0, 90.0);
    egui::Grid::new(("photo pairs", product.id.0))
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            ui.label(egui::RichText::new("Shows").strong());
            ui.label(egui::RichText::new(format!("sample {}", sample.number)).strong());
            ui.label(egui::RichText::new(format!("bulk {}", bulk.number)).strong());
            ui.end_row();
            for pair in pairs {
                ui.label(pair.tag.label());
                for (order, id) in [(sample, pair.sample), (bulk, pair.bulk)] {
                    let Some(photo) = order.photos.iter().find(|p| p.id == id) else {
                        ui.label("—");
                        continue;
                    };
                    match photos.caches.textures.get(id) {
                        Some(Ok(t)) => {
                            ui.add(egui::Image::new(t).max_size(size).alt_text(format!(
                                "{} {}",
                                order.kind.label(),
                                photo.file.original_name
                            )));
                        }
                        Some(Err(why)) => {
                            ui.colored_label(ui.visuals().warn_fg_color, why.to_string());
                        }
                        None => {
                            photos.caches.wanted.push((id, photo.file.clone()));
                            ui.allocate_ui(size, |ui| {
                                ui.set_min_size(size);
                                ui.spinner();
                            });
                        }
                    }
                }
                if ui
                    .button(format!("Compare {} side by side", pair.tag.label()))
                    .clicked()
                {
                    sink.ask(Ask::Compare(Box::new(CompareView::new(
                        (sample.id, pair.sample),
                        (bulk.id, pair.bulk),
                        Some(pair.tag),
                    ))));
                }
                ui.end_row();
            }
        });
}
