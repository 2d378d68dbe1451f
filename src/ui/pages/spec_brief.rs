//! The spec brief of a product: one row per item, with its kind, expected
//! value, unit and tolerance, and whether it is critical.

use crate::model::*;
use crate::rules::ops::Op;
use crate::ui::context::Sink;
use crate::ui::widgets::fields::{self, field};
use crate::ui::widgets::list_controls;
use eframe::egui;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Number,
    Count,
    YesNo,
    Barcode,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::Text,
        Kind::Number,
        Kind::Count,
        Kind::YesNo,
        Kind::Barcode,
    ];

    fn of(e: &Expected) -> Kind {
        match e {
            Expected::Text(_) => Kind::Text,
            Expected::Number { .. } => Kind::Number,
            Expected::Count(_) => Kind::Count,
            Expected::YesNo(_) => Kind::YesNo,
            Expected::Barcode(_) => Kind::Barcode,
        }
    }

    fn label(self) -> String {
        match self {
            Kind::Text => "text",
            Kind::Number => "number",
            Kind::Count => "count",
            Kind::YesNo => "yes/no",
            Kind::Barcode => "barcode",
        }
        .into()
    }

    fn default_expected(self) -> Expected {
        match self {
            Kind::Text => Expected::Text(String::new()),
            Kind::Number => Expected::Number {
                value: 0.0,
                unit: Unit::Cm,
                tolerance: Tolerance::Absolute(0.0),
            },
            Kind::Count => Expected::Count(1),
            Kind::YesNo => Expected::YesNo(true),
            Kind::Barcode => Expected::Barcode(String::new()),
        }
    }
}

/// The op that gives `row` this expected value.
fn expect(row: &SpecItem, expected: Expected) -> Op {
    Op::SetSpecRow(SpecItem {
        expected,
        ..row.clone()
    })
}

pub fn spec_brief_ui(ui: &mut egui::Ui, sink: &mut Sink, project: &Project, p: &Product) {
    let pid = p.id;
    ui.horizontal_wrapped(|ui| {
        ui.heading("Spec brief");
        fields::op_button(ui, sink, "+ Row", "Add a spec row", || Op::NewSpecRow {
            product: pid,
        });
        super::spec_setup::spec_setup_ui(ui, sink, project, p);
    });
    if p.spec.is_empty() {
        ui.label("No rows yet: colour, material, dimensions, weight, quantity per set, accessories, labelling, packaging, barcode space…");
    }
    let count = p.spec.len();
    for (i, row) in p.spec.iter().enumerate() {
        ui.push_id(row.id.0, |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                egui::Grid::new("row")
                    .num_columns(2)
                    .show(ui, |ui| row_ui(ui, sink, row));
                ui.horizontal(|ui| {
                    let id = row.id;
                    list_controls::move_buttons(ui, sink, i, count, |to| Op::MoveSpecRow {
                        id,
                        to,
                    });
                    let critical = if row.critical { " (critical)" } else { "" };
                    let title = format!("Remove spec row \u{201c}{}\u{201d}{critical}", row.name);
                    fields::remove_button(ui, sink, "× Remove row", title, || {
                        Op::RemoveSpecRow(id)
                    });
                });
            });
        });
    }
}

fn row_ui(ui: &mut egui::Ui, sink: &mut Sink, row: &SpecItem) {
    let sid = row.id;
    fields::text(
        ui,
        sink,
        field("Spec item", format!("spec {sid} name")),
        &row.name,
        |v| {
            Op::SetSpecRow(SpecItem {
                name: v,
                ..row.clone()
            })
        },
    );
    let kind = Kind::of(&row.expected);
    fields::choice(
        ui,
        sink,
        field("Kind", format!("spec {sid} kind")),
        kind,
        &Kind::ALL,
        Kind::label,
        |k| expect(row, k.default_expected()),
    );
    expected_ui(ui, sink, row);
    let l = ui.label("Critical");
    fields::checkbox(
        ui,
        sink,
        row.critical,
        "a deviation stops the bulk order",
        |on| {
            Op::SetSpecRow(SpecItem {
                critical: on,
                ..row.clone()
            })
        },
    )
    .labelled_by(l.id);
    ui.end_row();
}

fn expected_ui(ui: &mut egui::Ui, sink: &mut Sink, row: &SpecItem) {
    let sid = row.id;
    match &row.expected {
        Expected::Text(t) => fields::text(
            ui,
            sink,
            field("Expected", format!("spec {sid} text")),
            t,
            |v| expect(row, Expected::Text(v)),
        ),
        Expected::Barcode(code) => fields::text(
            ui,
            sink,
            field(
                "Expected barcode (EAN-13/UPC)",
                format!("spec {sid} barcode"),
            ),
            code,
            |v| expect(row, Expected::Barcode(v)),
        ),
        Expected::Count(n) => {
            let f = field("Expected count", format!("spec {sid} count"));
            fields::parsed(ui, sink, f, n.to_string(), fields::whole, |v| {
                expect(row, Expected::Count(v.unwrap_or(0)))
            })
        }
        Expected::YesNo(b) => {
            let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
            let f = field("Expected", format!("spec {sid} yes/no"));
            fields::choice(ui, sink, f, *b, &[true, false], yes_no, |v| {
                expect(row, Expected::YesNo(v))
            })
        }
        Expected::Number {
            value,
            unit,
            tolerance,
        } => number_ui(ui, sink, row, (*value, *unit, *tolerance)),
    }
}

fn number_ui(
    ui: &mut egui::Ui,
    sink: &mut Sink,
    row: &SpecItem,
    (value, unit, tolerance): (f64, Unit, Tolerance),
) {
    let sid = row.id;
    let number = |value, unit, tolerance| {
        expect(
            row,
            Expected::Number {
                value,
                unit,
                tolerance,
            },
        )
    };
    let f = field("Expected value", format!("spec {sid} value"));
    fields::parsed(ui, sink, f, value.to_string(), fields::decimal, |v| {
        number(v.unwrap_or(0.0), unit, tolerance)
    });
    if value == 0.0 {
        // What a template row (or a new number row) starts with.
        ui.label("");
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Type the expected value: 0 is only where the row starts",
        );
        ui.end_row();
    }
    let unit_name = |u: Unit| {
        if u == Unit::None {
            "(none)".to_string()
        } else {
            u.symbol().to_string()
        }
    };
    let f = field("Unit", format!("spec {sid} unit"));
    fields::choice(ui, sink, f, unit, &Unit::ALL, unit_name, |u| {
        number(value, u, tolerance)
    });
    let (amount, percent) = match tolerance {
        Tolerance::Absolute(a) => (a, false),
        Tolerance::Percent(p) => (p, true),
    };
    let tol = |amount: f64, percent: bool| {
        if percent {
            Tolerance::Percent(amount)
        } else {
            Tolerance::Absolute(amount)
        }
    };
    let f = field("Tolerance ±", format!("spec {sid} tol"));
    fields::parsed(ui, sink, f, amount.to_string(), fields::decimal, |v| {
        number(value, unit, tol(v.unwrap_or(0.0), percent))
    });
    let in_what = |p: bool| if p { "percent" } else { "the unit" }.to_string();
    let f = field("Tolerance in", format!("spec {sid} tol kind"));
    fields::choice(ui, sink, f, percent, &[false, true], in_what, |p| {
        number(value, unit, tol(amount, p))
    });
}
