//! The middle panel: the selected product or order, every field editable.

use super::app::{BulkReadyApp, Selection};
use super::fields::{self, Commands};
use eframe::egui;

pub fn editor_ui(app: &mut BulkReadyApp, ui: &mut egui::Ui) {
    let mut cmds = Commands::new();
    let selection = app.selection;
    let mut add_to = None;
    let mut open = None;
    let mut compare = None;
    let mut photos = super::photo_list_ui::PhotoUi {
        textures: &mut app.textures,
        wanted: &mut app.wanted_thumbs,
        add_to: &mut add_to,
        open: &mut open,
        filter: &mut app.photo_filter,
        compare: &mut compare,
    };
    let Some(project) = app.session.project() else {
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| match selection {
            Selection::Product(id) => match project.product(id) {
                Some(p) => super::product_ui::product_ui(ui, &mut cmds, &mut photos, p),
                None => gone(ui),
            },
            Selection::Order(id) => match project.order(id) {
                Some((p, o)) => {
                    super::order_ui::order_ui(ui, &mut cmds, &mut photos, project, p, o)
                }
                None => gone(ui),
            },
            Selection::None => project_ui(ui, &mut cmds, project),
        });
    app.commands.extend(cmds);
    if let Some((order, folder)) = add_to {
        app.add_photos(order, folder);
    }
    if let Some((order, photo)) = open {
        app.viewer = Some(super::viewer_ui::Viewer::new(order, photo));
    }
    if compare.is_some() {
        app.compare = compare;
    }
}

fn gone(ui: &mut egui::Ui) {
    ui.label("This item was removed. Select another one on the left.");
}

fn project_ui(ui: &mut egui::Ui, cmds: &mut Commands, project: &crate::model::Project) {
    ui.heading("Project");
    let grid = egui::Grid::new("project")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            fields::text(
                ui,
                cmds,
                "Project name",
                "project name".into(),
                &project.name,
                |p, v| p.name = v,
            );
            fields::text(
                ui,
                cmds,
                "Warehouse",
                "warehouse name".into(),
                &project.warehouse.name,
                |p, v| {
                    p.warehouse.name = v;
                },
            );
            fields::parsed(
                ui,
                cmds,
                "Return window (hours)",
                "warehouse return".into(),
                project.warehouse.return_window_hours.to_string(),
                fields::number::<u32>,
                |p, v| p.warehouse.return_window_hours = v.unwrap_or(0),
            );
            fields::parsed(
                ui,
                cmds,
                "Free storage (days)",
                "warehouse storage".into(),
                project.warehouse.free_storage_days.to_string(),
                fields::number::<u32>,
                |p, v| p.warehouse.free_storage_days = v.unwrap_or(0),
            );
        });
    super::anchor::here(ui, grid.response.rect, |t| {
        t == crate::rules::Target::Warehouse
    });
    super::routes_ui::routes_ui(ui, cmds, project);
    ui.add_space(8.0);
    ui.label(format!(
        "{} products, {} orders, {} photos. Select a product or an order on the left.",
        project.products.len(),
        project
            .products
            .iter()
            .map(|p| p.orders.len())
            .sum::<usize>(),
        project.photos().count()
    ));
}
