//! What an import says when it is done: how many photos came in and, when
//! files were skipped, which and why, a partial result told apart from a
//! failure.

use crate::app::import;

/// What an import with skipped files says: a partial result ("18 photos
/// imported, 2 files skipped:") told apart from a failure ("Nothing
/// imported: 2 files skipped:"), then each file and why, at most
/// [`FAILURES_SHOWN`] of them.
pub(super) fn import_result(imported: usize, failed: &[import::Failed], cancelled: bool) -> String {
    let stop = if cancelled { " (cancelled)" } else { "" };
    let head = match imported {
        0 => format!(
            "Nothing imported{stop}: {} skipped:",
            files_count(failed.len())
        ),
        n => format!(
            "{} imported{stop}, {} skipped:",
            photos_count(n),
            files_count(failed.len())
        ),
    };
    let mut lines: Vec<String> = failed
        .iter()
        .take(FAILURES_SHOWN)
        .map(|f| {
            let name = f.source.file_name().map_or_else(
                || f.source.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            format!("• {name}: {}", f.reason)
        })
        .collect();
    if failed.len() > FAILURES_SHOWN {
        lines.push(format!("and {} more", failed.len() - FAILURES_SHOWN));
    }
    format!("{head}\n{}", lines.join("\n"))
}

const FAILURES_SHOWN: usize = 10;

/// "1 photo", "18 photos".
pub(super) fn photos_count(n: usize) -> String {
    crate::rules::text::count(n, "photo", "photos")
}

/// "1 file", "2 files".
fn files_count(n: usize) -> String {
    crate::rules::text::count(n, "file", "files")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn an_import_result_tells_a_partial_result_from_a_failure() {
        let failed: Vec<import::Failed> = (0..12)
            .map(|i| import::Failed {
                source: PathBuf::from(format!("/in/IMG_{i}.heic")),
                reason: "HEIC images are not supported".into(),
            })
            .collect();
        let partial = import_result(18, &failed[..2], false);
        assert_eq!(
            partial,
            "18 photos imported, 2 files skipped:\n\
             • IMG_0.heic: HEIC images are not supported\n\
             • IMG_1.heic: HEIC images are not supported"
        );
        let one = import_result(1, &failed[..1], true);
        assert!(
            one.starts_with("1 photo imported (cancelled), 1 file skipped:"),
            "{one}"
        );
        let none = import_result(0, &failed, false);
        assert!(
            none.starts_with("Nothing imported: 12 files skipped:\n"),
            "{none}"
        );
        assert!(
            none.ends_with("• IMG_9.heic: HEIC images are not supported\nand 2 more"),
            "{none}"
        );
    }
}
