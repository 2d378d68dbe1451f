//! Thumbnails: decode within limits, shrink, then turn upright (rotating a
//! thumbnail is cheaper than rotating the full image). JPEGs take a fast
//! path (decoded at a reduced scale, see `fast_jpeg`); other formats, and
//! JPEGs that path cannot read, are decoded whole by the `image` crate.

use super::probe::{
    Format, Header, MAX_DECODE_BYTES, MediaError, check_header, corrupt, exif_orientation_and_time,
};
use super::{fast_jpeg, resize};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbaImage};
use std::io::Cursor;

/// The side of grid thumbnails, in pixels.
pub const THUMB_PX: u32 = 256;

/// A thumbnail of at most `max_side` pixels on its longer side, with EXIF
/// orientation applied. Refuses what [`probe`](super::probe) refuses,
/// without decoding anything over the limits.
pub fn thumbnail(bytes: &[u8], max_side: u32) -> Result<RgbaImage, MediaError> {
    let header = check_header(bytes)?;
    thumbnail_checked(bytes, &header, max_side)
}

/// What an import needs from a photo, in one decode: it is checked as
/// [`probe`](super::probe) checks it (a JPEG's scan is read to its end at
/// a reduced scale; other formats are decoded whole, once), and its
/// thumbnail is made by that same decode.
pub fn probe_with_thumbnail(
    bytes: &[u8],
    max_side: u32,
) -> Result<(super::ImageInfo, RgbaImage), MediaError> {
    let header = check_header(bytes)?;
    let thumb = thumbnail_checked(bytes, &header, max_side)?;
    let (orientation, taken) = exif_orientation_and_time(bytes);
    let (width, height) = if (5..=8).contains(&orientation) {
        (header.height, header.width)
    } else {
        (header.width, header.height)
    };
    let info = super::ImageInfo {
        format: header.format,
        width,
        height,
        orientation,
        taken,
    };
    Ok((info, thumb))
}

/// [`thumbnail`] of bytes whose header was checked.
fn thumbnail_checked(
    bytes: &[u8],
    header: &Header,
    max_side: u32,
) -> Result<RgbaImage, MediaError> {
    if header.format == Format::Jpeg {
        let (w, h) = resize::fit(header.width, header.height, max_side);
        if let Ok(small) = fast_jpeg::shrink(bytes, (header.width, header.height), w, h) {
            let orientation = Orientation::from_exif(exif_orientation_and_time(bytes).0 as u8)
                .unwrap_or(Orientation::NoTransforms);
            return Ok(upright(small, orientation));
        }
    }
    full_decode_thumbnail(bytes, header, max_side)
}

/// The whole image with the `image` crate, under [`MAX_DECODE_BYTES`], and
/// how to turn it upright.
pub(crate) fn full_decode(
    bytes: &[u8],
    header: &Header,
) -> Result<(DynamicImage, Orientation), MediaError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), header.image_format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| corrupt(header.format, e))?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let image = DynamicImage::from_decoder(decoder).map_err(|e| corrupt(header.format, e))?;
    Ok((image, orientation))
}

/// The thumbnail by way of a full decode with the `image` crate, under
/// [`MAX_DECODE_BYTES`].
pub(crate) fn full_decode_thumbnail(
    bytes: &[u8],
    header: &Header,
    max_side: u32,
) -> Result<RgbaImage, MediaError> {
    let (image, orientation) = full_decode(bytes, header)?;
    let opaque = !image.color().has_alpha();
    let (w, h) = resize::fit(image.width(), image.height(), max_side);
    let small = resize::resize(image.into_rgba8(), w, h, opaque);
    Ok(upright(small, orientation))
}

fn upright(image: RgbaImage, orientation: Orientation) -> RgbaImage {
    if orientation == Orientation::NoTransforms {
        return image;
    }
    let mut image = DynamicImage::ImageRgba8(image);
    image.apply_orientation(orientation);
    image.into_rgba8()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::media::synth::{Scene, render};

    #[test]
    fn thumbnails_are_small_and_upright() {
        let upright = thumbnail(
            &render(
                &Scene::Measure {
                    colour: [200, 0, 0],
                },
                1,
                None,
            ),
            256,
        )
        .unwrap();
        assert_eq!(upright.dimensions(), (256, 192));
        for orientation in [3, 6, 8] {
            let t = thumbnail(
                &render(
                    &Scene::Measure {
                        colour: [200, 0, 0],
                    },
                    orientation,
                    None,
                ),
                256,
            )
            .unwrap();
            assert_eq!(t.dimensions(), (256, 192), "orientation {orientation}");
            // The yellow ruler stands on the right of the upright picture.
            let (x, y) = (187, 100);
            let (a, b) = (upright.get_pixel(x, y), t.get_pixel(x, y));
            let diff: i32 = (0..3)
                .map(|i| (i32::from(a[i]) - i32::from(b[i])).abs())
                .sum();
            assert!(diff < 60, "orientation {orientation}: {a:?} vs {b:?}");
        }
    }

    #[test]
    fn small_images_are_not_enlarged_and_bad_ones_are_refused() {
        let png = crate::media::synth::CHAT_SCREENSHOT_PNG;
        let t = thumbnail(png, 2000).unwrap();
        assert_eq!(t.dimensions(), (540, 1010));
        assert_eq!(thumbnail(b"", 256), Err(MediaError::Empty));
        assert_eq!(
            thumbnail(b"plain text", 256),
            Err(MediaError::NotImage("text"))
        );
    }
}

#[cfg(test)]
#[path = "thumbnail_tests.rs"]
mod fast_path_tests;
