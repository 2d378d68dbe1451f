//! The session's photo work: importing files into an order in a background
//! job (progress, cancel), and making thumbnails for the window.

use super::{Session, import_words};
use crate::app::import;
use crate::app::jobs::{Job, JobResult};
use crate::media;
use crate::model::{OrderId, ParcelId, PhotoId, StoredFile};
use crate::store::PhotoStore;
use image::RgbaImage;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

#[derive(Default)]
pub(super) struct PhotoJobs {
    /// Files done and in all, while an import runs.
    progress: Option<(usize, usize)>,
    cancel: Option<Arc<AtomicBool>>,
    thumbs: Vec<(PhotoId, Result<RgbaImage, String>)>,
    requested: HashSet<PhotoId>,
    /// Full-size images for the viewer, as they arrive.
    full: Vec<(PhotoId, Result<RgbaImage, String>)>,
    /// Photos whose bytes were found not to match their hash (read for
    /// the viewer): shown with a "changed since import" mark.
    changed: HashSet<PhotoId>,
    /// Counts projects opened: photo ids repeat between projects, so images
    /// made for one closed since are dropped.
    generation: u64,
    /// Thumbnails asked for and not started; the thumbnail job's threads
    /// take the newest first (what just scrolled into view).
    thumb_queue: ThumbQueue,
    /// Full-size images asked for and not started (newest first).
    full_queue: ThumbQueue,
}

type ThumbQueue = Arc<Mutex<Vec<(PhotoId, StoredFile, u32)>>>;

impl PhotoJobs {
    pub(super) fn forget_thumbnails(&mut self) {
        self.thumbs.clear();
        self.full.clear();
        self.requested.clear();
        self.generation += 1;
        // A job still running for the old project finds its queue empty.
        lock(&self.thumb_queue).clear();
        self.thumb_queue = ThumbQueue::default();
        lock(&self.full_queue).clear();
        self.full_queue = ThumbQueue::default();
    }
}

impl Session {
    pub(super) fn import_photos(
        &mut self,
        order: OrderId,
        parcel: Option<ParcelId>,
        paths: Vec<PathBuf>,
    ) {
        let Some(doc) = &self.doc else {
            return;
        };
        let Some(project_path) = doc.path.clone() else {
            self.error = Some(
                "Save the project first: its photos are stored in a folder beside the project file.".into(),
            );
            return;
        };
        if self.jobs.is_running(Job::Import) {
            self.toasts
                .push("An import is under way: wait for it, or cancel it.".into());
            return;
        }
        let store = PhotoStore::for_project(&project_path);
        let cancel = Arc::new(AtomicBool::new(false));
        self.photos.cancel = Some(cancel.clone());
        self.photos.progress = Some((0, paths.len()));
        self.jobs.spawn_reporting(Job::Import, move |report| {
            let paths = import::expand_folders(paths);
            let total = paths.len();
            // One file per core: read, check it is a whole image, copy it
            // into the store, make its thumbnail. Results keep file order.
            let results = Mutex::new(Vec::with_capacity(total));
            let done = AtomicUsize::new(0);
            crate::media::for_each_parallel(
                &paths,
                crate::media::default_threads(),
                || cancel.load(Ordering::Relaxed),
                |path| {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    let prepared = guarded(
                        &name,
                        || import::prepare_reading_labels(&store, path),
                        |reason| import::Failed {
                            source: path.clone(),
                            reason,
                        },
                    );
                    if let Ok(p) = &prepared {
                        // Failing here only means the grid makes it later.
                        let _ = crate::store::thumbnail_of(&store, &p.file, crate::media::THUMB_PX);
                    }
                    prepared
                },
                |i, result| {
                    results
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((i, result));
                    report.send(JobResult::Progress {
                        job: Job::Import,
                        done: done.fetch_add(1, Ordering::Relaxed) + 1,
                        total,
                    });
                },
            );
            let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
            results.sort_by_key(|(i, _)| *i);
            let (mut prepared, mut failed) = (Vec::new(), Vec::new());
            for (_, r) in results {
                match r {
                    Ok(p) => prepared.push(p),
                    Err(f) => failed.push(f),
                }
            }
            JobResult::Imported {
                job: Job::Import,
                order,
                parcel,
                prepared,
                failed,
                cancelled: cancel.load(Ordering::Relaxed),
            }
        });
    }

