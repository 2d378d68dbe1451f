//! Exports of the demo project: every verdict, reason and checklist line in
//! each format; the HTML well-formed, script-free and self-contained; hostile
//! strings escaped; the PDF's text (read back) with the Chinese seller
//! reply; the Markdown against a golden snapshot.

#![allow(clippy::unwrap_used)]

#[path = "export/pdf_text.rs"]
mod pdf_text;

use bulkready::model::{Decision, DecisionId, Project, Subject, Verdict};
use bulkready::report::{self, Format, Scope, html, markdown};
use bulkready::rules::{self, decisions::evidence_fingerprint};
use chrono::{NaiveDate, NaiveDateTime};
use std::path::{Path, PathBuf};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap()
}

/// The demo, saved in `dir`, with two signed decisions (one an override
/// whose evidence changed since).
fn demo(dir: &Path) -> (PathBuf, Project) {
    let path = bulkready::app::demo::write(dir).unwrap();
    let mut project = bulkready::store::load(&path).unwrap();
    let mug = project.products[0].id;
    let tiles_sample = project.products[1].orders[0].id;
    let time = chrono::DateTime::parse_from_rfc3339("2026-11-21T18:30:00+08:00").unwrap();
    let (first, second) = (DecisionId(project.new_id()), DecisionId(project.new_id()));
    let evidence = evidence_fingerprint(&project, Subject::ScaleUp(mug)).unwrap();
    project.decisions.push(Decision {
        id: first,
        time,
        reviewer: "Mei".into(),
        subject: Subject::ScaleUp(mug),
        computed: Verdict::Go,
        signed: Verdict::Go,
        reason: String::new(),
        evidence,
        conditions: Vec::new(),
    });
    project.decisions.push(Decision {
        id: second,
        time,
        reviewer: "Mei".into(),
        subject: Subject::Ship(tiles_sample),
        computed: Verdict::NoGo,
        signed: Verdict::NotReady,
        reason: "Ship with the second sample once the seller re-sends the bag.".into(),
        evidence: "stale".into(),
        conditions: Vec::new(),
    });
    bulkready::store::save(&path, &project).unwrap();
    (path, project)
}

fn export(project: &Project, path: &Path, format: Format, out: &Path) -> report::ExportOutput {
    let mut calls = Vec::new();
    let written = report::export(
        project,
        Some(path),
        format,
        Scope::Project,
        out,
        now(),
        &mut |d, t| calls.push((d, t)),
    )
    .unwrap();
    let (last_done, total) = *calls.last().unwrap();
    assert_eq!(last_done, total, "progress ends at the total");
    assert!(
        calls.windows(2).all(|w| w[0].0 <= w[1].0),
        "progress only grows"
    );
    written
}

/// Every verdict word, reason, checklist line and decision reason, as
/// the rules compute them.
fn expected_lines(project: &Project) -> Vec<String> {
    let v = rules::evaluate(project, now());
    let mut out = Vec::new();
    for g in &v.products {
        out.extend(g.reasons.iter().map(|r| r.message.clone()));
    }
    for g in &v.orders {
        out.extend(g.reasons.iter().map(|r| r.message.clone()));
        out.extend(g.checklist.iter().map(|c| c.label.to_string()));
    }
    out.extend(project.decisions.iter().map(|d| d.reason.clone()));
    out.retain(|s| !s.is_empty());
    out.sort();
    out.dedup();
    out
}

const VERDICTS: [&str; 3] = ["\u{2713} GO", "\u{d7} NO-GO", "\u{25cb} NOT READY"];

