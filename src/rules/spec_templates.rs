//! Spec brief templates as data: the rows a buyer writes for a kind of
//! product, each named in English and Chinese (the seller reads the brief),
//! critical where a deviation should stop the bulk order. Numbers start at
//! 0 with the tolerance usual for the row: the buyer types the value.
//! Also copying another product's brief. Each gives one op (one undo step).

use crate::model::{Expected, Product, ProductId, Project, SpecId, SpecItem, Tolerance, Unit};
use crate::rules::ops::Op;
use crate::rules::text::same_text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    Ceramics,
    Textile,
    BatteryElectronics,
    ToySmallParts,
}

/// One row of a template: name, expected value, critical.
type Row = (&'static str, Expected, bool);

fn number(value: f64, unit: Unit, tolerance: Tolerance) -> Expected {
    Expected::Number {
        value,
        unit,
        tolerance,
    }
}

fn mm(t: f64) -> Tolerance {
    Tolerance::Absolute(t)
}

fn percent(p: f64) -> Tolerance {
    Tolerance::Percent(p)
}

fn text() -> Expected {
    Expected::Text(String::new())
}

const YES: Expected = Expected::YesNo(true);

impl Template {
    pub const ALL: [Template; 4] = [
        Template::Ceramics,
        Template::Textile,
        Template::BatteryElectronics,
        Template::ToySmallParts,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Template::Ceramics => "Ceramics (mugs, tableware)",
            Template::Textile => "Textile (garments, bags)",
            Template::BatteryElectronics => "Electronics with a battery",
            Template::ToySmallParts => "Toys with small parts",
        }
    }

    /// The template's rows, in the order a brief lists them.
    pub fn rows(self) -> Vec<Row> {
        match self {
            Template::Ceramics => ceramics(),
            Template::Textile => textile(),
            Template::BatteryElectronics => battery_electronics(),
            Template::ToySmallParts => toy_small_parts(),
        }
    }
}

fn ceramics() -> Vec<Row> {
    vec![
        ("Height 高度", number(0.0, Unit::Cm, mm(0.3)), false),
        ("Rim diameter 口径", number(0.0, Unit::Cm, mm(0.3)), false),
        ("Capacity 容量", number(0.0, Unit::Ml, percent(5.0)), true),
        ("Weight 重量", number(0.0, Unit::G, percent(5.0)), false),
        ("Colour / glaze 颜色", text(), true),
        ("Material 材质", text(), true),
        (
            "No cracks, chips or pinholes in the glaze 釉面无裂纹",
            YES,
            true,
        ),
        (
            "Food-contact declaration (LFGB / FDA) 食品级证明",
            YES,
            true,
        ),
        ("Base marking / label 底部标签", text(), false),
        ("Pieces per set 数量", Expected::Count(1), true),
        ("Inner box with dividers 内盒加隔板", YES, false),
    ]
}

fn textile() -> Vec<Row> {
    vec![
        (
            "Chest width, laid flat 胸宽",
            number(0.0, Unit::Cm, mm(1.0)),
            false,
        ),
        ("Length 长度", number(0.0, Unit::Cm, mm(1.0)), false),
        ("Sleeve length 袖长", number(0.0, Unit::Cm, mm(1.0)), false),
        (
            "Fabric weight (g/m²) 克重",
            number(0.0, Unit::None, percent(5.0)),
            false,
        ),
        ("Fibre composition 材质成分", text(), true),
        ("Colour 颜色", text(), true),
        ("Care label sewn in 洗标", YES, true),
        ("Size label 尺码标签", text(), false),
        ("Colourfast: no dye on a damp white cloth 不掉色", YES, true),
        (
            "Even stitching, no loose threads 走线整齐无线头",
            YES,
            false,
        ),
        ("Folded and bagged one by one 单件独立包装", YES, false),
    ]
}

fn battery_electronics() -> Vec<Row> {
    vec![
        (
            "Battery energy (Wh) 电池能量",
            number(0.0, Unit::None, mm(0.0)),
            true,
        ),
        (
            "Battery capacity (mAh) 电池容量",
            number(0.0, Unit::None, percent(5.0)),
            false,
        ),
        ("Battery type (Li-ion, LiPo…) 电池类型", text(), true),
        ("Battery in or with the device 电池内置或配套", text(), true),
        ("UN38.3 test summary provided UN38.3测试报告", YES, true),
        ("MSDS / SDS provided 化学品安全说明书", YES, true),
        ("Rated input (V, A) 额定输入", text(), false),
        ("Plug type 插头类型", text(), true),
        ("CE / FCC marking on the device 认证标志", YES, false),
        ("Model number on the label 型号标签", text(), false),
        ("Powers on and charges 通电充电正常", YES, true),
        ("Weight 重量", number(0.0, Unit::G, percent(5.0)), false),
        ("Accessories (cable, manual) 配件", text(), false),
    ]
}

