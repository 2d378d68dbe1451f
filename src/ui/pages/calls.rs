//! The buyer's call on a cell of the sample-vs-bulk table: "matches" or
//! "accept this deviation", with a note, recorded with who and when; shown
//! beside the cell, and withdrawn in one click.

use crate::model::{Call, Judgement, OrderId, SpecId};
use crate::rules::compare::Cell;
use crate::rules::ops::Op;
use crate::rules::sample_gate::judgement_words;
use crate::ui::context::{Ask, Ctx, Sink};
use eframe::egui;

/// The cell being called, and the call that settles it now (if any).
pub struct Called<'a> {
    pub order: OrderId,
    pub spec: SpecId,
    pub cell: &'a Cell,
    pub call: Option<&'a Judgement>,
    /// "sample" or "bulk".
    pub side: &'a str,
}

/// Under a deviation or an unreadable cell: the call made, or a menu to
/// make one. Nothing for a match or a missing value.
pub fn call_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, called: Called<'_>) {
    let observed = match called.cell {
        Cell::Deviation { observed, .. } | Cell::Unreadable { observed, .. } => observed,
        Cell::Match { .. } | Cell::Missing => return,
    };
    match called.call {
        Some(j) => made_ui(ui, sink, &called, j),
        None => {
            // The menu stays open while the buyer types the note.
            let config = egui::containers::menu::MenuConfig::new()
                .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
            let label = format!("Your call on the {}…", called.side);
            egui::containers::menu::MenuButton::new(label)
                .config(config)
                .ui(ui, |ui| ask_ui(ui, c, sink, &called, observed))
                .0
                .on_hover_text("Say that this matches, or accept the deviation");
        }
    }
}

fn made_ui(ui: &mut egui::Ui, sink: &mut Sink, called: &Called<'_>, j: &Judgement) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(format!("✓ {}{}", j.call.label(), judgement_words(j))).small(),
        );
        if ui
            .small_button("Withdraw call")
            .on_hover_text("Let the rules judge this value again")
            .clicked()
        {
            sink.apply(Op::Judge {
                order: called.order,
                spec: called.spec,
                judgement: None,
            });
        }
    });
}

/// The note being typed for a call, kept in the window's memory per cell.
fn note_id(called: &Called<'_>) -> egui::Id {
    egui::Id::unique(("call note", called.order.0, called.spec.0))
}

fn ask_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, called: &Called<'_>, observed: &str) {
    ui.set_min_width(260.0);
    let id = note_id(called);
    let mut note: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    let mut name: String = ui
        .data_mut(|d| d.get_temp(id.with("name")))
        .unwrap_or_else(|| c.reviewer.to_owned());
    ui.label(format!("On \u{201c}{observed}\u{201d}:"));
    let l = ui.label("Why (optional)");
    ui.text_edit_singleline(&mut note).labelled_by(l.id);
    let l = ui.label("Your name");
    ui.text_edit_singleline(&mut name).labelled_by(l.id);
    ui.data_mut(|d| {
        d.insert_temp(id, note.clone());
        d.insert_temp(id.with("name"), name.clone());
    });
    let ready = !name.trim().is_empty();
    for (call, words) in [
        (Call::Matches, "It matches"),
        (Call::AcceptDeviation, "Accept this deviation"),
    ] {
        let button = ui.add_enabled(ready, egui::Button::new(words));
        if button.clicked() {
            let judgement = Judgement {
                call,
                value: observed.to_owned(),
                note: note.trim().to_owned(),
                by: name.trim().to_owned(),
                at: chrono::Local::now().fixed_offset(),
            };
            sink.apply(Op::Judge {
                order: called.order,
                spec: called.spec,
                judgement: Some(judgement),
            });
            if name.trim() != c.reviewer {
                sink.ask(Ask::SetReviewer(name.trim().to_owned()));
            }
            ui.data_mut(|d| d.remove::<String>(id));
            ui.close();
        }
    }
    if !ready {
        ui.label("Enter your name: a call is recorded with who made it.");
    }
}
