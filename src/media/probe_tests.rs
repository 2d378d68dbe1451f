#![allow(clippy::unwrap_used)]

use super::*;
use image::{DynamicImage, ImageBuffer, Rgb, Rgba};

fn encode(img: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn photo() -> DynamicImage {
    DynamicImage::ImageRgb8(ImageBuffer::from_fn(90, 60, |x, y| {
        Rgb([(x * 2) as u8, (y * 4) as u8, 128])
    }))
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A valid tiny PNG whose header claims `w`×`h` pixels.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut png = encode(&photo(), ImageFormat::Png);
    // IHDR data starts at byte 16 (8 signature + 4 length + 4 type).
    png[16..20].copy_from_slice(&w.to_be_bytes());
    png[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

#[test]
fn good_images_of_each_format_are_accepted() {
    let rgba16 = DynamicImage::ImageRgba16(ImageBuffer::from_fn(40, 30, |x, _| {
        Rgba([x as u16 * 1000, 0, 65535, 65535])
    }));
    let cases = [
        (encode(&photo(), ImageFormat::Jpeg), Format::Jpeg),
        (encode(&photo(), ImageFormat::Png), Format::Png),
        (encode(&rgba16, ImageFormat::Png), Format::Png),
        (
            encode(
                &DynamicImage::ImageRgba8(photo().to_rgba8()),
                ImageFormat::WebP,
            ),
            Format::WebP,
        ),
        (encode(&photo(), ImageFormat::Gif), Format::Gif),
        (encode(&photo(), ImageFormat::Bmp), Format::Bmp),
        (encode(&photo(), ImageFormat::Tiff), Format::Tiff),
    ];
    for (bytes, format) in cases {
        let info = probe(&bytes).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert_eq!(info.format, format);
        assert_eq!(info.orientation, 1);
        assert!(info.width == 90 || info.width == 40, "{format:?}");
    }
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let jpeg = encode(&photo(), ImageFormat::Jpeg);
    let png = encode(&photo(), ImageFormat::Png);
    let heic = [&[0, 0, 0, 0x18][..], b"ftypheic", &[0; 12]].concat();
    let avif = [&[0, 0, 0, 0x18][..], b"ftypavif", &[0; 12]].concat();
    let cases: Vec<(&str, Vec<u8>, MediaError)> = vec![
        ("empty", vec![], MediaError::Empty),
        (
            "text",
            b"order notes: 60 pcs\n".to_vec(),
            MediaError::NotImage("text"),
        ),
        (
            "chinese text",
            "颜色：马卡龙色\n".repeat(200).into_bytes(),
            MediaError::NotImage("text"),
        ),
        (
            "pdf",
            b"%PDF-1.7\n\xe2\xe3\xcf\xd3 binary".to_vec(),
            MediaError::NotImage("a PDF document"),
        ),
        ("heic", heic, MediaError::Heic),
        ("avif", avif, MediaError::Avif),
        (
            "truncated jpeg",
            jpeg[..jpeg.len() * 6 / 10].to_vec(),
            MediaError::TruncatedJpeg,
        ),
        (
            "jpeg without end",
            jpeg[..jpeg.len() - 2].to_vec(),
            MediaError::TruncatedJpeg,
        ),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(probe(&bytes), Err(expected), "{name}");
    }
    let cut_png = probe(&png[..png.len() - 30]).unwrap_err();
    assert!(
        matches!(cut_png, MediaError::Corrupt { format: "PNG", .. }),
        "{cut_png}"
    );
}

#[test]
fn huge_images_are_refused_before_decoding() {
    // A decompression bomb: 96 bytes claiming 60,000 × 60,000 pixels.
    let bomb = png_claiming(60_000, 60_000);
    let err = probe(&bomb).unwrap_err();
    assert_eq!(
        err,
        MediaError::TooLarge {
            width: 60_000,
            height: 60_000,
            megapixels: 3600.0
        }
    );
    assert!(err.to_string().contains("limit is 100 megapixels"));
    // Just under the limit, the header passes and the (lying) data fails.
    let err = probe(&png_claiming(10_000, 9_999)).unwrap_err();
    assert!(matches!(err, MediaError::Corrupt { .. }), "{err}");
}

#[test]
fn exif_orientation_swaps_the_displayed_size() {
    let jpeg = encode(&photo(), ImageFormat::Jpeg);
    for (orientation, size) in [(1, (90, 60)), (3, (90, 60)), (6, (60, 90)), (8, (60, 90))] {
        let info = probe(&super::super::synth::with_exif(
            jpeg.clone(),
            orientation,
            None,
        ))
        .unwrap();
        assert_eq!((info.width, info.height), size, "orientation {orientation}");
        assert_eq!(info.taken, None);
    }
}

#[test]
fn text_that_starts_like_an_image_signature_is_text() {
    for text in [
        "BMW order notes\n",
        "P3 supplier notes\n",
        "GIF89a is not a photo",
    ] {
        assert_eq!(
            probe(text.as_bytes()),
            Err(MediaError::NotImage("text")),
            "{text}"
        );
    }
    // Two bytes of a cut Chinese character: no panic, a reason.
    assert!(matches!(probe(&[0xE4, 0xB8]), Err(MediaError::NotImage(_))));
    let err = probe(&png_claiming(10_001, 10_000)).unwrap_err();
    assert!(err.to_string().contains("= 100.0 megapixels"), "{err}");
}

/// A JPEG of a noisy picture (so the scan is long), `w`×`h`.
fn noisy_jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let n = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 251;
        image::Rgb([n as u8, (x * 3) as u8, (y * 5) as u8])
    });
    encode(&DynamicImage::ImageRgb8(img), ImageFormat::Jpeg)
}

/// Where the frame header's height and width are.
fn sof_at(jpeg: &[u8]) -> usize {
    jpeg.windows(2)
        .position(|w| w[0] == 0xFF && matches!(w[1], 0xC0..=0xC2))
        .unwrap()
}

#[test]
fn a_jpeg_cut_in_half_with_an_end_marker_appended_is_damaged() {
    let jpeg = noisy_jpeg(800, 600);
    assert!(probe(&jpeg).is_ok());
    let mut cut = jpeg[..jpeg.len() / 2].to_vec();
    cut.extend_from_slice(&[0xFF, 0xD9]);
    let err = probe(&cut).unwrap_err();
    assert!(
        matches!(err, MediaError::Corrupt { .. }) && err.to_string().contains("ends before"),
        "{err}"
    );
}

#[test]
fn a_header_claiming_more_than_the_scan_holds_is_damaged() {
    let jpeg = noisy_jpeg(800, 600);
    let at = sof_at(&jpeg);
    let mut big = jpeg.clone();
    big[at + 5..at + 9].copy_from_slice(&[0x27, 0x10, 0x27, 0x10]); // 10000×10000
    let err = probe(&big).unwrap_err();
    assert!(err.to_string().contains("ends before"), "{err}");
}
