//! Barcodes in a photo: Code 128, Code 39, QR and EAN-13/UPC-A, read with
//! `rxing` from a grey copy of at most [`MAX_SCAN_PIXELS`], turned through a
//! few angles (a 1-D code must be crossed by a near-horizontal line) within a
//! time budget. Every decode runs under `catch_unwind`.
//!
//! First, regions that look like bars side by side are cut from the
//! full-size photo, turned upright, and read there (see
//! `barcode_locate`); then the whole grey copy is read upright (QR,
//! EAN/UPC, and any 1-D code the regions missed); when nothing was found
//! yet, it is read turned by 22.5°, −22.5° and 45° while the budget lasts.
//!
//! It prefers reading nothing to reading a wrong number: EAN/UPC check
//! digits are checked again, and a 1-D code counts only when a second,
//! independent read agrees: the same place cut again from the full-size
//! photo at another scale, or a read at another angle. Two different texts
//! in one place drop both.

use super::barcode_locate::{self, Affine, Region};
use crate::rules::tracking::Symbology;
use image::{DynamicImage, GrayImage};
use rxing::common::HybridBinarizer;
use rxing::multi::{GenericMultipleBarcodeReader, MultipleBarcodeReader};
use rxing::{
    BarcodeFormat, BinaryBitmap, DecodeHints, Luma8LuminanceSource, MultiUseMultiFormatReader,
    RXingResult,
};
use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

/// The grey copy is scaled down to at most this many pixels (a 12 MP photo
/// to about 2.5 MP).
pub const MAX_SCAN_PIXELS: u64 = 2_500_000;

/// The angles tried, degrees, in order. The reader itself also tries each
/// turned 90°, and reads upside down, so these four cover every angle
/// within 11.25° (enough for a label barcode up to about 5× as long as tall).
const ANGLES: [f32; 4] = [0.0, 22.5, -22.5, 45.0];

/// A code read in a photo.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundCode {
    pub text: String,
    pub symbology: Symbology,
    /// Its corners in 0..1 of the upright photo (x right, y down), in order
    /// around it. For a 1-D code the reader finds the line it read along;
    /// the height of this box is an estimate (a quarter of the length), not
    /// the measured height of the bars.
    pub quad: [[f32; 2]; 4],
}

impl FoundCode {
    /// The box around `quad`: [left, top, right, bottom] in 0..1.
    pub fn bounds(&self) -> [f32; 4] {
        let xs = self.quad.map(|p| p[0]);
        let ys = self.quad.map(|p| p[1]);
        let min = |v: [f32; 4]| v.iter().copied().fold(f32::INFINITY, f32::min);
        let max = |v: [f32; 4]| v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        [
            min(xs).max(0.0),
            min(ys).max(0.0),
            max(xs).min(1.0),
            max(ys).min(1.0),
        ]
    }
}

/// What one scan did, besides the codes (for benchmarks and logs).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScanReport {
    pub codes: Vec<FoundCode>,
    /// Angles scanned, of [`ANGLES`].
    pub passes: usize,
    /// Whether the budget stopped the scan before every angle was tried.
    pub out_of_time: bool,
    /// Decodes that panicked inside the reader (caught).
    pub panics: usize,
    /// Reads dropped: unconfirmed, bad check digit, or in conflict.
    pub dropped: usize,
}

/// The codes in an upright photo, scanning for about `budget` at most: the
/// region reads and the first (upright) pass always run, and a pass
/// already started is finished, so a scan can overrun by up to one pass.
pub fn scan(image: &DynamicImage, budget: Duration) -> Vec<FoundCode> {
    scan_report(image, budget).codes
}

