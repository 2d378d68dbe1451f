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
        ctx.set_theme(match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        });
    }
}

pub fn verdict_colour(v: Verdict, dark: bool) -> Color32 {
    match (v, dark) {
        (Verdict::Go, false) => Color32::from_rgb(0x1a, 0x7f, 0x37),
        (Verdict::Go, true) => Color32::from_rgb(0x56, 0xd3, 0x64),
        (Verdict::GoWithConditions, false) => Color32::from_rgb(0x0b, 0x6e, 0x79),
        (Verdict::GoWithConditions, true) => Color32::from_rgb(0x4f, 0xc8, 0xd0),
        (Verdict::NoGo, false) => Color32::from_rgb(0xc0, 0x1c, 0x28),
        (Verdict::NoGo, true) => Color32::from_rgb(0xff, 0x7b, 0x72),
        (Verdict::NotReady, false) => Color32::from_rgb(0x9a, 0x67, 0x00),
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
