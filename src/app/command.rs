//! Commands: everything the window asks the session to do. Menus, keyboard
//! shortcuts and buttons share them (and their labels).

use crate::model::{OrderId, ParcelId, Project};
use std::fmt;
use std::path::PathBuf;

/// What the user asked for. Applied between frames by [`super::Session`].
pub enum Command {
    /// A new, untitled project.
    NewProject,
    /// Open a project file (in a background job).
    Open(PathBuf),
    /// Write the demo project into this folder and open it.
    OpenDemo(PathBuf),
    Save,
    SaveAs(PathBuf),
    Undo,
    Redo,
    /// A change to the document, recorded for undo.
    Edit(Edit),
    /// Close the project (after the unsaved-changes guard).
    CloseProject,
    /// Reload the project from disk, dropping unsaved changes.
    Reload,
    /// Replace the project with its recovery file.
    Recover,
    /// Delete the recovery file and keep the project as saved.
    DiscardRecovery,
    /// Keep the open version although the file changed on disk.
    KeepMine,
    /// Copy photos into the store and add them to an order (a background
    /// job with progress), linked to a parcel if given.
    ImportPhotos {
        order: OrderId,
        parcel: Option<ParcelId>,
        paths: Vec<PathBuf>,
    },
    /// Stop the import under way (the photos done so far are kept).
    CancelImport,
    /// Add an image from the clipboard (a chat screenshot) to an order.
    PastePhoto {
        order: OrderId,
        image: image::RgbaImage,
    },
    /// Write a decision summary (HTML, PDF, Markdown or the supplier
    /// brief) of the project as it is now, in a background job.
    Export {
        format: crate::report::Format,
        scope: crate::report::Scope,
        out: PathBuf,
    },
}

/// A change to the project. Edits with the same `key` in a row (typing in
/// one field) make one undo step.
pub struct Edit {
    /// What the change is, for the Undo/Redo menu items ("Undo add order").
    pub label: String,
    /// Coalescing key: the field being typed into, if any.
    pub key: Option<String>,
    /// Applies the change; returns the id of an object it created, if any,
    /// so the window can select it.
    pub apply: ApplyFn,
}

/// How an [`Edit`] changes the project.
pub type ApplyFn = Box<dyn FnOnce(&mut Project) -> Option<u64> + Send>;

impl Edit {
    /// A one-off change (adding, removing, choosing).
    pub fn new(
        label: impl Into<String>,
        apply: impl FnOnce(&mut Project) -> Option<u64> + Send + 'static,
    ) -> Self {
        Edit {
            label: label.into(),
            key: None,
            apply: Box::new(apply),
        }
    }

    /// Typing into a field: consecutive edits of `key` coalesce.
    pub fn typing(
        label: impl Into<String>,
        key: impl Into<String>,
        apply: impl FnOnce(&mut Project) + Send + 'static,
    ) -> Self {
        Edit {
            label: label.into(),
            key: Some(key.into()),
            apply: Box::new(move |p| {
                apply(p);
                None
            }),
        }
    }
}

impl fmt::Debug for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Command::Edit(e) => write!(f, "Edit({:?}, key {:?})", e.label, e.key),
            Command::NewProject => write!(f, "NewProject"),
            Command::Open(p) => write!(f, "Open({})", p.display()),
            Command::OpenDemo(p) => write!(f, "OpenDemo({})", p.display()),
            Command::Save => write!(f, "Save"),
            Command::SaveAs(p) => write!(f, "SaveAs({})", p.display()),
            Command::Undo => write!(f, "Undo"),
            Command::Redo => write!(f, "Redo"),
            Command::CloseProject => write!(f, "CloseProject"),
            Command::Reload => write!(f, "Reload"),
            Command::Recover => write!(f, "Recover"),
            Command::DiscardRecovery => write!(f, "DiscardRecovery"),
            Command::KeepMine => write!(f, "KeepMine"),
            Command::ImportPhotos { order, paths, .. } => {
                write!(f, "ImportPhotos(order {order}, {} files)", paths.len())
            }
            Command::CancelImport => write!(f, "CancelImport"),
            Command::PastePhoto { order, image } => {
                write!(
                    f,
                    "PastePhoto(order {order}, {}×{})",
                    image.width(),
                    image.height()
                )
            }
            Command::Export { format, scope, out } => {
                write!(f, "Export({format:?}, {scope:?}, {})", out.display())
            }
        }
    }
}
