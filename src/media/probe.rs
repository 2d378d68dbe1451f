//! Checks a file before it is imported: what it is (by content, never by
//! name), how big, whether it decodes to the end, and its EXIF orientation
//! and time taken.

use super::jpeg;
use chrono::NaiveDateTime;
use image::{ImageFormat, ImageReader};
use std::io::Cursor;

/// Images larger than this are refused before decoding.
pub const MAX_MEGAPIXELS: u64 = 100;
/// The most memory one decode may allocate.
pub(crate) const MAX_DECODE_BYTES: u64 = 1 << 30;

/// The formats a photo may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    WebP,
    Gif,
    Tiff,
    Bmp,
}

impl Format {
    /// The usual file extension, for files whose name has none.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::WebP => "webp",
            Self::Gif => "gif",
            Self::Tiff => "tif",
            Self::Bmp => "bmp",
        }
    }

    /// The format's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Jpeg => "JPEG",
            Self::Png => "PNG",
            Self::WebP => "WebP",
            Self::Gif => "GIF",
            Self::Tiff => "TIFF",
            Self::Bmp => "BMP",
        }
    }

    fn from_image(f: ImageFormat) -> Option<Self> {
        Some(match f {
            ImageFormat::Jpeg => Self::Jpeg,
            ImageFormat::Png => Self::Png,
            ImageFormat::WebP => Self::WebP,
            ImageFormat::Gif => Self::Gif,
            ImageFormat::Tiff => Self::Tiff,
            ImageFormat::Bmp => Self::Bmp,
            _ => return None,
        })
    }
}

/// What an image file holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageInfo {
    pub format: Format,
    /// Size as displayed, after EXIF orientation (swapped for 5–8).
    pub width: u32,
    pub height: u32,
    /// EXIF orientation, 1 (upright) to 8.
    pub orientation: u16,
    /// EXIF DateTimeOriginal (or DateTime).
    pub taken: Option<NaiveDateTime>,
}

/// Why a file cannot be imported. The caller adds the file name.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MediaError {
    #[error("empty file (0 bytes)")]
    Empty,
    #[error("not an image: the content is {0}")]
    NotImage(&'static str),
    #[error(
        "HEIC/HEIF photo (iPhone): not supported yet; export it as JPEG (on the iPhone: Settings › Camera › Formats › Most Compatible)"
    )]
    Heic,
    #[error("AVIF image: not supported yet; convert it to JPEG or PNG")]
    Avif,
    #[error("{0} images are not supported; use JPEG, PNG, WebP, GIF, TIFF or BMP")]
    Unsupported(String),
    #[error(
        "the image is {width}×{height} = {megapixels:.1} megapixels; the limit is {MAX_MEGAPIXELS} megapixels"
    )]
    TooLarge {
        width: u32,
        height: u32,
        megapixels: f64,
    },
    #[error(
        "truncated JPEG: the file ends before the image does (an interrupted download or copy?)"
    )]
    TruncatedJpeg,
    #[error("damaged {format} file: {detail}")]
    Corrupt {
        format: &'static str,
        detail: String,
    },
}

/// What the header says, once it passed the checks.
pub(crate) struct Header {
    pub format: Format,
    pub image_format: ImageFormat,
    pub width: u32,
    pub height: u32,
}

pub(crate) fn corrupt(format: Format, e: image::ImageError) -> MediaError {
    MediaError::Corrupt {
        format: format.name(),
        detail: e.to_string(),
    }
}