    /// A pasted image becomes a PNG in the store, tagged as a chat
    /// screenshot (what buyers paste), in a job like any import.
    pub(super) fn paste_photo(&mut self, order: OrderId, image: RgbaImage) {
        let Some(project_path) = self.doc.as_ref().and_then(|d| d.path.clone()) else {
            self.error = Some(
                "Save the project first: its photos are stored in a folder beside the project file.".into(),
            );
            return;
        };
        let store = PhotoStore::for_project(&project_path);
        let name = format!(
            "Pasted {}.png",
            chrono::Local::now().format("%Y-%m-%d %H-%M-%S")
        );
        self.jobs.spawn(Job::Paste, move || {
            let source = PathBuf::from(&name);
            let mut png = std::io::Cursor::new(Vec::new());
            let prepared = match image.write_to(&mut png, image::ImageFormat::Png) {
                Ok(()) => import::prepare_bytes(&store, png.get_ref(), &name, &source),
                Err(e) => Err(import::Failed {
                    source,
                    reason: format!("could not encode the pasted image: {e}"),
                }),
            };
            let (prepared, failed) = match prepared {
                Ok(mut p) => {
                    p.tags = vec![crate::model::Tag::ChatScreenshot];
                    (vec![p], vec![])
                }
                Err(f) => (vec![], vec![f]),
            };
            JobResult::Imported {
                job: Job::Paste,
                order,
                parcel: None,
                prepared,
                failed,
                cancelled: false,
            }
        });
    }

    pub(super) fn cancel_import(&mut self) {
        if let Some(c) = &self.photos.cancel {
            c.store(true, Ordering::Relaxed);
        }
    }

    /// Files done and in all, while an import runs.
    pub fn import_progress(&self) -> Option<(usize, usize)> {
        self.photos.progress
    }

