//! The photo viewer: one photo large (decoded in the background, within the
//! GPU's texture limit), zoom and pan, previous/next, and beside it what the
//! photo is checked against, with the four checks settable by keyboard.

use super::app::BulkReadyApp;
use super::photo_canvas::{self, Gesture, MarkKind, ZoomPan};
use crate::app::{Command, Edit};
use crate::model::*;
use crate::rules::sample_gate::{RowTopic, row_topic};
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

fn set_check(checks: &mut Checks, which: &str, value: Check) {
    match which {
        "model" => checks.model = value,
        "quantity" => checks.quantity = value,
        "accessories" => checks.accessories = value,
        _ => checks.damage = value,
    }
}

pub fn viewer_ui(app: &mut BulkReadyApp, ui: &mut egui::Ui) {
    let Some(viewer) = &mut app.viewer else {
        return;
    };
    let Some((product, order)) = app.session.project().and_then(|p| p.order(viewer.order)) else {
        app.viewer = None;
        return;
    };
    let Some(index) = order.photos.iter().position(|p| p.id == viewer.photo) else {
        app.viewer = None;
        return;
    };
    let photo = &order.photos[index];
    let (oid, phid) = (order.id, photo.id);
    let compare_with = super::viewer_marks_ui::compare_target(product, order, photo);
    let mut compare = None;

    // Keys: arrows move, 1–4 cycle a check, P passes all four, F fits,
    // 0 shows 100%, R/E/A pick a mark tool, Escape drops the tool or goes
    // back (unless a text field has focus).
    let typing = ui.memory(|m| m.focused().is_some());
    let mut go = 0isize;
    let mut close = false;
    let mut cmds = Vec::new();
    if !typing {
        ui.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight) {
                go = 1;
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft) {
                go = -1;
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::Escape) {
                if viewer.tool.is_some() {
                    viewer.tool = None;
                } else {
                    close = true;
                }
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::F) {
                viewer.view = ZoomPan::default();
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::Plus)
                || i.consume_key(egui::Modifiers::NONE, egui::Key::Equals)
            {
                viewer.view.zoom_at(1.25, egui::Vec2::ZERO);
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::Minus) {
                viewer.view.zoom_at(0.8, egui::Vec2::ZERO);
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::Num0) {
                viewer.want_actual_size = true;
            }
            for (key, kind) in [
                (egui::Key::R, MarkKind::Rect),
                (egui::Key::E, MarkKind::Ellipse),
                (egui::Key::A, MarkKind::Arrow),
            ] {
                if i.consume_key(egui::Modifiers::NONE, key) {
                    viewer.tool = if viewer.tool == Some(kind) {
                        None
                    } else {
                        Some(kind)
                    };
                }
            }
            for (key, which) in CHECK_KEYS {
                if i.consume_key(egui::Modifiers::NONE, key) {
                    let current = photo
                        .checks
                        .all()
                        .iter()
                        .find(|(n, _)| *n == which)
                        .map_or(Check::Unchecked, |(_, c)| *c);
                    let value = next(current);
                    cmds.push(Command::Edit(Edit::new(
                        format!("set the {which} check"),
                        move |p| {
                            let ph = p.order_mut(oid)?.photos.iter_mut().find(|x| x.id == phid)?;
                            set_check(&mut ph.checks, which, value);
                            None
                        },
                    )));
                }
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::P) {
                cmds.push(Command::Edit(Edit::new("pass all four checks", move |p| {
                    let ph = p.order_mut(oid)?.photos.iter_mut().find(|x| x.id == phid)?;
                    ph.checks = Checks {
                        model: Check::Pass,
                        quantity: Check::Pass,
                        accessories: Check::Pass,
                        damage: Check::Pass,
                    };
                    None
                })));
            }
        });
    }

    ui.horizontal(|ui| {
        if ui.button("← Back to the order").clicked() {
            close = true;
        }
        if ui
            .add_enabled(index > 0, egui::Button::new("Previous"))
            .clicked()
        {
            go = -1;
        }
        if ui
            .add_enabled(index + 1 < order.photos.len(), egui::Button::new("Next"))
            .clicked()
        {
            go = 1;
        }
        ui.label(format!(
            "{} of {}: {}",
            index + 1,
            order.photos.len(),
            photo.file.original_name
        ));
        if ui.button("Fit").on_hover_text("F").clicked() {
            viewer.view = ZoomPan::default();
        }
        if ui.button("100%").on_hover_text("0").clicked() {
            viewer.want_actual_size = true;
        }
        if let Some(target) = &compare_with
            && ui
                .button(target.button.as_str())
                .on_hover_text("Open this photo beside its counterpart, zoom and pan together")
                .clicked()
        {
            compare = Some(target.view());
        }
    });
    super::viewer_marks_ui::toolbar(ui, viewer);
    ui.separator();

    let info_width = 330.0;
    let avail = ui.available_size();
    ui.horizontal_top(|ui| {
        let area = egui::vec2((avail.x - info_width - 12.0).max(100.0), avail.y);
        let (rect, response) = ui.allocate_exact_size(area, egui::Sense::drag());
        ui.painter()
            .rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
        let max_side = ui.input(|i| i.max_texture_side) as u32;
        match app.full.get(photo, max_side) {
            Some(Ok(tex)) => {
                let size = tex.size_vec2();
                if std::mem::take(&mut viewer.want_actual_size) {
                    viewer.view = ZoomPan::actual_size(rect, size, ui.ctx().pixels_per_point());
                }
                let image = photo_canvas::paint_photo(ui.painter(), rect, tex, &viewer.view);
                photo_canvas::paint_marks(ui.painter(), rect, image, &photo.marks);
                if let Some(mark) =
                    super::viewer_marks_ui::draw_mark(ui, &response, viewer, image, rect)
                {
                    cmds.push(super::viewer_marks_ui::add_mark(oid, phid, mark));
                }
                Gesture::read(ui, &response, viewer.tool.is_none()).apply(&mut viewer.view);
                photo_canvas::paint_scale(ui, rect, viewer.view.scale(rect, size));
            }
            Some(Err(why)) => photo_canvas::paint_not_shown(ui, rect, Some(why)),
            None => photo_canvas::paint_not_shown(ui, rect, None),
        }
        ui.vertical(|ui| {
            ui.set_width(info_width);
            egui::ScrollArea::vertical()
                .id_salt("viewer info")
                .show(ui, |ui| {
                    info_ui(ui, product, order, photo);
                    super::viewer_marks_ui::marks_list(ui, &mut cmds, oid, photo);
                });
        });
    });

    app.commands.extend(cmds);
    if let Some(view) = compare {
        app.compare = Some(view);
    } else if close {
        app.viewer = None;
    } else if go != 0 {
        let j = index as isize + go;
        if j >= 0 && (j as usize) < order.photos.len() {
            let next_photo = order.photos[j as usize].id;
            app.viewer = Some(Viewer::new(oid, next_photo));
        }
    }
}