/// [`scan`], with what it did.
pub fn scan_report(image: &DynamicImage, budget: Duration) -> ScanReport {
    let start = Instant::now();
    let full = match image {
        DynamicImage::ImageLuma8(g) => std::borrow::Cow::Borrowed(g),
        other => std::borrow::Cow::Owned(other.to_luma8()),
    };
    let grey = shrink(&full);
    if grey.width() < 2 || grey.height() < 2 {
        return ScanReport::default();
    }
    let mut scan = Scanner {
        full: &full,
        k: full.width() as f32 / grey.width().max(1) as f32,
        reads: Vec::new(),
        report: ScanReport::default(),
    };
    scan.located(&grey);
    scan.passes(&grey, start, budget);
    let mut report = scan.report;
    report.codes = settle(scan.reads, grey.dimensions(), &mut report.dropped);
    report
}

/// A grey copy of at most [`MAX_SCAN_PIXELS`], averaged over boxes.
pub fn scan_copy(image: &DynamicImage) -> GrayImage {
    match image {
        DynamicImage::ImageLuma8(g) => shrink(g),
        other => shrink(&other.to_luma8()),
    }
}

fn shrink(g: &GrayImage) -> GrayImage {
    let (w, h) = g.dimensions();
    let pixels = u64::from(w) * u64::from(h);
    if pixels <= MAX_SCAN_PIXELS {
        return g.clone();
    }
    let f = (pixels as f64 / MAX_SCAN_PIXELS as f64).sqrt();
    let (dw, dh) = (
        ((f64::from(w) / f) as u32).max(1),
        ((f64::from(h) / f) as u32).max(1),
    );
    let col: Vec<usize> = (0..w)
        .map(|x| ((f64::from(x) / f) as usize).min(dw as usize - 1))
        .collect();
    let mut out = GrayImage::new(dw, dh);
    let mut sums = vec![0u32; dw as usize];
    let mut counts = vec![0u32; dw as usize];
    let mut next_row = 0u32;
    for dy in 0..dh {
        let end = ((f64::from(dy + 1) * f) as u32).max(next_row + 1).min(h);
        sums.fill(0);
        counts.fill(0);
        for y in next_row..end {
            for (x, &v) in g.as_raw()[(y * w) as usize..((y + 1) * w) as usize]
                .iter()
                .enumerate()
            {
                sums[col[x]] += u32::from(v);
                counts[col[x]] += 1;
            }
        }
        next_row = end;
        for dx in 0..dw as usize {
            let v = sums[dx] / counts[dx].max(1);
            out.put_pixel(dx as u32, dy, image::Luma([v as u8]));
        }
    }
    out
}

/// Regions tried at full size, at most.
const MAX_REGIONS: usize = 4;
/// 1-D formats, for the regions.
const ONE_D: [BarcodeFormat; 4] = [
    BarcodeFormat::CODE_128,
    BarcodeFormat::CODE_39,
    BarcodeFormat::EAN_13,
    BarcodeFormat::UPC_A,
];

/// One scan's state: the full-size grey photo, its scale to the grey copy
/// (`k` full pixels per copy pixel), and the readings so far.
struct Scanner<'a> {
    full: &'a GrayImage,
    k: f32,
    reads: Vec<Read>,
    report: ScanReport,
}

