//! Reading labels while importing, and on photos already imported: one
//! full decode (EXIF orientation applied to the grey copy, not to the
//! colour pixels) gives the checks, the thumbnail and the grey copy the
//! barcode reader scans (it shrinks it to about 2.5 MP itself). The scan is
//! time-limited and a panic in it only means no codes.

use super::barcode::{self, FoundCode};
use super::probe::{MediaError, check_header};
use super::resize;
use super::thumbnail::full_decode;
use image::metadata::Orientation;
use image::{DynamicImage, GrayImage, RgbaImage};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

/// How long one photo's labels are looked for, at most (a scan can
/// overrun by one pass; see [`barcode::scan`]).
pub const LABEL_BUDGET: Duration = Duration::from_millis(1500);

/// What an import that reads labels needs from a photo: its facts as
/// [`probe_with_thumbnail`](super::probe_with_thumbnail) gives them, its
/// thumbnail, and the codes on it; all from one decode.
pub fn probe_thumbnail_codes(
    bytes: &[u8],
    max_side: u32,
    budget: Duration,
) -> Result<(super::ImageInfo, RgbaImage, Vec<FoundCode>), MediaError> {
    let header = check_header(bytes)?;
    let (image, orientation) = full_decode(bytes, &header)?;
    let grey = upright_grey(&image, orientation);
    let opaque = !image.color().has_alpha();
    let (w, h) = resize::fit(image.width(), image.height(), max_side);
    let thumb = upright(
        resize::resize(image.into_rgba8(), w, h, opaque),
        orientation,
    );
    let codes = scan_guarded(grey, budget);
    let (_, taken) = super::probe::exif_orientation_and_time(bytes);
    let (width, height) = if orientation_swaps(orientation) {
        (header.height, header.width)
    } else {
        (header.width, header.height)
    };
    let info = super::ImageInfo {
        format: header.format,
        width,
        height,
        orientation: exif_number(orientation),
        taken,
    };
    Ok((info, thumb, codes))
}

/// The codes on a photo already imported (its bytes), upright.
pub fn read_codes(bytes: &[u8], budget: Duration) -> Result<Vec<FoundCode>, MediaError> {
    let header = check_header(bytes)?;
    let (image, orientation) = full_decode(bytes, &header)?;
    Ok(scan_guarded(upright_grey(&image, orientation), budget))
}

/// A photo decoded whole and turned upright (for measuring colour on it),
/// refusing what the import refuses.
pub fn decode_upright(bytes: &[u8]) -> Result<DynamicImage, MediaError> {
    let header = check_header(bytes)?;
    let (mut image, orientation) = full_decode(bytes, &header)?;
    image.apply_orientation(orientation);
    Ok(image)
}

fn upright_grey(image: &DynamicImage, orientation: Orientation) -> GrayImage {
    let mut grey = DynamicImage::ImageLuma8(image.to_luma8());
    grey.apply_orientation(orientation);
    grey.into_luma8()
}

fn upright(image: RgbaImage, orientation: Orientation) -> RgbaImage {
    if orientation == Orientation::NoTransforms {
        return image;
    }
    let mut image = DynamicImage::ImageRgba8(image);
    image.apply_orientation(orientation);
    image.into_rgba8()
}

/// The scan, with a panic in it (a reader bug) taken as "no codes".
fn scan_guarded(grey: GrayImage, budget: Duration) -> Vec<FoundCode> {
    let image = DynamicImage::ImageLuma8(grey);
    catch_unwind(AssertUnwindSafe(|| barcode::scan(&image, budget))).unwrap_or_default()
}

fn orientation_swaps(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

fn exif_number(o: Orientation) -> u16 {
    u16::from(o.to_exif())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::media::label_synth::LabelShot;

    fn label_jpeg(text: &str) -> Vec<u8> {
        let shot = LabelShot {
            text: text.into(),
            size: [1600, 1200],
            px_per_mm: 7.0,
            angle_deg: 10.0,
            tilt: [0.002, -0.0015],
            centre: [0.5, 0.5],
            blur_px: 1,
            seed: 3,
        };
        let mut bytes = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 80)
            .encode_image(&shot.render().unwrap())
            .unwrap();
        bytes
    }

    #[test]
    fn one_decode_gives_the_facts_the_thumbnail_and_the_code() {
        let bytes = label_jpeg("SF1234567890123");
        let (info, thumb, codes) =
            probe_thumbnail_codes(&bytes, 256, Duration::from_secs(20)).unwrap();
        assert_eq!((info.width, info.height), (1600, 1200));
        assert_eq!(thumb.dimensions(), (256, 192));
        let texts: Vec<&str> = codes.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["SF1234567890123"]);
        let again = read_codes(&bytes, Duration::from_secs(20)).unwrap();
        assert_eq!(again, codes);
    }

    #[test]
    fn what_the_probe_refuses_is_refused_here_too() {
        assert_eq!(
            probe_thumbnail_codes(b"", 256, LABEL_BUDGET).err(),
            Some(MediaError::Empty)
        );
        let bytes = label_jpeg("SF1234567890123");
        let cut = &bytes[..bytes.len() / 2];
        assert!(read_codes(cut, LABEL_BUDGET).is_err());
    }
}
