//! Colour between sample and bulk in the compare view: the buyer drags a
//! region of the colour on each photo, and optionally a neutral patch
//! (white label, grey card) on each; "Measure colour" measures ΔE2000 in a
//! job and keeps the reading on the bulk order's observation of the colour
//! row. The reading shown is a photo estimate, and says so.

use super::canvas::to_norm;
use crate::app::Command;
use crate::app::colour::ColourRequest;
use crate::model::*;
use crate::rules::sample_gate::{RowTopic, row_topic};
use crate::ui::context::{Ctx, Sink};
use eframe::egui::{self, Color32, Pos2, Rect, Stroke};

/// What a drag on a photo marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegionKind {
    Colour,
    Neutral,
}

impl RegionKind {
    fn label(self) -> &'static str {
        match self {
            Self::Colour => "colour",
            Self::Neutral => "neutral",
        }
    }

    fn colour(self) -> Color32 {
        match self {
            Self::Colour => Color32::from_rgb(255, 200, 0),
            Self::Neutral => Color32::from_rgb(0, 200, 255),
        }
    }
}

/// The regions marked on the two sides (0: the reference, 1: the other).
#[derive(Default)]
pub struct ColourRegions {
    /// What a drag marks; `None`: dragging pans.
    pub tool: Option<RegionKind>,
    /// Per side: the colour region and the neutral patch, in 0..1.
    pub marked: [[Option<UnitRect>; 2]; 2],
    drag_from: Option<(usize, Pos2)>,
}

/// One side as the compare view shows it.
pub type Shown<'a> = (&'a Order, &'a Photo);

fn slot(kind: RegionKind) -> usize {
    match kind {
        RegionKind::Colour => 0,
        RegionKind::Neutral => 1,
    }
}

impl ColourRegions {
    /// Forgets what was marked on side `which` (its photo changed).
    pub fn forget(&mut self, which: usize) {
        self.marked[which.min(1)] = [None, None];
    }

    /// A drag with a tool marks a region on side `which`; returns whether
    /// the drag was taken (so it does not pan).
    pub fn drag_ui(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        image: Rect,
        which: usize,
    ) -> bool {
        let Some(kind) = self.tool else {
            return false;
        };
        if response.drag_started()
            && let Some(p) = response.interact_pointer_pos()
        {
            self.drag_from = Some((which, to_norm(image, p)));
        }
        if response.drag_stopped()
            && let Some((side, a)) = self.drag_from.take()
            && side == which
            && let Some(p) = ui.input(|i| i.pointer.latest_pos())
        {
            let b = to_norm(image, p);
            let r = [a.x.min(b.x), a.y.min(b.y), a.x.max(b.x), a.y.max(b.y)];
            if r[2] - r[0] > 0.002 && r[3] - r[1] > 0.002 {
                self.marked[which][slot(kind)] = Some(r);
            }
        }
        true
    }

    /// Draws the regions marked on side `which` over its photo.
    pub fn paint(&self, painter: &egui::Painter, area: Rect, image: Rect, which: usize) {
        let painter = painter.with_clip_rect(area);
        for kind in [RegionKind::Colour, RegionKind::Neutral] {
            let Some([l, t, r, b]) = self.marked[which][slot(kind)] else {
                continue;
            };
            let at = |x: f32, y: f32| image.min + egui::vec2(x * image.width(), y * image.height());
            let rect = Rect::from_min_max(at(l, t), at(r, b));
            painter.rect_stroke(
                rect,
                0.0,
                Stroke::new(2.5, kind.colour()),
                egui::StrokeKind::Middle,
            );
            painter.text(
                rect.left_top() - egui::vec2(0.0, 2.0),
                egui::Align2::LEFT_BOTTOM,
                kind.label(),
                egui::FontId::proportional(14.0),
                kind.colour(),
            );
        }
    }

