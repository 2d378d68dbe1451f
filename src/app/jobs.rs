//! Background jobs: named threads that send one result back over a channel
//! and wake the window. Opening, saving, autosaving, writing the demo and
//! watching the file for outside changes all run here.

use crate::model::{PhotoId, Project};
use crate::store::{self, FileStamp, PhotoStore};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// Wakes the window when a result arrives (egui's `request_repaint`).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// A project read from disk.
#[derive(Debug)]
pub struct Opened {
    pub path: PathBuf,
    pub project: Project,
    pub stamp: Option<FileStamp>,
    /// Photos whose file is not in the photo store.
    pub missing_photos: Vec<PhotoId>,
    /// A recovery file newer than the project exists.
    pub recovery_newer: bool,
}

#[derive(Debug)]
pub enum JobResult {
    Opened(Result<Opened, String>),
    /// The recovery file, read to replace the open project.
    Recovered(Result<Project, String>),
    Saved {
        path: PathBuf,
        version: u64,
        result: Result<Option<FileStamp>, String>,
    },
    Autosaved(Result<(), String>),
    DemoWritten(Result<PathBuf, String>),
    /// A job stopped on an internal error (a bug): what it was doing is
    /// dropped and the user told.
    Crashed {
        job: Job,
        message: String,
    },
    /// A job's thread could not be started.
    NotStarted {
        job: Job,
        message: String,
    },
    /// An export written, or why not.
    Exported(Result<crate::report::ExportOutput, String>),
    /// Progress of a long job (import, export): `done` of `total`.
    Progress {
        job: Job,
        done: usize,
        total: usize,
    },
    /// Photos imported into an order (or cancelled part way), by an
    /// import or a paste (`job`).
    Imported {
        job: Job,
        order: crate::model::OrderId,
        parcel: Option<crate::model::ParcelId>,
        prepared: Vec<super::import::Prepared>,
        failed: Vec<super::import::Failed>,
        cancelled: bool,
    },
    /// One thumbnail made (the thumbnail job goes on). `generation` tells
    /// results for a project since closed from the open one's.
    Thumbnail {
        generation: u64,
        photo: PhotoId,
        result: Result<image::RgbaImage, String>,
    },
    /// The thumbnail job is done.
    ThumbnailsDone,
    /// A photo decoded at full size (within the GPU's limit) for the viewer.
    /// The full-size job is done.
    FullImagesDone,
    FullImage {
        generation: u64,
        photo: PhotoId,
        result: Result<image::RgbaImage, String>,
        /// The file's bytes no longer match the hash taken at import.
        changed: bool,
    },
    /// Labels read on photos already imported ("Read labels"): each
    /// photo's codes, and the photos that could not be read.
    LabelsRead {
        scans: Vec<(PhotoId, Vec<crate::model::PhotoCode>)>,
        failed: Vec<(String, String)>,
    },
    /// A colour measured between a sample and a bulk photo, or why not.
    ColourMeasured {
        request: Box<super::colour::ColourRequest>,
        result: Result<crate::model::ColourReading, String>,
    },
    /// The file's stamp now, for noticing outside changes, with the stamp
    /// the document expected when the check started.
    DiskStamp {
        path: PathBuf,
        expected: Option<FileStamp>,
        stamp: Option<FileStamp>,
    },
}

pub struct Jobs {
    tx: Sender<JobResult>,
    rx: Receiver<JobResult>,
    waker: Waker,
    /// The jobs under way, for the status bar.
    running: Vec<Job>,
}

impl Jobs {
    pub fn new(waker: Waker) -> Self {
        let (tx, rx) = channel();
        Jobs {
            tx,
            rx,
            waker,
            running: Vec::new(),
        }
    }

    /// Runs `work` on a named thread; its result comes back from [`poll`].
    pub fn spawn(&mut self, job: Job, work: impl FnOnce() -> JobResult + Send + 'static) {
        self.spawn_reporting(job, move |_| work());
    }

    /// Like [`spawn`], for jobs that report along the way (progress, each
    /// thumbnail) before their final result.
    pub fn spawn_reporting(
        &mut self,
        job: Job,
        work: impl FnOnce(&Reporter) -> JobResult + Send + 'static,
    ) {
        let reporter = Reporter {
            tx: self.tx.clone(),
            waker: self.waker.clone(),
        };
        let spawned = std::thread::Builder::new()
            .name(format!("bulkready-{}", job.name()))
            .spawn(move || {
                // A bug in a job (a panic) must not leave the job "under
                // way" for good: it ends with `Crashed` instead.
                let last =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&reporter)))
                        .unwrap_or_else(|panic| JobResult::Crashed {
                            job,
                            message: panic_message(panic.as_ref()),
                        });
                reporter.send(last);
            });
        match spawned {
            Ok(_) => self.running.push(job),
            Err(e) => {
                let _ = self.tx.send(JobResult::NotStarted {
                    job,
                    message: e.to_string(),
                });
            }
        }
    }

    /// Results that arrived since the last call.
    pub fn poll(&mut self) -> Vec<JobResult> {
        let results: Vec<_> = self.rx.try_iter().collect();
        for r in &results {
            self.finished(r);
        }
        results
    }

    fn finished(&mut self, r: &JobResult) {
        if let Some(job) = final_of(r)
            && let Some(i) = self.running.iter().position(|n| *n == job)
        {
            self.running.remove(i);
        }
    }

    pub fn running(&self) -> &[Job] {
        &self.running
    }

    pub fn is_running(&self, job: Job) -> bool {
        self.running.contains(&job)
    }

    /// Blocks until every job has reported (tests and shutdown).
    pub fn wait_all(&mut self) -> Vec<JobResult> {
        let mut out = Vec::new();
        while !self.running.is_empty() {
            match self.rx.recv_timeout(std::time::Duration::from_secs(30)) {
                Ok(r) => {
                    self.finished(&r);
                    out.push(r);
                }
                Err(_) => break,
            }
        }
        out
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".into())
}

