//! 256-px thumbnails of a photo corpus: our pipeline against
//! `vipsthumbnail --size 256` (Debian `libvips-tools`), same files, same run.
//!
//!     cargo bench --bench thumbnails
//!
//! The corpus (made once, kept in `$TMPDIR/bulkready-thumb-bench-v1`, or
//! `THUMB_BENCH_DIR`): 120 JPEGs of 4000×3000 at quality 90, 4:2:0, with
//! noise so they weigh what phone photos weigh; 20 each with EXIF
//! orientation 3, 6 and 8 (stored turned, like a phone); 24 progressive;
//! plus 4 PNG screenshots. They sit in a photo store as the app keeps them.
//!
//! What each side does, per file:
//! - ours: `thumbnail_in` over the store, one file per thread, the same
//!   per-file work as the window's thumbnail job (which takes its files
//!   from a queue and uses the user's cache folder instead): read the file
//!   (regular, inside the store), check it (format, size, whole), decode
//!   (JPEG at 1/8 scale), Lanczos3 resize, EXIF orientation, an RGBA image
//!   in memory, encoded as PNG into a thumbnail cache folder of the
//!   bench's own (temp file, fsync, rename), emptied before each run.
//! - import: what the import job does per file (read, check and thumbnail
//!   in one decode, hash, copy into a new store, cache the thumbnail).
//! - vips: `vipsthumbnail --size 256 -o OUT/%s.png FILES…`: read, decode
//!   (JPEG shrink-on-load), resize, auto-rotate, PNG written (no fsync).
//!
//! Runs (each `THUMB_BENCH_RUNS` times, default 3, interleaved; median and
//! min wall time of the whole process, from spawn to exit, and median CPU
//! time, user + system, which other work on the machine disturbs less):
//! - 1 thread: ours with 1 worker, vips with `VIPS_CONCURRENCY=1`; both
//!   pinned to CPU 0 with `taskset` when it exists (`jpeg-decoder` and vips
//!   both start helper threads of their own).
//! - all cores: ours with one worker per core; one vips process with its
//!   default concurrency; and one single-threaded vips process per core,
//!   each given its share of the files (what `xargs -P` does).
//!
//! Peak memory is the maximum resident set size from `/usr/bin/time -f %M`
//! (for the per-core vips run: the largest process, and their sum).
//! Without vipsthumbnail only our side runs.

