//! The spec brief of a product: one row per item, with its kind, expected
//! value, unit and tolerance, and whether it is critical.

use super::fields::{self, Commands};
use crate::model::*;
use eframe::egui;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Number,
    Count,
    YesNo,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Text, Kind::Number, Kind::Count, Kind::YesNo];

    fn of(e: &Expected) -> Kind {
        match e {
            Expected::Text(_) => Kind::Text,
            Expected::Number { .. } => Kind::Number,
            Expected::Count(_) => Kind::Count,
            Expected::YesNo(_) => Kind::YesNo,
        }
    }

    fn label(self) -> String {
        match self {
            Kind::Text => "text",
            Kind::Number => "number",
            Kind::Count => "count",
            Kind::YesNo => "yes/no",
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
        }
    }
}

/// Sets the expected value of row `sid` of product `pid`.
fn set_expected(p: &mut Project, pid: ProductId, sid: SpecId, f: impl FnOnce(&mut Expected)) {
    if let Some(row) = p
        .product_mut(pid)
        .and_then(|x| x.spec.iter_mut().find(|s| s.id == sid))
    {
        f(&mut row.expected);
    }
}

pub fn spec_ui(ui: &mut egui::Ui, cmds: &mut Commands, p: &Product) {
    let pid = p.id;
    ui.horizontal(|ui| {
        ui.heading("Spec brief");
        fields::edit_button(
            ui,
            cmds,
            "+ Row",
            "Add a spec row",
            "add spec row",
            move |pr| {
                let sid = pr.new_id();
                pr.product_mut(pid)?.spec.push(SpecItem {
                    id: SpecId(sid),
                    name: String::new(),
                    expected: Expected::Text(String::new()),
                    critical: false,
                });
                Some(sid)
            },
        );
    });
    if p.spec.is_empty() {
        ui.label("No rows yet: colour, material, dimensions, weight, quantity per set, accessories, labelling, packaging, barcode space…");
    }
    let count = p.spec.len();
    for (i, row) in p.spec.iter().enumerate() {
        let sid = row.id;
        ui.push_id(sid.0, |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                egui::Grid::new("row").num_columns(2).show(ui, |ui| {
                    fields::text(
                        ui,
                        cmds,
                        "Spec item",
                        format!("spec {sid} name"),
                        &row.name,
                        move |pr, v| {
                            if let Some(r) = pr
                                .product_mut(pid)
                                .and_then(|x| x.spec.iter_mut().find(|s| s.id == sid))
                            {
                                r.name = v;
                            }
                        },
                    );
                    let kind = Kind::of(&row.expected);
                    fields::choice(
                        ui,
                        cmds,
                        "Kind",
                        format!("spec {sid} kind"),
                        kind,
                        &Kind::ALL,
                        Kind::label,
                        move |pr, k| {
                            set_expected(pr, pid, sid, |e| *e = k.default_expected());
                        },
                    );
                    expected_ui(ui, cmds, pid, sid, &row.expected);
                    let l = ui.label("Critical");
                    let mut critical = row.critical;
                    if ui
                        .checkbox(&mut critical, "a deviation stops the bulk order")
                        .labelled_by(l.id)
                        .changed()
                    {
                        cmds.push(crate::app::Command::Edit(crate::app::Edit::new(
                            "change critical",
                            move |pr| {
                                if let Some(r) = pr
                                    .product_mut(pid)
                                    .and_then(|x| x.spec.iter_mut().find(|s| s.id == sid))
                                {
                                    r.critical = critical;
                                }
                                None
                            },
                        )));
                    }
                    ui.end_row();
                });
                ui.horizontal(|ui| {
                    if i > 0 {
                        fields::edit_button(
                            ui,
                            cmds,
                            "↑",
                            "Move up",
                            "move spec row",
                            move |pr| {
                                fields::shift(&mut pr.product_mut(pid)?.spec, i, -1);
                                None
                            },
                        );
                    }
                    if i + 1 < count {
                        fields::edit_button(
                            ui,
                            cmds,
                            "↓",
                            "Move down",
                            "move spec row",
                            move |pr| {
                                fields::shift(&mut pr.product_mut(pid)?.spec, i, 1);
                                None
                            },
                        );
                    }
                    fields::edit_button(
                        ui,
                        cmds,
                        "×",
                        "Remove this row",
                        "remove spec row",
                        move |pr| {
                            pr.product_mut(pid)?.spec.retain(|s| s.id != sid);
                            None
                        },
                    );
                });
            });
        });
    }
}