impl Scanner<'_> {
    /// Reads each region that looks like bars, cut from the full-size
    /// photo; a second cut at 0.7× that scale confirms.
    fn located(&mut self, grey: &GrayImage) {
        for region in barcode_locate::regions(grey, MAX_REGIONS) {
            // Small codes are cut enlarged (to about 1000 px long): the
            // reader measures bars in whole pixels, after interpolation.
            let zoom = (1000.0 / (region.length * self.k)).clamp(1.0, 3.0);
            let Some((crop, map)) = barcode_locate::crop(self.full, self.k, &region, zoom) else {
                continue;
            };
            let results = match decode_multi(&crop, &hints(&ONE_D)) {
                Ok(r) => r,
                Err(Panicked) => {
                    self.report.panics += 1;
                    continue;
                }
            };
            for r in results {
                self.add(&r, &map, ANGLES.len(), zoom * 0.7);
            }
        }
    }

    /// The whole grey copy upright, then turned while nothing is found and
    /// the budget lasts.
    fn passes(&mut self, grey: &GrayImage, start: Instant, budget: Duration) {
        for (i, &angle) in ANGLES.iter().enumerate() {
            let spent = start.elapsed();
            let per_pass = spent.checked_div(i as u32 + 1).unwrap_or_default();
            if i > 0 && (spent + per_pass > budget || self.reads.iter().any(|r| r.confirmed)) {
                self.report.out_of_time = spent + per_pass > budget;
                break;
            }
            let pass = Pass::new(grey, angle);
            let all = [ONE_D.as_slice(), &[BarcodeFormat::QR_CODE]].concat();
            let results = match decode_multi(&pass.image, &hints(&all)) {
                Ok(r) => r,
                Err(Panicked) => {
                    self.report.panics += 1;
                    continue;
                }
            };
            self.report.passes += 1;
            for r in results {
                self.add(&r, &pass.affine(), i, 1.0);
            }
        }
    }

    /// Checks one rxing result read from a picture mapped by `map` (source
    /// `source`: a pass index, or `ANGLES.len()` for the regions), and
    /// confirms a 1-D code by cutting it again at `zoom` × full size.
    fn add(&mut self, r: &RXingResult, map: &Affine, source: usize, zoom: f32) {
        let Some(symbology) = symbology(*r.getBarcodeFormat()) else {
            self.report.dropped += 1;
            return;
        };
        let text = r.getText().to_string();
        if text.is_empty()
            || text.chars().any(char::is_control)
            || !check_digit_ok(symbology, &text)
        {
            self.report.dropped += 1;
            return;
        }
        let points: Vec<[f32; 2]> = r
            .getPoints()
            .iter()
            .map(|p| map.apply([p.x, p.y]))
            .collect();
        let confirmed = symbology == Symbology::Qr // Reed–Solomon has checked it
            || match self.reread(&points, *r.getBarcodeFormat(), zoom) {
                Ok(Some(t)) if t == text => true,
                Ok(Some(_)) => {
                    self.report.dropped += 1; // a second read disagrees
                    return;
                }
                Ok(None) => false,
                Err(Panicked) => {
                    self.report.panics += 1;
                    false
                }
            };
        self.reads.push(Read {
            text,
            symbology,
            quad: quad_of(&points, symbology),
            pass: source,
            confirmed,
        });
    }

    /// Re-reads a 1-D code along its scan line (grey-copy points), cut from
    /// the full-size photo at `zoom`.
    fn reread(
        &self,
        points: &[[f32; 2]],
        format: BarcodeFormat,
        zoom: f32,
    ) -> Result<Option<String>, Panicked> {
        let (Some(a), Some(b)) = (points.first(), points.last()) else {
            return Ok(None);
        };
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let length = dx.hypot(dy);
        if length < 8.0 {
            return Ok(None);
        }
        let region = Region {
            centre: [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0],
            angle: dy.atan2(dx),
            length,
            height: length / 6.0,
            blocks: 0,
        };
        let Some((crop, _)) = barcode_locate::crop(self.full, self.k, &region, zoom) else {
            return Ok(None);
        };
        let results = decode_multi(&crop, &hints(&[format]))?;
        Ok(results.first().map(|r| r.getText().to_string()))
    }
}

/// One reading of a code, in grey-copy pixels.
#[derive(Clone, Debug)]
struct Read {
    text: String,
    symbology: Symbology,
    quad: [[f32; 2]; 4],
    pass: usize,
    /// Re-read from its crop with another binarizer, with the same text.
    confirmed: bool,
}

/// Keeps readings confirmed by a crop re-read or by two passes, drops
/// conflicting ones (two texts in one place), merges duplicates.
fn settle(reads: Vec<Read>, (w, h): (u32, u32), dropped: &mut usize) -> Vec<FoundCode> {
    let mut out: Vec<FoundCode> = Vec::new();
    for (i, r) in reads.iter().enumerate() {
        let same: Vec<&Read> = reads
            .iter()
            .filter(|o| o.text == r.text && o.symbology == r.symbology)
            .collect();
        let passes: HashSet<usize> = same.iter().map(|o| o.pass).collect();
        let confirmed = same.iter().any(|o| o.confirmed) || passes.len() >= 2;
        let conflict = reads
            .iter()
            .any(|o| o.text != r.text && o.symbology == r.symbology && overlaps(&o.quad, &r.quad));
        let first = reads[..i]
            .iter()
            .all(|o| o.text != r.text || o.symbology != r.symbology);
        if !confirmed || conflict {
            *dropped += 1;
        } else if first {
            let quad = r.quad.map(|[x, y]| [x / w as f32, y / h as f32]);
            out.push(FoundCode {
                text: r.text.clone(),
                symbology: r.symbology,
                quad,
            });
        }
    }
    out
}

