//! The right panel: the verdict of the selected product ("Scale up?") or
//! order ("Ship it?"), the pre-shipment checklist, and every reason as a
//! link to where it is fixed.

use super::app::{BulkReadyApp, Selection};
use super::theme;
use crate::model::{Project, Subject, Verdict};
use crate::rules::{ExportGate, Reason, SampleGate, Severity, Target};
use eframe::egui;

/// The gate shown: one product's or one order's (cloned: it is small).
enum Shown {
    Nothing,
    Product(SampleGate),
    Order(ExportGate),
}

pub fn verdict_ui(app: &mut BulkReadyApp, ui: &mut egui::Ui) {
    let shown = match (app.selection, app.verdicts()) {
        (Selection::Product(id), Some(v)) => v
            .products
            .iter()
            .find(|g| g.product == id)
            .cloned()
            .map(Shown::Product),
        (Selection::Order(id), Some(v)) => v
            .orders
            .iter()
            .find(|g| g.order == id)
            .cloned()
            .map(Shown::Order),
        _ => None,
    }
    .unwrap_or(Shown::Nothing);
    let mut go_to = None;
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        let sign = match &shown {
            Shown::Nothing => {
                ui.heading("Go / no-go");
                ui.label("Select a product (Scale up?) or an order (Ship it?) to see its verdict and every reason.");
                None
            }
            Shown::Product(g) => {
                ui.heading("Scale up?");
                big_verdict(ui, g.verdict);
                reasons_ui(ui, &g.reasons, &mut go_to);
                Some((Subject::ScaleUp(g.product), g.verdict))
            }
            Shown::Order(g) => {
                ui.heading("Ship it?");
                big_verdict(ui, g.verdict);
                checklist_ui(ui, g);
                reasons_ui(ui, &g.reasons, &mut go_to);
                Some((Subject::Ship(g.order), g.verdict))
            }
        };
        if let Some((subject, computed)) = sign {
            super::decision_ui::decision_ui(app, ui, subject, computed);
        }
    });
    if let Some(target) = go_to
        && let Some(selection) = select_for(app.session.project(), target)
    {
        app.selection = selection;
        app.viewer = None;
        app.compare = None;
        if matches!(target, Target::Photo(_)) {
            // The grid's filter could hide the photo.
            app.photo_filter = Default::default();
        }
        super::anchor::request(ui.ctx(), target);
    }
}

fn checklist_ui(ui: &mut egui::Ui, g: &ExportGate) {
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Pre-shipment checklist").strong());
    for item in &g.checklist {
        let (mark, colour) = if item.ticked {
            (
                "✓",
                theme::verdict_colour(Verdict::Go, ui.visuals().dark_mode),
            )
        } else {
            (
                "○",
                theme::verdict_colour(item.state, ui.visuals().dark_mode),
            )
        };
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(colour, mark);
            ui.label(item.label);
        });
    }
    if let Some(m) = g.deadlines.return_minutes_left {
        ui.add_space(6.0);
        ui.label(if m > 0 {
            format!("Return window closes in {} h {} min", m / 60, m % 60)
        } else {
            "Return window closed".into()
        });
    }
    if let Some(d) = g.deadlines.free_storage_days_left {
        ui.label(if d >= 0 {
            format!("Free storage: {d} days left")
        } else {
            format!("Free storage ended {} days ago", -d)
        });
    }
}

fn big_verdict(ui: &mut egui::Ui, v: Verdict) {
    let colour = theme::verdict_colour(v, ui.visuals().dark_mode);
    ui.label(
        egui::RichText::new(format!(
            "{}  {}",
            theme::verdict_icon(v),
            theme::verdict_word(v)
        ))
        .size(28.0)
        .strong()
        .color(colour),
    );
}

fn reasons_ui(ui: &mut egui::Ui, reasons: &[Reason], go_to: &mut Option<Target>) {
    ui.add_space(8.0);
    if reasons.is_empty() {
        ui.label("No reasons: every check passed.");
        return;
    }
    ui.label(egui::RichText::new(format!("Reasons ({})", reasons.len())).strong());
    for r in reasons {
        let word = match r.severity {
            Severity::Warns => "warning",
            Severity::Blocks => r.effect.label(),
        };
        let colour = match r.severity {
            Severity::Warns => ui.visuals().warn_fg_color,
            Severity::Blocks => theme::verdict_colour(r.effect, ui.visuals().dark_mode),
        };
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(colour, format!("{word}:"));
            if ui
                .link(&r.message)
                .on_hover_text("Go to where this is fixed")
                .clicked()
            {
                *go_to = Some(r.target);
            }
        });
    }
}

/// The tree selection that shows where a reason's target is fixed.
pub fn select_for(project: Option<&Project>, target: Target) -> Option<Selection> {
    let project = project?;
    let order_of = |pred: &dyn Fn(&crate::model::Order) -> bool| {
        project
            .products
            .iter()
            .flat_map(|p| &p.orders)
            .find(|o| pred(o))
            .map(|o| Selection::Order(o.id))
    };
    let product_of = |pred: &dyn Fn(&crate::model::Product) -> bool| {
        project
            .products
            .iter()
            .find(|p| pred(p))
            .map(|p| Selection::Product(p.id))
    };
    match target {
        Target::Product(id) | Target::Listing(id) => Some(Selection::Product(id)),
        Target::Order(id)
        | Target::OrderVariant(id)
        | Target::Photos(id)
        | Target::Parcels(id)
        | Target::Messages(id)
        | Target::Packing(id)
        | Target::Route(id)
        | Target::Inspection(id) => Some(Selection::Order(id)),
        Target::SpecRow(id) => product_of(&|p| p.spec.iter().any(|s| s.id == id)),
        Target::Risk(id) => product_of(&|p| p.risks.iter().any(|r| r.id == id)),
        Target::Photo(id) => order_of(&|o| o.photos.iter().any(|x| x.id == id)),
        Target::Parcel(id) => order_of(&|o| o.parcels.iter().any(|x| x.id == id)),
        Target::Message(id) => order_of(&|o| o.messages.iter().any(|x| x.id == id)),
        Target::Warehouse => Some(Selection::None),
    }
}
