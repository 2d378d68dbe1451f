//! A minimal text reader for the PDFs BulkReady writes: inflates the
//! content streams, reads the ToUnicode map, and decodes the two-byte CIDs
//! shown by `Tj`. Enough to check what a reader would extract, without a
//! PDF library.

use std::collections::HashMap;

fn streams(pdf: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = find(&pdf[at..], b"stream\n") {
        let start = at + i + b"stream\n".len();
        let Some(len) = find(&pdf[start..], b"\nendstream") else {
            break;
        };
        let dict_start = pdf[..at + i]
            .windows(2)
            .rposition(|w| w == b"<<")
            .unwrap_or(0);
        let dict = &pdf[dict_start..at + i];
        let raw = &pdf[start..start + len];
        let data = if find(dict, b"/FlateDecode").is_some() && find(dict, b"/DCTDecode").is_none() {
            miniz_oxide::inflate::decompress_to_vec_zlib(raw).unwrap_or_default()
        } else {
            raw.to_vec()
        };
        out.push(data);
        at = start + len + b"\nendstream".len();
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn hex(s: &str) -> Vec<u8> {
    s.as_bytes()
        .chunks(2)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .filter_map(|h| u8::from_str_radix(h, 16).ok())
        .collect()
}

fn cmap(text: &str) -> HashMap<u16, String> {
    let mut map = HashMap::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.len() == 2 && parts[0].starts_with('<') && parts[1].starts_with('<') {
            let cid = hex(parts[0].trim_matches(['<', '>']));
            let uni = hex(parts[1].trim_matches(['<', '>']));
            if cid.len() != 2 {
                continue;
            }
            let units: Vec<u16> = uni
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            map.insert(
                u16::from_be_bytes([cid[0], cid[1]]),
                String::from_utf16_lossy(&units),
            );
        }
    }
    map
}

/// The bytes of the string operands of `Tj` in a content stream.
fn shown(content: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < content.len() {
        match content[i] {
            b'(' => {
                let mut s = Vec::new();
                let mut depth = 1;
                i += 1;
                while i < content.len() {
                    let c = content[i];
                    match c {
                        b'\\' => {
                            i += 1;
                            let e = content[i];
                            match e {
                                b'n' => s.push(b'\n'),
                                b'r' => s.push(b'\r'),
                                b't' => s.push(b'\t'),
                                b'b' => s.push(8),
                                b'f' => s.push(12),
                                b'0'..=b'7' => {
                                    let mut v = 0u32;
                                    let mut n = 0;
                                    while n < 3
                                        && i < content.len()
                                        && (b'0'..=b'7').contains(&content[i])
                                    {
                                        v = v * 8 + u32::from(content[i] - b'0');
                                        i += 1;
                                        n += 1;
                                    }
                                    i -= 1;
                                    s.push(v as u8);
                                }
                                other => s.push(other),
                            }
                        }
                        b'(' => {
                            depth += 1;
                            s.push(c);
                        }
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                            s.push(c);
                        }
                        _ => s.push(c),
                    }
                    i += 1;
                }
                out.push(s);
            }
            b'<' if content.get(i + 1) != Some(&b'<') => {
                let end = content[i..].iter().position(|&b| b == b'>').unwrap_or(0) + i;
                out.push(hex(&String::from_utf8_lossy(&content[i + 1..end])));
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The text of every page, one line per `Tj`.
pub fn extract(pdf: &[u8]) -> String {
    let all = streams(pdf);
    let mut map = HashMap::new();
    for s in &all {
        let t = String::from_utf8_lossy(s);
        if t.contains("begincmap") && t.contains("beginbfchar") {
            map.extend(cmap(&t));
        }
    }
    assert!(!map.is_empty(), "no ToUnicode map");
    let mut out = String::new();
    for s in &all {
        if find(s, b"Tj").is_none() || find(s, b"beginbfchar").is_some() {
            continue;
        }
        for bytes in shown(s) {
            for pair in bytes.chunks(2) {
                if let [a, b] = pair {
                    out.push_str(
                        map.get(&u16::from_be_bytes([*a, *b]))
                            .map_or("\u{fffd}", |s| s),
                    );
                }
            }
            out.push('\n');
        }
    }
    out
}
