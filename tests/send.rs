//! What the buyer sends, for the demo: the supplier brief in Chinese,
//! English and both, and the warehouse's photo request, against snapshots
//! (`UPDATE_SNAPSHOTS=1` rewrites them after a deliberate change).

#![allow(clippy::unwrap_used)]

use bulkready::report::{self, Lang, Scope, Text};
use chrono::{NaiveDate, NaiveDateTime};
use std::path::Path;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap()
}

fn snapshot(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("no {name}: run with UPDATE_SNAPSHOTS=1 to write it"));
    assert!(
        got == want,
        "{name} differs (UPDATE_SNAPSHOTS=1 rewrites it):\n{got}"
    );
}

#[test]
fn the_demo_brief_and_request_match_their_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let path = bulkready::app::demo::write(dir.path()).unwrap();
    let project = bulkready::store::load(&path).unwrap();
    for lang in Lang::ALL {
        let brief = report::text(&project, Scope::Project, Text::Brief, lang, now()).unwrap();
        snapshot(&format!("demo-brief-{}.txt", lang.code()), &brief);
        assert_eq!(
            report::supplier_brief(&project, Scope::Project, now(), lang).unwrap(),
            brief,
            "the window's clipboard text is the export's"
        );
    }
    let request = report::text(&project, Scope::Project, Text::Request, Lang::Both, now()).unwrap();
    snapshot("demo-request-both.txt", &request);
    assert_eq!(
        report::warehouse_request(&project, Scope::Project, now(), Lang::Both).unwrap(),
        request
    );
    // Both languages: every numbered Chinese line has its English under it.
    let both = report::text(&project, Scope::Project, Text::Brief, Lang::Both, now()).unwrap();
    let lines: Vec<&str> = both.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.split_once(". ")
            .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        {
            let next = lines[i + 1];
            assert!(next.starts_with("   "), "{l} / {next}");
            assert!(next.trim_start().starts_with(char::is_alphabetic), "{next}");
        }
    }
}
