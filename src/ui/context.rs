//! What a panel gets each frame: a read-only context (the project, the
//! derived results for this document version, the selection) and a sink
//! for what it asks. Panels never receive the app; the app applies what
//! the sink collected after drawing.

use super::photos::side_by_side::CompareView;
use crate::app::{Command, Derived};
use crate::model::{OrderId, PhotoId, ProductId, Project};
use crate::rules::Target;
use crate::rules::ops::Op;

/// What is selected in the tree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    /// Nothing picked: the overview of every order.
    #[default]
    None,
    /// The project's name, the warehouse's policies and the routes.
    Setup,
    Product(ProductId),
    Order(OrderId),
}

/// The read-only context of a frame.
pub struct Ctx<'a> {
    pub project: &'a Project,
    pub derived: &'a Derived,
    /// The document's version (what is built from the project is rebuilt
    /// when it moves).
    pub version: u64,
    pub selection: Selection,
    /// Photos whose bytes no longer match the ones imported.
    pub changed_photos: &'a std::collections::HashSet<PhotoId>,
    /// The buyer's name, as signatures and calls record it.
    pub reviewer: &'a str,
}

/// A change of the window's own state a panel asks for.
pub enum Ask {
    Select(Selection),
    /// Select where `target` is fixed and scroll it into view.
    JumpTo(Target),
    OpenViewer {
        order: OrderId,
        photo: PhotoId,
    },
    CloseViewer,
    /// The viewer (or compare view) takes the whole window, or gives the
    /// tree and the verdict panel back.
    ToggleWholeWindow,
    Compare(Box<CompareView>),
    CloseCompare,
    /// "Add photos…" (`folder`: "Add folder…") for an order.
    AddPhotos {
        order: OrderId,
        folder: bool,
    },
    /// Ask "`title`?" naming what else `op` changes, then apply it.
    Confirm {
        title: String,
        op: Op,
    },
    /// A notification for the toasts.
    Notify(String),
    /// A command of the window's table (menus, shortcuts, buttons).
    Run(super::shell::commands::UiCommand),
    SetTheme(super::widgets::theme::Theme),
    /// Remember the buyer's name (for signatures and calls).
    SetReviewer(String),
    /// Ask where to write this export, then run it.
    Export(super::shell::export::ExportRequest),
}

/// What the panels ask for during a frame.
#[derive(Default)]
pub struct Sink {
    pub commands: Vec<Command>,
    pub asks: Vec<Ask>,
}

impl Sink {
    pub fn apply(&mut self, op: Op) {
        self.commands.push(Command::Apply(op));
    }

    /// A keystroke's change in the text field `field`.
    pub fn typing(&mut self, field: impl Into<String>, op: Op) {
        self.commands.push(Command::Typing {
            op,
            field: field.into(),
        });
    }

    pub fn command(&mut self, c: Command) {
        self.commands.push(c);
    }

    pub fn ask(&mut self, a: Ask) {
        self.asks.push(a);
    }

    /// A removal: asks first when it takes other evidence with it.
    pub fn remove(&mut self, title: impl Into<String>, op: Op) {
        self.asks.push(Ask::Confirm {
            title: title.into(),
            op,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.commands.is_empty() && self.asks.is_empty()
    }
}
