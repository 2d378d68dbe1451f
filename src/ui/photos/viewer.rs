//! The photo viewer: one photo large (decoded in the background, within the
//! GPU's texture limit), zoom and pan, previous/next, and beside it what the
//! photo is checked against, with the four checks settable by keyboard.

use super::Caches;
use super::canvas::{self, Gesture, MarkKind, ZoomPan};
use super::marks;
use crate::model::*;
use crate::rules::ops::{Op, PhotoFacts};
use crate::ui::context::{Ask, Ctx, Sink};
use eframe::egui;

/// Which photo is open, and how it is zoomed.
pub struct Viewer {
    pub order: OrderId,
    pub photo: PhotoId,
    view: ZoomPan,
    /// The mark a drag draws; `None`: dragging pans.
    pub tool: Option<MarkKind>,
    /// The label the next mark gets.
    pub label: String,
    /// Where the mark being drawn started (normalised).
    pub(super) drag_from: Option<egui::Pos2>,
    /// "100%" was asked for; applied where the area's size is known.
    want_actual_size: bool,
}

impl Viewer {
    pub fn new(order: OrderId, photo: PhotoId) -> Self {
        Viewer {
            order,
            photo,
            view: ZoomPan::default(),
            tool: None,
            label: String::new(),
            drag_from: None,
            want_actual_size: false,
        }
    }
}

/// The check a number key cycles, and the next state.
const CHECK_KEYS: [(egui::Key, &str); 4] = [
    (egui::Key::Num1, "model"),
    (egui::Key::Num2, "quantity"),
    (egui::Key::Num3, "accessories"),
    (egui::Key::Num4, "damage"),
];

fn next(c: Check) -> Check {
    match c {
        Check::Unchecked => Check::Pass,
        Check::Pass => Check::Fail,
        Check::Fail => Check::Unchecked,
    }
}

/// The op setting one of `photo`'s checks.
fn checked(photo: &Photo, f: impl FnOnce(&mut Checks)) -> Op {
    let mut facts = PhotoFacts::of(photo);
    f(&mut facts.checks);
    Op::SetPhoto(photo.id, facts)
}

fn set_check(checks: &mut Checks, which: &str, value: Check) {
    match which {
        "model" => checks.model = value,
        "quantity" => checks.quantity = value,
        "accessories" => checks.accessories = value,
        _ => checks.damage = value,
    }
}

/// What a frame of the viewer asks for besides ops.
#[derive(Default)]
struct Moves {
    go: isize,
    close: bool,
}

impl Viewer {
    pub fn ui(&mut self, ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, caches: &mut Caches) {
        let Some((product, order)) = c.project.order(self.order) else {
            sink.ask(Ask::CloseViewer);
            return;
        };
        let Some(index) = order.photos.iter().position(|p| p.id == self.photo) else {
            sink.ask(Ask::CloseViewer);
            return;
        };
        let photo = &order.photos[index];
        let mut moves = Moves::default();
        if !ui.memory(|m| m.focused().is_some()) {
            self.keys_ui(ui, sink, photo, &mut moves);
        }
        self.bar_ui(ui, sink, (product, order), index, &mut moves);
        marks::toolbar(ui, self);
        ui.separator();
        let info_width = 330.0;
        let avail = ui.available_size();
        ui.horizontal_top(|ui| {
            let area = egui::vec2((avail.x - info_width - 12.0).max(100.0), avail.y);
            let rect = self.canvas_ui(ui, sink, caches, photo, area);
            if c.changed_photos.contains(&photo.id) {
                canvas::paint_changed(ui, rect);
            }
            ui.vertical(|ui| {
                ui.set_width(info_width);
                egui::ScrollArea::vertical()
                    .id_salt("viewer info")
                    .show(ui, |ui| {
                        info_ui(ui, order, photo);
                        super::photo_rows::rows_ui(ui, c, sink, (product, order), photo);
                        marks::marks_list(ui, sink, photo);
                        super::codes::codes_ui(ui, c, sink, order.id, photo);
                    });
            });
        });
        if moves.close {
            sink.ask(Ask::CloseViewer);
        } else if let Some(next) = index
            .checked_add_signed(moves.go)
            .filter(|_| moves.go != 0)
            .and_then(|j| order.photos.get(j))
        {
            *self = Viewer::new(order.id, next.id);
        }
    }

