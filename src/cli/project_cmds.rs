//! `new`, `demo`, `list` and `check`.

use super::Outcome;
use crate::model::{Project, broken_links};
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
    println!("created {}", file.display());
    Ok(Outcome::Clean)
}

pub fn demo(dir: &Path) -> anyhow::Result<Outcome> {
    let path = crate::app::demo::write(dir)
        .with_context(|| format!("could not write the demo project into {}", dir.display()))?;
    println!("wrote {}", path.display());
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
        println!("{}", serde_json::json!({ "products": products }));
        return Ok(Outcome::Clean);
    }
    for p in &project.products {
        let title = &p.listing.title;
        let title = if title.is_empty() {
            String::new()
        } else {
            format!("  {title}")
        };
        println!("product {}  {}{title}", p.id, p.name);
        for o in &p.orders {
            println!(
                "  order {}  {:<6}  {}  ({} parcels, {} photos)",
                o.id,
                o.kind.label(),
                o.number,
                o.parcels.len(),
                o.photos.len()
            );
        }
    }
    Ok(Outcome::Clean)
}

pub fn check(file: &Path) -> anyhow::Result<Outcome> {
    let project = store::load(file)?;
    let store = PhotoStore::for_project(file);
    let mut problems: Vec<String> = broken_links(&project)
        .iter()
        .map(|b| b.to_string())
        .collect();
    problems.extend(store.verify(&project).iter().map(|p| p.to_string()));
    for p in &problems {
        println!("{p}");
    }
    let photos = project.photos().count();
    if problems.is_empty() {
        println!(
            "ok: {} products, {photos} photos, every link and photo checked",
            project.products.len()
        );
        Ok(Outcome::Clean)
    } else {
        println!("{} problems", problems.len());
        Ok(Outcome::Findings)
    }
}
