//! Generated warehouse photos for the demo project and tests: simple scenes
//! (a mug, a gift box, cartons, magnetic tiles…) on a table top, encoded as
//! JPEG, with EXIF orientation and time written like a phone would.

use chrono::NaiveDateTime;
use image::{Rgb, RgbImage};

/// The chat screenshot of the demo (a seller's reply in Chinese).
pub const CHAT_SCREENSHOT_PNG: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/demo/chat-screenshot.png"
));

const W: u32 = 800;
const H: u32 = 600;

/// What a generated photo shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Scene {
    Mug {
        colour: [u8; 3],
    },
    GiftBox {
        colour: [u8; 3],
    },
    /// A mug beside a ruler.
    Measure {
        colour: [u8; 3],
    },
    /// A carton with a shipping label; the text is turned into a barcode.
    Carton {
        label: &'static str,
    },
    /// Several cartons stacked.
    Cartons {
        count: u32,
    },
    /// Magnetic tiles, pastel or primary colours, with or without the bag.
    Tiles {
        pastel: bool,
        bag: bool,
    },
}

impl Scene {
    /// The size of the picture as displayed (upright).
    pub fn size(&self) -> (u32, u32) {
        (W, H)
    }
}

/// The scene as JPEG bytes. The pixels are stored so that a viewer applying
/// `orientation` (1, 3, 6 or 8) shows the scene upright; with an orientation
/// other than 1 or a `taken` time, an EXIF segment records them.
pub fn render(scene: &Scene, orientation: u16, taken: Option<NaiveDateTime>) -> Vec<u8> {
    let upright = draw(scene);
    let stored = match orientation {
        3 => image::imageops::rotate180(&upright),
        // 6: the viewer turns it 90° clockwise, so store it turned back.
        6 => image::imageops::rotate270(&upright),
        8 => image::imageops::rotate90(&upright),
        _ => upright,
    };
    let mut jpeg = Vec::new();
    let encoded =
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 82).encode_image(&stored);
    debug_assert!(encoded.is_ok(), "encoding to memory cannot fail");
    if orientation != 1 || taken.is_some() {
        jpeg = with_exif(jpeg, orientation, taken);
    }
    jpeg
}

/// Inserts an EXIF segment (orientation, and DateTimeOriginal when given)
/// right after the JPEG's start-of-image marker.
pub fn with_exif(jpeg: Vec<u8>, orientation: u16, taken: Option<NaiveDateTime>) -> Vec<u8> {
    // Little-endian TIFF: IFD0 {Orientation, ExifIFD pointer} → Exif IFD
    // {DateTimeOriginal} → the date string.
    let entries: u16 = if taken.is_some() { 2 } else { 1 };
    let ifd0_end = 8 + 2 + 12 * u32::from(entries) + 4;
    let exif_ifd_end = ifd0_end + 2 + 12 + 4;
    let mut t = Vec::new();
    t.extend_from_slice(b"II\x2A\x00");
    t.extend_from_slice(&8u32.to_le_bytes());
    t.extend_from_slice(&entries.to_le_bytes());
    entry(&mut t, 0x0112, 3, 1, u32::from(orientation));
    if taken.is_some() {
        entry(&mut t, 0x8769, 4, 1, ifd0_end);
    }
    t.extend_from_slice(&0u32.to_le_bytes());
    if let Some(taken) = taken {
        t.extend_from_slice(&1u16.to_le_bytes());
        entry(&mut t, 0x9003, 2, 20, exif_ifd_end);
        t.extend_from_slice(&0u32.to_le_bytes());
        t.extend_from_slice(taken.format("%Y:%m:%d %H:%M:%S").to_string().as_bytes());
        t.push(0);
    }
    let payload_len = 6 + t.len() + 2;
    let mut out = Vec::with_capacity(jpeg.len() + payload_len + 2);
    out.extend_from_slice(&jpeg[..2.min(jpeg.len())]);
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&(payload_len as u16).to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(&t);
    out.extend_from_slice(jpeg.get(2..).unwrap_or_default());
    out
}

fn entry(t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32) {
    t.extend_from_slice(&tag.to_le_bytes());
    t.extend_from_slice(&kind.to_le_bytes());
    t.extend_from_slice(&count.to_le_bytes());
    if kind == 3 {
        // A SHORT sits in the first two bytes of the value field.
        t.extend_from_slice(&(value as u16).to_le_bytes());
        t.extend_from_slice(&[0, 0]);
    } else {
        t.extend_from_slice(&value.to_le_bytes());
    }
}

fn draw(scene: &Scene) -> RgbImage {
    let mut img = table_top();
    match scene {
        Scene::Mug { colour } => mug(&mut img, 400, 330, *colour),
        Scene::GiftBox { colour } => gift_box(&mut img, *colour),
        Scene::Measure { colour } => {
            mug(&mut img, 330, 330, *colour);
            ruler(&mut img, 560, 140, 400);
        }
        Scene::Carton { label } => carton(&mut img, 170, 120, 460, 380, Some(label)),
        Scene::Cartons { count } => {
            for i in 0..*count {
                let (col, row) = (i % 3, i / 3);
                let x = 60 + col as i32 * 240 + row as i32 * 60;
                let y = 330 - row as i32 * 190;
                carton(&mut img, x, y, 210, 180, None);
            }
        }
        Scene::Tiles { pastel, bag } => tiles(&mut img, *pastel, *bag),
    }
    img
}

