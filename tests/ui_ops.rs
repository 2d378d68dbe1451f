//! Edits as a person makes them in the window: numbers and dates typed one
//! key per frame keep what was typed, and removals that take evidence with
//! them ask first and leave a file whose links are whole.

#![allow(clippy::unwrap_used)]

mod common;
use bulkready::app::sign;
use bulkready::model::{Subject, Verdict, broken_links};
use common::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Clicks into the field `label`, selects what it holds, and types `text`
/// one key per frame; returns what the field shows after each key.
fn type_slowly(
    h: &mut Harness<'_, bulkready::ui::BulkReadyApp>,
    label: &str,
    text: &str,
) -> Vec<String> {
    h.get_by_label(label).scroll_to_me();
    settle(h);
    h.get_by_label(label).click();
    settle(h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.step();
    let mut shown = Vec::new();
    for c in text.chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.step();
        h.step();
        shown.push(h.get_by_label(label).value().unwrap_or_default());
    }
    shown
}

fn leave_field(h: &mut Harness<'_, bulkready::ui::BulkReadyApp>) {
    h.key_press(egui::Key::Escape);
    settle(h);
}

fn unit_price(h: &Harness<'_, bulkready::ui::BulkReadyApp>) -> Option<f64> {
    h.state().session.project().unwrap().products[0]
        .listing
        .unit_price
}

#[test]
fn numbers_typed_one_key_per_frame_keep_their_decimal_point() {
    let (_dir, mut h) = demo_harness();
    let mug = h.state().session.project().unwrap().products[0]
        .name
        .clone();
    click_tree(&mut h, &mug);
    for (typed, want) in [
        ("12.80", 12.8),
        ("0.3", 0.3),
        ("1,5", 1.5),
        ("\u{FF19}.\u{FF15}", 9.5),
    ] {
        let shown = type_slowly(&mut h, "Unit price", typed);
        let prefixes: Vec<String> = (1..=typed.chars().count())
            .map(|n| typed.chars().take(n).collect())
            .collect();
        assert_eq!(
            shown, prefixes,
            "{typed}: the field shows exactly what was typed"
        );
        settle(&mut h);
        assert_eq!(unit_price(&h), Some(want), "{typed}");
        assert_eq!(
            h.get_by_label("Unit price").value().unwrap(),
            typed,
            "still focused"
        );
        leave_field(&mut h);
        assert_eq!(
            h.get_by_label("Unit price").value().unwrap(),
            want.to_string(),
            "normalised on leaving"
        );
    }
    // One undo step for the whole run of typing in the field.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(unit_price(&h), Some(1.5));
}

#[test]
fn a_date_typed_one_key_per_frame_waits_until_it_is_a_date() {
    let (_dir, mut h) = demo_harness();
    let sample = h.state().session.project().unwrap().products[0].orders[0].clone();
    click(&mut h, &format!("sample {}", sample.number));
    let shown = type_slowly(&mut h, "Arrived at warehouse", "2026-11-0");
    assert_eq!(shown.last().unwrap(), "2026-11-0");
    settle(&mut h);
    let arrived = |h: &Harness<'_, bulkready::ui::BulkReadyApp>| {
        h.state().session.project().unwrap().products[0].orders[0].parcels[0].arrived_on
    };
    assert_eq!(
        arrived(&h),
        sample.parcels[0].arrived_on,
        "not a date yet: unchanged"
    );
    h.event(egui::Event::Text("3".into()));
    settle(&mut h);
    assert_eq!(arrived(&h), chrono::NaiveDate::from_ymd_opt(2026, 11, 3));
    assert_eq!(
        h.get_by_label("Arrived at warehouse").value().unwrap(),
        "2026-11-03"
    );
}

/// Clicks the first widget called `label` (the tree's row, drawn first).
fn click_first(h: &mut Harness<'_, bulkready::ui::BulkReadyApp>, label: &str) {
    h.get_all_by_label(label).next().unwrap().click();
    settle(h);
}

/// Clicks `button`, checks the question names what else goes, says yes.
fn remove_confirmed(h: &mut Harness<'_, bulkready::ui::BulkReadyApp>, button: &str, effect: &str) {
    h.get_all_by_label(button).next().unwrap().scroll_to_me();
    settle(h);
    h.get_all_by_label(button).next().unwrap().click();
    settle(h);
    let (title, effects) = h.state().confirming().expect("a question first");
    assert!(
        effects.iter().any(|e| e.contains(effect)),
        "{title}: {effects:?}"
    );
    h.get_by_label("Remove").click();
    settle(h);
    assert!(h.state().confirming().is_none());
}

#[test]
fn removals_ask_first_and_the_saved_file_passes_the_link_checks() {
    let (_dir, mut h) = demo_harness();
    let path = h
        .state()
        .session
        .doc
        .as_ref()
        .unwrap()
        .path
        .clone()
        .unwrap();
    let project = h.state().session.project().unwrap().clone();
    let (mug, sample) = (&project.products[0], &project.products[0].orders[0]);
    let at = chrono::Local::now().fixed_offset();
    let signed = sign::sign(
        Subject::Ship(sample.id),
        Verdict::NoGo,
        "Li".into(),
        "checking".into(),
        at,
    );
    h.state_mut().session.apply(signed);
    settle(&mut h);
    assert_eq!(h.state().session.project().unwrap().decisions.len(), 2);

    click_first(&mut h, &format!("sample {}", sample.number));
    remove_confirmed(&mut h, "× Remove parcel", "unlinked from");
    click_first(&mut h, &mug.name);
    remove_confirmed(&mut h, "× Remove row", "no longer confirm");
    click_first(&mut h, &format!("sample {}", sample.number));
    remove_confirmed(&mut h, "Remove order…", "signed decision removed");
    assert!(
        h.state().toasts().iter().any(|t| t.contains("Ctrl+Z")),
        "{:?}",
        h.state().toasts()
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    wait_until(&mut h, "the save", |app| !dirty(app));
    let saved = bulkready::store::load(&path).unwrap();
    assert_eq!(broken_links(&saved), vec![]);
    assert!(saved.products[0].orders.iter().all(|o| o.id != sample.id));
    assert_eq!(
        saved.decisions.len(),
        1,
        "the order's decision went with it"
    );
    assert_eq!(saved.products[0].spec.len(), mug.spec.len() - 1);
}
