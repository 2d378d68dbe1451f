//! Colour between a sample photo and a bulk photo: the mean colour of a
//! region marked on each, optionally white-balanced on a neutral patch
//! (white label, grey card) marked on each, compared as CIEDE2000.
//!
//! A phone photo under warehouse light is not an instrument (errors over 10
//! ΔE00 are common without a reference card), so the result is a photo
//! estimate with wide bands: under 3 consistent, 3–6 ask for daylight
//! photos or the physical sample, over 6 likely a different colour.

use image::{DynamicImage, GenericImageView};
use palette::color_difference::Ciede2000;
use palette::white_point::D65;
use palette::{FromColor, Lab, LinSrgb, Srgb};

/// Below this ΔE00 the colours are consistent (as far as photos tell).
pub const CONSISTENT_BELOW: f64 = 3.0;
/// Above this ΔE00 the bulk is likely a different colour.
pub const DIFFERENT_ABOVE: f64 = 6.0;
/// Differences in lightness, chroma or hue smaller than this are not
/// put into words.
const WORDS_FROM: f64 = 1.5;

/// A rectangle in 0..1 of an upright photo.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

/// One side of a comparison: the photo, the region of the colour, and
/// optionally a neutral patch in the same photo.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub image: &'a DynamicImage,
    pub region: Region,
    pub neutral: Option<Region>,
}

/// The verdict band of a difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Band {
    Consistent,
    AskForDaylight,
    LikelyDifferent,
}

impl Band {
    pub fn of(delta_e: f64) -> Self {
        if delta_e < CONSISTENT_BELOW {
            Self::Consistent
        } else if delta_e <= DIFFERENT_ABOVE {
            Self::AskForDaylight
        } else {
            Self::LikelyDifferent
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Consistent => "consistent",
            Self::AskForDaylight => "unsure: ask for daylight photos or the physical sample",
            Self::LikelyDifferent => "likely a different colour",
        }
    }
}

