//! The order part of a decision summary: facts, the export gate's
//! checklist with its reasons, seller messages, parcels, packing requests,
//! route and chargeable weight, inspection and photos.

use super::contents::{heading, kind_word, opt, reason_line, text_or_dash};
use super::doc::{Block, Card, Item, Line, Tone, plain, toned};
use super::summary::OrderSummary;
use crate::model::{Check, Order, OrderKind, Product, Verdict};
use crate::rules::text::fmt_num;

pub(super) fn order(product: &Product, o: &OrderSummary, out: &mut Vec<Block>) {
    let order = o.order;
    out.push(heading(
        2,
        format!(
            "{} order {} (order {})",
            kind_word(order.kind),
            order.number,
            order.id
        ),
        Some(o.gate.verdict),
    ));
    out.push(Block::Facts(vec![
        ("Seller".into(), text_or_dash(&order.seller)),
        ("Quantity".into(), vec![plain(order.quantity.to_string())]),
        ("Variant as ordered".into(), text_or_dash(&order.variant)),
        ("Ordered on".into(), opt(order.ordered_on)),
        ("Seller shipped on".into(), opt(order.seller_shipped_on)),
        ("Order note".into(), text_or_dash(&order.note)),
    ]));

    out.push(heading(
        3,
        "Ship it? Pre-shipment checklist",
        Some(o.gate.verdict),
    ));
    let g = &o.gate;
    let mut items: Vec<Item> = g
        .checklist
        .iter()
        .map(|c| {
            let (mark, tone) = if c.ticked {
                ("\u{2713} done", Tone::Go)
            } else if c.state == Verdict::NoGo {
                ("\u{d7} fails", Tone::NoGo)
            } else {
                ("\u{25cb} open", Tone::NotReady)
            };
            Item {
                line: vec![toned(mark, tone), plain(format!(": {}", c.label))],
                sub: c
                    .reasons
                    .iter()
                    .map(|&i| reason_line(&g.reasons[i]))
                    .collect(),
            }
        })
        .collect();
    let others: Vec<Line> = g
        .reasons
        .iter()
        .zip(&g.reason_points)
        .filter(|(_, p)| p.is_none())
        .map(|(r, _)| reason_line(r))
        .collect();
    if !others.is_empty() {
        items.push(Item {
            line: vec![toned("Deadlines", Tone::Strong)],
            sub: others,
        });
    }
    out.push(Block::List {
        ordered: false,
        items,
    });

    messages(order, out);
    parcels(o, out);
    if !order.packing.is_empty() {
        out.push(heading(3, "Packing requests", None));
        let items = order
            .packing
            .iter()
            .map(|pr| {
                let risk = match pr.risk {
                    Some(id) => match product.risks.iter().find(|r| r.id == id) {
                        Some(r) => format!(" (for the {} risk)", r.kind.label()),
                        None => format!(" (risk {id}, not in the product)"),
                    },
                    None => " (no risk linked)".into(),
                };
                Item::new(vec![plain(pr.text.trim()), toned(risk, Tone::Muted)])
            })
            .collect();
        out.push(Block::List {
            ordered: false,
            items,
        });
    }
    route(o, out);
    inspection(o, out);
    photos(o, out);
}

fn messages(order: &Order, out: &mut Vec<Block>) {
    out.push(heading(3, "Seller messages", None));
    if order.messages.is_empty() {
        out.push(Block::Para(vec![toned(
            "No seller message recorded.",
            Tone::Muted,
        )]));
        return;
    }
    let items = order
        .messages
        .iter()
        .map(|m| {
            let when = m
                .time
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_else(|| "undated".into());
            let mut sub: Vec<Line> = m
                .text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| vec![plain(l.trim())])
                .collect();
            if !m.terms.is_empty() {
                let terms: Vec<&str> = m.terms.iter().map(|t| t.label()).collect();
                sub.push(vec![toned(
                    format!("Confirms terms: {}", terms.join(", ")),
                    Tone::Muted,
                )]);
            }
            if let Some(shot) = m.screenshot {
                let name = order
                    .photos
                    .iter()
                    .find(|p| p.id == shot)
                    .map_or("(missing photo)", |p| p.file.original_name.as_str());
                sub.push(vec![toned(format!("Chat screenshot: {name}"), Tone::Muted)]);
            }
            Item {
                line: vec![
                    toned(when, Tone::Strong),
                    plain(format!(
                        " \u{2014} confirms {} spec row{}",
                        m.confirms.len(),
                        if m.confirms.len() == 1 { "" } else { "s" }
                    )),
                ],
                sub,
            }
        })
        .collect();
    out.push(Block::List {
        ordered: false,
        items,
    });
}

