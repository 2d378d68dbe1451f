//! The supplier brief: the deviations and the missing confirmations as a
//! numbered list the buyer can paste into the seller chat, in English with
//! the Chinese term beside a field where it helps (颜色 colour, 尺寸 size,
//! 材质 material, 包装 packaging, 配件 accessories…).

use super::summary::{ProductSummary, Summary};
use crate::model::{Check, OrderKind, Tag, Term};

/// The Chinese term for a spec row or term name, unless the name already
/// has Chinese in it.
pub fn chinese_term(name: &str) -> Option<&'static str> {
    if name.chars().any(is_cjk) {
        return None;
    }
    let n = name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    Some(if has(&["colour", "color"]) {
        "颜色"
    } else if has(&["material", "fabric"]) {
        "材质"
    } else if has(&["packag", "packing", "box", "carton"]) {
        "包装"
    } else if has(&["accessor", "parts", "bag"]) {
        "配件"
    } else if has(&["label", "barcode", "logo", "print"]) {
        "标签"
    } else if has(&["size", "width", "height", "length", "dimension", "edge"]) {
        "尺寸"
    } else if has(&["weight"]) {
        "重量"
    } else if has(&["capacity", "volume"]) {
        "容量"
    } else if has(&["quantity", "pieces", "per set", "pcs"]) {
        "数量"
    } else if has(&["mould", "mold"]) {
        "模具"
    } else if has(&["moq"]) {
        "起订量"
    } else if has(&["lead time"]) {
        "交期"
    } else if has(&["defect"]) {
        "次品"
    } else if has(&["photo"]) {
        "照片"
    } else {
        return None;
    })
}

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// "Colour (颜色)" or the name as it is.
pub fn with_term(name: &str) -> String {
    match chinese_term(name) {
        Some(zh) => format!("{} ({zh})", name.trim()),
        None => name.trim().to_string(),
    }
}

fn term_request(t: Term) -> String {
    let what = match t {
        Term::SameMaterial => "the bulk uses the same material (材质) as the sample",
        Term::SameMould => "the bulk uses the same mould (模具) as the sample",
        Term::SameColourBatch => "the bulk has the same colour batch (颜色) as the sample",
        Term::SamePackaging => "the bulk has the same packaging (包装) as the sample",
        Term::SameAccessories => "the bulk has the same accessories (配件) as the sample",
        Term::Moq => return "Please confirm the minimum order quantity (起订量).".into(),
        Term::LeadTime => return "Please confirm the lead time (交期) for the bulk order.".into(),
        Term::CartonSize => {
            return "Please confirm the carton size (外箱尺寸) and how many units per carton."
                .into();
        }
        Term::GrossWeight => return "Please confirm the gross weight (毛重) per carton.".into(),
        Term::DefectHandling => {
            return "Please confirm how defective units (次品) are replaced or refunded.".into();
        }
        Term::PreShipmentPhotos => {
            return "Please send photos of the goods before dispatch (发货前拍照).".into();
        }
    };
    format!("Please confirm that {what}.")
}

/// The numbered requests of one product.
pub fn requests(p: &ProductSummary) -> Vec<String> {
    let mut out = Vec::new();
    for d in &p.deviations {
        let order = match d.kind {
            OrderKind::Sample => "the sample",
            OrderKind::Bulk => "the bulk goods",
        };
        let critical = if d.critical { " This is critical." } else { "" };
        let detail = d.detail().map_or(String::new(), |x| format!(" ({x})"));
        out.push(format!(
            "{}: we need \u{201c}{}\u{201d}; {order} (order {}) shows \u{201c}{}\u{201d}{detail}.{critical} Please correct it.",
            with_term(&d.row),
            d.expected,
            d.order_number,
            d.observed,
        ));
    }
    for o in &p.orders {
        for ph in &o.photos {
            let photo = ph.photo;
            if photo.has_tag(Tag::ChatScreenshot) {
                continue;
            }
            let failed: Vec<&str> = photo
                .checks
                .all()
                .iter()
                .filter(|(_, c)| *c == Check::Fail)
                .map(|(n, _)| *n)
                .collect();
            let marks: Vec<&str> = photo
                .marks
                .iter()
                .map(|m| m.label.trim())
                .filter(|l| !l.is_empty())
                .collect();
            if failed.is_empty() && marks.is_empty() && !photo.has_tag(Tag::Defect) {
                continue;
            }
            let mut what = Vec::new();
            if !marks.is_empty() {
                what.push(marks.join("; "));
            }
            if !failed.is_empty() {
                what.push(format!("failed check: {}", failed.join(", ")));
            }
            if what.is_empty() {
                what.push("a defect".into());
            }
            out.push(format!(
                "Our warehouse photo {} of order {} shows: {}. Please explain and fix this.",
                photo.file.original_name,
                o.order.number,
                what.join("; ")
            ));
        }
    }
    for id in &p.unconfirmed_rows {
        if let Some(row) = p.product.spec.iter().find(|s| s.id == *id) {
            out.push(format!(
                "Please confirm in writing: {}: {}.",
                with_term(&row.name),
                crate::rules::compare::describe(&row.expected)
            ));
        }
    }
    out.extend(p.unconfirmed_terms.iter().map(|t| term_request(*t)));
    out
}

/// The whole brief as plain text.
pub fn brief_text(summary: &Summary) -> String {
    let mut out = String::new();
    for p in &summary.products {
        let product = p.product;
        let numbers: Vec<&str> = p.orders.iter().map(|o| o.order.number.as_str()).collect();
        out.push_str(&format!("Hello, about {}", product.name));
        if !product.listing.title.trim().is_empty() {
            out.push_str(&format!(" ({})", product.listing.title.trim()));
        }
        if !product.listing.variant.trim().is_empty() {
            out.push_str(&format!(
                ", option \u{201c}{}\u{201d}",
                product.listing.variant.trim()
            ));
        }
        if !numbers.is_empty() {
            out.push_str(&format!(", order {}", numbers.join(", ")));
        }
        out.push_str(":\n");
        let items = requests(p);
        if items.is_empty() {
            out.push_str("Everything matches what we agreed. Thank you!\n\n");
            continue;
        }
        out.push_str("please check these points before we order more:\n");
        for (i, item) in items.iter().enumerate() {
            out.push_str(&format!("{}. {item}\n", i + 1));
        }
        out.push_str("Thank you!\n\n");
    }
    if summary.products.is_empty() {
        out.push_str("There are no products to brief the supplier on.\n");
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_terms_go_beside_english_fields_only() {
        let cases = [
            ("Colour", Some("颜色")),
            ("Width", Some("尺寸")),
            ("Material", Some("材质")),
            ("Packaging", Some("包装")),
            ("Accessories", Some("配件")),
            ("Colour 颜色", None),
            ("Smell", None),
        ];
        for (name, want) in cases {
            assert_eq!(chinese_term(name), want, "{name}");
        }
        assert_eq!(with_term(" Colour "), "Colour (颜色)");
        assert_eq!(with_term("Material 材质"), "Material 材质");
    }
}
