#![allow(clippy::unwrap_used)]

use super::*;
use crate::report::doc::plain;

#[test]
fn text_breaks_at_spaces_and_between_chinese_characters() {
    assert_eq!(tokens("ab cd  e"), vec!["ab ", "cd  ", "e"]);
    assert_eq!(tokens("颜色x"), vec!["颜", "色", "x"]);
    assert_eq!(tokens("a\nb"), vec!["a", "\n", "b"]);
    let font = Font::new().unwrap();
    let images = Images::new();
    let l = Layout::new(&font, &images);
    let line = vec![plain(
        "亲，大货和样品一样的，材质颜色包装都不变，发货前可以拍照给您确认",
    )];
    let rows = l.wrap(&line, 10.0, 100.0);
    assert!(rows.len() >= 3, "{rows:?}");
    for row in &rows {
        let text: String = row.iter().map(|f| f.text.as_str()).collect();
        assert!(font.width(&text, 10.0) <= 100.0 + 0.01, "{text}");
    }
    let long = vec![plain("x".repeat(400))];
    assert!(l.wrap(&long, 10.0, 100.0).len() > 5);
}

#[test]
fn a_long_table_continues_on_the_next_page_with_its_head() {
    let font = Font::new().unwrap();
    let images = Images::new();
    let rows: Vec<Vec<Line>> = (0..120)
        .map(|i| vec![vec![plain(format!("row {i}"))], vec![plain("x")]])
        .collect();
    let doc = Doc {
        title: "t".into(),
        subtitle: vec![],
        blocks: vec![Block::Table {
            head: vec!["Head A".into(), "B".into()],
            rows,
        }],
    };
    let pages = Layout::new(&font, &images).document(&doc);
    assert!(pages.len() >= 2, "{}", pages.len());
    let heads = |p: &Page| {
        p.iter()
            .filter(|op| matches!(op, Op::Text { text, .. } if text == "Head A"))
            .count()
    };
    assert!(pages.iter().all(|p| heads(p) == 1));
    for p in &pages {
        for op in p {
            if let Op::Text { y, .. } = op {
                assert!(*y < PAGE_H - BOTTOM + 10.0, "{op:?}");
            }
        }
    }
}

/// The summary of a small project: two products with a section each, a
/// signed decision (the seven-column decision log).
fn small_doc() -> Doc {
    use crate::model::{Decision, DecisionId, Product, ProductId, Project, Subject, Verdict};
    // A product with something recorded gets a section of its own.
    let product = |id, name: &str| {
        let mut p = Product {
            id: ProductId(id),
            name: name.into(),
            ..Product::default()
        };
        p.listing.title = format!("{name} 陶瓷");
        p
    };
    let time = chrono::DateTime::parse_from_rfc3339("2026-11-21T18:30:00+08:00").unwrap();
    let project = Project {
        name: "Demo".into(),
        products: vec![product(5, "Ceramic mug 350 ml"), product(6, "Tote")],
        decisions: vec![Decision {
            id: DecisionId(9),
            time,
            reviewer: "Mei".into(),
            subject: Subject::ScaleUp(ProductId(5)),
            computed: Verdict::NotReady,
            signed: Verdict::Go,
            reason: "Accepted on the video call with the seller.".into(),
            evidence: String::new(),
            conditions: Vec::new(),
        }],
        ..Project::default()
    };
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap();
    let s =
        crate::report::summary::summarise(&project, crate::report::Scope::Project, now).unwrap();
    crate::report::contents::document(&s)
}

fn texts(page: &Page) -> Vec<&str> {
    page.iter()
        .filter_map(|op| match op {
            Op::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_first_page_carries_the_first_product_and_every_page_its_number() {
    let doc = small_doc();
    let font = Font::new().unwrap();
    let images = Images::new();
    let mut pages = Layout::new(&font, &images).document(&doc);
    footers(&mut pages, &font, &doc.title);
    let first = texts(&pages[0]);
    assert!(
        first
            .iter()
            .any(|t| t.starts_with("Product ") && t.ends_with(": Ceramic mug 350 ml")),
        "{first:?}"
    );
    let n = pages.len();
    for (i, p) in pages.iter().enumerate() {
        let want = format!("page {} of {n}", i + 1);
        assert!(texts(p).iter().any(|t| t.ends_with(&want)), "{want}");
    }
}

#[test]
fn every_table_header_word_fits_its_column() {
    let doc = small_doc();
    let font = Font::new().unwrap();
    let images = Images::new();
    let l = Layout::new(&font, &images);
    let mut seven = false;
    for b in &doc.blocks {
        let Block::Table { head, rows } = b else {
            continue;
        };
        seven |= head.len() == 7;
        let widths = l.column_widths(head, rows, 8.5).unwrap();
        assert!((widths.iter().sum::<f32>() - CONTENT_W).abs() < 0.5);
        for (h, w) in head.iter().zip(&widths) {
            for word in h.split_whitespace() {
                assert!(font.width(word, 8.5) <= w - 8.0, "{word} in {w}");
            }
            let wrapped = l.wrap(&vec![plain(h.clone())], 8.5, w - 8.0);
            for row in &wrapped {
                let t: String = row.iter().map(|f| f.text.trim()).collect();
                assert!(h.split_whitespace().any(|x| t.contains(x)), "{h}: {t}");
            }
        }
    }
    assert!(seven, "the decision log table was checked");
}

#[test]
fn a_list_item_does_not_leave_its_first_line_alone_at_the_foot_of_a_page() {
    let font = Font::new().unwrap();
    let images = Images::new();
    let mut l = Layout::new(&font, &images);
    // Room for one line and a half.
    l.y = PAGE_H - BOTTOM - BODY * 1.38 * 1.5;
    let item = Item {
        line: vec![plain("\u{25cb} open: Shipping route reviewed")],
        sub: vec![vec![plain("No shipping route is chosen.")]; 3],
    };
    l.item(&item, false, 0);
    let pages = l.pages;
    assert_eq!(pages.len(), 2);
    assert!(texts(&pages[0]).is_empty(), "{:?}", texts(&pages[0]));
    assert!(
        texts(&pages[1])
            .iter()
            .any(|t| t.contains("Shipping route"))
    );
}
