//! Installs the bundled font ([`crate::report::fonts`], the same bytes the
//! PDF embeds) as a fallback in every family, so every character of the CJK
//! block renders even on a machine with no CJK font. eframe's system-font
//! fallback stays on for characters outside it.

use crate::report::fonts::NOTO_SC;
use eframe::egui;
use std::sync::Arc;

pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sc".into(),
        Arc::new(egui::FontData::from_static(NOTO_SC)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("noto-sc".into());
    }
    ctx.set_fonts(fonts);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_has_every_ideograph_the_pdf_has_with_no_system_font() {
        let ctx = egui::Context::default();
        install(&ctx);
        let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
        out.textures_delta.clear();
        let font = egui::FontId::proportional(14.0);
        let (mut missing, mut pdf_has) = (Vec::new(), 0);
        ctx.fonts_mut(|f| {
            for c in crate::report::fonts::CJK_BLOCK.chain('\u{3000}'..='\u{303f}') {
                let bundled = crate::report::fonts::has_glyph(c);
                pdf_has += usize::from(bundled);
                if bundled && !f.has_glyph(&font, c) {
                    missing.push(c);
                }
            }
        });
        assert!(missing.is_empty(), "{missing:?}");
        assert_eq!(pdf_has, 20_992 - 16 + 64);
    }
}
