//! `import FILE --order ID [--parcel TRACKING] PHOTO...`
//!
//! The photos are checked and copied into the store first (content
//! addressed, so this needs no lock); then the project's lock is held from
//! loading it again to saving it, so two imports at once take turns and
//! neither loses the other's photos. It saves before it prints, so a closed
//! stdout cannot lose the import.

use super::Outcome;
use super::out::{clean, say};
use crate::app::import::{self, Added, Failed, Prepared};
use crate::model::{OrderId, ParcelId, Project};
use crate::rules::ops::{self, Op};
use crate::store::{self, PhotoStore, ProjectLock};
use anyhow::bail;
use std::path::{Path, PathBuf};

pub fn run(
    file: &Path,
    order: u64,
    tracking: Option<&str>,
    photos: &[PathBuf],
    read_labels: bool,
) -> anyhow::Result<Outcome> {
    let order = OrderId(order);
    // Refuse a wrong order or parcel before copying anything.
    find_parcel(&store::load(file)?, file, order, tracking)?;
    let store = PhotoStore::for_project(file);
    let (prepared, failed): (Vec<_>, Vec<_>) = photos
        .iter()
        .map(|path| {
            if read_labels {
                import::prepare_reading_labels(&store, path)
            } else {
                import::prepare(&store, path)
            }
        })
        .partition(Result::is_ok);
    let prepared: Vec<Prepared> = prepared.into_iter().filter_map(Result::ok).collect();
    let failed: Vec<Failed> = failed.into_iter().filter_map(Result::err).collect();
    let sources: Vec<_> = prepared
        .iter()
        .map(|p| (p.source.clone(), p.width, p.height, codes_read(&p.codes)))
        .collect();
    let lock = ProjectLock::acquire(file)?;
    let mut project = store::load(file)?;
    let parcel = find_parcel(&project, file, order, tracking)?;
    let added = import::apply(&mut project, order, parcel, prepared)?;
    let new_ids: Vec<_> = added
        .iter()
        .filter_map(|a| match a {
            Added::New(id) => Some(*id),
            Added::AlreadyThere(_) => None,
        })
        .collect();
    let new = new_ids.len();
    // Photos whose label shows a parcel of the order are linked to it.
    let linked = ops::apply(&mut project, Op::LinkByCodes(new_ids))?;
    if new > 0 {
        lock.save(&project)?;
    }
    drop(lock);
    for f in &failed {
        say!(
            "failed   {}: {}",
            clean(&f.source.display().to_string()),
            f.reason
        );
    }
    for ((source, w, h, codes), added) in sources.iter().zip(&added) {
        let source = clean(&source.display().to_string()).into_owned();
        match added {
            Added::New(id) => say!("imported {source} as photo {id} ({w}×{h}){codes}"),
            Added::AlreadyThere(id) => {
                say!("skipped  {source}: already in this order as photo {id}")
            }
        }
    }
    for effect in &linked.effects {
        say!("label    {}", clean(effect));
    }
    say!("{new} imported, {} failed", failed.len());
    Ok(if failed.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// ", codes read: SF1234567890123 (Code 128)", or nothing.
fn codes_read(codes: &[crate::model::PhotoCode]) -> String {
    if codes.is_empty() {
        return String::new();
    }
    let list: Vec<String> = codes
        .iter()
        .map(|c| format!("{} ({})", clean(&c.text), c.symbology.label()))
        .collect();
    format!(", codes read: {}", list.join(", "))
}

fn find_parcel(
    project: &Project,
    file: &Path,
    order: OrderId,
    tracking: Option<&str>,
) -> anyhow::Result<Option<ParcelId>> {
    let Some((_, o)) = project.order(order) else {
        bail!(
            "{} has no order {order}; `bulkready list {}` shows the ids",
            file.display(),
            file.display()
        );
    };
    match tracking {
        None => Ok(None),
        Some(t) => match o.parcels.iter().find(|p| p.tracking.trim() == t.trim()) {
            Some(p) => Ok(Some(p.id)),
            None => bail!(
                "order {order} has no parcel with tracking number {}",
                clean(t)
            ),
        },
    }
}
