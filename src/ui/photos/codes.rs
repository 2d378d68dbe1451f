//! The codes read on a photo: each drawn with its box and text over the
//! photo in the viewer, and listed beside it, where the buyer corrects the
//! text or dismisses the code (recorded with who and when), or adds a
//! tracking number that is no parcel of the order as a parcel.

use super::canvas::to_screen;
use crate::model::{CodeState, Photo, PhotoCode, PhotoId};
use crate::rules::export_gate::ParcelToAdd;
use crate::rules::ops::Op;
use crate::rules::tracking::guess_carrier;
use crate::ui::context::{Ctx, Sink};
use eframe::egui::{self, Color32, Pos2, Rect, Stroke, pos2};

/// Codes that count, drawn in this colour; dismissed ones in grey.
const CODE_COLOUR: Color32 = Color32::from_rgb(20, 200, 90);
const DISMISSED_COLOUR: Color32 = Color32::from_rgb(150, 150, 150);

/// Draws each code's box and text over the photo drawn at `image`,
/// clipped to `area`.
pub fn paint_codes(painter: &egui::Painter, area: Rect, image: Rect, photo: &Photo) {
    if photo.width == 0 || photo.height == 0 {
        return;
    }
    let painter = painter.with_clip_rect(area);
    let (w, h) = (photo.width as f32, photo.height as f32);
    for code in &photo.codes {
        let points: Vec<Pos2> = code
            .corners
            .iter()
            .map(|[x, y]| to_screen(image, pos2(x / w, y / h)))
            .collect();
        let (colour, text) = match code.live_text() {
            Some(text) => (CODE_COLOUR, text.to_string()),
            None => (DISMISSED_COLOUR, format!("{} (dismissed)", code.text)),
        };
        painter.add(egui::Shape::closed_line(
            points.clone(),
            Stroke::new(2.5, colour),
        ));
        let top = points
            .iter()
            .copied()
            .min_by(|a, b| a.y.total_cmp(&b.y))
            .unwrap_or(image.min);
        let font = egui::FontId::proportional(15.0);
        let galley = painter.layout_no_wrap(text, font, Color32::WHITE);
        let at = top - egui::vec2(0.0, galley.size().y + 4.0);
        let back = Rect::from_min_size(at, galley.size()).expand(2.0);
        painter.rect_filled(back, 2.0, colour.gamma_multiply(0.85));
        painter.galley(at, galley, Color32::WHITE);
    }
}

/// A correction being typed, kept in egui's memory per photo and code.
fn draft_id(photo: PhotoId, at: usize) -> egui::Id {
    egui::Id::unique(("code correction", photo, at))
}

/// The list of codes beside the photo, with Correct, Dismiss and Restore,
/// and "Add as parcel" for a tracking number that is no parcel.
pub fn codes_ui(
    ui: &mut egui::Ui,
    c: &Ctx<'_>,
    sink: &mut Sink,
    order: crate::model::OrderId,
    photo: &Photo,
) {
    ui.add_space(6.0);
    ui.label(egui::RichText::new(format!("Codes read ({})", photo.codes.len())).strong());
    if photo.codes.is_empty() {
        ui.label("No barcode or QR code was read on this photo.");
        return;
    }
    let to_add: Vec<&ParcelToAdd> = c
        .derived
        .order(order)
        .map(|g| {
            g.parcels_to_add
                .iter()
                .filter(|p| p.photo == photo.id)
                .collect()
        })
        .unwrap_or_default();
    for (at, code) in photo.codes.iter().enumerate() {
        ui.separator();
        code_row_ui(ui, c.reviewer, sink, photo.id, at, code);
        if let Some(live) = code.live_text()
            && let Some(p) = to_add
                .iter()
                .find(|p| crate::rules::tracking::tracking_part(live) == p.tracking)
        {
            add_parcel_button(ui, sink, p);
        }
    }
}

fn code_row_ui(
    ui: &mut egui::Ui,
    reviewer: &str,
    sink: &mut Sink,
    photo: PhotoId,
    at: usize,
    code: &PhotoCode,
) {
    ui.label(format!("{}: {}", code.symbology.label(), code.text));
    match &code.state {
        CodeState::Found => {}
        CodeState::Corrected { text, by, on } => {
            ui.label(format!(
                "Corrected to {text} by {} on {}",
                who(by),
                on.format("%Y-%m-%d %H:%M")
            ));
        }
        CodeState::Dismissed { by, on } => {
            ui.label(format!(
                "Dismissed by {} on {}",
                who(by),
                on.format("%Y-%m-%d %H:%M")
            ));
        }
    }
    if let Some(text) = code.live_text()
        && !code.symbology.is_product_code()
    {
        ui.label(format!("Carrier: {}", guess_carrier(text).describe()));
    }
    let id = draft_id(photo, at);
    let mut draft: Option<String> = ui.data(|d| d.get_temp(id));
    ui.horizontal_wrapped(|ui| {
        let set = |state: CodeState| Op::SetCode {
            photo,
            at,
            code: Box::new(PhotoCode {
                state,
                ..code.clone()
            }),
        };
        let now = chrono::Local::now().naive_local();
        let by = reviewer.to_string();
        if code.state.is_found() {
            if draft.is_none() && ui.button("Correct…").clicked() {
                draft = Some(code.text.clone());
            }
            if ui
                .button("Dismiss")
                .on_hover_text("Not a code of this photo")
                .clicked()
            {
                sink.apply(set(CodeState::Dismissed {
                    by: by.clone(),
                    on: now,
                }));
            }
        } else if ui.button("Restore as read").clicked() {
            sink.apply(set(CodeState::Found));
        }
        if let Some(text) = &mut draft {
            let label = ui.label("Correct text");
            ui.text_edit_singleline(text).labelled_by(label.id);
            if ui.button("Save correction").clicked() {
                let text = text.trim().to_string();
                if !text.is_empty() && text != code.text {
                    sink.apply(Op::Batch(vec![
                        set(CodeState::Corrected { text, by, on: now }),
                        Op::LinkByCodes(vec![photo]),
                    ]));
                }
                draft = None;
            } else if ui.button("Cancel").clicked() {
                draft = None;
            }
        }
    });
    ui.data_mut(|d| match draft {
        Some(text) => {
            d.insert_temp(id, text);
        }
        None => d.remove::<String>(id),
    });
}

fn who(by: &str) -> &str {
    if by.trim().is_empty() {
        "the buyer"
    } else {
        by
    }
}

fn add_parcel_button(ui: &mut egui::Ui, sink: &mut Sink, p: &ParcelToAdd) {
    if ui
        .button(format!("Add {} as parcel", p.tracking))
        .on_hover_text(format!(
            "A new parcel of this order ({}), linked to this photo",
            p.carrier
        ))
        .clicked()
    {
        sink.apply(Op::AddParcelFromCode {
            photo: p.photo,
            tracking: p.tracking.clone(),
        });
    }
}

/// In the verdict panel: one "Add as parcel" button per tracking number
/// read on a photo that is no parcel of the order.
pub fn parcels_to_add_ui(ui: &mut egui::Ui, sink: &mut Sink, to_add: &[ParcelToAdd]) {
    if to_add.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Tracking numbers on labels, not parcels of this order").strong());
    for p in to_add {
        ui.label(format!("{} ({})", p.tracking, p.carrier));
        add_parcel_button(ui, sink, p);
    }
}
