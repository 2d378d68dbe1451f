//! Fonts: a bundled subset of Noto Sans CJK SC as a fallback in every
//! family, so Chinese listing titles and seller replies render even on a
//! machine with no CJK font. eframe's system-font fallback stays on for the
//! rarer characters outside the subset.

use eframe::egui;
use std::sync::Arc;

/// The same bytes the PDF export embeds (one copy in the binary).
use crate::report::pdf::font::NOTO_SC;

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
