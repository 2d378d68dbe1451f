//! Colours, icons and words for verdicts, in one place. A verdict is always
//! shown by icon and word as well as colour.

use crate::model::Verdict;
use eframe::egui::{self, Color32};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    pub fn apply(self, ctx: &egui::Context) {
        ctx.set_visuals_of(egui::Theme::Light, light_visuals());
        ctx.set_visuals_of(egui::Theme::Dark, dark_visuals());
        ctx.set_theme(match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        });
    }
}

/// egui's light visuals with fields that show against the panel (a white
/// fill and a border) and text, weak text, links, warnings and errors at
/// least 4.5:1 against every background they are drawn on.
pub fn light_visuals() -> egui::Visuals {
    let gray = Color32::from_gray;
    let mut v = egui::Visuals::light();
    v.panel_fill = gray(242);
    v.window_fill = gray(248);
    v.faint_bg_color = gray(232);
    v.extreme_bg_color = Color32::WHITE;
    v.widgets.noninteractive.fg_stroke.color = gray(60);
    v.widgets.noninteractive.weak_bg_fill = gray(242);
    v.widgets.noninteractive.bg_fill = gray(242);
    v.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, gray(128));
    v.weak_text_color = Some(gray(95));
    v.hyperlink_color = Color32::from_rgb(0, 86, 178);
    v.warn_fg_color = Color32::from_rgb(160, 80, 0);
    v.error_fg_color = Color32::from_rgb(190, 20, 30);
    v
}

/// egui's dark visuals with fields outlined, and weak text and errors
/// raised to 4.5:1.
pub fn dark_visuals() -> egui::Visuals {
    let gray = Color32::from_gray;
    let mut v = egui::Visuals::dark();
    v.faint_bg_color = gray(34);
    v.widgets.noninteractive.fg_stroke.color = gray(175);
    v.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, gray(110));
    v.weak_text_color = Some(gray(140));
    v.error_fg_color = Color32::from_rgb(255, 90, 90);
    v
}

pub fn verdict_colour(v: Verdict, dark: bool) -> Color32 {
    match (v, dark) {
        (Verdict::Go, false) => Color32::from_rgb(0x14, 0x6c, 0x2e),
        (Verdict::Go, true) => Color32::from_rgb(0x56, 0xd3, 0x64),
        (Verdict::GoWithConditions, false) => Color32::from_rgb(0x0b, 0x6e, 0x79),
        (Verdict::GoWithConditions, true) => Color32::from_rgb(0x4f, 0xc8, 0xd0),
        (Verdict::NoGo, false) => Color32::from_rgb(0xc0, 0x1c, 0x28),
        (Verdict::NoGo, true) => Color32::from_rgb(0xff, 0x7b, 0x72),
        (Verdict::NotReady, false) => Color32::from_rgb(0x80, 0x55, 0x00),
        (Verdict::NotReady, true) => Color32::from_rgb(0xe3, 0xb3, 0x41),
    }
}

pub fn verdict_icon(v: Verdict) -> &'static str {
    match v {
        Verdict::Go | Verdict::GoWithConditions => "✓",
        Verdict::NoGo => "×",
        Verdict::NotReady => "⚠",
    }
}

pub fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Go => "GO",
        Verdict::GoWithConditions => "GO WITH CONDITIONS",
        Verdict::NoGo => "NO-GO",
        Verdict::NotReady => "NOT READY",
    }
}

/// A short badge: icon and word, coloured.
pub fn badge(ui: &egui::Ui, v: Verdict) -> egui::RichText {
    egui::RichText::new(format!("{} {}", verdict_icon(v), verdict_word(v)))
        .color(verdict_colour(v, ui.visuals().dark_mode))
        .small()
        .strong()
}

/// WCAG 2 relative luminance of an opaque sRGB colour.
fn luminance(c: Color32) -> f64 {
    let linear = |u: u8| {
        let x = f64::from(u) / 255.0;
        if x <= 0.04045 {
            x / 12.92
        } else {
            ((x + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(c.r()) + 0.7152 * linear(c.g()) + 0.0722 * linear(c.b())
}

/// The WCAG 2 contrast ratio of two opaque colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f64 {
    debug_assert_eq!(
        (a.a(), b.a()),
        (255, 255),
        "opaque colours only: {a:?} {b:?}"
    );
    let (l1, l2) = (luminance(a), luminance(b));
    (l1.max(l2) + 0.05) / (l1.min(l2) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_examples() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the lightest grey that passes 4.5:1.
        let c = contrast(Color32::from_gray(0x76), Color32::WHITE);
        assert!((4.5..4.6).contains(&c), "{c}");
    }

    #[test]
    fn text_links_and_fields_meet_wcag_contrast_in_both_themes() {
        for (name, v) in [("light", light_visuals()), ("dark", dark_visuals())] {
            let backgrounds = [
                ("panel", v.panel_fill),
                ("window", v.window_fill),
                ("striped row", v.faint_bg_color),
                ("field", v.text_edit_bg_color()),
            ];
            let dark = v.dark_mode;
            let texts = [
                ("text", v.text_color()),
                ("weak text", v.weak_text_color()),
                ("link", v.hyperlink_color),
                ("warning", v.warn_fg_color),
                ("error", v.error_fg_color),
                ("field text", v.widgets.inactive.text_color()),
                ("go", verdict_colour(Verdict::Go, dark)),
                ("no-go", verdict_colour(Verdict::NoGo, dark)),
                ("not ready", verdict_colour(Verdict::NotReady, dark)),
            ];
            for (bg_name, bg) in backgrounds {
                for (fg_name, fg) in texts {
                    let c = contrast(fg, bg);
                    assert!(c >= 4.5, "{name}: {fg_name} on {bg_name} is {c:.2}:1");
                }
            }
            let button = contrast(
                v.widgets.inactive.text_color(),
                v.widgets.inactive.weak_bg_fill,
            );
            assert!(button >= 4.5, "{name}: button text {button:.2}:1");
            // A field's border shows it against the panel (WCAG asks 3:1
            // of the boundary of a control).
            let border = contrast(v.widgets.inactive.bg_stroke.color, v.panel_fill);
            assert!(
                v.widgets.inactive.bg_stroke.width >= 1.0 && border >= 3.0,
                "{name}: field border {border:.2}:1"
            );
            assert_ne!(v.text_edit_bg_color(), v.panel_fill, "{name}: field fill");
        }
    }
}
