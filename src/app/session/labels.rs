//! "Read labels": the barcodes on photos already imported, read again in
//! a background job (one photo per core), recorded as one undo step that
//! also links each photo to the parcel its label shows.

use super::Session;
use crate::app::jobs::{Job, JobResult};
use crate::app::labels::{merge_rescan, photo_codes, record_scans};
use crate::media::label_read::{LABEL_BUDGET, read_codes};
use crate::model::{OrderId, PhotoCode, PhotoId, StoredFile};
use crate::store::PhotoStore;
use std::sync::Mutex;

/// A photo to read: its id, file and upright size.
type ToRead = (PhotoId, StoredFile, u32, u32);

impl Session {
    /// Reads the labels on `photos` of `order` (all its photos when empty).
    pub(super) fn read_labels(&mut self, order: OrderId, photos: Vec<PhotoId>) {
        let Some(doc) = &self.doc else {
            return;
        };
        let Some(project_path) = doc.path.clone() else {
            self.toasts
                .push("Save the project first: its photos are stored beside it.".into());
            return;
        };
        if self.jobs.is_running(Job::ReadLabels) {
            self.toasts
                .push("Labels are being read already: wait for it to finish.".into());
            return;
        }
        let Some((_, o)) = doc.project.order(order) else {
            return;
        };
        let todo: Vec<ToRead> = o
            .photos
            .iter()
            .filter(|p| photos.is_empty() || photos.contains(&p.id))
            .map(|p| (p.id, p.file.clone(), p.width, p.height))
            .collect();
        if todo.is_empty() {
            self.toasts.push("There are no photos to read.".into());
            return;
        }
        let store = PhotoStore::for_project(&project_path);
        self.jobs
            .spawn(Job::ReadLabels, move || read_all(&store, &todo));
    }

    /// Records what "Read labels" found, keeping the buyer's corrections
    /// and dismissals of codes read again.
    pub(super) fn labels_read(
        &mut self,
        scans: Vec<(PhotoId, Vec<PhotoCode>)>,
        failed: Vec<(String, String)>,
    ) {
        let Some(doc) = &self.doc else {
            return;
        };
        let old = |id: PhotoId| {
            doc.project
                .photo(id)
                .map(|p| p.codes.clone())
                .unwrap_or_default()
        };
        let scans: Vec<_> = scans
            .into_iter()
            .filter(|(id, _)| doc.project.photo(*id).is_some())
            .map(|(id, codes)| (id, merge_rescan(&old(id), codes)))
            .collect();
        let photos = scans.len();
        let codes: usize = scans.iter().map(|(_, c)| c.len()).sum();
        self.change(record_scans(scans), None);
        self.toasts.push(format!(
            "Read the labels on {photos} photo{}: {codes} code{} found.",
            if photos == 1 { "" } else { "s" },
            if codes == 1 { "" } else { "s" },
        ));
        for (name, reason) in failed {
            self.toasts
                .push(format!("Could not read the labels on {name}: {reason}"));
        }
    }
}

fn read_all(store: &PhotoStore, todo: &[ToRead]) -> JobResult {
    let results = Mutex::new(Vec::with_capacity(todo.len()));
    crate::media::for_each_parallel(
        todo,
        crate::media::default_threads(),
        || false,
        |(id, file, w, h)| {
            let read = store
                .read(file)
                .map_err(|e| e.to_string())
                .and_then(|bytes| read_codes(&bytes, LABEL_BUDGET).map_err(|e| e.to_string()));
            (
                *id,
                file.original_name.clone(),
                read.map(|f| photo_codes(&f, *w, *h)),
            )
        },
        |i, r| {
            results
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((i, r))
        },
    );
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    let (mut scans, mut failed) = (Vec::new(), Vec::new());
    for (_, (id, name, read)) in results {
        match read {
            Ok(codes) => scans.push((id, codes)),
            Err(reason) => failed.push((name, reason)),
        }
    }
    JobResult::LabelsRead { scans, failed }
}
