//! The supplier brief: what the seller should correct, what the buyer
//! accepted, what the seller should confirm in writing and which photos to
//! send, as numbered sentences in Simplified Chinese with the English under
//! each ([`Lang`]). Sentences come from the templates here and in
//! [`super::zh`]; typed values are quoted as typed, never translated.

use super::lang::{Lang, Said, heading, numbered, para, q};
use super::summary::{Deviation, ProductSummary, Scope, ScopeError, Summary};
use super::zh::{check_zh, kind, row_zh, term_request, value_zh};
use crate::model::{Check, Expected, Product, Project, SpecItem, Tag, Tolerance, Unit};
use crate::rules::compare::{
    convert, describe, parse_count, parse_quantity, reference_from_sample,
};
use crate::rules::text::fmt_num;
use chrono::NaiveDateTime;

pub use super::zh::{chinese_term, with_term};

/// The brief of one product, section by section.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProductBrief {
    pub greeting: Option<Said>,
    /// Deviations to correct and problems the warehouse photos show.
    pub correct: Vec<Said>,
    /// Deviations the buyer accepted: listed, not to be corrected.
    pub accepted: Vec<Said>,
    /// Spec rows and terms no seller message confirms.
    pub confirm: Vec<Said>,
    /// Photos the seller should send.
    pub photos: Vec<Said>,
}

impl ProductBrief {
    fn sections(&self) -> [(Said, &[Said]); 4] {
        [
            (Said::new("需要改正", "To correct"), &self.correct),
            (
                Said::new("已接受（不用改）", "Accepted (no change needed)"),
                &self.accepted,
            ),
            (
                Said::new("请书面确认", "Please confirm in writing"),
                &self.confirm,
            ),
            (Said::new("请发照片", "Photos to send"), &self.photos),
        ]
    }

    /// Whether there is anything to ask of the seller.
    pub fn asks_nothing(&self) -> bool {
        self.correct.is_empty() && self.confirm.is_empty() && self.photos.is_empty()
    }
}

fn greeting(p: &ProductSummary) -> Said {
    let product = p.product;
    let l = &product.listing;
    let numbers: Vec<&str> = p.orders.iter().map(|o| o.order.number.as_str()).collect();
    let title = l.title.trim();
    let variant = l.variant.trim();
    let mut zh = format!(
        "您好！关于{}",
        q(if title.is_empty() {
            &product.name
        } else {
            title
        })
    );
    let mut en = format!("Hello, about {}", product.name.trim());
    let mut zh_more = Vec::new();
    if !title.is_empty() {
        en.push_str(&format!(" ({title})"));
    }
    if !variant.is_empty() {
        zh_more.push(format!("规格：{variant}"));
        en.push_str(&format!(", variant {}", q(variant)));
    }
    if !numbers.is_empty() {
        zh_more.push(format!("订单号：{}", numbers.join("、")));
        en.push_str(&format!(", order {}", numbers.join(", ")));
    }
    if !zh_more.is_empty() {
        zh.push_str(&format!("（{}）", zh_more.join("；")));
    }
    Said::new(format!("{zh}："), format!("{en}:"))
}

fn with_unit(x: f64, unit: Unit) -> String {
    match unit {
        Unit::None => fmt_num(x),
        u => format!("{} {}", fmt_num(x), u.symbol()),
    }
}

fn row<'a>(product: &'a Product, d: &Deviation) -> Option<&'a SpecItem> {
    product.spec.iter().find(|s| s.id == d.spec)
}

/// How far the measured value is off, in Chinese: "相差 +0.3 cm，允许误差
/// ±0.2 cm", "少了 2 个". None for text and yes/no rows.
pub fn measured_zh(product: &Product, d: &Deviation) -> Option<String> {
    let row = row(product, d)?;
    let reference = if d.against == "the brief" {
        row.expected.clone()
    } else {
        reference_from_sample(row, &d.expected)?
    };
    match reference {
        Expected::Number {
            value,
            unit,
            tolerance,
        } => {
            let (got, typed) = parse_quantity(&d.observed).ok()?;
            let got = convert(got, typed.unwrap_or(unit), unit)?;
            let diff = with_unit(got - value, unit);
            let diff = if diff.starts_with('-') {
                diff
            } else {
                format!("+{diff}")
            };
            let tol = match tolerance {
                Tolerance::Absolute(t) => with_unit(t.abs(), unit),
                Tolerance::Percent(p) => format!("{}%", fmt_num(p.abs())),
            };
            Some(format!("相差 {diff}，允许误差 \u{b1}{tol}"))
        }
        Expected::Count(n) => {
            let got = i64::from(parse_count(&d.observed).ok()?);
            let diff = got - i64::from(n);
            Some(if diff > 0 {
                format!("多了 {diff} 个")
            } else {
                format!("少了 {} 个", -diff)
            })
        }
        Expected::Text(_) | Expected::YesNo(_) | Expected::Barcode(_) => None,
    }
}

