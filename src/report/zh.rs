//! Chinese words for the things a brief or a request names: spec rows,
//! photo checks, terms, risks, order kinds and yes/no. Fixed vocabulary,
//! chosen by hand; anything else is quoted as the buyer typed it.

use super::lang::{Said, q};
use crate::model::{OrderKind, RiskKind, Term};

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// The Chinese term for a spec row or term name, unless the name already
/// has Chinese in it.
pub fn chinese_term(name: &str) -> Option<&'static str> {
    if name.chars().any(is_cjk) {
        return None;
    }
    let n = name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    const TERMS: [(&[&str], &str); 18] = [
        (&["colour", "color"], "颜色"),
        (&["barcode"], "条码"),
        (&["material", "fabric"], "材质"),
        (&["packag", "packing", "box", "carton"], "包装"),
        (&["accessor", "parts", "bag"], "配件"),
        (&["label", "logo", "print"], "标签"),
        (&["height"], "高度"),
        (&["width"], "宽度"),
        (&["length"], "长度"),
        (&["size", "dimension", "edge"], "尺寸"),
        (&["weight"], "重量"),
        (&["capacity", "volume"], "容量"),
        (&["quantity", "pieces", "per set", "pcs"], "数量"),
        (&["mould", "mold"], "模具"),
        (&["moq"], "起订量"),
        (&["lead time"], "交期"),
        (&["defect"], "次品"),
        (&["photo"], "照片"),
    ];
    TERMS
        .iter()
        .find(|(words, _)| has(words))
        .map(|(_, zh)| *zh)
}

/// "Colour (颜色)" or the name as it is.
pub fn with_term(name: &str) -> String {
    match chinese_term(name) {
        Some(zh) => format!("{} ({zh})", name.trim()),
        None => name.trim().to_string(),
    }
}

/// A spec row's name for a Chinese sentence: the Chinese the buyer wrote in
/// it ("Colour 颜色" → 颜色), else the term for it, else the name quoted.
pub fn row_zh(name: &str) -> String {
    let cjk: String = name
        .split_whitespace()
        .filter(|w| w.chars().any(is_cjk))
        .collect::<Vec<_>>()
        .join(" ");
    if !cjk.is_empty() {
        return cjk;
    }
    chinese_term(name).map_or_else(|| q(name), str::to_string)
}

/// A photo check ("model", "quantity", "accessories", "damage").
pub fn check_zh(name: &str) -> &'static str {
    match name {
        "model" => "型号",
        "quantity" => "数量",
        "accessories" => "配件",
        "damage" => "破损",
        _ => "检查项",
    }
}

/// "样品" or "大货", and "the sample" or "the bulk goods".
pub fn kind(k: OrderKind) -> Said {
    match k {
        OrderKind::Sample => Said::new("样品", "the sample"),
        OrderKind::Bulk => Said::new("大货", "the bulk goods"),
    }
}

/// A typed yes/no answer in Chinese, other values as they are.
pub fn value_zh(v: &str) -> String {
    match v.trim() {
        "yes" => "有".into(),
        "no" => "没有".into(),
        other => q(other),
    }
}

/// The risk in Chinese ("易碎", "带电池"…).
pub fn risk_zh(k: RiskKind) -> &'static str {
    match k {
        RiskKind::Fragile => "易碎",
        RiskKind::Battery => "带电池",
        RiskKind::Liquid => "液体",
        RiskKind::Magnet => "带磁",
        RiskKind::SmallParts => "小零件",
        RiskKind::Textile => "纺织品",
        RiskKind::Powder => "粉末",
        RiskKind::Other => "特殊",
    }
}

/// The request to confirm a term, in both languages.
pub fn term_request(t: Term) -> Said {
    let same = |zh: &str, en: &str| {
        Said::new(
            format!("请确认大货{zh}与样品一致。"),
            format!("Please confirm that the bulk {en} as the sample."),
        )
    };
    match t {
        Term::SameMaterial => same("的材质", "uses the same material (材质)"),
        Term::SameMould => same("使用同一个模具，做工", "uses the same mould (模具)"),
        Term::SameColourBatch => same("的颜色（同一色号批次）", "has the same colour batch (颜色)"),
        Term::SamePackaging => same("的包装", "has the same packaging (包装)"),
        Term::SameAccessories => same("的配件", "has the same accessories (配件)"),
        Term::Moq => Said::new(
            "请确认起订量。",
            "Please confirm the minimum order quantity (起订量).",
        ),
        Term::LeadTime => Said::new(
            "请确认大货的交期（下单后多少天发货）。",
            "Please confirm the lead time (交期) for the bulk order.",
        ),
        Term::CartonSize => Said::new(
            "请确认外箱尺寸和每箱装多少个。",
            "Please confirm the carton size (外箱尺寸) and how many units per carton.",
        ),
        Term::GrossWeight => Said::new(
            "请确认每箱的毛重。",
            "Please confirm the gross weight (毛重) per carton.",
        ),
        Term::DefectHandling => Said::new(
            "请确认次品怎么处理（换货还是退款）。",
            "Please confirm how defective units (次品) are replaced or refunded.",
        ),
        Term::PreShipmentPhotos => Said::new(
            "请确认发货前会拍照给我们确认。",
            "Please confirm that you will send photos of the goods before dispatch (发货前拍照).",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_terms_go_beside_english_fields_only() {
        let cases = [
            ("Colour", Some("颜色")),
            ("Width", Some("宽度")),
            ("Material", Some("材质")),
            ("Packaging", Some("包装")),
            ("Accessories", Some("配件")),
            ("Barcode space on box", Some("条码")),
            ("Colour 颜色", None),
            ("Smell", None),
        ];
        for (name, want) in cases {
            assert_eq!(chinese_term(name), want, "{name}");
        }
        assert_eq!(with_term(" Colour "), "Colour (颜色)");
        assert_eq!(with_term("Material 材质"), "Material 材质");
    }

    #[test]
    fn row_names_in_chinese_sentences() {
        assert_eq!(row_zh("Colour 颜色"), "颜色");
        assert_eq!(row_zh("Storage bag 配件"), "配件");
        assert_eq!(row_zh("Capacity"), "容量");
        assert_eq!(row_zh("Smell"), "\u{201c}Smell\u{201d}");
        assert_eq!(value_zh("yes"), "有");
        assert_eq!(value_zh("navy"), "\u{201c}navy\u{201d}");
    }
}
