//! File → Export… in the window, driven by egui_kittest: the format and
//! scope chosen there, the export written in the background, the file
//! handed to the file manager.

#![allow(clippy::unwrap_used)]

mod common;
use bulkready::ui::BulkReadyApp;
use common::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

type Revealed = std::sync::Arc<std::sync::Mutex<Vec<std::path::PathBuf>>>;

fn demo_with_export_to(
    out: &std::path::Path,
) -> (tempfile::TempDir, Harness<'static, BulkReadyApp>, Revealed) {
    let revealed = Revealed::default();
    let dir = tempfile::tempdir().unwrap();
    let path = bulkready::app::demo::write(dir.path()).unwrap();
    let mut h = harness_with(
        Some(path),
        FakeDialogs {
            export: Some(out.to_path_buf()),
            revealed: revealed.clone(),
            ..FakeDialogs::default()
        },
    );
    wait_until(&mut h, "the demo to open", |app| app.session.doc.is_some());
    (dir, h, revealed)
}

#[test]
fn a_product_is_exported_as_html_from_the_window() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("tiles.html");
    let (_dir, mut h, revealed) = demo_with_export_to(&out);
    click_tree(&mut h, "Magnetic building tiles, 60 pcs");
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut h);
    assert!(h.query_by_label("Export a decision summary").is_some());
    click(&mut h, "The product Magnetic building tiles, 60 pcs");
    click(&mut h, "Export…");
    wait_until(&mut h, "the export", |_| {
        !revealed.lock().unwrap().is_empty()
    });
    assert_eq!(
        *revealed.lock().unwrap(),
        vec![out.clone()],
        "shown in the file manager once written"
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Magnetic building tiles"), "the product");
    assert!(html.contains("NO-GO"), "its verdict");
    assert!(
        !html.contains("Ceramic mug 350 ml"),
        "only the product chosen, not the whole project"
    );
    assert!(html.contains("亲，大货和样品一样的"), "the seller's reply");
    assert!(h.query_by_label("Export a decision summary").is_none());
}

#[test]
fn the_supplier_brief_is_exported_for_the_whole_project() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("brief.txt");
    let (_dir, mut h, revealed) = demo_with_export_to(&out);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut h);
    click(&mut h, "Supplier brief (text)");
    assert!(h.query_by_label_contains("The whole project").is_some());
    click(&mut h, "Export…");
    wait_until(&mut h, "the export", |_| {
        !revealed.lock().unwrap().is_empty()
    });
    let brief = std::fs::read_to_string(&out).unwrap();
    assert_eq!(*revealed.lock().unwrap(), vec![out.clone()]);
    assert!(brief.contains("颜色"), "{brief}");
}

#[test]
fn the_brief_and_the_warehouse_request_are_copied_for_a_chat() {
    let out_dir = tempfile::tempdir().unwrap();
    let (_dir, mut h, _) = demo_with_export_to(&out_dir.path().join("x.html"));
    click_tree(&mut h, "Magnetic building tiles, 60 pcs");
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut h);
    let copied = |h: &Harness<'_, BulkReadyApp>| -> Vec<String> {
        h.output()
            .platform_output
            .commands
            .iter()
            .filter_map(|c| match c {
                egui::OutputCommand::CopyText(t) => Some(t.clone()),
                _ => None,
            })
            .collect()
    };
    h.get_by_label("Copy the supplier brief (中文 + English)")
        .click();
    h.step();
    let brief = copied(&h).concat();
    assert!(
        brief.contains("颜色") || brief.contains("请"),
        "Chinese sentences: {brief}"
    );
    assert!(
        brief.contains("Colour") || brief.contains("Please"),
        "with the English: {brief}"
    );
    settle(&mut h);
    h.get_by_label("Copy the warehouse photo request").click();
    h.step();
    let request = copied(&h).concat();
    assert!(!request.is_empty() && request != brief, "{request}");
}
