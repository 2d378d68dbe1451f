//! Property tests on real inputs, mutated: the demo project file through
//! the loader, and a camera-like JPEG through the import check and the
//! thumbnail paths. Nothing may panic (a hang would stall the test). A few
//! hundred cases run in CI; `cargo test --test mutated_inputs -- --ignored`
//! runs many more.

#![allow(clippy::unwrap_used)]

use bulkready::{media, store};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

/// One change to the input: overwrite, insert or delete bytes at a place,
/// or splice in a piece that parsers treat specially.
#[derive(Clone, Debug)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Splice(usize, usize),
    Truncate(usize),
}

const PIECES: [&[u8]; 12] = [
    b"\"../../etc/passwd\"",
    b"18446744073709551615",
    b"-1",
    b"(((((((((((((",
    b"\xff\xd9",
    b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00",
    b"\xff\xc0\x00\x11\x08\x27\x10\x27\x10\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01",
    b"\xff\xdd\x00\x04\x00\x01",
    b"\xff\xc4\x00\x03\x00",
    b"\"\\u{1b}[2J\"",
    b"Some(",
    b"1e309",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, v)| Mutation::Insert(i, v)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), 0..PIECES.len()).prop_map(|(i, k)| Mutation::Splice(i, k)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(base: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut out = base.to_vec();
    for m in mutations {
        let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
        match m {
            Mutation::Set(i, b) if !out.is_empty() => {
                let i = i % out.len();
                out[i] = *b;
            }
            Mutation::Set(..) => {}
            Mutation::Insert(i, v) => {
                let i = at(*i, out.len());
                out.splice(i..i, v.iter().copied());
            }
            Mutation::Delete(i, n) => {
                let i = at(*i, out.len());
                let end = (i + n).min(out.len());
                out.drain(i..end);
            }
            Mutation::Splice(i, k) => {
                let i = at(*i, out.len());
                out.splice(i..i, PIECES[*k].iter().copied());
            }
            Mutation::Truncate(i) => {
                let keep = at(*i, out.len());
                out.truncate(keep);
            }
        }
    }
    out
}

fn demo_ron() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = bulkready::app::demo::write(dir.path()).unwrap();
        std::fs::read_to_string(path).unwrap()
    })
}

fn photo_jpeg() -> &'static [u8] {
    static JPEG: OnceLock<Vec<u8>> = OnceLock::new();
    JPEG.get_or_init(|| {
        let scene = media::synth::Scene::Mug {
            colour: [40, 90, 160],
        };
        let full = media::synth::render(&scene, 1, None);
        // Small enough for hundreds of decodes, still a real camera-like file.
        let img = image::load_from_memory(&full).unwrap().thumbnail(320, 240);
        let mut out = Vec::new();
        let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
        img.to_rgb8().write_with_encoder(enc).unwrap();
        out
    })
}

fn load_mutated(mutations: &[Mutation]) {
    let bytes = apply(demo_ron().as_bytes(), mutations);
    let text = String::from_utf8_lossy(&bytes);
    if let Ok(project) = store::from_ron(&text, Path::new("m.ron")) {
        // What loads must save and load again.
        let again = store::from_ron(&store::to_ron(&project), Path::new("m.ron")).unwrap();
        assert_eq!(again, project);
        for (_, p) in project.photos() {
            store::check_stored_file(&p.file).unwrap();
        }
    }
}

fn decode_mutated(mutations: &[Mutation]) {
    let bytes = apply(photo_jpeg(), mutations);
    let _ = media::probe(&bytes);
    let _ = media::thumbnail(&bytes, 64);
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    proptest::collection::vec(mutation(), 1..6)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn mutated_project_files_load_or_fail_without_panicking(m in mutations()) {
        load_mutated(&m);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn mutated_jpegs_are_checked_and_shrunk_without_panicking(m in mutations()) {
        decode_mutated(&m);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

    #[test]
    #[ignore = "many cases: run with --ignored"]
    fn many_mutated_project_files(m in mutations()) {
        load_mutated(&m);
    }

    #[test]
    #[ignore = "many cases: run with --ignored"]
    fn many_mutated_jpegs(m in mutations()) {
        decode_mutated(&m);
    }
}
