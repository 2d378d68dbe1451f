//! Parses a large project on several cores: the `products` array is split
//! at top-level commas into contiguous chunks, each parsed on its own
//! thread, and the rest of the file is parsed with an empty array.
//!
//! The splitter is a small RON scanner (strings, escapes, brackets). Anything
//! it is not sure about — raw strings, comments, chars, extensions, a chunk
//! that fails — makes it give up, and the caller parses the whole text
//! sequentially, which also gives the exact error position.

use crate::model::{Product, Project};

/// Below this size a single thread is faster than starting others.
const MIN_PARALLEL_BYTES: usize = 512 * 1024;

/// `Some(project)` when the text could be parsed in parallel; `None` means
/// "parse it sequentially" (small file, unusual syntax or an error).
pub(crate) fn parse(text: &str) -> Option<Project> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 || text.len() < MIN_PARALLEL_BYTES || text.starts_with("#!") {
        return None;
    }
    let split = split_products(text)?;
    let chunks = chunks(text, &split, threads);
    let header = format!("{}{}", &text[..split.open + 1], &text[split.close..]);

    let (mut project, parts) = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                std::thread::Builder::new()
                    .name("parse-products".into())
                    .spawn_scoped(s, move || {
                        ron::from_str::<Vec<Product>>(&format!("[{chunk}]")).ok()
                    })
            })
            .collect();
        let project = ron::from_str::<Project>(&header).ok();
        let parts: Option<Vec<Vec<Product>>> = handles
            .into_iter()
            .map(|h| h.ok()?.join().ok().flatten())
            .collect();
        (project, parts)
    });
    let project_ref = project.as_mut()?;
    project_ref.products = parts?.into_iter().flatten().collect();
    project
}

/// Where the `products` array is: the byte offsets of its `[` and `]`, and
/// of the top-level commas inside it.
struct Split {
    open: usize,
    close: usize,
    commas: Vec<usize>,
}

fn split_products(text: &str) -> Option<Split> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut open = None;
    let mut commas = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Most bytes are letters, digits and white space: skip them fast.
        if !SPECIAL[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        match bytes[i] {
            b'"' => i = skip_string(bytes, i)?,
            // Comments, chars and raw strings: leave them to the full parser.
            b'/' | b'\'' => return None,
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !is_ident(bytes[i - 1])) =>
            {
                return None;
            }
            b'(' | b'[' | b'{' => {
                if depth == 1 && bytes[i] == b'[' && open.is_none() && is_products_key(text, i) {
                    open = Some(i);
                }
                depth += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 1 && open.is_some() && bytes[i] == b']' {
                    return Some(Split {
                        open: open?,
                        close: i,
                        commas,
                    });
                }
            }
            b',' if depth == 2 && open.is_some() => commas.push(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The bytes the scanner looks at; everything else is skipped.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let special = b"\"/'r()[]{},";
    while k < special.len() {
        t[special[k] as usize] = true;
        k += 1;
    }
    t
};

/// The index of the closing quote of the string starting at `start`.
fn skip_string(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        let next = i + bytes
            .get(i..)?
            .iter()
            .position(|&b| b == b'"' || b == b'\\')?;
        if bytes[next] == b'"' {
            return Some(next);
        }
        i = next + 2;
    }
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether the `[` at `i` is the value of the `products:` field.
fn is_products_key(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end();
    let Some(before) = before.strip_suffix(':') else {
        return false;
    };
    let before = before.trim_end();
    before
        .strip_suffix("products")
        .is_some_and(|rest| rest.as_bytes().last().is_none_or(|&b| !is_ident(b)))
}

/// The array's content cut at top-level commas into about `n` pieces of
/// similar size; each piece is a valid list body (trailing commas allowed).
fn chunks<'a>(text: &'a str, split: &Split, n: usize) -> Vec<&'a str> {
    let content = (split.open + 1, split.close);
    let target = (content.1 - content.0) / n + 1;
    let mut pieces = Vec::with_capacity(n);
    let mut start = content.0;
    for &comma in &split.commas {
        if comma + 1 - start >= target && pieces.len() + 1 < n {
            pieces.push(&text[start..comma + 1]);
            start = comma + 1;
        }
    }
    pieces.push(&text[start..content.1]);
    pieces
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn finds_the_products_array_and_its_commas() {
        let text = r#"(name: "a, [b] (c) \" products: [", products: [(id: 1, x: ("s,t")), (id: 2)], z: [1, 2])"#;
        let s = split_products(text).unwrap();
        assert_eq!(&text[s.open..=s.open], "[");
        assert_eq!(&text[s.close..=s.close], "]");
        assert_eq!(s.commas.len(), 1);
        assert_eq!(&text[s.open + 1..s.commas[0]], "(id: 1, x: (\"s,t\"))");
        let pieces = chunks(text, &s, 2);
        assert_eq!(pieces, vec!["(id: 1, x: (\"s,t\")),", " (id: 2)"]);
    }

    #[test]
    fn gives_up_on_syntax_it_does_not_scan() {
        for text in [
            "(products: [(name: r\"raw\")])",
            "(products: [(name: 'c')])",
            "(// comment\n products: [])",
            "(products: [(name: \"unterminated)])",
            "(other: [])",
        ] {
            assert!(split_products(text).is_none(), "{text}");
        }
    }

    #[test]
    fn does_not_take_a_field_ending_in_products() {
        let text = "(old_products: [(id: 1)], products: [(id: 2)])";
        let s = split_products(text).unwrap();
        assert_eq!(&text[s.open + 1..s.close], "(id: 2)");
    }
}