fn overlaps(a: &[[f32; 2]; 4], b: &[[f32; 2]; 4]) -> bool {
    let bx = |q: &[[f32; 2]; 4]| {
        let xs = q.map(|p| p[0]);
        let ys = q.map(|p| p[1]);
        let lo = |v: [f32; 4]| v.iter().copied().fold(f32::INFINITY, f32::min);
        let hi = |v: [f32; 4]| v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        [lo(xs), lo(ys), hi(xs), hi(ys)]
    };
    let (a, b) = (bx(a), bx(b));
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/// A grey image turned by `angle` degrees about its centre, on a canvas
/// that holds all of it.
struct Pass {
    image: GrayImage,
    angle: f32,
    grey_centre: [f32; 2],
    centre: [f32; 2],
}

impl Pass {
    fn new(grey: &GrayImage, angle: f32) -> Self {
        let (w, h) = grey.dimensions();
        let grey_centre = [w as f32 / 2.0, h as f32 / 2.0];
        if angle == 0.0 {
            return Pass {
                image: grey.clone(),
                angle,
                grey_centre,
                centre: grey_centre,
            };
        }
        let (s, c) = angle.to_radians().sin_cos();
        let cw = (w as f32 * c.abs() + h as f32 * s.abs()).ceil() as u32;
        let ch = (w as f32 * s.abs() + h as f32 * c.abs()).ceil() as u32;
        let mut pass = Pass {
            image: GrayImage::new(cw, ch),
            angle,
            grey_centre,
            centre: [cw as f32 / 2.0, ch as f32 / 2.0],
        };
        pass.fill_from(grey);
        pass
    }

    /// Bilinear samples of `grey` for every canvas pixel; outside it, the
    /// mean grey (a flat fill adds no edges that could look like bars).
    fn fill_from(&mut self, grey: &GrayImage) {
        let (w, h) = grey.dimensions();
        let raw = grey.as_raw();
        let mean = (raw.iter().map(|&v| u64::from(v)).sum::<u64>() / raw.len().max(1) as u64) as u8;
        let at = |x: usize, y: usize| f32::from(raw[y * w as usize + x]);
        for (x, y, px) in self.image.enumerate_pixels_mut() {
            let [gx, gy] = to_grey(
                self.angle,
                self.centre,
                self.grey_centre,
                [x as f32, y as f32],
            );
            px.0[0] = if gx < 0.0 || gy < 0.0 || gx >= (w - 1) as f32 || gy >= (h - 1) as f32 {
                mean
            } else {
                let (x0, y0) = (gx as usize, gy as usize);
                let (fx, fy) = (gx - x0 as f32, gy - y0 as f32);
                let top = at(x0, y0) * (1.0 - fx) + at(x0 + 1, y0) * fx;
                let bottom = at(x0, y0 + 1) * (1.0 - fx) + at(x0 + 1, y0 + 1) * fx;
                (top * (1.0 - fy) + bottom * fy) as u8
            };
        }
    }

    /// Where the pass's pixels come from in the grey copy.
    fn affine(&self) -> Affine {
        let (s, c) = self.angle.to_radians().sin_cos();
        let (a, b) = ([c, -s], [s, c]);
        Affine {
            o: [
                self.grey_centre[0] - self.centre[0] * a[0] - self.centre[1] * b[0],
                self.grey_centre[1] - self.centre[0] * a[1] - self.centre[1] * b[1],
            ],
            a,
            b,
        }
    }
}

/// A canvas point of a pass turned by `angle` → the grey copy's pixels.
fn to_grey(angle: f32, centre: [f32; 2], grey_centre: [f32; 2], [x, y]: [f32; 2]) -> [f32; 2] {
    let (s, c) = angle.to_radians().sin_cos();
    let (dx, dy) = (x - centre[0], y - centre[1]);
    [
        grey_centre[0] + c * dx + s * dy,
        grey_centre[1] - s * dx + c * dy,
    ]
}

/// The corners of a code from the reader's points: a QR code's finder
/// points (three or four), or the two ends of a 1-D code's scan line.
fn quad_of(points: &[[f32; 2]], symbology: Symbology) -> [[f32; 2]; 4] {
    let (min, max) = points.iter().fold(
        ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]),
        |(lo, hi), p| {
            (
                [lo[0].min(p[0]), lo[1].min(p[1])],
                [hi[0].max(p[0]), hi[1].max(p[1])],
            )
        },
    );
    if symbology == Symbology::Qr || points.len() < 2 {
        // Finder points sit inside the corners: pad by a fifth.
        let pad = [(max[0] - min[0]) * 0.2, (max[1] - min[1]) * 0.2];
        let (l, t, r, b) = (
            min[0] - pad[0],
            min[1] - pad[1],
            max[0] + pad[0],
            max[1] + pad[1],
        );
        return [[l, t], [r, t], [r, b], [l, b]];
    }
    let (a, b) = (points[0], points[points.len() - 1]);
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    // A normal an eighth of the length each side: a quarter in all.
    let (nx, ny) = (-dy / 8.0, dx / 8.0);
    [
        [a[0] + nx, a[1] + ny],
        [b[0] + nx, b[1] + ny],
        [b[0] - nx, b[1] - ny],
        [a[0] - nx, a[1] - ny],
    ]
}

