//! Where 1-D barcodes may be in a grey photo, and at what angle: blocks
//! whose gradients are strong and all point one way (bars side by side),
//! joined into regions that are long across the bars. Each region is cut
//! from the full-size photo, turned so its bars stand upright, for the
//! reader to read at full resolution.

use image::GrayImage;

/// Block side in pixels of the grey copy.
const BLOCK: u32 = 16;
/// Mean squared gradient a block needs (an RMS gradient of 20 levels).
const MIN_ENERGY: f32 = 400.0;
/// How much of a block's gradient must point one way (0..1).
const MIN_COHERENCE: f32 = 0.65;
/// Neighbouring blocks join when their angles differ by less than this.
const JOIN_DEG: f32 = 15.0;
/// A crop has at most this many pixels (scaled down past it).
const MAX_CROP_PIXELS: f32 = 1_500_000.0;

/// A region that may hold a 1-D barcode, in grey-copy pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Region {
    pub centre: [f32; 2],
    /// The reading direction (across the bars), radians.
    pub angle: f32,
    pub length: f32,
    pub height: f32,
    /// Blocks in the region (its size, for ranking).
    pub blocks: usize,
}

/// A picture to read and where its pixels come from: grey-copy point =
/// `o + x·a + y·b` for a picture point (x, y).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Affine {
    pub o: [f32; 2],
    pub a: [f32; 2],
    pub b: [f32; 2],
}

impl Affine {
    pub fn apply(&self, [x, y]: [f32; 2]) -> [f32; 2] {
        [
            self.o[0] + x * self.a[0] + y * self.b[0],
            self.o[1] + x * self.a[1] + y * self.b[1],
        ]
    }
}

/// One block's gradient tensor.
#[derive(Clone, Copy, Default)]
struct Tensor {
    xx: f32,
    yy: f32,
    xy: f32,
}

impl Tensor {
    fn energy(&self) -> f32 {
        self.xx + self.yy
    }

    fn coherence(&self) -> f32 {
        let d = ((self.xx - self.yy).powi(2) + 4.0 * self.xy.powi(2)).sqrt();
        d / self.energy().max(1e-6)
    }

    /// The dominant gradient direction, radians (mod π).
    fn angle(&self) -> f32 {
        0.5 * (2.0 * self.xy).atan2(self.xx - self.yy)
    }
}

/// Up to `max` regions, largest first.
pub(super) fn regions(grey: &GrayImage, max: usize) -> Vec<Region> {
    let (bw, bh) = (grey.width() / BLOCK, grey.height() / BLOCK);
    if bw < 2 || bh < 2 {
        return Vec::new();
    }
    let tensors = block_tensors(grey, bw, bh);
    let barred: Vec<bool> = tensors
        .iter()
        .map(|t| {
            t.energy() / (BLOCK * BLOCK) as f32 >= MIN_ENERGY && t.coherence() >= MIN_COHERENCE
        })
        .collect();
    let mut seen = vec![false; tensors.len()];
    let mut found = Vec::new();
    for start in 0..tensors.len() {
        if barred[start] && !seen[start] {
            let members = flood(start, bw, bh, &tensors, &barred, &mut seen);
            if let Some(r) = region_of(&members, &tensors, bw) {
                found.push(r);
            }
        }
    }
    found.sort_by_key(|r| std::cmp::Reverse(r.blocks));
    found.truncate(max);
    found
}

fn block_tensors(grey: &GrayImage, bw: u32, bh: u32) -> Vec<Tensor> {
    let (w, h) = grey.dimensions();
    let raw = grey.as_raw();
    let at = |x: u32, y: u32| f32::from(raw[(y * w + x) as usize]);
    let mut out = vec![Tensor::default(); (bw * bh) as usize];
    for y in 1..h.saturating_sub(1).min(bh * BLOCK) {
        for x in 1..w.saturating_sub(1).min(bw * BLOCK) {
            let gx = at(x + 1, y) - at(x - 1, y);
            let gy = at(x, y + 1) - at(x, y - 1);
            let t = &mut out[((y / BLOCK) * bw + x / BLOCK) as usize];
            t.xx += gx * gx;
            t.yy += gy * gy;
            t.xy += gx * gy;
        }
    }
    out
}

