//! The editing session without a screen: the open document, commands and
//! how they apply, background jobs and what they report. The window reads
//! this state and pushes commands; tests drive it in plain Rust.

use super::command::Command;
use super::document::Document;
use super::jobs::{self, Job, JobResult, Jobs, Waker};
use crate::model::Project;
use crate::rules::ops::Op;
use crate::store::{self, PhotoStore};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    New,
    Open(PathBuf),
    OpenDemo(PathBuf),
    Close,
    Quit,
}

/// A question the window must ask before going on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Prompt {
    /// Save / Discard / Cancel, then `Pending`.
    Unsaved(Pending),
    /// A recovery file newer than the project: Recover / Discard.
    Recover,
    /// The file changed on disk: Reload / Keep mine.
    DiskChanged,
}

/// The answer to [`Prompt::Unsaved`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// Something the window should know happened (recent files, selection).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Opened(PathBuf),
    Saved(PathBuf),
    /// An edit created this object.
    Created(u64),
    /// The project was replaced (opened, closed, new, reloaded).
    Replaced,
    /// An export was written here.
    Exported(PathBuf),
    /// Save was asked for an untitled project: ask where to save it.
    WantSaveAs,
    /// Unsaved changes were dealt with: the window may close.
    QuitConfirmed,
}

pub struct Session {
    pub doc: Option<Document>,
    jobs: Jobs,
    /// Background results for the user (shown as toasts), oldest first.
    pub toasts: Vec<String>,
    /// A failed action (shown in a modal until dismissed).
    pub error: Option<String>,
    pub prompt: Option<Prompt>,
    /// The user confirmed quitting; the window may close.
    pub quit_confirmed: bool,
    events: Vec<Event>,
    after_save: Option<Pending>,
    save_queued: Option<PathBuf>,
    pub autosave_every: Duration,
    pub watch_every: Duration,
    last_autosave: Instant,
    last_watch: Instant,
    /// Photo import and thumbnails (see `session_photos.rs`).
    photos: photos::PhotoJobs,
    /// Steps done and in all while an export runs (`session_export.rs`).
    export_progress: Option<(usize, usize)>,
}

impl Session {
    pub fn new(waker: Waker) -> Self {
        let now = Instant::now();
        Session {
            doc: None,
            jobs: Jobs::new(waker),
            toasts: Vec::new(),
            error: None,
            prompt: None,
            quit_confirmed: false,
            events: Vec::new(),
            after_save: None,
            save_queued: None,
            autosave_every: Duration::from_secs(60),
            watch_every: Duration::from_secs(2),
            last_autosave: now,
            last_watch: now,
            photos: photos::PhotoJobs::default(),
            export_progress: None,
        }
    }

    pub fn project(&self) -> Option<&Project> {
        self.doc.as_ref().map(|d| &d.project)
    }

    /// Names of the background jobs under way ("save", "open"…).
    pub fn busy(&self) -> &[Job] {
        self.jobs.running()
    }

