//! Labels read on photos: the reader's codes as the project keeps them,
//! and the ops that record a scan of photos already imported.

use crate::media::barcode::FoundCode;
use crate::model::{PhotoCode, PhotoId};
use crate::rules::ops::Op;

/// The codes found on an upright photo of `width`×`height` pixels, as the
/// project keeps them (corners in pixels).
pub fn photo_codes(found: &[FoundCode], width: u32, height: u32) -> Vec<PhotoCode> {
    let (w, h) = (width as f32, height as f32);
    found
        .iter()
        .map(|c| PhotoCode {
            text: c.text.clone(),
            symbology: c.symbology,
            corners: c.quad.map(|[x, y]| [x * w, y * h]),
            state: Default::default(),
        })
        .collect()
}

/// A new scan's codes, keeping what the buyer made of a code read before
/// with the same text and kind (a correction or a dismissal stands).
pub fn merge_rescan(old: &[PhotoCode], new: Vec<PhotoCode>) -> Vec<PhotoCode> {
    new.into_iter()
        .map(|mut code| {
            if let Some(before) = old
                .iter()
                .find(|o| o.text == code.text && o.symbology == code.symbology)
            {
                code.state = before.state.clone();
            }
            code
        })
        .collect()
}

/// One undo step recording the scans of photos already imported, then
/// linking each to the parcel its label shows.
pub fn record_scans(scans: Vec<(PhotoId, Vec<PhotoCode>)>) -> Op {
    let photos: Vec<PhotoId> = scans.iter().map(|(id, _)| *id).collect();
    let mut ops: Vec<Op> = scans
        .into_iter()
        .map(|(photo, codes)| Op::SetCodes { photo, codes })
        .collect();
    ops.push(Op::LinkByCodes(photos));
    Op::Batch(ops)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{CodeState, Symbology};

    #[test]
    fn corners_are_in_pixels_and_a_rescan_keeps_the_buyers_dismissal() {
        let found = FoundCode {
            text: "JT1234567890123".into(),
            symbology: Symbology::Code128,
            quad: [[0.25, 0.5], [0.75, 0.5], [0.75, 0.625], [0.25, 0.625]],
        };
        let codes = photo_codes(std::slice::from_ref(&found), 4000, 3000);
        assert_eq!(codes[0].corners[0], [1000.0, 1500.0]);
        assert_eq!(codes[0].corners[2], [3000.0, 1875.0]);
        let on = chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        let mut old = codes.clone();
        old[0].state = CodeState::Dismissed {
            by: "Mei".into(),
            on,
        };
        let other = FoundCode {
            text: "6901234567892".into(),
            symbology: Symbology::Ean13,
            ..found
        };
        let again = photo_codes(&[found.clone(), other], 4000, 3000);
        let merged = merge_rescan(&old, again);
        assert_eq!(merged[0].state, old[0].state);
        assert_eq!(merged[1].state, CodeState::Found);
    }
}
