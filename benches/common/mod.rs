//! The project the window benchmarks run on: 200 products of 10 orders of
//! 20 photos (2,000 orders, 40,000 photos), Chinese text included.

#![allow(dead_code)]

use bulkready::model::*;
use bulkready::ui::BulkReadyApp;
use eframe::egui;

/// The project, built in memory.
pub const PRODUCTS: usize = 200;
pub const ORDERS_PER_PRODUCT: usize = 10;
pub const PHOTOS_PER_ORDER: usize = 20;

pub fn project() -> Project {
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

/// One frame of the app as eframe runs it, minus the GPU: `logic`, `ui`
/// and tessellation, on a plain context at 1400×900.
pub fn app_pass(ctx: &egui::Context, app: &mut BulkReadyApp, frame: &mut eframe::Frame) {
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0));
    let input = egui::RawInput {
        screen_rect: Some(screen),
        ..Default::default()
    };
    let out = ctx.run_ui(input, |ui| {
        eframe::App::logic(app, ui.ctx(), frame);
        eframe::App::ui(app, ui, frame);
    });
    std::hint::black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
}
