//! CPU time per frame of the real window, headless (egui_kittest, no GPU),
//! over a generated project of 200 orders and 6,000 photos, with an order
//! of 30 photos selected.
//!
//!     cargo bench --bench ui_frame
//!
//! Two measurements, each over 300 frames after 20 warm-up frames:
//! - "app pass": what eframe does on the CPU for a frame, minus the GPU:
//!   one egui pass (`logic` + `ui`) and tessellation, on a plain context
//!   (accessibility off, as when no screen reader is running);
//! - "kittest step": the same pass inside egui_kittest, which also builds
//!   and consumes the AccessKit tree every frame (an upper bound).
//!
//! Wall time of a single-threaded pass on an idle machine is its CPU time;
//! the process CPU time over all frames (/proc/self/stat) is printed as a
//! cross-check.

use bulkready::app::Document;
use bulkready::model::*;
use bulkready::ui::{BulkReadyApp, NoDialogs, Selection};
use eframe::egui;
use egui_kittest::Harness;
use std::time::Instant;

const PRODUCTS: usize = 40;
const ORDERS_PER_PRODUCT: usize = 5;
const PHOTOS_PER_ORDER: usize = 30;
const FRAMES: usize = 300;

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

/// User + system CPU time of the process so far, in ms (10 ms ticks).
fn process_cpu_ms() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks * 10.0)
}

fn report(label: &str, mut wall: Vec<f64>, cpu_ms: Option<f64>) {
    wall.sort_by(f64::total_cmp);
    let n = wall.len();
    print!(
        "{label:<14} wall per frame: median {:.2} ms   p95 {:.2} ms   max {:.2} ms",
        wall[n / 2],
        wall[n * 95 / 100],
        wall[n - 1]
    );
    match cpu_ms {
        Some(c) => println!("   process CPU {:.2} ms/frame", c / n as f64),
        None => println!(),
    }
}

fn timed(frames: usize, mut frame: impl FnMut()) -> (Vec<f64>, Option<f64>) {
    for _ in 0..20 {
        frame();
    }
    let cpu0 = process_cpu_ms();
    let wall = (0..frames)
        .map(|_| {
            let t = Instant::now();
            frame();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let cpu = cpu0.zip(process_cpu_ms()).map(|(a, b)| b - a);
    (wall, cpu)
}

fn main() {
    let project = project();
    let order = project.products[PRODUCTS / 2].orders[1].id;
    let photos = project.photos().count();
    println!(
        "{} orders, {photos} photos; an order with {PHOTOS_PER_ORDER} photos selected; {FRAMES} frames",
        PRODUCTS * ORDERS_PER_PRODUCT
    );

    // The app on a plain egui context, as eframe runs it (minus the GPU).
    let ctx = egui::Context::default();
    let cc = eframe::CreationContext::_new_kittest(ctx.clone());
    let mut app = BulkReadyApp::with_dialogs(&cc, None, Box::new(NoDialogs));
    app.session.doc = Some(Document::untitled(project.clone()));
    app.selection = Selection::Order(order);
    let mut frame = eframe::Frame::_new_kittest();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0));
    let (wall, cpu) = timed(FRAMES, || {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            ..Default::default()
        };
        let out = ctx.run_ui(input, |ui| {
            eframe::App::logic(&mut app, ui.ctx(), &mut frame);
            eframe::App::ui(&mut app, ui, &mut frame);
        });
        std::hint::black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    });
    report("app pass", wall, cpu);

    // The same inside egui_kittest (AccessKit tree built and consumed).
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| BulkReadyApp::with_dialogs(cc, None, Box::new(NoDialogs)));
    h.state_mut().session.doc = Some(Document::untitled(project));
    h.state_mut().selection = Selection::Order(order);
    let (wall, cpu) = timed(FRAMES, || h.step());
    report("kittest step", wall, cpu);
}
