//! The right panel: the verdict of the selected product ("Scale up?") or
//! order ("Ship it?"), the pre-shipment checklist, and every reason as a
//! link to where it is fixed.

use super::decision::{self, SignDraft};
use crate::model::{Project, Subject, Verdict};
use crate::rules::{ExportGate, Reason, Severity, Target};
use crate::ui::context::{Ask, Ctx, Selection, Sink};
use crate::ui::widgets::theme;
use eframe::egui;

/// The right panel's own state: the decision being prepared.
#[derive(Default)]
pub struct VerdictPanel {
    pub sign: SignDraft,
}

impl VerdictPanel {
    /// Draws the panel; `reviewer` is the preference the signature uses.
    pub fn ui(&mut self, ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, reviewer: &mut String) {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            let signable = match c.selection {
                Selection::Product(id) => c.derived.product(id).map(|g| {
                    ui.heading("Scale up?");
                    big_verdict(ui, g.verdict);
                    reasons_ui(ui, sink, &g.reasons);
                    (Subject::ScaleUp(g.product), g.verdict)
                }),
                Selection::Order(id) => c.derived.order(id).map(|g| {
                    ui.heading("Ship it?");
                    big_verdict(ui, g.verdict);
                    checklist_ui(ui, g);
                    reasons_ui(ui, sink, &g.reasons);
                    crate::ui::photos::codes::parcels_to_add_ui(ui, sink, &g.parcels_to_add);
                    (Subject::Ship(g.order), g.verdict)
                }),
                Selection::None | Selection::Setup => None,
            };
            match signable {
                Some((subject, computed)) => {
                    decision::decision_ui(ui, c, sink, &mut self.sign, reviewer, (subject, computed));
                }
                None => {
                    ui.heading("Go / no-go");
                    ui.label("Select a product (Scale up?) or an order (Ship it?) to see its verdict and every reason.");
                }
            }
        });
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
        let days = crate::rules::text::count(d.unsigned_abs() as usize, "day", "days");
        ui.label(if d >= 0 {
            format!("Free storage: {days} left")
        } else {
            format!("Free storage ended {days} ago")
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

fn reasons_ui(ui: &mut egui::Ui, sink: &mut Sink, reasons: &[Reason]) {
    ui.add_space(8.0);
    if reasons.is_empty() {
        ui.label("No reasons: every check passed.");
        return;
    }
    ui.label(egui::RichText::new(format!("Reasons ({})", reasons.len())).strong());
    for r in reasons {
        let word = match r.severity {
            Severity::Warns => "warning",
            Severity::Condition => "condition",
            Severity::Blocks => r.effect.label(),
        };
        let colour = match r.severity {
            Severity::Warns => ui.visuals().warn_fg_color,
            Severity::Blocks | Severity::Condition => {
                theme::verdict_colour(r.effect, ui.visuals().dark_mode)
            }
        };
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(colour, format!("{word}:"));
            if ui
                .link(&r.message)
                .on_hover_text("Go to where this is fixed")
                .clicked()
            {
                sink.ask(Ask::JumpTo(r.target));
            }
        });
    }
}

/// The tree selection that shows where a reason's target is fixed.
pub fn select_for(project: &Project, target: Target) -> Option<Selection> {
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
        | Target::PhotosNotLinked(id)
        | Target::PhotosUnchecked(id)
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
        Target::Warehouse => Some(Selection::Setup),
    }
}