/// Why a region could not be measured.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ColourError {
    #[error("the {0} covers no pixels of the photo: mark a larger region")]
    Empty(&'static str),
    #[error("the {0} is over-exposed (every pixel clipped): mark a darker part")]
    Clipped(&'static str),
    #[error("the {0} is too dark to balance white on: mark a white label or grey card")]
    TooDark(&'static str),
}

/// The measured difference, bulk against sample.
#[derive(Clone, Debug, PartialEq)]
pub struct ColourComparison {
    /// CIELAB (D65) of the sample's and the bulk's region.
    pub sample_lab: [f64; 3],
    pub bulk_lab: [f64; 3],
    /// CIEDE2000 between them.
    pub delta_e: f64,
    /// Bulk minus sample: lightness, chroma, and hue difference (CIELAB ΔH,
    /// signed by the direction of the hue turn).
    pub delta_l: f64,
    pub delta_c: f64,
    pub delta_h: f64,
    /// Whether both sides were white-balanced on a neutral patch.
    pub balanced: bool,
    pub band: Band,
}

impl ColourComparison {
    /// The difference in words: "the bulk is darker and less saturated".
    pub fn words(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.delta_l.abs() >= WORDS_FROM {
            parts.push(
                if self.delta_l < 0.0 {
                    "darker"
                } else {
                    "lighter"
                }
                .into(),
            );
        }
        if self.delta_c.abs() >= WORDS_FROM {
            let w = if self.delta_c < 0.0 { "less" } else { "more" };
            parts.push(format!("{w} saturated"));
        }
        let hue = (self.delta_h.abs() >= WORDS_FROM)
            .then(|| hue_towards(self.sample_lab, self.delta_h > 0.0));
        match (parts.as_slice(), hue) {
            ([], None) => "no clear difference in lightness, saturation or hue".into(),
            ([], Some(h)) => format!("the bulk's hue is shifted towards {h}"),
            (p, None) => format!("the bulk is {}", and_list(p)),
            (p, Some(h)) => format!("the bulk is {}, its hue shifted towards {h}", and_list(p)),
        }
    }

    /// One line for the table and exports: "ΔE00 4.2, photo estimate:
    /// unsure: ask for daylight photos or the physical sample; the bulk is
    /// darker".
    pub fn summary(&self) -> String {
        let balance = if self.balanced {
            "white-balanced on the marked patches"
        } else {
            "not white-balanced"
        };
        format!(
            "ΔE00 {:.1}, photo estimate ({balance}): {}; {}",
            self.delta_e,
            self.band.label(),
            self.words()
        )
    }
}

fn and_list(parts: &[String]) -> String {
    match parts {
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => String::new(),
    }
}

/// The next of red (a+), yellow (b+), green (a−), blue (b−) from the
/// sample's hue in the direction of the turn (counter-clockwise: red →
/// yellow → green → blue).
fn hue_towards(lab: [f64; 3], counter_clockwise: bool) -> &'static str {
    const NAMES: [&str; 4] = ["red", "yellow", "green", "blue"];
    let h = lab[2].atan2(lab[1]).to_degrees().rem_euclid(360.0);
    let quarter = (h / 90.0).floor() as usize % 4;
    if counter_clockwise {
        NAMES[(quarter + 1) % 4]
    } else if h % 90.0 == 0.0 {
        NAMES[(quarter + 3) % 4]
    } else {
        NAMES[quarter]
    }
}

/// Compares the bulk's region with the sample's. White balance is applied
/// only when both sides have a neutral patch: each side's linear RGB is
/// scaled per channel so its patch becomes grey of the same luminance
/// (brightness is not equalised between the photos).
pub fn compare(sample: Side, bulk: Side) -> Result<ColourComparison, ColourError> {
    let mut s = mean_linear(sample.image, sample.region, "sample region")?;
    let mut b = mean_linear(bulk.image, bulk.region, "bulk region")?;
    let balanced = match (sample.neutral, bulk.neutral) {
        (Some(sn), Some(bn)) => {
            let sg = gains(mean_linear(sample.image, sn, "sample's neutral patch")?)
                .ok_or(ColourError::TooDark("sample's neutral patch"))?;
            let bg = gains(mean_linear(bulk.image, bn, "bulk's neutral patch")?)
                .ok_or(ColourError::TooDark("bulk's neutral patch"))?;
            s = mul(s, sg);
            b = mul(b, bg);
            true
        }
        _ => false,
    };
    Ok(difference(lab_of(s), lab_of(b), balanced))
}

/// The comparison of two CIELAB colours (bulk against sample).
pub fn difference(sample_lab: [f64; 3], bulk_lab: [f64; 3], balanced: bool) -> ColourComparison {
    let delta_e = delta_e_2000(sample_lab, bulk_lab);
    let chroma = |l: [f64; 3]| l[1].hypot(l[2]);
    let (c1, c2) = (chroma(sample_lab), chroma(bulk_lab));
    let turn = (bulk_lab[2].atan2(bulk_lab[1]) - sample_lab[2].atan2(sample_lab[1]))
        .rem_euclid(std::f64::consts::TAU);
    let turn = if turn > std::f64::consts::PI {
        turn - std::f64::consts::TAU
    } else {
        turn
    };
    ColourComparison {
        sample_lab,
        bulk_lab,
        delta_e,
        delta_l: bulk_lab[0] - sample_lab[0],
        delta_c: c2 - c1,
        delta_h: 2.0 * (c1 * c2).sqrt() * (turn / 2.0).sin(),
        balanced,
        band: Band::of(delta_e),
    }
}

/// CIEDE2000 between two CIELAB (D65) colours, by `palette`.
pub fn delta_e_2000(a: [f64; 3], b: [f64; 3]) -> f64 {
    let la = Lab::<D65, f64>::new(a[0], a[1], a[2]);
    let lb = Lab::<D65, f64>::new(b[0], b[1], b[2]);
    la.difference(lb)
}

fn lab_of([r, g, b]: [f64; 3]) -> [f64; 3] {
    let lab = Lab::<D65, f64>::from_color(LinSrgb::new(r, g, b));
    [lab.l, lab.a, lab.b]
}

/// Per-channel gains that make `patch` a grey of its own luminance.
fn gains(patch: [f64; 3]) -> Option<[f64; 3]> {
    let y = 0.2126 * patch[0] + 0.7152 * patch[1] + 0.0722 * patch[2];
    if patch.iter().any(|&c| c < 1e-3) {
        return None;
    }
    Some(patch.map(|c| y / c))
}

fn mul(a: [f64; 3], g: [f64; 3]) -> [f64; 3] {
    [a[0] * g[0], a[1] * g[1], a[2] * g[2]]
}

/// The mean linear-light sRGB of a region, leaving out clipped pixels (a
/// channel at 255).
fn mean_linear(
    image: &DynamicImage,
    region: Region,
    what: &'static str,
) -> Result<[f64; 3], ColourError> {
    let (w, h) = image.dimensions();
    let span = |lo: f32, hi: f32, n: u32| {
        let a = (lo.clamp(0.0, 1.0) * n as f32).floor() as u32;
        let b = (hi.clamp(0.0, 1.0) * n as f32).ceil() as u32;
        (a.min(n), b.min(n))
    };
    let (x0, x1) = span(
        region.left.min(region.right),
        region.left.max(region.right),
        w,
    );
    let (y0, y1) = span(
        region.top.min(region.bottom),
        region.top.max(region.bottom),
        h,
    );
    if x1 <= x0 || y1 <= y0 {
        return Err(ColourError::Empty(what));
    }
    let lut: Vec<f64> = (0..=255u8)
        .map(|v| Srgb::new(v, 0, 0).into_format::<f64>().into_linear().red)
        .collect();
    let (mut sum, mut n) = ([0.0f64; 3], 0u64);
    for y in y0..y1 {
        for x in x0..x1 {
            let p = image.get_pixel(x, y).0;
            if p[..3].contains(&255) {
                continue;
            }
            for c in 0..3 {
                sum[c] += lut[usize::from(p[c])];
            }
            n += 1;
        }
    }
    if n == 0 {
        return Err(ColourError::Clipped(what));
    }
    Ok(sum.map(|s| s / n as f64))
}

#[cfg(test)]
#[path = "colour_tests.rs"]
mod tests;
