//! The PDF's one font: the bundled Noto Sans SC subset of
//! [`crate::report::fonts`] (CFF outlines, the CJK block and Latin).
//! Metrics come from `ttf-parser`; the glyphs a document uses are cut out
//! with `subsetter` and embedded as a CID font with a ToUnicode map, so the
//! text can be searched and copied. Characters the font lacks are drawn as
//! "?" and listed ([`Glyphs::undrawable`]) so the export can say so.

use crate::report::fonts::NOTO_SC;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use std::collections::{BTreeMap, BTreeSet};

/// Metrics of the bundled font.
pub struct Font {
    face: ttf_parser::Face<'static>,
    per_em: f32,
}

impl Font {
    pub fn new() -> Result<Self, String> {
        let face = crate::report::fonts::face()?;
        let per_em = f32::from(face.units_per_em().max(1));
        Ok(Font { face, per_em })
    }

    /// The character drawn for `c`: itself when the font has it, else a
    /// close stand-in, else "?".
    pub fn resolve(&self, c: char) -> char {
        // The font's curly quotes are full-width (CJK) forms: too wide
        // around Latin words.
        match c {
            '\u{201c}' | '\u{201d}' => return '"',
            '\u{2018}' | '\u{2019}' => return '\'',
            _ => {}
        }
        if self.face.glyph_index(c).is_some() {
            return c;
        }
        let stand_in = match c {
            '\u{2714}' | '\u{2705}' => '\u{2713}',
            '\u{2716}' | '\u{274c}' | '\u{2717}' => '\u{d7}',
            '\u{2022}' | '\u{25cf}' => '\u{b7}',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{201e}' => '"',
            '\u{a0}' | '\u{3000}' => ' ',
            _ => '?',
        };
        if self.face.glyph_index(stand_in).is_some() {
            stand_in
        } else {
            '?'
        }
    }

    fn gid(&self, c: char) -> u16 {
        self.face.glyph_index(self.resolve(c)).map_or(0, |g| g.0)
    }

    /// Advance of a glyph in thousandths of an em.
    fn advance(&self, gid: u16) -> f32 {
        let units = self
            .face
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .unwrap_or(0);
        f32::from(units) * 1000.0 / self.per_em
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .filter(|c| !c.is_control())
            .map(|c| self.advance(self.gid(c)))
            .sum::<f32>()
            * size
            / 1000.0
    }

    /// Ascent above the baseline, as a fraction of the size.
    pub fn ascent(&self) -> f32 {
        f32::from(self.face.ascender()) / self.per_em
    }
}

/// The glyphs a document uses, renumbered for the subset font.
pub struct Glyphs<'f> {
    font: &'f Font,
    /// Old glyph id → the character it stands for.
    used: BTreeMap<u16, char>,
    remapper: subsetter::GlyphRemapper,
    /// Characters drawn as "?" because the font has no glyph for them.
    missing: BTreeSet<char>,
}

impl<'f> Glyphs<'f> {
    pub fn new(font: &'f Font) -> Self {
        let mut remapper = subsetter::GlyphRemapper::new();
        remapper.remap(0);
        Glyphs {
            font,
            used: BTreeMap::new(),
            remapper,
            missing: BTreeSet::new(),
        }
    }

    /// The characters encoded so far that the font could not draw, in
    /// code point order.
    pub fn undrawable(&self) -> Vec<char> {
        self.missing.iter().copied().collect()
    }

    /// The text as big-endian CIDs of the subset font (recording the
    /// glyphs used).
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars().filter(|c| !c.is_control()) {
            let drawn = self.font.resolve(c);
            if drawn == '?' && c != '?' {
                self.missing.insert(c);
            }
            let gid = self.font.gid(drawn);
            self.used.entry(gid).or_insert(drawn);
            let cid = self.remapper.remap(gid);
            out.extend(cid.to_be_bytes());
        }
        out
    }

    /// Writes the Type0 font, its CID font, descriptor, subset font file
    /// and ToUnicode map, with `type0` as the font's id. `next` hands out
    /// fresh ids.
    pub fn write(
        self,
        pdf: &mut Pdf,
        type0: Ref,
        next: &mut impl FnMut() -> Ref,
    ) -> Result<(), String> {
        let (cid_ref, descriptor_ref, file_ref, cmap_ref) = (next(), next(), next(), next());
        let subset = subsetter::subset(NOTO_SC, 0, &self.remapper)
            .map_err(|e| format!("the font could not be subset: {e:?}"))?;
        let base = Name(b"BRPDFA+NotoSansSC-Regular");
        let system = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        pdf.type0_font(type0)
            .base_font(base)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_ref)
            .to_unicode(cmap_ref);

        // Widths by new CID, which run 0..n in the remapper's order.
        let widths: Vec<f32> = self
            .remapper
            .remapped_gids()
            .map(|old| self.font.advance(old))
            .collect();
        let mut cid = pdf.cid_font(cid_ref);
        cid.subtype(CidFontType::Type0)
            .base_font(base)
            .system_info(system)
            .font_descriptor(descriptor_ref)
            .default_width(1000.0);
        cid.widths().consecutive(0, widths);
        cid.finish();

        let face = &self.font.face;
        let scale = 1000.0 / self.font.per_em;
        let b = face.global_bounding_box();
        let bbox = Rect::new(
            f32::from(b.x_min) * scale,
            f32::from(b.y_min) * scale,
            f32::from(b.x_max) * scale,
            f32::from(b.y_max) * scale,
        );
        pdf.font_descriptor(descriptor_ref)
            .name(base)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(bbox)
            .italic_angle(0.0)
            .ascent(f32::from(face.ascender()) * scale)
            .descent(f32::from(face.descender()) * scale)
            .cap_height(f32::from(face.capital_height().unwrap_or(face.ascender())) * scale)
            .stem_v(80.0)
            .font_file3(file_ref);

        let packed = super::deflate(&subset);
        pdf.stream(file_ref, &packed)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Subtype"), Name(b"OpenType"));

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), system);
        for (old, c) in &self.used {
            if let Some(new) = self.remapper.get(*old) {
                cmap.pair(new, *c);
            }
        }
        let cmap = cmap.finish();
        pdf.cmap(cmap_ref, &cmap);
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_font_has_the_report_symbols_and_stands_in_for_the_rest() {
        let font = Font::new().unwrap();
        for c in "✓×⚠○±³—颜色尺寸材质包装配件AZaz09".chars() {
            assert_eq!(font.resolve(c), c, "{c} U+{:04X}", c as u32);
        }
        assert_eq!(font.resolve('\u{2714}'), '\u{2713}');
        assert_eq!(font.resolve('\u{201c}'), '"');
        assert_eq!(font.resolve('\u{1f600}'), '?');
        assert!(font.width("MMM", 10.0) > font.width("iii", 10.0));
        assert_eq!(font.width("", 10.0), 0.0);
    }
}
