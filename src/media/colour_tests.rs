#![allow(clippy::unwrap_used)]

use super::*;
use image::{Rgb, RgbImage};

/// Sharma, Wu and Dalal (2005), "The CIEDE2000 colour-difference formula:
/// implementation notes, supplementary test data, and mathematical
/// observations", Table 1: Lab 1, Lab 2, ΔE00.
const SHARMA: [([f64; 3], [f64; 3], f64); 34] = [
    ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
    ([50.0, 3.1571, -77.2803], [50.0, 0.0, -82.7485], 2.8615),
    ([50.0, 2.8361, -74.0200], [50.0, 0.0, -82.7485], 3.4412),
    ([50.0, -1.3802, -84.2814], [50.0, 0.0, -82.7485], 1.0000),
    ([50.0, -1.1848, -84.8006], [50.0, 0.0, -82.7485], 1.0000),
    ([50.0, -0.9009, -85.5211], [50.0, 0.0, -82.7485], 1.0000),
    ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
    ([50.0, -1.0, 2.0], [50.0, 0.0, 0.0], 2.3669),
    ([50.0, 2.4900, -0.0010], [50.0, -2.4900, 0.0009], 7.1792),
    ([50.0, 2.4900, -0.0010], [50.0, -2.4900, 0.0010], 7.1792),
    ([50.0, 2.4900, -0.0010], [50.0, -2.4900, 0.0011], 7.2195),
    ([50.0, 2.4900, -0.0010], [50.0, -2.4900, 0.0012], 7.2195),
    ([50.0, -0.0010, 2.4900], [50.0, 0.0009, -2.4900], 4.8045),
    ([50.0, -0.0010, 2.4900], [50.0, 0.0010, -2.4900], 4.8045),
    ([50.0, -0.0010, 2.4900], [50.0, 0.0011, -2.4900], 4.7461),
    ([50.0, 2.5, 0.0], [50.0, 0.0, -2.5], 4.3065),
    ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
    ([50.0, 2.5, 0.0], [61.0, -5.0, 29.0], 22.8977),
    ([50.0, 2.5, 0.0], [56.0, -27.0, -3.0], 31.9030),
    ([50.0, 2.5, 0.0], [58.0, 24.0, 15.0], 19.4535),
    ([50.0, 2.5, 0.0], [50.0, 3.1736, 0.5854], 1.0000),
    ([50.0, 2.5, 0.0], [50.0, 3.2972, 0.0], 1.0000),
    ([50.0, 2.5, 0.0], [50.0, 1.8634, 0.5757], 1.0000),
    ([50.0, 2.5, 0.0], [50.0, 3.2592, 0.3350], 1.0000),
    (
        [60.2574, -34.0099, 36.2677],
        [60.4626, -34.1751, 39.4387],
        1.2644,
    ),
    (
        [63.0109, -31.0961, -5.8663],
        [62.8187, -29.7946, -4.0864],
        1.2630,
    ),
    (
        [61.2901, 3.7196, -5.3901],
        [61.4292, 2.2480, -4.9620],
        1.8731,
    ),
    (
        [35.0831, -44.1164, 3.7933],
        [35.0232, -40.0716, 1.5901],
        1.8645,
    ),
    (
        [22.7233, 20.0904, -46.6940],
        [23.0331, 14.9730, -42.5619],
        2.0373,
    ),
    (
        [36.4612, 47.8580, 18.3852],
        [36.2715, 50.5065, 21.2231],
        1.4146,
    ),
    (
        [90.8027, -2.0831, 1.4410],
        [91.1528, -1.6435, 0.0447],
        1.4441,
    ),
    (
        [90.9257, -0.5406, -0.9208],
        [88.6381, -0.8985, -0.7239],
        1.5381,
    ),
    (
        [6.7747, -0.2908, -2.4247],
        [5.8714, -0.0985, -2.2286],
        0.6377,
    ),
    (
        [2.0776, 0.0795, -1.1350],
        [0.9033, -0.0636, -0.5514],
        0.9082,
    ),
];

#[test]
fn ciede2000_matches_the_published_test_pairs_both_ways() {
    for (i, (a, b, want)) in SHARMA.iter().enumerate() {
        for (x, y) in [(a, b), (b, a)] {
            let got = delta_e_2000(*x, *y);
            assert!((got - want).abs() < 1e-4, "pair {}: {got} != {want}", i + 1);
        }
    }
}

const WHOLE: Region = Region {
    left: 0.0,
    top: 0.0,
    right: 1.0,
    bottom: 1.0,
};
const LEFT: Region = Region {
    left: 0.05,
    top: 0.1,
    right: 0.45,
    bottom: 0.9,
};
const RIGHT: Region = Region {
    left: 0.55,
    top: 0.1,
    right: 0.95,
    bottom: 0.9,
};