    /// Asks for thumbnails of these photos (each asked for once); they
    /// arrive through [`Session::take_thumbnails`].
    pub fn request_thumbnails(&mut self, photos: Vec<(PhotoId, StoredFile)>, size: u32) {
        let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) else {
            return;
        };
        let wanted: Vec<_> = photos
            .into_iter()
            .filter(|(id, _)| self.photos.requested.insert(*id))
            .collect();
        if wanted.is_empty() {
            return;
        }
        lock(&self.photos.thumb_queue).extend(wanted.into_iter().map(|(p, f)| (p, f, size)));
        self.start_thumbnails(&path);
    }

    /// The import stopped on an internal error: nothing was added.
    pub(super) fn import_crashed(&mut self) {
        self.photos.progress = None;
        self.photos.cancel = None;
    }

    /// An image job stopped on an internal error: the queues go on.
    pub(super) fn restart_image_jobs(&mut self, project_path: &std::path::Path) {
        self.start_thumbnails(project_path);
        self.start_full_images(project_path);
    }

    /// Thumbnails the window dropped (its texture cache is bounded): asked
    /// for again when they are next on screen.
    pub fn forget_thumbnails_of(&mut self, photos: &[PhotoId]) {
        for id in photos {
            self.photos.requested.remove(id);
        }
    }

    /// Drops queued thumbnail requests (not yet started) for photos that are
    /// no longer on screen; they are asked for again if they come back.
    pub fn keep_thumbnail_requests(&mut self, on_screen: &HashSet<PhotoId>) {
        let queue = self.photos.thumb_queue.clone();
        let mut queue = lock(&queue);
        let requested = &mut self.photos.requested;
        queue.retain(|(id, _, _)| {
            let keep = on_screen.contains(id);
            if !keep {
                requested.remove(id);
            }
            keep
        });
    }

    /// Starts the thumbnail job unless it runs: one thread per core, each
    /// taking the newest request until none is left.
    fn start_thumbnails(&mut self, project_path: &std::path::Path) {
        if self.jobs.is_running(Job::Thumbnails) || lock(&self.photos.thumb_queue).is_empty() {
            return;
        }
        let store = PhotoStore::for_project(project_path);
        let generation = self.photos.generation;
        let queue = self.photos.thumb_queue.clone();
        self.jobs.spawn_reporting(Job::Thumbnails, move |report| {
            drain_newest_first(
                &queue,
                media::default_threads(),
                |file, size| crate::store::thumbnail_of(&store, file, size),
                |photo, result| {
                    report.send(JobResult::Thumbnail {
                        generation,
                        photo,
                        result,
                    })
                },
            );
            JobResult::ThumbnailsDone
        });
    }

    /// Asks for the photo at full size (at most `max_side` pixels, the
    /// GPU's limit), decoded in the background; it arrives through
    /// [`Session::take_full_images`].
    pub fn request_full_image(&mut self, photo: PhotoId, file: StoredFile, max_side: u32) {
        let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) else {
            return;
        };
        lock(&self.photos.full_queue).push((photo, file, max_side));
        self.start_full_images(&path);
    }

    /// Drops queued full-size requests for photos no longer on screen
    /// (stepping quickly through photos asks for each one in passing).
    pub fn keep_full_image_requests(&mut self, on_screen: &HashSet<PhotoId>) {
        lock(&self.photos.full_queue).retain(|(id, _, _)| on_screen.contains(id));
    }

    /// Starts the full-size job unless it runs: one thread (each image can
    /// take hundreds of megabytes while it decodes), newest request first.
    fn start_full_images(&mut self, project_path: &std::path::Path) {
        if self.jobs.is_running(Job::FullImage) || lock(&self.photos.full_queue).is_empty() {
            return;
        }
        let store = PhotoStore::for_project(project_path);
        let generation = self.photos.generation;
        let queue = self.photos.full_queue.clone();
        self.jobs.spawn_reporting(Job::FullImage, move |report| {
            drain_newest_first(
                &queue,
                1,
                |file, max_side| {
                    let name = &file.original_name;
                    let bytes = store.read(file).map_err(|e| format!("{name}: {e}"))?;
                    let changed = crate::store::hash_bytes(&bytes) != file.hash;
                    let image =
                        media::thumbnail(&bytes, max_side).map_err(|e| format!("{name}: {e}"))?;
                    Ok((image, changed))
                },
                |photo, result: Result<(RgbaImage, bool), String>| {
                    let (result, changed) = match result {
                        Ok((image, changed)) => (Ok(image), changed),
                        Err(e) => (Err(e), false),
                    };
                    report.send(JobResult::FullImage {
                        generation,
                        photo,
                        result,
                        changed,
                    })
                },
            );
            JobResult::FullImagesDone
        });
    }

    /// Photos found changed since import (their bytes no longer match).
    pub fn changed_photos(&self) -> &HashSet<PhotoId> {
        &self.photos.changed
    }

    /// Full-size images decoded since the last call.
    pub fn take_full_images(&mut self) -> Vec<(PhotoId, Result<RgbaImage, String>)> {
        std::mem::take(&mut self.photos.full)
    }

    /// Thumbnails made since the last call.
    pub fn take_thumbnails(&mut self) -> Vec<(PhotoId, Result<RgbaImage, String>)> {
        std::mem::take(&mut self.photos.thumbs)
    }

    pub(super) fn handle_photos(&mut self, result: JobResult) {
        match result {
            JobResult::Progress { done, total, .. } => self.photos.progress = Some((done, total)),
            JobResult::Thumbnail {
                generation,
                photo,
                result,
            } if generation == self.photos.generation => self.photos.thumbs.push((photo, result)),
            JobResult::FullImagesDone => {
                if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) {
                    self.start_full_images(&path);
                }
            }
            // Requests that came as the job was ending start it again.
            JobResult::ThumbnailsDone => {
                if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) {
                    self.start_thumbnails(&path);
                }
            }
            JobResult::FullImage {
                generation,
                photo,
                result,
                changed,
            } if generation == self.photos.generation => {
                if changed {
                    self.photos.changed.insert(photo);
                }
                self.photos.full.push((photo, result));
            }
            JobResult::Imported {
                job,
                order,
                parcel,
                prepared,
                failed,
                cancelled,
            } => {
                if job == Job::Import {
                    // A paste during an import leaves the import's
                    // progress and Cancel alone.
                    self.photos.progress = None;
                    self.photos.cancel = None;
                }
                let count = prepared.len();
                let photos = prepared
                    .into_iter()
                    .map(import::Prepared::into_new_photo)
                    .collect();
                self.change(
                    crate::rules::ops::Op::AddPhotos {
                        order,
                        parcel,
                        photos,
                    },
                    None,
                );
                let skipped = failed.len();
                if (count > 0 || cancelled) && skipped == 0 {
                    let stop = if cancelled { " (cancelled)" } else { "" };
                    self.toasts.push(format!(
                        "Imported {}{stop}",
                        import_words::photos_count(count)
                    ));
                }
                if !failed.is_empty() {
                    self.error = Some(import_words::import_result(count, &failed, cancelled));
                }
            }
            _ => {}
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs `threads` workers that each take the newest request from `queue`
/// (what came on screen last) and `make` its image, handing each result to
/// `send` as soon as it is made, until the queue is empty. A panic while
/// making one becomes that photo's error.
fn drain_newest_first<T>(
    queue: &ThumbQueue,
    threads: usize,
    make: impl Fn(&StoredFile, u32) -> Result<T, String> + Sync,
    send: impl Fn(PhotoId, Result<T, String>) + Sync,
) {
    let work = || {
        loop {
            // Its own statement: the lock is released before the work.
            let next = lock(queue).pop();
            let Some((photo, file, size)) = next else {
                break;
            };
            let result = guarded(&file.original_name, || make(&file, size), |why| why);
            send(photo, result);
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
}

/// Runs the work for one file; a panic (a bug, say a decoder choking on a
/// hostile file) becomes an error naming the file, and the others go on.
fn guarded<T, E>(
    name: &str,
    work: impl FnOnce() -> Result<T, E>,
    crashed: impl FnOnce(String) -> E,
) -> Result<T, E> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|_| {
        Err(crashed(format!(
            "{name}: could not be read (an internal error while decoding it)"
        )))
    })
}

