//! Generated photos of a parcel label, for the barcode tests and benchmark: a
//! thermal label (100 × 75 mm) with a Code 128 tracking number, dot-matrix
//! text above and below it, on printed cardboard, photographed turned,
//! tilted (a perspective warp), out of focus, unevenly lit and noisy.
//! Encode the result as JPEG to add compression artefacts.

use super::code128;
use image::RgbImage;

/// The label's size in millimetres.
const LABEL_MM: [f32; 2] = [100.0, 75.0];
/// Module (narrowest bar) width on the label, mm.
const MODULE_MM: f32 = 0.45;
/// The barcode's top and bottom on the label, mm.
const BAR_TOP: f32 = 15.0;
const BAR_BOTTOM: f32 = 35.0;

/// One photo of a label: what it encodes and how it was taken.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelShot {
    /// The tracking number in the barcode.
    pub text: String,
    /// The frame size in pixels.
    pub size: [u32; 2],
    /// The label's scale at its centre, pixels per millimetre.
    pub px_per_mm: f32,
    /// Rotation in the picture plane, degrees (positive: clockwise).
    pub angle_deg: f32,
    /// Perspective: the change of depth per millimetre across and down the
    /// label (0.003 makes one edge about 15 % smaller than the other).
    pub tilt: [f32; 2],
    /// The label's centre, in 0..1 of the frame.
    pub centre: [f32; 2],
    /// Blur radius in pixels (two box passes), 0 for none.
    pub blur_px: u32,
    /// Seeds the print around the label, the lighting and the noise.
    pub seed: u64,
}

impl LabelShot {
    /// A shot as the benchmark draws them: 12 MP, the label 800–1300 px
    /// wide, turned up to ±25°, tilted, blurred by 1–3 px.
    pub fn random(text: &str, seed: u64) -> Self {
        let mut rng = Rng(seed ^ 0x9e37_79b9_7f4a_7c15);
        LabelShot {
            text: text.to_string(),
            size: [4000, 3000],
            px_per_mm: rng.range(8.0, 13.0),
            angle_deg: rng.range(-25.0, 25.0),
            tilt: [rng.range(-0.003, 0.003), rng.range(-0.003, 0.003)],
            centre: [rng.range(0.35, 0.65), rng.range(0.4, 0.6)],
            blur_px: 1 + (rng.next() % 3) as u32,
            seed,
        }
    }

    /// The picture, or `None` when the text cannot be encoded as Code 128.
    pub fn render(&self) -> Option<RgbImage> {
        let modules = code128::encode(&self.text)?;
        let label = Label::new(modules);
        let [w, h] = self.size;
        let mut img = RgbImage::new(w, h);
        let bg = Background::new(self.seed, w, h);
        for (x, y, px) in img.enumerate_pixels_mut() {
            let (fx, fy) = (x as f32, y as f32);
            px.0 = match self.label_value(&label, fx, fy) {
                Some(v) => paper(v),
                None => bg.at(fx, fy),
            };
        }
        blur(&mut img, self.blur_px);
        light_and_noise(&mut img, self.seed);
        Some(img)
    }

    /// The barcode's corners (with its quiet zones) in 0..1 of the frame.
    pub fn barcode_corners(&self) -> Option<[[f32; 2]; 4]> {
        let n = code128::encode(&self.text)?.len() as f32 + 20.0;
        let half = n * MODULE_MM / 2.0;
        let cx = LABEL_MM[0] / 2.0;
        let c = [
            [cx - half, BAR_TOP],
            [cx + half, BAR_TOP],
            [cx + half, BAR_BOTTOM],
            [cx - half, BAR_BOTTOM],
        ];
        let [w, h] = self.size;
        Some(c.map(|[u, v]| {
            let (x, y) = self.to_frame(u, v);
            [x / w as f32, y / h as f32]
        }))
    }

    /// Label millimetres → frame pixels.
    fn to_frame(&self, u: f32, v: f32) -> (f32, f32) {
        let (u, v) = (u - LABEL_MM[0] / 2.0, v - LABEL_MM[1] / 2.0);
        let w = 1.0 + self.tilt[0] * u + self.tilt[1] * v;
        let (s, c) = self.angle_deg.to_radians().sin_cos();
        let k = self.px_per_mm / w;
        let [x0, y0] = self.origin();
        (x0 + k * (c * u - s * v), y0 + k * (s * u + c * v))
    }

    /// Frame pixels → label millimetres (the inverse of `to_frame`).
    fn to_label(&self, x: f32, y: f32) -> (f32, f32) {
        let [x0, y0] = self.origin();
        let (dx, dy) = ((x - x0) / self.px_per_mm, (y - y0) / self.px_per_mm);
        let (s, c) = self.angle_deg.to_radians().sin_cos();
        let (a, b) = (c * dx + s * dy, -s * dx + c * dy);
        let w = 1.0 / (1.0 - self.tilt[0] * a - self.tilt[1] * b);
        (a * w + LABEL_MM[0] / 2.0, b * w + LABEL_MM[1] / 2.0)
    }

