//! Defect marks drawn into an image (for exported thumbnails): rectangles,
//! ellipses and arrows in a strong red with a white halo, so they show on
//! light and dark photos alike. Marks are in normalised coordinates of the
//! upright image (see [`crate::model::Mark`]).

use crate::model::{Mark, Shape};
use image::{Rgba, RgbaImage};

const RED: Rgba<u8> = Rgba([220, 30, 30, 255]);
const HALO: Rgba<u8> = Rgba([255, 255, 255, 255]);

/// Draws every mark onto `img`. Marks outside the picture are clipped.
pub fn draw_marks(img: &mut RgbaImage, marks: &[Mark]) {
    let (w, h) = (img.width() as f32, img.height() as f32);
    if w < 1.0 || h < 1.0 {
        return;
    }
    // Lines about 1/120 of the longer side, at least 2 px.
    let thick = (w.max(h) / 120.0).max(2.0);
    for (colour, width) in [(HALO, thick + 2.0), (RED, thick)] {
        for mark in marks {
            for (a, b) in segments(mark.shape, w, h) {
                line(img, a, b, width, colour);
            }
        }
    }
}

type Pt = (f32, f32);

/// The shape as straight segments in pixels.
fn segments(shape: Shape, w: f32, h: f32) -> Vec<(Pt, Pt)> {
    match shape {
        Shape::Rect { x, y, w: rw, h: rh } => {
            let (x0, y0, x1, y1) = (x * w, y * h, (x + rw) * w, (y + rh) * h);
            vec![
                ((x0, y0), (x1, y0)),
                ((x1, y0), (x1, y1)),
                ((x1, y1), (x0, y1)),
                ((x0, y1), (x0, y0)),
            ]
        }
        Shape::Ellipse { x, y, w: rw, h: rh } => {
            let (cx, cy) = ((x + rw / 2.0) * w, (y + rh / 2.0) * h);
            let (ax, ay) = (rw / 2.0 * w, rh / 2.0 * h);
            let n = 72;
            let at = |i: usize| {
                let t = i as f32 / n as f32 * std::f32::consts::TAU;
                (cx + ax * t.cos(), cy + ay * t.sin())
            };
            (0..n).map(|i| (at(i), at(i + 1))).collect()
        }
        Shape::Arrow { x1, y1, x2, y2 } => {
            let (a, b) = ((x1 * w, y1 * h), (x2 * w, y2 * h));
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len = (dx * dx + dy * dy).sqrt();
            if len < 0.5 {
                return Vec::new();
            }
            // The head: two strokes a fifth of the shaft (at least 8 px) long,
            // 30° either side of it.
            let head = (len / 5.0).max(8.0).min(len);
            let angle = dy.atan2(dx);
            let wing = |turn: f32| {
                let t = angle + std::f32::consts::PI + turn;
                (b.0 + head * t.cos(), b.1 + head * t.sin())
            };
            let turn = 30f32.to_radians();
            vec![(a, b), (b, wing(turn)), (b, wing(-turn))]
        }
    }
}

/// A thick line with round ends: every pixel within `width / 2` of the
/// segment takes the colour.
fn line(img: &mut RgbaImage, a: Pt, b: Pt, width: f32, colour: Rgba<u8>) {
    let r = width / 2.0;
    let (iw, ih) = (img.width() as i64, img.height() as i64);
    let x0 = ((a.0.min(b.0) - r).floor() as i64).max(0);
    let x1 = ((a.0.max(b.0) + r).ceil() as i64).min(iw - 1);
    let y0 = ((a.1.min(b.1) - r).floor() as i64).max(0);
    let y1 = ((a.1.max(b.1) + r).ceil() as i64).min(ih - 1);
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    for y in y0..=y1 {
        // Only the pixels near the segment on this row: a diagonal across
        // the picture must not cost its whole bounding box (20,000 such
        // marks took half a minute).
        let (from, to) = row_span(a, (dx, dy), r, y as f32 + 0.5);
        let from = (from.floor() as i64).max(x0);
        let to = (to.ceil() as i64).min(x1);
        for x in from..=to {
            if covers(a, (dx, dy), r, (x as f32 + 0.5, y as f32 + 0.5)) {
                img.put_pixel(x as u32, y as u32, colour);
            }
        }
    }
}

