//! Load and save of a generated project: 2,000 orders of 20 photos each.
//!
//!     cargo bench --bench project_io
//!
//! Prints min and median wall time of several runs for: a clone (what an
//! undo snapshot costs), serialise, parse, save (atomic, with backup) and
//! load (read + parse + checks), plus the file size and peak resident
//! memory.

use bulkready::model::*;
use bulkready::store;
use std::time::{Duration, Instant};

const ORDERS: usize = 2_000;
const PHOTOS_PER_ORDER: usize = 20;
const RUNS: usize = 7;

fn generate() -> Project {
    let mut p = Project::new("benchmark");
    let products = ORDERS / 10;
    for i in 0..products {
        let id = ProductId(p.new_id());
        let spec: Vec<SpecItem> = (0..8)
            .map(|k| SpecItem {
                id: SpecId(p.new_id()),
                name: format!("Spec row {k}"),
                expected: if k % 2 == 0 {
                    Expected::Text("哑光白 matte white".into())
                } else {
                    Expected::Number {
                        value: 12.5,
                        unit: Unit::Cm,
                        tolerance: Tolerance::Absolute(0.5),
                    }
                },
                critical: k == 0,
            })
            .collect();
        let mut orders = Vec::new();
        for o in 0..ORDERS / products {
            let order_id = OrderId(p.new_id());
            let parcel = ParcelId(p.new_id());
            let photos = (0..PHOTOS_PER_ORDER)
                .map(|n| {
                    let hash = format!("{:032x}", (i * 1000 + o * 100 + n) as u128 * 7919);
                    Photo {
                        id: PhotoId(p.new_id()),
                        file: StoredFile {
                            path: format!("{hash}.jpg"),
                            hash,
                            original_name: format!("IMG_{n:04}.JPG"),
                        },
                        width: 4000,
                        height: 3000,
                        taken: chrono::NaiveDate::from_ymd_opt(2026, 11, 3)
                            .and_then(|d| d.and_hms_opt(10, 4, n as u32)),
                        parcel: Some(parcel),
                        tags: vec![Tag::Item, Tag::Label],
                        checks: Checks {
                            model: Check::Pass,
                            ..Checks::default()
                        },
                        note: if n % 5 == 0 {
                            "划痕 scratch on rim".into()
                        } else {
                            String::new()
                        },
                        marks: Vec::new(),
                        codes: Vec::new(),
                    }
                })
                .collect();
            orders.push(Order {
                id: order_id,
                kind: if o == 0 {
                    OrderKind::Sample
                } else {
                    OrderKind::Bulk
                },
                number: format!("2026{i:06}{o:04}"),
                seller: "义乌市某某日用品有限公司".into(),
                quantity: 500,
                parcels: vec![Parcel {
                    id: parcel,
                    tracking: format!("YT{i:08}{o:04}"),
                    carrier: "圆通".into(),
                    arrived_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 2),
                    weight_kg: Some(12.4),
                }],
                photos,
                ..Order::default()
            });
        }
        p.products.push(Product {
            id,
            name: format!("Product {i}"),
            spec,
            orders,
            ..Product::default()
        });
    }
    p
}

fn time<T>(label: &str, mut f: impl FnMut() -> T) {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{label:<32} min {:>8.1} ms   median {:>8.1} ms",
        times[0].as_secs_f64() * 1e3,
        times[RUNS / 2].as_secs_f64() * 1e3
    );
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let project = generate();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bench.ron");
    let text = store::to_ron(&project);
    println!(
        "{} orders, {} photos, file {:.1} MB",
        ORDERS,
        ORDERS * PHOTOS_PER_ORDER,
        text.len() as f64 / 1e6
    );
    time("clone (an undo snapshot)", || project.clone());
    time("serialise (to_ron)", || store::to_ron(&project));
    time("parse (from_ron)", || store::from_ron(&text, &path));
    time("save (atomic, with .bak)", || store::save(&path, &project));
    time("load (read + parse + checks)", || store::load(&path));
    if let Some(mb) = peak_rss_mb() {
        println!("peak resident memory {mb:.0} MB");
    }
    Ok(())
}