/// A warm grey table top with a soft gradient and grain.
fn table_top() -> RgbImage {
    let mut seed = 0x2545_F491_u32;
    RgbImage::from_fn(W, H, |_, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 9) as i32 - 4;
        let base = 200 - (y as i32 * 40 / H as i32) + grain;
        Rgb([clamp(base + 8), clamp(base + 2), clamp(base - 10)])
    })
}

fn clamp(v: i32) -> u8 {
    v.clamp(0, 255) as u8
}

fn shade([r, g, b]: [u8; 3], pct: i32) -> Rgb<u8> {
    let f = |c: u8| clamp(i32::from(c) * pct / 100);
    Rgb([f(r), f(g), f(b)])
}

fn rect(img: &mut RgbImage, x: i32, y: i32, w: i32, h: i32, c: Rgb<u8>) {
    for yy in y.max(0)..(y + h).min(H as i32) {
        for xx in x.max(0)..(x + w).min(W as i32) {
            img.put_pixel(xx as u32, yy as u32, c);
        }
    }
}

/// Applies `paint` to every pixel of the ellipse inside the picture.
fn in_ellipse(
    img: &mut RgbImage,
    cx: i32,
    cy: i32,
    rx: i32,
    ry: i32,
    paint: impl Fn(&mut Rgb<u8>),
) {
    for yy in (cy - ry).max(0)..(cy + ry).min(H as i32) {
        for xx in (cx - rx).max(0)..(cx + rx).min(W as i32) {
            let (dx, dy) = (
                f64::from(xx - cx) / f64::from(rx),
                f64::from(yy - cy) / f64::from(ry),
            );
            if dx * dx + dy * dy <= 1.0 {
                paint(img.get_pixel_mut(xx as u32, yy as u32));
            }
        }
    }
}

fn ellipse(img: &mut RgbImage, cx: i32, cy: i32, rx: i32, ry: i32, c: Rgb<u8>) {
    in_ellipse(img, cx, cy, rx, ry, |p| *p = c);
}

fn shadow(img: &mut RgbImage, cx: i32, cy: i32, rx: i32, ry: i32) {
    in_ellipse(img, cx, cy, rx, ry, |p| {
        p.0 = p.0.map(|c| (u32::from(c) * 7 / 10) as u8)
    });
}

fn mug(img: &mut RgbImage, cx: i32, cy: i32, colour: [u8; 3]) {
    shadow(img, cx + 20, cy + 150, 150, 30);
    // Handle: a ring on the right.
    ellipse(img, cx + 110, cy + 20, 60, 75, shade(colour, 80));
    ellipse(
        img,
        cx + 110,
        cy + 20,
        35,
        50,
        *img.get_pixel(W - 1, (cy + 20) as u32),
    );
    // Body with a rounded base, lit from the left.
    rect(img, cx - 110, cy - 120, 220, 250, shade(colour, 100));
    ellipse(img, cx, cy + 130, 110, 25, shade(colour, 100));
    rect(img, cx - 110, cy - 120, 40, 250, shade(colour, 115));
    rect(img, cx + 70, cy - 120, 40, 250, shade(colour, 85));
    // Rim and the inside.
    ellipse(img, cx, cy - 120, 110, 28, shade(colour, 120));
    ellipse(img, cx, cy - 118, 98, 21, shade(colour, 60));
}

fn gift_box(img: &mut RgbImage, colour: [u8; 3]) {
    shadow(img, 420, 500, 260, 35);
    rect(img, 170, 170, 460, 320, Rgb([242, 238, 230]));
    rect(img, 200, 120, 460, 50, Rgb([250, 248, 242]));
    rect(img, 170, 260, 460, 60, shade(colour, 100));
    // A label with a barcode space.
    rect(img, 470, 360, 130, 100, Rgb([255, 255, 255]));
    barcode(img, 480, 372, 110, 60, b"6901234567892");
}

fn carton(img: &mut RgbImage, x: i32, y: i32, w: i32, h: i32, label: Option<&str>) {
    let kraft = [176, 132, 84];
    shadow(img, x + w / 2 + 10, y + h, w / 2 + 20, 20);
    rect(img, x, y, w, h, shade(kraft, 100));
    rect(img, x, y, w, h / 8, shade(kraft, 115));
    rect(img, x + w / 2 - 15, y, 30, h / 3, Rgb([205, 190, 150]));
    if let Some(label) = label {
        rect(
            img,
            x + w / 8,
            y + h / 3,
            w * 6 / 10,
            h / 2,
            Rgb([252, 252, 250]),
        );
        barcode(
            img,
            x + w / 8 + 15,
            y + h / 3 + 20,
            w * 6 / 10 - 30,
            h / 4,
            label.as_bytes(),
        );
        // A red "fragile" mark.
        rect(
            img,
            x + w * 3 / 4,
            y + h / 3,
            w / 8,
            w / 8,
            Rgb([200, 40, 40]),
        );
    }
}

