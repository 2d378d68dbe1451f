//! The command line end to end, on real files in temporary folders.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bulkready(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bulkready"))
        .env(
            "BULKREADY_CACHE_DIR",
            std::env::temp_dir().join("bulkready-test-cache"),
        )
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap()
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn demo(dir: &Path) -> PathBuf {
    let out = bulkready(&[&"demo", &dir]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    dir.join("demo.ron")
}

/// Order ids by order number, from `list --json`.
fn order_id(file: &Path, kind: &str, nth: usize) -> u64 {
    let out = bulkready(&[&"list", &file, &"--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let orders: Vec<_> = v["products"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["orders"].as_array().unwrap().clone())
        .filter(|o| o["kind"] == kind)
        .collect();
    orders[nth]["id"].as_u64().unwrap()
}

fn jpeg(dir: &Path, name: &str) -> PathBuf {
    let img = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 90]));
    let path = dir.join(name);
    img.save(&path).unwrap();
    path
}

#[test]
fn demo_then_check_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let out = bulkready(&[&"check", &file]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).starts_with("ok: 3 products"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn list_json_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let out = bulkready(&[&"list", &file, &"--json"]);
    assert_eq!(code(&out), 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let products = v["products"].as_array().unwrap();
    assert!(products.len() >= 2);
    for p in products {
        assert!(p["id"].is_u64() && p["name"].is_string());
        for o in p["orders"].as_array().unwrap() {
            assert!(o["id"].is_u64() && o["number"].is_string());
            assert!(o["kind"] == "sample" || o["kind"] == "bulk");
        }
    }
    let kinds: Vec<_> = products
        .iter()
        .flat_map(|p| {
            p["orders"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["kind"].clone())
        })
        .collect();
    assert!(kinds.contains(&"bulk".into()) && kinds.contains(&"sample".into()));

    let text = stdout(&bulkready(&[&"list", &file]));
    assert!(text.contains("磁力片积木"), "Chinese titles print: {text}");
}

#[test]
fn new_creates_a_project_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("spring.ron");
    assert_eq!(
        code(&bulkready(&[&"new", &file, &"--name", &"Spring 春季"])),
        0
    );
    let before = fs::read(&file).unwrap();
    assert!(String::from_utf8_lossy(&before).contains("name: \"Spring 春季\""));
    let out = bulkready(&[&"new", &file, &"--name", &"Other"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("spring.ron"), "{}", stderr(&out));
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn corrupt_files_exit_2_name_the_file_and_stay_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let good = fs::read_to_string(demo(dir.path())).unwrap();
    let photo = jpeg(dir.path(), "ok.jpg");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated.ron", good.as_bytes()[..good.len() / 2].to_vec()),
        ("types.ron", b"(name: 5, products: \"none\")".to_vec()),
        (
            "garbage.ron",
            (0..4000u32).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
        (
            "newer.ron",
            good.replacen(
                &format!("schema_version: {}", bulkready::model::SCHEMA_VERSION),
                "schema_version: 7",
                1,
            )
            .into_bytes(),
        ),
        ("empty.ron", Vec::new()),
    ];
    for (name, bytes) in cases {
        let file = dir.path().join(name);
        fs::write(&file, &bytes).unwrap();
        for args in [
            vec![&"list" as &dyn AsRef<std::ffi::OsStr>, &file],
            vec![&"check", &file],
            vec![&"import", &file, &"--order", &"1", &photo],
        ] {
            let out = bulkready(&args);
            assert_eq!(code(&out), 2, "{name}: {}", stderr(&out));
            assert!(stderr(&out).contains(name), "{name}: {}", stderr(&out));
            assert_eq!(fs::read(&file).unwrap(), bytes, "{name} changed");
        }
    }
    let newer = stderr(&bulkready(&[&"check", &dir.path().join("newer.ron")]));
    assert!(newer.contains("newer BulkReady"), "{newer}");
    let truncated = stderr(&bulkready(&[&"check", &dir.path().join("truncated.ron")]));
    assert!(truncated.contains("line "), "{truncated}");
}

#[test]
fn hostile_photo_paths_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let text = fs::read_to_string(&file).unwrap();
    let start = text.find("path: \"").unwrap() + 7;
    let end = start + text[start..].find('"').unwrap();
    for hostile in ["/etc/passwd", "../../secret.jpg", "ok/../../x.jpg"] {
        let evil = format!("{}{hostile}{}", &text[..start], &text[end..]);
        fs::write(&file, &evil).unwrap();
        let out = bulkready(&[&"check", &file]);
        assert_eq!(code(&out), 2, "{hostile}");
        assert!(stderr(&out).contains(hostile), "{}", stderr(&out));
    }
}