/// Whether the point `p` is within `r` of the segment from `a` along `d`.
fn covers(a: Pt, (dx, dy): Pt, r: f32, (px, py): Pt) -> bool {
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((px - a.0) * dx + (py - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (qx, qy) = (a.0 + t * dx - px, a.1 + t * dy - py);
    qx * qx + qy * qy <= r * r
}

/// The x range (a superset) of the pixels on row `py` within `r` of the
/// segment from `a` along `d`: around where the line crosses the row, as
/// wide as the stroke is there, plus the round ends.
fn row_span(a: Pt, d: Pt, r: f32, py: f32) -> (f32, f32) {
    let (dx, dy) = d;
    if dy.abs() < 1e-3 {
        return (f32::MIN, f32::MAX);
    }
    let t = ((py - a.1) / dy).clamp(0.0, 1.0);
    let cx = a.0 + t * dx;
    let half = r * (dx.abs() + dy.abs()) / dy.abs() + 1.0;
    (cx - half, cx + half)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pixel of the picture tested: what `line` must match.
    fn brute(img: &mut RgbaImage, a: Pt, b: Pt, width: f32) {
        let r = width / 2.0;
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        for y in 0..img.height() {
            for x in 0..img.width() {
                if covers(a, (dx, dy), r, (x as f32 + 0.5, y as f32 + 0.5)) {
                    img.put_pixel(x, y, RED);
                }
            }
        }
    }

    #[test]
    fn lines_touch_only_the_pixels_near_them_and_all_of_those() {
        let blank = RgbaImage::from_pixel(120, 90, Rgba([0, 0, 0, 255]));
        let segments = [
            ((0.0, 0.0), (120.0, 90.0)),
            ((119.0, 3.0), (2.0, 88.0)),
            ((10.0, 40.0), (110.0, 40.2)),
            ((60.0, 5.0), (60.5, 85.0)),
            ((30.0, 30.0), (30.0, 30.0)),
            ((-50.0, 10.0), (200.0, 70.0)),
            ((5.0, 80.0), (100.0, 79.0)),
        ];
        for (a, b) in segments {
            for width in [2.0, 4.5, 9.0] {
                let (mut fast, mut slow) = (blank.clone(), blank.clone());
                line(&mut fast, a, b, width, RED);
                brute(&mut slow, a, b, width);
                assert!(fast == slow, "{a:?} {b:?} {width}");
            }
        }
    }

    fn red_at(img: &RgbaImage, x: u32, y: u32) -> bool {
        *img.get_pixel(x, y) == RED
    }

    #[test]
    fn each_shape_is_drawn_where_its_coordinates_say() {
        let blank = RgbaImage::from_pixel(200, 100, Rgba([0, 0, 0, 255]));
        let mark = |shape| Mark {
            shape,
            label: String::new(),
        };

        let mut img = blank.clone();
        draw_marks(
            &mut img,
            &[mark(Shape::Rect {
                x: 0.25,
                y: 0.2,
                w: 0.5,
                h: 0.6,
            })],
        );
        assert!(red_at(&img, 50, 50), "left edge");
        assert!(red_at(&img, 100, 20), "top edge");
        assert!(!red_at(&img, 100, 50), "inside stays clear");

        let mut img = blank.clone();
        draw_marks(
            &mut img,
            &[mark(Shape::Ellipse {
                x: 0.0,
                y: 0.0,
                w: 1.0,
                h: 1.0,
            })],
        );
        assert!(
            red_at(&img, 100, 1) || red_at(&img, 100, 0),
            "top of ellipse"
        );
        assert!(!red_at(&img, 100, 50), "centre stays clear");
        assert!(!red_at(&img, 2, 2), "corner is outside the ellipse");

        let mut img = blank.clone();
        draw_marks(
            &mut img,
            &[mark(Shape::Arrow {
                x1: 0.1,
                y1: 0.5,
                x2: 0.9,
                y2: 0.5,
            })],
        );
        assert!(red_at(&img, 100, 50), "shaft");
        assert!(!red_at(&img, 100, 20), "above the shaft");
    }

    #[test]
    fn marks_off_the_picture_and_tiny_images_do_not_panic() {
        let mut img = RgbaImage::new(3, 3);
        draw_marks(
            &mut img,
            &[Mark {
                shape: Shape::Rect {
                    x: -2.0,
                    y: 5.0,
                    w: 9.0,
                    h: 9.0,
                },
                label: String::new(),
            }],
        );
        let mut empty = RgbaImage::new(0, 0);
        draw_marks(
            &mut empty,
            &[Mark {
                shape: Shape::Arrow {
                    x1: 0.0,
                    y1: 0.0,
                    x2: 1.0,
                    y2: 1.0,
                },
                label: String::new(),
            }],
        );
    }
}