fn parcels(o: &OrderSummary, out: &mut Vec<Block>) {
    let order = o.order;
    out.push(heading(3, "Parcels", None));
    if order.parcels.is_empty() {
        out.push(Block::Para(vec![toned("No parcel recorded.", Tone::Muted)]));
        return;
    }
    let rows = order
        .parcels
        .iter()
        .map(|p| {
            let photos = order
                .photos
                .iter()
                .filter(|ph| ph.parcel == Some(p.id))
                .count();
            vec![
                text_or_dash(&p.tracking),
                text_or_dash(&p.carrier),
                opt(p.arrived_on),
                opt(p.weight_kg.map(|w| format!("{} kg", fmt_num(w)))),
                vec![plain(photos.to_string())],
            ]
        })
        .collect();
    out.push(Block::Table {
        head: [
            "Tracking number",
            "Carrier",
            "At the warehouse",
            "Weight",
            "Photos",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    });
}

fn route(o: &OrderSummary, out: &mut Vec<Block>) {
    out.push(heading(3, "Route and chargeable weight", None));
    let Some(r) = &o.route else {
        out.push(Block::Para(vec![toned(
            "No shipping route chosen.",
            Tone::NotReady,
        )]));
        return;
    };
    let d = r.decision;
    let cartons: Vec<String> = d
        .cartons
        .iter()
        .map(|c| {
            format!(
                "{} \u{d7} {}\u{d7}{}\u{d7}{} cm, {} kg",
                c.count,
                fmt_num(c.length_cm),
                fmt_num(c.width_cm),
                fmt_num(c.height_cm),
                fmt_num(c.gross_kg)
            )
        })
        .collect();
    let mut facts = vec![
        (
            "Route".into(),
            vec![plain(
                r.name.map_or("(not among the project's routes)", str::trim),
            )],
        ),
        ("Cartons".into(), text_or_dash(&cartons.join("; "))),
    ];
    match &r.quote {
        Ok(q) => {
            let w = &q.weight;
            facts.push((
                "Chargeable weight".into(),
                vec![toned(
                    format!("{} kg", fmt_num(w.chargeable_kg)),
                    Tone::Strong,
                )],
            ));
            facts.push((
                "Actual / volumetric".into(),
                vec![plain(format!(
                    "{} kg / {} kg, {} m\u{b3}",
                    fmt_num(round2(w.actual_kg)),
                    fmt_num(round2(w.volumetric_kg)),
                    fmt_num((w.cbm * 1000.0).round() / 1000.0)
                ))],
            ));
            facts.push(("Cost".into(), cost_line(r.priced, q)));
        }
        Err(e) => facts.push((
            "Chargeable weight".into(),
            vec![toned(format!("cannot be computed: {e}"), Tone::NotReady)],
        )),
    }
    facts.push(("Reviewed on".into(), opt(d.reviewed_on)));
    facts.push(("Note".into(), text_or_dash(&d.note)));
    out.push(Block::Facts(facts));
}

/// "123.5 CNY", or "no price" for a route whose rates are not entered.
fn cost_line(priced: bool, q: &crate::rules::shipping::Quote) -> Line {
    if priced {
        vec![plain(format!("{} {}", fmt_num(round2(q.cost)), q.currency))]
    } else {
        vec![toned(
            "\u{26a0} no price (the route's first-weight price and price per kg are both 0)",
            Tone::Warn,
        )]
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn inspection(o: &OrderSummary, out: &mut Vec<Block>) {
    let Some(result) = &o.inspection else {
        if o.order.kind == OrderKind::Bulk {
            out.push(heading(3, "Inspection", None));
            out.push(Block::Para(vec![toned(
                "No inspection recorded.",
                Tone::NotReady,
            )]));
        }
        return;
    };
    out.push(heading(3, "Inspection (ISO 2859-1, single sampling)", None));
    let insp = o.order.inspection.as_ref();
    if let Some(i) = insp {
        out.push(Block::Para(vec![plain(format!(
            "Lot of {}, level {:?}, AQL {} major / {} minor; inspected {} by {}.",
            i.lot_size,
            i.level,
            fmt_num(i.aql_major),
            fmt_num(i.aql_minor),
            i.inspected_on.map_or_else(
                || "on an unrecorded date".to_string(),
                |d| format!("on {d}")
            ),
            if i.inspector.trim().is_empty() {
                "an unnamed inspector"
            } else {
                i.inspector.trim()
            }
        ))]));
    }
    match result {
        Err(e) => out.push(Block::Para(vec![toned(
            format!("The inspection cannot be judged: {e}."),
            Tone::NotReady,
        )])),
        Ok(r) => {
            let rows = r
                .classes
                .iter()
                .map(|c| {
                    vec![
                        vec![plain(c.class.label())],
                        vec![plain(c.plan.sample_size.to_string())],
                        vec![plain(c.plan.accept.to_string())],
                        vec![plain(c.plan.reject.to_string())],
                        vec![plain(c.found.to_string())],
                        if c.accepted {
                            vec![toned("\u{2713} accepted", Tone::Go)]
                        } else {
                            vec![toned("\u{d7} rejected", Tone::NoGo)]
                        },
                    ]
                })
                .collect();
            out.push(Block::Table {
                head: [
                    "Defects",
                    "Sample size",
                    "Accept",
                    "Reject",
                    "Found",
                    "Result",
                ]
                .map(String::from)
                .to_vec(),
                rows,
            });
            out.push(Block::Para(vec![if r.accepted {
                toned("The lot is accepted.", Tone::Go)
            } else {
                toned("The lot is rejected.", Tone::NoGo)
            }]));
        }
    }
}

fn check_word(c: Check) -> super::doc::Span {
    match c {
        Check::Pass => toned("\u{2713}", Tone::Go),
        Check::Fail => toned("\u{d7} fail", Tone::NoGo),
        Check::Unchecked => toned("\u{25cb} unchecked", Tone::NotReady),
    }
}

fn photos(o: &OrderSummary, out: &mut Vec<Block>) {
    out.push(heading(3, "Photos", None));
    if o.photos.is_empty() {
        out.push(Block::Para(vec![toned("No photos.", Tone::Muted)]));
        return;
    }
    let cards = o
        .photos
        .iter()
        .map(|ph| {
            let p = ph.photo;
            let mut caption = Vec::new();
            let tags: Vec<&str> = p.tags.iter().map(|t| t.label()).collect();
            caption.push(vec![toned(
                if tags.is_empty() {
                    "no tags".to_string()
                } else {
                    tags.join(", ")
                },
                Tone::Muted,
            )]);
            caption.push(vec![match ph.tracking {
                Some(t) => plain(format!("Parcel {t}")),
                None => toned("Not linked to a tracking number", Tone::NotReady),
            }]);
            if !p.has_tag(crate::model::Tag::ChatScreenshot) {
                let mut checks = Vec::new();
                for (i, (name, c)) in p.checks.all().into_iter().enumerate() {
                    if i > 0 {
                        checks.push(plain(", "));
                    }
                    checks.push(plain(format!("{name} ")));
                    checks.push(check_word(c));
                }
                caption.push(checks);
            }
            if !p.note.trim().is_empty() {
                caption.push(vec![plain(p.note.trim())]);
            }
            for (i, m) in p.marks.iter().enumerate() {
                let label = if m.label.trim().is_empty() {
                    "(no label)"
                } else {
                    m.label.trim()
                };
                caption.push(vec![toned(format!("Mark {}: {label}", i + 1), Tone::NoGo)]);
            }
            Card {
                photo: p.id,
                name: p.file.original_name.clone(),
                caption,
            }
        })
        .collect();
    out.push(Block::Photos(cards));
}
