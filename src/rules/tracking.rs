//! Tracking numbers read from photos: which carrier a number belongs to,
//! whether a code looks like one, and what a photo's codes mean for an
//! order (a parcel to link, or a number that is no parcel of the order).
//!
//! Carrier patterns are data ([`PREFIXED`], [`ALL_DIGIT`]). Sources: the
//! patterns collected in the public repository BF-zh/Courier-Validation on
//! GitHub (`src/pattern/*.ts`, commit 97e7d48: SF, YTO, J&T, JD, Deppon,
//! China Post/EMS, ZTO, STO, Yunda, Cainiao), and UPU standard S10 for
//! international postal numbers (two letters, eight digits, a check digit,
//! the country). They were not checked against each carrier's own waybill
//! page here. A letter prefix settles the carrier; all-digit numbers
//! overlap between carriers, so they are only "likely".

use super::{Reason, Target};
use crate::model::{Order, ParcelId, Photo, PhotoId, Tag};

pub use crate::model::Symbology;

/// A code read from a photo, as the rules see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeRead {
    pub text: String,
    pub symbology: Symbology,
}

/// A carrier named by its letter prefix: prefix, characters after it
/// (lowest, highest), carrier name.
pub const PREFIXED: [(&str, u8, u8, &str); 6] = [
    // SF Express: SF, then a letter or digit, then 12 digits.
    ("SF", 13, 13, "SF Express"),
    // YTO Express: YT + 13 digits. (YunExpress's international YT numbers
    // are longer: not matched here.)
    ("YT", 13, 13, "YTO Express"),
    // J&T Express: JT + 13 digits.
    ("JT", 13, 13, "J&T Express"),
    // JD Logistics: JD, two letters or digits, 11 digits.
    ("JD", 13, 13, "JD Logistics"),
    // Deppon: DPK + 12 digits.
    ("DPK", 12, 12, "Deppon"),
    // China Post parcels: P, a letter, 11 digits.
    ("P", 12, 12, "China Post"),
];

/// All-digit numbers: length range and the carriers whose numbers have
/// that length (ZTO 14 digits from 73–76/78; STO 14–17 from 77/43; Yunda
/// 15 from 3/4 or 13 from 5; EMS 13 from 9/8/1; Cainiao 15 from 621; 12
/// digits are older ZTO and STO numbers). Overlaps are the point: say
/// "likely", never "is".
pub const ALL_DIGIT: [(u8, u8, &[&str]); 5] = [
    (12, 12, &["ZTO", "STO"]),
    (13, 13, &["Yunda", "EMS"]),
    (14, 14, &["ZTO", "STO"]),
    (15, 15, &["Yunda", "STO", "Cainiao"]),
    (16, 17, &["STO"]),
];

/// Who a tracking number is guessed to belong to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CarrierGuess {
    /// A letter prefix names the carrier.
    Settled(&'static str),
    /// All digits: one of these, in no particular order.
    Likely(&'static [&'static str]),
    /// An international postal number (UPU S10) with a valid check digit.
    Post {
        country: String,
    },
    Unknown,
}

impl CarrierGuess {
    /// How to say it: "SF Express", "likely ZTO or STO (all-digit numbers
    /// overlap)", "post (CN)", "unknown carrier".
    pub fn describe(&self) -> String {
        match self {
            Self::Settled(name) => (*name).to_string(),
            Self::Likely(names) => format!(
                "likely {} (all-digit numbers overlap between carriers)",
                or_list(names)
            ),
            Self::Post { country } => format!("post ({country})"),
            Self::Unknown => "unknown carrier".to_string(),
        }
    }

    /// The carrier to fill in on a new parcel: empty unless settled.
    pub fn carrier_field(&self) -> String {
        match self {
            Self::Settled(name) => (*name).to_string(),
            Self::Post { country } => format!("Post {country}"),
            Self::Likely(_) | Self::Unknown => String::new(),
        }
    }
}