fn toy_small_parts() -> Vec<Row> {
    vec![
        ("Age grading on the packaging 适用年龄", text(), true),
        (
            "Small-parts warning on the packaging (EN 71 / ASTM F963) 小零件警示语",
            YES,
            true,
        ),
        ("Pieces per set 数量", Expected::Count(1), true),
        (
            "Smallest part 最小零件尺寸",
            number(0.0, Unit::Mm, mm(0.5)),
            false,
        ),
        ("Material 材质", text(), true),
        ("Colour 颜色", text(), false),
        ("CE mark and maker's address 标志和厂家地址", YES, true),
        (
            "Test report (EN 71 / ASTM F963) provided 检测报告",
            YES,
            true,
        ),
        (
            "No loose magnets or reachable button cells 无松动磁铁和纽扣电池",
            YES,
            true,
        ),
        ("Box size 包装尺寸", number(0.0, Unit::Cm, mm(0.5)), false),
        ("Weight 重量", number(0.0, Unit::G, percent(5.0)), false),
    ]
}

/// What adding rows to a brief does: the op (none when every row is
/// there already), how many rows it adds and how many it skips.
#[derive(Debug)]
pub struct Adding {
    pub op: Option<Op>,
    pub added: usize,
    pub skipped: usize,
}

/// Adds the template's rows to `product`'s brief, skipping rows it already
/// has by name (case, width and spaces aside).
pub fn add_template(project: &Project, product: ProductId, t: Template) -> Adding {
    let rows = t
        .rows()
        .into_iter()
        .map(|(name, expected, critical)| SpecItem {
            id: SpecId(0),
            name: name.into(),
            expected,
            critical,
        })
        .collect();
    add_rows(project, product, rows)
}

/// Copies the brief of `from` to `to` (rows with the same name skipped).
pub fn copy_brief(project: &Project, from: ProductId, to: ProductId) -> Adding {
    let rows = project
        .product(from)
        .map(|p| p.spec.clone())
        .unwrap_or_default();
    add_rows(project, to, rows)
}

/// The other products whose brief can be copied to `to` (those with rows).
pub fn briefs_to_copy(project: &Project, to: ProductId) -> Vec<&Product> {
    project
        .products
        .iter()
        .filter(|p| p.id != to && !p.spec.is_empty())
        .collect()
}

fn add_rows(project: &Project, product: ProductId, rows: Vec<SpecItem>) -> Adding {
    let Some(p) = project.product(product) else {
        return Adding {
            op: None,
            added: 0,
            skipped: rows.len(),
        };
    };
    let total = rows.len();
    let mut names: Vec<String> = p.spec.iter().map(|r| r.name.clone()).collect();
    let mut ops = Vec::new();
    let first_id = project.next_id.max(1);
    for row in rows {
        if names.iter().any(|n| same_text(n, &row.name)) {
            continue;
        }
        names.push(row.name.clone());
        let at = p.spec.len() + ops.len();
        ops.push(Op::InsertSpecRow {
            product,
            at,
            row: SpecItem {
                id: SpecId(first_id + ops.len() as u64),
                ..row
            },
        });
    }
    let added = ops.len();
    Adding {
        op: (added > 0).then_some(Op::Batch(ops)),
        added,
        skipped: total - added,
    }
}

/// "Added 11 rows from Ceramics (mugs, tableware)", with the rows skipped.
pub fn adding_message(a: &Adding, from: &str) -> String {
    use crate::rules::text::count;
    let skipped = match a.skipped {
        0 => String::new(),
        n => format!("; {} already in the brief", count(n, "row", "rows")),
    };
    if a.added == 0 {
        format!("Nothing added from {from}: every row is already in the brief.")
    } else {
        format!(
            "Added {} from {from}{skipped}.",
            count(a.added, "row", "rows")
        )
    }
}

#[cfg(test)]
#[path = "spec_templates_tests.rs"]
mod tests;
