#![allow(clippy::unwrap_used)]

use super::*;
use crate::model::*;
use std::fs;
use std::path::Path;

/// A hash as the store writes it.
const H: &str = "0123456789abcdef0123456789abcdef";

/// A small project touching every kind of object, with Chinese text.
pub(crate) fn fixture() -> Project {
    let mut p = Project::new("测试 project");
    let product_id = ProductId(p.new_id());
    let risk = RiskId(p.new_id());
    let colour = SpecId(p.new_id());
    let length = SpecId(p.new_id());
    let order_id = OrderId(p.new_id());
    let parcel = ParcelId(p.new_id());
    let photo = PhotoId(p.new_id());
    let message = MessageId(p.new_id());
    let packing = PackingId(p.new_id());
    p.products.push(Product {
        id: product_id,
        name: "Mug".into(),
        listing: Listing {
            url: "https://detail.1688.com/offer/1.html".into(),
            title: "陶瓷马克杯 350ml".into(),
            variant: "白色".into(),
            unit_price: Some(8.5),
            currency: "CNY".into(),
            moq: Some(100),
            ..Listing::default()
        },
        risks: vec![Risk {
            id: risk,
            kind: RiskKind::Fragile,
            note: String::new(),
        }],
        spec: vec![
            SpecItem {
                id: colour,
                name: "Colour".into(),
                expected: Expected::Text("white".into()),
                critical: true,
            },
            SpecItem {
                id: length,
                name: "Height".into(),
                expected: Expected::Number {
                    value: 9.5,
                    unit: Unit::Cm,
                    tolerance: Tolerance::Absolute(0.3),
                },
                critical: false,
            },
        ],
        orders: vec![Order {
            id: order_id,
            kind: OrderKind::Sample,
            number: "S-1".into(),
            quantity: 2,
            parcels: vec![Parcel {
                id: parcel,
                tracking: "SF1234567890".into(),
                carrier: "顺丰".into(),
                arrived_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 2),
                weight_kg: Some(0.8),
            }],
            photos: vec![Photo {
                id: photo,
                file: StoredFile {
                    path: format!("{H}.jpg"),
                    hash: H.into(),
                    original_name: "IMG_0001.jpg".into(),
                },
                parcel: Some(parcel),
                tags: vec![Tag::Item],
                ..Photo::default()
            }],
            messages: vec![SellerMessage {
                id: message,
                text: "亲，大货和样品一样".into(),
                confirms: vec![colour],
                terms: vec![Term::SameMaterial],
                ..SellerMessage::default()
            }],
            observations: vec![Observation {
                spec: length,
                value: "9.6 cm".into(),
                source: Source::Measurement,
                photo: Some(photo),
                note: String::new(),
                judgement: None,
                colour: None,
            }],
            packing: vec![PackingRequest {
                id: packing,
                text: "Bubble wrap".into(),
                risk: Some(risk),
            }],
            ..Order::default()
        }],
        accepted_sample: None,
    });
    p
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn round_trip_is_equal_and_byte_identical() {
    let p = fixture();
    let text = to_ron(&p);
    let back = from_ron(&text, Path::new("x.ron")).unwrap();
    assert_eq!(back, p);
    assert_eq!(to_ron(&back), text);
}

#[test]
fn file_is_readable_text_one_field_per_line() {
    let text = to_ron(&fixture());
    assert!(text.starts_with("(\n\tschema_version: 2,\n"), "{text}");
    assert!(
        text.contains("title: \"陶瓷马克杯 350ml\""),
        "Chinese kept as is"
    );
    assert!(!text.contains('\r'));
    assert!(
        text.lines()
            .all(|l| l.matches(": ").count() <= 1 || l.contains('"'))
    );
}

#[test]
fn hand_written_minimal_file_opens_with_defaults() {
    let p = from_ron(
        "(name: \"Hand\", products: [(id: 4, name: \"Cup\", orders: [(id: 9)])], extra_field: 3)",
        Path::new("h.ron"),
    )
    .unwrap();
    assert_eq!(p.schema_version, SCHEMA_VERSION);
    assert_eq!(p.warehouse.return_window_hours, 120);
    assert_eq!(p.products[0].orders[0].kind, OrderKind::Sample);
    assert_eq!(p.next_id, 10, "next id repaired past the ids in use");
}