use anyhow::{Context, Result, bail};
use bulkready::media::{self, synth};
use bulkready::model::StoredFile;
use bulkready::store::{PhotoStore, ThumbCache, thumbnail_in};
use image::{Rgb, RgbImage, Rgba, RgbaImage};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const JPEGS: usize = 120;
const SIZE: u32 = 256;
const CORPUS_VERSION: &str = "v1";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--child") {
        return child(&args[2..]);
    }
    if args.get(1).map(String::as_str) == Some("--import-child") {
        return import_child(&args[2..]);
    }
    let dir = std::env::var_os("THUMB_BENCH_DIR").map_or_else(
        || std::env::temp_dir().join(format!("bulkready-thumb-bench-{CORPUS_VERSION}")),
        PathBuf::from,
    );
    let runs: usize = std::env::var("THUMB_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3)
        .max(1);
    let files = corpus(&dir)?;
    let store = store_of(&dir);
    let paths: Vec<PathBuf> = files.iter().map(|f| store.path_of(f)).collect();
    let bytes: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    println!(
        "corpus: {} files, {:.0} MB, in {}",
        paths.len(),
        bytes as f64 / 1e6,
        store.root().display()
    );
    // Into the page cache before anything is timed.
    for p in &paths {
        std::fs::read(p)?;
    }

    let cores = media::default_threads();
    let me = std::env::current_exe()?;
    let vips = which("vipsthumbnail");
    let taskset = which("taskset");
    let pin = |cmd: Vec<String>| match &taskset {
        Some(t) => [vec![t.display().to_string(), "-c".into(), "0".into()], cmd].concat(),
        None => cmd,
    };
    let ours = |threads: usize| {
        vec![
            me.display().to_string(),
            "--child".into(),
            threads.to_string(),
            dir.display().to_string(),
        ]
    };
    // A process's environment is 'static here (a bench, run once).
    let import_cache: &'static str = Box::leak(
        dir.join("import-cache")
            .display()
            .to_string()
            .into_boxed_str(),
    );
    let import = |threads: usize| {
        vec![
            me.display().to_string(),
            "--import-child".into(),
            threads.to_string(),
            dir.display().to_string(),
        ]
    };
    let out = dir.join("vips-out");
    let vips_cmd = |vips: &Path, files: &[PathBuf]| {
        let mut cmd = vec![
            vips.display().to_string(),
            "--size".into(),
            SIZE.to_string(),
            "-o".into(),
            format!("{}/%s.png", out.display()),
        ];
        cmd.extend(files.iter().map(|p| p.display().to_string()));
        cmd
    };
    let one_thread = [("VIPS_CONCURRENCY", "1")];

    let mut setups: Vec<Setup> = vec![
        Setup::new("ours, 1 thread", vec![(vec![], pin(ours(1)))]),
        Setup::new(
            &format!("ours, {cores} threads"),
            vec![(vec![], ours(cores))],
        ),
        Setup::new(
            &format!("ours, import, {cores} threads"),
            vec![(vec![("BULKREADY_CACHE_DIR", import_cache)], import(cores))],
        ),
    ];
    if let Some(v) = &vips {
        setups.push(Setup::new(
            "vipsthumbnail, VIPS_CONCURRENCY=1",
            vec![(one_thread.to_vec(), pin(vips_cmd(v, &paths)))],
        ));
        setups.push(Setup::new(
            "vipsthumbnail, default concurrency",
            vec![(vec![], vips_cmd(v, &paths))],
        ));
        let shares: Vec<_> = (0..cores)
            .map(|k| {
                let mine: Vec<PathBuf> = paths.iter().skip(k).step_by(cores).cloned().collect();
                (one_thread.to_vec(), vips_cmd(v, &mine))
            })
            .collect();
        setups.push(Setup::new(
            &format!("vipsthumbnail ×{cores} processes, 1 thread each"),
            shares,
        ));
    } else {
        println!("vipsthumbnail not found (apt-get install libvips-tools): only ours runs");
    }
    if taskset.is_none() {
        println!("taskset not found: the 1-thread runs are not pinned to one CPU");
    }

    for run in 0..runs {
        for setup in &mut setups {
            if setup.name.starts_with("vips") {
                let _ = std::fs::remove_dir_all(&out);
                std::fs::create_dir_all(&out)?;
            }
            let (time, cpu, rss) = timed(&setup.processes)?;
            if setup.name.starts_with("vips") {
                let made = std::fs::read_dir(&out)?.count();
                if made != paths.len() {
                    bail!(
                        "{}: {made} thumbnails for {} files",
                        setup.name,
                        paths.len()
                    );
                }
            }
            eprintln!(
                "run {}: {:<45} {:>7.2} s, CPU {:.2} s",
                run + 1,
                setup.name,
                time.as_secs_f64(),
                cpu.as_secs_f64()
            );
            setup.times.push(time);
            setup.cpu.push(cpu);
            setup.rss = rss;
        }
    }

    println!();
    println!(
        "{:<45} {:>9} {:>9} {:>10} {:>12}",
        "256-px thumbnails", "median s", "min s", "CPU s", "peak RSS MB"
    );
    for s in &setups {
        println!(
            "{:<45} {:>9.2} {:>9.2} {:>10.2} {:>12}",
            s.name,
            s.median().as_secs_f64(),
            s.min().as_secs_f64(),
            s.median_cpu().as_secs_f64(),
            s.rss_text()
        );
    }
    if setups.len() > 5 {
        let ratio =
            |ours: &Setup, vips: &Setup| ours.median().as_secs_f64() / vips.median().as_secs_f64();
        println!();
        println!("ours / vips (median times; under 1.0 means ours is faster):");
        // Setups in order: ours 1 thread, ours all cores, import all
        // cores, vips 1 thread, vips default, vips one process per core.
        let lines = [
            ("1 thread", 0, 3),
            ("all cores, vs one vips process", 1, 4),
            ("all cores, vs one vips process per core", 1, 5),
            ("import, all cores, vs one vips process", 2, 4),
            ("import, all cores, vs one vips process per core", 2, 5),
        ];
        for (what, ours, vips) in lines {
            println!("  {what:<50} {:.2}", ratio(&setups[ours], &setups[vips]));
        }
    }
    Ok(())
}