    /// Keys: arrows move, 1–4 cycle a check, P passes all four, F fits,
    /// 0 shows 100%, R/E/A pick a mark tool, Escape drops the tool or goes
    /// back (not while a text field has focus).
    fn keys_ui(&mut self, ui: &mut egui::Ui, sink: &mut Sink, photo: &Photo, moves: &mut Moves) {
        ui.input_mut(|i| {
            let mut key = |k| i.consume_key(egui::Modifiers::NONE, k);
            if key(egui::Key::ArrowRight) {
                moves.go = 1;
            }
            if key(egui::Key::ArrowLeft) {
                moves.go = -1;
            }
            if key(egui::Key::Escape) {
                if self.tool.is_some() {
                    self.tool = None;
                } else {
                    moves.close = true;
                }
            }
            if key(egui::Key::F) {
                self.view = ZoomPan::default();
            }
            if key(egui::Key::W) {
                sink.ask(Ask::ToggleWholeWindow);
            }
            if key(egui::Key::Plus) || key(egui::Key::Equals) {
                self.view.zoom_at(1.25, egui::Vec2::ZERO);
            }
            if key(egui::Key::Minus) {
                self.view.zoom_at(0.8, egui::Vec2::ZERO);
            }
            if key(egui::Key::Num0) {
                self.want_actual_size = true;
            }
            for (k, kind) in [
                (egui::Key::R, MarkKind::Rect),
                (egui::Key::E, MarkKind::Ellipse),
                (egui::Key::A, MarkKind::Arrow),
            ] {
                if key(k) {
                    self.tool = if self.tool == Some(kind) {
                        None
                    } else {
                        Some(kind)
                    };
                }
            }
            for (k, which) in CHECK_KEYS {
                if key(k) {
                    let current = photo
                        .checks
                        .all()
                        .iter()
                        .find(|(n, _)| *n == which)
                        .map_or(Check::Unchecked, |(_, c)| *c);
                    sink.apply(checked(photo, |c| set_check(c, which, next(current))));
                }
            }
            if key(egui::Key::P) {
                sink.apply(checked(photo, |c| {
                    *c = Checks {
                        model: Check::Pass,
                        quantity: Check::Pass,
                        accessories: Check::Pass,
                        damage: Check::Pass,
                    }
                }));
            }
        });
    }

    fn bar_ui(
        &mut self,
        ui: &mut egui::Ui,
        sink: &mut Sink,
        (product, order): (&Product, &Order),
        index: usize,
        moves: &mut Moves,
    ) {
        let photo = &order.photos[index];
        ui.horizontal(|ui| {
            if ui.button("← Back to the order").clicked() {
                moves.close = true;
            }
            if ui
                .add_enabled(index > 0, egui::Button::new("Previous"))
                .clicked()
            {
                moves.go = -1;
            }
            let more = index + 1 < order.photos.len();
            if ui.add_enabled(more, egui::Button::new("Next")).clicked() {
                moves.go = 1;
            }
            ui.label(format!(
                "{} of {}: {}",
                index + 1,
                order.photos.len(),
                photo.file.original_name
            ));
            if ui.button("Fit").on_hover_text("F").clicked() {
                self.view = ZoomPan::default();
            }
            if ui.button("100%").on_hover_text("0").clicked() {
                self.want_actual_size = true;
            }
            if ui
                .button("Whole window")
                .on_hover_text(
                    "W: the photo takes the whole window (again to bring the panels back)",
                )
                .clicked()
            {
                sink.ask(Ask::ToggleWholeWindow);
            }
            if let Some(target) = marks::compare_target(product, order, photo)
                && ui
                    .button(target.button.as_str())
                    .on_hover_text("Open this photo beside its counterpart, zoom and pan together")
                    .clicked()
            {
                sink.ask(Ask::Compare(Box::new(target.view())));
            }
        });
    }

    fn canvas_ui(
        &mut self,
        ui: &mut egui::Ui,
        sink: &mut Sink,
        caches: &mut Caches,
        photo: &Photo,
        area: egui::Vec2,
    ) -> egui::Rect {
        let (rect, response) = ui.allocate_exact_size(area, egui::Sense::drag());
        ui.painter()
            .rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
        let max_side = ui.input(|i| i.max_texture_side) as u32;
        match caches.full.get(photo, max_side) {
            Some(Ok(tex)) => {
                let size = tex.size_vec2();
                if std::mem::take(&mut self.want_actual_size) {
                    self.view = ZoomPan::actual_size(rect, size, ui.ctx().pixels_per_point());
                }
                let image = canvas::paint_photo(ui.painter(), rect, tex, &self.view);
                canvas::paint_marks(ui.painter(), rect, image, &photo.marks);
                super::codes::paint_codes(ui.painter(), rect, image, photo);
                if let Some(mark) = marks::draw_mark(ui, &response, self, image, rect) {
                    sink.apply(marks::add_mark(photo, mark));
                }
                Gesture::read(ui, &response, self.tool.is_none()).apply(&mut self.view);
                canvas::paint_scale(ui, rect, self.view.scale(rect, size));
            }
            Some(Err(why)) => canvas::paint_not_shown(ui, rect, Some(why)),
            None => canvas::paint_not_shown(ui, rect, None),
        }
        rect
    }
}

/// What the photo is checked against: the order, and its checks.
fn info_ui(ui: &mut egui::Ui, order: &Order, photo: &Photo) {
    ui.heading("Checked against");
    ui.label(format!("Variant ordered: {}", order.variant));
    ui.label(format!("Quantity: {}", order.quantity));
    if !order.note.is_empty() {
        ui.label(format!("Order note: {}", order.note));
    }
    for p in &order.packing {
        ui.label(format!("Packing: {}", p.text));
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Checks (keys 1–4 cycle, P passes all)").strong());
    for (n, (name, c)) in photo.checks.all().iter().enumerate() {
        let word = match c {
            Check::Unchecked => "unchecked",
            Check::Pass => "pass",
            Check::Fail => "fail",
        };
        ui.label(format!("{} {name}: {word}", n + 1));
    }
    if !photo.note.is_empty() {
        ui.label(format!("Note: {}", photo.note));
    }
}