#[test]
fn newer_schema_is_refused_even_when_it_does_not_parse() {
    for text in [
        "(schema_version: 99, name: \"x\")",
        "(schema_version: 99, products: [(id: 1, shiny_new: Thing(1))], name: 5)",
    ] {
        let err = from_ron(text, Path::new("new.ron")).unwrap_err();
        assert!(
            matches!(err, StoreError::NewerVersion { found: 99, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("new.ron"));
    }
}

#[test]
fn syntax_error_names_file_line_and_column() {
    let err = from_ron(
        "(\n  name: \"x\",\n  products: [(id: 1,, )],\n)",
        Path::new("bad.ron"),
    )
    .unwrap_err();
    match &err {
        StoreError::Syntax { line, column, .. } => {
            assert_eq!(*line, 3);
            assert!(*column > 1);
        }
        other => panic!("expected a syntax error, got {other}"),
    }
    let msg = err.to_string();
    assert!(msg.contains("bad.ron") && msg.contains("line 3"), "{msg}");
}

#[test]
fn wrong_types_are_a_syntax_error_not_a_panic() {
    let err = from_ron("(name: 12, products: \"no\")", Path::new("t.ron")).unwrap_err();
    assert!(matches!(err, StoreError::Syntax { .. }), "{err}");
}

#[test]
fn photo_names_the_store_did_not_make_are_refused_naming_the_photo() {
    let cases = [
        ("/etc/passwd", H, "path \"/etc/passwd\""),
        ("../x.jpg", H, "path \"../x.jpg\""),
        ("a/../../x.jpg", H, "not its hash"),
        ("C:/Windows/x.jpg", H, "not its hash"),
        ("..\\x.jpg", H, "not its hash"),
        ("", H, "not its hash"),
        ("abc.jpg", H, "not its hash"),
        (&format!("{H}.exe"), H, "known extension"),
        (
            &format!("{H}.jpg"),
            "../../../tmp/x",
            "hash \"../../../tmp/x\"",
        ),
        (&format!("{H}.jpg"), "/abs", "not 32 lowercase hex"),
        (
            &format!("{H}.jpg"),
            &H.to_uppercase(),
            "not 32 lowercase hex",
        ),
    ];
    for (path, hash, why) in cases {
        let mut p = fixture();
        let file = &mut p.products[0].orders[0].photos[0].file;
        file.path = path.into();
        file.hash = hash.into();
        let err = from_ron(&to_ron(&p), Path::new("h.ron")).unwrap_err();
        assert!(
            matches!(err, StoreError::UnsafePhotoPath { photo: 7, .. }),
            "{path} {hash}: {err}"
        );
        let msg = err.to_string();
        assert!(msg.contains(why), "{path} {hash}: {msg}");
        assert!(msg.contains("photo 7 (IMG_0001.jpg)"), "{msg}");
    }
    for ext in ["jpg", "jpeg", "png", "webp", "tif", "bmp", "gif"] {
        let mut p = fixture();
        p.products[0].orders[0].photos[0].file.path = format!("{H}.{ext}");
        assert!(from_ron(&to_ron(&p), Path::new("h.ron")).is_ok(), "{ext}");
    }
}

#[test]
fn ids_used_twice_are_reported_on_load() {
    let mut p = fixture();
    let order_id = p.products[0].orders[0].id;
    p.products[0].risks[0].id = RiskId(order_id.0);
    let err = from_ron(&to_ron(&p), Path::new("d.ron")).unwrap_err();
    assert!(matches!(err, StoreError::DuplicateIds { ref ids, .. } if ids == &[order_id.0]));
    assert!(err.to_string().contains("used more than once"), "{err}");
}

#[test]
fn the_id_counter_never_wraps() {
    let mut p = fixture();
    p.next_id = u64::MAX - 1;
    assert_eq!(p.try_new_id(), Some(u64::MAX - 1));
    assert_eq!(p.try_new_id(), None);
    assert_eq!(p.try_new_id(), None, "still used up");
    // A file using the largest id loads with the counter used up.
    let mut q = fixture();
    q.products[0].risks[0].id = RiskId(u64::MAX);
    let mut loaded = from_ron(&to_ron(&q), Path::new("m.ron")).unwrap();
    assert_eq!(loaded.try_new_id(), None);
}

#[test]
fn a_backup_and_a_recovery_file_open_with_the_projects_store() {
    let dir = Path::new("/x");
    let store = dir.join("shop.photos");
    for name in ["shop.ron", "shop.ron.bak", ".shop.ron.recovery"] {
        assert_eq!(
            PhotoStore::for_project(&dir.join(name)).root(),
            store,
            "{name}"
        );
    }
    assert_eq!(
        PhotoStore::for_project(&dir.join("notes.bak")).root(),
        dir.join("notes.photos")
    );
}

#[test]
fn save_keeps_a_backup_and_ignores_a_leftover_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut p = fixture();
    save(&path, &p).unwrap();
    let first = fs::read(&path).unwrap();
    let leftover = dir.path().join(".p.ron.tmp");
    fs::write(&leftover, "garbage from a crash (").unwrap();
    assert_eq!(load(&path).unwrap(), p, "the loader only reads p.ron");

    p.name = "second".into();
    save(&path, &p).unwrap();
    assert_eq!(fs::read(backup_path(&path)).unwrap(), first);
    assert_eq!(load(&path).unwrap().name, "second");
    assert_eq!(fs::read(&leftover).unwrap(), b"garbage from a crash (");
}

#[test]
fn failed_save_leaves_the_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    save(&path, &fixture()).unwrap();
    let before = fs::read(&path).unwrap();
    // A backup that cannot be replaced (a folder in its place) fails the save.
    fs::create_dir(backup_path(&path)).unwrap();
    fs::write(backup_path(&path).join("x"), "x").unwrap();
    let err = save(&path, &Project::new("other")).unwrap_err();
    assert!(matches!(err, StoreError::Write { .. }), "{err}");
    assert!(err.to_string().contains("p.ron"));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn load_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.ron");
    assert!(matches!(load(&missing), Err(StoreError::Read { .. })));
    let binary = dir.path().join("bin.ron");
    fs::write(&binary, [0x28, 0xff, 0xfe, 0x00]).unwrap();
    let err = load(&binary).unwrap_err();
    assert!(
        matches!(err, StoreError::NotText { offset: 1, .. }),
        "{err}"
    );
    let truncated = write(dir.path(), "t.ron", &to_ron(&fixture())[..200]);
    assert!(matches!(load(&truncated), Err(StoreError::Syntax { .. })));
}

