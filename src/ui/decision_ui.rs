//! Signing the verdict of the selected product or order, and its decision
//! log (stale entries marked).

use super::app::BulkReadyApp;
use super::theme;
use crate::app::{Command, sign};
use crate::model::{Subject, Verdict};
use crate::rules::decisions;
use eframe::egui;

/// What the buyer is about to sign (kept while the subject stays selected).
#[derive(Default)]
pub struct SignDraft {
    subject: Option<Subject>,
    verdict: Option<Verdict>,
    reason: String,
}

pub fn decision_ui(app: &mut BulkReadyApp, ui: &mut egui::Ui, subject: Subject, computed: Verdict) {
    if app.sign.subject != Some(subject) {
        app.sign = SignDraft {
            subject: Some(subject),
            ..SignDraft::default()
        };
    }
    ui.add_space(10.0);
    ui.separator();
    ui.label(egui::RichText::new("Sign the decision").strong());
    let signed = app.sign.verdict.unwrap_or(computed);
    egui::Grid::new("sign").num_columns(2).show(ui, |ui| {
        let l = ui.label("Reviewer");
        ui.text_edit_singleline(&mut app.prefs.reviewer)
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label("Verdict");
        let mut chosen = signed;
        egui::ComboBox::from_id_salt("signed verdict")
            .selected_text(theme::verdict_word(chosen))
            .show_ui(ui, |ui| {
                for v in [Verdict::Go, Verdict::NotReady, Verdict::NoGo] {
                    ui.selectable_value(&mut chosen, v, theme::verdict_word(v));
                }
            })
            .response
            .labelled_by(l.id);
        app.sign.verdict = Some(chosen);
        ui.end_row();
        let l = ui.label("Reason");
        ui.add(
            egui::TextEdit::multiline(&mut app.sign.reason)
                .desired_rows(2)
                .hint_text(if signed == computed {
                    "optional"
                } else {
                    "required: why override the rules?"
                }),
        )
        .labelled_by(l.id);
        ui.end_row();
    });
    let check = decisions::check_signature(
        Some(computed),
        signed,
        &app.prefs.reviewer,
        &app.sign.reason,
    );
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
            let edit = sign::sign(
                subject,
                signed,
                app.prefs.reviewer.clone(),
                app.sign.reason.clone(),
                at,
            );
            app.push(Command::Edit(edit));
            app.sign.reason.clear();
            app.sign.verdict = None;
        }
        if let Err(why) = &check {
            ui.colored_label(ui.visuals().warn_fg_color, format!("To sign: {why}."));
        }
    });
    log_ui(app, ui, subject);
}

fn log_ui(app: &BulkReadyApp, ui: &mut egui::Ui, subject: Subject) {
    let Some(project) = app.session.project() else {
        return;
    };
    let entries: Vec<_> = project
        .decisions
        .iter()
        .filter(|d| d.subject == subject)
        .collect();
    ui.add_space(6.0);
    ui.label(egui::RichText::new(format!("Decision log ({})", entries.len())).strong());
    for d in entries.iter().rev() {
        let stale = decisions::is_stale(project, d);
        let colour = theme::verdict_colour(d.signed, ui.visuals().dark_mode);
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(colour, theme::verdict_word(d.signed));
            let computed = if d.signed == d.computed {
                String::new()
            } else {
                format!(" (rules said {})", theme::verdict_word(d.computed))
            };
            ui.label(format!("{} · {}{computed}", d.time.format("%Y-%m-%d %H:%M"), d.reviewer));
            if stale {
                ui.colored_label(ui.visuals().warn_fg_color, "stale: the evidence changed since")
                    .on_hover_text("Something this decision rests on was edited after it was signed: check and sign again.");
            }
        });
        if !d.reason.is_empty() {
            ui.label(format!("  “{}”", d.reason));
        }
    }
}
