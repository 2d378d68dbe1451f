//! Tracking labels read from generated photos: our scanner against zbar
//! (`zbarimg`, Debian `zbar-tools`) on the same files.
//!
//!     cargo bench --bench barcodes [-- --count N --max-blur R --out DIR]
//!
//! Each photo (`media::label_synth::LabelShot::random`, seeds 1..=N,
//! default 12): a thermal label with a Code 128 tracking number (SF, YTO,
//! J&T, JD, Deppon or an all-digit ZTO-like number), dot-matrix text above
//! and below it, on printed cardboard; the label 800–1300 px wide, turned
//! up to ±25°, perspective-warped, box-blurred (radius 1–3 px, or at most
//! `--max-blur`; two passes), unevenly lit, noisy, in a 4000×3000 frame, saved as JPEG at
//! quality 75 in DIR (default `$TMPDIR/bulkready-barcode-bench`).
//!
//! Ours: the JPEG decoded with `image`, then `media::barcode::scan` with a
//! 3 s budget, on this one thread; the time is the scan's thread CPU time
//! (grey copy, scaling, every angle) and its wall time, decoding apart.
//! zbar: `zbarimg -q --raw FILE`, one process per photo, wall time from
//! spawn to exit (decoding included; zbar is single-threaded).
//!
//! Beside each photo, `label_NN.found.jpg`: a 1000-px copy with the boxes
//! of the codes we found drawn in red.
//!
//! Read: the photo's tracking number is among the codes. Wrong: a code is
//! read whose text is not the photo's number (must stay 0).

use anyhow::{Context, Result};
use bulkready::media::barcode;
use bulkready::media::label_synth::LabelShot;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let count: u64 = arg(&args, "--count").map_or(Ok(12), |v| v.parse())?;
    let max_blur: u32 = arg(&args, "--max-blur").map_or(Ok(3), |v| v.parse())?;
    let out = arg(&args, "--out").map_or_else(
        || std::env::temp_dir().join("bulkready-barcode-bench"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let zbar = Command::new("zbarimg").arg("--version").output().is_ok();
    println!(
        "{count} label photos of 4000×3000, blur radius at most {max_blur}, in {}",
        out.display()
    );
    println!("photo      tracking          angle  px/mm blur | ours  ms(cpu)  ms(wall) | zbar  ms");
    let mut ours = Tally::default();
    let mut theirs = Tally::default();
    for seed in 1..=count {
        let text = tracking(seed);
        let mut shot = LabelShot::random(&text, seed);
        shot.blur_px = shot.blur_px.min(max_blur);
        let file = out.join(format!("label_{seed:02}.jpg"));
        write_jpeg(&shot, &file)?;
        let (ours_row, mine) = run_ours(&file, &text)?;
        ours.add(mine);
        let zbar_row = if zbar {
            let r = run_zbar(&file, &text)?;
            theirs.add(r.1);
            r.0
        } else {
            "  (no zbarimg)".to_string()
        };
        println!(
            "{:<10} {:<17} {:>5.1} {:>6.1} {:>4} | {ours_row} | {zbar_row}",
            file.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            text,
            shot.angle_deg,
            shot.px_per_mm,
            shot.blur_px,
        );
    }
    ours.print("ours (rxing, 2.5 MP grey, 4 angles)");
    if zbar {
        theirs.print("zbar (zbarimg, full size)");
    }
    Ok(())
}

fn arg<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// A tracking number of one of six shapes, from the seed.
fn tracking(seed: u64) -> String {
    let digits = |n: usize| -> String {
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x1234_5678;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from(b'0' + (x % 10) as u8)
            })
            .collect()
    };
    match seed % 6 {
        0 => format!("SF{}", digits(13)),
        1 => format!("YT{}", digits(13)),
        2 => format!("JT{}", digits(13)),
        3 => format!("JDVA{}", digits(11)),
        4 => format!("DPK{}", digits(12)),
        _ => format!("75{}", digits(12)),
    }
}

fn write_jpeg(shot: &LabelShot, file: &Path) -> Result<()> {
    let img = shot
        .render()
        .context("the tracking number cannot be drawn")?;
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 75).encode_image(&img)?;
    std::fs::write(file, bytes).with_context(|| format!("writing {}", file.display()))
}

