//! File → Export… (Ctrl+E): the format and what to export (the project, the
//! selected product or the selected order), then where to write it. The
//! export runs in the background with progress in the status bar; when it
//! is done the file is shown in the file manager.

use crate::model::Project;
use crate::report::{Format, Scope};
use crate::ui::context::Selection;
use eframe::egui;

/// The export window's choices, kept while the app runs.
pub struct ExportWindow {
    pub open: bool,
    pub format: Format,
    pub scope: Scope,
}

impl Default for ExportWindow {
    fn default() -> Self {
        ExportWindow {
            open: false,
            format: Format::Html,
            scope: Scope::Project,
        }
    }
}

/// The scopes offered for the current selection, with their names.
fn scopes(project: &Project, selection: Selection) -> Vec<(Scope, String)> {
    let mut out = vec![(
        Scope::Project,
        format!(
            "The whole project ({})",
            crate::rules::text::count(project.products.len(), "product", "products")
        ),
    )];
    let product = match selection {
        Selection::Product(id) => project.product(id),
        Selection::Order(id) => project.order(id).map(|(p, _)| p),
        Selection::None | Selection::Setup => None,
    };
    if let Some(p) = product {
        out.push((Scope::Product(p.id), format!("The product {}", p.name)));
    }
    if let Selection::Order(id) = selection
        && let Some((_, o)) = project.order(id)
    {
        out.push((
            Scope::Order(o.id),
            format!("The {} order {}", o.kind.label(), o.number),
        ));
    }
    out
}

/// A file name for the export: the project's name and the scope.
fn suggested_name(project: &Project, scope: Scope, format: Format) -> String {
    let what = match scope {
        Scope::Project => String::new(),
        Scope::Product(id) => project
            .product(id)
            .map(|p| format!(" - {}", p.name))
            .unwrap_or_default(),
        Scope::Order(id) => project
            .order(id)
            .map(|(_, o)| format!(" - {} {}", o.kind.label(), o.number))
            .unwrap_or_default(),
    };
    let kind = if format == Format::Brief {
        "supplier brief"
    } else {
        "decision summary"
    };
    let name: String = format!("{} {kind}{what}", project.name)
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '-' } else { c })
        .collect();
    format!("{}.{}", name.trim(), format.extension())
}

/// Where and what to export, once the buyer clicked "Export…".
pub struct ExportRequest {
    pub format: Format,
    pub scope: Scope,
    /// A file name to offer in the save dialog.
    pub suggested: String,
}

impl ExportWindow {
    /// Draws the window while it is open; returns the export asked for.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        selection: Selection,
    ) -> Option<ExportRequest> {
        if !self.open {
            return None;
        }
        let options = scopes(project, selection);
        if !options.iter().any(|(s, _)| *s == self.scope) {
            self.scope = options.last().map_or(Scope::Project, |(s, _)| *s);
        }
        let mut go = false;
        let mut cancel = false;
        let modal = egui::Modal::new(egui::Id::unique("export")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading("Export a decision summary");
            ui.add_space(6.0);
            ui.label(egui::RichText::new("Format").strong());
            for f in Format::ALL {
                ui.radio_value(&mut self.format, f, f.label());
            }
            ui.label(egui::RichText::new(describe(self.format)).small());
            ui.add_space(6.0);
            ui.label(egui::RichText::new("What").strong());
            for (scope, name) in &options {
                ui.radio_value(&mut self.scope, *scope, name);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                go = ui.button("Export…").clicked();
                cancel = ui.button("Cancel").clicked();
            });
            ui.add_space(6.0);
            copy_ui(ui, project, self.scope);
        });
        if cancel || modal.should_close() {
            self.open = false;
            return None;
        }
        go.then(|| ExportRequest {
            format: self.format,
            scope: self.scope,
            suggested: suggested_name(project, self.scope, self.format),
        })
    }
}

/// A text for the clipboard: the brief or the request.
type MakeText = fn(
    &Project,
    Scope,
    chrono::NaiveDateTime,
    crate::report::Lang,
) -> Result<String, crate::report::ScopeError>;

/// Copies the supplier brief (Chinese with English) or the warehouse's
/// photo and measurement request for what is chosen, to paste into a chat.
fn copy_ui(ui: &mut egui::Ui, project: &Project, scope: Scope) {
    let now = chrono::Local::now().naive_local();
    let lang = crate::report::Lang::Both;
    ui.label(egui::RichText::new("Or copy, to paste into a chat").strong());
    ui.horizontal_wrapped(|ui| {
        let texts: [(&str, MakeText); 2] = [
            (
                "Copy the supplier brief (中文 + English)",
                crate::report::supplier_brief,
            ),
            (
                "Copy the warehouse photo request",
                crate::report::warehouse_request,
            ),
        ];
        for (label, make) in texts {
            if ui.button(label).clicked() {
                // The scope is one of those offered for the selection, so
                // it exists: nothing to copy otherwise.
                if let Ok(text) = make(project, scope, now, lang) {
                    ui.ctx().copy_text(text);
                }
            }
        }
    });
}

fn describe(format: Format) -> &'static str {
    match format {
        Format::Html => "One file with the photos inside; opens in any browser, prints well.",
        Format::Pdf => "The same content as a PDF, with the Chinese font and photos embedded.",
        Format::Markdown => "A .md file and a folder of thumbnails beside it.",
        Format::Brief => {
            "The supplier brief: deviations with their measured values, missing confirmations and the photos to send, in Simplified Chinese with the English under each sentence."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Order, OrderId, OrderKind, Product, ProductId};

    #[test]
    fn the_scopes_follow_the_selection_and_names_are_safe_for_files() {
        let mut p = Project::new("Shop 店铺");
        p.products.push(Product {
            id: ProductId(1),
            name: "Mug/cup".into(),
            orders: vec![Order {
                id: OrderId(2),
                kind: OrderKind::Bulk,
                number: "42".into(),
                ..Order::default()
            }],
            ..Product::default()
        });
        let kinds =
            |s: Selection| -> Vec<Scope> { scopes(&p, s).into_iter().map(|x| x.0).collect() };
        assert_eq!(kinds(Selection::None), [Scope::Project]);
        assert_eq!(
            kinds(Selection::Order(OrderId(2))),
            [
                Scope::Project,
                Scope::Product(ProductId(1)),
                Scope::Order(OrderId(2))
            ]
        );
        assert_eq!(
            suggested_name(&p, Scope::Product(ProductId(1)), Format::Pdf),
            "Shop 店铺 decision summary - Mug-cup.pdf"
        );
        assert_eq!(
            suggested_name(&p, Scope::Project, Format::Brief),
            "Shop 店铺 supplier brief.txt"
        );
    }
}