#[cfg(test)]
mod tests {
    use super::guarded;

    #[test]
    fn a_panic_while_reading_one_file_becomes_its_error() {
        let r: Result<u8, String> = guarded("IMG_1.jpg", || panic!("decoder bug"), |why| why);
        let why = r.expect_err("a panic is an error");
        assert!(why.starts_with("IMG_1.jpg: could not be read"), "{why}");
        let ok: Result<u8, String> = guarded("IMG_2.jpg", || Ok(7), |why| why);
        assert_eq!(ok, Ok(7));
    }
}

#[cfg(test)]
mod job_tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::app::Document;
    use crate::model::{Order, Product, ProductId, Project};

    fn session() -> (Session, OrderId) {
        let mut p = Project::new("jobs");
        let order = OrderId(2);
        p.products.push(Product {
            id: ProductId(1),
            orders: vec![Order {
                id: order,
                ..Order::default()
            }],
            ..Product::default()
        });
        p.repair_next_id();
        let mut s = Session::new(Arc::new(|| {}));
        s.doc = Some(Document::untitled(p));
        (s, order)
    }

    fn imported(job: Job, order: OrderId) -> JobResult {
        JobResult::Imported {
            job,
            order,
            parcel: None,
            prepared: vec![],
            failed: vec![],
            cancelled: false,
        }
    }

    #[test]
    fn a_paste_finishing_during_an_import_keeps_the_imports_progress_and_cancel() {
        let (mut s, order) = session();
        s.photos.progress = Some((2, 5));
        s.photos.cancel = Some(Arc::new(AtomicBool::new(false)));
        s.handle(imported(Job::Paste, order));
        assert_eq!(s.import_progress(), Some((2, 5)));
        assert!(s.photos.cancel.is_some(), "Cancel still reaches the import");
        s.handle(imported(Job::Import, order));
        assert_eq!(s.import_progress(), None);
    }

    #[test]
    fn a_job_that_cannot_start_is_reported_as_that_jobs_failure() {
        let (mut s, _) = session();
        s.handle(JobResult::NotStarted {
            job: Job::Save,
            message: "no threads left".into(),
        });
        let error = s.error.take().unwrap();
        assert!(error.starts_with("Could not start saving"), "{error}");
        assert!(!error.contains("open"), "{error}");
    }
}
