//! Commands: everything the window asks the session to do. Menus, keyboard
//! shortcuts and buttons share them (and their labels).

use crate::model::{OrderId, ParcelId};
use crate::rules::ops::Op;
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
    Apply(Op),
    /// A keystroke's change in a text field: changes with the same `field`
    /// in a row make one undo step.
    Typing {
        op: Op,
        field: String,
    },
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
    /// The answer to the unsaved-changes question.
    Resolve(super::session::UnsavedChoice),
    /// The user read the error of a failed action.
    DismissError,
    /// A text field lost focus: the next edit in it is a new undo step.
    EndTyping,
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
    /// Read the labels (barcodes) on these photos of an order again, in a
    /// background job, and link each to the parcel its label shows.
    ReadLabels {
        order: OrderId,
        photos: Vec<crate::model::PhotoId>,
    },
    /// Measure the colour between a sample and a bulk photo (a job) and
    /// keep it on the bulk order's observation of the colour row.
    MeasureColour(Box<super::colour::ColourRequest>),
    /// Write a decision summary (HTML, PDF, Markdown or the supplier
    /// brief) of the project as it is now, in a background job.
    Export {
        format: crate::report::Format,
        scope: crate::report::Scope,
        out: PathBuf,
    },
}

impl fmt::Debug for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Command::Apply(op) => write!(f, "Apply({})", op.label()),
            Command::Typing { op, field } => write!(f, "Typing({}, {field})", op.label()),
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
            Command::Resolve(c) => write!(f, "Resolve({c:?})"),
            Command::DismissError => write!(f, "DismissError"),
            Command::EndTyping => write!(f, "EndTyping"),
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
            Command::ReadLabels { order, photos } => {
                write!(f, "ReadLabels(order {order}, {} photos)", photos.len())
            }
            Command::MeasureColour(r) => write!(f, "MeasureColour(spec {})", r.spec),
            Command::Export { format, scope, out } => {
                write!(f, "Export({format:?}, {scope:?}, {})", out.display())
            }
        }
    }
}
