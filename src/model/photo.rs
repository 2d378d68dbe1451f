//! Warehouse photos and chat screenshots, with what the buyer checked on them.

use super::ids::{ParcelId, PhotoId};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// A photo copied into the project's photo store. A project holds thousands,
/// so fields at their default are left out of the file (they read back as
/// the default).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Photo {
    pub id: PhotoId,
    pub file: StoredFile,
    pub width: u32,
    pub height: u32,
    /// When the photo was taken, from EXIF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taken: Option<NaiveDateTime>,
    /// The parcel (tracking number) the photo shows.
    pub parcel: Option<ParcelId>,
    pub tags: Vec<Tag>,
    #[serde(skip_serializing_if = "Checks::is_unchecked")]
    pub checks: Checks,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Defect marks drawn on the photo.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
    /// Codes (barcodes, QR) read on the photo, with the buyer's
    /// corrections and dismissals.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<super::PhotoCode>,
}

/// Where a photo's bytes are: a path relative to the photo store, the hash of
/// the bytes, and the name the file had when imported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredFile {
    pub path: String,
    /// BLAKE3 of the bytes, first 128 bits in lowercase hex.
    pub hash: String,
    pub original_name: String,
}

/// What a photo shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Tag {
    Item,
    Packaging,
    Label,
    Accessories,
    Defect,
    CartonLabel,
    ParcelCount,
    Measurement,
    Weight,
    ChatScreenshot,
}

impl Tag {
    pub const ALL: [Tag; 10] = [
        Self::Item,
        Self::Packaging,
        Self::Label,
        Self::Accessories,
        Self::Defect,
        Self::CartonLabel,
        Self::ParcelCount,
        Self::Measurement,
        Self::Weight,
        Self::ChatScreenshot,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Item => "item",
            Self::Packaging => "packaging",
            Self::Label => "label",
            Self::Accessories => "accessories",
            Self::Defect => "defect",
            Self::CartonLabel => "carton label",
            Self::ParcelCount => "parcel count",
            Self::Measurement => "measurement",
            Self::Weight => "weight",
            Self::ChatScreenshot => "chat screenshot",
        }
    }
}

/// The four warehouse-photo checks of the pre-shipment checklist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Checks {
    #[serde(skip_serializing_if = "Check::is_unchecked")]
    pub model: Check,
    #[serde(skip_serializing_if = "Check::is_unchecked")]
    pub quantity: Check,
    #[serde(skip_serializing_if = "Check::is_unchecked")]
    pub accessories: Check,
    #[serde(skip_serializing_if = "Check::is_unchecked")]
    pub damage: Check,
}

impl Checks {
    pub fn is_unchecked(&self) -> bool {
        *self == Checks::default()
    }

    pub fn all(&self) -> [(&'static str, Check); 4] {
        [
            ("model", self.model),
            ("quantity", self.quantity),
            ("accessories", self.accessories),
            ("damage", self.damage),
        ]
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Check {
    #[default]
    Unchecked,
    Pass,
    Fail,
}

impl Check {
    pub fn is_unchecked(&self) -> bool {
        *self == Check::Unchecked
    }
}

/// A defect mark in normalised coordinates (0..1 of width and height, origin
/// top left, after EXIF orientation is applied).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub shape: Shape,
    #[serde(default)]
    pub label: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Shape {
    Rect { x: f32, y: f32, w: f32, h: f32 },
    Ellipse { x: f32, y: f32, w: f32, h: f32 },
    Arrow { x1: f32, y1: f32, x2: f32, y2: f32 },
}

impl Photo {
    pub fn has_tag(&self, tag: Tag) -> bool {
        self.tags.contains(&tag)
    }
}