/// One line of the table: the processes it starts (all at once), with
/// extra environment variables.
struct Setup {
    name: String,
    processes: Vec<Process>,
    times: Vec<Duration>,
    cpu: Vec<Duration>,
    /// Peak RSS in kB of each process of the last run.
    rss: Vec<u64>,
}

impl Setup {
    fn new(name: &str, processes: Vec<Process>) -> Self {
        Self {
            name: name.to_string(),
            processes,
            times: Vec::new(),
            cpu: Vec::new(),
            rss: Vec::new(),
        }
    }

    fn median(&self) -> Duration {
        median(&self.times)
    }

    fn median_cpu(&self) -> Duration {
        median(&self.cpu)
    }

    fn min(&self) -> Duration {
        self.times.iter().copied().min().unwrap_or_default()
    }

    fn rss_text(&self) -> String {
        let mb = |kb: u64| kb as f64 / 1024.0;
        match self.rss.as_slice() {
            [] => "n/a".into(),
            [one] => format!("{:.0}", mb(*one)),
            many => format!(
                "{:.0} each, {:.0} sum",
                mb(many.iter().copied().max().unwrap_or(0)),
                mb(many.iter().sum())
            ),
        }
    }
}

fn median(times: &[Duration]) -> Duration {
    let mut t = times.to_vec();
    t.sort_unstable();
    t.get(t.len() / 2).copied().unwrap_or_default()
}

/// Starts the processes together, waits for all; the wall time from the
/// first start to the last exit, and, when `/usr/bin/time` is there to
/// tell them, the CPU time (user + system) of all and each one's peak RSS
/// (kB).
type Process = (Vec<(&'static str, &'static str)>, Vec<String>);
fn timed(processes: &[Process]) -> Result<(Duration, Duration, Vec<u64>)> {
    let time = Path::new("/usr/bin/time");
    let tmp = tempfile::tempdir()?;
    let start = Instant::now();
    let mut children = Vec::new();
    for (i, (env, cmd)) in processes.iter().enumerate() {
        let report = tmp.path().join(format!("{i}.txt"));
        let mut command = if time.exists() {
            let mut c = Command::new(time);
            c.arg("-f").arg("%M %U %S").arg("-o").arg(&report).args(cmd);
            c
        } else {
            let mut c = Command::new(&cmd[0]);
            c.args(&cmd[1..]);
            c
        };
        command.envs(env.iter().copied());
        command.stdout(std::process::Stdio::null());
        children.push((
            command
                .spawn()
                .with_context(|| format!("starting {}", cmd[0]))?,
            report,
        ));
    }
    let mut rss = Vec::new();
    let mut cpu = Duration::ZERO;
    for (mut child, report) in children {
        let status = child.wait()?;
        if !status.success() {
            bail!("a benchmark process failed: {status}");
        }
        let text = std::fs::read_to_string(&report).unwrap_or_default();
        let fields: Vec<f64> = text
            .lines()
            .last()
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        if let [kb, user, system] = fields[..] {
            rss.push(kb as u64);
            cpu += Duration::from_secs_f64(user + system);
        }
    }
    Ok((start.elapsed(), cpu, rss))
}

