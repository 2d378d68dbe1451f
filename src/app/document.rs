//! The open document: the project, where it is saved, its undo history and
//! whether it has unsaved changes.

use super::command::Edit;
use super::undo::UndoStack;
use crate::model::{PhotoId, Project};
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

    /// Applies an edit, recording the state before it for undo. Returns the
    /// id of an object the edit created.
    pub fn apply(&mut self, edit: Edit) -> Option<u64> {
        let before_version = self.version;
        let before = self.project.clone();
        let created = (edit.apply)(&mut self.project);
        if self.project == before {
            return created;
        }
        // Typing on in one field adds no undo step, but is a new state.
        self.undo
            .record(&edit.label, edit.key.as_deref(), &before, before_version);
        self.version = self.next_version;
        self.next_version += 1;
        created
    }

    pub fn undo(&mut self) -> bool {
        match self.undo.undo(&mut self.project, self.version) {
            Some(v) => {
                self.version = v;
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.undo.redo(&mut self.project, self.version) {
            Some(v) => {
                self.version = v;
                true
            }
            None => false,
        }
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.undo_label()
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.undo.redo_label()
    }
}