    /// The tools, "Measure colour", and the reading kept for these photos.
    pub fn toolbar_ui(
        &mut self,
        ui: &mut egui::Ui,
        c: &Ctx<'_>,
        sink: &mut Sink,
        sides: [Shown<'_>; 2],
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.label("Colour:");
            for (tool, label) in [
                (Some(RegionKind::Colour), "Mark colour region"),
                (Some(RegionKind::Neutral), "Mark neutral patch"),
                (None, "Drag pans"),
            ] {
                if ui.selectable_label(self.tool == tool, label).clicked() {
                    self.tool = tool;
                }
            }
            if ui.button("Clear regions").clicked() {
                self.marked = Default::default();
            }
            let request = self.request(c, sides);
            let why_not = match &request {
                Ok(_) => "Measure ΔE2000 between the two colour regions (a photo estimate)",
                Err(why) => why,
            };
            if ui
                .add_enabled(request.is_ok(), egui::Button::new("Measure colour"))
                .on_hover_text(why_not)
                .on_disabled_hover_text(why_not)
                .clicked()
                && let Ok(r) = request
            {
                sink.command(Command::MeasureColour(Box::new(r)));
            }
        });
        if let Some(reading) = kept_reading(c, sides) {
            ui.label(format!("Colour, photo estimate: {}", reading.summary()));
        }
    }

    /// What "Measure colour" would measure, or why it cannot yet.
    fn request(&self, c: &Ctx<'_>, sides: [Shown<'_>; 2]) -> Result<ColourRequest, &'static str> {
        let (s, b) = sample_and_bulk(sides);
        let (sample, bulk) = (sides[s], sides[b]);
        let (Some(sample_region), Some(bulk_region)) = (self.marked[s][0], self.marked[b][0])
        else {
            return Err("Mark the colour region on both photos first");
        };
        let spec = colour_row(c, bulk.0).ok_or("Add a colour row to the spec brief first")?;
        Ok(ColourRequest {
            bulk_order: bulk.0.id,
            spec,
            sample: (sample.1.id, sample.1.file.clone()),
            bulk: (bulk.1.id, bulk.1.file.clone()),
            sample_region,
            bulk_region,
            sample_neutral: self.marked[s][1],
            bulk_neutral: self.marked[b][1],
        })
    }
}

/// Which side is the sample and which the bulk: by order kind, else the
/// reference is the sample.
fn sample_and_bulk(sides: [Shown<'_>; 2]) -> (usize, usize) {
    if sides[1].0.kind == OrderKind::Sample && sides[0].0.kind == OrderKind::Bulk {
        (1, 0)
    } else {
        (0, 1)
    }
}

/// The product's colour row (by its name), if it has one.
fn colour_row(c: &Ctx<'_>, order: &Order) -> Option<SpecId> {
    let (product, _) = c.project.order(order.id)?;
    product
        .spec
        .iter()
        .find(|r| row_topic(&r.name) == Some(RowTopic::Colour))
        .map(|r| r.id)
}

/// The reading kept for exactly these two photos, if any.
fn kept_reading<'a>(c: &Ctx<'a>, sides: [Shown<'a>; 2]) -> Option<&'a ColourReading> {
    let (s, b) = sample_and_bulk(sides);
    let spec = colour_row(c, sides[b].0)?;
    sides[b]
        .0
        .observations
        .iter()
        .rev()
        .filter(|o| o.spec == spec)
        .find_map(|o| o.colour.as_deref())
        .filter(|r| r.sample_photo == sides[s].1.id && r.bulk_photo == sides[b].1.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_on_the_right_is_still_the_sample() {
        let sample = Order {
            kind: OrderKind::Sample,
            ..Order::default()
        };
        let bulk = Order {
            kind: OrderKind::Bulk,
            ..Order::default()
        };
        let photo = Photo::default();
        assert_eq!(
            sample_and_bulk([(&sample, &photo), (&bulk, &photo)]),
            (0, 1)
        );
        assert_eq!(
            sample_and_bulk([(&bulk, &photo), (&sample, &photo)]),
            (1, 0)
        );
    }
}
