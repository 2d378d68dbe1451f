//! Two photos side by side, usually a sample photo (the reference, pinned)
//! and a bulk photo of the same thing. Zoom and pan move both sides
//! together; with Shift held they move only the side under the pointer.
//! ← and → step through the other order's photos of the same tag while the
//! reference stays; the sides can be swapped.

use super::app::BulkReadyApp;
use super::photo_canvas::{self, Gesture, ZoomPan};
use crate::model::*;
use crate::rules::photo_pairs::photos_showing;
use eframe::egui;

/// What the compare view shows.
pub struct CompareView {
    /// The pinned reference (the sample photo).
    pub reference: (OrderId, PhotoId),
    /// The photo compared with it (a bulk photo).
    pub other: (OrderId, PhotoId),
    /// What the two show, if they were paired by tag: ← and → keep to it.
    pub tag: Option<Tag>,
    /// Whether the reference is drawn on the right.
    pub swapped: bool,
    /// Zoom and pan of the reference and of the other photo.
    views: [ZoomPan; 2],
}

impl CompareView {
    pub fn new(reference: (OrderId, PhotoId), other: (OrderId, PhotoId), tag: Option<Tag>) -> Self {
        CompareView {
            reference,
            other,
            tag,
            swapped: false,
            views: [ZoomPan::default(); 2],
        }
    }

    /// The zoom and pan of the reference (0) or the other photo (1).
    pub fn view(&self, which: usize) -> ZoomPan {
        self.views[which.min(1)]
    }
}

/// One side as drawn this frame.
struct Side<'a> {
    order: &'a Order,
    photo: &'a Photo,
}

fn find(project: &Project, (oid, phid): (OrderId, PhotoId)) -> Option<Side<'_>> {
    let (_, order) = project.order(oid)?;
    let photo = order.photos.iter().find(|p| p.id == phid)?;
    Some(Side { order, photo })
}

pub fn compare_view_ui(app: &mut BulkReadyApp, ui: &mut egui::Ui) {
    let Some(cv) = &mut app.compare else {
        return;
    };
    let Some(project) = app.session.project() else {
        app.compare = None;
        return;
    };
    let (Some(reference), Some(other)) = (find(project, cv.reference), find(project, cv.other))
    else {
        app.compare = None;
        return;
    };
    let candidates: Vec<PhotoId> = photos_showing(other.order, cv.tag)
        .iter()
        .map(|p| p.id)
        .collect();
    let index = candidates.iter().position(|id| *id == other.photo.id);

    let typing = ui.memory(|m| m.focused().is_some());
    let mut close = false;
    let mut step = 0isize;
    if !typing {
        ui.input_mut(|i| {
            close |= i.consume_key(egui::Modifiers::NONE, egui::Key::Escape);
            if i.consume_key(egui::Modifiers::NONE, egui::Key::S) {
                cv.swapped = !cv.swapped;
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::F) {
                cv.views = [ZoomPan::default(); 2];
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight) {
                step = 1;
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft) {
                step = -1;
            }
        });
    }

    ui.horizontal(|ui| {
        if ui.button("← Back").clicked() {
            close = true;
        }
        if ui.button("Swap sides").on_hover_text("S").clicked() {
            cv.swapped = !cv.swapped;
        }
        if ui.button("Fit both").on_hover_text("F").clicked() {
            cv.views = [ZoomPan::default(); 2];
        }
        let what = cv
            .tag
            .map_or("photos".into(), |t| format!("{} photos", t.label()));
        if ui
            .add_enabled(index.is_some_and(|i| i > 0), egui::Button::new("Previous"))
            .on_hover_text(format!(
                "The previous {what} of the {} order (←)",
                other.order.kind.label()
            ))
            .clicked()
        {
            step = -1;
        }
        if ui
            .add_enabled(
                index.is_some_and(|i| i + 1 < candidates.len()),
                egui::Button::new("Next"),
            )
            .on_hover_text(format!(
                "The next {what} of the {} order (→)",
                other.order.kind.label()
            ))
            .clicked()
        {
            step = 1;
        }
        if let Some(i) = index {
            ui.label(format!("{} of {} {what}", i + 1, candidates.len()));
        }
    });
    ui.label(
        egui::RichText::new(
            "Scroll to zoom and drag to pan: both sides move together. Hold Shift to move one side only.",
        )
        .small(),
    );
    ui.separator();

    let max_side = ui.input(|i| i.max_texture_side) as u32;
    let shift = ui.input(|i| i.modifiers.shift);
    let gap = 8.0;
    let avail = ui.available_size();
    let size = egui::vec2(
        ((avail.x - gap) / 2.0).max(50.0),
        (avail.y - 110.0).max(80.0),
    );
    let mut gestures = [Gesture::default(); 2];
    ui.horizontal_top(|ui| {
        for slot in 0..2 {
            let which = if cv.swapped { 1 - slot } else { slot };
            let side = if which == 0 { &reference } else { &other };
            ui.vertical(|ui| {
                ui.set_width(size.x);
                let role = if which == 0 {
                    "reference, pinned"
                } else {
                    "compared"
                };
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(format!(
                            "{} {} ({role}): {}",
                            side.order.kind.label(),
                            side.order.number,
                            side.photo.file.original_name
                        ))
                        .strong(),
                    )
                    .truncate(),
                );
                let (rect, response) = ui.allocate_exact_size(size, egui::Sense::drag());
                ui.painter()
                    .rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
                match app.full.get(side.photo, max_side) {
                    Some(Ok(tex)) => {
                        let view = cv.views[which];
                        let image = photo_canvas::paint_photo(ui.painter(), rect, tex, &view);
                        photo_canvas::paint_marks(ui.painter(), rect, image, &side.photo.marks);
                        photo_canvas::paint_scale(ui, rect, view.scale(rect, tex.size_vec2()));
                        gestures[which] = Gesture::read(ui, &response, true);
                    }
                    Some(Err(why)) => photo_canvas::paint_not_shown(ui, rect, Some(why)),
                    None => photo_canvas::paint_not_shown(ui, rect, None),
                }
                facts_ui(ui, side.photo);
            });
            if slot == 0 {
                ui.add_space(gap - ui.spacing().item_spacing.x);
            }
        }
    });
    for (which, g) in gestures.iter().enumerate() {
        if !g.is_some() {
            continue;
        }
        if shift {
            g.apply(&mut cv.views[which]);
        } else {
            for view in &mut cv.views {
                g.apply(view);
            }
        }
    }

    if close {
        app.compare = None;
    } else if step != 0
        && let Some(i) = index
    {
        let j = i as isize + step;
        if j >= 0 && (j as usize) < candidates.len() {
            cv.other.1 = candidates[j as usize];
        }
    }
}

/// Tags, checks, note and marks under a photo.
fn facts_ui(ui: &mut egui::Ui, photo: &Photo) {
    let tags: Vec<&str> = photo.tags.iter().map(|t| t.label()).collect();
    let checks: Vec<String> = photo
        .checks
        .all()
        .iter()
        .map(|(name, c)| {
            let word = match c {
                Check::Unchecked => "○",
                Check::Pass => "✓",
                Check::Fail => "×",
            };
            format!("{word} {name}")
        })
        .collect();
    ui.label(format!(
        "Shows: {}",
        if tags.is_empty() {
            "—".into()
        } else {
            tags.join(", ")
        }
    ));
    ui.label(checks.join("  "));
    if !photo.note.is_empty() {
        ui.label(format!("Note: {}", photo.note));
    }
    for (i, m) in photo.marks.iter().enumerate() {
        ui.label(format!("Mark {}: {}", i + 1, m.label));
    }
}
