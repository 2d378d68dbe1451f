//! The project's first page: every order in one table, what needs the
//! buyer first. Click a column's title to sort by it (again to reverse);
//! click an order to open it, a reason to go where it is fixed. Only the
//! rows on screen are laid out; the rows are rebuilt once per document
//! version.

use crate::app::overview::{Column, OverviewRow, overview_rows, sort_rows};
use crate::model::Verdict;
use crate::rules::text::count;
use crate::ui::context::{Ask, Ctx, Selection, Sink};
use crate::ui::widgets::theme;
use eframe::egui;
use egui_extras::{Column as Width, TableBuilder};

/// The overview's own state: the sort, and the rows for one version.
#[derive(Default)]
pub struct OverviewPage {
    sort: Column,
    descending: bool,
    rows: Vec<OverviewRow>,
    /// The (document version, derived generation) the rows are for.
    built_for: Option<(u64, u64)>,
}

impl OverviewPage {
    fn refresh(&mut self, c: &Ctx<'_>) {
        let key = (c.version, c.derived.generation());
        if self.built_for != Some(key) {
            self.rows = overview_rows(c.project, c.derived);
            sort_rows(&mut self.rows, self.sort, !self.descending);
            self.built_for = Some(key);
        }
    }

    fn sort_by(&mut self, column: Column) {
        if self.sort == column {
            self.descending = !self.descending;
        } else {
            self.sort = column;
            self.descending = false;
        }
        sort_rows(&mut self.rows, self.sort, !self.descending);
    }
}

pub fn overview_ui(ui: &mut egui::Ui, c: &Ctx<'_>, sink: &mut Sink, page: &mut OverviewPage) {
    page.refresh(c);
    ui.heading(if c.project.name.is_empty() {
        "Overview"
    } else {
        &c.project.name
    });
    ui.label(summary_line(c, &page.rows));
    if page.rows.is_empty() {
        ui.label("No orders yet: add a product on the left, then a sample order.");
        return;
    }
    ui.add_space(6.0);
    table_ui(ui, sink, page);
}

fn summary_line(c: &Ctx<'_>, rows: &[OverviewRow]) -> String {
    let with = |v: Verdict| rows.iter().filter(|r| r.verdict == v).count();
    let products = count(c.project.products.len(), "product", "products");
    let orders = count(rows.len(), "order", "orders");
    format!(
        "{products}, {orders}: {} no-go, {} not ready, {} go with conditions, {} go. \
         Search with Ctrl+F.",
        with(Verdict::NoGo),
        with(Verdict::NotReady),
        with(Verdict::GoWithConditions),
        with(Verdict::Go),
    )
}

fn table_ui(ui: &mut egui::Ui, sink: &mut Sink, page: &mut OverviewPage) {
    let height = ui.spacing().interact_size.y + 4.0;
    let mut clicked = None;
    let mut table = TableBuilder::new(ui)
        .id_salt("overview")
        .striped(true)
        .resizable(true)
        .vscroll(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for column in Column::ALL {
        table = table.column(width_of(column));
    }
    table
        .header(height, |mut header| {
            for column in Column::ALL {
                header.col(|ui| {
                    let arrow = match (page.sort == column, page.descending) {
                        (true, false) => " ↓",
                        (true, true) => " ↑",
                        (false, _) => "",
                    };
                    let title = format!("{}{arrow}", column.title());
                    let b = egui::Button::new(egui::RichText::new(title).strong()).frame(false);
                    if ui.add(b).on_hover_text("Sort by this column").clicked() {
                        clicked = Some(column);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(height, page.rows.len(), |mut row| {
                let r = &page.rows[row.index()];
                for column in Column::ALL {
                    row.col(|ui| cell_ui(ui, sink, r, column));
                }
            });
        });
    if let Some(column) = clicked {
        page.sort_by(column);
    }
}

fn width_of(column: Column) -> Width {
    match column {
        Column::Product | Column::Seller => Width::initial(130.0).at_least(60.0).clip(true),
        Column::Number => Width::initial(130.0).at_least(60.0).clip(true),
        Column::Reason => Width::initial(260.0).at_least(80.0).clip(true),
        Column::Verdict => Width::initial(110.0).at_least(60.0),
        _ => Width::auto().at_least(50.0),
    }
}

fn cell_ui(ui: &mut egui::Ui, sink: &mut Sink, r: &OverviewRow, column: Column) {
    match column {
        Column::Product => {
            ui.label(&r.product_name);
        }
        Column::Kind => {
            ui.label(r.kind.label());
        }
        Column::Number => {
            let number = if r.number.is_empty() {
                "(no number)"
            } else {
                &r.number
            };
            if ui.link(number).on_hover_text("Open this order").clicked() {
                sink.ask(Ask::Select(Selection::Order(r.order)));
            }
        }
        Column::Seller => {
            ui.label(&r.seller);
        }
        Column::Verdict => {
            ui.label(theme::badge(ui, r.verdict));
        }
        Column::Reason => match &r.first_blocking {
            Some((message, target)) => {
                if ui.link(message).on_hover_text(message).clicked() {
                    sink.ask(Ask::JumpTo(*target));
                }
            }
            None => {
                ui.weak("—");
            }
        },
        Column::Parcels => {
            ui.label(r.parcels.to_string());
        }
        Column::PhotosToCheck => {
            ui.label(r.photos_to_check.to_string());
        }
        Column::ReturnLeft => {
            ui.label(return_words(r.return_minutes_left));
        }
        Column::StorageLeft => {
            ui.label(storage_words(r.free_storage_days_left));
        }
    }
}

fn return_words(minutes: Option<i64>) -> String {
    match minutes {
        None => "—".into(),
        Some(m) if m <= 0 => "closed".into(),
        Some(m) if m < 60 * 48 => format!("{} h {} min", m / 60, m % 60),
        Some(m) => format!("{} days", m / (60 * 24)),
    }
}

fn storage_words(days: Option<i64>) -> String {
    match days {
        None => "—".into(),
        Some(d) if d < 0 => format!("ended {} ago", count((-d) as usize, "day", "days")),
        Some(d) => format!("{} left", count(d as usize, "day", "days")),
    }
}