/// A product colour on the left, a mid-grey card on the right, lit by
/// `light` (linear gains per channel) with a little noise.
fn scene(product: [u8; 3], light: [f64; 3]) -> DynamicImage {
    let lin = |v: u8| Srgb::new(v, 0, 0).into_format::<f64>().into_linear().red;
    let enc = |v: f64| {
        let s: Srgb<f64> = Srgb::from_linear(LinSrgb::new(v.min(1.0), 0.0, 0.0));
        (s.red * 255.0).round() as u8
    };
    let img = RgbImage::from_fn(120, 60, |x, y| {
        let base = if x < 60 { product } else { [128, 128, 128] };
        let noise = ((x * 7 + y * 13) % 5) as i16 - 2;
        let px: Vec<u8> = (0..3)
            .map(|c| {
                let v = (i16::from(base[c]) + noise).clamp(0, 254) as u8;
                enc(lin(v) * light[c])
            })
            .collect();
        Rgb([px[0], px[1], px[2]])
    });
    DynamicImage::ImageRgb8(img)
}

fn side(image: &DynamicImage, patch: bool) -> Side<'_> {
    Side {
        image,
        region: LEFT,
        neutral: patch.then_some(RIGHT),
    }
}

#[test]
fn a_grey_card_balances_a_warmer_light() {
    let navy = [40, 60, 120];
    let sample = scene(navy, [1.0, 1.0, 1.0]);
    let warm = scene(navy, [1.25, 1.0, 0.7]);
    let raw = compare(side(&sample, false), side(&warm, false)).unwrap();
    assert_ne!(raw.band, Band::Consistent, "{raw:?}");
    assert!(!raw.balanced);
    let balanced = compare(side(&sample, true), side(&warm, true)).unwrap();
    assert_eq!(balanced.band, Band::Consistent, "{balanced:?}");
    assert!(balanced.balanced && balanced.delta_e < 1.0, "{balanced:?}");
    // A patch on one side only balances nothing.
    assert!(
        !compare(side(&sample, true), side(&warm, false))
            .unwrap()
            .balanced
    );
}

#[test]
fn the_same_photo_is_consistent_and_a_different_colour_is_not() {
    let red = scene([200, 30, 40], [1.0; 3]);
    let same = compare(side(&red, false), side(&red, false)).unwrap();
    assert!(same.delta_e < 1e-9);
    assert_eq!(
        same.words(),
        "no clear difference in lightness, saturation or hue"
    );
    let green = scene([40, 160, 60], [1.0; 3]);
    let diff = compare(side(&red, false), side(&green, false)).unwrap();
    assert_eq!(diff.band, Band::LikelyDifferent);
    assert!(diff.summary().starts_with("ΔE00 "), "{}", diff.summary());
    assert!(diff.summary().contains("photo estimate"));
}

#[test]
fn bands_follow_the_thresholds() {
    let cases = [
        (0.0, Band::Consistent),
        (2.99, Band::Consistent),
        (3.0, Band::AskForDaylight),
        (6.0, Band::AskForDaylight),
        (6.01, Band::LikelyDifferent),
    ];
    for (de, want) in cases {
        assert_eq!(Band::of(de), want, "{de}");
    }
}

#[test]
fn words_say_darker_less_saturated_and_the_hue_turn() {
    // Bulk darker and greyer than an orange sample.
    let d = difference([60.0, 30.0, 40.0], [52.0, 20.0, 28.0], false);
    assert_eq!(d.words(), "the bulk is darker and less saturated");
    // Same lightness and chroma, hue turned from orange towards yellow.
    let c = 50.0f64;
    let at = |deg: f64| [60.0, c * deg.to_radians().cos(), c * deg.to_radians().sin()];
    let d = difference(at(40.0), at(55.0), false);
    assert_eq!(d.words(), "the bulk's hue is shifted towards yellow");
    let d = difference(at(40.0), at(25.0), false);
    assert_eq!(d.words(), "the bulk's hue is shifted towards red");
    let d = difference([60.0, 30.0, 40.0], [70.0, 40.0, 40.0], false);
    assert!(
        d.words()
            .starts_with("the bulk is lighter and more saturated, its hue"),
        "{}",
        d.words()
    );
}

#[test]
fn empty_clipped_and_dark_regions_are_errors() {
    let img = DynamicImage::ImageRgb8(RgbImage::from_pixel(20, 20, Rgb([255, 255, 255])));
    let none = Region {
        left: 0.5,
        top: 0.5,
        right: 0.5,
        bottom: 0.9,
    };
    let s = Side {
        image: &img,
        region: none,
        neutral: None,
    };
    assert_eq!(compare(s, s), Err(ColourError::Empty("sample region")));
    let s = Side {
        image: &img,
        region: LEFT,
        neutral: None,
    };
    assert_eq!(compare(s, s), Err(ColourError::Clipped("sample region")));
    let black = DynamicImage::ImageRgb8(RgbImage::new(10, 10));
    let s = Side {
        image: &black,
        region: WHOLE,
        neutral: Some(WHOLE),
    };
    assert_eq!(
        compare(s, s),
        Err(ColourError::TooDark("sample's neutral patch"))
    );
    assert!(
        ColourError::Clipped("bulk region")
            .to_string()
            .contains("over-exposed")
    );
}