#[test]
fn html_has_every_verdict_reason_and_checklist_line_and_is_self_contained() {
    let dir = tempfile::tempdir().unwrap();
    let (path, project) = demo(dir.path());
    let out = dir.path().join("summary.html");
    let written = export(&project, &path, Format::Html, &out);
    assert_eq!(written.photos, 10);
    assert!(written.missing_photos.is_empty());
    let h = std::fs::read_to_string(&out).unwrap();
    let lines = expected_lines(&project);
    assert!(lines.len() > 30, "{}", lines.len());
    for line in &lines {
        assert!(h.contains(&html::escape(line)), "missing: {line}");
    }
    for v in VERDICTS {
        assert!(h.contains(v), "{v}");
    }
    assert!(h.contains("evidence changed since"));
    well_formed(&h);
    assert!(!h.to_ascii_lowercase().contains("<script"));
    for attr in ["src=\"", "href=\""] {
        for (i, _) in h.match_indices(attr) {
            let value = &h[i + attr.len()..];
            assert!(
                value.starts_with("data:image/jpeg;base64,")
                    || value.starts_with("https://")
                    || value.starts_with("http://"),
                "external or unsafe {attr}: {}",
                &value[..value.len().min(60)]
            );
        }
    }
    assert_eq!(h.matches("src=\"data:image/jpeg;base64,").count(), 10);
    assert!(!h.contains("url("), "no CSS resources");
    assert!(!h.contains("@import"));
    // The listing links are the user's http(s) URLs.
    assert!(h.contains("href=\"https://detail.1688.com/offer/612345678901.html\""));
}

/// Every tag closes in order (void elements aside), attributes are quoted.
fn well_formed(h: &str) {
    const VOID: [&str; 4] = ["meta", "br", "img", "!doctype"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = h;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').unwrap() + start;
        let tag = &rest[start + 1..end];
        assert!(!tag.contains('<'), "unescaped < in {tag}");
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(closing) = tag.strip_prefix('/') {
            let open = stack.pop().unwrap_or_default();
            assert_eq!(open, closing.trim(), "closing tag out of order");
        } else if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
        assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes: {tag}");
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

fn hostile(project: &mut Project) {
    let p = &mut project.products[1];
    p.name = "Tiles \"><img src=x onerror=alert(1)>".into();
    p.listing.url = "javascript:alert(document.cookie)".into();
    let o = &mut p.orders[0];
    o.messages[0].text = "<script>alert('seller')</script> [click](javascript:alert(1))".into();
    o.note = "**bold** & <b>tag</b>".into();
}

#[test]
fn hostile_strings_show_as_text_in_html_markdown_and_brief() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut project) = demo(dir.path());
    hostile(&mut project);
    let h_out = dir.path().join("h.html");
    export(&project, &path, Format::Html, &h_out);
    let h = std::fs::read_to_string(&h_out).unwrap();
    assert!(!h.contains("<script"));
    assert!(h.contains("&lt;script&gt;alert(&#39;seller&#39;)&lt;/script&gt;"));
    assert!(!h.contains("<img src=x"));
    assert!(!h.contains("href=\"javascript"));
    assert!(
        h.contains("javascript:alert(document.cookie)"),
        "shown as text"
    );
    assert!(!h.contains("<b>tag</b>"));
    well_formed(&h);

    let m_out = dir.path().join("m.md");
    export(&project, &path, Format::Markdown, &m_out);
    let m = std::fs::read_to_string(&m_out).unwrap();
    assert!(!m.contains("<script"));
    assert_eq!(
        m.matches("](javascript").count(),
        m.matches("\\](javascript").count(),
        "every ] before javascript: is escaped"
    );
    assert!(m.contains("\\[click\\](javascript:alert(1))"));
    assert!(!m.contains("<img"));
    assert!(m.contains("\\*\\*bold\\*\\* &amp; &lt;b&gt;tag&lt;/b&gt;"));
}

#[test]
fn pdf_text_has_the_verdicts_reasons_and_chinese_seller_reply() {
    let dir = tempfile::tempdir().unwrap();
    let (path, project) = demo(dir.path());
    let out = dir.path().join("summary.pdf");
    let written = export(&project, &path, Format::Pdf, &out);
    assert_eq!(written.photos, 10);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.len() < 1_000_000, "font subset and thumbnails only");
    let text = squash(&pdf_text::extract(&bytes));
    let reply = "亲，大货和样品一样的，材质颜色包装都不变，发货前可以拍照给您确认";
    assert!(
        text.contains(&squash(reply)),
        "{}",
        &text[..2000.min(text.len())]
    );
    for line in expected_lines(&project) {
        assert!(text.contains(&squash(&line)), "missing in PDF: {line}");
    }
    for v in ["GO", "NO-GO", "NOTREADY"] {
        assert!(text.contains(v));
    }
    // An independent reader, when installed, finds the reply too.
    match std::process::Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
    {
        Ok(o) if o.status.success() => {
            let t = squash(&String::from_utf8_lossy(&o.stdout));
            assert!(t.contains(&squash(reply)), "pdftotext: {t}");
        }
        _ => eprintln!("pdftotext not installed: skipped the poppler cross-check"),
    }
}

