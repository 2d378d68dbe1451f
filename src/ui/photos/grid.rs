//! An order's photos: the grid of thumbnails with its filter, then a
//! detail row per photo (`details`).

use super::Photos;
use super::batch::BarAsk;
use super::selection::ClickKind;
use crate::model::*;
use crate::rules::Target;
use crate::ui::context::{Ask, Sink};
use crate::ui::widgets::jump_to;
use eframe::egui;

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
    pub fn matches(self, p: &Photo) -> bool {
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
fn grid_ui(ui: &mut egui::Ui, sink: &mut Sink, photos: &mut Photos, o: &Order) {
    let filter = photos.filter;
    let shown: Vec<&Photo> = o.photos.iter().filter(|p| filter.matches(p)).collect();
    let shown_ids: Vec<PhotoId> = shown.iter().map(|p| p.id).collect();
    select_all_key(ui, photos, o.id, &shown_ids);
    let mut clicks = Vec::new();
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
            jump_to::here(ui, egui::Rect::from_min_size(min, cell), |t| {
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
            row_ui.vertical(|ui| {
                if let Some(kind) = cell_ui(ui, sink, photos, o.id, photo, cell) {
                    clicks.push((photo.id, kind));
                }
            });
        }
    }
    for (id, kind) in clicks {
        photos.selection.click(o.id, id, kind, &shown_ids);
    }
}

/// Ctrl+A over the grid selects every photo shown (not while a text field
/// has the keyboard: there it selects the text).
fn select_all_key(ui: &egui::Ui, photos: &mut Photos, order: OrderId, shown: &[PhotoId]) {
    let typing = ui.ctx().memory(|m| m.focused().is_some());
    let pressed = !typing
        && ui.input_mut(|i| {
            i.consume_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::COMMAND,
                egui::Key::A,
            ))
        });
    if pressed {
        photos.selection.select_all(order, shown);
    }
}

/// Selected photos get a frame in the selection colour.
fn paint_selected(ui: &egui::Ui, rect: egui::Rect) {
    let stroke = egui::Stroke::new(3.0, ui.visuals().selection.stroke.color);
    ui.painter()
        .rect_stroke(rect.expand(2.0), 3.0, stroke, egui::StrokeKind::Outside);
}

/// A thumbnail with its name and state; returns how it was clicked. A
/// double click opens the viewer; dragging takes the selection along (or
/// this photo alone, if it is not selected).
fn cell_ui(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    photos: &mut Photos,
    oid: OrderId,
    photo: &Photo,
    cell: egui::Vec2,
) -> Option<ClickKind> {
    ui.set_width(cell.x);
    ui.set_max_width(cell.x);
    let size = egui::vec2(GRID_PX, GRID_PX * 0.75);
    let mut clicked = None;
    let selected = photos.selection.contains(oid, photo.id);
    match photos.caches.textures.get(photo.id) {
        Some(Ok(t)) => {
            let image = egui::Image::new(t)
                .max_size(size)
                .alt_text(&photo.file.original_name)
                .sense(egui::Sense::click_and_drag());
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            let shown = ui.put(rect, image).on_hover_text(
                "Click to select (Ctrl: several, Shift: a range), double-click to open, drag onto a parcel to link",
            );
            if selected {
                paint_selected(ui, rect);
            }
            if shown.double_clicked() {
                sink.ask(Ask::OpenViewer {
                    order: oid,
                    photo: photo.id,
                });
            } else if shown.clicked() {
                clicked = Some(ClickKind::of(ui.input(|i| i.modifiers)));
            }
            if shown.drag_started() {
                let ids = if selected {
                    photos.selection.all(oid)
                } else {
                    vec![photo.id]
                };
                shown.dnd_set_drag_payload(super::batch::DraggedPhotos(ids));
            }
        }
        Some(Err(why)) => {
            ui.allocate_ui(size, |ui| {
                ui.set_min_size(size);
                ui.colored_label(ui.visuals().warn_fg_color, why.to_string());
            });
        }
        None => {
            photos.caches.wanted.push((photo.id, photo.file.clone()));
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
    clicked
}

/// The photo section of an order page.
pub fn photos_ui(ui: &mut egui::Ui, sink: &mut Sink, photos: &mut Photos, o: &Order) {
    let oid = o.id;
    ui.add_space(10.0);
    let heading = ui.horizontal(|ui| {
        ui.heading(format!("Photos ({})", o.photos.len()));
        if ui.button("Add photos…").clicked() {
            sink.ask(Ask::AddPhotos {
                order: oid,
                folder: false,
            });
        }
        if ui
            .button("Add folder…")
            .on_hover_text("Every file directly in a folder")
            .clicked()
        {
            sink.ask(Ask::AddPhotos {
                order: oid,
                folder: true,
            });
        }
        if !o.photos.is_empty() {
            filter_ui(ui, &mut photos.filter, o);
        }
    });
    jump_to::here(
        ui,
        heading.response.rect,
        |t| matches!(t, Target::Photos(o) | Target::PhotosNotLinked(o) | Target::PhotosUnchecked(o) if o == oid),
    );
    if o.photos.is_empty() {
        ui.label("No photos yet: add them, or drop image files on the window.");
    }
    selection_bar_ui(ui, sink, photos, o);
    grid_ui(ui, sink, photos, o);
    super::details::details_ui(ui, sink, o);
}

/// The batch actions while photos are selected, else how to select; in a
/// box of fixed height, so selecting never moves the grid under the
/// pointer.
fn selection_bar_ui(ui: &mut egui::Ui, sink: &mut Sink, photos: &mut Photos, o: &Order) {
    if o.photos.is_empty() {
        return;
    }
    let height = 2.0 * ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let size = egui::vec2(ui.available_width(), height);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let mut bar = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    bar_contents_ui(&mut bar, sink, photos, o);
}

fn bar_contents_ui(ui: &mut egui::Ui, sink: &mut Sink, photos: &mut Photos, o: &Order) {
    let all: Vec<PhotoId> = o.photos.iter().map(|p| p.id).collect();
    let selected = photos.selection.of(o.id, &all);
    if selected.is_empty() {
        ui.weak("Click photos to select them (Ctrl+click several, Shift+click a range, Ctrl+A all shown) to link, tag or check them at once.");
        return;
    }
    match super::batch::batch_bar_ui(ui, sink, o, &selected) {
        BarAsk::None => {}
        BarAsk::Open(photo) => sink.ask(Ask::OpenViewer { order: o.id, photo }),
        BarAsk::Clear => photos.selection.clear(),
        BarAsk::SelectAll => {
            let filter = photos.filter;
            let shown: Vec<PhotoId> = o
                .photos
                .iter()
                .filter(|p| filter.matches(p))
                .map(|p| p.id)
                .collect();
            photos.selection.select_all(o.id, &shown);
        }
    }
}
