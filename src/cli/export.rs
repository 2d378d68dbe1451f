//! `export FILE --format html|pdf|md|brief|request [--lang zh|en|both]
//! [--product ID | --order ID] -o OUT`.

use super::out::{self, clean, say};
use super::{ExportFormat, Outcome};
use crate::model::{OrderId, ProductId};
use crate::report::{self, Format, Lang, Scope, Text};
use crate::store;
use anyhow::Context;
use chrono::NaiveDateTime;
use std::path::Path;

/// A language on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LangArg {
    Zh,
    En,
    Both,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
            LangArg::Both => Lang::Both,
        }
    }
}

/// Writes the decision summary, the supplier brief or the warehouse
/// request of the project, a product or an order. Photos that cannot be
/// embedded and characters that cannot be drawn are reported on stderr:
/// findings (exit 1).
pub fn run(
    file: &Path,
    format: ExportFormat,
    lang: Lang,
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
    let summary = match format {
        ExportFormat::Html => Some(Format::Html),
        ExportFormat::Pdf => Some(Format::Pdf),
        ExportFormat::Md => Some(Format::Markdown),
        ExportFormat::Brief | ExportFormat::Request => None,
    };
    let written = match summary {
        Some(f) => report::export(&project, Some(file), f, scope, out, now, &mut |_, _| {}),
        None => {
            let what = match format {
                ExportFormat::Request => Text::Request,
                _ => Text::Brief,
            };
            report::export_text(&project, scope, what, lang, out, now)
        }
    }
    .with_context(|| format!("could not export {}", file.display()))?;
    for m in &written.missing_photos {
        out::warn(format!("warning: {}", clean(m)));
    }
    if !written.undrawable.is_empty() {
        let said = report::fonts::undrawable_sentence(&written.undrawable);
        out::warn(format!("warning: {}", clean(&said)));
    }
    let photos = if summary.is_some() {
        format!(
            ", {}",
            crate::rules::text::count(written.photos, "photo", "photos")
        )
    } else {
        String::new()
    };
    say!(
        "wrote {} ({} bytes{photos})",
        written.path.display(),
        written.bytes
    );
    if let Some(folder) = &written.folder {
        say!("wrote {}", folder.display());
    }
    Ok(
        if written.missing_photos.is_empty() && written.undrawable.is_empty() {
            Outcome::Clean
        } else {
            Outcome::Findings
        },
    )
}