/// The blocks joined to `start`: barred neighbours of a similar angle.
fn flood(
    start: usize,
    bw: u32,
    bh: u32,
    tensors: &[Tensor],
    barred: &[bool],
    seen: &mut [bool],
) -> Vec<usize> {
    let mut members = vec![start];
    seen[start] = true;
    let mut i = 0;
    while i < members.len() {
        let k = members[i];
        i += 1;
        let (x, y) = ((k as u32 % bw) as i64, (k as u32 / bw) as i64);
        for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
            let (nx, ny) = (x + dx, y + dy);
            if nx < 0 || ny < 0 || nx >= i64::from(bw) || ny >= i64::from(bh) {
                continue;
            }
            let n = (ny * i64::from(bw) + nx) as usize;
            if barred[n] && !seen[n] && similar(tensors[k].angle(), tensors[n].angle()) {
                seen[n] = true;
                members.push(n);
            }
        }
    }
    members
}

fn similar(a: f32, b: f32) -> bool {
    let d = (a - b).rem_euclid(std::f32::consts::PI);
    d.min(std::f32::consts::PI - d) < JOIN_DEG.to_radians()
}

/// The region of joined blocks, when it is long across its bars (at least
/// four blocks, and twice its height); a printed line or a glyph is not.
fn region_of(members: &[usize], tensors: &[Tensor], bw: u32) -> Option<Region> {
    if members.len() < 4 {
        return None;
    }
    let sum = members.iter().fold(Tensor::default(), |s, &k| Tensor {
        xx: s.xx + tensors[k].xx,
        yy: s.yy + tensors[k].yy,
        xy: s.xy + tensors[k].xy,
    });
    let angle = sum.angle();
    let (s, c) = angle.sin_cos();
    let centre_of = |k: usize| {
        let half = BLOCK as f32 / 2.0;
        [
            (k as u32 % bw * BLOCK) as f32 + half,
            (k as u32 / bw * BLOCK) as f32 + half,
        ]
    };
    let (mut umin, mut umax, mut vmin, mut vmax) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for &k in members {
        let [x, y] = centre_of(k);
        let (u, v) = (x * c + y * s, -x * s + y * c);
        umin = umin.min(u);
        umax = umax.max(u);
        vmin = vmin.min(v);
        vmax = vmax.max(v);
    }
    let (length, height) = (umax - umin + BLOCK as f32, vmax - vmin + BLOCK as f32);
    if length < 4.0 * BLOCK as f32 || length < 1.5 * height {
        return None;
    }
    let (u, v) = ((umin + umax) / 2.0, (vmin + vmax) / 2.0);
    Some(Region {
        centre: [u * c - v * s, u * s + v * c],
        angle,
        length,
        height,
        blocks: members.len(),
    })
}

/// The region cut from `full` (the photo at full size; `k` full-size
/// pixels per grey pixel), turned so the reading direction is horizontal,
/// with quiet zones, at `zoom` × full size (capped in pixels), and where
/// its pixels come from in the grey copy.
pub(super) fn crop(full: &GrayImage, k: f32, r: &Region, zoom: f32) -> Option<(GrayImage, Affine)> {
    let len = r.length * 1.4 + 2.0 * BLOCK as f32;
    let hgt = r.height + BLOCK as f32;
    // Crop pixels per grey pixel.
    let mut scale = k * zoom;
    let px = len * hgt * scale * scale;
    if px > MAX_CROP_PIXELS {
        scale *= (MAX_CROP_PIXELS / px).sqrt();
    }
    let (cw, ch) = ((len * scale) as u32, (hgt * scale) as u32);
    if cw < 16 || ch < 4 {
        return None;
    }
    let (s, c) = r.angle.sin_cos();
    let a = [c / scale, s / scale];
    let b = [-s / scale, c / scale];
    let o = [
        r.centre[0] - a[0] * cw as f32 / 2.0 - b[0] * ch as f32 / 2.0,
        r.centre[1] - a[1] * cw as f32 / 2.0 - b[1] * ch as f32 / 2.0,
    ];
    let map = Affine { o, a, b };
    Some((sample(full, k, &map, cw, ch), map))
}

