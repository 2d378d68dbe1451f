//! The photo and measurement request for the warehouse: per order, a
//! numbered list in Chinese and English of the photos to take and the
//! measurements to make, from what is still open (no carton-label or
//! parcel-count photo, a spec row with no value or a deviating one) and the
//! product's risks (the packing done as requested). For pasting into the
//! forwarding agent's chat.

use super::lang::{Lang, Said, heading, numbered, para, q};
use super::summary::{OrderSummary, ProductSummary, Scope, ScopeError, Summary};
use super::zh::{chinese_term, kind, risk_zh, row_zh, with_term};
use crate::model::{Check, Expected, Order, Project, RiskKind, SpecItem, Tag, Unit};
use crate::rules::compare::{Cell, describe, judge};
use chrono::NaiveDateTime;

/// The request for one order.
#[derive(Clone, Debug, PartialEq)]
pub struct OrderRequest {
    /// "订单 123（大货，Ceramic mug）"
    pub header: Said,
    pub items: Vec<Said>,
}

/// The cell of `row` for `order`: the comparison's when it compared this
/// order, else judged against the brief.
fn cell(p: &ProductSummary, order: &Order, row: &SpecItem) -> Cell {
    let c = &p.comparison;
    let compared = c.rows.iter().find(|r| r.spec == row.id);
    match compared {
        Some(r) if c.sample_order == Some(order.id) => r.sample.clone(),
        Some(r) if c.bulk_order == Some(order.id) => r.bulk.clone(),
        _ => judge(
            &row.expected,
            &crate::rules::compare::observed_value(order, row).unwrap_or_default(),
        ),
    }
}

fn tracking_list(order: &Order, which: impl Fn(&crate::model::Parcel) -> bool) -> Vec<&str> {
    order
        .parcels
        .iter()
        .filter(|p| !p.tracking.trim().is_empty() && which(p))
        .map(|p| p.tracking.trim())
        .collect()
}

fn parcels(order: &Order, out: &mut Vec<Said>) {
    let has_label = |id| {
        order
            .photos
            .iter()
            .any(|ph| ph.parcel == Some(id) && ph.has_tag(Tag::CartonLabel))
    };
    let unlabelled = tracking_list(order, |p| !has_label(p.id));
    if !unlabelled.is_empty() {
        out.push(Said::new(
            format!(
                "请拍每个包裹的外箱标签（快递面单），要能看清快递单号：{}。",
                unlabelled.join("、")
            ),
            format!(
                "Photograph the carton label of each parcel with the tracking number readable: {}.",
                unlabelled.join(", ")
            ),
        ));
    }
    let counted = order.photos.iter().any(|ph| ph.has_tag(Tag::ParcelCount));
    let n = order.parcels.len();
    if !counted && (n > 1 || order.kind == crate::model::OrderKind::Bulk) && n > 0 {
        out.push(Said::new(
            format!("请把这个订单的所有包裹放在一起拍一张照片，能数清件数（应为 {n} 件）。"),
            format!("Take one photo of all the parcels of this order together, so they can be counted ({n} expected)."),
        ));
    }
    let unweighed = tracking_list(order, |p| p.weight_kg.is_none());
    if !unweighed.is_empty() {
        out.push(Said::new(
            format!(
                "请称每个包裹的重量并拍下秤的读数：{}。",
                unweighed.join("、")
            ),
            format!(
                "Weigh each parcel and photograph the scale reading: {}.",
                unweighed.join(", ")
            ),
        ));
    }
}

fn is_accessory_row(row: &SpecItem) -> bool {
    let n = row.name.to_lowercase();
    n.contains("accessor") || n.contains("配件") || chinese_term(&row.name) == Some("配件")
}

fn accessories(p: &ProductSummary, order: &Order, out: &mut Vec<Said>) {
    let rows: Vec<&SpecItem> = p
        .product
        .spec
        .iter()
        .filter(|r| is_accessory_row(r))
        .collect();
    let open_check = order
        .photos
        .iter()
        .filter(|ph| !ph.has_tag(Tag::ChatScreenshot))
        .any(|ph| ph.checks.accessories != Check::Pass);
    let shown = order
        .photos
        .iter()
        .any(|ph| ph.has_tag(Tag::Accessories) && ph.checks.accessories == Check::Pass);
    if shown || (rows.is_empty() && !open_check) {
        return;
    }
    let names: Vec<String> = rows.iter().map(|r| row_zh(&r.name)).collect();
    let names_en: Vec<String> = rows.iter().map(|r| with_term(&r.name)).collect();
    let (more_zh, more_en) = if rows.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!("（应有：{}）", names.join("、")),
            format!(" (expected: {})", names_en.join(", ")),
        )
    };
    out.push(Said::new(
        format!("请把商品和全部配件摊开摆在一起拍照，每样都要看得见{more_zh}。"),
        format!("Lay out the item with all its accessories and photograph them, every piece visible{more_en}."),
    ));
}