    fn origin(&self) -> [f32; 2] {
        [
            self.centre[0] * self.size[0] as f32,
            self.centre[1] * self.size[1] as f32,
        ]
    }

    /// The label's grey (0 ink, 1 paper) at a frame pixel, 2×2 samples, or
    /// `None` off the label.
    fn label_value(&self, label: &Label, x: f32, y: f32) -> Option<f32> {
        let (u, v) = self.to_label(x + 0.5, y + 0.5);
        let margin = 2.0;
        if !(-margin..LABEL_MM[0] + margin).contains(&u)
            || !(-margin..LABEL_MM[1] + margin).contains(&v)
        {
            return None;
        }
        let mut sum = 0.0;
        let mut inside = 0;
        for (ox, oy) in [(0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)] {
            let (u, v) = self.to_label(x + ox, y + oy);
            if let Some(g) = label.at(u, v) {
                sum += g;
                inside += 1;
            }
        }
        (inside >= 2).then(|| sum / inside as f32)
    }
}

/// The label's print: the barcode and dot-matrix text.
struct Label {
    modules: Vec<bool>,
    bar_left: f32,
}

impl Label {
    fn new(modules: Vec<bool>) -> Self {
        let bar_left = LABEL_MM[0] / 2.0 - modules.len() as f32 * MODULE_MM / 2.0;
        Label { modules, bar_left }
    }

    /// 0 ink, 1 paper, `None` off the label.
    fn at(&self, u: f32, v: f32) -> Option<f32> {
        if !(0.0..LABEL_MM[0]).contains(&u) || !(0.0..LABEL_MM[1]).contains(&v) {
            return None;
        }
        let ink = frame_line(u, v) || self.bar(u, v) || text(u, v);
        Some(if ink { 0.0 } else { 1.0 })
    }

    fn bar(&self, u: f32, v: f32) -> bool {
        if !(BAR_TOP..BAR_BOTTOM).contains(&v) || u < self.bar_left {
            return false;
        }
        let k = ((u - self.bar_left) / MODULE_MM) as usize;
        self.modules.get(k).copied().unwrap_or(false)
    }
}

/// The border and two rules across the label.
fn frame_line(u: f32, v: f32) -> bool {
    let near = |a: f32, b: f32| (a - b).abs() < 0.4;
    near(u, 2.0) || near(u, 98.0) || near(v, 2.0) || near(v, 73.0) || near(v, 11.0) || near(v, 46.0)
}

/// Dot-matrix text: a header, the number under the barcode, address lines.
fn text(u: f32, v: f32) -> bool {
    // (top, glyph height, left, right) of each line, mm.
    const LINES: [(f32, f32, f32, f32); 6] = [
        (4.0, 5.0, 6.0, 60.0),
        (38.0, 3.5, 30.0, 70.0),
        (50.0, 3.0, 6.0, 90.0),
        (55.0, 3.0, 6.0, 80.0),
        (60.0, 3.0, 6.0, 85.0),
        (65.0, 3.0, 6.0, 50.0),
    ];
    LINES
        .iter()
        .enumerate()
        .any(|(line, &(top, gh, left, right))| {
            if !(top..top + gh).contains(&v) || !(left..right).contains(&u) {
                return false;
            }
            let cell = gh * 0.8;
            let (col, fx) = (((u - left) / cell) as u64, (u - left) % cell / cell);
            let fy = (v - top) / gh;
            glyph_dot(line as u64 * 1000 + col, fx, fy)
        })
}

/// A 4×5 dot glyph with a gap column, picked by `key`; fx, fy in 0..1.
fn glyph_dot(key: u64, fx: f32, fy: f32) -> bool {
    let (gx, gy) = ((fx * 5.0) as u64, (fy * 5.0) as u64);
    if gx >= 4 || key % 7 == 6 {
        return false; // spacing between glyphs, and between words
    }
    hash(key * 31 + gy * 5 + gx) % 100 < 45
}

fn paper(v: f32) -> [u8; 3] {
    // Thermal paper is a cool white; its black is not quite black.
    let g = |lo: f32, hi: f32| (lo + (hi - lo) * v) as u8;
    [g(28.0, 236.0), g(28.0, 238.0), g(32.0, 240.0)]
}

/// Cardboard with printed marks, in frame pixels.
struct Background {
    seed: u64,
    marks: Vec<[f32; 4]>,
}

impl Background {
    fn new(seed: u64, w: u32, h: u32) -> Self {
        let mut rng = Rng(seed.wrapping_mul(7) + 1);
        let marks = (0..6)
            .map(|_| {
                let gh = rng.range(30.0, 90.0);
                let x = rng.range(0.0, w as f32 * 0.8);
                let y = rng.range(0.0, h as f32 * 0.9);
                [x, y, x + rng.range(200.0, 900.0), gh]
            })
            .collect();
        Background { seed, marks }
    }

