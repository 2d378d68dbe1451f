//! An order's photos as a list: the parcel (tracking number) each shows,
//! and, opened, its tags, the four warehouse checks and a note. (The photo
//! grid with thumbnails and the viewer come with the photos work.)

use super::fields::{self, Commands};
use super::order_ui::with_order;
use super::textures::Textures;
use crate::app::{Command, Edit};
use crate::model::*;
use eframe::egui;

fn with_photo(p: &mut Project, oid: OrderId, phid: PhotoId, f: impl FnOnce(&mut Photo)) {
    with_order(p, oid, |o| {
        if let Some(x) = o.photos.iter_mut().find(|x| x.id == phid) {
            f(x);
        }
    });
}

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

/// What the photo section needs from the window besides the project.
pub struct PhotoUi<'a> {
    pub textures: &'a mut Textures,
    /// Thumbnails to ask for.
    pub wanted: &'a mut Vec<(PhotoId, StoredFile)>,
    /// Set when "Add photos…" is clicked.
    pub add_to: &'a mut Option<OrderId>,
    /// Set when a thumbnail is clicked: open it in the viewer.
    pub open: &'a mut Option<(OrderId, PhotoId)>,
    pub filter: &'a mut PhotoFilter,
}

/// Which photos the grid shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PhotoFilter {
    #[default]
    All,
    Tagged(Tag),
    Parcel(ParcelId),
    NotLinked,
    Unchecked,
    Failed,
}

impl PhotoFilter {
    fn matches(self, p: &Photo) -> bool {
        let checks = p.checks.all();
        match self {
            PhotoFilter::All => true,
            PhotoFilter::Tagged(t) => p.has_tag(t),
            PhotoFilter::Parcel(id) => p.parcel == Some(id),
            PhotoFilter::NotLinked => p.parcel.is_none(),
            PhotoFilter::Unchecked => checks.iter().any(|(_, c)| *c == Check::Unchecked),
            PhotoFilter::Failed => checks.iter().any(|(_, c)| *c == Check::Fail),
        }
    }

    fn label(self, o: &Order) -> String {
        match self {
            PhotoFilter::All => "all photos".into(),
            PhotoFilter::Tagged(t) => format!("tagged {}", t.label()),
            PhotoFilter::Parcel(id) => {
                let tracking = o
                    .parcels
                    .iter()
                    .find(|p| p.id == id)
                    .map_or("?", |p| p.tracking.as_str());
                format!("parcel {tracking}")
            }
            PhotoFilter::NotLinked => "not linked to a tracking number".into(),
            PhotoFilter::Unchecked => "not fully checked".into(),
            PhotoFilter::Failed => "failing a check".into(),
        }
    }
}

fn filter_ui(ui: &mut egui::Ui, filter: &mut PhotoFilter, o: &Order) {
    let mut options = vec![
        PhotoFilter::All,
        PhotoFilter::NotLinked,
        PhotoFilter::Unchecked,
        PhotoFilter::Failed,
    ];
    options.extend(o.parcels.iter().map(|p| PhotoFilter::Parcel(p.id)));
    options.extend(Tag::ALL.iter().map(|t| PhotoFilter::Tagged(*t)));
    if !options.contains(filter) {
        *filter = PhotoFilter::All;
    }
    let l = ui.label("Show");
    egui::ComboBox::from_id_salt("photo filter")
        .selected_text(filter.label(o))
        .show_ui(ui, |ui| {
            for f in options {
                ui.selectable_value(filter, f, f.label(o));
            }
        })
        .response
        .labelled_by(l.id);
}

const GRID_PX: f32 = 128.0;

