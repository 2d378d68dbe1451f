//! The fast JPEG path against the full decode, and the formats it must
//! get right: CMYK, progressive, 16-bit PNG, truncated files.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::media::synth::{Scene, render, with_exif};
use image::{ImageBuffer, Rgb, Rgba};
use jpeg_encoder::{ColorType, Encoder};

/// The mean absolute difference per channel (RGB) of two same-size images.
fn mean_difference(a: &RgbaImage, b: &RgbaImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let total: u64 = a
        .pixels()
        .zip(b.pixels())
        .map(|(p, q)| (0..3).map(|i| u64::from(p[i].abs_diff(q[i]))).sum::<u64>())
        .sum();
    total as f64 / (f64::from(a.width()) * f64::from(a.height()) * 3.0)
}

fn close(a: Rgba<u8>, b: [u8; 3], tolerance: u8) -> bool {
    (0..3).all(|i| a[i].abs_diff(b[i]) <= tolerance)
}

/// A 2000×1500 photo-like JPEG (the scene scaled up), as `jpeg-encoder`
/// writes it: baseline or progressive. Made once per test run.
fn big_jpeg(progressive: bool) -> Vec<u8> {
    static MADE: std::sync::OnceLock<[Vec<u8>; 2]> = std::sync::OnceLock::new();
    MADE.get_or_init(|| [make_big_jpeg(false), make_big_jpeg(true)])[usize::from(progressive)]
        .clone()
}

fn make_big_jpeg(progressive: bool) -> Vec<u8> {
    let scene = render(
        &Scene::Tiles {
            pastel: false,
            bag: true,
        },
        1,
        None,
    );
    let small = image::load_from_memory(&scene).unwrap().to_rgb8();
    // Nearest-neighbour scaling: `imageops::resize` is slow in test builds.
    let big = ImageBuffer::from_fn(2000, 1500, |x, y| *small.get_pixel(x * 2 / 5, y * 2 / 5));
    let mut out = Vec::new();
    let mut encoder = Encoder::new(&mut out, 85);
    encoder.set_progressive(progressive);
    encoder
        .encode(big.as_raw(), 2000, 1500, ColorType::Rgb)
        .unwrap();
    out
}

#[test]
fn the_fast_path_gives_the_picture_of_the_full_decode() {
    for orientation in [1, 6] {
        let jpeg = render(
            &Scene::Measure {
                colour: [200, 0, 0],
            },
            orientation,
            None,
        );
        let header = check_header(&jpeg).unwrap();
        let fast = thumbnail(&jpeg, 256).unwrap();
        let full = full_decode_thumbnail(&jpeg, &header, 256).unwrap();
        let diff = mean_difference(&fast, &full);
        assert!(
            diff < 3.0,
            "orientation {orientation}: mean difference {diff}"
        );
    }
    // Decoded at 1/4 and at 1/8 of the size.
    let jpeg = big_jpeg(false);
    let header = check_header(&jpeg).unwrap();
    for (side, size) in [(256, (256, 192)), (128, (128, 96))] {
        let fast = thumbnail(&jpeg, side).unwrap();
        assert_eq!(fast.dimensions(), size);
        let full = full_decode_thumbnail(&jpeg, &header, side).unwrap();
        let diff = mean_difference(&fast, &full);
        assert!(diff < 3.0, "2000×1500 to {side}: mean difference {diff}");
    }
}

#[test]
fn progressive_jpegs_give_the_same_thumbnail_as_baseline_ones() {
    let baseline = thumbnail(&big_jpeg(false), 256).unwrap();
    let progressive = big_jpeg(true);
    assert!(
        fast_jpeg::shrink(&progressive, (2000, 1500), 256, 192).is_ok(),
        "fast path"
    );
    let t = thumbnail(&progressive, 256).unwrap();
    assert!(mean_difference(&t, &baseline) < 2.0);
    // Turned like a phone photo, it comes out turned.
    let turned = thumbnail(&with_exif(progressive, 6, None), 256).unwrap();
    assert_eq!(turned.dimensions(), (192, 256));
}

/// Quadrants of red, green, blue and 50 % black, as ink amounts.
fn cmyk_quadrants() -> Vec<u8> {
    let ink = |x: u32, y: u32| match (x < 64, y < 64) {
        (true, true) => [0, 255, 255, 0],
        (false, true) => [255, 0, 255, 0],
        (true, false) => [255, 255, 0, 0],
        (false, false) => [0, 0, 0, 128],
    };
    (0..128)
        .flat_map(|y| (0..128).flat_map(move |x| ink(x, y)))
        .collect()
}

#[test]
fn cmyk_and_ycck_jpegs_come_out_in_their_colours() {
    for colour_type in [ColorType::Cmyk, ColorType::CmykAsYcck] {
        let mut jpeg = Vec::new();
        Encoder::new(&mut jpeg, 95)
            .encode(&cmyk_quadrants(), 128, 128, colour_type)
            .unwrap();
        assert!(
            fast_jpeg::shrink(&jpeg, (128, 128), 64, 64).is_ok(),
            "fast path"
        );
        let t = thumbnail(&jpeg, 64).unwrap();
        assert_eq!(t.dimensions(), (64, 64));
        for ((x, y), rgb) in [
            ((16, 16), [255, 0, 0]),
            ((48, 16), [0, 255, 0]),
            ((16, 48), [0, 0, 255]),
            ((48, 48), [127, 127, 127]),
        ] {
            let p = *t.get_pixel(x, y);
            assert!(
                close(p, rgb, 12),
                "{colour_type:?} at ({x}, {y}): {p:?}, not {rgb:?}"
            );
        }
    }
}

#[test]
fn a_truncated_jpeg_is_refused_with_a_clear_error() {
    for progressive in [false, true] {
        let jpeg = big_jpeg(progressive);
        let err = thumbnail(&jpeg[..jpeg.len() / 2], 256).unwrap_err();
        assert_eq!(err, MediaError::TruncatedJpeg);
        assert!(err.to_string().contains("truncated JPEG"));
    }
}

#[test]
fn a_jpeg_over_100_megapixels_is_refused_from_its_header() {
    let mut jpeg = render(&Scene::Mug { colour: [9, 9, 9] }, 1, None);
    // The baseline frame header (FFC0): length, precision, height, width.
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 5..sof + 7].copy_from_slice(&12_000u16.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&9_000u16.to_be_bytes());
    let err = thumbnail(&jpeg, 256).unwrap_err();
    assert!(
        matches!(
            err,
            MediaError::TooLarge {
                width: 9_000,
                height: 12_000,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn sixteen_bit_pngs_are_shrunk_in_their_colours() {
    let img: ImageBuffer<Rgb<u16>, Vec<u16>> = ImageBuffer::from_fn(600, 400, |x, _| {
        if x < 300 {
            Rgb([65535, 0, 0])
        } else {
            Rgb([0, 0, 32896])
        }
    });
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    let t = thumbnail(png.get_ref(), 256).unwrap();
    assert_eq!(t.dimensions(), (256, 171));
    assert!(close(*t.get_pixel(20, 80), [255, 0, 0], 1));
    assert!(close(*t.get_pixel(230, 80), [0, 0, 128], 1));
}
