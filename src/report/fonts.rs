//! The bundled font, one home for the window and the PDF: a subset of Noto
//! Sans CJK SC (SIL Open Font License, `assets/fonts/OFL.txt`) with ASCII,
//! Latin-1, common symbols, CJK punctuation, full-width forms and the whole
//! CJK Unified Ideographs block, U+4E00–U+9FFF, except the 16 code points
//! U+9FF0–U+9FFF added in Unicode 13 and 14, which no Noto CJK release has
//! (`assets/fonts/make_subset.py` builds it). The window installs these
//! bytes (`ui::fonts`), the PDF embeds the glyphs a document uses.

use std::sync::OnceLock;

/// The font file, compiled into the binary once.
pub static NOTO_SC: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/NotoSansSC-subset.otf"
));

/// The CJK Unified Ideographs block.
pub const CJK_BLOCK: std::ops::RangeInclusive<char> = '\u{4e00}'..='\u{9fff}';

/// The bundled font parsed, or why it cannot be read.
pub fn face() -> Result<ttf_parser::Face<'static>, String> {
    ttf_parser::Face::parse(NOTO_SC, 0).map_err(|e| format!("the bundled font cannot be read: {e}"))
}

fn cached() -> Option<&'static ttf_parser::Face<'static>> {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| face().ok()).as_ref()
}

/// Whether the bundled font has a glyph for `c`.
pub fn has_glyph(c: char) -> bool {
    cached().is_some_and(|f| f.glyph_index(c).is_some())
}

/// The characters of `texts` the bundled font cannot draw (white space and
/// control characters aside), sorted, each once.
pub fn undrawable<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<char> {
    let mut out: Vec<char> = texts
        .into_iter()
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace() && !c.is_control() && !has_glyph(*c))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// "2 characters could not be drawn: 𠀀 (U+20000), 𪚥 (U+2A6A5)".
pub fn undrawable_sentence(chars: &[char]) -> String {
    let list: Vec<String> = chars
        .iter()
        .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
        .collect();
    let what = crate::rules::text::count(chars.len(), "character", "characters");
    format!(
        "{what} could not be drawn (the bundled font has no glyph; shown as ?): {}",
        list.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ideograph_of_the_block_has_a_glyph_but_the_unicode_13_and_14_ones() {
        let missing: Vec<char> = CJK_BLOCK.filter(|c| !has_glyph(*c)).collect();
        let newest: Vec<char> = ('\u{9ff0}'..='\u{9fff}').collect();
        assert_eq!(missing, newest);
    }

    #[test]
    fn cjk_punctuation_full_width_forms_and_the_rare_words_have_glyphs() {
        let assigned_full_width = ('\u{ff01}'..='\u{ff60}').chain('\u{ffe0}'..='\u{ffe6}');
        for c in ('\u{3000}'..='\u{303f}').chain(assigned_full_width) {
            assert!(has_glyph(c), "U+{:04X}", u32::from(c));
        }
        for c in "霾锂钛榉貂镂腈雾霾蓝锂电池AZaz09é×±·“”—".chars() {
            assert!(has_glyph(c), "{c}");
        }
    }

    #[test]
    fn undrawable_characters_are_listed_once_in_order() {
        let got = undrawable(["雾霾蓝 \u{20000}", "\u{2a6a5}x\u{20000}\n"]);
        assert_eq!(got, vec!['\u{20000}', '\u{2a6a5}']);
        assert!(undrawable(["雾霾蓝 锂电池 Misty blue"]).is_empty());
        let s = undrawable_sentence(&got);
        assert!(s.starts_with("2 characters could not be drawn"), "{s}");
        assert!(s.contains("U+20000") && s.contains("U+2A6A5"), "{s}");
    }
}