/// `--child THREADS DIR`: our pipeline over the corpus store, as the
/// window's thumbnail job runs it.
fn child(args: &[String]) -> Result<()> {
    let [threads, dir] = args else {
        bail!("usage: --child THREADS DIR");
    };
    let threads: usize = threads.parse()?;
    let dir = PathBuf::from(dir);
    let files = read_list(&dir)?;
    let store = store_of(&dir);
    // A cache of the bench's own (the window uses the user's cache folder).
    let cache = ThumbCache::at(&dir.join("cache"));
    let _ = std::fs::remove_dir_all(cache.dir());
    let failed = std::sync::atomic::AtomicUsize::new(0);
    let done = media::for_each_parallel(
        &files,
        threads,
        || false,
        |file| thumbnail_in(Some(&cache), &store, file, SIZE),
        |i, r: Result<RgbaImage, String>| {
            if let Err(e) = r {
                eprintln!("{}: {e}", files[i].original_name);
                failed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        },
    );
    let made = std::fs::read_dir(cache.dir())?.count();
    if done != files.len() || failed.into_inner() > 0 || made != files.len() {
        bail!("{done} done, {made} cached, of {} files", files.len());
    }
    Ok(())
}

/// What an import does with each file, as the window's import job does it
/// (one file per thread): read it (a regular file), check it and make its
/// grid thumbnail in one decode, hash it, copy it into a new photo store,
/// and keep the thumbnail in a cache (the bench's own).
fn import_child(args: &[String]) -> Result<()> {
    let [threads, dir] = args else {
        bail!("usage: --import-child THREADS DIR");
    };
    let threads: usize = threads.parse()?;
    let dir = PathBuf::from(dir);
    let files = read_list(&dir)?;
    let source = store_of(&dir);
    let sources: Vec<PathBuf> = files.iter().map(|f| source.path_of(f)).collect();
    let target_dir = dir.join("import-target");
    let _ = std::fs::remove_dir_all(&target_dir);
    std::fs::create_dir_all(&target_dir)?;
    let target = PhotoStore::for_project(&target_dir.join("imported.ron"));
    // The parent sets BULKREADY_CACHE_DIR to this folder for the child.
    let cache = dir.join("import-cache");
    let _ = std::fs::remove_dir_all(&cache);
    let failed = std::sync::atomic::AtomicUsize::new(0);
    let done = media::for_each_parallel(
        &sources,
        threads,
        || false,
        |path| bulkready::app::import::prepare(&target, path).map(|_| ()),
        |i, r: Result<(), bulkready::app::import::Failed>| {
            if let Err(e) = r {
                eprintln!("{}: {}", files[i].original_name, e.reason);
                failed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        },
    );
    let cached = ThumbCache::at(&cache);
    let made = std::fs::read_dir(cached.dir())?.count();
    if done != files.len() || failed.into_inner() > 0 || made != files.len() {
        bail!(
            "{done} imported, {made} thumbnails cached, of {} files",
            files.len()
        );
    }
    Ok(())
}

fn store_of(dir: &Path) -> PhotoStore {
    PhotoStore::for_project(&dir.join("bench.ron"))
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(program))
        .find(|p| p.is_file())
}

fn read_list(dir: &Path) -> Result<Vec<StoredFile>> {
    let text = std::fs::read_to_string(dir.join("files.txt"))?;
    text.lines()
        .map(|line| {
            let mut parts = line.split('\t');
            match (parts.next(), parts.next(), parts.next()) {
                (Some(path), Some(hash), Some(name)) => Ok(StoredFile {
                    path: path.into(),
                    hash: hash.into(),
                    original_name: name.into(),
                }),
                _ => bail!("bad line in files.txt: {line}"),
            }
        })
        .collect()
}

/// The corpus in `dir`, made if it is not there whole.
fn corpus(dir: &Path) -> Result<Vec<StoredFile>> {
    let marker = dir.join("complete");
    if marker.exists() {
        return read_list(dir);
    }
    eprintln!("making the corpus in {} (once)…", dir.display());
    let start = Instant::now();
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir)?;
    let store = store_of(dir);
    let made = std::sync::Mutex::new(Vec::new());
    let items: Vec<usize> = (0..JPEGS + 4).collect();
    media::for_each_parallel(
        &items,
        media::default_threads(),
        || false,
        |&i| {
            let (name, bytes) = if i < JPEGS {
                photo(i)
            } else {
                screenshot(i - JPEGS)
            };
            store
                .add(&bytes?, &name, "bin")
                .map_err(anyhow::Error::from)
        },
        |i, r| {
            if let Ok(mut m) = made.lock() {
                m.push((i, r));
            }
        },
    );
    let mut made = made
        .into_inner()
        .map_err(|_| anyhow::anyhow!("a generator panicked"))?;
    made.sort_by_key(|(i, _)| *i);
    let mut list = String::new();
    let mut files = Vec::new();
    for (_, file) in made {
        let file = file?;
        list.push_str(&format!(
            "{}\t{}\t{}\n",
            file.path, file.hash, file.original_name
        ));
        files.push(file);
    }
    std::fs::write(dir.join("files.txt"), list)?;
    std::fs::write(marker, CORPUS_VERSION)?;
    eprintln!("corpus made in {:.0} s", start.elapsed().as_secs_f64());
    Ok(files)
}