fn wanted(d: &Deviation) -> Said {
    if d.against == "the brief" {
        Said::new(value_zh(&d.expected), q(&d.expected))
    } else {
        Said::new(
            format!("与确认过的样品一致（{}）", value_zh(&d.expected)),
            format!("the same as the accepted sample ({})", q(&d.expected)),
        )
    }
}

/// "Colour: we need “misty blue”; the bulk goods (order 1) are “navy”…"
pub fn deviation(product: &Product, d: &Deviation) -> Said {
    let (which, want) = (kind(d.kind), wanted(d));
    let (row_z, row_e) = (row_zh(&d.row), with_term(&d.row));
    let n = &d.order_number;
    if d.unreadable {
        return Said::new(
            format!(
                "{row_z}：{}（订单号 {n}）记录的是{}，我们无法核对。请告诉我们实际的{row_z}（我们要求{}）。",
                which.zh,
                q(&d.observed),
                want.zh
            ),
            format!(
                "{row_e}: we cannot read {} recorded for {} (order {n}). Please tell us the actual value (we need {}).",
                q(&d.observed),
                which.en,
                want.en
            ),
        );
    }
    let diff_zh = measured_zh(product, d).map_or(String::new(), |x| format!("（{x}）"));
    let diff_en = d.detail().map_or(String::new(), |x| format!(" ({x})"));
    let (crit_zh, crit_en) = if d.critical {
        ("这是关键项。", " This is critical.")
    } else {
        ("", "")
    };
    Said::new(
        format!(
            "{row_z}：我们要求{}，{}（订单号 {n}）实际是{}{diff_zh}。{crit_zh}请改正，改好后发照片给我们确认。",
            want.zh,
            which.zh,
            value_zh(&d.observed)
        ),
        format!(
            "{row_e}: we need {}; {} (order {n}) is {}{diff_en}.{crit_en} Please correct it and send us a photo.",
            want.en,
            which.en,
            q(&d.observed)
        ),
    )
}

/// An accepted deviation, listed so the seller keeps it as it is.
pub fn accepted(d: &Deviation) -> Said {
    let which = kind(d.kind);
    let n = &d.order_number;
    Said::new(
        format!(
            "{}：{}（订单号 {n}）是{}，和要求的{}不同，我们已经接受。大货请和样品保持一致。",
            row_zh(&d.row),
            which.zh,
            value_zh(&d.observed),
            value_zh(&d.expected)
        ),
        format!(
            "{}: {} (order {n}) is {}, not {} as briefed; we accept this. Please keep the bulk the same as the sample.",
            with_term(&d.row),
            which.en,
            q(&d.observed),
            q(&d.expected)
        ),
    )
}

/// Problems the warehouse photos show: marks, failed checks, a defect tag.
fn photo_problems(p: &ProductSummary) -> Vec<Said> {
    let mut out = Vec::new();
    for o in &p.orders {
        for photo in o.photos.iter().map(|ph| ph.photo) {
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
            let (mut zh, mut en) = (Vec::new(), Vec::new());
            if !marks.is_empty() {
                zh.push(marks.join("；"));
                en.push(marks.join("; "));
            }
            if !failed.is_empty() {
                let z: Vec<&str> = failed.iter().map(|f| check_zh(f)).collect();
                zh.push(format!("{}检查不合格", z.join("、")));
                en.push(format!("failed check: {}", failed.join(", ")));
            }
            if zh.is_empty() {
                zh.push("有次品".into());
                en.push("a defect".into());
            }
            let (name, n) = (&photo.file.original_name, &o.order.number);
            out.push(Said::new(
                format!(
                    "仓库照片 {name}（订单号 {n}）显示：{}。请说明原因并处理。",
                    zh.join("；")
                ),
                format!(
                    "Our warehouse photo {name} of order {n} shows: {}. Please explain and fix this.",
                    en.join("; ")
                ),
            ));
        }
    }
    out
}

fn confirm_row(row: &SpecItem) -> Said {
    let value = match &row.expected {
        Expected::YesNo(b) => if *b { "有" } else { "没有" }.to_string(),
        e => q(&describe(e)),
    };
    Said::new(
        format!("请书面确认{}：{value}。", row_zh(&row.name)),
        format!(
            "Please confirm in writing: {}: {}.",
            with_term(&row.name),
            describe(&row.expected)
        ),
    )
}