    /// Events since the last call.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    pub fn apply(&mut self, command: Command) {
        match command {
            Command::NewProject => self.guard(Pending::New),
            Command::Open(path) => self.guard(Pending::Open(path)),
            Command::OpenDemo(dir) => self.guard(Pending::OpenDemo(dir)),
            Command::CloseProject => self.guard(Pending::Close),
            Command::Save => match self.doc.as_ref().and_then(|d| d.path.clone()) {
                Some(path) => self.start_save(path),
                None if self.doc.is_some() => self.events.push(Event::WantSaveAs),
                None => {}
            },
            Command::SaveAs(path) => self.start_save(path),
            Command::Undo => self.step(true),
            Command::Redo => self.step(false),
            Command::Apply(op) => self.change(op, None),
            Command::Typing { op, field } => self.change(op, Some(&field)),
            Command::Reload => {
                self.prompt = None;
                if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) {
                    self.jobs.spawn(Job::Open, move || jobs::open(path));
                }
            }
            Command::KeepMine => {
                self.prompt = None;
                // Do not ask again for this change; the next save overwrites it.
                if let Some(d) = &mut self.doc {
                    d.stamp = d.path.as_deref().and_then(store::stamp);
                }
            }
            Command::Recover => {
                self.prompt = None;
                if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) {
                    self.jobs.spawn(Job::Recover, move || {
                        let rec = store::recovery_path(&path);
                        JobResult::Recovered(store::load(&rec).map_err(|e| e.to_string()))
                    });
                }
            }
            Command::Resolve(choice) => self.resolve_unsaved(choice),
            Command::DismissError => self.error = None,
            Command::EndTyping => {
                if let Some(d) = &mut self.doc {
                    d.break_typing();
                }
            }
            Command::DiscardRecovery => {
                self.prompt = None;
                self.delete_recovery();
            }
            Command::ImportPhotos {
                order,
                parcel,
                paths,
            } => self.import_photos(order, parcel, paths),
            Command::CancelImport => self.cancel_import(),
            Command::PastePhoto { order, image } => self.paste_photo(order, image),
            Command::Export { format, scope, out } => self.export(format, scope, out),
            Command::ReadLabels { order, photos } => self.read_labels(order, photos),
            Command::MeasureColour(request) => self.measure_colour(*request),
        }
    }

    /// A job that panicked, or could not start: clear what it showed.
    fn stopped(&mut self, job: Job) {
        match job {
            Job::Import => self.import_crashed(),
            Job::Export => self.export_progress = None,
            Job::Thumbnails | Job::FullImage => {
                if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) {
                    self.restart_image_jobs(&path);
                }
            }
            _ => {}
        }
    }

    /// A job that panicked: clear what it showed, and say so.
    fn crashed(&mut self, job: Job, message: String) {
        self.stopped(job);
        self.error = Some(format!(
            "Something went wrong in {}: {message}. Nothing was lost; \
             please report this, with the file involved if you can.",
            job.what()
        ));
    }

    /// A job whose thread could not start: say which, and that nothing ran.
    fn not_started(&mut self, job: Job, message: String) {
        self.stopped(job);
        self.error = Some(format!(
            "Could not start {} ({message}). Nothing was changed; try again, or close other \
             programs if the machine is short of memory.",
            job.what()
        ));
    }

    /// Applies an op to the document; says what else it changed, or why
    /// it was refused.
    fn change(&mut self, op: Op, key: Option<&str>) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        let label = op.label();
        match doc.apply(op, key) {
            Ok(applied) => {
                if let Some(id) = applied.created {
                    self.events.push(Event::Created(id));
                }
                if !applied.effects.is_empty() {
                    self.toasts.push(format!(
                        "{}: {}. Ctrl+Z undoes it.",
                        capitalised(&label),
                        applied.effects.join("; ")
                    ));
                }
            }
            Err(e) => self.error = Some(format!("Could not {label}: {e}.")),
        }
    }

    /// Undo (`back`) or redo one step.
    fn step(&mut self, back: bool) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        let label = if back {
            doc.undo_label()
        } else {
            doc.redo_label()
        };
        let label = label.unwrap_or_default().to_string();
        let done = if back { doc.undo() } else { doc.redo() };
        if let Err(e) = done {
            let what = if back { "undo" } else { "redo" };
            self.error = Some(format!("Could not {what} \u{201c}{label}\u{201d}: {e}."));
        }
    }

    /// Runs `pending` now, or asks first when there are unsaved changes.
    fn guard(&mut self, pending: Pending) {
        if self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.prompt = Some(Prompt::Unsaved(pending));
        } else {
            self.run(pending);
        }
    }

    pub fn resolve_unsaved(&mut self, choice: UnsavedChoice) {
        let Some(Prompt::Unsaved(pending)) = self.prompt.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Save => {
                self.after_save = Some(pending);
                self.apply(Command::Save);
            }
            UnsavedChoice::Discard => {
                self.delete_recovery();
                self.run(pending);
            }
            UnsavedChoice::Cancel => {}
        }
    }

    /// Quitting: true when the window may close now; otherwise the
    /// unsaved-changes prompt is up.
    pub fn request_quit(&mut self) -> bool {
        if self.quit_confirmed || !self.doc.as_ref().is_some_and(Document::is_dirty) {
            return true;
        }
        if self.prompt.is_none() {
            self.prompt = Some(Prompt::Unsaved(Pending::Quit));
        }
        false
    }

    fn run(&mut self, pending: Pending) {
        match pending {
            Pending::New => {
                self.photos.forget_thumbnails();
                self.doc = Some(Document::untitled(Project::new("New project")));
                self.events.push(Event::Replaced);
            }
            Pending::Open(path) => self.jobs.spawn(Job::Open, move || jobs::open(path)),
            Pending::OpenDemo(dir) => self.jobs.spawn(Job::Demo, move || {
                JobResult::DemoWritten(super::demo::write(&dir).map_err(|e| e.to_string()))
            }),
            Pending::Close => {
                self.photos.forget_thumbnails();
                self.doc = None;
                self.events.push(Event::Replaced);
            }
            Pending::Quit => {
                self.quit_confirmed = true;
                self.events.push(Event::QuitConfirmed);
            }
        }
    }

    fn start_save(&mut self, path: PathBuf) {
        let Some(doc) = &self.doc else {
            return;
        };
        if self.jobs.is_running(Job::Save) {
            // One save at a time: save again when this one is done.
            self.save_queued = Some(path);
            return;
        }
        let project = doc.project.clone();
        let version = doc.version();
        self.jobs.spawn(Job::Save, move || {
            let result = store::save(&path, &project)
                .map(|()| {
                    let _ = std::fs::remove_file(store::recovery_path(&path));
                    store::stamp(&path)
                })
                .map_err(|e| e.to_string());
            JobResult::Saved {
                path,
                version,
                result,
            }
        });
    }

    fn delete_recovery(&mut self) {
        if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) {
            self.jobs.spawn(Job::Autosave, move || {
                let rec = store::recovery_path(&path);
                JobResult::Autosaved(match std::fs::remove_file(&rec) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        Err(format!("could not delete {}: {e}", rec.display()))
                    }
                    _ => Ok(()),
                })
            });
        }
    }

    /// Collects finished jobs and starts the timed ones (autosave, watching
    /// the file). Call once per frame.
    pub fn poll(&mut self, now: Instant) {
        for result in self.jobs.poll() {
            self.handle(result);
        }
        self.timers(now);
    }

    /// Waits for every job (tests, shutdown) and handles the results.
    pub fn finish_jobs(&mut self) {
        loop {
            let results = self.jobs.wait_all();
            if results.is_empty() {
                break;
            }
            for r in results {
                self.handle(r);
            }
        }
    }

    fn timers(&mut self, now: Instant) {
        let Some(doc) = &self.doc else {
            return;
        };
        let Some(path) = doc.path.clone() else {
            return;
        };
        if doc.is_dirty()
            && now.duration_since(self.last_autosave) >= self.autosave_every
            && !self.jobs.is_running(Job::Autosave)
        {
            self.last_autosave = now;
            // Serialising is the slow part: it runs in the job, on a copy.
            let project = doc.project.clone();
            self.jobs.spawn(Job::Autosave, move || {
                let rec = store::recovery_path(&path);
                let text = store::to_ron(&project);
                JobResult::Autosaved(
                    store::write_atomically(&rec, text.as_bytes(), false)
                        .map_err(|e| e.to_string()),
                )
            });
            return;
        }
        if now.duration_since(self.last_watch) >= self.watch_every
            && !self.jobs.is_running(Job::Watch)
            && !self.jobs.is_running(Job::Save)
        {
            self.last_watch = now;
            let expected = doc.stamp;
            self.jobs.spawn(Job::Watch, move || JobResult::DiskStamp {
                stamp: store::stamp(&path),
                expected,
                path,
            });
        }
    }

    fn handle(&mut self, result: JobResult) {
        match result {
            JobResult::Opened(Ok(o)) => {
                let missing = o.missing_photos.len();
                self.photos.forget_thumbnails();
                let mut doc = Document::opened(o.project, o.path.clone(), o.stamp);
                doc.missing_photos = o.missing_photos;
                self.doc = Some(doc);
                self.prompt = o.recovery_newer.then_some(Prompt::Recover);
                if missing > 0 {
                    self.toasts.push(format!(
                        "{} missing from the photo store {}",
                        crate::rules::text::count(missing, "photo is", "photos are"),
                        PhotoStore::for_project(&o.path).root().display()
                    ));
                }
                self.events.push(Event::Opened(o.path));
                self.events.push(Event::Replaced);
            }
            JobResult::Opened(Err(e)) => {
                self.error = Some(format!("Could not open the project. {e}"))
            }
            JobResult::DemoWritten(Ok(path)) => {
                self.jobs.spawn(Job::Open, move || jobs::open(path));
            }
            JobResult::DemoWritten(Err(e)) => {
                self.error = Some(format!("Could not write the demo. {e}"))
            }
            JobResult::Recovered(Ok(project)) => {
                self.change(Op::ReplaceProject(Box::new(project)), None);
                self.toasts.push("Recovered the unsaved changes".into());
            }
            JobResult::Recovered(Err(e)) => {
                self.error = Some(format!("Could not read the recovery file. {e}"));
            }
            JobResult::Saved {
                path,
                version,
                result,
            } => self.saved(path, version, result),
            JobResult::Autosaved(Ok(())) => {}
            JobResult::Autosaved(Err(e)) => self.toasts.push(format!("Autosave failed: {e}")),
            JobResult::Progress {
                job: Job::Export,
                done,
                total,
            } => self.export_progress = Some((done, total)),
            JobResult::Exported(result) => self.exported(result),
            JobResult::LabelsRead { scans, failed } => self.labels_read(scans, failed),
            JobResult::ColourMeasured { request, result } => self.colour_measured(*request, result),
            JobResult::Crashed { job, message } => self.crashed(job, message),
            JobResult::NotStarted { job, message } => self.not_started(job, message),
            r @ (JobResult::Progress { .. }
            | JobResult::Imported { .. }
            | JobResult::Thumbnail { .. }
            | JobResult::ThumbnailsDone
            | JobResult::FullImage { .. }
            | JobResult::FullImagesDone) => self.handle_photos(r),
            JobResult::DiskStamp {
                path,
                expected,
                stamp,
            } => {
                let Some(doc) = &self.doc else {
                    return;
                };
                // A check started before our own save compares against a
                // stamp we no longer expect: ignore it.
                let ours = doc.path.as_deref() == Some(path.as_path()) && expected == doc.stamp;
                if ours
                    && stamp != doc.stamp
                    && self.prompt.is_none()
                    && !self.jobs.is_running(Job::Save)
                {
                    self.prompt = Some(Prompt::DiskChanged);
                }
            }
        }
    }

    fn saved(
        &mut self,
        path: PathBuf,
        version: u64,
        result: Result<Option<store::FileStamp>, String>,
    ) {
        match result {
            Ok(stamp) => {
                if let Some(doc) = &mut self.doc {
                    doc.mark_saved(version, &path, stamp);
                }
                self.toasts.push(format!("Saved {}", display_name(&path)));
                self.events.push(Event::Saved(path));
                if let Some(next) = self.save_queued.take() {
                    self.start_save(next);
                } else if let Some(pending) = self.after_save.take() {
                    self.run(pending);
                }
            }
            Err(e) => {
                self.after_save = None;
                self.save_queued = None;
                self.error = Some(format!("Could not save. {e}"));
            }
        }
    }
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

mod colour;
mod import_words;
mod labels;
mod photos;

mod export;

#[cfg(test)]
mod tests;

/// "Remove parcel" from "remove parcel".
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
