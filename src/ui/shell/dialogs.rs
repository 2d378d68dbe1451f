//! File dialogs and the file manager behind a seam, so tests never open a
//! real one.

use std::path::{Path, PathBuf};

pub trait Dialogs {
    /// A project file to open.
    fn open_project(&self) -> Option<PathBuf> {
        None
    }
    /// Where to save the project.
    fn save_project(&self, _suggested_name: &str) -> Option<PathBuf> {
        None
    }
    /// Photos to import (several files).
    fn pick_photos(&self) -> Option<Vec<PathBuf>> {
        None
    }
    /// A folder of photos to import.
    fn pick_photo_folder(&self) -> Option<PathBuf> {
        None
    }
    /// Where to write an export (a file ending in `.extension`).
    fn save_export(&self, _suggested_name: &str, _extension: &str) -> Option<PathBuf> {
        None
    }
    /// Shows a file just written in the file manager.
    fn reveal(&self, _path: &Path) {}
    /// Whether dialogs can be shown at all (a dialog that returned nothing
    /// was then cancelled, not impossible).
    fn available(&self) -> bool {
        true
    }
}

/// Whether a program is on the PATH.
fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(name).is_file()))
}

/// Adds `.extension` when the name typed has none.
fn with_extension(p: PathBuf, extension: &str) -> PathBuf {
    if p.extension().is_none() {
        p.with_extension(extension)
    } else {
        p
    }
}

/// Dialogs that answer nothing and show nothing (benchmarks, headless runs).
pub struct NoDialogs;

impl Dialogs for NoDialogs {
    fn available(&self) -> bool {
        false
    }
}

/// Native dialogs (XDG portal or zenity on Linux).
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
    fn available(&self) -> bool {
        // rfd talks to the XDG desktop portal over D-Bus, else runs zenity.
        let portal = [
            "/usr/libexec/xdg-desktop-portal",
            "/usr/lib/xdg-desktop-portal",
        ]
        .iter()
        .any(|p| Path::new(p).exists());
        on_path("zenity") || (portal && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some())
    }

    fn open_project(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open project")
            .add_filter("BulkReady project", &["ron"])
            .pick_file()
    }

    fn save_project(&self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save project")
            .add_filter("BulkReady project", &["ron"])
            .set_file_name(suggested_name)
            .save_file()
            .map(|p| with_extension(p, "ron"))
    }

    fn pick_photos(&self) -> Option<Vec<PathBuf>> {
        rfd::FileDialog::new()
            .set_title("Add photos")
            .add_filter(
                "Images",
                &[
                    "jpg", "jpeg", "png", "webp", "gif", "tif", "tiff", "bmp", "heic", "JPG",
                    "JPEG", "PNG",
                ],
            )
            .pick_files()
    }

    fn pick_photo_folder(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Add a folder of photos")
            .pick_folder()
    }

    fn save_export(&self, suggested_name: &str, extension: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export")
            .add_filter(extension, &[extension])
            .set_file_name(suggested_name)
            .save_file()
            .map(|p| with_extension(p, extension))
    }

    /// The folder holding the file, in the desktop's file manager (the file
    /// selected where the platform can).
    fn reveal(&self, path: &Path) {
        use std::process::Command;
        let spawned = if cfg!(target_os = "macos") {
            Command::new("open").arg("-R").arg(path).spawn()
        } else if cfg!(windows) {
            Command::new("explorer")
                .arg(format!("/select,{}", path.display()))
                .spawn()
        } else {
            let folder = path.parent().unwrap_or(Path::new("."));
            Command::new("xdg-open").arg(folder).spawn()
        };
        // No file manager is not an error worth a dialog: the toast says
        // where the file is.
        drop(spawned);
    }
}
