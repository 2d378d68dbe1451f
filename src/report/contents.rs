//! What a decision summary says, as a [`Doc`]: per product the listing,
//! the spec brief against sample and bulk, the sample gate with every
//! reason, deviations, missing confirmations and the decision log; per order
//! the export gate's checklist with its reasons, messages, parcels, packing,
//! route and chargeable weight, inspection and photos.

use super::brief::with_term;
use super::contents_order::order;
use super::doc::{Block, Doc, Item, Line, Tone, link, plain, toned};
use super::summary::{ProductSummary, Scope, Summary, verdict_words};
use crate::model::{Call, Judgement, OrderKind, Verdict};
use crate::rules::compare::{Cell, Reference};
use crate::rules::sample_gate::judgement_words;
use crate::rules::text::{count, fmt_num};
use crate::rules::{Reason, Severity};

/// The document of a summary.
pub fn document(s: &Summary) -> Doc {
    let project = s.project;
    let mut subtitle = vec![format!(
        "Decision summary, generated {}",
        s.generated.format("%Y-%m-%d %H:%M")
    )];
    if !project.warehouse.name.trim().is_empty() {
        subtitle.push(format!("Warehouse: {}", project.warehouse.name.trim()));
    }
    subtitle.push(match s.scope {
        Scope::Project => count(s.products.len(), "product", "products"),
        Scope::Product(id) => format!("Product {id} only"),
        Scope::Order(id) => format!("Order {id} only"),
    });
    let (blank, shown) = blank_products(s);
    let mut blocks = Vec::new();
    blocks.push(Block::List {
        ordered: false,
        items: shown.iter().map(|p| overview_item(p)).collect(),
    });
    if !blank.is_empty() {
        blocks.push(blank_line(&blank));
    }
    for (i, p) in shown.into_iter().enumerate() {
        // The first product follows the overview on page 1.
        if i > 0 {
            blocks.push(Block::PageBreak);
        }
        product(p, &mut blocks);
    }
    let title = if project.name.trim().is_empty() {
        "BulkReady decision summary".to_string()
    } else {
        project.name.trim().to_string()
    };
    Doc {
        title,
        subtitle,
        blocks,
    }
}

/// The products with nothing recorded (no listing, spec, risk, order or
/// decision) and the others. In a whole-project summary the blank ones
/// share one line instead of a section each: a section of dashes per empty
/// product made a 0.6 MB project of them a 325 MB HTML file.
fn blank_products<'s, 'a>(
    s: &'s Summary<'a>,
) -> (Vec<&'s ProductSummary<'a>>, Vec<&'s ProductSummary<'a>>) {
    if s.scope != Scope::Project {
        return (Vec::new(), s.products.iter().collect());
    }
    s.products.iter().partition(|p| {
        let product = p.product;
        product.orders.is_empty()
            && product.spec.is_empty()
            && product.risks.is_empty()
            && product.listing == crate::model::Listing::default()
            && p.decisions.is_empty()
    })
}

fn blank_line(blank: &[&ProductSummary]) -> Block {
    const SHOWN: usize = 50;
    let mut names: Vec<String> = blank
        .iter()
        .take(SHOWN)
        .map(|p| {
            let name = p.product.name.trim();
            if name.is_empty() {
                format!("product {}", p.product.id)
            } else {
                name.to_string()
            }
        })
        .collect();
    if blank.len() > SHOWN {
        names.push(format!("and {} more", blank.len() - SHOWN));
    }
    Block::Para(vec![plain(format!(
        "{} nothing recorded yet (no listing, spec, risk, order or decision): {}.",
        count(blank.len(), "product has", "products have"),
        names.join(", ")
    ))])
}

pub(super) fn verdict_span(v: Verdict) -> super::doc::Span {
    toned(verdict_words(v), Tone::of(v))
}

fn overview_item(p: &ProductSummary) -> Item {
    let mut item = Item::new(vec![
        toned(p.product.name.clone(), Tone::Strong),
        plain(" \u{2014} Scale up? "),
        verdict_span(p.gate.verdict),
    ]);
    for o in &p.orders {
        item.sub.push(vec![
            plain(format!(
                "{} order {} \u{2014} Ship it? ",
                kind_word(o.order.kind),
                o.order.number
            )),
            verdict_span(o.gate.verdict),
        ]);
    }
    item
}

pub(super) fn kind_word(k: OrderKind) -> &'static str {
    match k {
        OrderKind::Sample => "Sample",
        OrderKind::Bulk => "Bulk",
    }
}

/// A reason as a line: its effect, then the sentence.
pub fn reason_line(r: &Reason) -> Line {
    let (word, tone) = match r.severity {
        Severity::Warns => ("\u{26a0} warning", Tone::Warn),
        Severity::Condition => ("\u{2713} condition", Tone::Go),
        Severity::Blocks => match r.effect {
            Verdict::NoGo => ("\u{d7} no-go", Tone::NoGo),
            _ => ("\u{25cb} not ready", Tone::NotReady),
        },
    };
    vec![toned(word, tone), plain(format!(": {}", r.message))]
}

