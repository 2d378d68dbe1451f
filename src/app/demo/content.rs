//! What the demo project says: products, orders, messages, parcels and the
//! photos to generate.

use super::{at, date};
use crate::model::*;
use chrono::NaiveDate;

pub(super) const MUG_SAMPLE: &str = "3369041277812041";
pub(super) const MUG_BULK: &str = "3371120456698823";
pub(super) const TILES_SAMPLE_1: &str = "2026101988451207";
pub(super) const TOTE_SAMPLE: &str = "2026111690312455";

pub(super) const MISTY_BLUE: [u8; 3] = [122, 150, 178];

fn spec(p: &mut Project, name: &str, expected: Expected, critical: bool) -> SpecItem {
    SpecItem {
        id: SpecId(p.new_id()),
        name: name.into(),
        expected,
        critical,
    }
}

fn number(value: f64, unit: Unit, tolerance: Tolerance) -> Expected {
    Expected::Number {
        value,
        unit,
        tolerance,
    }
}

fn observe(spec: &SpecItem, value: &str, source: Source) -> Observation {
    Observation {
        judgement: None,
        spec: spec.id,
        value: value.into(),
        source,
        photo: None,
        note: String::new(),
        colour: None,
    }
}

fn parcel(
    p: &mut Project,
    tracking: &str,
    carrier: &str,
    arrived: Option<NaiveDate>,
    kg: f64,
) -> Parcel {
    Parcel {
        id: ParcelId(p.new_id()),
        tracking: tracking.into(),
        carrier: carrier.into(),
        arrived_on: arrived,
        weight_kg: Some(kg),
    }
}

pub(super) fn passed() -> Checks {
    Checks {
        model: Check::Pass,
        quantity: Check::Pass,
        accessories: Check::Pass,
        damage: Check::Pass,
    }
}

pub(super) fn project() -> Project {
    let mut p = Project::new("Demo: spring restock");
    p.warehouse = Warehouse {
        name: "Yiwu forwarding warehouse (义乌仓)".into(),
        return_window_hours: 120,
        free_storage_days: 90,
    };
    p.routes = vec![
        Route {
            id: RouteId(0),
            name: "DHL Express".into(),
            basis: ChargeBasis::Volumetric {
                divisor: 5000.0,
                min_side_cm: None,
            },
            rounding_kg: 0.5,
            first_weight_kg: 0.5,
            first_price: 180.0,
            per_kg: 62.0,
            currency: "CNY".into(),
        },
        Route {
            id: RouteId(0),
            name: "Air line (forwarder)".into(),
            basis: ChargeBasis::Volumetric {
                divisor: 6000.0,
                min_side_cm: None,
            },
            rounding_kg: 0.5,
            first_weight_kg: 0.5,
            first_price: 95.0,
            per_kg: 41.0,
            currency: "CNY".into(),
        },
        Route {
            id: RouteId(0),
            name: "China EMS".into(),
            basis: ChargeBasis::Volumetric {
                divisor: 8000.0,
                min_side_cm: Some(60.0),
            },
            rounding_kg: 0.5,
            first_weight_kg: 0.5,
            first_price: 120.0,
            per_kg: 48.0,
            currency: "CNY".into(),
        },
        Route {
            id: RouteId(0),
            name: "Sea LCL".into(),
            basis: ChargeBasis::WeightOrMeasure { kg_per_cbm: 1000.0 },
            rounding_kg: 1.0,
            first_weight_kg: 100.0,
            first_price: 900.0,
            per_kg: 3.2,
            currency: "CNY".into(),
        },
    ];
    for i in 0..p.routes.len() {
        p.routes[i].id = RouteId(p.new_id());
    }
    let mug = mug(&mut p);
    let tiles = tiles(&mut p);
    let tote = tote(&mut p);
    p.products = vec![mug, tiles, tote];
    p
}

/// The demo's air line route, which its orders choose.
fn air_line(p: &Project) -> RouteId {
    p.routes
        .iter()
        .find(|r| r.name == "Air line (forwarder)")
        .map_or(RouteId(0), |r| r.id)
}

