//! Resident memory of the window with the 2,000-order, 40,000-photo
//! project open, after the grid of every order in turn has been on screen
//! with its thumbnails (one order after another: 40,000 grid cells, the
//! texture cache bounded).
//!
//!     cargo bench --bench memory
//!
//! The photos point at 20 distinct stored JPEGs (the store is content-
//! addressed, so the thumbnail job still makes one thumbnail per photo
//! from the user's cache). The app runs on a plain egui context as eframe
//! runs it, minus the GPU. Peak resident memory is VmHWM from
//! /proc/self/status.

use bulkready::app::Command;
use bulkready::model::*;
use bulkready::ui::{BulkReadyApp, NoDialogs, Selection};
use eframe::egui;
use std::time::{Duration, Instant};

mod common;

fn vm(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The project on disk, its photos pointing at 20 stored JPEGs.
fn write_project(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("memory.ron");
    let store = bulkready::store::PhotoStore::for_project(&path);
    let files: Vec<StoredFile> = (0..20)
        .map(|i| {
            let colour = [(i * 12) as u8, 120, 200 - (i * 5) as u8];
            let bytes = bulkready::media::synth::render(
                &bulkready::media::synth::Scene::Mug { colour },
                1,
                None,
            );
            store
                .add(&bytes, &format!("IMG_{i:04}.JPG"), "jpg")
                .expect("the store takes the photo")
        })
        .collect();
    let mut project = common::project();
    for (k, photo) in project
        .products
        .iter_mut()
        .flat_map(|p| p.orders.iter_mut())
        .flat_map(|o| o.photos.iter_mut())
        .enumerate()
    {
        photo.file = StoredFile {
            original_name: format!("IMG_{k:05}.JPG"),
            ..files[k % files.len()].clone()
        };
    }
    bulkready::store::save(&path, &project).expect("the project saves");
    path
}

fn main() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let path = write_project(dir.path());
    let ctx = egui::Context::default();
    let cc = eframe::CreationContext::_new_kittest(ctx.clone());
    let mut app = BulkReadyApp::with_dialogs(&cc, None, Box::new(NoDialogs));
    let mut frame = eframe::Frame::_new_kittest();
    let mut pass = |app: &mut BulkReadyApp| common::app_pass(&ctx, app, &mut frame);
    app.session.apply(Command::Open(path));
    while app.session.doc.is_none() {
        pass(&mut app);
        std::thread::sleep(Duration::from_millis(5));
    }
    let opened = vm("VmRSS:").unwrap_or(0.0);
    // What a project-wide edit (a route, the warehouse) recomputes: every
    // gate of every product and order, on the UI thread.
    if let Some(project) = app.session.project() {
        let now = chrono::Local::now().naive_local();
        let mut times: Vec<f64> = (0..20)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(bulkready::rules::evaluate(project, now));
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "every gate recomputed (a project-wide edit): median {:.1} ms, max {:.1} ms",
            times[10], times[19]
        );
    }
    let orders: Vec<OrderId> = app
        .session
        .project()
        .map(|p| {
            p.products
                .iter()
                .flat_map(|x| x.orders.iter().map(|o| o.id))
                .collect()
        })
        .unwrap_or_default();
    let start = Instant::now();
    for order in &orders {
        app.selection = Selection::Order(*order);
        // Frames until the order's thumbnails are in (or a second passed).
        let until = Instant::now() + Duration::from_secs(1);
        for n in 0.. {
            pass(&mut app);
            if (n > 3 && app.is_idle()) || Instant::now() > until {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    println!(
        "{} orders, each shown with its grid: {:.0} s; resident memory after opening {opened:.0} MB, now {:.0} MB, peak {:.0} MB",
        orders.len(),
        start.elapsed().as_secs_f64(),
        vm("VmRSS:").unwrap_or(0.0),
        vm("VmHWM:").unwrap_or(0.0)
    );
}
