//! One photo drawn zoomed and panned inside a rectangle, with its defect
//! marks: shared by the viewer and the side-by-side compare view. Marks are
//! kept in normalised coordinates (0..1 of the upright photo), so they stay
//! on the defect at any zoom and in exports.

use crate::model::{Mark, Shape};
use eframe::egui::{self, Color32, Pos2, Rect, Stroke, Vec2, pos2, vec2};

/// How a photo is zoomed and panned. A zoom of 1 fits the photo in its
/// area; `pan` moves its centre, in screen points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ZoomPan {
    pub zoom: f32,
    pub pan: Vec2,
}

impl Default for ZoomPan {
    fn default() -> Self {
        ZoomPan {
            zoom: 1.0,
            pan: Vec2::ZERO,
        }
    }
}

const MIN_ZOOM: f32 = 0.1;
const MAX_ZOOM: f32 = 40.0;

impl ZoomPan {
    /// Zooms by `factor` keeping the point `at` (relative to the area's
    /// centre) where it is on screen.
    pub fn zoom_at(&mut self, factor: f32, at: Vec2) {
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let k = zoom / self.zoom;
        self.pan = at - (at - self.pan) * k;
        self.zoom = zoom;
    }

    /// Where the photo of `size` pixels is drawn in `area`.
    pub fn image_rect(&self, area: Rect, size: Vec2) -> Rect {
        let fit = (area.width() / size.x).min(area.height() / size.y);
        Rect::from_center_size(area.center() + self.pan, size * fit * self.zoom)
    }

    /// The scale from photo pixels to screen points, for the "100 %" label.
    pub fn scale(&self, area: Rect, size: Vec2) -> f32 {
        (area.width() / size.x).min(area.height() / size.y) * self.zoom
    }

    /// The zoom that shows the photo at one photo pixel per screen pixel.
    pub fn actual_size(area: Rect, size: Vec2, pixels_per_point: f32) -> ZoomPan {
        let fit = (area.width() / size.x).min(area.height() / size.y);
        ZoomPan {
            zoom: (1.0 / (fit * pixels_per_point)).clamp(MIN_ZOOM, MAX_ZOOM),
            pan: Vec2::ZERO,
        }
    }
}

/// Zoom (wheel, about the pointer) and pan (drag) asked for on `response`
/// this frame, as a change to apply to one or several views.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gesture {
    pub zoom: f32,
    /// The pointer, relative to the area's centre, when zooming.
    pub at: Vec2,
    pub pan: Vec2,
}

impl Default for Gesture {
    fn default() -> Self {
        Gesture {
            zoom: 1.0,
            at: Vec2::ZERO,
            pan: Vec2::ZERO,
        }
    }
}

impl Gesture {
    pub fn read(ui: &egui::Ui, response: &egui::Response, pan: bool) -> Gesture {
        let mut g = Gesture::default();
        if response.hovered() {
            let scroll = ui.input(|i| i.smooth_scroll_delta);
            let scroll = if scroll.y != 0.0 { scroll.y } else { scroll.x };
            if scroll != 0.0 {
                g.zoom = (1.0 + scroll * 0.002).clamp(0.5, 2.0);
                if let Some(p) = response.hover_pos() {
                    g.at = p - response.rect.center();
                }
            }
        }
        if pan {
            g.pan = response.drag_delta();
        }
        g
    }

    pub fn is_some(&self) -> bool {
        self.zoom != 1.0 || self.pan != Vec2::ZERO
    }

    pub fn apply(&self, view: &mut ZoomPan) {
        if self.zoom != 1.0 {
            view.zoom_at(self.zoom, self.at);
        }
        view.pan += self.pan;
    }
}

/// Normalised photo coordinates of a screen point, clamped to the photo.
pub fn to_norm(image: Rect, p: Pos2) -> Pos2 {
    pos2(
        ((p.x - image.min.x) / image.width()).clamp(0.0, 1.0),
        ((p.y - image.min.y) / image.height()).clamp(0.0, 1.0),
    )
}

/// The screen point of normalised photo coordinates.
pub fn to_screen(image: Rect, p: Pos2) -> Pos2 {
    image.min + vec2(p.x * image.width(), p.y * image.height())
}

/// The kinds of mark the viewer draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    Rect,
    Ellipse,
    Arrow,
}

