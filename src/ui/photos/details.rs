//! A detail row per photo under the grid: opened, the parcel (tracking
//! number) it shows, the four warehouse checks, a note, its tags, and
//! "Remove photo". Closed rows off screen only take their space.

use crate::model::*;
use crate::rules::ops::{Op, PhotoFacts};
use crate::ui::context::Sink;
use crate::ui::widgets::fields::{self, field};
use eframe::egui;

fn check_name(c: Check) -> String {
    match c {
        Check::Unchecked => "unchecked",
        Check::Pass => "pass",
        Check::Fail => "fail",
    }
    .into()
}

/// How to read and set one of the four checks.
type CheckField = (&'static str, Check, fn(&mut Checks, Check));

/// The op giving photo `photo` these facts.
fn set(photo: &Photo, f: impl FnOnce(&mut PhotoFacts)) -> Op {
    let mut facts = PhotoFacts::of(photo);
    f(&mut facts);
    Op::SetPhoto(photo.id, facts)
}

pub fn details_ui(ui: &mut egui::Ui, sink: &mut Sink, o: &Order) {
    let height_id = egui::Id::unique("photo header height");
    let header_height: f32 = ui
        .data(|d| d.get_temp(height_id))
        .unwrap_or(ui.spacing().interact_size.y);
    for photo in &o.photos {
        let state_id = ui.make_persistent_id(("photo", photo.id.0));
        let open = egui::collapsing_header::CollapsingState::load(ui.ctx(), state_id)
            .is_some_and(|s| s.is_open());
        let probe = egui::Rect::from_min_size(
            ui.cursor().min,
            egui::vec2(ui.available_width(), header_height),
        );
        if !open && !ui.is_rect_visible(probe) {
            ui.allocate_exact_size(probe.size(), egui::Sense::hover());
            continue;
        }
        let tags: Vec<&str> = photo.tags.iter().map(|t| t.label()).collect();
        let title = format!("{} [{}]", photo.file.original_name, tags.join(", "));
        let shown = egui::CollapsingHeader::new(title)
            .id_salt(("photo", photo.id.0))
            .show(ui, |ui| detail_ui(ui, sink, o, photo));
        if shown.body_response.is_none() {
            let h = shown.header_response.rect.height();
            ui.data_mut(|d| d.insert_temp(height_id, h));
        }
    }
}

fn detail_ui(ui: &mut egui::Ui, sink: &mut Sink, o: &Order, photo: &Photo) {
    let phid = photo.id;
    egui::Grid::new(("photo grid", phid.0))
        .num_columns(2)
        .show(ui, |ui| {
            let parcels: Vec<Option<ParcelId>> = std::iter::once(None)
                .chain(o.parcels.iter().map(|p| Some(p.id)))
                .collect();
            let tracking = |id: Option<ParcelId>| match id
                .and_then(|id| o.parcels.iter().find(|p| p.id == id))
            {
                Some(p) if !p.tracking.is_empty() => p.tracking.clone(),
                Some(_) => "(parcel without tracking number)".into(),
                None => "not linked to a tracking number".into(),
            };
            let f = field("Tracking number", format!("photo {phid} parcel"));
            fields::choice(ui, sink, f, photo.parcel, &parcels, tracking, |v| {
                set(photo, |x| x.parcel = v)
            });
            let checks: [CheckField; 4] = [
                ("Model", photo.checks.model, |c, v| c.model = v),
                ("Quantity", photo.checks.quantity, |c, v| c.quantity = v),
                ("Accessories", photo.checks.accessories, |c, v| {
                    c.accessories = v
                }),
                ("Damage", photo.checks.damage, |c, v| c.damage = v),
            ];
            for (label, value, put) in checks {
                let options = [Check::Unchecked, Check::Pass, Check::Fail];
                let f = field(label, format!("photo {phid} {label}"));
                fields::choice(ui, sink, f, value, &options, check_name, |v| {
                    set(photo, |x| put(&mut x.checks, v))
                });
            }
            fields::text(
                ui,
                sink,
                field("Note", format!("photo {phid} note")),
                &photo.note,
                |v| set(photo, |x| x.note = v),
            );
        });
    ui.horizontal_wrapped(|ui| {
        ui.label("Shows:");
        for tag in Tag::ALL {
            fields::checkbox(ui, sink, photo.has_tag(tag), tag.label(), |on| {
                set(photo, |x| {
                    x.tags.retain(|t| *t != tag);
                    if on {
                        x.tags.push(tag);
                        x.tags.sort();
                    }
                })
            });
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{}×{} px{}, stored as {}",
            photo.width,
            photo.height,
            photo
                .taken
                .map(|t| format!(", taken {}", t.format("%Y-%m-%d %H:%M")))
                .unwrap_or_default(),
            photo.file.path
        ));
        let title = format!("Remove photo {} from this order", photo.file.original_name);
        fields::remove_button(ui, sink, "× Remove photo", title, || Op::RemovePhoto(phid));
    });
}
