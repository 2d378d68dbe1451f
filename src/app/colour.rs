//! Measuring colour between a sample photo and a bulk photo: the regions
//! the buyer marked, both photos decoded whole and upright (in a job), the
//! difference by `media::colour`, and the reading the project keeps.

use crate::media::colour::{self, ColourComparison, Region, Side};
use crate::model::{ColourBand, ColourReading, OrderId, PhotoId, SpecId, StoredFile, UnitRect};
use crate::store::PhotoStore;

/// What to measure, and where the reading goes (the bulk order's
/// observation of the colour row `spec`).
#[derive(Clone, Debug, PartialEq)]
pub struct ColourRequest {
    pub bulk_order: OrderId,
    pub spec: SpecId,
    pub sample: (PhotoId, StoredFile),
    pub bulk: (PhotoId, StoredFile),
    pub sample_region: UnitRect,
    pub bulk_region: UnitRect,
    pub sample_neutral: Option<UnitRect>,
    pub bulk_neutral: Option<UnitRect>,
}

fn region([left, top, right, bottom]: UnitRect) -> Region {
    Region {
        left,
        top,
        right,
        bottom,
    }
}

/// Reads, decodes and compares the two photos (slow: run it in a job).
pub fn measure(store: &PhotoStore, req: &ColourRequest) -> Result<ColourReading, String> {
    let decode = |file: &StoredFile| {
        let bytes = store
            .read(file)
            .map_err(|e| format!("{}: {e}", file.original_name))?;
        crate::media::label_read::decode_upright(&bytes)
            .map_err(|e| format!("{}: {e}", file.original_name))
    };
    let sample = decode(&req.sample.1)?;
    let bulk = decode(&req.bulk.1)?;
    let compared = colour::compare(
        Side {
            image: &sample,
            region: region(req.sample_region),
            neutral: req.sample_neutral.map(region),
        },
        Side {
            image: &bulk,
            region: region(req.bulk_region),
            neutral: req.bulk_neutral.map(region),
        },
    )
    .map_err(|e| e.to_string())?;
    Ok(reading_of(req, &compared))
}

/// The reading the project keeps of a comparison.
pub fn reading_of(req: &ColourRequest, c: &ColourComparison) -> ColourReading {
    ColourReading {
        sample_photo: req.sample.0,
        bulk_photo: req.bulk.0,
        sample_region: req.sample_region,
        bulk_region: req.bulk_region,
        sample_neutral: req.sample_neutral.filter(|_| c.balanced),
        bulk_neutral: req.bulk_neutral.filter(|_| c.balanced),
        delta_e: c.delta_e,
        delta_l: c.delta_l,
        delta_c: c.delta_c,
        delta_h: c.delta_h,
        balanced: c.balanced,
        band: match c.band {
            colour::Band::Consistent => ColourBand::Consistent,
            colour::Band::AskForDaylight => ColourBand::AskForDaylight,
            colour::Band::LikelyDifferent => ColourBand::LikelyDifferent,
        },
        words: c.words(),
    }
}