impl MarkKind {
    pub const ALL: [MarkKind; 3] = [MarkKind::Rect, MarkKind::Ellipse, MarkKind::Arrow];

    pub fn label(self) -> &'static str {
        match self {
            MarkKind::Rect => "Rectangle",
            MarkKind::Ellipse => "Ellipse",
            MarkKind::Arrow => "Arrow",
        }
    }
}

/// The shape dragged from `a` to `b` (normalised): boxes by their corners,
/// arrows from tail to head.
pub fn shape_from_drag(kind: MarkKind, a: Pos2, b: Pos2) -> Shape {
    let (x, y) = (a.x.min(b.x), a.y.min(b.y));
    let (w, h) = ((a.x - b.x).abs(), (a.y - b.y).abs());
    match kind {
        MarkKind::Rect => Shape::Rect { x, y, w, h },
        MarkKind::Ellipse => Shape::Ellipse { x, y, w, h },
        MarkKind::Arrow => Shape::Arrow {
            x1: a.x,
            y1: a.y,
            x2: b.x,
            y2: b.y,
        },
    }
}

/// Whether a dragged shape is big enough to keep (a click is not a mark).
pub fn is_meaningful(shape: &Shape) -> bool {
    const MIN: f32 = 0.01;
    match *shape {
        Shape::Rect { w, h, .. } | Shape::Ellipse { w, h, .. } => w > MIN && h > MIN,
        Shape::Arrow { x1, y1, x2, y2 } => (x2 - x1).hypot(y2 - y1) > MIN,
    }
}

/// The colour marks are drawn in: a red that reads on most photos.
pub const MARK_COLOUR: Color32 = Color32::from_rgb(255, 40, 40);

/// Draws the photo in `area` with `view`; returns where it went.
pub fn paint_photo(
    painter: &egui::Painter,
    area: Rect,
    texture: &egui::TextureHandle,
    view: &ZoomPan,
) -> Rect {
    let image = view.image_rect(area, texture.size_vec2());
    painter.with_clip_rect(area).image(
        texture.id(),
        image,
        Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
        Color32::WHITE,
    );
    image
}

/// The zoom as a percentage at the bottom left of `area`.
pub fn paint_scale(ui: &egui::Ui, area: Rect, scale: f32) {
    ui.painter().text(
        area.left_bottom() + vec2(6.0, -6.0),
        egui::Align2::LEFT_BOTTOM,
        format!("{:.0}%", scale * 100.0),
        egui::FontId::proportional(12.0),
        ui.visuals().weak_text_color(),
    );
}

/// In place of a photo: "Decoding…" while it decodes, else why it cannot
/// be shown.
/// Marks a photo whose file changed since import, across its top.
pub fn paint_changed(ui: &egui::Ui, area: Rect) {
    let text = "\u{26a0} Changed since import: this file's bytes are not the ones imported";
    let band = Rect::from_min_size(area.min, egui::vec2(area.width(), 24.0));
    ui.painter()
        .rect_filled(band, 0.0, ui.visuals().error_fg_color.gamma_multiply(0.85));
    ui.painter().text(
        band.left_center() + egui::vec2(8.0, 0.0),
        egui::Align2::LEFT_CENTER,
        text,
        egui::FontId::proportional(14.0),
        Color32::WHITE,
    );
}

pub fn paint_not_shown(ui: &egui::Ui, area: Rect, error: Option<&str>) {
    let (text, colour) = match error {
        Some(why) => (why, ui.visuals().warn_fg_color),
        None => ("Decoding…", ui.visuals().weak_text_color()),
    };
    ui.painter().text(
        area.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(14.0),
        colour,
    );
}

/// Draws marks over a photo drawn at `image`, clipped to `area`.
pub fn paint_marks(painter: &egui::Painter, area: Rect, image: Rect, marks: &[Mark]) {
    let painter = painter.with_clip_rect(area);
    for (i, m) in marks.iter().enumerate() {
        let label = if m.label.is_empty() {
            format!("{}", i + 1)
        } else {
            format!("{} {}", i + 1, m.label)
        };
        paint_shape(&painter, image, &m.shape, &label, MARK_COLOUR);
    }
}

