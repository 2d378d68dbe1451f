#![allow(clippy::unwrap_used)]
use super::*;

/// Writes half, then fails as a full disk does (ENOSPC).
fn full_disk(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    fs::write(path, &bytes[..bytes.len() / 2])?;
    Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_full_disk_leaves_the_saved_file_and_its_backup_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.ron");
    write_atomically(&path, b"version one", true).unwrap();
    write_atomically(&path, b"version two", true).unwrap();
    let err = write_atomically_with(
        &path,
        b"version three, longer",
        true,
        full_disk,
        &mut |_| true,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("shop.ron"), "{err}");
    assert!(err.contains("The disk is full"), "{err}");
    assert!(err.contains("nothing was lost"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), b"version two");
    assert_eq!(fs::read(backup_path(&path)).unwrap(), b"version one");
    assert_eq!(
        names(dir.path()),
        ["shop.ron", "shop.ron.bak"],
        "the half-written file is removed"
    );
}

#[test]
fn a_save_stopped_after_any_step_leaves_the_file_and_a_backup() {
    let steps = [
        Step::TempWritten,
        Step::BackupLinked,
        Step::BackupRenamed,
        Step::Renamed,
    ];
    for stop in steps {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.ron");
        write_atomically(&path, b"one", true).unwrap();
        write_atomically(&path, b"two", true).unwrap();
        write_atomically_with(&path, b"three", true, write_synced, &mut |s| s != stop).unwrap();
        let now = fs::read(&path).unwrap();
        let bak = fs::read(backup_path(&path)).unwrap();
        let expected: (&[u8], &[u8]) = match stop {
            Step::TempWritten | Step::BackupLinked => (b"two", b"one"),
            Step::BackupRenamed => (b"two", b"two"),
            Step::Renamed => (b"three", b"two"),
        };
        assert_eq!((now.as_slice(), bak.as_slice()), expected, "{stop:?}");
    }
}

#[test]
fn temp_names_are_unique_per_writer_and_recognised() {
    let path = Path::new("/x/shop.ron");
    let (a, b) = (temp_path(path), temp_path(path));
    assert_ne!(a, b);
    let name = a.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(&format!(".shop.ron.{}-", std::process::id())));
    assert!(is_temp_name(&name), "{name}");
    assert!(is_temp_name(".shop.ron.tmp"));
    assert!(!is_temp_name("shop.ron") && !is_temp_name(".tmp"));
}

#[test]
fn threads_writing_the_same_file_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("same.bin");
    let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    std::thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for _ in 0..5 {
                    write_atomically(&path, &bytes, false).unwrap();
                }
            });
        }
    });
    assert_eq!(fs::read(&path).unwrap(), bytes);
    assert_eq!(names(dir.path()), ["same.bin"], "no temp file left");
}
