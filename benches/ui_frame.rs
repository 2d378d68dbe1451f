//! CPU time per frame of the real window, headless (egui_kittest, no GPU),
//! over a generated project of 2,000 orders and 40,000 photos (200 products
//! of 10 orders of 20 photos), with an order selected.
//!
//!     cargo bench --bench ui_frame
//!
//! Three measurements, each over 300 frames after 20 warm-up frames:
//! - "idle": frames in which nothing happens;
//! - "keystroke": frames each applying one typed character's op (the order
//!   note grows by a letter: apply, undo step, derived results, drawing);
//! - "app pass": what eframe does on the CPU for a frame, minus the GPU:
//!   one egui pass (`logic` + `ui`) and tessellation, on a plain context
//!   (accessibility off, as when no screen reader is running);
//! - "kittest step": the same pass inside egui_kittest, which also builds
//!   and consumes the AccessKit tree every frame (an upper bound).
//!
//! Wall time of a single-threaded pass on an idle machine is its CPU time;
//! the process CPU time over all frames (/proc/self/stat) is printed as a
//! cross-check.

use bulkready::app::{Command, Document};
use bulkready::rules::ops::{Op, OrderFacts};
use bulkready::ui::{BulkReadyApp, NoDialogs, Selection};
use eframe::egui;
use egui_kittest::Harness;
use std::time::Instant;

mod common;
use common::{ORDERS_PER_PRODUCT, PHOTOS_PER_ORDER, PRODUCTS, project};

const FRAMES: usize = 300;

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
    let mut pass = |app: &mut BulkReadyApp| common::app_pass(&ctx, app, &mut frame);
    let (wall, cpu) = timed(FRAMES, || pass(&mut app));
    report("idle", wall, cpu);
    let (wall, cpu) = timed(FRAMES, || {
        let o = app
            .session
            .project()
            .and_then(|p| p.order(order))
            .map(|(_, o)| o);
        let mut facts = o.map(OrderFacts::of).unwrap_or_default();
        facts.note.push('a');
        let op = Op::SetOrderFacts(order, Box::new(facts));
        app.session.apply(Command::Typing {
            op,
            field: "note".into(),
        });
        pass(&mut app);
    });
    report("keystroke", wall, cpu);

    // The same inside egui_kittest (AccessKit tree built and consumed).
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| BulkReadyApp::with_dialogs(cc, None, Box::new(NoDialogs)));
    h.state_mut().session.doc = Some(Document::untitled(project));
    h.state_mut().selection = Selection::Order(order);
    let (wall, cpu) = timed(FRAMES, || h.step());
    report("kittest step", wall, cpu);
}