/// One photo's outcome.
#[derive(Clone, Copy, Default)]
struct Outcome {
    read: bool,
    wrong: bool,
    time: Duration,
}

#[derive(Default)]
struct Tally {
    n: u32,
    read: u32,
    wrong: u32,
    times: Vec<Duration>,
}

impl Tally {
    fn add(&mut self, o: Outcome) {
        self.n += 1;
        self.read += u32::from(o.read);
        self.wrong += u32::from(o.wrong);
        self.times.push(o.time);
    }

    fn print(&mut self, who: &str) {
        self.times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let median = self
            .times
            .get(self.times.len() / 2)
            .copied()
            .unwrap_or_default();
        let max = self.times.last().copied().unwrap_or_default();
        let mean = self.times.iter().sum::<Duration>() / self.n.max(1);
        println!(
            "{who}: read {}/{} ({:.0} %), wrong {}/{} ({:.0} %), ms per photo: median {:.0}, mean {:.0}, max {:.0}",
            self.read,
            self.n,
            100.0 * f64::from(self.read) / f64::from(self.n.max(1)),
            self.wrong,
            self.n,
            100.0 * f64::from(self.wrong) / f64::from(self.n.max(1)),
            ms(median),
            ms(mean),
            ms(max),
        );
    }
}

fn run_ours(file: &Path, want: &str) -> Result<(String, Outcome)> {
    let img = image::open(file).with_context(|| format!("decoding {}", file.display()))?;
    let (cpu0, wall0) = (thread_cpu(), Instant::now());
    let report = barcode::scan_report(&img, Duration::from_secs(3));
    let (cpu, wall) = (thread_cpu().saturating_sub(cpu0), wall0.elapsed());
    let texts: Vec<&str> = report.codes.iter().map(|c| c.text.as_str()).collect();
    draw_found(&img, &report.codes, &file.with_extension("found.jpg"))?;
    let o = Outcome {
        read: texts.contains(&want),
        wrong: texts.iter().any(|t| *t != want),
        time: cpu,
    };
    let row = format!(
        "{:<5} {:>8.0} {:>9.0} dropped {} passes {}",
        verdict(o),
        cpu.as_secs_f64() * 1000.0,
        wall.as_secs_f64() * 1000.0,
        report.dropped,
        report.passes,
    );
    Ok((row, o))
}

/// A 1000-px copy of the photo with each code's box drawn in red and its
/// text printed to the console (for the screenshot).
fn draw_found(img: &image::DynamicImage, codes: &[barcode::FoundCode], file: &Path) -> Result<()> {
    let mut small = img
        .resize(1000, 1000, image::imageops::FilterType::Triangle)
        .to_rgb8();
    let (w, h) = (small.width() as f32, small.height() as f32);
    for code in codes {
        for i in 0..4 {
            let (a, b) = (code.quad[i], code.quad[(i + 1) % 4]);
            for t in 0..=200 {
                let f = t as f32 / 200.0;
                let (x, y) = (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f);
                for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                    let (px, py) = ((x * w) as u32 + dx, (y * h) as u32 + dy);
                    if px < small.width() && py < small.height() {
                        small.put_pixel(px, py, image::Rgb([230, 20, 20]));
                    }
                }
            }
        }
    }
    small
        .save(file)
        .with_context(|| format!("writing {}", file.display()))
}

fn run_zbar(file: &Path, want: &str) -> Result<(String, Outcome)> {
    let start = Instant::now();
    let out = Command::new("zbarimg")
        .args(["-q", "--raw"])
        .arg(file)
        .output()
        .context("running zbarimg")?;
    let time = start.elapsed();
    let text = String::from_utf8_lossy(&out.stdout);
    let texts: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    let o = Outcome {
        read: texts.contains(&want),
        wrong: texts.iter().any(|t| *t != want),
        time,
    };
    Ok((
        format!("{:<5} {:>4.0}", verdict(o), time.as_secs_f64() * 1000.0),
        o,
    ))
}

fn verdict(o: Outcome) -> &'static str {
    match (o.read, o.wrong) {
        (_, true) => "WRONG",
        (true, false) => "read",
        (false, false) => "-",
    }
}

/// This thread's CPU time.
#[allow(unsafe_code)]
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}