/// The job a result ends; `None` for reports along the way.
fn final_of(r: &JobResult) -> Option<Job> {
    Some(match r {
        JobResult::Opened(_) => Job::Open,
        JobResult::Recovered(_) => Job::Recover,
        JobResult::Saved { .. } => Job::Save,
        JobResult::Autosaved(_) => Job::Autosave,
        JobResult::DemoWritten(_) => Job::Demo,
        JobResult::DiskStamp { .. } => Job::Watch,
        JobResult::Imported { job, .. } => *job,
        JobResult::ThumbnailsDone => Job::Thumbnails,
        JobResult::FullImagesDone => Job::FullImage,
        JobResult::Exported(_) => Job::Export,
        JobResult::LabelsRead { .. } => Job::ReadLabels,
        JobResult::ColourMeasured { .. } => Job::MeasureColour,
        JobResult::Crashed { job, .. } => *job,
        // Never started, so never among the running.
        JobResult::NotStarted { .. } => return None,
        JobResult::Progress { .. } | JobResult::Thumbnail { .. } | JobResult::FullImage { .. } => {
            return None;
        }
    })
}

/// Sends reports from a job and wakes the window.
pub struct Reporter {
    tx: Sender<JobResult>,
    waker: Waker,
}

impl Reporter {
    pub fn send(&self, r: JobResult) {
        let _ = self.tx.send(r);
        (self.waker)();
    }
}

/// The kinds of background job.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Job {
    Open,
    Recover,
    Save,
    Autosave,
    Demo,
    /// Watching the project file for changes made by other programs.
    Watch,
    Import,
    /// A screenshot pasted from the clipboard, stored as a photo.
    Paste,
    Thumbnails,
    FullImage,
    Export,
    /// Reading the labels (barcodes) on photos already imported.
    ReadLabels,
    /// Measuring colour between a sample and a bulk photo.
    MeasureColour,
}

impl Job {
    /// Its thread's name.
    pub fn name(self) -> &'static str {
        match self {
            Job::Open => "open",
            Job::Recover => "recover",
            Job::Save => "save",
            Job::Autosave => "autosave",
            Job::Demo => "demo",
            Job::Watch => "watch",
            Job::Import => "import",
            Job::Paste => "paste",
            Job::Thumbnails => "thumbnails",
            Job::FullImage => "full-image",
            Job::Export => "export",
            Job::ReadLabels => "read-labels",
            Job::MeasureColour => "measure-colour",
        }
    }

    /// What the status bar says while it runs.
    pub fn doing(self) -> &'static str {
        match self {
            Job::Open => "Opening…",
            Job::Recover => "Recovering…",
            Job::Save => "Saving…",
            Job::Autosave => "Autosaving…",
            Job::Demo => "Writing the demo…",
            Job::Watch => "Watching the file…",
            Job::Import => "Importing…",
            Job::Paste => "Adding the pasted screenshot…",
            Job::Thumbnails => "Making thumbnails…",
            Job::FullImage => "Opening the photo…",
            Job::Export => "Exporting…",
            Job::ReadLabels => "Reading labels…",
            Job::MeasureColour => "Measuring colour…",
        }
    }

    /// What failed, for a message ("Could not start saving").
    pub fn what(self) -> &'static str {
        match self {
            Job::Open => "opening the project",
            Job::Recover => "reading the recovery file",
            Job::Save => "saving",
            Job::Autosave => "autosaving",
            Job::Demo => "writing the demo",
            Job::Watch => "watching the file",
            Job::Import => "the import",
            Job::Paste => "adding the pasted screenshot",
            Job::Thumbnails => "making thumbnails",
            Job::FullImage => "opening the photo",
            Job::Export => "the export",
            Job::ReadLabels => "reading the labels",
            Job::MeasureColour => "measuring the colour",
        }
    }
}

/// Reads a project and what the window needs to know about it.
pub fn open(path: PathBuf) -> JobResult {
    JobResult::Opened(match store::load(&path) {
        Ok(project) => {
            let missing_photos = PhotoStore::for_project(&path).missing(&project);
            Ok(Opened {
                stamp: store::stamp(&path),
                recovery_newer: store::recovery_is_newer(&path),
                missing_photos,
                project,
                path,
            })
        }
        Err(e) => Err(e.to_string()),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_job_that_panics_ends_as_crashed_and_is_no_longer_under_way() {
        let mut jobs = Jobs::new(Arc::new(|| {}));
        jobs.spawn(Job::Export, || panic!("index out of bounds"));
        assert!(jobs.is_running(Job::Export));
        let mut results = Vec::new();
        for _ in 0..500 {
            results.extend(jobs.poll());
            if !results.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        match results.as_slice() {
            [JobResult::Crashed { job, message }] => {
                assert_eq!(*job, Job::Export);
                assert!(message.contains("index out of bounds"), "{message}");
            }
            other => panic!("{} results", other.len()),
        }
        assert!(!jobs.is_running(Job::Export));
    }
}
