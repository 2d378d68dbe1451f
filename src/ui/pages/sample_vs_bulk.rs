//! Sample vs bulk, side by side: one row per spec item, brief | sample |
//! bulk, each cell marked match / deviation / missing / unreadable by icon
//! and words as well as colour, the observations editable in place.

use super::calls::Called;
use crate::model::*;
use crate::rules::compare::{self, Cell, Reference};
use crate::rules::ops::Op;
use crate::rules::photo_pairs::photo_pairs;
use crate::ui::context::{Ask, Ctx, Sink};
use crate::ui::photos::Photos;
use crate::ui::photos::side_by_side::CompareView;
use crate::ui::widgets::{jump_to, theme};
use eframe::egui;

fn cell_words(cell: &Cell, call: Option<&Judgement>) -> (&'static str, String, Verdict) {
    match (call.map(|j| j.call), cell) {
        (Some(Call::Matches), _) => return ("✓", "matches (your call)".into(), Verdict::Go),
        (Some(Call::AcceptDeviation), Cell::Deviation { difference, .. }) => {
            return (
                "✓",
                format!("deviation accepted: {difference}"),
                Verdict::GoWithConditions,
            );
        }
        (Some(Call::AcceptDeviation), _) => {
            return ("✓", "accepted".into(), Verdict::GoWithConditions);
        }
        (None, _) => {}
    }
    match cell {
        Cell::Match { .. } => ("✓", "match".into(), Verdict::Go),
        Cell::Deviation { difference, .. } => {
            ("×", format!("deviation: {difference}"), Verdict::NoGo)
        }
        Cell::Missing => ("○", "missing".into(), Verdict::NotReady),
        Cell::Unreadable { problem, .. } => {
            ("⚠", format!("unreadable: {problem}"), Verdict::NotReady)
        }
    }
}

pub fn table_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, product: &Product) {
    ui.add_space(10.0);
    ui.heading("Sample vs bulk");
    let table = compare::compare_product(product);
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
                            observation_field(ui, sink, o, row.spec, side, &row.name);
                            let (icon, words, v) = cell_words(cell, call);
                            let colour = theme::verdict_colour(v, ui.visuals().dark_mode);
                            ui.colored_label(colour, format!("{icon} {words}"));
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

fn observation_field(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    o: &Order,
    spec: SpecId,
    side: &str,
    name: &str,
) {
    let value = compare::observed(o, spec).unwrap_or("");
    let key = format!("{} obs {spec}", o.id);
    let label = format!("{name} on the {side}");
    let f = crate::ui::widgets::fields::field(&label, key);
    let order = o.id;
    crate::ui::widgets::fields::inline(ui, sink, f, value, "as seen", |value| Op::Observe {
        order,
        spec,
        value,
        photo: None,
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
