//! The buyer's call on a deviation, made in the window: "accept this
//! deviation" turns a NO-GO into GO WITH CONDITIONS, recorded with who and
//! when, listed in the panel and carried into the signature; "it matches"
//! leaves no reason; withdrawing the call brings the NO-GO back.

#![allow(clippy::unwrap_used)]

mod common;
use bulkready::model::{Call, Verdict};
use bulkready::rules::sample_gate;
use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

type App = bulkready::ui::BulkReadyApp;

const COLOUR_ON_SAMPLE: &str = "Colour 颜色 on the sample";

fn scale_up(h: &Harness<'_, App>) -> Verdict {
    sample_gate(&h.state().session.project().unwrap().products[0]).verdict
}

/// The demo's mug with its sample's colour typed as "dusty blue": a
/// deviation on a critical colour row.
fn mug_with_dusty_blue() -> (tempfile::TempDir, Harness<'static, App>) {
    let (dir, mut h) = demo_harness();
    let mug = h.state().session.project().unwrap().products[0]
        .name
        .clone();
    click_tree(&mut h, &mug);
    assert_eq!(scale_up(&h), Verdict::Go);
    type_into(&mut h, COLOUR_ON_SAMPLE, "dusty blue");
    h.key_press(eframe::egui::Key::Tab);
    settle(&mut h);
    assert_eq!(scale_up(&h), Verdict::NoGo);
    (dir, h)
}

/// Types into a field of the open menu (no scrolling: that closes it).
fn type_in_menu(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_label(label).click();
    settle(h);
    h.get_by_label(label).type_text(text);
    settle(h);
}

fn make_call(h: &mut Harness<'_, App>, button: &str) {
    click(h, "Your call on the sample…");
    type_in_menu(
        h,
        "Why (optional)",
        "the seller's photo is under warm light",
    );
    type_in_menu(h, "Your name", "Li");
    h.get_by_label(button).click();
    settle(h);
}

#[test]
fn accepting_a_deviation_gives_go_with_conditions_recorded_with_who() {
    let (_dir, mut h) = mug_with_dusty_blue();
    make_call(&mut h, "Accept this deviation");
    assert_eq!(scale_up(&h), Verdict::GoWithConditions);
    let project = h.state().session.project().unwrap();
    let judged = project.products[0].orders[0]
        .observations
        .iter()
        .find_map(|o| o.judgement.as_ref())
        .unwrap();
    assert_eq!(judged.call, Call::AcceptDeviation);
    assert_eq!(judged.by, "Li");
    assert_eq!(judged.value, "dusty blue");
    assert!(judged.note.contains("warm light"), "{}", judged.note);
    // The panel says it, and lists the condition.
    h.get_by_label("✓  GO WITH CONDITIONS");
    h.get_by_label("condition:");
    let said: Vec<_> = h
        .query_all_by_label_contains("deviation accepted by Li")
        .collect();
    assert_eq!(said.len(), 2, "the panel's condition and the cell's call");
    // Ctrl+Z takes the call back.
    h.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::Z);
    settle(&mut h);
    assert_eq!(scale_up(&h), Verdict::NoGo);
}

#[test]
fn it_matches_leaves_no_reason_and_withdrawing_brings_the_no_go_back() {
    let (_dir, mut h) = mug_with_dusty_blue();
    make_call(&mut h, "It matches");
    assert_eq!(scale_up(&h), Verdict::Go);
    click(&mut h, "Withdraw call");
    assert_eq!(scale_up(&h), Verdict::NoGo);
}

#[test]
fn signing_a_conditional_go_records_its_conditions() {
    let (_dir, mut h) = mug_with_dusty_blue();
    make_call(&mut h, "Accept this deviation");
    click(&mut h, "Sign GO WITH CONDITIONS");
    let project = h.state().session.project().unwrap();
    let d = project.decisions.last().unwrap();
    assert_eq!(
        (d.computed, d.signed),
        (Verdict::GoWithConditions, Verdict::GoWithConditions)
    );
    let [condition] = d.conditions.as_slice() else {
        panic!("{:?}", d.conditions)
    };
    assert!(condition.contains("dusty blue"), "{condition}");
}
