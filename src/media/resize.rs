//! Shrinking RGBA images with a SIMD resizer (`fast_image_resize`,
//! Lanczos3), much faster than `image`'s own filters.

use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::RgbaImage;

/// The size of an image of `width`×`height` shrunk to fit in a square of
/// `max_side` (never enlarged, never below 1 pixel).
pub(crate) fn fit(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let longer = width.max(height);
    if longer <= max_side || longer == 0 {
        return (width, height);
    }
    let scale = |side: u32| {
        let scaled =
            (u64::from(side) * u64::from(max_side) + u64::from(longer) / 2) / u64::from(longer);
        u32::try_from(scaled).unwrap_or(max_side).clamp(1, max_side)
    };
    (scale(width), scale(height))
}

/// `image` resized to `width`×`height`. `opaque` skips the alpha
/// premultiplication that keeps transparent edges from darkening.
pub(crate) fn resize(image: RgbaImage, width: u32, height: u32, opaque: bool) -> RgbaImage {
    if image.dimensions() == (width, height) {
        return image;
    }
    let (w, h) = image.dimensions();
    let src = Image::from_vec_u8(w, h, image.into_raw(), PixelType::U8x4);
    let mut dst = Image::new(width, height, PixelType::U8x4);
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
        .use_alpha(!opaque);
    let resized = src.map_err(|e| e.to_string()).and_then(|src| {
        Resizer::new()
            .resize(&src, &mut dst, &options)
            .map_err(|e| e.to_string())
    });
    // Both buffers were made here with the right sizes and pixel type, so
    // the resizer cannot refuse them; a blank thumbnail would be the worst.
    debug_assert!(resized.is_ok(), "{resized:?}");
    RgbaImage::from_raw(width, height, dst.into_vec())
        .unwrap_or_else(|| RgbaImage::new(width, height))
}

/// A plane of `pw`×`ph` samples, each covering `fx`×`fy` output pixels,
/// stretched to `w`×`h` with bilinear interpolation between sample
/// centres (libjpeg's "fancy" upsampling for 2×).
pub(super) fn upsample(
    plane: &[u8],
    pw: usize,
    ph: usize,
    fx: usize,
    fy: usize,
    w: usize,
    h: usize,
) -> Vec<u8> {
    if fx == 1 && fy == 1 {
        return (0..h)
            .flat_map(|y| &plane[y * pw..y * pw + w])
            .copied()
            .collect();
    }
    // Source position of each output coordinate in 1/256 units, and the
    // two samples around it.
    let taps = |n: usize, f: usize, len: usize| -> Vec<(usize, usize, u32)> {
        (0..n)
            .map(|o| {
                let pos = ((2 * o + 1) * 256 / (2 * f)).saturating_sub(128);
                let i = (pos / 256).min(len - 1);
                (i, (i + 1).min(len - 1), (pos % 256) as u32)
            })
            .collect()
    };
    let (xs, ys) = (taps(w, fx, pw), taps(h, fy, ph));
    let mut out = Vec::with_capacity(w * h);
    for &(y0, y1, wy) in &ys {
        for &(x0, x1, wx) in &xs {
            let at = |x: usize, y: usize| u32::from(plane[y * pw + x]);
            let top = at(x0, y0) * (256 - wx) + at(x1, y0) * wx;
            let bottom = at(x0, y1) * (256 - wx) + at(x1, y1) * wx;
            out.push(((top * (256 - wy) + bottom * wy + 32_768) >> 16) as u8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_the_aspect_ratio_and_never_enlarges() {
        assert_eq!(fit(4000, 3000, 256), (256, 192));
        assert_eq!(fit(3000, 4000, 256), (192, 256));
        assert_eq!(fit(540, 1010, 2000), (540, 1010));
        assert_eq!(fit(100_000, 10, 256), (256, 1));
        assert_eq!(fit(256, 256, 256), (256, 256));
    }

    #[test]
    fn resizing_keeps_a_flat_colour() {
        let img = RgbaImage::from_pixel(500, 375, image::Rgba([10, 200, 30, 255]));
        let small = resize(img, 256, 192, true);
        assert_eq!(small.dimensions(), (256, 192));
        assert!(small.pixels().all(|p| p.0 == [10, 200, 30, 255]));
    }
}