fn or_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Upper case, without spaces and dashes between groups ("sf 1234-5678"
/// → "SF12345678").
pub fn normalise(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// The carrier of a tracking number, as far as its shape tells.
pub fn guess_carrier(code: &str) -> CarrierGuess {
    let n = tracking_part(code);
    if let Some(country) = s10_country(&n) {
        return CarrierGuess::Post { country };
    }
    if n.bytes().all(|b| b.is_ascii_digit()) {
        return ALL_DIGIT
            .iter()
            .find(|(lo, hi, _)| (usize::from(*lo)..=usize::from(*hi)).contains(&n.len()))
            .map_or(CarrierGuess::Unknown, |(_, _, names)| {
                CarrierGuess::Likely(names)
            });
    }
    PREFIXED
        .iter()
        .find(|(prefix, lo, hi, _)| prefixed_shape(&n, prefix, *lo, *hi))
        .map_or(CarrierGuess::Unknown, |(_, _, _, name)| {
            CarrierGuess::Settled(name)
        })
}

fn prefixed_shape(n: &str, prefix: &str, lo: u8, hi: u8) -> bool {
    let Some(rest) = n.strip_prefix(prefix) else {
        return false;
    };
    let len_ok = (usize::from(lo)..=usize::from(hi)).contains(&rest.len());
    match prefix {
        // SF and JD: letters or digits first, then digits only.
        "SF" => len_ok && rest.get(1..).is_some_and(all_digits) && alnum(rest),
        "JD" => len_ok && rest.get(2..).is_some_and(all_digits) && alnum(rest),
        // China Post: one letter, then 11 digits.
        "P" => {
            len_ok
                && rest.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                && rest.get(1..).is_some_and(all_digits)
        }
        _ => len_ok && all_digits(rest),
    }
}

fn alnum(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The country of a UPU S10 number ("EA123456785CN" → "CN") when its check
/// digit is right: weights 8 6 4 2 3 5 9 7, check = 11 − sum mod 11, where
/// 10 → 0 and 11 → 5.
fn s10_country(n: &str) -> Option<String> {
    let b = n.as_bytes();
    if b.len() != 13
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[11..].iter().all(u8::is_ascii_uppercase)
        || !b[2..11].iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    const W: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];
    let sum: u32 = b[2..10]
        .iter()
        .zip(W)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    let check = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    (u32::from(b[10] - b'0') == check).then(|| n[11..].to_string())
}

/// Whether a code read from a photo looks like a tracking number: not a
/// product code (EAN/UPC), and a carrier's shape (a known prefix, an S10
/// number, or 12–15 digits).
pub fn looks_like_tracking(code: &CodeRead) -> bool {
    !code.symbology.is_product_code() && guess_carrier(&code.text) != CarrierGuess::Unknown
}

/// What a photo's codes mean for an order.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    /// The code is this parcel's tracking number: link the photo to it and
    /// tag it `tag` (carton label).
    Parcel {
        parcel: ParcelId,
        tracking: String,
        tag: Tag,
    },
    /// The photo is already linked to another parcel of the order than the
    /// one its label shows.
    OtherParcel {
        parcel: ParcelId,
        tracking: String,
        reason: Reason,
    },
    /// A tracking-like code that is no parcel of this order (blocks export;
    /// the window offers "add as parcel" with `carrier`).
    NotAParcel {
        tracking: String,
        carrier: CarrierGuess,
        reason: Reason,
    },
    /// An EAN-13/UPC-A code: for the spec row kind "barcode".
    ProductCode { text: String, symbology: Symbology },
}

/// Matches the codes found in one photo against the order's parcels.
/// `photo` is the photo's id in the order (its current parcel link is read
/// from there when present); `photo_name` is its original file name.
/// Duplicate codes count once; codes that look like neither a tracking
/// number nor a product code are left out.
pub fn match_codes(
    order: &Order,
    photo: PhotoId,
    photo_name: &str,
    codes: &[CodeRead],
) -> Vec<Finding> {
    let linked = order
        .photos
        .iter()
        .find(|p| p.id == photo)
        .and_then(|p| p.parcel);
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for code in codes {
        let text = tracking_part(&code.text);
        if text.is_empty() || seen.contains(&text) {
            continue;
        }
        seen.push(text.clone());
        if code.symbology.is_product_code() {
            out.push(Finding::ProductCode {
                text: normalise(&code.text),
                symbology: code.symbology,
            });
            continue;
        }
        let parcel = order
            .parcels
            .iter()
            .find(|p| !p.tracking.trim().is_empty() && normalise(&p.tracking) == text);
        match parcel {
            Some(p) if linked.is_some_and(|l| l != p.id) => out.push(Finding::OtherParcel {
                parcel: p.id,
                tracking: text.clone(),
                reason: other_parcel_reason(photo, photo_name, &text),
            }),
            Some(p) => out.push(Finding::Parcel {
                parcel: p.id,
                tracking: text,
                tag: Tag::CartonLabel,
            }),
            None if guess_carrier(&text) != CarrierGuess::Unknown => {
                out.push(Finding::NotAParcel {
                    carrier: guess_carrier(&text),
                    reason: not_a_parcel_reason(photo, photo_name, &text),
                    tracking: text,
                })
            }
            None => {}
        }
    }
    out
}

/// The codes of a photo that count (not dismissed; corrected ones with
/// the buyer's text), as the rules read them.
pub fn codes_read(photo: &Photo) -> Vec<CodeRead> {
    photo
        .codes
        .iter()
        .filter_map(|c| {
            c.live_text().map(|text| CodeRead {
                text: text.to_string(),
                symbology: c.symbology,
            })
        })
        .collect()
}

/// What the codes that count on `photo` mean for its `order`.
pub fn photo_findings(order: &Order, photo: &Photo) -> Vec<Finding> {
    if photo.codes.is_empty() {
        return Vec::new();
    }
    match_codes(
        order,
        photo.id,
        &photo.file.original_name,
        &codes_read(photo),
    )
}

/// The tracking number in a code: the code normalised, without a dashed
/// piece suffix ("JDVA00012345678-1-1-" → "JDVA00012345678").
pub fn tracking_part(code: &str) -> String {
    let code = code.trim();
    let mut parts = code.split('-');
    let head = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let suffix = !rest.is_empty()
        && rest
            .iter()
            .enumerate()
            .all(|(i, p)| all_digits(p) || (p.is_empty() && i + 1 == rest.len()));
    if suffix && !head.is_empty() && alnum(head) {
        normalise(head)
    } else {
        normalise(code)
    }
}

fn not_a_parcel_reason(photo: PhotoId, name: &str, tracking: &str) -> Reason {
    Reason::not_ready(
        Target::Photo(photo),
        format!(
            "photo {name} shows tracking {tracking}, which is not a parcel of this order: \
             a wrong parcel, or a parcel to add"
        ),
    )
}

fn other_parcel_reason(photo: PhotoId, name: &str, tracking: &str) -> Reason {
    Reason::not_ready(
        Target::Photo(photo),
        format!(
            "photo {name} is linked to another parcel than the one its label shows \
             (tracking {tracking}): link it to {tracking}, or check the photo"
        ),
    )
}

#[cfg(test)]
#[path = "tracking_tests.rs"]
mod tests;
