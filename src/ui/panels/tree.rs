//! The left panel: products and their orders, each with its verdict. The
//! actions on the selection sit in a bar above the list, so selecting
//! never moves a row under the pointer; each row also has them in its
//! context menu. Only the rows on screen are laid out.

use crate::model::{Order, OrderKind, Product};
use crate::rules::ops::Op;
use crate::ui::context::{Ask, Ctx, Selection, Sink};
use crate::ui::widgets::theme;
use eframe::egui;

/// A row of the tree: a product, or one of its orders.
#[derive(Clone, Copy)]
enum Row {
    Product(usize),
    Order(usize, usize),
}

pub fn tree_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink) {
    for (selection, text) in [
        (Selection::None, "Overview"),
        (Selection::Setup, "Warehouse & routes"),
    ] {
        if ui
            .selectable_label(c.selection == selection, text)
            .clicked()
        {
            sink.ask(Ask::Select(selection));
        }
    }
    ui.separator();
    ui.horizontal(|ui| {
        ui.heading("Products");
        if ui.button("Add product").clicked() {
            sink.apply(Op::NewProduct {
                name: "New product".into(),
            });
        }
    });
    actions_ui(ui, c, sink);
    ui.separator();
    if c.project.products.is_empty() {
        ui.label("No products yet: add one to start.");
        return;
    }
    let rows: Vec<Row> = c
        .project
        .products
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            std::iter::once(Row::Product(i))
                .chain((0..p.orders.len()).map(move |j| Row::Order(i, j)))
        })
        .collect();
    let height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("tree")
        .auto_shrink(false)
        .show_rows(ui, height, rows.len(), |ui, range| {
            for row in &rows[range] {
                match *row {
                    Row::Product(i) => product_row_ui(ui, c, sink, &c.project.products[i]),
                    Row::Order(i, j) => {
                        let p = &c.project.products[i];
                        order_row_ui(ui, c, sink, p, &p.orders[j]);
                    }
                }
            }
        });
}

fn product_row_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, product: &Product) {
    ui.horizontal(|ui| {
        let name = if product.name.is_empty() {
            "(unnamed product)"
        } else {
            &product.name
        };
        let selected = c.selection == Selection::Product(product.id);
        let r = ui.selectable_label(selected, egui::RichText::new(name).strong());
        if r.clicked() {
            sink.ask(Ask::Select(Selection::Product(product.id)));
        }
        r.context_menu(|ui| product_menu_ui(ui, c, sink, product));
        if let Some(g) = c.derived.product(product.id) {
            ui.label(theme::badge(ui, g.verdict))
                .on_hover_text("Scale up? (sample gate)");
        }
    });
}

fn order_row_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, product: &Product, order: &Order) {
    ui.horizontal(|ui| {
        ui.add_space(16.0);
        let number = if order.number.is_empty() {
            "(no number)"
        } else {
            &order.number
        };
        let text = format!("{} {}", order.kind.label(), number);
        let r = ui.selectable_label(c.selection == Selection::Order(order.id), text);
        if r.clicked() {
            sink.ask(Ask::Select(Selection::Order(order.id)));
        }
        r.context_menu(|ui| order_menu_ui(ui, c, sink, product, order));
        if let Some(g) = c.derived.order(order.id) {
            ui.label(theme::badge(ui, g.verdict))
                .on_hover_text("Ship it? (export gate)");
        }
    });
}

/// The bar of actions on the selected product or order.
fn actions_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink) {
    let project = c.project;
    ui.horizontal_wrapped(|ui| match c.selection {
        Selection::Product(id) => {
            if let Some(p) = project.product(id) {
                product_actions_ui(ui, c, sink, p);
            }
        }
        Selection::Order(id) => {
            if let Some((p, o)) = project.order(id) {
                order_actions_ui(ui, sink, p, o);
            }
        }
        Selection::None | Selection::Setup => {
            ui.label("Select a product or an order.");
        }
    });
}

fn product_actions_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, p: &Product) {
    let id = p.id;
    for (kind, text) in [
        (OrderKind::Sample, "+ Sample order"),
        (OrderKind::Bulk, "+ Bulk order"),
    ] {
        if ui.button(text).clicked() {
            sink.apply(Op::NewOrder { product: id, kind });
        }
    }
    let i = c
        .project
        .products
        .iter()
        .position(|x| x.id == id)
        .unwrap_or(0);
    let len = c.project.products.len();
    if ui
        .add_enabled(i > 0, egui::Button::new("↑"))
        .on_hover_text("Move the product up")
        .clicked()
    {
        sink.apply(Op::MoveProduct { id, to: i - 1 });
    }
    if ui
        .add_enabled(i + 1 < len, egui::Button::new("↓"))
        .on_hover_text("Move the product down")
        .clicked()
    {
        sink.apply(Op::MoveProduct { id, to: i + 1 });
    }
    if ui.button("Remove product…").clicked() {
        sink.remove(
            format!("Remove product \u{201c}{}\u{201d}", p.name),
            Op::RemoveProduct(id),
        );
    }
}

fn order_actions_ui(ui: &mut egui::Ui, sink: &mut Sink, p: &Product, o: &Order) {
    let id = o.id;
    let j = p.orders.iter().position(|x| x.id == id).unwrap_or(0);
    if ui
        .add_enabled(j > 0, egui::Button::new("↑"))
        .on_hover_text("Move the order up")
        .clicked()
    {
        sink.apply(Op::MoveOrder { id, to: j - 1 });
    }
    let more = j + 1 < p.orders.len();
    if ui
        .add_enabled(more, egui::Button::new("↓"))
        .on_hover_text("Move the order down")
        .clicked()
    {
        sink.apply(Op::MoveOrder { id, to: j + 1 });
    }
    if ui.button("Remove order…").clicked() {
        sink.remove(remove_order_title(o), Op::RemoveOrder(id));
    }
}

fn remove_order_title(o: &Order) -> String {
    format!("Remove {} order {}", o.kind.label(), o.number)
}

fn product_menu_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, p: &Product) {
    if c.selection != Selection::Product(p.id) {
        sink.ask(Ask::Select(Selection::Product(p.id)));
    }
    product_actions_ui(ui, c, sink, p);
}

fn order_menu_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, p: &Product, o: &Order) {
    if c.selection != Selection::Order(o.id) {
        sink.ask(Ask::Select(Selection::Order(o.id)));
    }
    order_actions_ui(ui, sink, p, o);
}