#[test]
fn import_reports_bad_files_and_imports_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let order = order_id(&file, "sample", 2);
    let good = jpeg(dir.path(), "good.jpg");
    let good2 = dir.path().join("screen.png");
    image::RgbaImage::from_pixel(30, 20, image::Rgba([1, 2, 3, 255]))
        .save(&good2)
        .unwrap();
    let bytes = fs::read(&good).unwrap();
    let truncated = dir.path().join("truncated.jpg");
    fs::write(&truncated, &bytes[..bytes.len() * 6 / 10]).unwrap();
    let empty = dir.path().join("empty.jpg");
    fs::write(&empty, b"").unwrap();
    let text = dir.path().join("notes.jpg");
    fs::write(&text, "this is a text file, not a photo\n").unwrap();

    let out = bulkready(&[
        &"import",
        &file,
        &"--order",
        &order.to_string(),
        &"--parcel",
        &"ZT75311450098812",
        &good,
        &truncated,
        &empty,
        &text,
        &good2,
    ]);
    let report = stdout(&out);
    assert_eq!(code(&out), 1, "{report}{}", stderr(&out));
    for name in ["truncated.jpg", "empty.jpg", "notes.jpg"] {
        let line = report.lines().find(|l| l.contains(name)).unwrap();
        assert!(line.starts_with("failed"), "{line}");
    }
    assert!(report.contains("2 imported, 3 failed"), "{report}");

    let project = bulkready::store::load(&file).unwrap();
    let (_, o) = project.order(bulkready::model::OrderId(order)).unwrap();
    assert_eq!(o.photos.len(), 2);
    assert!(o.photos.iter().all(|p| p.parcel == Some(o.parcels[0].id)));
    assert_eq!((o.photos[0].width, o.photos[0].height), (64, 48));
    assert_eq!(code(&bulkready(&[&"check", &file])), 0);

    // The same bytes again: one stored file, no second photo.
    let again = bulkready(&[&"import", &file, &"--order", &order.to_string(), &good]);
    assert_eq!(code(&again), 0);
    assert!(
        stdout(&again).contains("already in this order"),
        "{}",
        stdout(&again)
    );
    let project = bulkready::store::load(&file).unwrap();
    assert_eq!(
        project
            .order(bulkready::model::OrderId(order))
            .unwrap()
            .1
            .photos
            .len(),
        2
    );
}

#[test]
fn import_to_an_unknown_order_or_parcel_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let photo = jpeg(dir.path(), "a.jpg");
    let before = fs::read(&file).unwrap();
    let out = bulkready(&[&"import", &file, &"--order", &"999999", &photo]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no order 999999"), "{}", stderr(&out));
    let order = order_id(&file, "bulk", 0).to_string();
    let out = bulkready(&[
        &"import",
        &file,
        &"--order",
        &order,
        &"--parcel",
        &"NOPE",
        &photo,
    ]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("NOPE"));
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn a_leftover_temp_file_leaves_the_project_intact() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let before = fs::read(&file).unwrap();
    fs::write(dir.path().join(".demo.ron.tmp"), "(half a save").unwrap();
    assert_eq!(code(&bulkready(&[&"check", &file])), 0);
    let order = order_id(&file, "bulk", 0).to_string();
    let photo = jpeg(dir.path(), "b.jpg");
    assert_eq!(
        code(&bulkready(&[&"import", &file, &"--order", &order, &photo])),
        0
    );
    assert_eq!(fs::read(dir.path().join("demo.ron.bak")).unwrap(), before);
    assert_eq!(code(&bulkready(&[&"check", &file])), 0);
}

#[test]
fn check_reports_a_missing_photo_and_the_project_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let project = bulkready::store::load(&file).unwrap();
    let (_, photo) = project.photos().next().unwrap();
    fs::remove_file(dir.path().join("demo.photos").join(&photo.file.path)).unwrap();
    let out = bulkready(&[&"check", &file]);
    assert_eq!(code(&out), 1);
    let line = format!("photo {} ({}", photo.id, photo.file.original_name);
    assert!(stdout(&out).contains(&line), "{}", stdout(&out));
    assert!(stdout(&out).contains("missing"));
    assert_eq!(code(&bulkready(&[&"list", &file])), 0);
}