pub(super) fn heading(level: u8, text: impl Into<String>, badge: Option<Verdict>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        badge,
    }
}

pub(super) fn opt<T: std::fmt::Display>(v: Option<T>) -> Line {
    vec![v.map_or_else(|| toned("\u{2014}", Tone::Muted), |v| plain(v.to_string()))]
}

pub(super) fn text_or_dash(s: &str) -> Line {
    if s.trim().is_empty() {
        vec![toned("\u{2014}", Tone::Muted)]
    } else {
        vec![plain(s.trim())]
    }
}

fn product(p: &ProductSummary, out: &mut Vec<Block>) {
    let product = p.product;
    let l = &product.listing;
    out.push(heading(
        1,
        format!("Product {}: {}", product.id, product.name),
        Some(p.gate.verdict),
    ));
    let price = l
        .unit_price
        .map(|x| format!("{} {}", fmt_num(x), l.currency));
    let risks: Vec<String> = product
        .risks
        .iter()
        .map(|r| {
            if r.note.trim().is_empty() {
                r.kind.label().to_string()
            } else {
                format!("{} ({})", r.kind.label(), r.note.trim())
            }
        })
        .collect();
    out.push(Block::Facts(vec![
        ("Listing".into(), vec![link(&l.url)]),
        ("Marketplace".into(), vec![plain(l.marketplace.label())]),
        ("Title".into(), text_or_dash(&l.title)),
        ("Selected variant".into(), text_or_dash(&l.variant)),
        ("SKU".into(), text_or_dash(&l.sku)),
        ("Unit price".into(), opt(price)),
        ("MOQ".into(), opt(l.moq)),
        (
            "Lead time".into(),
            opt(l.lead_time_days.map(|d| count(d as usize, "day", "days"))),
        ),
        ("Risks".into(), text_or_dash(&risks.join(", "))),
    ]));

    out.push(heading(2, "Scale up? (sample gate)", Some(p.gate.verdict)));
    out.push(reasons_block(&p.gate.reasons));

    let title = match (p.sample_number, p.bulk_number) {
        (_, Some(_)) => "Spec brief: sample vs bulk",
        (Some(_), None) => "Spec brief and the sample (no bulk order yet)",
        (None, None) => "Spec brief (no order yet)",
    };
    out.push(heading(2, title, None));
    out.push(spec_table(p));

    out.push(heading(2, "Deviations", None));
    if p.deviations.is_empty() {
        out.push(Block::Para(vec![toned("No deviations.", Tone::Muted)]));
    } else {
        let items = p
            .deviations
            .iter()
            .map(|d| {
                let mut line = vec![toned(with_term(&d.row), Tone::Strong)];
                if d.critical {
                    line.push(toned(" (critical)", Tone::NoGo));
                }
                if d.accepted {
                    line.push(toned(" (accepted with the sample)", Tone::Muted));
                }
                line.push(plain(format!(
                    ", {} order {}: expected \u{201c}{}\u{201d} ({}), observed \u{201c}{}\u{201d}",
                    d.kind.label(),
                    d.order_number,
                    d.expected,
                    d.against,
                    d.observed,
                )));
                if let Some(x) = d.detail() {
                    line.push(plain(format!(": {x}")));
                }
                Item::new(line)
            })
            .collect();
        out.push(Block::List {
            ordered: false,
            items,
        });
    }

    out.push(heading(2, "Missing seller confirmations", None));
    let mut missing: Vec<Item> = p
        .unconfirmed_rows
        .iter()
        .filter_map(|id| product.spec.iter().find(|s| s.id == *id))
        .map(|s| Item::new(vec![plain(format!("Spec row: {}", with_term(&s.name)))]))
        .collect();
    missing.extend(
        p.unconfirmed_terms
            .iter()
            .map(|t| Item::new(vec![plain(format!("Term: {}", t.label()))])),
    );
    if missing.is_empty() {
        out.push(Block::Para(vec![toned(
            "Every spec row and term is confirmed by a seller message.",
            Tone::Muted,
        )]));
    } else {
        out.push(Block::List {
            ordered: false,
            items: missing,
        });
    }

    out.push(heading(2, "Decision log", None));
    if p.decisions.is_empty() {
        out.push(Block::Para(vec![toned(
            "No decision signed yet.",
            Tone::Muted,
        )]));
    } else {
        let rows = p
            .decisions
            .iter()
            .map(|d| {
                let dec = d.decision;
                let mut signed = vec![verdict_span(dec.signed)];
                if dec.signed != dec.computed {
                    signed.push(toned(" (override)", Tone::Warn));
                }
                vec![
                    vec![plain(dec.time.format("%Y-%m-%d %H:%M").to_string())],
                    text_or_dash(&dec.reviewer),
                    vec![plain(d.subject.clone())],
                    vec![verdict_span(dec.computed)],
                    signed,
                    reason_and_conditions(dec),
                    if d.stale {
                        vec![toned("\u{26a0} evidence changed since", Tone::Warn)]
                    } else {
                        vec![toned("current", Tone::Muted)]
                    },
                ]
            })
            .collect();
        out.push(Block::Table {
            head: [
                "Signed",
                "Reviewer",
                "About",
                "Computed",
                "Signed as",
                "Reason",
                "Evidence",
            ]
            .map(String::from)
            .to_vec(),
            rows,
        });
    }

    for o in &p.orders {
        order(product, o, out);
    }
}