/// Bilinear samples of `full` at `k ×` the grey-copy points of `map`.
pub(super) fn sample(full: &GrayImage, k: f32, map: &Affine, cw: u32, ch: u32) -> GrayImage {
    let (w, h) = full.dimensions();
    let raw = full.as_raw();
    let at = |x: usize, y: usize| f32::from(raw[y * w as usize + x]);
    let mut out = GrayImage::new(cw, ch);
    for (x, y, px) in out.enumerate_pixels_mut() {
        let [gx, gy] = map.apply([x as f32, y as f32]);
        let (fx, fy) = (gx * k, gy * k);
        px.0[0] = if fx < 0.0 || fy < 0.0 || fx >= (w - 1) as f32 || fy >= (h - 1) as f32 {
            128
        } else {
            let (x0, y0) = (fx as usize, fy as usize);
            let (tx, ty) = (fx - x0 as f32, fy - y0 as f32);
            let top = at(x0, y0) * (1.0 - tx) + at(x0 + 1, y0) * tx;
            let bottom = at(x0, y0 + 1) * (1.0 - tx) + at(x0 + 1, y0 + 1) * tx;
            (top * (1.0 - ty) + bottom * ty) as u8
        };
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use image::Luma;

    /// Vertical bars turned by `deg`, in a flat frame.
    fn bars(deg: f32) -> GrayImage {
        let (s, c) = deg.to_radians().sin_cos();
        GrayImage::from_fn(400, 300, |x, y| {
            let (dx, dy) = (x as f32 - 200.0, y as f32 - 150.0);
            let (u, v) = (dx * c + dy * s, -dx * s + dy * c);
            let inside = u.abs() < 120.0 && v.abs() < 30.0;
            let bar = (u + 200.0) as u32 % 7 < 3;
            Luma([if inside && bar { 20 } else { 230 }])
        })
    }

    #[test]
    fn a_turned_bar_pattern_is_found_with_its_angle() {
        for deg in [0.0f32, 20.0, -35.0, 70.0] {
            let found = regions(&bars(deg), 3);
            assert_eq!(found.len(), 1, "{deg}: {found:?}");
            let r = found[0];
            let diff = (r.angle - deg.to_radians()).rem_euclid(std::f32::consts::PI);
            let diff = diff.min(std::f32::consts::PI - diff).to_degrees();
            assert!(diff < 5.0, "{deg}: {}", r.angle.to_degrees());
            assert!((r.centre[0] - 200.0).abs() < 20.0 && (r.centre[1] - 150.0).abs() < 20.0);
            assert!(r.length > 200.0, "{r:?}");
        }
        assert!(regions(&GrayImage::from_pixel(400, 300, Luma([128])), 3).is_empty());
    }

    #[test]
    fn a_crop_maps_back_to_where_it_was_cut() {
        let img = bars(30.0);
        let r = regions(&img, 1)[0];
        let (crop, map) = crop(&img, 1.0, &r, 1.0).unwrap();
        let mid = map.apply([crop.width() as f32 / 2.0, crop.height() as f32 / 2.0]);
        assert!((mid[0] - r.centre[0]).abs() < 1.0 && (mid[1] - r.centre[1]).abs() < 1.0);
        // Turned upright: the middle row alternates bars and spaces.
        let row: Vec<u8> = (0..crop.width())
            .map(|x| crop.get_pixel(x, crop.height() / 2).0[0])
            .collect();
        let edges = row
            .windows(2)
            .filter(|w| (w[0] > 128) != (w[1] > 128))
            .count();
        assert!(edges > 40, "{edges}");
    }
}