fn mug(p: &mut Project) -> Product {
    let id = ProductId(p.new_id());
    let fragile = Risk {
        id: RiskId(p.new_id()),
        kind: RiskKind::Fragile,
        note: "Glazed ceramic".into(),
    };
    let colour = spec(p, "Colour 颜色", Expected::Text("misty blue".into()), true);
    let capacity = spec(
        p,
        "Capacity",
        number(350.0, Unit::Ml, Tolerance::Percent(5.0)),
        false,
    );
    let height = spec(
        p,
        "Height 尺寸",
        number(9.5, Unit::Cm, Tolerance::Absolute(0.3)),
        false,
    );
    let weight = spec(
        p,
        "Weight",
        number(320.0, Unit::G, Tolerance::Absolute(15.0)),
        false,
    );
    let per_set = spec(p, "Quantity per set", Expected::Count(1), false);
    let gift_box = spec(p, "Gift box 包装", Expected::YesNo(true), false);
    let label = spec(p, "Label", Expected::Text("neutral, no logo".into()), false);
    let barcode = spec(p, "Barcode space on box", Expected::YesNo(true), false);
    let rows = [
        &colour, &capacity, &height, &weight, &per_set, &gift_box, &label, &barcode,
    ];
    let seen = [
        "Misty Blue",
        "352 ml",
        "9.6 cm",
        "318 g",
        "1",
        "yes",
        "Neutral, no logo",
        "yes",
    ];
    let observations = |source| -> Vec<Observation> {
        rows.iter()
            .zip(seen)
            .map(|(s, v)| observe(s, v, source))
            .collect()
    };

    let sample_id = OrderId(p.new_id());
    let sample_parcel = parcel(
        p,
        "SF1402938475610",
        "顺丰 SF Express",
        date(2026, 10, 28),
        1.4,
    );
    let sample = Order {
        id: sample_id,
        kind: OrderKind::Sample,
        number: MUG_SAMPLE.into(),
        seller: "潮州市枫溪区瓷韵陶瓷厂".into(),
        quantity: 2,
        variant: "雾蓝色 350ml 带礼盒".into(),
        ordered_on: date(2026, 10, 20),
        seller_shipped_on: date(2026, 10, 24),
        note: "Two pieces in gift boxes; photos of item, box, label and a measurement please.".into(),
        messages: vec![
            SellerMessage {
                id: MessageId(p.new_id()),
                time: at(2026, 10, 21, 10, 12),
                text: "颜色就是雾蓝色，350ml，高9.5cm，单个礼盒包装，盒子上可以留条码位置。\n\
                       (Colour is misty blue, 350 ml, 9.5 cm tall, one per gift box, barcode space on the box.)"
                    .into(),
                screenshot: None,
                confirms: vec![colour.id, capacity.id, height.id, gift_box.id, barcode.id],
                terms: vec![],
            },
            SellerMessage {
                id: MessageId(p.new_id()),
                time: at(2026, 11, 4, 15, 40),
                text: "大货和样品同样材质、同一模具、同一色号批次，包装和配件都一样。起订量200个，交期15天，\
                       外箱50×40×35cm，毛重18.5kg，次品包换，发货前拍照给您确认。\n\
                       (Bulk uses the same material, mould, colour batch, packaging and accessories. MOQ 200, \
                       lead time 15 days, carton 50×40×35 cm, 18.5 kg gross, defects replaced, photos before dispatch.)"
                    .into(),
                screenshot: None,
                confirms: vec![],
                terms: Term::ALL.to_vec(),
            },
        ],
        parcels: vec![sample_parcel],
        observations: observations(Source::Photo),
        packing: vec![PackingRequest {
            id: PackingId(p.new_id()),
            text: "Bubble wrap each mug; keep in gift box; consolidate with other samples".into(),
            risk: Some(fragile.id),
        }],
        route: Some(RouteDecision {
            route: Some(air_line(p)),
            legacy_name: String::new(),
            cartons: vec![Carton { length_cm: 30.0, width_cm: 20.0, height_cm: 15.0, gross_kg: 1.4, count: 1 }],
            reviewed_on: date(2026, 10, 29),
            note: "Consolidated with the other samples.".into(),
        }),
        ..Order::default()
    };

    let bulk_parcels = vec![
        parcel(p, "YT7788123456001", "圆通 YTO", date(2026, 11, 20), 55.6),
        parcel(p, "YT7788123456002", "圆通 YTO", date(2026, 11, 20), 37.1),
    ];
    let bulk = Order {
        id: OrderId(p.new_id()),
        kind: OrderKind::Bulk,
        number: MUG_BULK.into(),
        seller: "潮州市枫溪区瓷韵陶瓷厂".into(),
        quantity: 500,
        variant: "雾蓝色 350ml 带礼盒".into(),
        ordered_on: date(2026, 11, 5),
        seller_shipped_on: date(2026, 11, 18),
        note: "500 pcs in 5 cartons of 100; carton labels with order number; photos of 5 random units.".into(),
        messages: vec![SellerMessage {
            id: MessageId(p.new_id()),
            time: at(2026, 11, 18, 9, 5),
            text: "已发货，两个快递单号，5箱，每箱100个，颜色和样品一致。\n\
                   (Shipped in two parcels, 5 cartons of 100, same colour as the sample.)"
                .into(),
            screenshot: None,
            confirms: vec![colour.id, per_set.id],
            terms: vec![Term::SameColourBatch],
        }],
        parcels: bulk_parcels,
        observations: observations(Source::Photo),
        packing: vec![PackingRequest {
            id: PackingId(p.new_id()),
            text: "Corner protectors and FRAGILE 易碎 labels on every carton; no re-packing".into(),
            risk: Some(fragile.id),
        }],
        route: Some(RouteDecision {
            route: Some(air_line(p)),
            legacy_name: String::new(),
            cartons: vec![Carton { length_cm: 50.0, width_cm: 40.0, height_cm: 35.0, gross_kg: 18.5, count: 5 }],
            reviewed_on: date(2026, 11, 21),
            note: "Sea is cheaper but too slow for the spring launch.".into(),
        }),
        inspection: Some(Inspection {
            lot_size: 500,
            level: InspectionLevel::II,
            aql_major: 2.5,
            aql_minor: 4.0,
            critical_found: 0,
            major_found: 1,
            minor_found: 2,
            inspected_on: date(2026, 11, 21),
            inspector: "Warehouse QC (Li Na)".into(),
        }),
        ..Order::default()
    };

    Product {
        id,
        name: "Ceramic mug 350 ml".into(),
        listing: Listing {
            url: "https://detail.1688.com/offer/612345678901.html".into(),
            marketplace: Marketplace::Alibaba1688,
            title: "北欧简约陶瓷马克杯 350ml 哑光釉 带礼盒 可定制logo".into(),
            variant: "雾蓝色 350ml 带礼盒".into(),
            sku: "MB-350-GB".into(),
            unit_price: Some(8.5),
            currency: "CNY".into(),
            moq: Some(200),
            lead_time_days: Some(15),
        },
        risks: vec![fragile],
        spec: vec![
            colour, capacity, height, weight, per_set, gift_box, label, barcode,
        ],
        orders: vec![sample, bulk],
        accepted_sample: Some(sample_id),
    }
}

