//! The buyer's call on a cell: "matches" settles a deviation, "accept this
//! deviation" makes the verdict GO with conditions, and a call holds only
//! for the value it was made on.

use crate::model::*;
use crate::rules::all_go_fixture::{SAMPLE, project};
use crate::rules::ops::{self, Op, OpError};
use crate::rules::{Severity, sample_gate};

const COLOUR: SpecId = SpecId(3);
const HEIGHT: SpecId = SpecId(4);

fn at() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00+08:00").unwrap_or_default()
}

fn call(call: Call, value: &str) -> Judgement {
    Judgement {
        call,
        value: value.into(),
        note: "close enough under daylight".into(),
        by: "Li".into(),
        at: at(),
    }
}

/// The fixture with the sample's colour observed as `colour`.
fn with_colour(colour: &str) -> Project {
    let mut p = project();
    let sample = p.products[0].orders[SAMPLE].id;
    ops::apply(
        &mut p,
        Op::Observe {
            order: sample,
            spec: COLOUR,
            value: colour.into(),
            photo: None,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    p
}

fn judge(p: &mut Project, spec: SpecId, judgement: Option<Judgement>) -> Result<(), OpError> {
    let order = p.products[0].orders[SAMPLE].id;
    ops::apply(
        p,
        Op::Judge {
            order,
            spec,
            judgement,
        },
    )
    .map(|_| ())
}

#[test]
fn a_colour_deviation_is_no_go_until_the_buyer_calls_it() {
    let p = with_colour("teal");
    let g = sample_gate(&p.products[0]);
    assert_eq!(g.verdict, Verdict::NoGo, "{:?}", g.reasons);
}

#[test]
fn matches_settles_the_deviation_with_no_reason_left() {
    let mut p = with_colour("teal");
    judge(&mut p, COLOUR, Some(call(Call::Matches, "teal"))).unwrap_or_else(|e| panic!("{e}"));
    let g = sample_gate(&p.products[0]);
    assert_eq!(g.verdict, Verdict::Go, "{:?}", g.reasons);
    assert!(g.reasons.is_empty(), "{:?}", g.reasons);
}

#[test]
fn an_accepted_deviation_is_go_with_that_condition() {
    let mut p = with_colour("teal");
    judge(&mut p, COLOUR, Some(call(Call::AcceptDeviation, "teal")))
        .unwrap_or_else(|e| panic!("{e}"));
    let g = sample_gate(&p.products[0]);
    assert_eq!(g.verdict, Verdict::GoWithConditions, "{:?}", g.reasons);
    let [r] = g.reasons.as_slice() else {
        panic!("{:?}", g.reasons)
    };
    assert_eq!(r.severity, Severity::Condition);
    for words in [
        "Colour",
        "teal",
        "deviation accepted by Li on 2026-11-22",
        "daylight",
    ] {
        assert!(r.message.contains(words), "{words}: {}", r.message);
    }
}

#[test]
fn a_call_holds_only_for_the_value_it_was_made_on() {
    let mut p = with_colour("teal");
    judge(&mut p, COLOUR, Some(call(Call::Matches, "teal"))).unwrap_or_else(|e| panic!("{e}"));
    let sample = p.products[0].orders[SAMPLE].id;
    ops::apply(
        &mut p,
        Op::Observe {
            order: sample,
            spec: COLOUR,
            value: "orange".into(),
            photo: None,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let g = sample_gate(&p.products[0]);
    assert_eq!(g.verdict, Verdict::NoGo, "{:?}", g.reasons);
}

#[test]
fn a_condition_does_not_hide_what_is_not_ready() {
    let mut p = with_colour("teal");
    judge(&mut p, COLOUR, Some(call(Call::AcceptDeviation, "teal")))
        .unwrap_or_else(|e| panic!("{e}"));
    p.products[0].orders[SAMPLE]
        .observations
        .retain(|o| o.spec != HEIGHT);
    let g = sample_gate(&p.products[0]);
    assert_eq!(g.verdict, Verdict::NotReady, "{:?}", g.reasons);
    assert!(g.reasons.iter().any(|r| r.severity == Severity::Condition));
}

#[test]
fn an_accepted_deviation_on_a_critical_number_is_a_condition() {
    let mut p = project();
    let sample = p.products[0].orders[SAMPLE].id;
    p.products[0].spec[1].critical = true;
    ops::apply(
        &mut p,
        Op::Observe {
            order: sample,
            spec: HEIGHT,
            value: "11.5 cm".into(),
            photo: None,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sample_gate(&p.products[0]).verdict, Verdict::NoGo);
    judge(&mut p, HEIGHT, Some(call(Call::AcceptDeviation, "11.5 cm")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        sample_gate(&p.products[0]).verdict,
        Verdict::GoWithConditions
    );
}

#[test]
fn judging_a_row_with_no_observation_is_refused_and_changes_nothing() {
    let mut p = project();
    p.products[0].orders[SAMPLE]
        .observations
        .retain(|o| o.spec != COLOUR);
    let before = p.clone();
    let got = judge(&mut p, COLOUR, Some(call(Call::Matches, "navy")));
    assert!(matches!(got, Err(OpError::NotFound(_))), "{got:?}");
    assert_eq!(p, before);
}

#[test]
fn a_call_is_undone_exactly() {
    let mut p = with_colour("teal");
    let before = p.clone();
    let order = p.products[0].orders[SAMPLE].id;
    let applied = ops::apply(
        &mut p,
        Op::Judge {
            order,
            spec: COLOUR,
            judgement: Some(call(Call::AcceptDeviation, "teal")),
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for inverse in applied.inverse {
        ops::apply(&mut p, inverse).unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(p, before);
}

#[test]
fn the_table_carries_the_call_that_settles_a_cell() {
    let mut p = with_colour("teal");
    judge(&mut p, COLOUR, Some(call(Call::AcceptDeviation, "teal")))
        .unwrap_or_else(|e| panic!("{e}"));
    let table = crate::rules::compare::compare_product(&p.products[0]);
    let row = table.rows.iter().find(|r| r.spec == COLOUR);
    let got = row.and_then(|r| r.sample_call.as_ref()).map(|j| j.call);
    assert_eq!(got, Some(Call::AcceptDeviation));
    let height = table.rows.iter().find(|r| r.spec == HEIGHT);
    assert!(
        height.is_some_and(|r| r.sample_call.is_none()),
        "a matching cell has no call"
    );
}