#[test]
fn photo_store_dedupes_and_keeps_plain_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let store = PhotoStore::for_project(&dir.path().join("demo.ron"));
    assert_eq!(store.root(), dir.path().join("demo.photos"));
    let a = store.add(b"same bytes", "IMG_1.JPG", "jpg").unwrap();
    let b = store.add(b"same bytes", "copy.JPG", "jpg").unwrap();
    assert_eq!(a.path, b.path);
    assert_eq!(a.path, format!("{}.jpg", hash_bytes(b"same bytes")));
    assert_eq!(fs::read_dir(store.root()).unwrap().count(), 1);
    let odd = store.add(b"other", "weird.name.j p g", "png").unwrap();
    let dat = store.add(b"third", "photo.dat", "png").unwrap();
    assert!(
        dat.path.ends_with(".png"),
        "unknown extensions are not kept"
    );
    assert!(odd.path.ends_with(".png"), "{}", odd.path);
    assert_eq!(odd.original_name, "weird.name.j p g");
}

#[test]
fn verify_reports_missing_changed_and_escaping_photos() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.ron");
    let store = PhotoStore::for_project(&path);
    let mut p = fixture();
    let good = store.add(b"good photo", "good.jpg", "jpg").unwrap();
    let changed = store.add(b"will change", "changed.jpg", "jpg").unwrap();
    fs::write(store.path_of(&changed), b"changed!!!!").unwrap();
    fs::write(dir.path().join("secret.jpg"), b"outside").unwrap();
    let outside = hash_bytes(b"outside");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("secret.jpg"),
        store.root().join(format!("{outside}.jpg")),
    )
    .unwrap();
    let gone = hash_bytes(b"gone");
    let template = p.products[0].orders[0].photos[0].clone();
    let files = [
        good,
        changed,
        StoredFile {
            path: format!("{gone}.jpg"),
            hash: gone,
            original_name: "gone.jpg".into(),
        },
        StoredFile {
            path: format!("{outside}.jpg"),
            hash: outside,
            original_name: "link.jpg".into(),
        },
    ];
    let photos = &mut p.products[0].orders[0].photos;
    photos.clear();
    for (i, file) in files.into_iter().enumerate() {
        photos.push(Photo {
            id: PhotoId(100 + i as u64),
            file,
            ..template.clone()
        });
    }
    let kinds: Vec<_> = store
        .verify(&p)
        .into_iter()
        .map(|x| (x.photo.0, x.kind))
        .collect();
    assert!(matches!(kinds[0], (101, ProblemKind::HashMismatch { .. })));
    assert_eq!(kinds[1], (102, ProblemKind::Missing));
    #[cfg(unix)]
    assert_eq!(kinds[2], (103, ProblemKind::OutsideStore));
    #[cfg(unix)]
    assert_eq!(store.missing(&p), vec![PhotoId(102), PhotoId(103)]);
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{}", to_ron(&fixture()));
    assert_eq!(from_ron(&text, Path::new("bom.ron")).unwrap(), fixture());
}

#[test]
fn a_damaged_stored_photo_is_repaired_by_importing_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = PhotoStore::for_project(&dir.path().join("r.ron"));
    let file = store.add(b"original photo", "a.jpg", "jpg").unwrap();
    fs::write(store.path_of(&file), b"damaged photo!").unwrap();
    store.add(b"original photo", "a.jpg", "jpg").unwrap();
    assert_eq!(fs::read(store.path_of(&file)).unwrap(), b"original photo");
}