/// Brief | sample | bulk, a column only for an order that exists (no
/// column of "missing" when there is no bulk order yet).
fn spec_table(p: &ProductSummary) -> Block {
    let sample = p.sample_number.map(|n| format!("Sample ({n})"));
    let bulk = p.bulk_number.map(|n| format!("Bulk ({n})"));
    let rows = p
        .comparison
        .rows
        .iter()
        .map(|row| {
            let mut name = vec![plain(row.name.clone())];
            if row.critical {
                name.push(toned(" (critical)", Tone::Strong));
            }
            let mut cells = vec![name, vec![plain(row.brief.clone())]];
            if sample.is_some() {
                cells.push(judged_line(&row.sample, row.sample_call.as_ref()));
            }
            if bulk.is_some() {
                let mut b = judged_line(&row.bulk, row.bulk_call.as_ref());
                if let Reference::AcceptedSample(_) = row.bulk_reference {
                    b.push(toned(" (vs accepted sample)", Tone::Muted));
                }
                b.extend(colour_span(p, row.spec));
                cells.push(b);
            }
            cells
        })
        .collect();
    let mut head = vec!["Spec row".to_string(), "Brief".to_string()];
    head.extend(sample);
    head.extend(bulk);
    Block::Table { head, rows }
}

/// The colour measured between sample and bulk photos for a row, if any:
/// " colour ΔE00 7.4 (photo estimate, …): likely a different colour; …".
fn colour_span(p: &ProductSummary, spec: crate::model::SpecId) -> Option<super::doc::Span> {
    let bulk = p
        .comparison
        .bulk_order
        .and_then(|id| p.product.orders.iter().find(|o| o.id == id))?;
    let reading = crate::rules::colour::reading_of(bulk, spec)?;
    let tone = match reading.band {
        crate::model::ColourBand::Consistent => Tone::Go,
        crate::model::ColourBand::AskForDaylight => Tone::Warn,
        crate::model::ColourBand::LikelyDifferent => Tone::NoGo,
    };
    Some(toned(format!(" colour {}", reading.summary()), tone))
}

fn reasons_block(reasons: &[Reason]) -> Block {
    if reasons.is_empty() {
        return Block::Para(vec![toned(
            "No reasons against: every rule passes.",
            Tone::Go,
        )]);
    }
    Block::List {
        ordered: false,
        items: reasons.iter().map(|r| Item::new(reason_line(r))).collect(),
    }
}

/// A decision's reason, then the conditions of its GO.
fn reason_and_conditions(d: &crate::model::Decision) -> Line {
    if d.conditions.is_empty() {
        return text_or_dash(&d.reason);
    }
    let mut line = Vec::new();
    if !d.reason.trim().is_empty() {
        line.push(plain(format!("{} ", d.reason.trim())));
    }
    line.push(toned("Conditions:", Tone::Strong));
    for (i, c) in d.conditions.iter().enumerate() {
        line.push(plain(format!(" {}. {c}", i + 1)));
    }
    line
}

/// A table cell, with the buyer's call when it settles the cell: "✓ 350 ml
/// (matches by Li on 2026-11-22: “same wording”)".
pub fn judged_line(c: &Cell, call: Option<&Judgement>) -> Line {
    let Some(j) = call else {
        return cell_line(c);
    };
    let observed = match c {
        Cell::Deviation { observed, .. } | Cell::Unreadable { observed, .. } => observed,
        Cell::Match { .. } | Cell::Missing => return cell_line(c),
    };
    let mut line = vec![toned("\u{2713} ", Tone::Go), plain(observed.clone())];
    if let (Call::AcceptDeviation, Cell::Deviation { difference, .. }) = (j.call, c)
        && !difference.contains(observed.as_str())
    {
        line.push(plain(format!(" ({difference})")));
    }
    line.push(toned(
        format!(" {}{}", j.call.label(), judgement_words(j)),
        Tone::Muted,
    ));
    line
}

/// A table cell: "✓ match: …", "× deviation: … (difference)", "○ missing",
/// "⚠ unreadable: … (problem)".
pub fn cell_line(c: &Cell) -> Line {
    match c {
        Cell::Match { observed } => vec![toned("\u{2713} ", Tone::Go), plain(observed.clone())],
        Cell::Deviation {
            observed,
            difference,
        } => {
            let mut line = vec![toned("\u{d7} ", Tone::NoGo), plain(observed.clone())];
            // A text row's difference only repeats the two values.
            if !difference.contains(observed.as_str()) {
                line.push(toned(format!(" ({difference})"), Tone::NoGo));
            }
            line
        }
        Cell::Missing => vec![toned("\u{25cb} missing", Tone::NotReady)],
        Cell::Unreadable { observed, problem } => vec![
            toned("\u{26a0} ", Tone::Warn),
            plain(observed.clone()),
            toned(format!(" ({problem})"), Tone::Warn),
        ],
    }
}
