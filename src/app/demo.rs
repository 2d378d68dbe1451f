//! The demo project: three products that show every verdict, with generated
//! warehouse photos (one with EXIF orientation 6) and a chat screenshot in
//! Chinese. Used by `bulkready demo DIR` and the window's "Open demo".
//!
//! - Ceramic mug: the sample passed and was accepted; the bulk order is at
//!   the warehouse with two parcels, checked photos and an inspection.
//! - Magnetic tiles: the first sample shows a colour deviation and a missing
//!   storage bag (the seed's "fix the brief, run a second sample" case), and
//!   one of its photos is not linked to any tracking number.
//! - Canvas tote bag: the sample is on its way (not ready).

use crate::media::synth::{self, Scene};
use crate::model::*;
use crate::store::{self, PhotoStore, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use std::path::{Path, PathBuf};

mod content;
mod photos;

/// A photo the demo generates: what it shows, and what the buyer recorded.
pub(crate) struct PhotoPlan {
    pub name: &'static str,
    pub scene: Scene,
    pub tags: Vec<Tag>,
    /// Index into the order's parcels; `None` leaves it unlinked.
    pub parcel: Option<usize>,
    pub checks: Checks,
    pub note: &'static str,
    pub marks: Vec<Mark>,
    /// EXIF orientation to write (1 = upright pixels).
    pub orientation: u16,
    pub taken: Option<NaiveDateTime>,
}

/// Writes `demo.ron` and `demo.photos/` into `dir` (created if needed) and
/// returns the project's path. An existing demo there is replaced.
pub fn write(dir: &Path) -> Result<PathBuf, StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::Write {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let path = dir.join("demo.ron");
    let store = PhotoStore::for_project(&path);
    let project = build(&store)?;
    store::save(&path, &project)?;
    Ok(path)
}

/// Builds the demo project, writing its photos into `store`.
pub fn build(store: &PhotoStore) -> Result<Project, StoreError> {
    let mut project = content::project();
    let plans = photos::photo_plans();
    for (order_number, plans) in plans {
        let Some(order) = project
            .products
            .iter()
            .flat_map(|p| &p.orders)
            .find(|o| o.number == order_number)
            .map(|o| o.id)
        else {
            continue;
        };
        for plan in plans {
            let bytes = synth::render(&plan.scene, plan.orientation, plan.taken);
            let file = store.add(&bytes, plan.name, "jpg")?;
            let id = PhotoId(project.new_id());
            let Some(o) = project.order_mut(order) else {
                continue;
            };
            let parcel = plan.parcel.and_then(|i| o.parcels.get(i)).map(|p| p.id);
            let (w, h) = plan.scene.size();
            o.photos.push(Photo {
                id,
                file,
                width: w,
                height: h,
                taken: plan.taken,
                parcel,
                tags: plan.tags,
                checks: plan.checks,
                note: plan.note.into(),
                marks: plan.marks,
                codes: Vec::new(),
            });
        }
    }
    photos::link_screenshots(&mut project, store)?;
    sign_the_mug(&mut project);
    Ok(project)
}

/// The buyer signed "Scale up?" for the mug when its sample passed, so the
/// decision log (in the window and in exports) has an entry.
fn sign_the_mug(project: &mut Project) {
    let Some(mug) = project.products.first().map(|p| p.id) else {
        return;
    };
    let Some(at) = at(2026, 10, 30, 18, 0).and_then(|t| {
        chrono::FixedOffset::east_opt(8 * 3600).and_then(|tz| t.and_local_timezone(tz).single())
    }) else {
        return;
    };
    let signature = crate::rules::ops::Signature {
        subject: Subject::ScaleUp(mug),
        signed: Verdict::Go,
        reviewer: "Li Na".into(),
        reason:
            "Sample matched the brief and the seller confirmed the bulk terms; bulk of 500 ordered."
                .into(),
        at,
    };
    // The demo's mug passes its sample gate: signing cannot be refused.
    let _ = crate::rules::ops::apply(project, crate::rules::ops::Op::Sign(Box::new(signature)));
}

pub(crate) fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(crate) fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> Option<NaiveDateTime> {
    date(y, m, d).and_then(|d| d.and_hms_opt(h, min, 0))
}