fn tiles(p: &mut Project) -> Product {
    let id = ProductId(p.new_id());
    let magnet = Risk {
        id: RiskId(p.new_id()),
        kind: RiskKind::Magnet,
        note: "Magnets in every tile".into(),
    };
    let small = Risk {
        id: RiskId(p.new_id()),
        kind: RiskKind::SmallParts,
        note: "Age 3+ warning needed".into(),
    };
    let colour = spec(
        p,
        "Colour 颜色",
        Expected::Text("macaron pastel".into()),
        true,
    );
    let pieces = spec(p, "Pieces per set", Expected::Count(60), true);
    let bag = spec(p, "Storage bag 配件", Expected::YesNo(true), false);
    let edge = spec(
        p,
        "Tile edge",
        number(7.5, Unit::Cm, Tolerance::Absolute(0.2)),
        false,
    );
    let label = spec(
        p,
        "Age warning label",
        Expected::Text("3+ small parts warning".into()),
        true,
    );
    let packaging = spec(
        p,
        "Packaging 包装",
        Expected::Text("colour box".into()),
        false,
    );

    let first = Order {
        id: OrderId(p.new_id()),
        kind: OrderKind::Sample,
        number: TILES_SAMPLE_1.into(),
        seller: "汕头市澄海区乐高玩具厂".into(),
        quantity: 1,
        variant: "马卡龙色 60片 + 收纳袋".into(),
        ordered_on: date(2026, 10, 19),
        seller_shipped_on: date(2026, 10, 22),
        note: "One set, macaron colours, with the storage bag.".into(),
        messages: vec![SellerMessage {
            id: MessageId(p.new_id()),
            time: at(2026, 10, 20, 20, 31),
            text: "亲，大货和样品一样的，材质颜色包装都不变，发货前可以拍照给您确认".into(),
            screenshot: None,
            confirms: vec![colour.id, packaging.id],
            terms: vec![
                Term::SameMaterial,
                Term::SameColourBatch,
                Term::SamePackaging,
                Term::PreShipmentPhotos,
            ],
        }],
        parcels: vec![parcel(
            p,
            "ZT75310982264401",
            "中通 ZTO",
            date(2026, 10, 26),
            1.9,
        )],
        observations: vec![
            observe(&colour, "saturated primary colours (红黄蓝)", Source::Photo),
            observe(&pieces, "60", Source::Photo),
            observe(&bag, "no", Source::Photo),
            observe(&edge, "7.4 cm", Source::Measurement),
            observe(&label, "no age warning on the box", Source::Photo),
            observe(&packaging, "colour box", Source::Photo),
        ],
        packing: vec![PackingRequest {
            id: PackingId(p.new_id()),
            text: "Declare magnets; pack tiles flat in the original box".into(),
            risk: Some(magnet.id),
        }],
        ..Order::default()
    };
    Product {
        id,
        name: "Magnetic building tiles, 60 pcs".into(),
        listing: Listing {
            url: "https://item.taobao.com/item.htm?id=738812345678".into(),
            marketplace: Marketplace::Taobao,
            title: "磁力片积木 儿童益智拼装玩具 彩窗磁性片 60片装 送收纳袋".into(),
            variant: "马卡龙色 60片 + 收纳袋".into(),
            sku: "CL-60-MAC".into(),
            unit_price: Some(68.0),
            currency: "CNY".into(),
            moq: Some(50),
            lead_time_days: Some(20),
        },
        risks: vec![magnet, small],
        spec: vec![colour, pieces, bag, edge, label, packaging],
        orders: vec![first],
        accepted_sample: None,
    }
}