/// Text without white space, curly quotes made straight (the PDF draws
/// them straight; lines wrap anywhere).
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            c => c,
        })
        .collect()
}

#[test]
fn markdown_matches_the_snapshot_and_its_photo_links_resolve() {
    let dir = tempfile::tempdir().unwrap();
    let (path, project) = demo(dir.path());
    let out = dir.path().join("summary.md");
    let written = export(&project, &path, Format::Markdown, &out);
    let folder = written.folder.unwrap();
    assert_eq!(folder, dir.path().join("summary_files"));
    let md = std::fs::read_to_string(&out).unwrap();
    let links: Vec<&str> = md
        .split("](<")
        .skip(1)
        .filter_map(|s| s.split(">)").next())
        .filter(|l| !l.starts_with("http"))
        .collect();
    assert_eq!(links.len(), 10);
    for l in links {
        assert!(l.starts_with("summary_files/photo-"), "{l}");
        let img = image::open(dir.path().join(l)).unwrap();
        assert!(img.width().max(img.height()) <= 480);
    }
    for line in expected_lines(&project) {
        assert!(md.contains(&markdown::escape(&line)), "missing: {line}");
    }
    let snapshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/demo-summary.md");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(snapshot.parent().unwrap()).unwrap();
        std::fs::write(&snapshot, &md).unwrap();
    }
    let want = std::fs::read_to_string(&snapshot)
        .expect("no snapshot: run with UPDATE_SNAPSHOTS=1 to write it");
    assert!(
        md == want,
        "the Markdown differs from {} (UPDATE_SNAPSHOTS=1 rewrites it)",
        snapshot.display()
    );
    assert!(
        !md.contains(&dir.path().display().to_string()),
        "no absolute paths"
    );

    // A second export replaces the folder: no stale thumbnails stay.
    std::fs::write(folder.join("photo-999.jpg"), b"old").unwrap();
    export(&project, &path, Format::Markdown, &out);
    assert!(!folder.join("photo-999.jpg").exists());
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 10);

    // A folder of that name holding anything else (a browser's saved page,
    // notes) is left alone and the export refused.
    let other = dir.path().join("page.md");
    let theirs = dir.path().join("page_files");
    std::fs::create_dir_all(theirs.join("sub")).unwrap();
    std::fs::write(theirs.join("notes.txt"), "mine").unwrap();
    let err = report::export(
        &project,
        Some(&path),
        Format::Markdown,
        Scope::Project,
        &other,
        now(),
        &mut |_, _| {},
    )
    .expect_err("the folder is someone else's");
    assert!(err.to_string().contains("page_files"), "{err}");
    assert_eq!(
        std::fs::read_to_string(theirs.join("notes.txt")).unwrap(),
        "mine"
    );
    assert!(theirs.join("sub").is_dir());
    assert!(!other.exists(), "nothing written");
}

#[test]
fn missing_and_corrupt_photos_become_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    let (path, project) = demo(dir.path());
    let store = bulkready::store::PhotoStore::for_project(&path);
    let photos: Vec<_> = project.photos().map(|(_, p)| p.clone()).collect();
    std::fs::remove_dir_all(store.root().join(".thumbs")).ok();
    std::fs::remove_file(store.path_of(&photos[0].file)).unwrap();
    std::fs::write(store.path_of(&photos[1].file), b"\xff\xd8\xff garbage").unwrap();
    for format in [Format::Html, Format::Pdf, Format::Markdown] {
        let out = dir.path().join(format!("s.{}", format.extension()));
        let written = export(&project, &path, format, &out);
        assert_eq!(written.missing_photos.len(), 2, "{format:?}");
        assert_eq!(written.photos, 8);
        let name = &photos[0].file.original_name;
        assert!(
            written.missing_photos[0].starts_with(&format!("Photo {name} is not available")),
            "{:?}",
            written.missing_photos
        );
        if format == Format::Html {
            let h = std::fs::read_to_string(&out).unwrap();
            assert_eq!(h.matches("is not available").count(), 2);
        }
    }
}

