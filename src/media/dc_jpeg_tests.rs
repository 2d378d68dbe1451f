//! The DC-only decoder against `jpeg-decoder` decoding at 1/8 scale.

#![allow(clippy::unwrap_used)]

use super::*;
use jpeg_encoder::{ColorType, Encoder, SamplingFactor};

/// A photo-like test picture: gradients, edges and colour.
fn picture(w: u32, h: u32) -> Vec<u8> {
    let mut rgb = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            let ring = ((x as i32 - 300).pow(2) + (y as i32 - 200).pow(2)) < 150 * 150;
            let (r, g, b) = if ring {
                (220, 40 + (y % 64) as u8, 30)
            } else {
                (
                    (x * 255 / w) as u8,
                    (y * 255 / h) as u8,
                    ((x + y) % 256) as u8,
                )
            };
            rgb.extend_from_slice(&[r, g, b]);
        }
    }
    rgb
}

fn encode(colour: ColorType, f: impl FnOnce(&mut Encoder<&mut Vec<u8>>)) -> Vec<u8> {
    let (w, h) = (701, 467);
    let rgb = picture(w, h);
    let data: Vec<u8> = match colour {
        ColorType::Luma => rgb.chunks_exact(3).map(|p| p[1]).collect(),
        _ => rgb,
    };
    let mut out = Vec::new();
    let mut encoder = Encoder::new(&mut out, 90);
    f(&mut encoder);
    encoder.encode(&data, w as u16, h as u16, colour).unwrap();
    out
}

/// `jpeg-decoder` at 1/8 scale, as RGBA.
fn reference(jpeg: &[u8]) -> RgbaImage {
    let mut d = jpeg_decoder::Decoder::new(jpeg);
    let (w, h) = d.scale(1, 1).unwrap();
    let pixels = d.decode().unwrap();
    let rgba: Vec<u8> = match d.info().unwrap().pixel_format {
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&l| [l, l, l, 255]).collect(),
        jpeg_decoder::PixelFormat::RGB24 => pixels
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        other => panic!("{other:?}"),
    };
    RgbaImage::from_raw(u32::from(w), u32::from(h), rgba).unwrap()
}

fn mean_difference(a: &RgbaImage, b: &RgbaImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let total: u64 = a
        .as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(p, q)| u64::from(p.abs_diff(*q)))
        .sum();
    total as f64 / a.as_raw().len() as f64
}

#[test]
fn the_dc_picture_is_the_eighth_scale_decode() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "4:2:0",
            encode(ColorType::Rgb, |e| {
                e.set_sampling_factor(SamplingFactor::F_2_2)
            }),
        ),
        (
            "4:4:4",
            encode(ColorType::Rgb, |e| {
                e.set_sampling_factor(SamplingFactor::F_1_1)
            }),
        ),
        (
            "4:2:2",
            encode(ColorType::Rgb, |e| {
                e.set_sampling_factor(SamplingFactor::F_2_1)
            }),
        ),
        (
            "4:4:0",
            encode(ColorType::Rgb, |e| {
                e.set_sampling_factor(SamplingFactor::F_1_2)
            }),
        ),
        (
            "4:1:1",
            encode(ColorType::Rgb, |e| {
                e.set_sampling_factor(SamplingFactor::F_4_1)
            }),
        ),
        ("grey", encode(ColorType::Luma, |_| {})),
        (
            "restarts",
            encode(ColorType::Rgb, |e| {
                e.set_sampling_factor(SamplingFactor::F_2_2);
                e.set_restart_interval(3);
            }),
        ),
        (
            "progressive",
            encode(ColorType::Rgb, |e| e.set_progressive(true)),
        ),
        (
            "progressive 4:2:0 with restarts",
            encode(ColorType::Rgb, |e| {
                e.set_progressive(true);
                e.set_sampling_factor(SamplingFactor::F_2_2);
                e.set_restart_interval(5);
            }),
        ),
        (
            "progressive grey",
            encode(ColorType::Luma, |e| e.set_progressive(true)),
        ),
        (
            "optimised tables",
            encode(ColorType::Rgb, |e| e.set_optimized_huffman_tables(true)),
        ),
        ("image crate", {
            let img = image::RgbImage::from_raw(701, 467, picture(701, 467)).unwrap();
            let mut out = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
                .encode_image(&img)
                .unwrap();
            out
        }),
    ];
    for (name, jpeg) in cases {
        let ours = decode_eighth(&jpeg).unwrap_or_else(|| panic!("{name}: not decoded"));
        assert_eq!(ours.dimensions(), (88, 59), "{name}");
        let diff = mean_difference(&ours, &reference(&jpeg));
        // jpeg-decoder stretches 4:1:1 chroma differently (nearest); the
        // sawtooth in this picture's blue shows it.
        let limit = if name == "4:1:1" { 5.0 } else { 1.5 };
        assert!(diff < limit, "{name}: mean difference {diff}");
    }
}