/// The photo that shows a row's value: a ruler, a scale, daylight.
fn photo_of(row: &SpecItem) -> Option<Said> {
    let name = (row_zh(&row.name), with_term(&row.name));
    let unit = match &row.expected {
        Expected::Number { unit, .. } => *unit,
        Expected::Text(_) if chinese_term(&row.name) == Some("颜色") || name.0.contains('色') => {
            return Some(Said::new(
                format!(
                    "请在自然光下拍一张实物照片发给我们，看清{}（不要用图库图片）。",
                    name.0
                ),
                format!(
                    "Please send a daylight photo of the real item showing the {} (not a catalogue picture).",
                    name.1
                ),
            ));
        }
        _ => return None,
    };
    Some(match unit {
        Unit::G | Unit::Kg => Said::new(
            format!("请把商品放在秤上拍照发给我们，读数要清楚（{}）。", name.0),
            format!(
                "Please send a photo of the item on a scale, the reading clear ({}).",
                name.1
            ),
        ),
        Unit::Mm | Unit::Cm | Unit::M => Said::new(
            format!("请用尺子量{}并拍照发给我们，刻度要清楚。", name.0),
            format!(
                "Please send a photo measuring the {} with a ruler, the scale readable.",
                name.1
            ),
        ),
        _ => Said::new(
            format!("请拍一张能看清{}的测量照片发给我们。", name.0),
            format!("Please send a photo that shows the measured {}.", name.1),
        ),
    })
}

/// The brief of one product.
pub fn product_brief(p: &ProductSummary) -> ProductBrief {
    let product = p.product;
    let (open, done): (Vec<&Deviation>, Vec<&Deviation>) =
        p.deviations.iter().partition(|d| !d.accepted);
    let mut correct: Vec<Said> = open.iter().map(|d| deviation(product, d)).collect();
    correct.extend(photo_problems(p));
    let rows = || {
        p.unconfirmed_rows
            .iter()
            .filter_map(|id| product.spec.iter().find(|s| s.id == *id))
    };
    let mut confirm: Vec<Said> = rows().map(confirm_row).collect();
    confirm.extend(p.unconfirmed_terms.iter().map(|t| term_request(*t)));
    let mut photos: Vec<Said> = open
        .iter()
        .filter(|d| !d.unreadable)
        .map(|d| {
            Said::new(
                format!("请发一张改正后{}的实拍照片。", row_zh(&d.row)),
                format!(
                    "Please send a photo of the corrected {}.",
                    with_term(&d.row)
                ),
            )
        })
        .collect();
    photos.extend(rows().filter_map(photo_of));
    photos.dedup();
    ProductBrief {
        greeting: Some(greeting(p)),
        correct,
        accepted: done.into_iter().map(accepted).collect(),
        confirm,
        photos,
    }
}

fn write_product(out: &mut String, b: &ProductBrief, lang: Lang) {
    if let Some(g) = &b.greeting {
        para(out, g, lang);
    }
    if b.asks_nothing() && b.accepted.is_empty() {
        para(
            out,
            &Said::new(
                "都和我们约定的一致，谢谢！",
                "Everything matches what we agreed. Thank you!",
            ),
            lang,
        );
        return;
    }
    let mut n = 1;
    for (title, items) in b.sections() {
        if items.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(&heading(&title, lang));
        out.push('\n');
        numbered(out, items, n, lang);
        n += items.len();
    }
    out.push('\n');
    para(out, &Said::new("谢谢！", "Thank you!"), lang);
}

/// The whole brief as plain text in `lang`, a blank line between products.
pub fn brief_text(summary: &Summary, lang: Lang) -> String {
    let parts: Vec<String> = summary
        .products
        .iter()
        .map(|p| {
            let mut s = String::new();
            write_product(&mut s, &product_brief(p), lang);
            s
        })
        .collect();
    if parts.is_empty() {
        let none = Said::new(
            "没有需要告诉供应商的商品。",
            "There are no products to brief the supplier on.",
        );
        return none.lines(lang).join("\n");
    }
    parts.join("\n").trim_end().to_string()
}

/// The brief of `scope` at `now`, for the window's "copy to clipboard" (the
/// same text as `export --format brief`, control characters made visible).
pub fn supplier_brief(
    project: &Project,
    scope: Scope,
    now: NaiveDateTime,
    lang: Lang,
) -> Result<String, ScopeError> {
    crate::report::text(project, scope, crate::report::Text::Brief, lang, now)
}