/// The checks that need no decoding: not empty, not text, a supported
/// format by content, a size within [`MAX_MEGAPIXELS`], and (JPEG) whole.
pub(crate) fn check_header(bytes: &[u8]) -> Result<Header, MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::Empty);
    }
    // Text first: "BMW notes" or "P3 list" would pass for BMP or PNM magic.
    if looks_like_text(bytes) {
        return Err(MediaError::NotImage("text"));
    }
    let guessed = image::guess_format(bytes).map_err(|_| unknown(bytes))?;
    let format = Format::from_image(guessed).ok_or_else(|| match guessed {
        ImageFormat::Avif => MediaError::Avif,
        other => MediaError::Unsupported(format!("{other:?}").to_uppercase()),
    })?;
    let (w, h) = ImageReader::with_format(Cursor::new(bytes), guessed)
        .into_dimensions()
        .map_err(|e| corrupt(format, e))?;
    let megapixels = (u64::from(w) * u64::from(h)) as f64 / 1e6;
    if u64::from(w) * u64::from(h) > MAX_MEGAPIXELS * 1_000_000 {
        return Err(MediaError::TooLarge {
            width: w,
            height: h,
            megapixels,
        });
    }
    if format == Format::Jpeg && !jpeg::is_complete(bytes) {
        return Err(MediaError::TruncatedJpeg);
    }
    // The decoder fills missing data with grey: look at the scan itself.
    if format == Format::Jpeg && super::dc_jpeg::fills_frame(bytes) == Some(false) {
        return Err(MediaError::Corrupt {
            format: "JPEG",
            detail: "its image data ends before the picture does (part of it would show grey): \
                     a cut file, or a header claiming a larger picture than the data holds"
                .into(),
        });
    }
    Ok(Header {
        format,
        image_format: guessed,
        width: w,
        height: h,
    })
}

/// Checks `bytes` as a photo to import. Reads the header first and refuses
/// images over [`MAX_MEGAPIXELS`] before decoding anything; then decodes the
/// image once, with a memory limit, to prove it is not damaged (a JPEG at
/// a reduced scale, which still reads its whole scan; see
/// [`probe_with_thumbnail`](super::probe_with_thumbnail), which also keeps
/// what that decode made).
pub fn probe(bytes: &[u8]) -> Result<ImageInfo, MediaError> {
    super::probe_with_thumbnail(bytes, 32).map(|(info, _)| info)
}

/// Names what a file that is not a known image holds.
fn unknown(bytes: &[u8]) -> MediaError {
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return match &bytes[8..12] {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"hevm" | b"hevs"
            | b"mif1" | b"msf1" => MediaError::Heic,
            b"avif" | b"avis" => MediaError::Avif,
            _ => MediaError::NotImage("a video or other ISO media file"),
        };
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.starts_with(b"%PDF") {
        MediaError::NotImage("a PDF document")
    } else if head.starts_with(b"PK\x03\x04") {
        MediaError::NotImage("a ZIP archive (or an Office document)")
    } else {
        MediaError::NotImage("not a format BulkReady knows")
    }
}

/// Whether the file starts like text: UTF-8 with no control characters
/// but white space in its first kilobyte.
fn looks_like_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let valid = match std::str::from_utf8(head) {
        Ok(s) => s,
        // A multi-byte character cut at the end of the kilobyte still counts.
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    !valid.is_empty() && valid.chars().all(|c| !c.is_control() || c.is_whitespace())
}

/// The EXIF orientation (1 when absent or invalid) and time taken.
pub fn exif_orientation_and_time(bytes: &[u8]) -> (u16, Option<NaiveDateTime>) {
    let Ok(exif) = exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) else {
        return (1, None);
    };
    let orientation = exif
        .get_field(exif::Tag::Orientation, exif::In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .and_then(|v| u16::try_from(v).ok())
        .filter(|v| (1..=8).contains(v))
        .unwrap_or(1);
    let taken = [exif::Tag::DateTimeOriginal, exif::Tag::DateTime]
        .iter()
        .find_map(|&tag| {
            let field = exif.get_field(tag, exif::In::PRIMARY)?;
            let exif::Value::Ascii(ref v) = field.value else {
                return None;
            };
            let text = std::str::from_utf8(v.first()?).ok()?;
            NaiveDateTime::parse_from_str(text.trim(), "%Y:%m:%d %H:%M:%S").ok()
        });
    (orientation, taken)
}

#[cfg(test)]
#[path = "probe_tests.rs"]
mod tests;
