//! Defect marks in the viewer: pick a shape (R rectangle, E ellipse, A
//! arrow), type a label, drag on the photo; the list beside the photo
//! renames and removes them. Also where the viewer finds the photo to
//! compare with (sample ↔ bulk).

use super::canvas::{self as photo_canvas, MarkKind};
use super::side_by_side::CompareView;
use super::viewer::Viewer;
use crate::model::*;
use crate::rules::compare;
use crate::rules::ops::Op;
use crate::rules::photo_pairs::{PAIRED_TAGS, photos_showing};
use crate::ui::context::Sink;
use eframe::egui;

/// The tool bar: which mark a drag draws, and its label.
pub fn toolbar(ui: &mut egui::Ui, viewer: &mut Viewer) {
    ui.horizontal(|ui| {
        ui.label("Drag to:");
        ui.selectable_value(&mut viewer.tool, None, "Pan");
        for kind in MarkKind::ALL {
            let key = match kind {
                MarkKind::Rect => "R",
                MarkKind::Ellipse => "E",
                MarkKind::Arrow => "A",
            };
            ui.selectable_value(
                &mut viewer.tool,
                Some(kind),
                format!("Mark: {}", kind.label()),
            )
            .on_hover_text(format!(
                "Draw a {} around a defect ({key})",
                kind.label().to_lowercase()
            ));
        }
        let l = ui.label("Mark label");
        ui.add(
            egui::TextEdit::singleline(&mut viewer.label)
                .id_salt("mark label")
                .desired_width(160.0)
                .hint_text("e.g. scratch, 划痕"),
        )
        .labelled_by(l.id);
    });
}

/// Draws the mark being dragged; returns it when the drag ends.
pub fn draw_mark(
    ui: &egui::Ui,
    response: &egui::Response,
    viewer: &mut Viewer,
    image: egui::Rect,
    area: egui::Rect,
) -> Option<Mark> {
    let tool = viewer.tool?;
    let pointer = response
        .interact_pointer_pos()
        .or_else(|| ui.input(|i| i.pointer.latest_pos()))?;
    let at = photo_canvas::to_norm(image, pointer);
    if response.drag_started() {
        viewer.drag_from = Some(at);
    }
    let from = viewer.drag_from?;
    let shape = photo_canvas::shape_from_drag(tool, from, at);
    if response.drag_stopped() || !response.dragged() {
        viewer.drag_from = None;
        return photo_canvas::is_meaningful(&shape).then(|| Mark {
            shape,
            label: viewer.label.trim().to_owned(),
        });
    }
    photo_canvas::paint_shape(
        &ui.painter().with_clip_rect(area),
        image,
        &shape,
        viewer.label.trim(),
        photo_canvas::MARK_COLOUR,
    );
    None
}

/// The op adding `mark` to `photo`, after its other marks.
pub fn add_mark(photo: &Photo, mark: Mark) -> Op {
    Op::InsertMark {
        photo: photo.id,
        at: photo.marks.len(),
        mark,
    }
}

/// The photo's marks: numbered as drawn, labels editable, removable.
pub fn marks_list(ui: &mut egui::Ui, sink: &mut Sink, photo: &Photo) {
    let phid = photo.id;
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Defect marks").strong());
    if photo.marks.is_empty() {
        ui.label("None. Pick Rectangle (R), Ellipse (E) or Arrow (A) and drag on the photo.");
    }
    for (at, mark) in photo.marks.iter().enumerate() {
        ui.horizontal(|ui| {
            let kind = match mark.shape {
                Shape::Rect { .. } => "rectangle",
                Shape::Ellipse { .. } => "ellipse",
                Shape::Arrow { .. } => "arrow",
            };
            let label = format!("{} {kind}", at + 1);
            let f = crate::ui::widgets::fields::field(&label, format!("photo {phid} mark {at}"));
            crate::ui::widgets::fields::inline(
                ui,
                sink,
                f,
                &mark.label,
                "what is wrong",
                |label| Op::SetMark {
                    photo: phid,
                    at,
                    mark: Mark {
                        label,
                        ..mark.clone()
                    },
                },
            );
            if ui
                .small_button("×")
                .on_hover_text("Remove this mark")
                .clicked()
            {
                sink.apply(Op::RemoveMark { photo: phid, at });
            }
        });
    }
}

/// The counterpart of a photo on the product's other order.
pub struct CompareTarget {
    pub button: String,
    reference: (OrderId, PhotoId),
    other: (OrderId, PhotoId),
    tag: Option<Tag>,
}

impl CompareTarget {
    pub fn view(&self) -> CompareView {
        CompareView::new(self.reference, self.other, self.tag)
    }
}

/// For a bulk photo, the sample photo showing the same thing; for a sample
/// photo, the bulk photo. The sample is always the pinned reference.
pub fn compare_target(product: &Product, order: &Order, photo: &Photo) -> Option<CompareTarget> {
    let (sample, bulk) = (
        compare::sample_order(product)?,
        compare::bulk_order(product)?,
    );
    let (counterpart, is_sample) = if order.id == sample.id {
        (bulk, true)
    } else if order.id == bulk.id {
        (sample, false)
    } else {
        return None;
    };
    let tag = PAIRED_TAGS
        .iter()
        .copied()
        .find(|t| photo.has_tag(*t) && !photos_showing(counterpart, Some(*t)).is_empty());
    let found = photos_showing(counterpart, tag).first()?.id;
    let (this, that) = ((order.id, photo.id), (counterpart.id, found));
    Some(if is_sample {
        CompareTarget {
            button: "Compare with bulk".into(),
            reference: this,
            other: that,
            tag,
        }
    } else {
        CompareTarget {
            button: "Compare with sample".into(),
            reference: that,
            other: this,
            tag,
        }
    })
}
