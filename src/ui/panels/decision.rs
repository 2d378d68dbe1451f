//! Signing the verdict of the selected product or order, and its decision
//! log (stale entries marked).

use crate::app::sign;
use crate::model::{Subject, Verdict};
use crate::rules::decisions;
use crate::ui::context::{Ctx, Sink};
use crate::ui::widgets::theme;
use eframe::egui;

/// What the buyer is about to sign (kept while the subject stays selected).
#[derive(Default)]
pub struct SignDraft {
    subject: Option<Subject>,
    /// The verdict the rules gave when the draft started.
    computed: Option<Verdict>,
    verdict: Option<Verdict>,
    reason: String,
}

pub fn decision_ui(
    ui: &mut egui::Ui,
    c: &Ctx<'_>,
    sink: &mut Sink,
    draft: &mut SignDraft,
    reviewer: &mut String,
    (subject, computed): (Subject, Verdict),
) {
    if draft.subject != Some(subject) || draft.computed != Some(computed) {
        // A new subject, or the rules changed their mind: the form starts
        // again from the computed verdict (never a stale "override").
        *draft = SignDraft {
            subject: Some(subject),
            computed: Some(computed),
            ..SignDraft::default()
        };
    }
    ui.add_space(10.0);
    ui.separator();
    ui.label(egui::RichText::new("Sign the decision").strong());
    let signed = draft.verdict.unwrap_or(computed);
    egui::Grid::new("sign").num_columns(2).show(ui, |ui| {
        let l = ui.label("Reviewer");
        ui.text_edit_singleline(reviewer).labelled_by(l.id);
        ui.end_row();
        let l = ui.label("Verdict");
        let mut chosen = signed;
        egui::ComboBox::from_id_salt("signed verdict")
            .selected_text(theme::verdict_word(chosen))
            .show_ui(ui, |ui| {
                for v in [
                    Verdict::Go,
                    Verdict::GoWithConditions,
                    Verdict::NotReady,
                    Verdict::NoGo,
                ] {
                    ui.selectable_value(&mut chosen, v, theme::verdict_word(v));
                }
            })
            .response
            .labelled_by(l.id);
        if chosen != signed {
            draft.verdict = Some(chosen);
        }
        ui.end_row();
        let l = ui.label("Reason");
        let hint = if signed == computed {
            "optional"
        } else {
            "required: why override the rules?"
        };
        ui.add(
            egui::TextEdit::multiline(&mut draft.reason)
                .desired_rows(2)
                .hint_text(hint),
        )
        .labelled_by(l.id);
        ui.end_row();
    });
    sign_button_ui(ui, sink, draft, reviewer, (subject, computed, signed));
    log_ui(ui, c, subject);
}

fn sign_button_ui(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    draft: &mut SignDraft,
    reviewer: &str,
    (subject, computed, signed): (Subject, Verdict, Verdict),
) {
    let check = decisions::check_signature(Some(computed), signed, reviewer, &draft.reason);
    let button = if signed == computed {
        format!("Sign {}", theme::verdict_word(signed))
    } else {
        format!("Sign {} (override)", theme::verdict_word(signed))
    };
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(check.is_ok(), egui::Button::new(button))
            .clicked()
        {
            let at = chrono::Local::now().fixed_offset();
            sink.command(sign::sign(
                subject,
                signed,
                reviewer.to_owned(),
                draft.reason.clone(),
                at,
            ));
            draft.reason.clear();
            draft.verdict = None;
        }
        if let Err(why) = &check {
            ui.colored_label(ui.visuals().warn_fg_color, format!("To sign: {why}."));
        }
    });
}

fn log_ui(ui: &mut egui::Ui, c: &Ctx<'_>, subject: Subject) {
    let entries: Vec<_> = c
        .project
        .decisions
        .iter()
        .filter(|d| d.subject == subject)
        .collect();
    ui.add_space(6.0);
    ui.label(egui::RichText::new(format!("Decision log ({})", entries.len())).strong());
    for d in entries.iter().rev() {
        let colour = theme::verdict_colour(d.signed, ui.visuals().dark_mode);
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(colour, theme::verdict_word(d.signed));
            let computed = if d.signed == d.computed {
                String::new()
            } else {
                format!(" (rules said {})", theme::verdict_word(d.computed))
            };
            ui.label(format!("{} · {}{computed}", d.time.format("%Y-%m-%d %H:%M"), d.reviewer));
            if c.derived.is_stale(d.id) {
                ui.colored_label(ui.visuals().warn_fg_color, "stale: the evidence changed since")
                    .on_hover_text("Something this decision rests on was edited after it was signed: check and sign again.");
            }
        });
        if !d.reason.is_empty() {
            ui.label(format!("  \u{201c}{}\u{201d}", d.reason));
        }
        for (i, condition) in d.conditions.iter().enumerate() {
            ui.label(egui::RichText::new(format!("  condition {}: {condition}", i + 1)).small());
        }
    }
}