fn expected_ui(
    ui: &mut egui::Ui,
    cmds: &mut Commands,
    pid: ProductId,
    sid: SpecId,
    expected: &Expected,
) {
    match expected {
        Expected::Text(t) => fields::text(
            ui,
            cmds,
            "Expected",
            format!("spec {sid} text"),
            t,
            move |pr, v| {
                set_expected(pr, pid, sid, |e| *e = Expected::Text(v));
            },
        ),
        Expected::Count(n) => fields::parsed(
            ui,
            cmds,
            "Expected count",
            format!("spec {sid} count"),
            n.to_string(),
            fields::number::<u32>,
            move |pr, v| {
                set_expected(pr, pid, sid, |e| *e = Expected::Count(v.unwrap_or(0)));
            },
        ),
        Expected::YesNo(b) => fields::choice(
            ui,
            cmds,
            "Expected",
            format!("spec {sid} yes/no"),
            *b,
            &[true, false],
            |b| if b { "yes" } else { "no" }.into(),
            move |pr, v| {
                set_expected(pr, pid, sid, |e| *e = Expected::YesNo(v));
            },
        ),
        Expected::Number {
            value,
            unit,
            tolerance,
        } => {
            fields::parsed(
                ui,
                cmds,
                "Expected value",
                format!("spec {sid} value"),
                value.to_string(),
                fields::number::<f64>,
                move |pr, v| {
                    set_expected(pr, pid, sid, |e| {
                        if let Expected::Number { value, .. } = e {
                            *value = v.unwrap_or(0.0);
                        }
                    });
                },
            );
            fields::choice(
                ui,
                cmds,
                "Unit",
                format!("spec {sid} unit"),
                *unit,
                &Unit::ALL,
                |u| {
                    if u == Unit::None {
                        "(none)".into()
                    } else {
                        u.symbol().into()
                    }
                },
                move |pr, v| {
                    set_expected(pr, pid, sid, |e| {
                        if let Expected::Number { unit, .. } = e {
                            *unit = v;
                        }
                    });
                },
            );
            let (amount, percent) = match tolerance {
                Tolerance::Absolute(a) => (*a, false),
                Tolerance::Percent(p) => (*p, true),
            };
            fields::parsed(
                ui,
                cmds,
                "Tolerance ±",
                format!("spec {sid} tol"),
                amount.to_string(),
                fields::number::<f64>,
                move |pr, v| {
                    set_expected(pr, pid, sid, |e| {
                        if let Expected::Number { tolerance, .. } = e {
                            let v = v.unwrap_or(0.0);
                            *tolerance = if percent {
                                Tolerance::Percent(v)
                            } else {
                                Tolerance::Absolute(v)
                            };
                        }
                    });
                },
            );
            fields::choice(
                ui,
                cmds,
                "Tolerance in",
                format!("spec {sid} tol kind"),
                percent,
                &[false, true],
                |p| {
                    if p {
                        "percent".into()
                    } else {
                        "the unit".into()
                    }
                },
                move |pr, pct| {
                    set_expected(pr, pid, sid, |e| {
                        if let Expected::Number { tolerance, .. } = e {
                            let v = match *tolerance {
                                Tolerance::Absolute(a) | Tolerance::Percent(a) => a,
                            };
                            *tolerance = if pct {
                                Tolerance::Percent(v)
                            } else {
                                Tolerance::Absolute(v)
                            };
                        }
                    });
                },
            );
        }
    }
}
