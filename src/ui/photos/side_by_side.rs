//! Two photos side by side, usually a sample photo (the reference, pinned)
//! and a bulk photo of the same thing. Zoom and pan move both sides
//! together; with Shift held they move only the side under the pointer.
//! ← and → step through the other order's photos of the same tag while the
//! reference stays (Shift+← → steps the reference); the sides can be
//! swapped.

use super::Caches;
use super::canvas::{self as photo_canvas, Gesture, ZoomPan};
use crate::model::*;
use crate::rules::photo_pairs::photos_showing;
use crate::ui::context::{Ask, Ctx, Sink};
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
    /// The colour regions marked on each side.
    pub colour: super::colour_regions::ColourRegions,
}

impl CompareView {
    pub fn new(reference: (OrderId, PhotoId), other: (OrderId, PhotoId), tag: Option<Tag>) -> Self {
        CompareView {
            reference,
            other,
            tag,
            swapped: false,
            views: [ZoomPan::default(); 2],
            colour: Default::default(),
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

impl CompareView {
    pub fn ui(&mut self, ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, caches: &mut Caches) {
        let (Some(reference), Some(other)) =
            (find(c.project, self.reference), find(c.project, self.other))
        else {
            sink.ask(Ask::CloseCompare);
            return;
        };
        let sides = [Steps::of(&reference, self.tag), Steps::of(&other, self.tag)];
        // How far to step the reference (0) and the other photo (1).
        let mut step = [0isize; 2];
        let mut close = false;
        if !ui.memory(|m| m.focused().is_some()) {
            close |= self.keys_ui(ui, &mut step);
        }
        close |= self.bar_ui(ui, [&reference, &other], &sides, &mut step);
        let shown = [&reference, &other].map(|s| (s.order, s.photo));
        self.colour.toolbar_ui(ui, c, sink, shown);
        ui.label(
            egui::RichText::new(
                "Scroll to zoom and drag to pan: both sides move together. Hold Shift to move one side only.",
            )
            .small(),
        );
        ui.separator();
        let changed = [&reference, &other].map(|s| c.changed_photos.contains(&s.photo.id));
        self.sides_ui(ui, caches, [&reference, &other], changed);
        if close {
            sink.ask(Ask::CloseCompare);
            return;
        }
        if let Some(id) = sides[0].stepped(step[0]) {
            self.reference.1 = id;
            self.colour.forget(0);
        }
        if let Some(id) = sides[1].stepped(step[1]) {
            self.other.1 = id;
            self.colour.forget(1);
        }
    }

    /// Escape closes (returns true), S swaps, F fits, ← → step.
    fn keys_ui(&mut self, ui: &mut egui::Ui, step: &mut [isize; 2]) -> bool {
        let mut close = false;
        ui.input_mut(|i| {
            close |= i.consume_key(egui::Modifiers::NONE, egui::Key::Escape);
            if i.consume_key(egui::Modifiers::NONE, egui::Key::S) {
                self.swapped = !self.swapped;
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::F) {
                self.views = [ZoomPan::default(); 2];
            }
            for (key, by) in [(egui::Key::ArrowRight, 1), (egui::Key::ArrowLeft, -1)] {
                if i.consume_key(egui::Modifiers::SHIFT, key) {
                    step[0] = by;
                }
                if i.consume_key(egui::Modifiers::NONE, key) {
                    step[1] = by;
                }
            }
        });
        close
    }

    /// Back, swap, fit, and ◀ n of m ▶ per side; returns whether Back was
    /// clicked.
    fn bar_ui(
        &mut self,
        ui: &mut egui::Ui,
        sides: [&Side<'_>; 2],
        steps: &[Steps; 2],
        step: &mut [isize; 2],
    ) -> bool {
        let what = self
            .tag
            .map_or("photos".into(), |t| format!("{} photos", t.label()));
        let mut close = false;
        ui.horizontal(|ui| {
            close = ui.button("← Back").clicked();
            if ui.button("Swap sides").on_hover_text("S").clicked() {
                self.swapped = !self.swapped;
            }
            if ui.button("Fit both").on_hover_text("F").clicked() {
                self.views = [ZoomPan::default(); 2];
            }
            ui.separator();
            for (which, keys) in [(0, "Shift+← →"), (1, "← →")] {
                let label = format!("{} {what}", sides[which].order.kind.label());
                let by = steps[which].buttons(ui, &label, keys);
                if by != 0 {
                    step[which] = by;
                }
            }
        });
        close
    }

    /// The two photos, zoomed and panned together (one side with Shift).
    fn sides_ui(
        &mut self,
        ui: &mut egui::Ui,
        caches: &mut Caches,
        sides: [&Side<'_>; 2],
        changed: [bool; 2],
    ) {
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
                let which = if self.swapped { 1 - slot } else { slot };
                gestures[which] =
                    self.side_ui(ui, caches, (sides[which], changed[which]), which, size);
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
                g.apply(&mut self.views[which]);
            } else {
                for view in &mut self.views {
                    g.apply(view);
                }
            }
        }
    }

    fn side_ui(
        &mut self,
        ui: &mut egui::Ui,
        caches: &mut Caches,
        (side, changed): (&Side<'_>, bool),
        which: usize,
        size: egui::Vec2,
    ) -> Gesture {
        let max_side = ui.input(|i| i.max_texture_side) as u32;
        let mut gesture = Gesture::default();
        ui.vertical(|ui| {
            ui.set_width(size.x);
            let role = if which == 0 {
                "reference, pinned"
            } else {
                "compared"
            };
            let title = format!(
                "{} {} ({role}): {}",
                side.order.kind.label(),
                side.order.number,
                side.photo.file.original_name
            );
            ui.add(egui::Label::new(egui::RichText::new(title).strong()).truncate());
            let (rect, response) = ui.allocate_exact_size(size, egui::Sense::drag());
            ui.painter()
                .rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
            match caches.full.get(side.photo, max_side) {
                Some(Ok(tex)) => {
                    let view = self.views[which];
                    let image = photo_canvas::paint_photo(ui.painter(), rect, tex, &view);
                    photo_canvas::paint_marks(ui.painter(), rect, image, &side.photo.marks);
                    self.colour.paint(ui.painter(), rect, image, which);
                    photo_canvas::paint_scale(ui, rect, view.scale(rect, tex.size_vec2()));
                    if !self.colour.drag_ui(ui, &response, image, which) {
                        gesture = Gesture::read(ui, &response, true);
                    }
                }
                Some(Err(why)) => photo_canvas::paint_not_shown(ui, rect, Some(why)),
                None => photo_canvas::paint_not_shown(ui, rect, None),
            }
            if changed {
                photo_canvas::paint_changed(ui, rect);
            }
            facts_ui(ui, side.photo);
        });
        gesture
    }
}

/// The photos one side can step through (its order's photos of the tag)
/// and where it is among them.
struct Steps {
    ids: Vec<PhotoId>,
    index: Option<usize>,
}

impl Steps {
    fn of(side: &Side<'_>, tag: Option<Tag>) -> Steps {
        let ids: Vec<PhotoId> = photos_showing(side.order, tag)
            .iter()
            .map(|p| p.id)
            .collect();
        let index = ids.iter().position(|id| *id == side.photo.id);
        Steps { ids, index }
    }

    /// The photo `by` steps away, if there is one.
    fn stepped(&self, by: isize) -> Option<PhotoId> {
        let j = self.index?.checked_add_signed(by)?;
        (by != 0).then(|| self.ids.get(j).copied()).flatten()
    }

    /// ◀ n of m ▶ for one side; returns the step clicked.
    fn buttons(&self, ui: &mut egui::Ui, what: &str, keys: &str) -> isize {
        let mut by = 0;
        if ui
            .add_enabled(self.stepped(-1).is_some(), egui::Button::new("◀"))
            .on_hover_text(format!("The previous {what} ({keys})"))
            .clicked()
        {
            by = -1;
        }
        if let Some(i) = self.index {
            ui.label(format!("{what}: {} of {}", i + 1, self.ids.len()));
        }
        if ui
            .add_enabled(self.stepped(1).is_some(), egui::Button::new("▶"))
            .on_hover_text(format!("The next {what} ({keys})"))
            .clicked()
        {
            by = 1;
        }
        by
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_stays_within_the_photos_of_the_tag() {
        let steps = Steps {
            ids: vec![PhotoId(4), PhotoId(7), PhotoId(9)],
            index: Some(1),
        };
        assert_eq!(steps.stepped(1), Some(PhotoId(9)));
        assert_eq!(steps.stepped(-1), Some(PhotoId(4)));
        assert_eq!(steps.stepped(0), None, "no step, no change");
        assert_eq!(steps.stepped(2), None, "past the end");
        let first = Steps {
            index: Some(0),
            ..steps
        };
        assert_eq!(first.stepped(-1), None, "before the start");
    }
}
