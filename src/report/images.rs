//! The photos of a report: thumbnails from the photo store (through its
//! cache), upright, with the defect marks drawn on, as JPEG. A photo that is
//! missing or cannot be decoded becomes a sentence saying so, never a
//! failed export.

use crate::media::draw_marks;
use crate::model::{Photo, PhotoId};
use crate::store::PhotoStore;
use crate::store::verified_thumbnail_in;
use image::{Rgb, RgbImage, RgbaImage};
use std::collections::HashMap;

/// The longer side of report thumbnails, in pixels: sharp at 2× in a
/// three-column grid, small enough to embed dozens.
pub const REPORT_PX: u32 = 480;

/// A thumbnail ready to embed.
#[derive(Clone, Debug, PartialEq)]
pub struct Thumb {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Each photo's thumbnail, or why there is none.
pub type Images = HashMap<PhotoId, Result<Thumb, String>>;

/// Makes the thumbnails of `photos`; `store` is `None` when the project was
/// never saved (then no photo can be found). Calls `each` after each photo.
/// Each photo is read from the store and checked against its hash (a photo
/// changed since import becomes a sentence saying so); thumbnails come from
/// the user's cache, never from the project folder.
pub fn load<'a>(
    store: Option<&PhotoStore>,
    photos: impl IntoIterator<Item = &'a Photo>,
    mut each: impl FnMut(),
) -> Images {
    let mut out = Images::new();
    let cache = crate::store::ThumbCache::user();
    for photo in photos {
        let thumb = match store {
            None => Err("the project is not saved, so its photo store is unknown".to_string()),
            Some(store) => verified(cache.as_ref(), store, photo).and_then(|mut img| {
                draw_marks(&mut img, &photo.marks);
                encode(&img).map_err(|e| format!("{}: {e}", photo.file.original_name))
            }),
        };
        out.insert(photo.id, thumb);
        each();
    }
    out
}

fn verified(
    cache: Option<&crate::store::ThumbCache>,
    store: &PhotoStore,
    photo: &Photo,
) -> Result<RgbaImage, String> {
    verified_thumbnail_in(cache, store, &photo.file, REPORT_PX)
}

/// JPEG of an image flattened onto white.
pub fn encode(img: &RgbaImage) -> Result<Thumb, image::ImageError> {
    let rgb = RgbImage::from_fn(img.width(), img.height(), |x, y| {
        let p = img.get_pixel(x, y).0;
        let a = u16::from(p[3]);
        let mix = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
        Rgb([mix(p[0]), mix(p[1]), mix(p[2])])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 82).encode_image(&rgb)?;
    Ok(Thumb {
        jpeg,
        width: rgb.width(),
        height: rgb.height(),
    })
}

/// The sentence shown in place of a photo that could not be embedded.
pub fn placeholder(name: &str, why: &str) -> String {
    let why = why
        .strip_prefix(&format!("{name}: "))
        .unwrap_or(why)
        .trim_end_matches('.');
    format!("Photo {name} is not available: {why}.")
}

/// Standard base64 (RFC 4648, with padding), for `data:` URIs.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{Mark, Shape, StoredFile};

    #[test]
    fn base64_matches_the_rfc_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        assert_eq!(base64(&[0xff, 0xfe, 0xfd]), "//79");
    }

    #[test]
    fn photos_become_marked_jpegs_or_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let store = PhotoStore::for_project(&dir.path().join("p.ron"));
        let bytes = crate::media::synth::render(
            &crate::media::synth::Scene::Mug { colour: [9, 9, 9] },
            1,
            None,
        );
        let file = store.add(&bytes, "mug.jpg", "jpg").unwrap();
        let good = Photo {
            id: PhotoId(1),
            file,
            marks: vec![Mark {
                shape: Shape::Rect {
                    x: 0.1,
                    y: 0.1,
                    w: 0.5,
                    h: 0.5,
                },
                label: "chip".into(),
            }],
            ..Photo::default()
        };
        let gone = Photo {
            id: PhotoId(2),
            file: StoredFile {
                path: "gone.jpg".into(),
                hash: "00".into(),
                original_name: "IMG_2.jpg".into(),
            },
            ..Photo::default()
        };
        let mut calls = 0;
        let images = load(Some(&store), [&good, &gone], || calls += 1);
        assert_eq!(calls, 2);
        let thumb = images[&PhotoId(1)].as_ref().unwrap();
        assert_eq!(thumb.width.max(thumb.height), REPORT_PX);
        let decoded = image::load_from_memory(&thumb.jpeg).unwrap().to_rgb8();
        // The mark's left edge is red.
        let p = decoded.get_pixel(thumb.width / 10, thumb.height / 3).0;
        assert!(p[0] > 150 && p[1] < 90, "{p:?}");
        let why = images[&PhotoId(2)].as_ref().unwrap_err();
        assert!(
            placeholder("IMG_2.jpg", why).starts_with("Photo IMG_2.jpg is not available: "),
            "{why}"
        );
        let unsaved = load(None, [&good], || {});
        assert!(
            unsaved[&PhotoId(1)]
                .as_ref()
                .unwrap_err()
                .contains("not saved")
        );
    }
}
