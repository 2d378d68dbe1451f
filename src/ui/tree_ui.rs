//! The left panel: products and their orders, each with its verdict.

use super::app::{BulkReadyApp, Selection};
use super::fields::{self, Commands};
use super::theme;
use crate::app::{Command, Edit};
use crate::model::{Order, OrderId, OrderKind, Product, ProductId, Verdict};
use eframe::egui;

pub fn tree_ui(app: &mut BulkReadyApp, ui: &mut egui::Ui) {
    let mut cmds = Commands::new();
    let verdicts = app.verdicts();
    let Some(project) = app.session.project() else {
        return;
    };
    let product_verdict = |id: ProductId| -> Option<Verdict> {
        verdicts
            .as_ref()?
            .products
            .iter()
            .find(|g| g.product == id)
            .map(|g| g.verdict)
    };
    let order_verdict = |id: OrderId| -> Option<Verdict> {
        verdicts
            .as_ref()?
            .orders
            .iter()
            .find(|g| g.order == id)
            .map(|g| g.verdict)
    };
    let mut selection = app.selection;
    ui.horizontal(|ui| {
        ui.heading("Products");
        if ui.button("Add product").clicked() {
            cmds.push(Command::Edit(Edit::new("add product", |p| {
                let id = p.new_id();
                p.products.push(Product {
                    id: ProductId(id),
                    name: "New product".into(),
                    ..Product::default()
                });
                Some(id)
            })));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            let count = project.products.len();
            for (i, product) in project.products.iter().enumerate() {
                ui.push_id(product.id.0, |ui| {
                    ui.horizontal(|ui| {
                        let name = if product.name.is_empty() {
                            "(unnamed product)"
                        } else {
                            &product.name
                        };
                        let selected = selection == Selection::Product(product.id);
                        if ui
                            .selectable_label(selected, egui::RichText::new(name).strong())
                            .clicked()
                        {
                            selection = Selection::Product(product.id);
                        }
                        if let Some(v) = product_verdict(product.id) {
                            ui.label(theme::badge(ui, v))
                                .on_hover_text("Scale up? (sample gate)");
                        }
                    });
                    // Controls only for the product in focus: the tree stays
                    // readable, and long projects draw fast.
                    let in_focus = selection == Selection::Product(product.id)
                        || product
                            .orders
                            .iter()
                            .any(|o| selection == Selection::Order(o.id));
                    if in_focus {
                        ui.horizontal(|ui| {
                            ui.add_space(12.0);
                            let id = product.id;
                            for (kind, text) in
                                [(OrderKind::Sample, "+ Sample"), (OrderKind::Bulk, "+ Bulk")]
                            {
                                fields::edit_button(
                                    ui,
                                    &mut cmds,
                                    text,
                                    "Add an order",
                                    &format!("add {} order", kind.label()),
                                    move |p| {
                                        let oid = p.new_id();
                                        p.product_mut(id)?.orders.push(Order {
                                            id: OrderId(oid),
                                            kind,
                                            ..Order::default()
                                        });
                                        Some(oid)
                                    },
                                );
                            }
                            if i > 0 {
                                fields::edit_button(
                                    ui,
                                    &mut cmds,
                                    "↑",
                                    "Move up",
                                    "move product",
                                    move |p| {
                                        fields::shift(&mut p.products, i, -1);
                                        None
                                    },
                                );
                            }
                            if i + 1 < count {
                                fields::edit_button(
                                    ui,
                                    &mut cmds,
                                    "↓",
                                    "Move down",
                                    "move product",
                                    move |p| {
                                        fields::shift(&mut p.products, i, 1);
                                        None
                                    },
                                );
                            }
                            fields::edit_button(
                                ui,
                                &mut cmds,
                                "×",
                                "Remove product",
                                "remove product",
                                move |p| {
                                    p.products.retain(|x| x.id != id);
                                    None
                                },
                            );
                        });
                    }
                    for (j, order) in product.orders.iter().enumerate() {
                        order_row(
                            ui,
                            &mut cmds,
                            &mut selection,
                            product,
                            j,
                            order,
                            order_verdict(order.id),
                        );
                    }
                });
                ui.add_space(6.0);
            }
            if project.products.is_empty() {
                ui.label("No products yet: add one to start.");
            }
        });
    app.selection = selection;
    app.commands.extend(cmds);
}

fn order_row(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    selection: &mut Selection,
    product: &Product,
    j: usize,
    order: &Order,
    verdict: Option<Verdict>,
) {
    let pid = product.id;
    let oid = order.id;
    ui.horizontal(|ui| {
        ui.add_space(16.0);
        let number = if order.number.is_empty() {
            "(no number)"
        } else {
            &order.number
        };
        let text = format!("{} {}", order.kind.label(), number);
        if ui
            .selectable_label(*selection == Selection::Order(oid), text)
            .clicked()
        {
            *selection = Selection::Order(oid);
        }
        if let Some(v) = verdict {
            ui.label(theme::badge(ui, v))
                .on_hover_text("Ship it? (export gate)");
        }
        if *selection != Selection::Order(oid) {
            return;
        }
        if j > 0 {
            fields::edit_button(ui, cmds, "↑", "Move up", "move order", move |p| {
                fields::shift(&mut p.product_mut(pid)?.orders, j, -1);
                None
            });
        }
        if j + 1 < product.orders.len() {
            fields::edit_button(ui, cmds, "↓", "Move down", "move order", move |p| {
                fields::shift(&mut p.product_mut(pid)?.orders, j, 1);
                None
            });
        }
        fields::edit_button(ui, cmds, "×", "Remove order", "remove order", move |p| {
            p.product_mut(pid)?.orders.retain(|o| o.id != oid);
            None
        });
    });
}
