//! Decision summaries to share: HTML, PDF, Markdown; and the texts to send:
//! the supplier brief ([`brief`]) and the warehouse's photo request
//! ([`request`]), in Chinese, English or both ([`Lang`]).
//! No egui. The rules compute every verdict and reason; this module only
//! arranges them ([`summary`] → [`contents`] → a writer) and does the I/O
//! (photos in, one file out).
//!
//! The window calls [`export`] on a background thread:
//!
//! ```no_run
//! # use bulkready::report::{export, Format, Scope};
//! # let project = bulkready::model::Project::default();
//! # let now = chrono::Local::now().naive_local();
//! let out = export(&project, Some("shop.ron".as_ref()), Format::Html, Scope::Project,
//!                  "shop.html".as_ref(), now, &mut |done, total| println!("{done}/{total}"))?;
//! # Ok::<(), bulkready::report::ReportError>(())
//! ```

pub mod brief;
pub mod contents;
mod contents_order;
mod controls;
pub mod doc;
pub mod fonts;
pub mod html;
pub mod images;
pub mod lang;
pub mod markdown;
pub mod pdf;
pub mod request;
pub mod summary;
pub mod zh;

pub use brief::supplier_brief;
pub use controls::{escape_controls, is_bidi_control};
pub use lang::Lang;
pub use request::warehouse_request;
pub use summary::{Scope, ScopeError, Summary, summarise};

use crate::model::Project;
use crate::store::{PhotoStore, StoreError, write_atomically};
use chrono::NaiveDateTime;
use images::Images;
use std::path::{Path, PathBuf};

/// The kinds of export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// One self-contained `.html` file.
    Html,
    /// A PDF with the font and photos embedded.
    Pdf,
    /// A `.md` file and a `NAME_files/` folder of thumbnails beside it.
    Markdown,
    /// The supplier brief as plain text (`.txt`).
    Brief,
}

impl Format {
    pub const ALL: [Format; 4] = [Self::Html, Self::Pdf, Self::Markdown, Self::Brief];

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Pdf => "pdf",
            Self::Markdown => "md",
            Self::Brief => "txt",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Html => "HTML page",
            Self::Pdf => "PDF",
            Self::Markdown => "Markdown",
            Self::Brief => "Supplier brief (text)",
        }
    }

    fn has_photos(self) -> bool {
        !matches!(self, Self::Brief)
    }
}

/// What an export wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOutput {
    /// The file written.
    pub path: PathBuf,
    /// The thumbnail folder beside a Markdown file.
    pub folder: Option<PathBuf>,
    pub bytes: u64,
    /// Photos embedded (or written to the folder).
    pub photos: usize,
    /// One sentence per photo that could not be embedded; the export shows
    /// the same sentence in its place.
    pub missing_photos: Vec<String>,
    /// Characters the PDF could not draw (no glyph in the bundled font):
    /// drawn as "?" and listed here; see [`fonts::undrawable_sentence`].
    pub undrawable: Vec<char>,
}

/// Why an export failed. Nothing was left half-written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Scope(#[from] ScopeError),
    #[error(transparent)]
    Write(#[from] StoreError),
    #[error("{} is the project file itself; choose another name for the export", .0.display())]
    OverProject(PathBuf),
    #[error("could not make the PDF: {0}")]
    Pdf(String),
    #[error("{} already holds files BulkReady did not write; choose another name for the export (nothing was changed)", .0.display())]
    FolderInUse(PathBuf),
}

/// Exports `scope` of `project` as `format` to `out`.
///
/// - `project_path` is where the project is saved; its photo store
///   (`name.photos/`) is beside it. `None` for a project never saved: the
///   export then shows a placeholder for each photo.
/// - `now` is the time the gates are judged at and printed in the summary
///   (warehouse local time); pass a fixed one for reproducible files.
/// - `progress(done, total)` is called as photos are prepared and files
///   written (never on a wrong thread: it runs on the caller's).
///
/// Writing is atomic: a temporary file beside `out`, then a rename; for
/// Markdown the thumbnail folder `STEM_files/` is built aside and swapped in
/// first (an old folder of that name is replaced).
pub fn export(
    project: &Project,
    project_path: Option<&Path>,
    format: Format,
    scope: Scope,
    out: &Path,
    now: NaiveDateTime,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportOutput, ReportError> {
    if project_path.is_some_and(|p| same_file(p, out)) {
        return Err(ReportError::OverProject(out.to_path_buf()));
    }
    let summary = summarise(project, scope, now)?;
    let photos: Vec<_> = if format.has_photos() {
        summary.photos().collect()
    } else {
        Vec::new()
    };
    let total = photos.len() + 2;
    let mut done = 0;
    progress(done, total);
    let store = project_path.map(PhotoStore::for_project);
    let images = images::load(store.as_ref(), photos.iter().copied(), || {
        done += 1;
        progress(done, total);
    });
    let mut missing: Vec<String> = photos
        .iter()
        .filter_map(|p| match images.get(&p.id) {
            Some(Err(why)) => Some(images::placeholder(&p.file.original_name, why)),
            _ => None,
        })
        .collect();
    missing.dedup();
    let folder_name = thumbs_folder_name(out);
    let Rendered { bytes, undrawable } = render(&summary, format, &images, &folder_name)?;
    progress(done + 1, total);
    let folder = if format == Format::Markdown {
        let folder = out.with_file_name(&folder_name);
        write_thumbs(&folder, &images)?;
        Some(folder)
    } else {
        None
    };
    write_atomically(out, &bytes, false)?;
    progress(total, total);
    Ok(ExportOutput {
        path: out.to_path_buf(),
        folder,
        bytes: bytes.len() as u64,
        photos: images.values().filter(|i| i.is_ok()).count(),
        missing_photos: missing,
        undrawable,
    })
}

/// The plain-text outputs to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    /// The supplier brief ([`brief`]).
    Brief,
    /// The photo and measurement request for the warehouse ([`request`]).
    Request,
}

