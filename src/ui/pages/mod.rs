//! The middle panel's pages: the project (warehouse, routes), a product
//! (listing, risks, spec brief, sample vs bulk) and an order (facts,
//! parcels, observations, photos, messages, packing, route, inspection).
//! Every field is editable; every edit is an op.

mod calls;
mod inspection;
mod listing_paste;
mod messages;
mod observations;
mod order;
pub mod overview;
mod packing;
mod parcels;
mod product;
mod project;
mod risks;
mod route_decision;
mod routes;
mod sample_vs_bulk;
mod spec_brief;
mod spec_setup;

use super::context::{Ctx, Selection, Sink};
use super::photos::Photos;
use eframe::egui;

/// The page of the selection, in its own scroll area (each page keeps its
/// own scroll position for the session, and opens at its top the first
/// time). It scrolls sideways too: a wide table in a narrow window stays
/// reachable.
pub fn page_ui(
    ui: &mut egui::Ui,
    c: &Ctx<'_>,
    sink: &mut Sink,
    photos: &mut Photos,
    overview: &mut overview::OverviewPage,
) {
    let salt = match c.selection {
        Selection::None => ("page", 0u8, 0u64),
        Selection::Setup => ("page", 3, 0),
        Selection::Product(id) => ("page", 1, id.0),
        Selection::Order(id) => ("page", 2, id.0),
    };
    egui::ScrollArea::both()
        .id_salt(salt)
        .auto_shrink(false)
        .show(ui, |ui| match c.selection {
            Selection::Product(id) => match c.project.product(id) {
                Some(p) => product::product_ui(ui, c, sink, photos, p),
                None => gone(ui),
            },
            Selection::Order(id) => match c.project.order(id) {
                Some((p, o)) => order::order_ui(ui, c, sink, photos, p, o),
                None => gone(ui),
            },
            Selection::None => overview::overview_ui(ui, c, sink, overview),
            Selection::Setup => project::project_ui(ui, c, sink),
        });
}

fn gone(ui: &mut egui::Ui) {
    ui.label("This item was removed. Select another one on the left.");
}
