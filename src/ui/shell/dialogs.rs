//! File dialogs and the file manager behind a seam, so tests never open a
//! real one.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
    /// Whether dialogs can be shown at all. Asked again after a dialog
    /// returned nothing: false then means it could not open, true that the
    /// buyer cancelled it.
    fn available(&self) -> bool {
        true
    }
}

/// Whether a program is on the PATH.
fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(name).is_file()))
}

use super::path_prompt::with_extension;

/// Set (to anything but empty or `0`) to act as if no dialog can be shown:
/// the window asks for paths in a text field (tests, screenshots, a
/// machine whose portal hangs).
pub const NO_DIALOG_VAR: &str = "BULKREADY_NO_DIALOG";

fn no_dialog_wanted() -> bool {
    std::env::var_os(NO_DIALOG_VAR).is_some_and(|v| !v.is_empty() && v != "0")
}

/// A dialog that answers nothing sooner than this was never shown: nobody
/// cancels a dialog that fast.
const TOO_FAST_TO_BE_CANCELLED: Duration = Duration::from_millis(150);

/// Dialogs that answer nothing and show nothing (benchmarks, headless runs).
pub struct NoDialogs;

impl Dialogs for NoDialogs {
    fn available(&self) -> bool {
        false
    }
}

/// Native dialogs (XDG portal or zenity on Linux).
#[derive(Default)]
pub struct NativeDialogs {
    /// A dialog answered nothing at once: none can be shown here.
    failed: Cell<bool>,
}

impl NativeDialogs {
    /// Runs a dialog; one that returns nothing at once could not open.
    fn timed<T>(&self, show: impl FnOnce() -> Option<T>) -> Option<T> {
        let started = Instant::now();
        let answer = show();
        if answer.is_none() && started.elapsed() < TOO_FAST_TO_BE_CANCELLED {
            self.failed.set(true);
        }
        answer
    }
}

impl Dialogs for NativeDialogs {
    fn available(&self) -> bool {
        if no_dialog_wanted() || self.failed.get() {
            return false;
        }
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
        self.timed(|| {
            rfd::FileDialog::new()
                .set_title("Open project")
                .add_filter("BulkReady project", &["ron"])
                .pick_file()
        })
    }

    fn save_project(&self, suggested_name: &str) -> Option<PathBuf> {
        self.timed(|| {
            rfd::FileDialog::new()
                .set_title("Save project")
                .add_filter("BulkReady project", &["ron"])
                .set_file_name(suggested_name)
                .save_file()
        })
        .map(|p| with_extension(p, "ron"))
    }

    fn pick_photos(&self) -> Option<Vec<PathBuf>> {
        self.timed(|| {
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
        })
    }

    fn pick_photo_folder(&self) -> Option<PathBuf> {
        self.timed(|| {
            rfd::FileDialog::new()
                .set_title("Add a folder of photos")
                .pick_folder()
        })
    }

    fn save_export(&self, suggested_name: &str, extension: &str) -> Option<PathBuf> {
        self.timed(|| {
            rfd::FileDialog::new()
                .set_title("Export")
                .add_filter(extension, &[extension])
                .set_file_name(suggested_name)
                .save_file()
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dialog_that_answers_nothing_at_once_could_not_open() {
        let cancelled = NativeDialogs::default();
        let slow = cancelled.timed(|| {
            std::thread::sleep(TOO_FAST_TO_BE_CANCELLED + Duration::from_millis(20));
            None::<PathBuf>
        });
        assert!(
            slow.is_none() && !cancelled.failed.get(),
            "a person cancelled it"
        );
        let picked = cancelled.timed(|| Some(PathBuf::from("/p.ron")));
        assert!(picked.is_some() && !cancelled.failed.get());
        let none = NativeDialogs::default();
        assert!(none.timed(|| None::<PathBuf>).is_none());
        assert!(none.failed.get());
        assert!(!none.available(), "then no dialog is offered again");
    }
}