/// What the photo is checked against: the order, and the spec rows its
/// tags concern.
fn info_ui(ui: &mut egui::Ui, product: &Product, order: &Order, photo: &Photo) {
    ui.heading("Checked against");
    ui.label(format!("Variant ordered: {}", order.variant));
    ui.label(format!("Quantity: {}", order.quantity));
    if !order.note.is_empty() {
        ui.label(format!("Order note: {}", order.note));
    }
    for p in &order.packing {
        ui.label(format!("Packing: {}", p.text));
    }
    let topics: Vec<RowTopic> = photo
        .tags
        .iter()
        .filter_map(|t| match t {
            Tag::Label | Tag::CartonLabel => Some(RowTopic::Label),
            Tag::Packaging => Some(RowTopic::Packaging),
            Tag::Accessories => Some(RowTopic::Accessories),
            Tag::Item => Some(RowTopic::Colour),
            _ => None,
        })
        .collect();
    let rows: Vec<&SpecItem> = product
        .spec
        .iter()
        .filter(|r| {
            row_topic(&r.name).is_some_and(|t| topics.contains(&t))
                || photo.has_tag(Tag::Item) && row_topic(&r.name).is_none()
        })
        .collect();
    if !rows.is_empty() {
        ui.add_space(6.0);
        ui.label(egui::RichText::new("Spec rows for this photo").strong());
        for r in rows {
            let seen = crate::rules::compare::observed(order, r.id).unwrap_or("—");
            ui.label(format!(
                "{}: {} (seen: {seen})",
                r.name,
                crate::rules::compare::describe(&r.expected)
            ));
        }
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