#[test]
fn scopes_and_bad_targets() {
    let dir = tempfile::tempdir().unwrap();
    let (path, project) = demo(dir.path());
    let bulk = project.products[0].orders[1].id;
    let out = dir.path().join("order.html");
    let mut progress = |_, _| {};
    report::export(
        &project,
        Some(&path),
        Format::Html,
        Scope::Order(bulk),
        &out,
        now(),
        &mut progress,
    )
    .unwrap();
    let h = std::fs::read_to_string(&out).unwrap();
    assert!(h.contains("Bulk order 3371120456698823"));
    assert!(!h.contains("Sample order 3369041277812041"));
    assert!(!h.contains("Magnetic building tiles"));

    let before = std::fs::read(&path).unwrap();
    let err = report::export(
        &project,
        Some(&path),
        Format::Html,
        Scope::Project,
        &path,
        now(),
        &mut progress,
    )
    .unwrap_err();
    assert!(err.to_string().contains("is the project file"), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the project is untouched"
    );

    let nowhere = dir.path().join("no/such/folder/x.html");
    let err = report::export(
        &project,
        Some(&path),
        Format::Html,
        Scope::Project,
        &nowhere,
        now(),
        &mut progress,
    )
    .unwrap_err();
    assert!(err.to_string().contains("x.html"), "{err}");
    assert!(err.to_string().contains("folder exists"), "{err}");
}

fn pdf_of(project: &Project, path: &Path, out: &Path) -> (report::ExportOutput, String) {
    let written = export(project, path, Format::Pdf, out);
    let text = pdf_text::extract(&std::fs::read(out).unwrap());
    (written, text)
}

/// What poppler's pdftotext reads, when it is installed.
fn pdftotext(pdf: &Path, pages: Option<(u32, u32)>) -> Option<String> {
    let mut cmd = std::process::Command::new("pdftotext");
    if let Some((first, last)) = pages {
        cmd.args(["-f", &first.to_string(), "-l", &last.to_string()]);
    }
    match cmd.arg(pdf).arg("-").output() {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        _ => {
            eprintln!("pdftotext not installed: skipped the poppler cross-check");
            None
        }
    }
}

#[test]
fn pdf_draws_rare_hanzi_and_keeps_them_in_its_text_layer() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut project) = demo(dir.path());
    let rare = "霾 锂 钛 榉 貂 镂 腈";
    project.products[0].listing.title = format!("雾霾蓝 锂电池 {rare}");
    let out = dir.path().join("rare.pdf");
    let (written, text) = pdf_of(&project, &path, &out);
    assert!(written.undrawable.is_empty(), "{:?}", written.undrawable);
    let text = squash(&text);
    for c in squash(rare).chars().chain("雾霾蓝锂电池".chars()) {
        assert!(text.contains(c), "{c} missing from the text layer");
    }
    if let Some(t) = pdftotext(&out, None) {
        assert!(squash(&t).contains(&squash(rare)), "pdftotext: {t}");
    }
}

#[test]
fn pdf_of_500_random_block_characters_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut project) = demo(dir.path());
    let mut seed: u32 = 0x2545_f491;
    let mut random = String::new();
    while random.chars().count() < 500 {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        // U+4E00..U+9FEF: the block but its 16 newest code points.
        let c = char::from_u32(0x4e00 + seed % (0x9ff0 - 0x4e00)).unwrap();
        random.push(c);
    }
    let sample = format!("{random}雾霾蓝锂电池");
    project.products[0].orders[0].messages[0].text = sample.clone();
    let out = dir.path().join("random.pdf");
    let (written, text) = pdf_of(&project, &path, &out);
    assert!(written.undrawable.is_empty(), "{:?}", written.undrawable);
    assert!(squash(&text).contains(&sample), "the text layer differs");
    if let Some(t) = pdftotext(&out, None) {
        assert!(squash(&t).contains(&sample), "pdftotext differs");
    }
}

#[test]
fn characters_no_bundled_font_has_are_reported_not_silently_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut project) = demo(dir.path());
    // Extension B, and U+9FF0 (Unicode 13): in no Noto CJK release.
    project.products[0].listing.title = "杯子 \u{20000} \u{9ff0} \u{20000}".into();
    let out = dir.path().join("odd.pdf");
    let (written, _) = pdf_of(&project, &path, &out);
    assert_eq!(written.undrawable, vec!['\u{9ff0}', '\u{20000}']);
    let said = report::fonts::undrawable_sentence(&written.undrawable);
    assert!(
        said.starts_with("2 characters could not be drawn"),
        "{said}"
    );
}

