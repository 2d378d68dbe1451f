//! Codes (barcodes, QR) read on a photo, and what the buyer made of each:
//! kept as read, corrected (the text typed instead, by whom and when), or
//! dismissed (not a code of this photo, by whom and when).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// The kind of barcode a code was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Symbology {
    Code128,
    Code39,
    Qr,
    Ean13,
    UpcA,
}

impl Symbology {
    pub const ALL: [Symbology; 5] = [
        Self::Code128,
        Self::Code39,
        Self::Qr,
        Self::Ean13,
        Self::UpcA,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Code128 => "Code 128",
            Self::Code39 => "Code 39",
            Self::Qr => "QR",
            Self::Ean13 => "EAN-13",
            Self::UpcA => "UPC-A",
        }
    }

    /// EAN-13 and UPC-A are product codes (GTINs), never tracking numbers.
    pub fn is_product_code(self) -> bool {
        matches!(self, Self::Ean13 | Self::UpcA)
    }
}

/// A code found on a photo.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhotoCode {
    /// The text as the reader read it.
    pub text: String,
    pub symbology: Symbology,
    /// Its corners in pixels of the upright photo (x right, y down), in
    /// order around it.
    pub corners: [[f32; 2]; 4],
    #[serde(default, skip_serializing_if = "CodeState::is_found")]
    pub state: CodeState,
}

/// What the buyer made of a code read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum CodeState {
    /// As read; nobody changed it.
    #[default]
    Found,
    /// The buyer typed the right text.
    Corrected {
        text: String,
        by: String,
        on: NaiveDateTime,
    },
    /// Not a code of this photo (a misread, a code of something else).
    Dismissed { by: String, on: NaiveDateTime },
}

impl CodeState {
    pub fn is_found(&self) -> bool {
        *self == CodeState::Found
    }
}

impl PhotoCode {
    /// The text that counts: the correction if there is one; `None` when
    /// the code was dismissed.
    pub fn live_text(&self) -> Option<&str> {
        match &self.state {
            CodeState::Found => Some(&self.text),
            CodeState::Corrected { text, .. } => Some(text),
            CodeState::Dismissed { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn code(state: CodeState) -> PhotoCode {
        PhotoCode {
            text: "SF1234567890123".into(),
            symbology: Symbology::Code128,
            corners: [[1.0, 2.0], [30.0, 2.0], [30.0, 9.0], [1.0, 9.0]],
            state,
        }
    }

    #[test]
    fn the_live_text_is_the_correction_and_a_dismissed_code_has_none() {
        let on = chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        assert_eq!(code(CodeState::Found).live_text(), Some("SF1234567890123"));
        let corrected = CodeState::Corrected {
            text: "SF1234567890124".into(),
            by: "Mei".into(),
            on,
        };
        assert_eq!(code(corrected).live_text(), Some("SF1234567890124"));
        let dismissed = CodeState::Dismissed {
            by: "Mei".into(),
            on,
        };
        assert_eq!(code(dismissed).live_text(), None);
    }

    #[test]
    fn a_code_as_found_writes_no_state_and_reads_back() {
        let text = ron::to_string(&code(CodeState::Found)).unwrap();
        assert!(!text.contains("state"), "{text}");
        let back: PhotoCode = ron::from_str(&text).unwrap();
        assert_eq!(back, code(CodeState::Found));
    }
}