fn tote(p: &mut Project) -> Product {
    let id = ProductId(p.new_id());
    let material = spec(
        p,
        "Material 材质",
        Expected::Text("12 oz cotton canvas".into()),
        true,
    );
    let size = spec(
        p,
        "Width 尺寸",
        number(38.0, Unit::Cm, Tolerance::Absolute(1.0)),
        false,
    );
    let print = spec(
        p,
        "Print",
        Expected::Text("one-colour logo, front".into()),
        false,
    );
    let sample = Order {
        id: OrderId(p.new_id()),
        kind: OrderKind::Sample,
        number: TOTE_SAMPLE.into(),
        seller: "杭州帆布袋工厂店".into(),
        quantity: 2,
        variant: "米白色 38×42cm 单面印刷".into(),
        ordered_on: date(2026, 11, 16),
        seller_shipped_on: date(2026, 11, 19),
        note: "Two bags with our logo printed, one colour, front only.".into(),
        parcels: vec![parcel(p, "ZT75311450098812", "中通 ZTO", None, 0.6)],
        ..Order::default()
    };
    Product {
        id,
        name: "Canvas tote bag".into(),
        listing: Listing {
            url: "https://detail.1688.com/offer/701234509876.html".into(),
            marketplace: Marketplace::Alibaba1688,
            title: "加厚帆布袋 定制logo 环保购物袋 12安".into(),
            variant: "米白色 38×42cm 单面印刷".into(),
            sku: "TB-3842-W".into(),
            unit_price: Some(6.2),
            currency: "CNY".into(),
            moq: Some(300),
            lead_time_days: Some(10),
        },
        risks: vec![Risk {
            id: RiskId(p.new_id()),
            kind: RiskKind::Textile,
            note: String::new(),
        }],
        spec: vec![material, size, print],
        orders: vec![sample],
        accepted_sample: None,
    }
}
