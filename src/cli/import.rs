//! `import FILE --order ID [--parcel TRACKING] PHOTO...`

use super::Outcome;
use crate::app::import::{self, Added};
use crate::model::OrderId;
use crate::store::{self, PhotoStore};
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

pub fn run(
    file: &Path,
    order: u64,
    tracking: Option<&str>,
    photos: &[PathBuf],
) -> anyhow::Result<Outcome> {
    let mut project = store::load(file)?;
    let order = OrderId(order);
    let Some((_, o)) = project.order(order) else {
        bail!(
            "{} has no order {order}; `bulkready list {}` shows the ids",
            file.display(),
            file.display()
        );
    };
    let parcel = match tracking {
        None => None,
        Some(t) => match o.parcels.iter().find(|p| p.tracking.trim() == t.trim()) {
            Some(p) => Some(p.id),
            None => bail!("order {order} has no parcel with tracking number {t}"),
        },
    };

    let store = PhotoStore::for_project(file);
    let mut prepared = Vec::new();
    let mut failed = 0;
    for path in photos {
        match import::prepare(&store, path) {
            Ok(p) => prepared.push(p),
            Err(f) => {
                failed += 1;
                println!("failed   {}: {}", f.source.display(), f.reason);
            }
        }
    }
    let sources: Vec<_> = prepared
        .iter()
        .map(|p| (p.source.clone(), p.width, p.height))
        .collect();
    let added = import::apply(&mut project, order, parcel, prepared).context("order vanished")?;
    let mut new = 0;
    for ((source, w, h), added) in sources.iter().zip(&added) {
        match added {
            Added::New(id) => {
                new += 1;
                println!("imported {} as photo {id} ({w}×{h})", source.display());
            }
            Added::AlreadyThere(id) => {
                println!(
                    "skipped  {}: already in this order as photo {id}",
                    source.display()
                );
            }
        }
    }
    if new > 0 {
        store::save(file, &project)?;
    }
    println!("{new} imported, {failed} failed");
    Ok(if failed > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