#[test]
fn pdf_table_headers_break_only_between_words_and_pages_count_n_of_n() {
    let dir = tempfile::tempdir().unwrap();
    let (path, project) = demo(dir.path());
    let out = dir.path().join("summary.pdf");
    let (_, text) = pdf_of(&project, &path, &out);
    let lines: Vec<&str> = text.lines().collect();
    for word in [
        "Reviewer",
        "Computed",
        "Evidence",
        "Signed",
        "Reason",
        "Tracking",
        "Carrier",
        "warehouse",
        "Weight",
        "Photos",
        "Defects",
        "Sample",
        "Accept",
        "Reject",
        "Found",
        "Result",
    ] {
        assert!(
            lines.iter().any(|l| l.contains(word)),
            "header word {word} is broken or missing"
        );
    }
    let pages = lines.iter().filter(|l| l.contains(" \u{b7} page ")).count();
    assert!(pages >= 4, "{pages}");
    for n in 1..=pages {
        let footer = format!("page {n} of {pages}");
        assert!(lines.iter().any(|l| l.ends_with(&footer)), "{footer}");
    }
    // Page 1 carries the first product, not just the overview.
    if let Some(first) = pdftotext(&out, Some((1, 1))) {
        let product = format!("Product {}: Ceramic mug 350 ml", project.products[0].id);
        assert!(first.contains(&product), "{first}");
        assert!(first.contains("Scale up? (sample gate)"), "{first}");
    }
}

#[test]
fn no_column_for_a_missing_bulk_order_and_unpriced_routes_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut project) = demo(dir.path());
    let route = &mut project.routes[1];
    assert_eq!(route.name, "Air line (forwarder)");
    (route.first_price, route.per_kg) = (0.0, 0.0);
    let out = dir.path().join("s.html");
    export(&project, &path, Format::Html, &out);
    let h = std::fs::read_to_string(&out).unwrap();
    assert!(
        !h.contains("(no order)"),
        "no column for an order that does not exist"
    );
    assert!(
        h.contains("Bulk (3371120456698823)"),
        "the mug has a bulk order"
    );
    assert!(
        h.contains("no price (the route&#39;s"),
        "unpriced route flagged"
    );
    assert!(!h.contains(">0 CNY<"), "no zero cost");
}

#[test]
fn a_colour_reading_is_in_the_export_and_a_likely_different_one_is_a_reason() {
    use bulkready::model::{ColourBand, ColourReading};
    use bulkready::rules::ops::{self, Op};
    let dir = tempfile::tempdir().unwrap();
    let (path, mut project) = demo(dir.path());
    let mug = &project.products[0];
    let (sample, bulk) = (&mug.orders[0], &mug.orders[1]);
    let colour_row = mug
        .spec
        .iter()
        .find(|r| r.name.starts_with("Colour"))
        .unwrap()
        .id;
    let reading = ColourReading {
        sample_photo: sample.photos[0].id,
        bulk_photo: bulk.photos[0].id,
        sample_region: [0.4, 0.4, 0.5, 0.5],
        bulk_region: [0.4, 0.4, 0.5, 0.5],
        sample_neutral: None,
        bulk_neutral: None,
        delta_e: 7.4,
        delta_l: -6.1,
        delta_c: -3.2,
        delta_h: 0.4,
        balanced: false,
        band: ColourBand::LikelyDifferent,
        words: "the bulk is darker and less saturated".into(),
    };
    let op = Op::SetColourReading {
        order: bulk.id,
        spec: colour_row,
        reading: Some(Box::new(reading.clone())),
    };
    ops::apply(&mut project, op).unwrap();
    let out = dir.path().join("summary.md");
    export(&project, &path, Format::Markdown, &out);
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains(&markdown::escape(&reading.summary())), "{md}");
    let gate = rules::evaluate(&project, now()).products.remove(0);
    assert_eq!(gate.verdict, Verdict::NoGo);
    let reason = gate
        .reasons
        .iter()
        .find(|r| r.message.contains("likely a different colour"))
        .unwrap();
    assert!(md.contains(&markdown::escape(&reason.message)), "{md}");
}
