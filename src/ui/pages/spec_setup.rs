//! Less typing at set-up on the spec brief: rows from a template, or the
//! brief of another product, each added as one undo step.

use crate::model::{Product, Project};
use crate::rules::spec_templates::{self, Adding, Template};
use crate::ui::context::{Ask, Sink};
use eframe::egui;

/// "Add rows from template" and "Copy brief from another product".
pub fn spec_setup_ui(ui: &mut egui::Ui, sink: &mut Sink, project: &Project, p: &Product) {
    ui.menu_button("Add rows from template", |ui| {
        for t in Template::ALL {
            if ui.button(t.label()).clicked() {
                let adding = spec_templates::add_template(project, p.id, t);
                send(sink, adding, t.label());
                ui.close();
            }
        }
    });
    let others = spec_templates::briefs_to_copy(project, p.id);
    ui.add_enabled_ui(!others.is_empty(), |ui| {
        ui.menu_button("Copy brief from another product", |ui| {
            for other in others {
                let rows = crate::rules::text::count(other.spec.len(), "row", "rows");
                let name = shown_name(other);
                if ui.button(format!("{name} ({rows})")).clicked() {
                    let adding = spec_templates::copy_brief(project, other.id, p.id);
                    send(sink, adding, &name);
                    ui.close();
                }
            }
        })
        .response
        .on_disabled_hover_text("No other product has a spec brief yet");
    });
}

fn shown_name(p: &Product) -> String {
    if p.name.trim().is_empty() {
        format!("Product {}", p.id)
    } else {
        p.name.trim().to_string()
    }
}

fn send(sink: &mut Sink, adding: Adding, from: &str) {
    sink.ask(Ask::Notify(spec_templates::adding_message(&adding, from)));
    if let Some(op) = adding.op {
        sink.apply(op);
    }
}