    fn at(&self, x: f32, y: f32) -> [u8; 3] {
        let printed = self.marks.iter().enumerate().any(|(i, &[x0, y0, x1, gh])| {
            (x0..x1).contains(&x)
                && (y0..y0 + gh).contains(&y)
                && glyph_dot(
                    self.seed + i as u64 * 977 + ((x - x0) / (gh * 0.8)) as u64,
                    (x - x0) % (gh * 0.8) / (gh * 0.8),
                    (y - y0) / gh,
                )
        });
        if printed {
            return [52, 40, 34];
        }
        let fibre = (hash(self.seed ^ ((x as u64) << 20 | y as u64)) % 13) as f32 - 6.0;
        let wave = (x * 0.004 + y * 0.001).sin() * 6.0;
        let g = |base: f32| (base + fibre + wave).clamp(0.0, 255.0) as u8;
        [g(178.0), g(138.0), g(96.0)]
    }
}

/// Two passes of a box blur of radius `r`, rows then columns.
fn blur(img: &mut RgbImage, r: u32) {
    if r == 0 {
        return;
    }
    let (w, h) = (img.width() as usize, img.height() as usize);
    let buf: &mut [u8] = img;
    for _ in 0..2 {
        for y in 0..h {
            box_line(&mut buf[y * w * 3..(y + 1) * w * 3], 3, r as usize);
        }
        let mut col = vec![0u8; h * 3];
        for x in 0..w {
            for y in 0..h {
                col[y * 3..y * 3 + 3].copy_from_slice(&buf[(y * w + x) * 3..(y * w + x) * 3 + 3]);
            }
            box_line(&mut col, 3, r as usize);
            for y in 0..h {
                buf[(y * w + x) * 3..(y * w + x) * 3 + 3].copy_from_slice(&col[y * 3..y * 3 + 3]);
            }
        }
    }
}

/// A running-sum box filter over interleaved channels, edges clamped.
fn box_line(line: &mut [u8], channels: usize, r: usize) {
    let n = line.len() / channels;
    let src = line.to_vec();
    let at =
        |i: isize, c: usize| u32::from(src[i.clamp(0, n as isize - 1) as usize * channels + c]);
    let span = 2 * r as u32 + 1;
    for c in 0..channels {
        let mut sum: u32 = (-(r as isize)..=r as isize).map(|i| at(i, c)).sum();
        for i in 0..n {
            line[i * channels + c] = (sum / span) as u8;
            sum += at((i + r + 1) as isize, c);
            sum -= at(i as isize - r as isize, c);
        }
    }
}

/// Uneven light (darker towards one corner) and sensor noise.
fn light_and_noise(img: &mut RgbImage, seed: u64) {
    let (w, h) = (img.width() as f32, img.height() as f32);
    let mut rng = Rng(seed ^ 0x5151);
    let (lx, ly) = (rng.range(-0.25, 0.25), rng.range(-0.25, 0.25));
    for (x, y, px) in img.enumerate_pixels_mut() {
        let light = 0.9 + lx * (x as f32 / w - 0.5) + ly * (y as f32 / h - 0.5);
        for ch in px.0.iter_mut() {
            let noise = (rng.next() % 9) as f32 - 4.0;
            *ch = (f32::from(*ch) * light + noise).clamp(0.0, 255.0) as u8;
        }
    }
}

fn hash(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(1);
        hash(self.0)
    }

    fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * (self.next() % 1_000_000) as f32 / 1_000_000.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn small(angle: f32) -> LabelShot {
        LabelShot {
            text: "SF1234567890123".into(),
            size: [400, 300],
            px_per_mm: 2.0,
            angle_deg: angle,
            tilt: [0.002, -0.001],
            centre: [0.5, 0.5],
            blur_px: 1,
            seed: 3,
        }
    }

    #[test]
    fn frame_and_label_coordinates_invert() {
        let shot = small(17.0);
        for (u, v) in [(0.0, 0.0), (50.0, 37.5), (97.0, 12.0), (3.0, 70.0)] {
            let (x, y) = shot.to_frame(u, v);
            let (u2, v2) = shot.to_label(x, y);
            assert!((u - u2).abs() < 1e-2 && (v - v2).abs() < 1e-2, "{u},{v}");
        }
    }

    #[test]
    fn the_label_is_drawn_where_its_corners_say() {
        let shot = small(0.0);
        let img = shot.render().unwrap();
        assert_eq!(img.dimensions(), (400, 300));
        let c = shot.barcode_corners().unwrap();
        let mid = [(c[0][0] + c[2][0]) / 2.0, (c[0][1] + c[2][1]) / 2.0];
        assert!(mid.iter().all(|m| (0.3..0.7).contains(m)), "{mid:?}");
        // The label's paper is brighter than the cardboard around it.
        let corner = img.get_pixel(5, 5).0;
        assert!(corner[2] < 140, "{corner:?}");
        assert!(shot.barcode_corners().is_some());
        let bad = LabelShot {
            text: "单号".into(),
            ..small(0.0)
        };
        assert!(bad.render().is_none());
    }
}
