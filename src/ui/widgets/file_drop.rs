//! Where files dropped from the file manager go: each parcel on screen
//! says where it is drawn, and a drop over one imports the files into its
//! order linked to it. The places are kept from the frame before, since
//! the drop is handled before this frame is drawn.

use crate::model::{OrderId, ParcelId};
use eframe::egui;

#[derive(Clone, Default)]
struct Zones {
    pass: u64,
    zones: Vec<(egui::Rect, OrderId, ParcelId)>,
    /// Last frame's, which the drop is handled against.
    shown: Vec<(egui::Rect, OrderId, ParcelId)>,
}

fn id() -> egui::Id {
    egui::Id::unique("parcel drop zones")
}

/// Says that parcel `parcel` of `order` is drawn in `rect` this frame.
pub fn register(ctx: &egui::Context, rect: egui::Rect, order: OrderId, parcel: ParcelId) {
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| {
        let z: &mut Zones = d.get_temp_mut_or_default(id());
        if z.pass != pass {
            z.shown = std::mem::take(&mut z.zones);
            z.pass = pass;
        }
        z.zones.push((rect, order, parcel));
    });
}

/// The parcel drawn under `pos` (in the last frame that drew parcels).
pub fn parcel_at(ctx: &egui::Context, pos: egui::Pos2) -> Option<(OrderId, ParcelId)> {
    let pass = ctx.cumulative_pass_nr();
    ctx.data(|d| {
        let z: Zones = d.get_temp(id()).unwrap_or_default();
        let current = if z.pass == pass { &z.shown } else { &z.zones };
        current
            .iter()
            .find(|(r, _, _)| r.contains(pos))
            .map(|(_, o, p)| (*o, *p))
    })
}

/// Whether files are being dragged over the window.
pub fn files_hovering(ctx: &egui::Context) -> bool {
    ctx.input(|i| !i.raw.hovered_files.is_empty())
}
