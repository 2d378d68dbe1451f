//! An order's photos as a list: the parcel (tracking number) each shows,
//! and, opened, its tags, the four warehouse checks and a note. (The photo
//! grid with thumbnails and the viewer come with the photos work.)

use super::fields::{self, Commands};
use super::order_ui::with_order;
use super::textures::Textures;
use crate::app::{Command, Edit};
use crate::model::*;
use crate::rules::Target;
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
    /// Set when "Add photos…" (false) or "Add folder…" (true) is clicked.
    pub add_to: &'a mut Option<(OrderId, bool)>,
    /// Set when a thumbnail is clicked: open it in the viewer.
    pub open: &'a mut Option<(OrderId, PhotoId)>,
    pub filter: &'a mut PhotoFilter,
    /// Set when a sample/bulk pair is opened side by side.
    pub compare: &'a mut Option<super::compare_view_ui::CompareView>,
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

/// Thumbnails in rows of fixed height, each with its name and checks. Only
/// rows on screen are laid out (and ask for thumbnails); the others only
/// take their space, so an order of thousands of photos scrolls freely.
fn grid_ui(ui: &mut egui::Ui, photos: &mut PhotoUi<'_>, o: &Order) {
    let filter = *photos.filter;
    let shown: Vec<&Photo> = o.photos.iter().filter(|p| filter.matches(p)).collect();
    let gap = ui.spacing().item_spacing;
    let line = ui.text_style_height(&egui::TextStyle::Small);
    let cell = egui::vec2(GRID_PX + 8.0, GRID_PX * 0.75 + 2.0 * (line + gap.y) + gap.y);
    let per_row = (((ui.available_width() + gap.x) / (cell.x + gap.x)).floor() as usize).max(1);
    for row in shown.chunks(per_row) {
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(ui.available_width(), cell.y),
            egui::Sense::hover(),
        );
        for (k, photo) in row.iter().enumerate() {
            let min = rect.min + egui::vec2(k as f32 * (cell.x + gap.x), 0.0);
            let id = photo.id;
            super::anchor::here(ui, egui::Rect::from_min_size(min, cell), |t| {
                t == Target::Photo(id)
            });
        }
        if !ui.is_rect_visible(rect) {
            continue;
        }
        let mut row_ui = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect)
                .layout(egui::Layout::left_to_right(egui::Align::Min)),
        );
        for photo in row {
            row_ui.vertical(|ui| cell_ui(ui, photos, o.id, photo, cell));
        }
    }
}

fn cell_ui(
    ui: &mut egui::Ui,
    photos: &mut PhotoUi<'_>,
    oid: OrderId,
    photo: &Photo,
    cell: egui::Vec2,
) {
    ui.set_width(cell.x);
    ui.set_max_width(cell.x);
    let size = egui::vec2(GRID_PX, GRID_PX * 0.75);
    match photos.textures.get(photo.id) {
        Some(Ok(t)) => {
            let image = egui::Image::new(t)
                .max_size(size)
                .alt_text(&photo.file.original_name)
                .sense(egui::Sense::click());
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            let shown = ui.put(rect, image).on_hover_text("Open in the viewer");
            if shown.clicked() {
                *photos.open = Some((oid, photo.id));
            }
        }
        Some(Err(why)) => {
            ui.allocate_ui(size, |ui| {
                ui.set_min_size(size);
                ui.colored_label(ui.visuals().warn_fg_color, why.to_string());
            });
        }
        None => {
            photos.wanted.push((photo.id, photo.file.clone()));
            ui.allocate_ui(size, |ui| {
                ui.set_min_size(size);
                ui.spinner();
            });
        }
    }
    ui.add(egui::Label::new(egui::RichText::new(&photo.file.original_name).small()).truncate());
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
    ui.add(egui::Label::new(egui::RichText::new(format!("{state}{linked}")).small()).truncate());
}

pub fn photo_list_ui(ui: &mut egui::Ui, cmds: &mut Commands, photos: &mut PhotoUi<'_>, o: &Order) {
    let oid = o.id;
    ui.add_space(10.0);
    let heading = ui.horizontal(|ui| {
        ui.heading(format!("Photos ({})", o.photos.len()));
        if ui.button("Add photos…").clicked() {
            *photos.add_to = Some((oid, false));
        }
        if ui
            .button("Add folder…")
            .on_hover_text("Every file directly in a folder")
            .clicked()
        {
            *photos.add_to = Some((oid, true));
        }
        if !o.photos.is_empty() {
            filter_ui(ui, photos.filter, o);
        }
    });
    super::anchor::here(ui, heading.response.rect, |t| t == Target::Photos(oid));
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
    // Closed headers off screen only take their space.
    let height_id = egui::Id::unique("photo header height");
    let header_height: f32 = ui
        .data(|d| d.get_temp(height_id))
        .unwrap_or(ui.spacing().interact_size.y);
    for photo in &o.photos {
        let phid = photo.id;
        let state_id = ui.make_persistent_id(("photo", phid.0));
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
        if shown.body_response.is_none() {
            let h = shown.header_response.rect.height();
            ui.data_mut(|d| d.insert_temp(height_id, h));
        }
    }
}
