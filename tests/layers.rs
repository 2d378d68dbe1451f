//! The layers of `src/lib.rs` hold: a module uses only the layers below
//! it (its unit tests included). Read from the source text: every
//! `crate::LAYER` path in a file must name its own layer or a lower one.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// Lowest first. `media` and `store` are beside each other in spirit, but
/// the store keeps the thumbnail cache, which uses media.
const LAYERS: [&str; 8] = [
    "model", "rules", "media", "store", "report", "app", "cli", "ui",
];

fn rank(layer: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == layer)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The layers a source text names with `crate::`.
fn named_layers(text: &str) -> Vec<&str> {
    text.match_indices("crate::")
        .filter(|(i, _)| !text[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        .map(|(i, m)| {
            let rest = &text[i + m.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn no_layer_uses_a_higher_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let Some(layer) = rel.components().next().and_then(|c| c.as_os_str().to_str()) else {
            continue;
        };
        let Some(own) = rank(layer.trim_end_matches(".rs")) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        for used in named_layers(&text) {
            if rank(used).is_some_and(|r| r > own) {
                wrong.push(format!("{} uses crate::{used}", rel.display()));
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "lower layers use higher ones:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_a_use_of_a_higher_layer() {
    assert_eq!(
        named_layers("use crate::ui::Theme; let x = crate::app::demo;"),
        ["ui", "app"]
    );
    assert_eq!(named_layers("my_crate::ui"), Vec::<&str>::new());
    assert!(rank("ui") > rank("model"));
}
