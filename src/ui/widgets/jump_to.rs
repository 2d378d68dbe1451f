//! Reason links jump to where the reason is fixed: clicking one selects
//! the product or order and asks for its target; the panel that draws the
//! field, section or photo fixing it scrolls it into view and outlines it
//! for a moment.

use crate::rules::Target;
use eframe::egui;

/// How long the outline stays, in seconds.
const FLASH_SECONDS: f64 = 1.6;

fn pending_id() -> egui::Id {
    egui::Id::unique("bulkready: scroll to target")
}

fn flash_id() -> egui::Id {
    egui::Id::unique("bulkready: flash target")
}

/// Asks the panel that fixes `target` to show it (next frame).
pub fn request(ctx: &egui::Context, target: Target) {
    ctx.data_mut(|d| {
        d.insert_temp(pending_id(), target);
        d.remove::<(Target, f64)>(flash_id());
    });
    ctx.request_repaint();
}

/// Forgets the target asked for and the outline (another project opened:
/// its ids mean other things).
pub fn forget(ctx: &egui::Context) {
    ctx.data_mut(|d| {
        d.remove::<Target>(pending_id());
        d.remove::<(Target, f64)>(flash_id());
    });
}

/// The target asked for and not shown yet.
pub fn pending(ctx: &egui::Context) -> Option<Target> {
    ctx.data(|d| d.get_temp(pending_id()))
}

/// Called where something that fixes targets is drawn, with its rectangle:
/// when the pending target is one of them, scrolls there and outlines it.
pub fn here(ui: &egui::Ui, rect: egui::Rect, fixes: impl Fn(Target) -> bool) {
    let ctx = ui.ctx();
    let now = ctx.input(|i| i.time);
    if let Some(target) = pending(ctx).filter(|t| fixes(*t)) {
        ui.scroll_to_rect(rect.expand(8.0), Some(egui::Align::TOP));
        ctx.data_mut(|d| {
            d.remove::<Target>(pending_id());
            d.insert_temp(flash_id(), (target, now + FLASH_SECONDS));
        });
    }
    let flash: Option<(Target, f64)> = ctx.data(|d| d.get_temp(flash_id()));
    if let Some((_, until)) = flash.filter(|(t, _)| fixes(*t)) {
        if now < until {
            let colour = ui.visuals().selection.stroke.color;
            ui.painter().rect_stroke(
                rect.expand(4.0),
                4.0,
                egui::Stroke::new(2.5, colour),
                egui::StrokeKind::Outside,
            );
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(until - now));
        } else {
            ctx.data_mut(|d| d.remove::<(Target, f64)>(flash_id()));
        }
    }
}

/// Whether the target asked for is the one being outlined (tests).
pub fn flashing(ctx: &egui::Context) -> Option<Target> {
    ctx.data(|d| d.get_temp::<(Target, f64)>(flash_id()))
        .map(|(t, _)| t)
}