/// Photo `i`: a scene scaled to 4000×3000 with sensor-like noise, stored
/// turned for its EXIF orientation, quality 90, 4:2:0.
fn photo(i: usize) -> (String, Result<Vec<u8>>) {
    let orientation = [1, 1, 1, 3, 6, 8][i % 6];
    let progressive = i % 5 == 2;
    let name = format!("IMG_{i:04}.jpg");
    let scenes = [
        synth::Scene::Mug {
            colour: [200, 40, 40],
        },
        synth::Scene::GiftBox {
            colour: [40, 90, 200],
        },
        synth::Scene::Measure {
            colour: [30, 160, 90],
        },
        synth::Scene::Carton { label: "YT2250319" },
        synth::Scene::Cartons { count: 5 },
        synth::Scene::Tiles {
            pastel: i.is_multiple_of(2),
            bag: true,
        },
    ];
    let encoded = (|| -> Result<Vec<u8>> {
        let scene = image::load_from_memory(&synth::render(&scenes[i % 6], 1, None))?.to_rgb8();
        let stored = match orientation {
            3 => image::imageops::rotate180(&scene),
            6 => image::imageops::rotate270(&scene),
            8 => image::imageops::rotate90(&scene),
            _ => scene,
        };
        let (w, h) = (stored.width() * 5, stored.height() * 5);
        let mut big: RgbImage =
            image::imageops::resize(&stored, w, h, image::imageops::FilterType::Triangle);
        let mut seed = 0x9E37_79B9_7F4A_7C15u64 ^ (i as u64 + 1);
        for Rgb(p) in big.pixels_mut() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for (k, c) in p.iter_mut().enumerate() {
                let noise = ((seed >> (k * 8)) & 31) as i16 - 16;
                *c = (i16::from(*c) + noise).clamp(0, 255) as u8;
            }
        }
        let mut jpeg = Vec::new();
        let mut encoder = jpeg_encoder::Encoder::new(&mut jpeg, 90);
        encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
        encoder.set_progressive(progressive);
        encoder.encode(
            big.as_raw(),
            w as u16,
            h as u16,
            jpeg_encoder::ColorType::Rgb,
        )?;
        let taken =
            chrono::NaiveDate::from_ymd_opt(2026, 11, 3).and_then(|d| d.and_hms_opt(10, 4, 0));
        Ok(synth::with_exif(jpeg, orientation, taken))
    })();
    (name, encoded)
}

/// Screenshot `i`: the demo's chat screenshot, then phone-sized ones
/// (1170×2532) with bars, bubbles and lines of "text".
fn screenshot(i: usize) -> (String, Result<Vec<u8>>) {
    let name = format!("Screenshot_{i}.png");
    if i == 0 {
        return (name, Ok(synth::CHAT_SCREENSHOT_PNG.to_vec()));
    }
    let mut img = RgbaImage::from_pixel(1170, 2532, Rgba([245, 245, 245, 255]));
    let mut seed = 12_345u64 + i as u64;
    for (x, y, p) in img.enumerate_pixels_mut() {
        let bubble = (y / 300) % 2 == 0;
        let in_bubble = y % 300 > 40 && y % 300 < 260 && if bubble { x < 800 } else { x > 370 };
        if y < 180 {
            *p = Rgba([30, 30, 30, 255]);
        } else if in_bubble {
            *p = if bubble {
                Rgba([255, 255, 255, 255])
            } else {
                Rgba([149, 236, 105, 255])
            };
            // "Text": runs of dark pixels on lines 40 px apart.
            if y % 40 > 12 && y % 40 < 30 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                if seed.is_multiple_of(3) {
                    *p = Rgba([20, 20, 20, 255]);
                }
            }
        }
    }
    let mut png = std::io::Cursor::new(Vec::new());
    let encoded = img
        .write_to(&mut png, image::ImageFormat::Png)
        .map(|()| png.into_inner())
        .map_err(anyhow::Error::from);
    (name, encoded)
}
