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
