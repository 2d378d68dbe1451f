//! Files a project no longer needs: photos in the store that no photo
//! refers to (copied by a killed or failed import, or by an import later
//! undone), and temporary files a save or import left behind. Listed by
//! `bulkready check`, removed by `bulkready check --clean`.
//!
//! A file counts as referred to when the project, its `.bak` or its
//! recovery file refers to it; files changed in the last [`GRACE`] may be
//! an import in progress and are never removed.

use super::photo_store::PhotoStore;
use super::project_file::{backup_path, is_temp_name, load};
use super::stamp::recovery_path;
use crate::model::Project;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How old a leftover must be before `--clean` removes it.
pub const GRACE: Duration = Duration::from_secs(10 * 60);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftoverKind {
    /// A file (or folder, such as an old `.thumbs/`) in the photo store
    /// that no photo refers to.
    Orphan,
    /// A temporary file of an interrupted save or copy.
    Temp,
}

/// One file the project does not need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leftover {
    pub path: PathBuf,
    pub kind: LeftoverKind,
    /// Changed within [`GRACE`]: kept by `--clean`.
    pub recent: bool,
}

/// The leftovers of the project saved at `path` (already loaded as
/// `project`), sorted by path. A folder that cannot be read has none.
pub fn leftovers(path: &Path, project: &Project) -> Vec<Leftover> {
    let store = PhotoStore::for_project(path);
    let used = referred_to(path, project);
    let now = SystemTime::now();
    let mut out = Vec::new();
    for (entry, name) in entries(store.root()) {
        let kind = if is_temp_name(&name) {
            LeftoverKind::Temp
        } else if used.contains(&name) {
            continue;
        } else {
            LeftoverKind::Orphan
        };
        out.push(leftover(entry, kind, now));
    }
    let prefix = path
        .file_name()
        .map(|n| format!(".{}.", n.to_string_lossy()))
        .unwrap_or_default();
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    for (entry, name) in entries(folder.unwrap_or(Path::new("."))) {
        if name.starts_with(&prefix) && is_temp_name(&name) {
            out.push(leftover(entry, LeftoverKind::Temp, now));
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Removes the leftovers that are not recent; returns what was removed and
/// what could not be (with why).
pub fn remove(list: &[Leftover]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let (mut removed, mut failed) = (Vec::new(), Vec::new());
    for l in list.iter().filter(|l| !l.recent) {
        let is_dir = fs::symlink_metadata(&l.path).is_ok_and(|m| m.is_dir());
        let result = if is_dir {
            fs::remove_dir_all(&l.path)
        } else {
            fs::remove_file(&l.path)
        };
        match result {
            Ok(()) => removed.push(l.path.clone()),
            Err(e) => failed.push((l.path.clone(), e.to_string())),
        }
    }
    (removed, failed)
}

/// Store file names referred to by the project, its backup or its
/// recovery file.
fn referred_to(path: &Path, project: &Project) -> HashSet<String> {
    let mut used: HashSet<String> = project.photos().map(|(_, p)| p.file.path.clone()).collect();
    for other in [backup_path(path), recovery_path(path)] {
        if let Ok(p) = load(&other) {
            used.extend(p.photos().map(|(_, p)| p.file.path.clone()));
        }
    }
    used
}

fn entries(dir: &Path) -> Vec<(PathBuf, String)> {
    let Ok(read) = fs::read_dir(dir) else {
        return Vec::new();
    };
    read.filter_map(Result::ok)
        .map(|e| (e.path(), e.file_name().to_string_lossy().into_owned()))
        .collect()
}

fn leftover(path: PathBuf, kind: LeftoverKind, now: SystemTime) -> Leftover {
    let modified = fs::symlink_metadata(&path).and_then(|m| m.modified());
    let recent = modified.is_ok_and(|m| now.duration_since(m).unwrap_or_default() < GRACE);
    Leftover { path, kind, recent }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{Order, Photo, PhotoId, Product};

    fn age(path: &Path) {
        let old = SystemTime::now() - Duration::from_secs(3600);
        let f = fs::File::options().write(true).open(path).unwrap();
        f.set_modified(old).unwrap();
    }

    #[test]
    fn orphans_and_temp_files_are_found_and_only_old_ones_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.ron");
        let store = PhotoStore::for_project(&path);
        let kept = store.add(b"kept photo", "a.jpg", "jpg").unwrap();
        let orphan = store.add(b"undone import", "b.jpg", "jpg").unwrap();
        let fresh = store.add(b"import in progress", "c.jpg", "jpg").unwrap();
        let mut project = Project::new("shop");
        project.products.push(Product {
            orders: vec![Order {
                photos: vec![Photo {
                    id: PhotoId(5),
                    file: kept.clone(),
                    ..Photo::default()
                }],
                ..Order::default()
            }],
            ..Product::default()
        });
        super::super::save(&path, &project).unwrap();
        let temp = dir.path().join(".shop.ron.99-0.tmp");
        let store_temp = store.root().join(".x.jpg.99-1.tmp");
        let other_project = dir.path().join(".other.ron.99-0.tmp");
        for t in [&temp, &store_temp, &other_project] {
            fs::write(t, b"half").unwrap();
        }
        for p in [
            &temp,
            &store_temp,
            &store.path_of(&orphan),
            &store.path_of(&kept),
        ] {
            age(p);
        }
        let found = leftovers(&path, &project);
        let summary: Vec<_> = found
            .iter()
            .map(|l| (l.path.clone(), l.kind, l.recent))
            .collect();
        let mut expected = vec![
            (temp.clone(), LeftoverKind::Temp, false),
            (store.path_of(&orphan), LeftoverKind::Orphan, false),
            (store_temp.clone(), LeftoverKind::Temp, false),
            (store.path_of(&fresh), LeftoverKind::Orphan, true),
        ];
        expected.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(summary, expected);
        let (removed, failed) = remove(&found);
        assert_eq!(removed.len(), 3, "{removed:?}");
        assert!(failed.is_empty());
        assert!(
            store.path_of(&kept).exists(),
            "a file a photo refers to stays"
        );
        assert!(store.path_of(&fresh).exists(), "a recent one stays");
        assert!(other_project.exists(), "another project's temp file stays");
        assert!(!store.path_of(&orphan).exists() && !temp.exists() && !store_temp.exists());
    }
}
