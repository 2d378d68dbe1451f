//! CPU time per frame of the real window, headless (egui_kittest, no GPU),
//! over a generated project of 200 orders and 6,000 photos, with an order
//! of 30 photos selected.
//!
//!     cargo bench --bench ui_frame
//!
//! Measures the thread's CPU time (/proc/thread-self/schedstat) of each
//! `Harness::step`: one egui pass of `logic` + `ui` (layout, widgets,
//! verdicts from the cache). Painting on the GPU is not included.

use bulkready::app::Document;
use bulkready::model::*;
use bulkready::ui::{BulkReadyApp, Dialogs, Selection};
use eframe::egui;
use egui_kittest::Harness;
use std::path::PathBuf;
use std::time::Instant;

const PRODUCTS: usize = 40;
const ORDERS_PER_PRODUCT: usize = 5;
const PHOTOS_PER_ORDER: usize = 30;
const FRAMES: usize = 300;

struct NoDialogs;
impl Dialogs for NoDialogs {
    fn open_project(&self) -> Option<PathBuf> {
        None
    }
    fn save_project(&self, _: &str) -> Option<PathBuf> {
        None
    }
}

fn project() -> Project {
    let mut p = Project::new("frame benchmark");
    for i in 0..PRODUCTS {
        let pid = ProductId(p.new_id());
        let spec: Vec<SpecItem> = (0..8)
            .map(|k| SpecItem {
                id: SpecId(p.new_id()),
                name: format!("规格 {k} spec"),
                expected: Expected::Text("哑光白 matte white".into()),
                critical: k == 0,
            })
            .collect();
        let orders = (0..ORDERS_PER_PRODUCT)
            .map(|o| {
                let parcel = ParcelId(p.new_id());
                let photos = (0..PHOTOS_PER_ORDER)
                    .map(|n| Photo {
                        id: PhotoId(p.new_id()),
                        file: StoredFile {
                            path: format!("{i:08}{o:08}{n:016}.jpg"),
                            hash: format!("{i:08}{o:08}{n:016}"),
                            original_name: format!("IMG_{n:04}.JPG"),
                        },
                        width: 4000,
                        height: 3000,
                        parcel: Some(parcel),
                        tags: vec![Tag::Item],
                        ..Photo::default()
                    })
                    .collect();
                Order {
                    id: OrderId(p.new_id()),
                    kind: if o == 0 {
                        OrderKind::Sample
                    } else {
                        OrderKind::Bulk
                    },
                    number: format!("2026{i:04}{o:04}"),
                    seller: "义乌市某某日用品有限公司".into(),
                    parcels: vec![Parcel {
                        id: parcel,
                        tracking: format!("YT{i:08}{o:04}"),
                        ..Parcel::default()
                    }],
                    messages: vec![SellerMessage {
                        id: MessageId(p.new_id()),
                        text: "亲，大货和样品一样的".into(),
                        ..SellerMessage::default()
                    }],
                    photos,
                    ..Order::default()
                }
            })
            .collect();
        p.products.push(Product {
            id: pid,
            name: format!("Product {i} 产品"),
            spec,
            orders,
            ..Product::default()
        });
    }
    p
}

fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let project = project();
    let order = project.products[PRODUCTS / 2].orders[1].id;
    let photos = project.photos().count();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| BulkReadyApp::with_dialogs(cc, None, Box::new(NoDialogs)));
    h.state_mut().session.doc = Some(Document::untitled(project));
    h.state_mut().selection = Selection::Order(order);
    for _ in 0..20 {
        h.step();
    }
    let mut cpu = Vec::with_capacity(FRAMES);
    let mut wall = Vec::with_capacity(FRAMES);
    for _ in 0..FRAMES {
        let (c0, t0) = (thread_cpu_ns(), Instant::now());
        h.step();
        wall.push(t0.elapsed().as_secs_f64() * 1e3);
        if let (Some(a), Some(b)) = (c0, thread_cpu_ns()) {
            cpu.push((b - a) as f64 / 1e6);
        }
    }
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[v.len() / 2], v[v.len() * 95 / 100], v[v.len() - 1])
    };
    println!(
        "{} orders, {photos} photos; order with {PHOTOS_PER_ORDER} photos selected; {FRAMES} frames",
        PRODUCTS * ORDERS_PER_PRODUCT
    );
    if !cpu.is_empty() {
        let (m, p95, max) = stats(&mut cpu);
        println!("CPU per frame:  median {m:.2} ms   p95 {p95:.2} ms   max {max:.2} ms");
    }
    let (m, p95, max) = stats(&mut wall);
    println!("wall per frame: median {m:.2} ms   p95 {p95:.2} ms   max {max:.2} ms");
}
