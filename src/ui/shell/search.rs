//! Find (Ctrl+F): a box over the window that searches the project as the
//! buyer types (order, tracking number, seller, product, listing id); a
//! click or Enter goes to the hit, Escape closes it. Hits are found once
//! per query and document version, not per frame.

use crate::rules::search::{Hit, search};
use crate::ui::context::{Ask, Ctx, Sink};
use eframe::egui;

/// At most this many hits are listed.
const LIMIT: usize = 50;

#[derive(Default)]
pub struct SearchBox {
    pub open: bool,
    query: String,
    /// Focus the field on the next frame (just opened).
    focus: bool,
    hits: Vec<Hit>,
    /// The (query, document version) the hits are for.
    found_for: Option<(String, u64)>,
}

impl SearchBox {
    pub fn show(&mut self) {
        self.open = true;
        self.focus = true;
    }

    fn refresh(&mut self, c: &Ctx<'_>) {
        let key = (self.query.clone(), c.version);
        if self.found_for.as_ref() != Some(&key) {
            self.hits = search(c.project, &self.query, LIMIT);
            self.found_for = Some(key);
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context, c: &Ctx<'_>, sink: &mut Sink) {
        if !self.open {
            return;
        }
        let mut go_to = None;
        let mut open = true;
        egui::Window::new("Find")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 48.0))
            .default_width(420.0)
            .show(ctx, |ui| go_to = self.contents_ui(ui, c));
        if let Some(hit) = go_to {
            sink.ask(Ask::JumpTo(hit.target));
            open = false;
        }
        if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            open = false;
        }
        self.open = open;
    }

    /// The field and the hits; returns the hit chosen.
    fn contents_ui(&mut self, ui: &mut egui::Ui, c: &Ctx<'_>) -> Option<Hit> {
        let field = egui::TextEdit::singleline(&mut self.query)
            .hint_text("order, tracking number, seller, product, listing id, photo")
            .desired_width(400.0);
        let l = ui.label("Search the project");
        let r = ui.add(field).labelled_by(l.id);
        if std::mem::take(&mut self.focus) {
            r.request_focus();
        }
        self.refresh(c);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if enter && let Some(first) = self.hits.first() {
            return Some(first.clone());
        }
        if self.query.trim().is_empty() {
            return None;
        }
        if self.hits.is_empty() {
            ui.label("Nothing found.");
            return None;
        }
        let mut chosen = None;
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for hit in &self.hits {
                    let text = format!("{} {} — {}", hit.kind.label(), hit.text, hit.place);
                    if ui.link(text).clicked() {
                        chosen = Some(hit.clone());
                    }
                }
            });
        if self.hits.len() == LIMIT {
            ui.weak(format!("The first {LIMIT} hits: type more to narrow them."));
        }
        chosen
    }
}
