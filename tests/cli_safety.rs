//! Shared projects are untrusted input, and two programs may save one at
//! the same moment: the command line end to end on crafted projects.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn cmd(cache: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bulkready"));
    c.env("BULKREADY_CACHE_DIR", cache);
    c
}

fn run(cache: &Path, args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    cmd(cache)
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A demo project in a fresh folder, with a cache folder of its own.
struct Demo {
    dir: tempfile::TempDir,
    file: PathBuf,
    cache: PathBuf,
}

impl Demo {
    fn new() -> Demo {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        let out = run(&cache, &[&"demo", &dir.path().join("p")]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let file = dir.path().join("p/demo.ron");
        Demo { dir, file, cache }
    }

    fn run(&self, args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
        run(&self.cache, args)
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("p/demo.photos")
    }

    fn photos(&self) -> Vec<bulkready::model::StoredFile> {
        let p = bulkready::store::load(&self.file).unwrap();
        p.photos().map(|(_, p)| p.file.clone()).collect()
    }

    fn order(&self) -> u64 {
        let p = bulkready::store::load(&self.file).unwrap();
        p.products[0].orders[0].id.0
    }

    fn edit(&self, f: impl FnOnce(String) -> String) {
        let s = fs::read_to_string(&self.file).unwrap();
        fs::write(&self.file, f(s)).unwrap();
    }
}

/// A small JPEG whose bytes differ with `n`.
fn jpeg(dir: &Path, n: u32) -> PathBuf {
    let img = image::RgbImage::from_fn(32, 24, |x, y| image::Rgb([x as u8 * 8, y as u8, n as u8]));
    let path = dir.join(format!("p{n}.jpg"));
    img.save(&path).unwrap();
    let mut bytes = fs::read(&path).unwrap();
    bytes.extend_from_slice(format!("trailer {n}").as_bytes());
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_hash_naming_a_path_is_refused_and_nothing_is_written_outside() {
    let d = Demo::new();
    let hash = d.photos()[0].hash.clone();
    d.edit(|s| {
        s.replacen(
            &format!("hash: \"{hash}\""),
            "hash: \"../../../escaped/x\"",
            1,
        )
    });
    let out = d.run(&[
        &"export",
        &d.file,
        &"--format",
        &"html",
        &"-o",
        &d.dir.path().join("o.html"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("../../../escaped/x"),
        "{}",
        text(&out.stderr)
    );
    assert!(!d.dir.path().join("escaped").exists());
    assert!(!d.dir.path().join("o.html").exists());
}

#[cfg(unix)]
#[test]
fn export_never_follows_a_link_and_marks_a_changed_photo() {
    let d = Demo::new();
    let photos = d.photos();
    let out_html = d.dir.path().join("o.html");
    // A file link out of the store.
    let secret = d.dir.path().join("secret.jpg");
    fs::copy(d.store().join(&photos[1].path), &secret).unwrap();
    fs::remove_file(d.store().join(&photos[0].path)).unwrap();
    std::os::unix::fs::symlink(&secret, d.store().join(&photos[0].path)).unwrap();
    // A photo changed since import.
    fs::write(d.store().join(&photos[2].path), fs::read(&secret).unwrap()).unwrap();
    let out = d.run(&[&"export", &d.file, &"--format", &"html", &"-o", &out_html]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("symbolic link"), "{err}");
    assert!(err.contains("changed since import"), "{err}");
    let html = fs::read_to_string(&out_html).unwrap();
    assert!(html.contains("changed since import"));
    // The store folder itself a link.
    let elsewhere = d.dir.path().join("elsewhere");
    fs::rename(d.store(), &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, d.store()).unwrap();
    let out = d.run(&[&"export", &d.file, &"--format", &"html", &"-o", &out_html]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("not a folder"),
        "{}",
        text(&out.stderr)
    );
    let check = d.run(&[&"check", &d.file]);
    assert_eq!(check.status.code(), Some(1));
}

#[test]
fn two_imports_saving_in_a_loop_lose_nothing() {
    let d = Demo::new();
    let photos = d.dir.path().join("in");
    fs::create_dir(&photos).unwrap();
    let order = d.order().to_string();
    let before = d.photos().len();
    let deadline = Instant::now() + Duration::from_secs(4);
    let imported: Vec<Vec<u32>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..2u32)
            .map(|w| {
                let (d, photos, order) = (&d, &photos, &order);
                s.spawn(move || {
                    let mut done = Vec::new();
                    let mut n = w;
                    while Instant::now() < deadline {
                        let p = jpeg(photos, n);
                        let out = d.run(&[&"import", &d.file, &"--order", order, &p]);
                        let err = text(&out.stderr);
                        match out.status.code() {
                            Some(0) => done.push(n),
                            _ => assert!(err.contains("is being saved by"), "{err}"),
                        }
                        n += 2;
                    }
                    done
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let project = bulkready::store::load(&d.file).unwrap();
    let names: Vec<String> = project
        .photos()
        .map(|(_, p)| p.file.original_name.clone())
        .collect();
    let all: Vec<u32> = imported.concat();
    assert!(
        imported.iter().all(|v| v.len() >= 3),
        "both ran: {imported:?}"
    );
    for n in &all {
        assert!(names.contains(&format!("p{n}.jpg")), "photo {n} lost");
    }
    assert_eq!(names.len(), before + all.len());
}

#[test]
fn a_closed_stdout_ends_quietly_and_import_saves_first() {
    let d = Demo::new();
    let mut big = bulkready::store::load(&d.file).unwrap();
    for i in 0..5000 {
        let id = bulkready::model::ProductId(big.new_id());
        big.products.push(bulkready::model::Product {
            id,
            name: format!("filler {i}"),
            ..Default::default()
        });
    }
    bulkready::store::save(&d.file, &big).unwrap();
    let mut child = cmd(&d.cache)
        .args(["list".as_ref(), d.file.as_os_str()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with("product"), "{first}");
    assert!(
        !text(&out.stderr).contains("panicked"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));

    let photo = jpeg(d.dir.path(), 7);
    let order = d.order().to_string();
    let mut child = cmd(&d.cache)
        .args([
            "import".as_ref(),
            d.file.as_os_str(),
            "--order".as_ref(),
            order.as_ref(),
        ])
        .arg(&photo)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        !text(&out.stderr).contains("panicked"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
    let names: Vec<_> = d.photos().into_iter().map(|f| f.original_name).collect();
    assert!(names.contains(&"p7.jpg".to_string()), "saved");
}

#[test]
fn an_import_past_the_id_counter_is_refused() {
    let d = Demo::new();
    d.edit(|s| {
        let at = s.find("next_id: ").unwrap();
        let end = at + s[at..].find(',').unwrap();
        format!("{}next_id: {}{}", &s[..at], u64::MAX, &s[end..])
    });
    let before = fs::read(&d.file).unwrap();
    let photo = jpeg(d.dir.path(), 1);
    let out = d.run(&[
        &"import",
        &d.file,
        &"--order",
        &d.order().to_string(),
        &photo,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("id counter is used up"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read(&d.file).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_by_name_without_blocking() {
    let d = Demo::new();
    let zero = d.dir.path().join("zero.jpg");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let fifo = d.dir.path().join("pipe.jpg");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let out = d.run(&[
        &"import",
        &d.file,
        &"--order",
        &d.order().to_string(),
        &zero,
        &fifo,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stdout);
    assert!(
        said.contains("zero.jpg") && said.contains("is a device"),
        "{said}"
    );
    assert!(said.contains("pipe.jpg") && said.contains("FIFO"), "{said}");
}

#[test]
fn control_characters_in_project_text_are_shown_not_obeyed() {
    let d = Demo::new();
    let evil = "Mug\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{202e}gpj.exe";
    d.edit(|s| {
        s.replacen(
            "name: \"Ceramic mug 350 ml\"",
            &format!("name: \"{evil}\""),
            1,
        )
    });
    let list = d.run(&[&"list", &d.file]);
    let verdict = d.run(&[&"verdict", &d.file, &"--now", &"2026-12-01T10:00"]);
    let md = d.dir.path().join("s.md");
    let brief = d.dir.path().join("b.txt");
    d.run(&[&"export", &d.file, &"--format", &"md", &"-o", &md]);
    d.run(&[&"export", &d.file, &"--format", &"brief", &"-o", &brief]);
    for (what, t) in [
        ("list", text(&list.stdout)),
        ("verdict", text(&verdict.stdout)),
        ("markdown", fs::read_to_string(&md).unwrap()),
        ("brief", fs::read_to_string(&brief).unwrap()),
    ] {
        assert!(!t.contains('\u{1b}') && !t.contains('\u{202e}'), "{what}");
        assert!(!t.contains('\u{7}'), "{what}");
        assert!(t.contains("\\u{1b}") && t.contains("pwned"), "{what}: {t}");
    }
}

#[test]
fn check_lists_leftovers_and_clean_removes_only_those() {
    let d = Demo::new();
    let orphan = d.store().join(format!("{}.jpg", "ab".repeat(16)));
    let temp = d.store().join(".x.jpg.1-0.tmp");
    let thumbs = d.store().join(".thumbs");
    fs::write(&orphan, b"orphan").unwrap();
    fs::write(&temp, b"half").unwrap();
    fs::create_dir(&thumbs).unwrap();
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    for f in [&orphan, &temp] {
        fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let out = d.run(&[&"check", &d.file]);
    assert_eq!(out.status.code(), Some(0));
    let said = text(&out.stdout);
    assert!(
        said.contains("orphaned store file") && said.contains(&"ab".repeat(16)),
        "{said}"
    );
    assert!(said.contains("leftover temporary file"), "{said}");
    let out = d.run(&[&"check", &d.file, &"--clean"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!orphan.exists() && !temp.exists());
    assert!(thumbs.exists(), "changed just now: kept");
    for f in d.photos() {
        assert!(d.store().join(&f.path).exists(), "{} kept", f.path);
    }
    assert_eq!(d.run(&[&"check", &d.file]).status.code(), Some(0));
}

#[test]
fn a_backup_opens_with_the_projects_photos() {
    let d = Demo::new();
    let photo = jpeg(d.dir.path(), 3);
    d.run(&[
        &"import",
        &d.file,
        &"--order",
        &d.order().to_string(),
        &photo,
    ]);
    let bak = d.dir.path().join("p/demo.ron.bak");
    let out = d.run(&[&"check", &bak]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}