fn barcode(img: &mut RgbImage, x: i32, y: i32, w: i32, h: i32, data: &[u8]) {
    let mut cx = x;
    for (i, &b) in data.iter().cycle().take(64).enumerate() {
        let bar = 1 + i32::from(b % 3);
        if cx + bar > x + w {
            break;
        }
        if i % 2 == 0 {
            rect(img, cx, y, bar, h, Rgb([20, 20, 20]));
        }
        cx += bar + 1;
    }
}

fn ruler(img: &mut RgbImage, x: i32, y: i32, len: i32) {
    rect(img, x, y, 46, len, Rgb([235, 200, 60]));
    for i in (0..len).step_by(10) {
        let tick = if i % 50 == 0 { 24 } else { 12 };
        rect(img, x, y + i, tick, 2, Rgb([40, 40, 40]));
    }
}

fn tiles(img: &mut RgbImage, pastel: bool, bag: bool) {
    let palette: [[u8; 3]; 6] = if pastel {
        [
            [244, 182, 194],
            [179, 222, 226],
            [255, 226, 160],
            [196, 186, 232],
            [186, 230, 190],
            [250, 200, 170],
        ]
    } else {
        [
            [220, 30, 40],
            [30, 80, 200],
            [250, 200, 0],
            [20, 150, 60],
            [230, 110, 20],
            [120, 40, 160],
        ]
    };
    for row in 0..4 {
        for col in 0..5 {
            let (x, y) = (90 + col * 100, 90 + row * 100);
            let c = palette[((row * 5 + col) % 6) as usize];
            rect(img, x, y, 90, 90, shade(c, 100));
            rect(img, x + 15, y + 15, 60, 60, shade(c, 125));
        }
    }
    if bag {
        rect(img, 620, 120, 150, 300, Rgb([120, 120, 130]));
        for i in (0..300).step_by(12) {
            rect(img, 620, 120 + i, 150, 2, Rgb([90, 90, 100]));
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::media::probe;

    fn taken() -> Option<NaiveDateTime> {
        chrono::NaiveDate::from_ymd_opt(2026, 10, 26).and_then(|d| d.and_hms_opt(11, 40, 5))
    }

    #[test]
    fn exif_orientation_and_time_read_back() {
        for orientation in [1, 3, 6, 8] {
            let jpeg = render(
                &Scene::Mug {
                    colour: [120, 150, 180],
                },
                orientation,
                taken(),
            );
            let info = probe(&jpeg).unwrap();
            assert_eq!(info.orientation, orientation);
            assert_eq!(info.taken, taken());
            assert_eq!(
                (info.width, info.height),
                (W, H),
                "displayed size is upright"
            );
        }
    }

    #[test]
    fn stored_pixels_are_rotated_so_the_viewer_shows_them_upright() {
        let upright = image::load_from_memory(&render(
            &Scene::Measure {
                colour: [200, 0, 0],
            },
            1,
            None,
        ))
        .unwrap()
        .to_rgb8();
        let bytes = render(
            &Scene::Measure {
                colour: [200, 0, 0],
            },
            6,
            None,
        );
        let mut decoder = image::ImageReader::new(std::io::Cursor::new(&bytes))
            .with_guessed_format()
            .unwrap()
            .into_decoder()
            .unwrap();
        use image::ImageDecoder;
        let orientation = decoder.orientation().unwrap();
        let mut shown = image::DynamicImage::from_decoder(decoder).unwrap();
        shown.apply_orientation(orientation);
        let shown = shown.to_rgb8();
        assert_eq!(shown.dimensions(), upright.dimensions());
        // The yellow ruler is on the right in both.
        for (x, y) in [(580, 300), (100, 50)] {
            let (a, b) = (upright.get_pixel(x, y), shown.get_pixel(x, y));
            let diff: i32 = (0..3)
                .map(|i| (i32::from(a[i]) - i32::from(b[i])).abs())
                .sum();
            assert!(diff < 40, "pixel ({x},{y}): {a:?} vs {b:?}");
        }
    }

    #[test]
    fn scenes_are_small_distinct_jpegs() {
        let scenes = [
            Scene::Mug { colour: [1, 2, 3] },
            Scene::GiftBox { colour: [1, 2, 3] },
            Scene::Carton { label: "123" },
            Scene::Cartons { count: 5 },
            Scene::Tiles {
                pastel: true,
                bag: true,
            },
            Scene::Tiles {
                pastel: false,
                bag: false,
            },
        ];
        let mut hashes = std::collections::HashSet::new();
        for s in &scenes {
            let jpeg = render(s, 1, None);
            assert!(jpeg.len() < 120_000, "{s:?}: {} bytes", jpeg.len());
            assert!(hashes.insert(blake3::hash(&jpeg)));
        }
    }

    #[test]
    fn the_chat_screenshot_is_a_png() {
        let info = probe(CHAT_SCREENSHOT_PNG).unwrap();
        assert_eq!(info.format, crate::media::Format::Png);
        assert!(info.height > info.width);
    }
}
