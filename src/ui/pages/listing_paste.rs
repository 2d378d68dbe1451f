//! "Paste link or share text" on the product page: a 1688, Taobao or Tmall
//! link, or the share text their apps copy, fills the marketplace, the
//! listing URL, the title (and the name if empty) as one undo step.

use crate::model::Product;
use crate::rules::listing_link;
use crate::rules::ops::Op;
use crate::ui::context::{Ask, Sink};
use eframe::egui;

pub const LABEL: &str = "Paste link or share text";
pub const BUTTON: &str = "Fill from link";

/// A grid row: the label, the text field and the button.
pub fn paste_row_ui(ui: &mut egui::Ui, sink: &mut Sink, p: &Product) {
    let label = ui.label(LABEL);
    // The button under the field, so both fit a narrow page.
    ui.vertical(|ui| {
        let id = egui::Id::unique(("listing paste", p.id.0));
        let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let edit = egui::TextEdit::multiline(&mut text)
            .desired_rows(2)
            .desired_width(ui.available_width().min(420.0))
            .hint_text("1688, Taobao or Tmall link, or the app's share text");
        let r = ui.add(edit).labelled_by(label.id);
        let fill = ui.add_enabled(!text.trim().is_empty(), egui::Button::new(BUTTON));
        if fill.clicked() {
            fill_from(sink, p, &text);
            text.clear();
        }
        if r.changed() || fill.clicked() {
            ui.data_mut(|d| d.insert_temp(id, text));
        }
    });
    ui.end_row();
}

fn fill_from(sink: &mut Sink, p: &Product, text: &str) {
    let link = match listing_link::parse(text) {
        Ok(link) => link,
        Err(e) => {
            sink.ask(Ask::Notify(format!("Nothing filled: {e}.")));
            return;
        }
    };
    let filled = listing_link::fill(&p.listing, &p.name, &link);
    let mut ops = Vec::new();
    if filled.listing != p.listing {
        ops.push(Op::SetListing(p.id, Box::new(filled.listing)));
    }
    if let Some(name) = filled.name {
        ops.push(Op::SetProductName(p.id, name));
    }
    if !ops.is_empty() {
        sink.apply(Op::Batch(ops));
    }
    sink.ask(Ask::Notify(listing_link::fill_message(&link, &filled.what)));
}
