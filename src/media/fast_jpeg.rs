//! The fast path for JPEG thumbnails: `jpeg-decoder` decodes at 1/2, 1/4
//! or 1/8 of the size (DCT scaling: the inverse DCT makes 4×4, 2×2 or 1×1
//! pixels per 8×8 block, so a 12 MP photo becomes 0.2 MP without ever
//! existing at full size), then a SIMD resize to the exact size.

use super::probe::MAX_DECODE_BYTES;
use super::{dc_jpeg, resize};
use image::RgbaImage;
use jpeg_decoder::{Decoder, PixelFormat};

/// The JPEG in `bytes`, of `full` size, shrunk to `width`×`height` (its
/// stored size fitted to the thumbnail; orientation is the caller's). An
/// error means this path cannot do it: damaged data, or a 12-bit JPEG.
pub(crate) fn shrink(
    bytes: &[u8],
    full: (u32, u32),
    width: u32,
    height: u32,
) -> Result<RgbaImage, String> {
    // At 1/8 scale, the DC coefficients alone are the picture.
    if full.0.div_ceil(8) >= width
        && full.1.div_ceil(8) >= height
        && let Some(small) = dc_jpeg::decode_eighth(bytes)
    {
        return Ok(resize::resize(small, width, height, true));
    }
    let mut decoder = Decoder::new(bytes);
    decoder.set_max_decoding_buffer_size(usize::try_from(MAX_DECODE_BYTES).unwrap_or(usize::MAX));
    let request = |side: u32| u16::try_from(side).unwrap_or(u16::MAX);
    let (w, h) = decoder
        .scale(request(width), request(height))
        .map_err(|e| e.to_string())?;
    let pixels = decoder.decode().map_err(|e| e.to_string())?;
    let format = decoder
        .info()
        .map(|i| i.pixel_format)
        .ok_or("no image information after decoding")?;
    let rgba = to_rgba(u32::from(w), u32::from(h), &pixels, format)?;
    Ok(resize::resize(rgba, width, height, true))
}

/// Decoded pixels as RGBA. CMYK comes from `jpeg-decoder` as ink amounts
/// (255 = full ink; it undoes Adobe's inverted storage and YCCK), so each
/// channel is what its ink and the black leave of the white paper.
fn to_rgba(w: u32, h: u32, pixels: &[u8], format: PixelFormat) -> Result<RgbaImage, String> {
    let count = w as usize * h as usize;
    let mut out = Vec::with_capacity(count * 4);
    match format {
        PixelFormat::L8 => {
            for &l in pixels.iter().take(count) {
                out.extend_from_slice(&[l, l, l, 255]);
            }
        }
        PixelFormat::RGB24 => {
            for p in pixels.chunks_exact(3).take(count) {
                out.extend_from_slice(&[p[0], p[1], p[2], 255]);
            }
        }
        PixelFormat::CMYK32 => {
            for p in pixels.chunks_exact(4).take(count) {
                let white = 255 - u32::from(p[3]);
                let channel = |ink: u8| ((255 - u32::from(ink)) * white / 255) as u8;
                out.extend_from_slice(&[channel(p[0]), channel(p[1]), channel(p[2]), 255]);
            }
        }
        PixelFormat::L16 => return Err("12- or 16-bit JPEG".into()),
    }
    RgbaImage::from_raw(w, h, out).ok_or_else(|| "the decoder returned too few pixels".into())
}
