//! `new`, `demo`, `list` and `check`.

use super::Outcome;
use super::out::{self, clean, say};
use crate::model::{Project, broken_links};
use crate::rules::text::count;
use crate::store::{self, PhotoStore};
use anyhow::{Context, bail};
use std::path::Path;

pub fn new(file: &Path, name: &str) -> anyhow::Result<Outcome> {
    if file.exists() {
        bail!(
            "{} already exists; choose another name or open it instead",
            file.display()
        );
    }
    store::save(file, &Project::new(name))?;
    say!("created {}", file.display());
    Ok(Outcome::Clean)
}

pub fn demo(dir: &Path) -> anyhow::Result<Outcome> {
    let path = crate::app::demo::write(dir)
        .with_context(|| format!("could not write the demo project into {}", dir.display()))?;
    say!("wrote {}", path.display());
    Ok(Outcome::Clean)
}

pub fn list(file: &Path, json: bool) -> anyhow::Result<Outcome> {
    let project = store::load(file)?;
    if json {
        let products: Vec<_> = project
            .products
            .iter()
            .map(|p| {
                let orders: Vec<_> = p
                    .orders
                    .iter()
                    .map(|o| {
                        serde_json::json!({
                            "id": o.id.0,
                            "kind": o.kind.label(),
                            "number": o.number,
                        })
                    })
                    .collect();
                serde_json::json!({ "id": p.id.0, "name": p.name, "orders": orders })
            })
            .collect();
        out::json(serde_json::json!({ "products": products }).to_string());
        return Ok(Outcome::Clean);
    }
    for p in &project.products {
        let title = &p.listing.title;
        let title = if title.is_empty() {
            String::new()
        } else {
            format!("  {}", clean(title))
        };
        say!("product {}  {}{title}", p.id, clean(&p.name));
        for o in &p.orders {
            say!(
                "  order {}  {:<6}  {}  ({}, {})",
                o.id,
                o.kind.label(),
                clean(&o.number),
                count(o.parcels.len(), "parcel", "parcels"),
                count(o.photos.len(), "photo", "photos")
            );
        }
    }
    Ok(Outcome::Clean)
}

pub fn check(file: &Path, clean_up: bool) -> anyhow::Result<Outcome> {
    let project = store::load(file)?;
    let store = PhotoStore::for_project(file);
    let mut problems: Vec<String> = broken_links(&project)
        .iter()
        .map(|b| b.to_string())
        .collect();
    problems.extend(store.verify(&project).iter().map(|p| p.to_string()));
    for p in &problems {
        say!("{}", clean(p));
    }
    report_leftovers(file, &project, clean_up)?;
    let photos = project.photos().count();
    if problems.is_empty() {
        say!(
            "ok: {}, {}, every link and photo checked",
            count(project.products.len(), "product", "products"),
            count(photos, "photo", "photos")
        );
        Ok(Outcome::Clean)
    } else {
        say!("{} problems", problems.len());
        Ok(Outcome::Findings)
    }
}

/// Lists (or with `clean_up` removes) files the project does not need.
/// They are not problems: the exit status does not change.
fn report_leftovers(file: &Path, project: &Project, clean_up: bool) -> anyhow::Result<()> {
    // The lock keeps a save of this project from running meanwhile.
    let _lock = if clean_up {
        Some(store::ProjectLock::acquire(file)?)
    } else {
        None
    };
    let found = store::leftovers(file, project);
    for l in &found {
        let what = match l.kind {
            store::LeftoverKind::Orphan => "orphaned store file (no photo refers to it)",
            store::LeftoverKind::Temp => "leftover temporary file",
        };
        let recent = if l.recent {
            " (changed in the last 10 minutes: kept)"
        } else {
            ""
        };
        say!("{what}: {}{recent}", clean(&l.path.display().to_string()));
    }
    if found.is_empty() {
        return Ok(());
    }
    if !clean_up {
        say!(
            "{} leftover files; `bulkready check --clean` removes them",
            found.len()
        );
        return Ok(());
    }
    let (removed, failed) = store::remove_leftovers(&found);
    for (path, why) in &failed {
        say!(
            "could not remove {}: {why}",
            clean(&path.display().to_string())
        );
    }
    say!("removed {} leftover files", removed.len());
    Ok(())
}