/// Draws one shape with its label at its top left.
pub fn paint_shape(painter: &egui::Painter, image: Rect, shape: &Shape, label: &str, c: Color32) {
    let stroke = Stroke::new(2.5, c);
    let at = |x: f32, y: f32| to_screen(image, pos2(x, y));
    let label_at = match *shape {
        Shape::Rect { x, y, w, h } => {
            let r = Rect::from_min_max(at(x, y), at(x + w, y + h));
            painter.rect_stroke(r, 0.0, stroke, egui::StrokeKind::Middle);
            r.left_top()
        }
        Shape::Ellipse { x, y, w, h } => {
            let r = Rect::from_min_max(at(x, y), at(x + w, y + h));
            painter.add(egui::epaint::EllipseShape::stroke(
                r.center(),
                r.size() / 2.0,
                stroke,
            ));
            r.left_top()
        }
        Shape::Arrow { x1, y1, x2, y2 } => {
            let (tail, head) = (at(x1, y1), at(x2, y2));
            painter.line_segment([tail, head], stroke);
            let dir = (head - tail).normalized();
            let side = vec2(-dir.y, dir.x);
            for s in [-1.0, 1.0] {
                painter.line_segment([head, head - dir * 14.0 + side * 7.0 * s], stroke);
            }
            tail
        }
    };
    if !label.is_empty() {
        let galley = painter.layout_no_wrap(
            label.to_owned(),
            egui::FontId::proportional(13.0),
            Color32::WHITE,
        );
        let pos = label_at - vec2(0.0, galley.size().y + 2.0);
        let bg = Rect::from_min_size(pos, galley.size()).expand(2.0);
        painter.rect_filled(bg, 2.0, c);
        painter.galley(pos, galley, Color32::WHITE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let size = vec2(4000.0, 3000.0);
        let mut view = ZoomPan::default();
        let pointer = pos2(600.0, 150.0);
        let before = to_norm(view.image_rect(area, size), pointer);
        view.zoom_at(2.0, pointer - area.center());
        let after = to_norm(view.image_rect(area, size), pointer);
        assert!((before - after).length() < 1e-4, "{before:?} → {after:?}");
        assert_eq!(view.zoom, 2.0);
        view.zoom_at(1000.0, Vec2::ZERO);
        assert_eq!(view.zoom, MAX_ZOOM, "zoom is bounded");
    }

    #[test]
    fn normalised_coordinates_round_trip_and_clamp() {
        let image = Rect::from_min_size(pos2(100.0, 50.0), vec2(400.0, 300.0));
        let p = pos2(0.25, 0.75);
        assert!((to_norm(image, to_screen(image, p)) - p).length() < 1e-6);
        assert_eq!(to_norm(image, pos2(0.0, 1000.0)), pos2(0.0, 1.0));
    }

    #[test]
    fn dragged_boxes_are_normalised_whichever_way_they_are_drawn() {
        let a = pos2(0.6, 0.2);
        let b = pos2(0.4, 0.5);
        match shape_from_drag(MarkKind::Rect, a, b) {
            Shape::Rect { x, y, w, h } => {
                assert_eq!((x, y), (0.4, 0.2));
                assert!((w - 0.2).abs() < 1e-6 && (h - 0.3).abs() < 1e-6);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            shape_from_drag(MarkKind::Arrow, a, b),
            Shape::Arrow {
                x1: 0.6,
                y1: 0.2,
                x2: 0.4,
                y2: 0.5
            },
            "an arrow keeps its direction"
        );
        assert!(!is_meaningful(&shape_from_drag(MarkKind::Ellipse, a, a)));
        assert!(is_meaningful(&shape_from_drag(MarkKind::Ellipse, a, b)));
    }

    #[test]
    fn a_synchronised_gesture_moves_two_views_alike() {
        let mut left = ZoomPan::default();
        let mut right = ZoomPan {
            zoom: 1.5,
            pan: vec2(10.0, 0.0),
        };
        let g = Gesture {
            zoom: 1.25,
            at: vec2(5.0, -5.0),
            pan: vec2(3.0, 4.0),
        };
        let (l0, r0) = (left, right);
        g.apply(&mut left);
        g.apply(&mut right);
        assert!((left.zoom / l0.zoom - right.zoom / r0.zoom).abs() < 1e-6);
        assert_ne!(left, l0);
        assert!(!Gesture::default().is_some(), "no input, no change");
    }
}
