//! Exports in the background: a copy of the project as it is now is
//! summarised and written by `report::export` on a job thread, with
//! progress; when done the window is told where the file is (to reveal it).

use super::{Event, Session};
use crate::app::jobs::{Job, JobResult};
use crate::report::{self, ExportOutput, Format, Scope};
use crate::rules::text::count;
use std::path::PathBuf;

impl Session {
    pub(super) fn export(&mut self, format: Format, scope: Scope, out: PathBuf) {
        let Some(doc) = &self.doc else {
            return;
        };
        if self.jobs.is_running(Job::Export) {
            self.toasts
                .push("An export is under way: wait for it to finish.".into());
            return;
        }
        let project = doc.project.clone();
        let project_path = doc.path.clone();
        let now = chrono::Local::now().naive_local();
        self.export_progress = Some((0, 1));
        self.jobs.spawn_reporting(Job::Export, move |report| {
            let result = report::export(
                &project,
                project_path.as_deref(),
                format,
                scope,
                &out,
                now,
                &mut |done, total| {
                    report.send(JobResult::Progress {
                        job: Job::Export,
                        done,
                        total,
                    })
                },
            );
            JobResult::Exported(result.map_err(|e| format!("{}: {e}", out.display())))
        });
    }

    /// Steps done and in all, while an export runs.
    pub fn export_progress(&self) -> Option<(usize, usize)> {
        self.export_progress
    }

    pub(super) fn exported(&mut self, result: Result<ExportOutput, String>) {
        self.export_progress = None;
        match result {
            Ok(out) => {
                let name = out
                    .path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let photos = count(out.photos, "photo", "photos");
                let photos = match out.missing_photos.len() {
                    0 => photos,
                    n => format!("{photos}, {n} could not be read"),
                };
                self.toasts.push(format!("Exported {name} ({photos})"));
                if !out.undrawable.is_empty() {
                    let said = crate::report::fonts::undrawable_sentence(&out.undrawable);
                    self.toasts.push(format!("{name}: {said}"));
                }
                self.events.push(Event::Exported(out.path));
            }
            Err(e) => self.error = Some(format!("The export failed: {e}")),
        }
    }
}
