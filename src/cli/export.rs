//! `export FILE --format html|pdf|md|brief [--product ID | --order ID] -o OUT`.

use super::Outcome;
use super::out::{self, clean, say};
use crate::model::{OrderId, ProductId};
use crate::report::{self, Format, Scope};
use crate::store;
use anyhow::Context;
use chrono::NaiveDateTime;
use std::path::Path;

/// Writes the decision summary (or the supplier brief) of the project, a
/// product or an order. Photos that cannot be embedded are reported on
/// stderr and shown as a sentence in the export: findings (exit 1).
pub fn run(
    file: &Path,
    format: Format,
    product: Option<u64>,
    order: Option<u64>,
    out: &Path,
    now: NaiveDateTime,
) -> anyhow::Result<Outcome> {
    let project = store::load(file)?;
    let scope = match (product, order) {
        (_, Some(o)) => Scope::Order(OrderId(o)),
        (Some(p), None) => Scope::Product(ProductId(p)),
        (None, None) => Scope::Project,
    };
    let written = report::export(
        &project,
        Some(file),
        format,
        scope,
        out,
        now,
        &mut |_, _| {},
    )
    .with_context(|| format!("could not export {}", file.display()))?;
    for m in &written.missing_photos {
        out::warn(format!("warning: {}", clean(m)));
    }
    let photos = if format == Format::Brief {
        String::new()
    } else {
        format!(", {} photos", written.photos)
    };
    say!(
        "wrote {} ({} bytes{photos})",
        written.path.display(),
        written.bytes
    );
    if let Some(folder) = &written.folder {
        say!("wrote {}", folder.display());
    }
    Ok(if written.missing_photos.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}
