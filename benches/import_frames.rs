//! Frame times of the window while 120 photos of 4000 × 3000 import in the
//! background: the import job copies, hashes, reads EXIF and makes the
//! thumbnails, the grid of the selected order fills in as they arrive.
//!
//!     cargo bench --bench import_frames
//!
//! The app runs on a plain egui context as eframe runs it, minus the GPU
//! (one pass of `logic` + `ui`, then tessellation), one frame after another
//! as fast as they come, until the import and the thumbnails are done. The
//! bar is no frame over 16 ms. Two times per frame: wall time, which other
//! processes on a busy machine inflate, and the UI thread's own CPU time
//! (CLOCK_THREAD_CPUTIME_ID), which they do not. The corpus (distinct JPEGs, some with EXIF
//! orientation 6) is generated first, on all cores, and not timed.

use bulkready::app::Command;
use bulkready::model::*;
use bulkready::ui::{BulkReadyApp, NoDialogs, Selection};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const PHOTOS: usize = 120;
const SIZE: (u32, u32) = (4000, 3000);

/// One distinct 4000 × 3000 JPEG: a gradient with a few blocks, so it
/// compresses like a photo of a table more than like a flat colour.
fn photo(i: usize) -> Vec<u8> {
    let (w, h) = SIZE;
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let block = ((x / 250 + y / 250) as usize + i) % 7;
        let base = [
            (x * 255 / w) as u8,
            (y * 255 / h) as u8,
            (i * 37 % 256) as u8,
        ];
        if block == 0 {
            image::Rgb([base[2], base[0], base[1]])
        } else {
            image::Rgb(base)
        }
    });
    let mut out = Vec::new();
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
    enc.encode_image(&img).expect("encode");
    out
}

fn corpus(dir: &Path) -> Vec<PathBuf> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let paths: Vec<PathBuf> = (0..PHOTOS)
        .map(|i| dir.join(format!("QC_{i:04}.jpg")))
        .collect();
    std::thread::scope(|s| {
        for t in 0..threads {
            let paths = &paths;
            s.spawn(move || {
                for (i, p) in paths.iter().enumerate().skip(t).step_by(threads) {
                    std::fs::write(p, photo(i)).expect("write");
                }
            });
        }
    });
    paths
}

/// CPU time of the calling thread, in ms.
#[allow(unsafe_code)]
fn thread_cpu_ms() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
}

fn summary(label: &str, mut times: Vec<f64>) {
    times.sort_by(f64::total_cmp);
    let n = times.len();
    let over = times.iter().filter(|t| **t > 16.0).count();
    println!(
        "{label:<16} median {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {over} of {n} over 16 ms",
        times[n / 2],
        times[n * 95 / 100],
        times[n * 99 / 100],
        times[n - 1]
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = Instant::now();
    let files = corpus(dir.path());
    println!(
        "corpus: {PHOTOS} JPEGs of {}×{} made in {:.1} s",
        SIZE.0,
        SIZE.1,
        t.elapsed().as_secs_f64()
    );

    let mut project = Project::new("import benchmark");
    let oid = OrderId(project.new_id());
    let pid = ProductId(project.new_id());
    project.products.push(Product {
        id: pid,
        name: "Mug 马克杯".into(),
        orders: vec![Order {
            id: oid,
            kind: OrderKind::Bulk,
            number: "1".into(),
            ..Order::default()
        }],
        ..Product::default()
    });
    let path = dir.path().join("bench.ron");
    bulkready::store::save(&path, &project).expect("save");

    let ctx = egui::Context::default();
    let cc = eframe::CreationContext::_new_kittest(ctx.clone());
    let mut app = BulkReadyApp::with_dialogs(&cc, Some(path), Box::new(NoDialogs));
    let mut frame = eframe::Frame::_new_kittest();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0));
    let mut pass = |app: &mut BulkReadyApp| {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            ..Default::default()
        };
        let (t, cpu) = (Instant::now(), thread_cpu_ms());
        let out = ctx.run_ui(input, |ui| {
            eframe::App::logic(app, ui.ctx(), &mut frame);
            eframe::App::ui(app, ui, &mut frame);
        });
        std::hint::black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
        (t.elapsed().as_secs_f64() * 1e3, thread_cpu_ms() - cpu)
    };
    while app.session.doc.is_none() {
        pass(&mut app);
        std::thread::sleep(Duration::from_millis(5));
    }
    app.selection = Selection::Order(oid);
    for _ in 0..10 {
        pass(&mut app);
    }

    app.session.apply(Command::ImportPhotos {
        order: oid,
        parcel: None,
        paths: files,
    });
    let start = Instant::now();
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    let mut imported_at = None;
    loop {
        let (w, c) = pass(&mut app);
        wall.push(w);
        cpu.push(c);
        let busy = app.session.busy();
        if imported_at.is_none() && !busy.contains(&bulkready::app::jobs::Job::Import) {
            imported_at = Some(start.elapsed());
        }
        let photos = app
            .session
            .project()
            .and_then(|p| p.order(oid))
            .map_or(0, |(_, o)| o.photos.len());
        if photos == PHOTOS && busy.iter().all(|j| *j == bulkready::app::jobs::Job::Watch) {
            break;
        }
        if start.elapsed() > Duration::from_secs(600) {
            panic!("the import did not finish in 10 minutes");
        }
    }
    let total = start.elapsed();
    println!(
        "import of {PHOTOS} photos: {:.1} s to import, {:.1} s until the last thumbnail is on screen; {} frames meanwhile",
        imported_at.unwrap_or(total).as_secs_f64(),
        total.as_secs_f64(),
        wall.len()
    );
    summary("wall time", wall);
    summary("UI thread CPU", cpu);
}
