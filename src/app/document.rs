//! The open document: the project, where it is saved, its undo history and
//! whether it has unsaved changes.

use super::undo::UndoStack;
use crate::model::{PhotoId, Project};
use crate::rules::ops::{self, Applied, Op, OpError, Reach};
use crate::store::FileStamp;
use std::path::{Path, PathBuf};

pub struct Document {
    pub project: Project,
    /// Where it is saved; `None` until the first Save As.
    pub path: Option<PathBuf>,
    undo: UndoStack,
    /// Each state of the project has its own version number.
    version: u64,
    next_version: u64,
    /// The version on disk, if any.
    saved_version: Option<u64>,
    /// The file as we last read or wrote it (to notice outside changes).
    pub(crate) stamp: Option<FileStamp>,
    /// Photos whose files were missing when the project was opened.
    pub missing_photos: Vec<PhotoId>,
    /// What the edits since the last [`Document::take_reach`] reached.
    reach: Reach,
}

impl Document {
    /// A new, untitled project. Nothing to save until it is edited.
    pub fn untitled(project: Project) -> Self {
        Document {
            project,
            path: None,
            undo: UndoStack::default(),
            version: 0,
            next_version: 1,
            saved_version: Some(0),
            stamp: None,
            missing_photos: Vec::new(),
            reach: Reach::Everything,
        }
    }

    /// A project read from `path`.
    pub fn opened(project: Project, path: PathBuf, stamp: Option<FileStamp>) -> Self {
        Document {
            path: Some(path),
            stamp,
            ..Document::untitled(project)
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.saved_version != Some(self.version)
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    pub(crate) fn mark_saved(&mut self, version: u64, path: &Path, stamp: Option<FileStamp>) {
        self.saved_version = Some(version);
        self.path = Some(path.to_path_buf());
        self.stamp = stamp;
        self.undo.break_typing();
    }

    /// The file name shown in the title ("Untitled" before the first save).
    pub fn file_name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| "Untitled".into(), |n| n.to_string_lossy().into_owned())
    }

    /// The window title: the file, a marker for unsaved changes, the app.
    pub fn title(&self) -> String {
        let marker = if self.is_dirty() { " •" } else { "" };
        format!("{}{marker} — BulkReady", self.file_name())
    }

    /// Applies an op and records its inverse for undo. Ops in a row with
    /// the same `key` (typing in one field) make one undo step. Nothing is
    /// recorded for an op that changed nothing.
    pub fn apply(&mut self, op: Op, key: Option<&str>) -> Result<Applied, OpError> {
        let label = op.label();
        let reach = ops::reach(&self.project, &op);
        let applied = ops::apply(&mut self.project, op)?;
        if applied.changed() {
            self.reached(reach);
            self.undo
                .record(label, key, applied.inverse.clone(), self.version);
            self.version = self.next_version;
            self.next_version += 1;
        }
        Ok(applied)
    }

    /// Takes the last change back; `Ok(false)` when there is none.
    pub fn undo(&mut self) -> Result<bool, OpError> {
        let done = self.undo.undo(&mut self.project, self.version)?;
        Ok(self.went_to(done))
    }

    pub fn redo(&mut self) -> Result<bool, OpError> {
        let done = self.undo.redo(&mut self.project, self.version)?;
        Ok(self.went_to(done))
    }

    fn went_to(&mut self, done: Option<(u64, Reach)>) -> bool {
        match done {
            Some((v, reach)) => {
                self.version = v;
                self.reached(reach);
                true
            }
            None => false,
        }
    }

    fn reached(&mut self, reach: Reach) {
        self.reach = std::mem::take(&mut self.reach).join(reach);
    }

    /// What the edits since the last call reached (everything, the first
    /// time), for the derived results to catch up.
    pub fn take_reach(&mut self) -> Reach {
        std::mem::take(&mut self.reach)
    }

    /// Ends a run of typing (the field lost focus).
    pub fn break_typing(&mut self) {
        self.undo.break_typing();
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.undo_label()
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.undo.redo_label()
    }
}
