//! File dialogs behind a seam, so tests never open a real one.

use std::path::PathBuf;

pub trait Dialogs {
    /// A project file to open.
    fn open_project(&self) -> Option<PathBuf>;
    /// Where to save the project.
    fn save_project(&self, suggested_name: &str) -> Option<PathBuf>;
    /// Photos to import (several files).
    fn pick_photos(&self) -> Option<Vec<PathBuf>> {
        None
    }
}

/// Native dialogs (XDG portal or zenity on Linux).
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
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
            .map(|p| {
                if p.extension().is_none() {
                    p.with_extension("ron")
                } else {
                    p
                }
            })
    }
}