/// A decode panicked inside the reader.
struct Panicked;

fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, Panicked> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|_| Panicked)
}

/// Every code rxing finds in `image` (none when it finds none).
fn decode_multi(image: &GrayImage, hints: &DecodeHints) -> Result<Vec<RXingResult>, Panicked> {
    let (w, h) = image.dimensions();
    let luma = image.as_raw().clone();
    guarded(|| {
        let Ok(source) = Luma8LuminanceSource::new(luma, w, h) else {
            return Vec::new();
        };
        let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(source));
        let mut reader = GenericMultipleBarcodeReader::new(MultiUseMultiFormatReader::default());
        reader
            .decode_multiple_with_hints(&mut bitmap, hints)
            .unwrap_or_default()
    })
}

fn hints(formats: &[BarcodeFormat]) -> DecodeHints {
    DecodeHints {
        PossibleFormats: Some(formats.iter().copied().collect()),
        TryHarder: Some(true),
        ..DecodeHints::default()
    }
}

fn symbology(f: BarcodeFormat) -> Option<Symbology> {
    Some(match f {
        BarcodeFormat::CODE_128 => Symbology::Code128,
        BarcodeFormat::CODE_39 => Symbology::Code39,
        BarcodeFormat::QR_CODE => Symbology::Qr,
        BarcodeFormat::EAN_13 => Symbology::Ean13,
        BarcodeFormat::UPC_A => Symbology::UpcA,
        _ => return None,
    })
}

/// EAN-13 (13 digits) and UPC-A (12 digits) end in a mod-10 check digit
/// (weights 3 and 1 from the right, the check digit excluded); other
/// symbologies pass.
pub fn check_digit_ok(symbology: Symbology, text: &str) -> bool {
    let want = match symbology {
        Symbology::Ean13 => 13,
        Symbology::UpcA => 12,
        _ => return true,
    };
    let digits: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != want || text.len() != want {
        return false;
    }
    let (body, check) = digits.split_at(want - 1);
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { d * 3 } else { *d })
        .sum();
    (10 - sum % 10) % 10 == check[0]
}

#[cfg(test)]
#[path = "barcode_tests.rs"]
mod tests;