/// The text of `scope` in `lang`, as the clipboard or a `.txt` file gets
/// it: control and bidi characters made visible ([`escape_controls`]).
pub fn text(
    project: &Project,
    scope: Scope,
    what: Text,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<String, ScopeError> {
    let summary = summarise(project, scope, now)?;
    let text = match what {
        Text::Brief => brief::brief_text(&summary, lang),
        Text::Request => request::request_text(&summary, lang),
    };
    Ok(escape_controls(&text, true).into_owned())
}

/// Writes [`text`] to `out` (atomically), with a final new line.
pub fn export_text(
    project: &Project,
    scope: Scope,
    what: Text,
    lang: Lang,
    out: &Path,
    now: NaiveDateTime,
) -> Result<ExportOutput, ReportError> {
    let mut body = text(project, scope, what, lang, now)?;
    body.push('\n');
    write_atomically(out, body.as_bytes(), false)?;
    Ok(ExportOutput {
        path: out.to_path_buf(),
        folder: None,
        bytes: body.len() as u64,
        photos: 0,
        missing_photos: Vec::new(),
        undrawable: Vec::new(),
    })
}

/// A rendered export: its bytes, and the characters it could not draw.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub undrawable: Vec<char>,
}

/// The bytes of a summary in `format`, with `images` (Markdown links point
/// into `folder`). No I/O. The brief is in both languages.
pub fn render(
    summary: &Summary,
    format: Format,
    images: &Images,
    folder: &str,
) -> Result<Rendered, ReportError> {
    let text = |bytes: Vec<u8>| Rendered {
        bytes,
        undrawable: Vec::new(),
    };
    Ok(match format {
        Format::Brief => text(plain(brief::brief_text(summary, Lang::Both))),
        Format::Html => text(html::html(&contents::document(summary), images).into_bytes()),
        Format::Markdown => text(plain(markdown::markdown(
            &contents::document(summary),
            images,
            folder,
        ))),
        Format::Pdf => {
            let f = pdf::pdf(&contents::document(summary), images).map_err(ReportError::Pdf)?;
            Rendered {
                bytes: f.bytes,
                undrawable: f.undrawable,
            }
        }
    })
}

/// Plain-text exports with control and bidi characters made visible.
fn plain(text: String) -> Vec<u8> {
    match escape_controls(&text, true) {
        std::borrow::Cow::Borrowed(_) => text.into_bytes(),
        std::borrow::Cow::Owned(escaped) => escaped.into_bytes(),
    }
}

/// `report.md` → `report_files`.
pub fn thumbs_folder_name(out: &Path) -> String {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    format!("{stem}_files")
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Whether `folder` holds only what an earlier export wrote there (photo
/// thumbnails), so it may be replaced.
fn only_our_thumbs(folder: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return false;
    };
    entries.into_iter().all(|e| {
        e.ok().is_some_and(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            e.file_type().is_ok_and(|t| t.is_file())
                && name.starts_with("photo-")
                && name.ends_with(".jpg")
        })
    })
}

/// Writes the thumbnails into a fresh folder beside `folder`, then swaps it
/// in place of an old one that an earlier export wrote; a folder of that
/// name holding anything else is left alone and the export refused.
fn write_thumbs(folder: &Path, images: &Images) -> Result<(), ReportError> {
    if folder.exists() && !only_our_thumbs(folder) {
        return Err(ReportError::FolderInUse(folder.to_path_buf()));
    }
    let name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = folder.with_file_name(format!(".{name}.tmp"));
    let old = folder.with_file_name(format!(".{name}.old"));
    let write = |path: &Path, e| StoreError::Write {
        path: path.to_path_buf(),
        source: e,
    };
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(|e| write(&tmp, e))?;
    }
    std::fs::create_dir_all(&tmp).map_err(|e| write(&tmp, e))?;
    let mut ids: Vec<_> = images.keys().copied().collect();
    ids.sort();
    for id in ids {
        if let Some(Ok(t)) = images.get(&id) {
            let path = tmp.join(markdown::thumb_name(id));
            if let Err(e) = std::fs::write(&path, &t.jpeg) {
                let _ = std::fs::remove_dir_all(&tmp);
                return Err(write(&path, e).into());
            }
        }
    }
    let had_old = folder.exists();
    if had_old {
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(folder, &old).map_err(|e| write(folder, e))?;
    }
    if let Err(e) = std::fs::rename(&tmp, folder) {
        // Put the old folder back rather than leave it hidden.
        if had_old {
            let _ = std::fs::rename(&old, folder);
        }
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(write(folder, e).into());
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