#[test]
fn what_this_path_does_not_do_is_left_to_jpeg_decoder() {
    let cmyk = vec![0u8; 64 * 64 * 4];
    let mut jpeg = Vec::new();
    Encoder::new(&mut jpeg, 90)
        .encode(&cmyk, 64, 64, ColorType::Cmyk)
        .unwrap();
    assert!(decode_eighth(&jpeg).is_none(), "CMYK");
    assert!(decode_eighth(b"\xFF\xD8\xFF\xD9").is_none(), "no frame");
    assert!(decode_eighth(b"not a jpeg").is_none());
    // RGB stored as RGB (Adobe transform 0).
    let mut rgb = Vec::new();
    let mut e = Encoder::new(&mut rgb, 90);
    e.add_app_segment(14, b"Adobe\0\x64\0\0\0\0\0".to_vec())
        .unwrap();
    e.encode(&picture(64, 64)[..64 * 64 * 3], 64, 64, ColorType::Rgb)
        .unwrap();
    assert!(rgb.windows(5).any(|w| w == b"Adobe"), "the marker is there");
    assert!(decode_eighth(&rgb).is_none(), "RGB stored as RGB");
}

#[test]
fn damaged_or_cut_data_never_panics() {
    for jpeg in [
        encode(ColorType::Rgb, |e| {
            e.set_sampling_factor(SamplingFactor::F_2_2)
        }),
        encode(ColorType::Rgb, |e| e.set_progressive(true)),
    ] {
        for cut in [10, 200, jpeg.len() / 3, jpeg.len() - 3] {
            let _ = decode_eighth(&jpeg[..cut]);
        }
        let mut seed = 7u32;
        for _ in 0..200 {
            let mut bad = jpeg.clone();
            for _ in 0..4 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                let at = (seed as usize >> 8) % bad.len();
                bad[at] = (seed >> 3) as u8;
            }
            let _ = decode_eighth(&bad);
        }
    }
}

/// A JPEG segment: marker, length, payload.
fn seg(marker: u8, payload: &[u8]) -> Vec<u8> {
    let len = (payload.len() + 2) as u16;
    let mut s = vec![0xFF, marker];
    s.extend_from_slice(&len.to_be_bytes());
    s.extend_from_slice(payload);
    s
}

/// A hand-made greyscale baseline JPEG of `w`×`h` whose every block has
/// the DC difference +2047 (size 11) and no AC: `scan` is the SOS payload.
fn hand_made(w: u16, h: u16, quant: u8, scan: &[u8]) -> Vec<u8> {
    let mut counts = [0u8; 16];
    counts[0] = 1;
    let mut dht = vec![0x00];
    dht.extend_from_slice(&counts);
    dht.push(11); // the one DC code, "0", means size 11
    dht.push(0x10);
    dht.extend_from_slice(&counts);
    dht.push(0); // the one AC code, "0", means end of block
    let mut dqt = vec![0];
    dqt.extend_from_slice(&[quant; 64]);
    let mut sof = vec![8];
    sof.extend_from_slice(&h.to_be_bytes());
    sof.extend_from_slice(&w.to_be_bytes());
    sof.extend_from_slice(&[1, 1, 0x11, 0]);
    // Per block: DC code 0, eleven 1s (+2047), AC end of block 0.
    let blocks = usize::from(w / 8) * usize::from(h / 8);
    let mut bits: Vec<bool> = Vec::new();
    for _ in 0..blocks {
        bits.push(false);
        bits.extend(std::iter::repeat_n(true, 11));
        bits.push(false);
    }
    while !bits.len().is_multiple_of(8) {
        bits.push(true);
    }
    let mut data = Vec::new();
    for byte in bits.chunks(8) {
        let v = byte.iter().fold(0u8, |a, &b| (a << 1) | u8::from(b));
        data.push(v);
        if v == 0xFF {
            data.push(0);
        }
    }
    let mut out = vec![0xFF, 0xD8];
    for s in [
        seg(0xDB, &dqt),
        seg(0xC4, &dht),
        seg(0xC0, &sof),
        seg(0xDA, scan),
    ] {
        out.extend(s);
    }
    out.extend(data);
    out.extend([0xFF, 0xD9]);
    out
}

#[test]
fn a_scan_naming_a_component_five_times_is_refused_not_a_panic() {
    let mut scan = vec![5];
    for _ in 0..5 {
        scan.extend_from_slice(&[1, 0x00]);
    }
    scan.extend_from_slice(&[0, 63, 0]);
    assert!(decode_eighth(&hand_made(64, 64, 1, &scan)).is_none());
    let twice = [2, 1, 0x00, 1, 0x00, 0, 63, 0];
    assert!(decode_eighth(&hand_made(64, 64, 1, &twice)).is_none());
}

#[test]
fn dc_values_that_would_overflow_are_clamped() {
    // 16,384 blocks each adding +2047 with a quantiser of 255: the running
    // DC times the quantiser passes i32's range unless it is clamped.
    let jpeg = hand_made(1024, 1024, 255, &[1, 1, 0x00, 0, 63, 0]);
    let img = decode_eighth(&jpeg).expect("a valid (if odd) JPEG");
    assert_eq!(img.dimensions(), (128, 128));
    assert_eq!(
        img.get_pixel(127, 127)[0],
        255,
        "saturated white, not wrapped"
    );
}
