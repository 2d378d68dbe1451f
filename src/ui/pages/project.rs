//! The set-up page: the project's name, the warehouse's policies and the
//! routes.

use crate::model::Warehouse;
use crate::rules::Target;
use crate::rules::ops::Op;
use crate::rules::text::count;
use crate::ui::context::{Ctx, Sink};
use crate::ui::widgets::fields::{self, field};
use crate::ui::widgets::jump_to;
use eframe::egui;

pub fn project_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink) {
    let project = c.project;
    ui.heading("Warehouse & routes");
    let w = &project.warehouse;
    let with = |f: &dyn Fn(&mut Warehouse)| {
        let mut w = w.clone();
        f(&mut w);
        Op::SetWarehouse(w)
    };
    let grid = egui::Grid::new("project")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            fields::text(
                ui,
                sink,
                field("Project name", "project name"),
                &project.name,
                Op::SetProjectName,
            );
            fields::text(
                ui,
                sink,
                field("Warehouse", "warehouse name"),
                &w.name,
                |v| with(&|w| w.name = v.clone()),
            );
            fields::parsed(
                ui,
                sink,
                field("Return window (hours)", "warehouse return"),
                w.return_window_hours.to_string(),
                fields::whole,
                |v| with(&|w| w.return_window_hours = v.unwrap_or(0)),
            );
            fields::parsed(
                ui,
                sink,
                field("Free storage (days)", "warehouse storage"),
                w.free_storage_days.to_string(),
                fields::whole,
                |v| with(&|w| w.free_storage_days = v.unwrap_or(0)),
            );
        });
    jump_to::here(ui, grid.response.rect, |t| t == Target::Warehouse);
    super::routes::routes_ui(ui, sink, project);
    ui.add_space(8.0);
    let orders: usize = project.products.iter().map(|p| p.orders.len()).sum();
    ui.label(format!(
        "{}, {}, {}. Select a product or an order on the left.",
        count(project.products.len(), "product", "products"),
        count(orders, "order", "orders"),
        count(project.photos().count(), "photo", "photos"),
    ));
}
