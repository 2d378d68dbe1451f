//! Undo and redo by inverse ops: each step keeps the ops that undo it
//! (what it changed, not a copy of the project), and each state has a
//! version number, so the document knows whether it matches what was saved
//! even after undoing back to it.

use crate::model::Project;
use crate::rules::ops::{self, Op, OpError, Reach};

/// The most undo steps kept; older ones are dropped.
const MAX_STEPS: usize = 100;

struct Step {
    label: String,
    /// Applied in order, these take the project back across the step.
    ops: Vec<Op>,
    /// The version the project has on the other side of the step.
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
    /// Records an applied change: `inverse` takes the project back to
    /// `version`. Typing on in the same field (`key`) adds no step: the
    /// step of the first keystroke already goes back to before the field
    /// was touched. Returns whether a step was added.
    pub fn record(
        &mut self,
        label: String,
        key: Option<&str>,
        inverse: Vec<Op>,
        version: u64,
    ) -> bool {
        self.future.clear();
        if key.is_some() && key == self.typing.as_deref() && !self.past.is_empty() {
            return false;
        }
        self.typing = key.map(str::to_owned);
        self.past.push(Step {
            label,
            ops: inverse,
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

    /// Takes `project` back one step; returns the version it then has, and
    /// what the step reached.
    pub fn undo(
        &mut self,
        project: &mut Project,
        version: u64,
    ) -> Result<Option<(u64, Reach)>, OpError> {
        self.typing = None;
        cross(&mut self.past, &mut self.future, project, version)
    }

    /// Takes `project` forward one step; returns the version it then has.
    pub fn redo(
        &mut self,
        project: &mut Project,
        version: u64,
    ) -> Result<Option<(u64, Reach)>, OpError> {
        self.typing = None;
        cross(&mut self.future, &mut self.past, project, version)
    }

    /// "Undo add order", for the menu; `None` when there is nothing to undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.past.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.future.last().map(|s| s.label.as_str())
    }
}

/// Applies the last step of `from`, and records its inverse on `to`.
fn cross(
    from: &mut Vec<Step>,
    to: &mut Vec<Step>,
    project: &mut Project,
    version: u64,
) -> Result<Option<(u64, Reach)>, OpError> {
    let Some(step) = from.pop() else {
        return Ok(None);
    };
    let batch = Op::Batch(step.ops.clone());
    let reach = ops::reach(project, &batch);
    match ops::apply(project, batch) {
        Ok(applied) => {
            to.push(Step {
                label: step.label,
                ops: applied.inverse,
                version,
            });
            Ok(Some((step.version, reach)))
        }
        Err(e) => {
            // Cannot happen for inverses of applied ops (property-tested);
            // keep the step so nothing is lost, and say why.
            from.push(step);
            Err(e)
        }
    }
}
