//! Undo and redo by snapshots of the project. Each state has a version
//! number, so the document knows whether it matches what was saved even
//! after undoing back to it.

use crate::model::Project;

/// The most undo steps kept; older ones are dropped.
const MAX_STEPS: usize = 100;

struct Step {
    label: String,
    project: Project,
    version: u64,
}

#[derive(Default)]
pub struct UndoStack {
    past: Vec<Step>,
    future: Vec<Step>,
    /// The key of the last edit, while typing continues in one field.
    typing: Option<String>,
}

impl UndoStack {
    /// Records `before` (at `version`) ahead of an edit, unless the edit
    /// continues typing in the same field. Returns whether a step was added.
    pub fn record(
        &mut self,
        label: &str,
        key: Option<&str>,
        before: &Project,
        version: u64,
    ) -> bool {
        self.future.clear();
        if key.is_some() && key == self.typing.as_deref() {
            return false;
        }
        self.typing = key.map(str::to_owned);
        self.past.push(Step {
            label: label.to_owned(),
            project: before.clone(),
            version,
        });
        if self.past.len() > MAX_STEPS {
            self.past.remove(0);
        }
        true
    }

    /// Ends a run of typing: the next edit of the same field is a new step.
    pub fn break_typing(&mut self) {
        self.typing = None;
    }

    /// Swaps `current` for the previous state; returns its version.
    pub fn undo(&mut self, current: &mut Project, version: u64) -> Option<u64> {
        self.typing = None;
        let step = self.past.pop()?;
        let old = std::mem::replace(current, step.project);
        self.future.push(Step {
            label: step.label,
            project: old,
            version,
        });
        Some(step.version)
    }

    /// Swaps `current` for the next state; returns its version.
    pub fn redo(&mut self, current: &mut Project, version: u64) -> Option<u64> {
        self.typing = None;
        let step = self.future.pop()?;
        let old = std::mem::replace(current, step.project);
        self.past.push(Step {
            label: step.label,
            project: old,
            version,
        });
        Some(step.version)
    }

    /// "Undo add order", for the menu; `None` when there is nothing to undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.past.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.future.last().map(|s| s.label.as_str())
    }
}
