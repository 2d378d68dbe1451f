//! A colour measured between a sample photo and a bulk photo: the regions
//! the buyer marked, the numbers, and the band. A photo estimate, not an
//! instrument reading.

use super::ids::PhotoId;
use serde::{Deserialize, Serialize};

/// A rectangle in 0..1 of an upright photo: left, top, right, bottom.
pub type UnitRect = [f32; 4];

/// Where the colour was measured, and what came out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColourReading {
    pub sample_photo: PhotoId,
    pub bulk_photo: PhotoId,
    pub sample_region: UnitRect,
    pub bulk_region: UnitRect,
    /// Neutral patches (white label, grey card) the photos were balanced on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_neutral: Option<UnitRect>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_neutral: Option<UnitRect>,
    /// CIEDE2000, bulk against sample.
    pub delta_e: f64,
    /// Bulk minus sample: lightness, chroma, hue (CIELAB).
    pub delta_l: f64,
    pub delta_c: f64,
    pub delta_h: f64,
    /// Whether both sides were white-balanced on a neutral patch.
    pub balanced: bool,
    pub band: ColourBand,
    /// The difference in words ("the bulk is darker and less saturated").
    pub words: String,
}

/// The verdict band of a colour difference measured on photos.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ColourBand {
    /// Under 3 ΔE00.
    Consistent,
    /// 3 to 6 ΔE00: ask for daylight photos or the physical sample.
    AskForDaylight,
    /// Over 6 ΔE00.
    LikelyDifferent,
}

impl ColourBand {
    pub fn label(self) -> &'static str {
        match self {
            Self::Consistent => "consistent",
            Self::AskForDaylight => "unsure: ask for daylight photos or the physical sample",
            Self::LikelyDifferent => "likely a different colour",
        }
    }
}

impl ColourReading {
    /// One line for tables and exports: "ΔE00 7.4 (photo estimate, not
    /// white-balanced): likely a different colour; the bulk is darker".
    pub fn summary(&self) -> String {
        let balance = if self.balanced {
            "white-balanced on the marked patches"
        } else {
            "not white-balanced"
        };
        format!(
            "ΔE00 {:.1} (photo estimate, {balance}): {}; {}",
            self.delta_e,
            self.band.label(),
            self.words
        )
    }

    /// The photos it cites.
    pub fn photos(&self) -> [PhotoId; 2] {
        [self.sample_photo, self.bulk_photo]
    }
}