#[test]
fn check_reports_broken_links() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let mut project = bulkready::store::load(&file).unwrap();
    let order = &mut project.products[0].orders[0];
    order.photos[0].parcel = Some(bulkready::model::ParcelId(424242));
    order.packing[0].risk = Some(bulkready::model::RiskId(515151));
    bulkready::store::save(&file, &project).unwrap();
    let out = bulkready(&[&"check", &file]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.contains("parcel 424242") && text.contains("risk 515151"),
        "{text}"
    );
}

#[test]
fn bad_arguments_exit_2_and_help_exits_0() {
    assert_eq!(code(&bulkready(&[&"list"])), 2);
    assert_eq!(code(&bulkready(&[&"frobnicate", &"x"])), 2);
    assert_eq!(
        code(&bulkready(&[
            &"import", &"x.ron", &"--order", &"abc", &"p.jpg"
        ])),
        2
    );
    for sub in ["new", "demo", "list", "import", "check"] {
        let out = bulkready(&[&sub, &"--help"]);
        assert_eq!(code(&out), 0, "{sub}");
        assert!(stdout(&out).contains("Usage"));
    }
}

#[test]
fn aql_prints_the_plan_from_the_tables() {
    let out = bulkready(&[&"aql", &"--lot", &"4000", &"--aql", &"2.5", &"--json"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        stdout(&out).trim(),
        r#"{"code_letter":"L","sample_size":200,"accept":10,"reject":11,"inspect_all":false}"#
    );
    let out = bulkready(&[&"aql", &"--lot", &"3000", &"--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["code_letter"], "K");
    let plans = v["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 6);
    let four = plans.iter().find(|p| p["aql"] == 4.0).unwrap();
    assert_eq!(
        (four["sample_size"].as_u64(), four["accept"].as_u64()),
        (Some(125), Some(10))
    );
    // Letter A at AQL 1.0 follows the arrow down to E (n = 13) and, with a
    // lot of 5, inspects every unit.
    let out = bulkready(&[
        &"aql", &"--lot", &"5", &"--level", &"II", &"--aql", &"1.0", &"--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["inspect_all"], true);
    assert_eq!(
        (v["accept"].as_u64(), v["reject"].as_u64()),
        (Some(0), Some(1))
    );
    let text = stdout(&bulkready(&[&"aql", &"--lot", &"4000"]));
    assert!(text.contains("  2.5     200   10   11"), "{text}");
}

#[test]
fn aql_refuses_bad_input() {
    for args in [
        vec!["aql", "--lot", "0", "--aql", "2.5"],
        vec!["aql", "--lot", "500", "--aql", "3.3"],
        vec!["aql", "--lot", "500", "--level", "IV"],
        vec!["aql", "--lot", "500", "--level", "2"],
    ] {
        let args: Vec<&dyn AsRef<std::ffi::OsStr>> = args
            .iter()
            .map(|a| a as &dyn AsRef<std::ffi::OsStr>)
            .collect();
        assert_eq!(code(&bulkready(&args)), 2);
    }
}

#[test]
fn verdict_shows_all_three_verdicts_on_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let now = "2026-11-22T10:00";
    let out = bulkready(&[&"verdict", &file, &"--json", &"--now", &now]);
    assert_eq!(code(&out), 1, "not every gate is go");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let products: Vec<_> = v["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["verdict"].clone())
        .collect();
    assert_eq!(products, ["go", "no-go", "not-ready"]);
    let tiles = &v["products"][1]["reasons"];
    assert!(
        tiles.to_string().contains("run a second controlled sample"),
        "{tiles}"
    );
    let orders = v["orders"].as_array().unwrap();
    assert_eq!(orders[1]["kind"], "bulk");
    assert_eq!(orders[1]["verdict"], "go", "{}", orders[1]);
    assert!(orders.iter().any(|o| o["verdict"] == "no-go"));

    let text = stdout(&bulkready(&[&"verdict", &file, &"--now", &now]));
    for line in [
        "Listing URL (http or https) and selected variant saved",
        "Seller message recorded that confirms spec rows or terms",
        "Every parcel tracked and arrived, every warehouse photo linked to one",
        "Warehouse photos checked for model, quantity, accessories and damage, none failed",
        "Shipping route chosen, with cartons to price it",
    ] {
        assert!(text.contains(line), "{line}");
    }
    assert!(text.contains("NO-GO") && text.contains("NOT READY") && text.contains(": GO"));
}

#[test]
fn verdict_exits_0_when_every_gate_is_go() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let mut project = bulkready::store::load(&file).unwrap();
    project.products.truncate(1);
    bulkready::store::save(&file, &project).unwrap();
    let out = bulkready(&[&"verdict", &file, &"--now", &"2026-11-22T10:00"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert_eq!(
        code(&bulkready(&[&"verdict", &dir.path().join("nope.ron")])),
        2
    );
}

#[test]
fn export_writes_each_format_and_scopes_to_a_product_or_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo(dir.path());
    let now = "2026-11-22T10:00";
    for (format, name) in [("html", "s.html"), ("pdf", "s.pdf"), ("md", "s.md")] {
        let out_path = dir.path().join(name);
        let out = bulkready(&[
            &"export",
            &file,
            &"--format",
            &format,
            &"-o",
            &out_path,
            &"--now",
            &now,
        ]);
        assert_eq!(code(&out), 0, "{format}: {}", stderr(&out));
        assert!(stdout(&out).contains("10 photos"), "{}", stdout(&out));
        assert!(fs::metadata(&out_path).unwrap().len() > 1000);
    }
    assert!(dir.path().join("s_files/").is_dir());

    // The supplier brief of the tiles sample, in English: numbered, with
    // Chinese terms.
    let tiles_sample = order_id(&file, "sample", 1);
    let brief = dir.path().join("brief.txt");
    let export_text = |format: &str, lang: &str, out: &Path| {
        bulkready(&[
            &"export",
            &file,
            &"--format",
            &format,
            &"--lang",
            &lang,
            &"--order",
            &tiles_sample.to_string(),
            &"-o",
            &out,
            &"--now",
            &now,
        ])
    };
    let out = export_text("brief", "en", &brief);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = fs::read_to_string(&brief).unwrap();
    assert!(
        text.starts_with("Hello, about Magnetic building tiles"),
        "{text}"
    );
    assert!(
        text.contains("\n1. Colour 颜色: we need \u{201c}macaron pastel\u{201d}"),
        "{text}"
    );
    assert!(text.contains("minimum order quantity (起订量)"), "{text}");
    assert!(!text.contains("Ceramic mug"));
    // In Chinese, and the warehouse request in both languages.
    let out = export_text("brief", "zh", &brief);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = fs::read_to_string(&brief).unwrap();
    assert!(text.starts_with("您好！关于"), "{text}");
    assert!(text.contains("\n1. 颜色：我们要求"), "{text}");
    assert!(!text.contains("Please"), "{text}");
    let request = dir.path().join("request.txt");
    let out = export_text("request", "both", &request);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = fs::read_to_string(&request).unwrap();
    assert!(
        text.starts_with("拍照和测量要求\nPhoto and measurement request\n"),
        "{text}"
    );
    assert!(text.contains("\n1. "), "{text}");
    fs::write(&brief, "Hello").unwrap();

    let out = bulkready(&[
        &"export",
        &file,
        &"--format",
        &"html",
        &"--product",
        &"9999",
        &"-o",
        &brief,
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("product 9999 is not in the project"),
        "{}",
        stderr(&out)
    );
    assert!(
        fs::read_to_string(&brief).unwrap().starts_with("Hello"),
        "left as it was"
    );

    // A missing photo: exported with a placeholder, exit 1, named on stderr.
    let store = dir.path().join("demo.photos");
    let victim = fs::read_dir(&store)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "jpg"))
        .unwrap();
    fs::remove_file(&victim).unwrap();
    let _ = fs::remove_dir_all(store.join(".thumbs"));
    let out_path = dir.path().join("gap.html");
    let out = bulkready(&[&"export", &file, &"--format", &"html", &"-o", &out_path]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is not available"),
        "{}",
        stderr(&out)
    );
    assert!(
        fs::read_to_string(&out_path)
            .unwrap()
            .contains("is not available")
    );
}

#[test]
fn import_leaves_each_photos_grid_thumbnail_in_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let file = demo(dir.path());
    let order = order_id(&file, "sample", 2);
    let photo = jpeg(dir.path(), "fresh.jpg");
    let out = Command::new(env!("CARGO_BIN_EXE_bulkready"))
        .env("BULKREADY_CACHE_DIR", &cache)
        .args([
            "import".as_ref(),
            file.as_os_str(),
            "--order".as_ref(),
            order.to_string().as_ref(),
            photo.as_os_str(),
        ])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let hash = bulkready::store::hash_bytes(&fs::read(&photo).unwrap());
    let cached = bulkready::store::ThumbCache::at(&cache);
    let png = cached
        .get(&hash, bulkready::media::THUMB_PX)
        .expect("the import cached its thumbnail");
    let thumb = image::load_from_memory(&png).unwrap();
    assert_eq!(
        (thumb.width(), thumb.height()),
        (64, 48),
        "made from the photo itself"
    );
}