/// A ruler, a scale or daylight for each row still open on this order.
fn measurements(p: &ProductSummary, order: &Order, out: &mut Vec<Said>) {
    for row in &p.product.spec {
        if cell(p, order, row).is_match() {
            continue;
        }
        let (zh, en, brief) = (
            row_zh(&row.name),
            with_term(&row.name),
            describe(&row.expected),
        );
        let said = match &row.expected {
            Expected::Number {
                unit: Unit::Mm | Unit::Cm | Unit::M,
                ..
            } => Said::new(
                format!("请把尺子沿着商品放好量{zh}，拍照时刻度要清楚（要求 {brief}）。"),
                format!(
                    "Lay a ruler along the item to measure the {en} and photograph it with the scale readable (brief: {brief})."
                ),
            ),
            Expected::Number {
                unit: Unit::G | Unit::Kg,
                ..
            } => Said::new(
                format!("请把一件商品放在电子秤上拍照，读数要清楚（{zh}要求 {brief}）。"),
                format!(
                    "Put one item on the scale and photograph the reading ({en}, brief: {brief})."
                ),
            ),
            Expected::Text(t) if chinese_term(&row.name) == Some("颜色") || zh.contains('色') => {
                Said::new(
                    format!(
                        "请在自然光下（靠窗，不开闪光灯）拍一张商品照片，用来核对颜色（要求 {}）。",
                        q(t)
                    ),
                    format!(
                        "Take a daylight photo of the item (by a window, no flash) to check the colour (brief: {}).",
                        q(t)
                    ),
                )
            }
            _ => continue,
        };
        out.push(said);
    }
}

fn packing(p: &ProductSummary, order: &Order, out: &mut Vec<Said>) {
    let risks = &p.product.risks;
    for pr in &order.packing {
        let risk = pr.risk.and_then(|id| risks.iter().find(|r| r.id == id));
        let (zh, en) = risk.map_or((String::new(), String::new()), |r| {
            (
                format!("（针对{}风险）", risk_zh(r.kind)),
                format!(" (for the {} risk)", r.kind.label()),
            )
        });
        out.push(Said::new(
            format!("请按要求包装，并拍下包装好的照片：{}{zh}。", q(&pr.text)),
            format!(
                "Pack as requested and photograph the result: {}{en}.",
                q(&pr.text)
            ),
        ));
    }
    for r in risks {
        if !order.packing.iter().any(|pr| pr.risk == Some(r.id)) {
            out.push(Said::new(
                format!(
                    "商品有{}风险：请拍打包后的照片，看清防护措施。",
                    risk_zh(r.kind)
                ),
                format!(
                    "The item has a {} risk: photograph the packing with the protection visible.",
                    r.kind.label()
                ),
            ));
        }
    }
}

fn risks(p: &ProductSummary, order: &Order, out: &mut Vec<Said>) {
    let damage_failed = order
        .photos
        .iter()
        .any(|ph| ph.checks.damage == Check::Fail);
    let has = |k: RiskKind| p.product.risks.iter().any(|r| r.kind == k);
    if damage_failed || has(RiskKind::Fragile) {
        out.push(Said::new(
            "请开箱检查商品有无破损，有破损的请拍近照。",
            "Open the parcels and check the items for damage; photograph any damage close up.",
        ));
    }
    if has(RiskKind::Battery) {
        out.push(Said::new(
            "请拍电池或产品上的电池标识（型号、容量、Wh），用来确认运输渠道。",
            "Photograph the battery or its label (model, capacity, Wh) to choose the shipping route.",
        ));
    }
    if has(RiskKind::Liquid) {
        out.push(Said::new(
            "请检查有无漏液，并拍照。",
            "Check for leaks and photograph the items.",
        ));
    }
}

/// The request for one order of a product.
pub fn order_request(p: &ProductSummary, o: &OrderSummary) -> OrderRequest {
    let order = o.order;
    let k = kind(order.kind).zh;
    let header = Said::new(
        format!("订单 {}（{k}，{}）", order.number, p.product.name.trim()),
        format!(
            "Order {} ({}, {})",
            order.number,
            order.kind.label(),
            p.product.name.trim()
        ),
    );
    let mut items = Vec::new();
    parcels(order, &mut items);
    accessories(p, order, &mut items);
    measurements(p, order, &mut items);
    packing(p, order, &mut items);
    risks(p, order, &mut items);
    OrderRequest { header, items }
}

/// Every order's request as plain text in `lang`.
pub fn request_text(summary: &Summary, lang: Lang) -> String {
    let mut out = String::new();
    para(
        &mut out,
        &Said::new("拍照和测量要求", "Photo and measurement request"),
        lang,
    );
    let mut any = false;
    for p in &summary.products {
        for o in &p.orders {
            any = true;
            let r = order_request(p, o);
            out.push('\n');
            out.push_str(&heading(&r.header, lang));
            out.push('\n');
            if r.items.is_empty() {
                para(
                    &mut out,
                    &Said::new(
                        "这个订单不需要额外拍照。",
                        "No extra photos needed for this order.",
                    ),
                    lang,
                );
            } else {
                numbered(&mut out, &r.items, 1, lang);
            }
        }
    }
    if !any {
        out.push('\n');
        para(
            &mut out,
            &Said::new("没有订单。", "There are no orders."),
            lang,
        );
    }
    out.trim_end().to_string()
}

/// The request for `scope` at `now`, for the window's "copy to clipboard"
/// (the same text as `export --format request`).
pub fn warehouse_request(
    project: &Project,
    scope: Scope,
    now: NaiveDateTime,
    lang: Lang,
) -> Result<String, ScopeError> {
    crate::report::text(project, scope, crate::report::Text::Request, lang, now)
}
