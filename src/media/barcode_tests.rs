#![allow(clippy::unwrap_used)]

use super::*;
use crate::media::label_synth::LabelShot;
use image::{Luma, RgbImage};
use rxing::{MultiFormatWriter, Writer};

/// A JPEG round trip at quality 75, as the benchmark does.
fn jpeg(img: &RgbImage) -> DynamicImage {
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 75)
        .encode_image(img)
        .unwrap();
    image::load_from_memory(&bytes).unwrap()
}

/// A clean code from rxing's own writer, `scale` pixels a module, on white
/// with a margin, as a grey image.
fn written(text: &str, format: BarcodeFormat, scale: u32) -> DynamicImage {
    let m = MultiFormatWriter.encode(text, &format, 0, 0).unwrap();
    let (w, h) = (m.getWidth(), m.getHeight());
    // 1-D writers give one row: make the bars a third as tall as long.
    let rows = if h <= 1 { (w / 3).max(1) } else { h };
    let margin = 20 * scale;
    let mut img = GrayImage::from_pixel(
        w * scale + 2 * margin,
        rows * scale + 2 * margin,
        Luma([250]),
    );
    for y in 0..rows * scale {
        for x in 0..w * scale {
            let bit = m.get(x / scale, if h <= 1 { 0 } else { y / scale });
            if bit {
                img.put_pixel(x + margin, y + margin, Luma([20]));
            }
        }
    }
    DynamicImage::ImageLuma8(img)
}

fn label(angle: f32, seed: u64) -> LabelShot {
    LabelShot {
        text: "YT7512345678901".into(),
        size: [1600, 1200],
        px_per_mm: 7.0,
        angle_deg: angle,
        tilt: [0.002, -0.0015],
        centre: [0.5, 0.5],
        blur_px: 1,
        seed,
    }
}

#[test]
fn a_turned_label_photo_reads_its_tracking_number_and_box() {
    for angle in [-20.0, 8.0, 24.0, 160.0] {
        let shot = label(angle, 7);
        let photo = jpeg(&shot.render().unwrap());
        let codes = scan(&photo, Duration::from_secs(20));
        assert_eq!(codes.len(), 1, "angle {angle}: {codes:?}");
        assert_eq!(codes[0].text, "YT7512345678901");
        assert_eq!(codes[0].symbology, Symbology::Code128);
        // The box's middle lies on the barcode.
        let c = shot.barcode_corners().unwrap();
        let [l, t, r, b] = bounds_of(&c);
        let q = codes[0].quad;
        let mid = [(q[0][0] + q[2][0]) / 2.0, (q[0][1] + q[2][1]) / 2.0];
        assert!(
            l < mid[0] && mid[0] < r && t < mid[1] && mid[1] < b,
            "{mid:?} {c:?}"
        );
    }
}

fn bounds_of(q: &[[f32; 2]; 4]) -> [f32; 4] {
    FoundCode {
        text: String::new(),
        symbology: Symbology::Code128,
        quad: *q,
    }
    .bounds()
}

#[test]
fn each_symbology_is_read_and_named() {
    let cases = [
        ("CODE39-TEST", BarcodeFormat::CODE_39, Symbology::Code39),
        ("4006381333931", BarcodeFormat::EAN_13, Symbology::Ean13),
        ("036000291452", BarcodeFormat::UPC_A, Symbology::UpcA),
        (
            "https://example.com/p/42",
            BarcodeFormat::QR_CODE,
            Symbology::Qr,
        ),
        (
            "SF1234567890123",
            BarcodeFormat::CODE_128,
            Symbology::Code128,
        ),
    ];
    for (text, format, want) in cases {
        let codes = scan(&written(text, format, 3), Duration::from_secs(20));
        assert_eq!(codes.len(), 1, "{text}: {codes:?}");
        assert_eq!((codes[0].text.as_str(), codes[0].symbology), (text, want));
    }
}

#[test]
fn print_without_a_barcode_reads_nothing() {
    // The label's cardboard and dot-matrix text, the barcode off frame.
    let shot = LabelShot {
        centre: [3.0, 3.0],
        ..label(0.0, 11)
    };
    let codes = scan(&jpeg(&shot.render().unwrap()), Duration::from_secs(20));
    assert!(codes.is_empty(), "{codes:?}");
    let flat = DynamicImage::ImageLuma8(GrayImage::from_pixel(64, 48, Luma([128])));
    assert!(scan(&flat, Duration::from_secs(5)).is_empty());
    for (w, h) in [(1, 1), (0, 0), (3, 1)] {
        let tiny = DynamicImage::ImageLuma8(GrayImage::new(w, h));
        assert!(scan(&tiny, Duration::from_secs(5)).is_empty());
    }
}

#[test]
fn a_spent_budget_stops_after_the_first_angle() {
    let report = scan_report(&written("AB12", BarcodeFormat::CODE_128, 2), Duration::ZERO);
    assert_eq!(report.passes, 1);
    assert!(report.out_of_time);
    // Read once, and confirmed by its crop re-read.
    assert_eq!(report.codes.len(), 1);
}

#[test]
fn big_photos_are_scanned_at_about_two_and_a_half_megapixels() {
    let big = DynamicImage::ImageLuma8(GrayImage::from_pixel(4000, 3000, Luma([90])));
    let copy = scan_copy(&big);
    let px = u64::from(copy.width()) * u64::from(copy.height());
    assert!((2_300_000..=MAX_SCAN_PIXELS).contains(&px), "{px}");
    assert!(copy.pixels().all(|p| p.0[0] == 90));
    let small = DynamicImage::ImageLuma8(GrayImage::new(300, 200));
    assert_eq!(scan_copy(&small).dimensions(), (300, 200));
}

#[test]
fn ean_and_upc_check_digits_are_checked() {
    let cases = [
        (Symbology::Ean13, "4006381333931", true),
        (Symbology::Ean13, "4006381333932", false),
        (Symbology::Ean13, "400638133393", false),
        (Symbology::Ean13, "40063813339a1", false),
        (Symbology::UpcA, "036000291452", true),
        (Symbology::UpcA, "036000291453", false),
        (Symbology::Code128, "anything", true),
    ];
    for (s, text, ok) in cases {
        assert_eq!(check_digit_ok(s, text), ok, "{text}");
    }
}

#[test]
fn two_texts_in_one_place_drop_both() {
    let q = [[10.0, 10.0], [50.0, 10.0], [50.0, 20.0], [10.0, 20.0]];
    let read = |text: &str, pass| Read {
        text: text.into(),
        symbology: Symbology::Code39,
        quad: q,
        pass,
        confirmed: true,
    };
    let mut dropped = 0;
    let kept = settle(
        vec![read("ABC", 0), read("ABD", 1)],
        (100, 100),
        &mut dropped,
    );
    assert!(kept.is_empty());
    assert_eq!(dropped, 2);
    // One unconfirmed read alone is dropped; read at two angles it stands.
    let lone = Read {
        confirmed: false,
        ..read("ABC", 0)
    };
    assert!(settle(vec![lone.clone()], (100, 100), &mut dropped).is_empty());
    let twice = settle(
        vec![lone.clone(), Read { pass: 2, ..lone }],
        (100, 100),
        &mut dropped,
    );
    assert_eq!(twice.len(), 1);
    assert_eq!(twice[0].quad[1], [0.5, 0.1]);
}