/// Thumbnails in rows, each with its name, tags and checks.
fn grid_ui(ui: &mut egui::Ui, photos: &mut PhotoUi<'_>, o: &Order) {
    let filter = *photos.filter;
    ui.horizontal_wrapped(|ui| {
        for photo in o.photos.iter().filter(|p| filter.matches(p)) {
            ui.vertical(|ui| {
                ui.set_width(GRID_PX + 8.0);
                let size = egui::vec2(GRID_PX, GRID_PX * 0.75);
                match photos.textures.get(photo.id) {
                    Some(Ok(t)) => {
                        let image = egui::Image::new(t)
                            .max_size(size)
                            .alt_text(&photo.file.original_name)
                            .sense(egui::Sense::click());
                        if ui.add(image).on_hover_text("Open in the viewer").clicked() {
                            *photos.open = Some((o.id, photo.id));
                        }
                    }
                    Some(Err(why)) => {
                        ui.allocate_ui(size, |ui| {
                            ui.colored_label(ui.visuals().warn_fg_color, why.to_string());
                        });
                    }
                    None => {
                        photos.wanted.push((photo.id, photo.file.clone()));
                        ui.allocate_ui(size, |ui| {
                            ui.spinner();
                        });
                    }
                }
                ui.label(egui::RichText::new(&photo.file.original_name).small());
                let checks = photo.checks.all();
                let failed = checks.iter().filter(|(_, c)| *c == Check::Fail).count();
                let open = checks
                    .iter()
                    .filter(|(_, c)| *c == Check::Unchecked)
                    .count();
                let state = if failed > 0 {
                    format!("× {failed} failed")
                } else if open > 0 {
                    format!("○ {open} to check")
                } else {
                    "✓ checked".into()
                };
                let linked = if photo.parcel.is_some() {
                    ""
                } else {
                    " · no tracking no."
                };
                ui.label(egui::RichText::new(format!("{state}{linked}")).small());
            });
        }
    });
}

pub fn photo_list_ui(ui: &mut egui::Ui, cmds: &mut Commands, photos: &mut PhotoUi<'_>, o: &Order) {
    let oid = o.id;
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        ui.heading(format!("Photos ({})", o.photos.len()));
        if ui.button("Add photos…").clicked() {
            *photos.add_to = Some(oid);
        }
        if !o.photos.is_empty() {
            filter_ui(ui, photos.filter, o);
        }
    });
    if o.photos.is_empty() {
        ui.label("No photos yet: add them, or drop image files on the window.");
    }
    grid_ui(ui, photos, o);
    let parcels: Vec<Option<ParcelId>> = std::iter::once(None)
        .chain(o.parcels.iter().map(|p| Some(p.id)))
        .collect();
    let tracking = |id: Option<ParcelId>| -> String {
        match id.and_then(|id| o.parcels.iter().find(|p| p.id == id)) {
            Some(p) if !p.tracking.is_empty() => p.tracking.clone(),
            Some(_) => "(parcel without tracking number)".into(),
            None => "not linked to a tracking number".into(),
        }
    };
    for photo in &o.photos {
        let phid = photo.id;
        let tags: Vec<&str> = photo.tags.iter().map(|t| t.label()).collect();
        let title = format!("{} [{}]", photo.file.original_name, tags.join(", "));
        egui::CollapsingHeader::new(title)
            .id_salt(("photo", phid.0))
            .show(ui, |ui| {
                egui::Grid::new(("photo grid", phid.0))
                    .num_columns(2)
                    .show(ui, |ui| {
                        fields::choice(
                            ui,
                            cmds,
                            "Tracking number",
                            format!("photo {phid} parcel"),
                            photo.parcel,
                            &parcels,
                            tracking,
                            move |p, v| {
                                with_photo(p, oid, phid, |x| x.parcel = v);
                            },
                        );
                        let checks: [CheckField; 4] = [
                            ("Model", photo.checks.model, |c, v| c.model = v),
                            ("Quantity", photo.checks.quantity, |c, v| c.quantity = v),
                            ("Accessories", photo.checks.accessories, |c, v| {
                                c.accessories = v
                            }),
                            ("Damage", photo.checks.damage, |c, v| c.damage = v),
                        ];
                        for (label, value, set) in checks {
                            let options = [Check::Unchecked, Check::Pass, Check::Fail];
                            fields::choice(
                                ui,
                                cmds,
                                label,
                                format!("photo {phid} {label}"),
                                value,
                                &options,
                                check_name,
                                move |p, v| {
                                    with_photo(p, oid, phid, |x| set(&mut x.checks, v));
                                },
                            );
                        }
                        fields::text(
                            ui,
                            cmds,
                            "Note",
                            format!("photo {phid} note"),
                            &photo.note,
                            move |p, v| {
                                with_photo(p, oid, phid, |x| x.note = v);
                            },
                        );
                    });
                ui.horizontal_wrapped(|ui| {
                    ui.label("Shows:");
                    for tag in Tag::ALL {
                        let mut on = photo.tags.contains(&tag);
                        if ui.checkbox(&mut on, tag.label()).changed() {
                            cmds.push(Command::Edit(Edit::new("change photo tags", move |p| {
                                with_photo(p, oid, phid, |x| {
                                    x.tags.retain(|t| *t != tag);
                                    if on {
                                        x.tags.push(tag);
                                        x.tags.sort();
                                    }
                                });
                                None
                            })));
                        }
                    }
                });
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
            });
    }
}
